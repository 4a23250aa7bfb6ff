/** add_list and update_list: create a list, or change, reset, empty or delete one. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr, sqlLiteral } from '../../mysql';
import { keepOnly, urlDecode } from '../../php';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { campaignAllowed, hasRight, refuse, visibleCampaign } from './shared';

const TZ_METHODS = ['COUNTRY_AND_AREA_CODE', 'POSTAL_CODE', 'NANPA_PREFIX', 'OWNER_TIME_ZONE_CODE'];
const XFER = [
	['one', 'ONE', 'xferconf_a_number'],
	['two', 'TWO', 'xferconf_b_number'],
	['three', 'THREE', 'xferconf_c_number'],
	['four', 'FOUR', 'xferconf_d_number'],
	['five', 'FIVE', 'xferconf_e_number'],
] as const;
const WEBFORMS = ['web_form_address', 'web_form_address_two', 'web_form_address_three'] as const;

/** A web form address as the scripts take it: a URL-encoded one is decoded (spaces back to +). */
function webForm(value: string): string {
	return /%3A%2F%2F/.test(value) ? urlDecode(value).replace(/ /g, '+') : value;
}

/** custom_fields_copy checks both functions make; null when the copy may go ahead. */
function copyProblem(c: NaContext, listId: string, copyFrom: string): string | null {
	const db = c.state.db;
	if (db.t('vicidial_lists').count((r) => numEqStr(Number(r.list_id), copyFrom)) < 1)
		return `CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |${c.user}|${listId}|${copyFrom}|0`;
	if (db.t('vicidial_lists_fields').count((r) => numEqStr(Number(r.list_id), copyFrom)) < 1)
		return `CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |${c.user}|${listId}|${copyFrom}|0`;
	if (c.state.user(c.user)?.custom_fields_modify !== '1')
		return `USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |${c.user}|${listId}|${copyFrom}|0`;
	return null;
}

export function addList(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	const listId = keepOnly(p.get('list_id'), '0-9');
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!hasRight(c, 'modify_lists')) {
		refuse(c, 'USER DOES NOT HAVE PERMISSION TO ADD LISTS', '0');
		return;
	}
	const campaignId = p.get('campaign_id');
	const listName = p.get('list_name');
	if (
		listId.length < 2 ||
		listId.length > 14 ||
		campaignId.length < 1 ||
		campaignId.length > 8 ||
		listName.length < 2 ||
		listName.length > 30
	) {
		refuse(c, 'YOU MUST USE ALL REQUIRED FIELDS', `${listId}|${listName}|${campaignId}`);
		return;
	}
	if (!visibleCampaign(c, campaignId)) {
		refuse(c, 'CAMPAIGN DOES NOT EXIST', campaignId);
		return;
	}
	if (db.t('vicidial_lists').count((r) => numEqStr(Number(r.list_id), listId)) > 0) {
		refuse(c, 'LIST ALREADY EXISTS', listId);
		return;
	}
	const optional = (reason: string, value: string): void =>
		refuse(c, `${reason}, THIS IS AN OPTIONAL FIELD`, value);
	const script = p.get('script');
	if (script.length > 0 && db.t('vicidial_scripts').count((r) => ciEq(r.script_id, script)) < 1)
		return optional('SCRIPT DOES NOT EXIST', script);
	const dropGroup = p.get('drop_inbound_group');
	if (
		dropGroup.length > 0 &&
		db.t('vicidial_inbound_groups').count((r) => ciEq(r.group_id, dropGroup)) < 1
	)
		return optional('IN-GROUP DOES NOT EXIST', dropGroup);
	const resetTime = p.get('reset_time');
	if (resetTime.length > 0 && resetTime.length < 4)
		return optional('RESET TIME IS NOT VALID', resetTime);
	const copyFrom = p.get('custom_fields_copy');
	if (copyFrom.length > 1 && copyFrom.length < 15) {
		const problem = copyProblem(c, listId, copyFrom);
		// without custom fields in the system there is never anything to copy (the copy itself is not modelled)
		if (problem) {
			c.say(`ERROR: add_list ${problem}\n`);
			return;
		}
	}
	const set: Record<string, string> = {};
	for (const column of WEBFORMS) {
		const v = p.get(column);
		if (v.length > 0) set[column] = v === '--BLANK--' ? '' : sqlLiteral(webForm(v), "'");
	}
	let active = p.get('active');
	if (active.length < 1) active = 'N';
	let expiration = p.get('expiration_date');
	if (expiration.length < 10) expiration = '2099-12-31';
	const description = p.get('list_description');
	if (description.length > 0) set.list_description = description === '--BLANK--' ? '' : description;
	const tzMethod = p.get('tz_method');
	if (tzMethod.length > 0) {
		if (!TZ_METHODS.includes(tzMethod)) return optional('TIME ZONE METHOD IS NOT VALID', tzMethod);
		set.time_zone_setting = tzMethod;
	}
	const callTime = p.get('local_call_time');
	if (callTime.length > 0 && callTime !== 'campaign') {
		if (db.t('vicidial_call_times').count((r) => ciEq(r.call_time_id, callTime)) < 1)
			return optional('LOCAL CALL TIME DOES NOT EXIST', callTime);
		set.local_call_time = callTime;
	}
	for (const [suffix, word, column] of XFER) {
		const v = p.get(`xferconf_${suffix}`);
		if (v.length === 0) continue;
		if (v.length > 50) return optional(`TRANSFER CONF OVERRIDE ${word} IS NOT VALID`, v);
		set[column] = v;
	}
	db.t('vicidial_lists').insert(
		{
			list_id: listId,
			list_name: listName,
			campaign_id: campaignId,
			active,
			campaign_cid_override: p.get('outbound_cid'),
			agent_script_override: script,
			am_message_exten_override: p.get('am_message'),
			drop_inbound_group_override: dropGroup,
			reset_time: resetTime,
			expiration_date: expiration,
			...set,
		},
		state.nowStr(),
	);
	c.say(`SUCCESS: add_list LIST HAS BEEN ADDED - ${c.user}|${listId}|${listName}|${campaignId}\n`);
}

