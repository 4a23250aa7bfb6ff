/** list_info: one list's summary line, optionally with lead counts and the dialable count. */
import { allowedOffsets, callTime, windowOf } from '../callTimes';
import { s, type Row, type Table } from '../db';
import { ciEq, fmtDate, fmtDateTime, numEqStr, toNumber } from '../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from './context';
import type { SimState } from '../state';

/** `campaign_id IN(...)` restriction of the user group, or null for -ALL-CAMPAIGNS-. */
export function allowedCampaigns(state: SimState, userGroup: string): string[] | null {
	const group = state.db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, userGroup));
	const allowed = s(group?.allowed_campaigns);
	if (/-ALL/i.test(allowed)) return null;
	return allowed.replace(/ -/g, '').split(' ');
}

export function listInfo(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.modify_lists === '1' && level(r) >= 8 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: list_info USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const listId = p.get('list_id');
	if (listId.length < 2 || listId.length > 14) {
		c.say(
			`ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${listId}|${p.get('list_name')}|${p.get('campaign_id')}\n`,
		);
		return;
	}
	if (c.apiListRestrict > 0 && !c.allowedLists.includes(` ${listId} `)) {
		c.say(`ERROR: list_info NOT AN ALLOWED LIST ID - ${listId}\n`);
		return;
	}
	const camps = allowedCampaigns(state, c.userGroup);
	const campOk = (campaignId: string | null): boolean =>
		camps === null || camps.some((x) => ciEq(campaignId, x));
	const list = db
		.t('vicidial_lists')
		.find((r) => numEqStr(Number(r.list_id), listId) && campOk(r.campaign_id));
	if (!list) {
		c.say(`ERROR: list_info LIST DOES NOT EXIST: |${c.user}|${listId}\n`);
		return;
	}
	const stage = p.get('stage');
	const DL = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
	const header = p.get('header') === 'YES';
	let output = '';
	if (header)
		output += [
			'list_id',
			'list_name',
			'campaign_id',
			'active',
			'list_changedate',
			'list_lastcalldate',
			'expiration_date',
			'resets_today',
		].join(DL);
	let countsOut = '';
	if (p.get('leads_counts') === 'Y') {
		if (header) output += `${DL}all_leads_count${DL}new_leads_count`;
		const inList = (r: Row): boolean => numEqStr(Number(r.list_id), listId);
		const all = c.leadTable.count(inList);
		const fresh = c.leadTable.count((r) => inList(r) && ciEq(r.status, 'NEW'));
		countsOut = `${DL}${all}${DL}${fresh}`;
	}
	let dialableOut = '';
	if (p.get('dialable_count') === 'Y') {
		if (header) output += `${DL}dialable_count`;
		const camp = db
			.t('vicidial_campaigns')
			.find((r) => ciEq(r.campaign_id, s(list.campaign_id)) && campOk(r.campaign_id));
		dialableOut = dialableLeads(state, camp, [listId], db.t('vicidial_list'));
	}
	if (header) output += '\n';
	output += [
		listId,
		list.list_name,
		list.campaign_id,
		list.active,
		list.list_changedate,
		list.list_lastcalldate,
		list.expiration_date,
		list.resets_today,
	]
		.map(s)
		.join(DL);
	output += `${countsOut}${DL}${dialableOut}\n`;
	c.say(output);
}

/**
 * functions.php dialable_leads() with only_return: how many leads of these lists the campaign
 * could dial now. Lead filters, holidays and state call-time rules are not modelled (the seed
 * uses none). Returns '' when the campaign has no dial statuses (the function returns nothing).
 */
export function dialableLeads(
	state: SimState,
	camp: Row | undefined,
	listIds: string[],
	leads: Table,
): string {
	const db = state.db;
	const dialStatuses = s(camp?.dial_statuses);
	if (dialStatuses.length <= 2) return '';
	const now = state.now();
	const ct = callTime(state, s(camp?.local_call_time));
	const campAllowed = allowedOffsets(now, ct ? windowOf(ct, 'ct') : null);
	// explode(" ") of " NEW NA" starts with an empty item, and the loop reads one past the end
	const parts = dialStatuses.replace(/ -$/, '').split(' ');
	const statuses = parts.slice(1).concat(['']);
	const today = fmtDate(now);
	const lists = db.t('vicidial_lists');
	const inIds = (r: Row): boolean => listIds.some((id) => numEqStr(Number(r.list_id), id));
	const expired = lists
		.filter((r) => inIds(r) && r.active === 'Y' && s(r.expiration_date) < today)
		.map((r) => Number(r.list_id));
	const active = lists.filter((r) => inIds(r) && r.active === 'Y');
	// per list: null = campaign call time, else the offsets outside the list's own call time
	const listOutside = new Map<number, Set<number> | null>();
	for (const l of active) {
		const own = s(l.local_call_time);
		const lct = own !== 'campaign' ? callTime(state, own) : undefined;
		if (!lct) {
			listOutside.set(Number(l.list_id), null);
			continue;
		}
		const inside = allowedOffsets(now, windowOf(lct, 'ct'));
		const outside = new Set<number>();
		for (let g = 13; g > -13; g -= 0.25)
			if (!inside.has(Number(g.toFixed(2)))) outside.add(Number(g.toFixed(2)));
		outside.add(99);
		listOutside.set(Number(l.list_id), outside);
	}
	const ccl = Number(camp?.call_count_limit ?? 0);
	const dlt = Number(camp?.drop_lockout_time ?? 0);
	const dropCutoff = fmtDateTime(new Date(now.getTime() - Math.floor(dlt * 3600) * 1000));
	const count = leads.count((r) => {
		if (!ciEq(r.called_since_last_reset, 'N')) return false;
		if (!statuses.some((st) => ciEq(r.status, st))) return false;
		const lid = Number(r.list_id);
		if (!listOutside.has(lid)) return false;
		const gmt = toNumber(s(r.gmt_offset_now));
		if (!campAllowed.has(gmt)) return false;
		const outside = listOutside.get(lid);
		if (outside && outside.has(gmt)) return false;
		if (ccl > 0 && !(Number(r.called_count) < ccl)) return false;
		if (
			dlt > 0 &&
			['DROP', 'XDROP'].includes(s(r.status).toUpperCase()) &&
			!(s(r.last_local_call_time) < dropCutoff)
		)
			return false;
		if (expired.includes(lid)) return false;
		return true;
	});
	return String(count);
}