export function updateList(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	const listId = keepOnly(p.get('list_id'), '0-9');
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!hasRight(c, 'modify_lists')) {
		refuse(c, 'USER DOES NOT HAVE PERMISSION TO UPDATE LISTS', '0');
		return;
	}
	const campaignId = p.get('campaign_id');
	if (listId.length < 2 || listId.length > 14) {
		refuse(c, 'YOU MUST USE ALL REQUIRED FIELDS', `${listId}|${p.get('list_name')}|${campaignId}`);
		return;
	}
	if (c.apiListRestrict > 0 && !c.allowedLists.includes(` ${listId} `)) {
		c.say(`ERROR: update_list NOT AN ALLOWED LIST ID - ${listId}\n`);
		return;
	}
	const lists = db.t('vicidial_lists');
	const thisList = (r: Row): boolean => numEqStr(Number(r.list_id), listId);
	const exists = lists.count((r) => thisList(r) && campaignAllowed(c, r.campaign_id)) > 0;
	const copyFrom = p.get('custom_fields_copy');
	const copyRequested = copyFrom.length >= 1 && copyFrom.length <= 14;
	if (!exists && !copyRequested) {
		if (p.get('insert_if_not_found') === 'Y') {
			c.say(
				`NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |${c.user}|${listId}\n`,
			);
			addList({ ...c, fn: 'add_list' });
			return;
		}
		refuse(c, 'LIST DOES NOT EXIST', listId);
		return;
	}

	const optional = (reason: string, value: string): void =>
		refuse(c, `${reason}, THIS IS AN OPTIONAL FIELD`, value);
	const set: Record<string, string> = {};
	if (campaignId.length > 0) {
		if (db.t('vicidial_campaigns').count((r) => ciEq(r.campaign_id, campaignId)) < 1)
			return optional('CAMPAIGN DOES NOT EXIST', campaignId);
		set.campaign_id = campaignId;
	}
	const script = p.get('script');
	if (script.length > 0) {
		if (script === '--BLANK--') set.agent_script_override = '';
		else if (db.t('vicidial_scripts').count((r) => ciEq(r.script_id, script)) < 1)
			return optional('SCRIPT DOES NOT EXIST', script);
		else set.agent_script_override = script;
	}
	const dropGroup = p.get('drop_inbound_group');
	if (dropGroup.length > 0) {
		if (dropGroup === '--BLANK--') set.drop_inbound_group_override = '';
		else if (db.t('vicidial_inbound_groups').count((r) => ciEq(r.group_id, dropGroup)) < 1)
			return optional('IN-GROUP DOES NOT EXIST', dropGroup);
		else set.drop_inbound_group_override = dropGroup;
	}
	const listName = p.get('list_name');
	if (listName.length > 0) {
		if (listName.length > 30 || listName.length < 6)
			return optional('LIST NAME MUST BE FROM 6 TO 30 CHARACTERS', listName);
		set.list_name = listName;
	}
	const active = p.get('active');
	if (active.length > 0) {
		if (active !== 'Y' && active !== 'N') return optional('ACTIVE MUST BE Y OR N', active);
		set.active = active;
	}
	const cid = p.get('outbound_cid');
	if (cid.length > 0) {
		if (cid === '--BLANK--') set.campaign_cid_override = '';
		else if (cid.length > 18 || cid.length < 6)
			return optional('OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS', cid);
		else set.campaign_cid_override = cid;
	}
	const amMessage = p.get('am_message');
	if (amMessage.length > 0) {
		if (amMessage === '--BLANK--') set.am_message_exten_override = '';
		else if (amMessage.length > 100)
			return optional('ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS', amMessage);
		else set.am_message_exten_override = amMessage;
	}
	// reset_time and expiration_date share one SQL fragment in the script: an expiration date wins
	let resetOrExpiration: Record<string, string> = {};
	const resetTime = p.get('reset_time');
	if (resetTime.length > 0) {
		if (resetTime === '--BLANK--') resetOrExpiration = { reset_time: '' };
		else if (resetTime.length < 4) return optional('RESET TIME IS NOT VALID', resetTime);
		else resetOrExpiration = { reset_time: resetTime };
	}
	const expiration = p.get('expiration_date');
	if (expiration.length > 9)
		resetOrExpiration = { expiration_date: expiration === '--BLANK--' ? '2099-12-31' : expiration };
	for (const column of WEBFORMS) {
		const v = p.get(column);
		if (v.length > 0) set[column] = v === '--BLANK--' ? '' : sqlLiteral(webForm(v), "'");
	}
	const description = p.get('list_description');
	if (description.length > 0) set.list_description = description === '--BLANK--' ? '' : description;
	const tzMethod = p.get('tz_method');
	if (tzMethod.length > 0) {
		if (!TZ_METHODS.includes(tzMethod)) return optional('TIME ZONE METHOD IS NOT VALID', tzMethod);
		set.time_zone_setting = tzMethod;
	}
	const callTime = p.get('local_call_time');
	if (callTime.length > 0) {
		if (
			callTime !== 'campaign' &&
			db.t('vicidial_call_times').count((r) => ciEq(r.call_time_id, callTime)) < 1
		)
			return optional('LOCAL CALL TIME DOES NOT EXIST', callTime);
		set.local_call_time = callTime;
	}
	for (const [suffix, word, column] of XFER) {
		const v = p.get(`xferconf_${suffix}`);
		if (v.length === 0) continue;
		if (v === '--BLANK--') set[column] = '';
		else if (v.length > 50) return optional(`TRANSFER CONF OVERRIDE ${word} IS NOT VALID`, v);
		else set[column] = v;
	}
	Object.assign(set, resetOrExpiration);

	const now = state.nowStr();
	if (Object.keys(set).length === 0) {
		c.say(`NOTICE: update_list NO UPDATES DEFINED: |${c.user}|\n`);
	} else {
		if (set.campaign_id !== undefined) {
			const oldCampaign = s(lists.find(thisList)?.campaign_id);
			// a case-sensitive comparison in the script: TESTCAMP vs testcamp also empties the hopper
			if (campaignId !== oldCampaign)
				db.t('vicidial_hopper').delete(
					(r) => numEqStr(Number(r.list_id), listId) && ciEq(r.campaign_id, oldCampaign),
				);
		}
		for (const row of lists.filter(thisList))
			lists.update(row, { list_changedate: now, ...set }, now);
		c.say(`SUCCESS: update_list LIST HAS BEEN UPDATED - ${c.user}|${listId}\n`);
	}
	if (p.get('reset_list') === 'Y') {
		const row = lists.find((r) => thisList(r) && campaignAllowed(c, r.campaign_id));
		const limit = row ? Number(row.daily_reset_limit) : undefined;
		const today = row ? Number(row.resets_today) : undefined;
		if (limit !== undefined && today !== undefined && (limit > today || limit < 0)) {
			for (const r of lists.filter(thisList))
				lists.update(
					r,
					{ list_changedate: now, resets_today: String(Number(r.resets_today) + 1) },
					now,
				);
			for (const lead of c.leadTable.filter((r) => numEqStr(Number(r.list_id), listId)))
				c.leadTable.update(lead, { called_since_last_reset: 'N' }, now);
			c.say(`NOTICE: update_list LEADS IN LIST HAVE BEEN RESET - ${c.user}|${listId}|\n`);
		} else {
			c.say(
				`NOTICE: update_list LIST RESET FAILED, daily reset limit reached: ${s(row?.resets_today)} / ${s(row?.daily_reset_limit)} - ${c.user}|${listId}\n`,
			);
		}
	}
	if (p.get('delete_list') === 'Y') {
		if (!hasRight(c, 'modify_lists', 'delete_lists')) {
			c.say(`NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: |${c.user}|0\n`);
			return;
		}
		const deleted = lists.delete(thisList);
		c.say(`NOTICE: update_list LIST HAS BEEN DELETED - ${c.user}|${listId}|${deleted}\n`);
	}
	if (p.get('delete_leads') === 'Y') {
		const r = state.user(c.user);
		if (
			!hasRight(c, 'modify_lists', 'delete_lists') ||
			!['1', '2', '3', '4'].includes(s(r?.modify_leads))
		) {
			c.say(`NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LEADS: |${c.user}|0\n`);
			return;
		}
		const deleted = c.leadTable.delete((lead) => numEqStr(Number(lead.list_id), listId));
		c.say(`NOTICE: update_list LEADS IN LIST HAVE BEEN DELETED - ${c.user}|${listId}|${deleted}\n`);
	}
	if (copyFrom.length > 1 && copyFrom.length < 15) {
		const problem = copyProblem(c, listId, copyFrom);
		if (problem) c.say(`NOTICE: update_list ${problem}\n`);
	}
}
