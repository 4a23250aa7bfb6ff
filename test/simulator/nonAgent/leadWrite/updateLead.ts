/** update_lead: find leads by id / vendor code / phone, then update, delete, report, or insert one; callbacks, custom fields, hopper. */
import { dialableGmt } from '../../callTimes';
import { s, type Row } from '../../db';
import { ciEq, fmtDateTime, numEqStr, sqlLiteral } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { lookupGmt } from '../gmt';
import { customTable, customValues, listFields, storeCustomValues } from './customFields';

/** The lead columns update_lead and batch_update_lead set from same-named (or *_field) variables, in the script's order. */
export const UPDATE_COLUMNS: Array<[column: string, variable: string]> = [
	['user', 'user_field'],
	['list_id', 'list_id_field'],
	['status', 'status'],
	['vendor_lead_code', 'vendor_lead_code'],
	['source_id', 'source_id'],
	['gmt_offset_now', 'gmt_offset_now'],
	['title', 'title'],
	['first_name', 'first_name'],
	['middle_initial', 'middle_initial'],
	['last_name', 'last_name'],
	['address1', 'address1'],
	['address2', 'address2'],
	['address3', 'address3'],
	['city', 'city'],
	['state', 'state'],
	['province', 'province'],
	['postal_code', 'postal_code'],
	['country_code', 'country_code'],
	['gender', 'gender'],
	['date_of_birth', 'date_of_birth'],
	['alt_phone', 'alt_phone'],
	['email', 'email'],
	['security_phrase', 'security_phrase'],
	['comments', 'comments'],
	['rank', 'rank'],
	['owner', 'owner'],
	['called_count', 'called_count'],
	['phone_code', 'phone_code'],
];

/** The SET part: sent (non-empty) variables; --BLANK-- empties a field; a newline is stored as "!N". */
export function leadChanges(
	c: NaContext,
	extra: Record<string, string> = {},
): Record<string, string> {
	const set: Record<string, string> = {};
	for (const [column, variable] of UPDATE_COLUMNS) {
		const value = c.p.get(variable);
		if (value.length > 0) set[column] = value;
	}
	if (c.p.get('reset_lead') === 'Y') set.called_since_last_reset = 'N';
	Object.assign(set, extra);
	for (const [column, value] of Object.entries(set)) {
		const literal = value === '--BLANK--' ? '' : sqlLiteral(value.replace(/\n/g, '!N'), '"');
		set[column] = literal;
	}
	return set;
}

export function updateLead(c: NaContext): void {
	const { state, out, p } = c;
	const db = state.db;
	const nowStr = state.nowStr();
	const listIdRaw = p.get('list_id').replace(/[^0-9]/g, '');
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const modifyLeads = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			['1', '2', '3', '4'].includes(s(r.modify_leads)) &&
			level(r) > 7 &&
			r.active === 'Y',
	);
	if (modifyLeads < 1) {
		c.say(
			`ERROR: update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${c.user}|${modifyLeads}|\n`,
		);
		return;
	}
	let listId = listIdRaw;
	let leadId = p.get('lead_id');
	const vendorCode = p.get('vendor_lead_code');
	const phone = p.get('phone_number');
	let location = p.get('search_location');
	// '' < 99 holds in PHP 8 too (compared as strings)
	if (location.length < 4 || listId === '' || Number(listId) < 99 || listId.length < 3)
		location = 'SYSTEM';
	let method = p.get('search_method');
	if (method.length < 6) method = 'LEAD_ID';
	const records = p.get('records') || '1';
	const force = p.get('force_entry_list_id');
	let entryListId = p.get('entry_list_id');
	if (force.length > 1) entryListId = force;
	const findId = /LEAD_ID/.test(method) && leadId.length > 0;
	const findCode = /VENDOR_LEAD_CODE/.test(method) && vendorCode.length > 0;
	const findPhone = /PHONE_NUMBER/.test(method) && phone.length > 5 && phone.length < 19;
	if (!findId && !findCode && !findPhone) {
		c.say(
			`ERROR: update_lead NO VALID SEARCH METHOD - ${c.user}|${method}|${leadId}|${vendorCode}|${phone}\n`,
		);
		return;
	}
	if (
		c.apiListRestrict > 0 &&
		listId !== '' &&
		Number(listId) >= 99 &&
		!c.allowedLists.includes(` ${listId} `)
	) {
		c.say(`ERROR: update_lead NOT AN ALLOWED LIST ID, SEARCH - ${phone}|${listId}\n`);
		return;
	}
	const listIdField = p.get('list_id_field');
	if (/Y/i.test(p.get('list_exists_check')) && listIdField.length > 0) {
		if (db.t('vicidial_lists').count((r) => numEqStr(Number(r.list_id), listIdField)) < 1) {
			c.say(
				`ERROR: update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - ${phone}|${listIdField}\n`,
			);
			return;
		}
	}
	let inLocation: (r: Row) => boolean = () => true;
	if (/CAMPAIGN/i.test(location)) {
		const list = db.t('vicidial_lists').find((r) => numEqStr(Number(r.list_id), listId));
		if (list) {
			const lists = db
				.t('vicidial_lists')
				.filter((r) => ciEq(r.campaign_id, s(list.campaign_id)))
				.map((r) => s(r.list_id));
			if (lists.length > 0) inLocation = (r) => lists.includes(s(r.list_id));
		}
	}
	if (/LIST/i.test(location)) inLocation = (r) => numEqStr(Number(r.list_id), listId);

	const leads = c.leadTable;
	const search = (pred: (r: Row) => boolean): Row[] =>
		leads
			.filter((r) => pred(r) && inLocation(r))
			.map((r, i) => ({ r, i }))
			.sort((a, b) => s(b.r.entry_date).localeCompare(s(a.r.entry_date)) || a.i - b.i)
			.slice(0, Number(records))
			.map((x) => x.r);
	let found: Row[] = [];
	if (findId) found = search((r) => numEqStr(Number(r.lead_id), leadId));
	if (findCode && found.length < 1) found = search((r) => ciEq(r.vendor_lead_code, vendorCode));
	if (findPhone && found.length < 1) found = search((r) => r.phone_number === phone);
	const foundIds = found.map((r) => s(r.lead_id));
	const foundLists = found.map((r) => s(r.list_id));
	const foundEntry = found.map((r) => (force.length > 1 ? force : s(r.entry_list_id)));
	const customFields = p.get('custom_fields');
	let inserted = 0;

	if (p.get('no_update') === 'Y') {
		if (found.length > 0) {
			if (leadId.length < 1) leadId = foundIds[0];
			if (listId.length < 1) listId = foundLists[0];
			c.say(
				`NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |${c.user}|${leadId}|${vendorCode}|${phone}|${foundLists[0]}|${foundEntry[0]}\n`,
			);
		} else {
			c.say(
				`NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |${c.user}|${leadId}|${vendorCode}|${phone}\n`,
			);
			return;
		}
	} else if (found.length > 0) {
		if (leadId.length < 1) leadId = foundIds[0];
		if (listId.length < 1) listId = foundLists[0];
		const extra: Record<string, string> = {};
		if (p.get('update_phone_number') === 'Y' && phone.length > 0) extra.phone_number = phone;
		if (entryListId.length > 0 && customFields !== 'Y') extra.entry_list_id = entryListId;
		const set = leadChanges(c, extra);
		const hasSet = Object.keys(set).length > 0;
		const deleting = p.get('delete_lead') === 'Y';
		// values the script keeps between loop rounds and sections
		let cbArchived = '';
		let cfDeleted = '';
		for (let n = 0; n < found.length; n++) {
			const id = foundIds[n];
			if (
				c.apiListRestrict > 0 &&
				Number(foundLists[n]) >= 99 &&
				!c.allowedLists.includes(` ${foundLists[n]} `)
			) {
				c.say(`ERROR: update_lead NOT AN ALLOWED LIST ID, RESULTS - ${foundLists[n]}\n`);
				return;
			}
			const row = (): Row | undefined => leads.find((r) => s(r.lead_id) === id);
			if (p.get('delete_cf_data') === 'Y') {
				let cfList = '';
				if (entryListId.length > 0) cfList = entryListId;
				if (force.length > 0) cfList = force;
				if (cfList.length < 1) cfList = foundEntry[n];
				const table = customTable(db, cfList);
				if (table) cfDeleted = String(table.delete((r) => s(r.lead_id) === id));
				const lead = row();
				const vl = lead ? leads.update(lead, { entry_list_id: '0' }, nowStr) : 0;
				c.say(
					`NOTICE: update_lead CUSTOM FIELDS DATA HAS BEEN DELETED - ${c.user}|${id}|${cfList}|${vl}|${cfDeleted}\n`,
				);
			}
			if (hasSet || deleting) {
				let reason = 'LEAD HAS BEEN UPDATED';
				let affected = 0;
				if (deleting) {
					const callbacks = db.t('vicidial_callbacks');
					const mine = callbacks.filter((r) => s(r.lead_id) === id);
					for (const cb of mine) db.t('vicidial_callbacks_archive').insert({ ...cb }, nowStr);
					cbArchived = String(mine.length);
					const cbDeleted = callbacks.delete((r) => s(r.lead_id) === id);
					affected = leads.delete((r) => s(r.lead_id) === id);
					reason = `LEAD HAS BEEN DELETED ${cbDeleted}|${cbArchived}`;
				} else {
					const lead = row();
					affected = lead ? leads.update(lead, set, nowStr) : 0;
				}
				c.say(
					`SUCCESS: update_lead ${reason} - ${c.user}|${id}|${affected}|${cbArchived}|${cbArchived}|\n`,
				);
			}
			const callback = p.get('callback');
			if (callback === 'Y') callbackSet(c, id, foundLists[n], listIdField);
			if (callback === 'REMOVE') {
				const callbacks = db.t('vicidial_callbacks');
				const mine = callbacks.filter((r) => s(r.lead_id) === id);
				for (const cb of mine) db.t('vicidial_callbacks_archive').insert({ ...cb }, nowStr);
				cbArchived = String(mine.length);
				const deleted = callbacks.delete((r) => s(r.lead_id) === id);
				c.say(
					`NOTICE: update_lead SCHEDULED CALLBACK DELETED - ${c.user}|${id}|${deleted}|${cbArchived}\n`,
				);
			}
			if (customFields === 'Y') {
				let cfList = foundLists[n];
				if (force.length > 1) cfList = force;
				if (Number(foundEntry[n]) > 99) cfList = foundEntry[n];
				const table = customTable(db, cfList);
				if (!table) {
					c.say(
						`NOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - ${phone}|${id}|${foundLists[n]}\n`,
					);
				} else if (deleting) {
					const count = table.delete((r) => s(r.lead_id) === id);
					if (count > 0)
						c.say(
							`NOTICE: update_lead CUSTOM FIELDS ENTRY DELETED - ${phone}|${id}|${foundLists[n]}|${foundEntry[n]}|${cfList}|${count}\n`,
						);
				} else {
					const values = customValues(db, cfList, p, true);
					if (Object.keys(values).length > 0) {
						const count = storeCustomValues(state, table, id, values);
						c.say(
							`NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - ${phone}|${id}|${foundLists[n]}|${foundEntry[n]}|${cfList}|${count}\n`,
						);
						const lead = row();
						if (count > 0 && lead) leads.update(lead, { entry_list_id: cfList }, nowStr);
					}
				}
			}
		}
	} else {
		const insert = p.get('insert_if_not_found') === 'Y';
		c.say(
			`${insert ? 'NOTICE' : 'ERROR'}: update_lead NO MATCHES FOUND IN THE SYSTEM: |${c.user}|${leadId}|${vendorCode}|${phone}\n`,
		);
		if (!insert) return;
		if (listIdField.length > 0) listId = listIdField;
		const phoneCode = p.get('phone_code');
		if (phone.length < 6 || phone.length > 18 || phoneCode.length < 1 || listId.length < 3) {
			c.say(
				`ERROR: update_lead INVALID DATA FOR LEAD INSERTION - ${c.user}|${phone}|${phoneCode}|${listId}|${p.get('insert_if_not_found')}\n`,
			);
			return;
		}
		if (c.apiListRestrict > 0 && Number(listId) >= 99 && !c.allowedLists.includes(` ${listId} `)) {
			c.say(`ERROR: update_lead NOT AN ALLOWED LIST ID, INSERT - ${phone}|${listId}\n`);
			return;
		}
		const leadState = p.get('state');
		const gmt = lookupGmt(c, {
			phoneCode,
			tzMethod: p.get('tz_method'),
			postalCode: p.get('postal_code'),
			owner: p.get('owner'),
			state: leadState,
		});
		const dq = (v: string): string => sqlLiteral(v, '"');
		const v = (name: string): string => dq(p.get(name));
		const lead = db.t('vicidial_list').insert(
			{
				phone_code: phoneCode,
				phone_number: phone,
				list_id: listId,
				status: p.get('status') || 'NEW',
				user: c.user,
				vendor_lead_code: dq(vendorCode),
				source_id: v('source_id'),
				gmt_offset_now: gmt ?? '',
				title: v('title'),
				first_name: v('first_name'),
				middle_initial: v('middle_initial'),
				last_name: v('last_name'),
				address1: v('address1'),
				address2: v('address2'),
				address3: v('address3'),
				city: v('city'),
				state: dq(leadState),
				province: v('province'),
				postal_code: v('postal_code'),
				country_code: v('country_code'),
				gender: v('gender'),
				date_of_birth: v('date_of_birth'),
				alt_phone: v('alt_phone'),
				email: v('email'),
				security_phrase: v('security_phrase'),
				comments: v('comments'),
				called_since_last_reset: 'N',
				entry_date: nowStr,
				last_local_call_time: nowStr,
				rank: v('rank'),
				owner: v('owner'),
				entry_list_id: entryListId.length > 0 && customFields !== 'Y' ? entryListId : '0',
			},
			nowStr,
		);
		inserted = 1;
		leadId = s(lead.lead_id);
		c.say(
			`SUCCESS: update_lead LEAD HAS BEEN ADDED - ${phone}|${listId}|${leadId}|${gmt ?? ''}|${c.user}\n`,
		);
		const multi = p.get('multi_alt_phones');
		if (multi.length > 5) {
			let count = 0;
			multi.split('!').forEach((entry, i) => {
				const [number = '', code = '', note = ''] = entry.split('_');
				out.echo(`${number}|${code}|${note}`);
				db.t('vicidial_list_alt_phones').insert(
					{
						lead_id: leadId,
						phone_code: code.length > 0 ? code : '1',
						phone_number: number,
						alt_phone_note: note,
						alt_phone_count: i + 1,
					},
					nowStr,
				);
				count++;
			});
			c.say(`NOTICE: update_lead MULTI-ALT-PHONE NUMBERS LOADED - ${count}|${leadId}|${c.user}\n`);
		}
		if (customFields === 'Y')
			insertCustomFields(
				c,
				'update_lead',
				phone,
				leadId,
				listId,
				force.length > 1 ? force : listId,
			);
	}

	// ---- hopper (after any of the paths above that found or added a lead)
	if (c.addToHopper === 'Y' && (found.length > 0 || inserted > 0)) {
		const hopper = db.t('vicidial_hopper');
		if (hopper.count((r) => s(r.lead_id) === leadId) < 1) {
			const list = db.t('vicidial_lists').find((r) => numEqStr(Number(r.list_id), listId));
			const camp = list
				? db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, s(list.campaign_id)))
				: undefined;
			let localCallTime = camp ? s(camp.local_call_time) : '';
			const listCallTime = camp && list ? s(list.local_call_time) : '';
			if (listCallTime !== '' && !/^campaign$/i.test(listCallTime)) localCallTime = listCallTime;
			const lead = leads.find((r) => numEqStr(Number(r.lead_id), leadId));
			if (lead) {
				const gmt = s(lead.gmt_offset_now);
				let dialable = 1;
				if (p.get('hopper_local_call_time_check') === 'Y')
					dialable = dialableGmt(state, localCallTime, Number(gmt), s(lead.state));
				if (dialable < 1) {
					c.say(
						`NOTICE: update_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - ${phone}|${leadId}|${gmt}|${dialable}|${c.user}\n`,
					);
				} else {
					const h = hopper.insert(
						{
							lead_id: leadId,
							campaign_id: camp ? s(camp.campaign_id) : '',
							status: 'READY',
							list_id: listId,
							gmt_offset_now: gmt,
							state: s(lead.state),
							user: '',
							priority: c.hopperPriority,
							source: 'P',
							vendor_lead_code: s(lead.vendor_lead_code),
						},
						nowStr,
					);
					c.say(
						`NOTICE: update_lead ADDED TO HOPPER - ${phone}|${leadId}|${s(h.hopper_id)}|${c.user}\n`,
					);
				}
			} else {
				c.say(
					`NOTICE: update_lead NOT ADDED TO HOPPER, LEAD NOT FOUND - ${phone}|${leadId}|${c.user}\n`,
				);
			}
		} else {
			c.say(
				`NOTICE: update_lead NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - ${phone}|${leadId}|${c.user}\n`,
			);
		}
	}
	if (p.get('remove_from_hopper') === 'Y' && (found.length > 0 || inserted > 0)) {
		const hopper = db.t('vicidial_hopper');
		const entry = hopper.find((r) => s(r.lead_id) === leadId);
		if (entry) {
			const status = s(entry.status);
			const removed = hopper.delete(
				(r) => s(r.lead_id) === leadId && !['INCALL', 'DONE', 'HOLD', 'DNC'].includes(s(r.status)),
			);
			c.say(
				`NOTICE: update_lead ${removed > 0 ? 'REMOVED FROM HOPPER' : 'NOT REMOVED FROM HOPPER'} - ${phone}|${leadId}|${status}|${c.user}\n`,
			);
		} else {
			c.say(
				`NOTICE: update_lead NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER - ${phone}|${leadId}|${c.user}\n`,
			);
		}
	}
}

/** callback=Y for one found lead: change its callback, or add one. */
function callbackSet(c: NaContext, leadId: string, leadList: string, listIdField: string): void {
	const { state, p } = c;
	const db = state.db;
	const nowStr = state.nowStr();
	const callbacks = db.t('vicidial_callbacks');
	const campaignId = p.get('campaign_id');
	let when = p.get('callback_datetime');
	const resolveWhen = (): void => {
		if (when === 'NOW') when = nowStr;
		if (/\dDAYS$/i.test(when))
			when = fmtDateTime(
				new Date(state.now().getTime() + Number(when.replace(/[^0-9]/g, '')) * 86400000),
			);
	};
	const existing = callbacks.find((r) => s(r.lead_id) === leadId);
	const cbStatus = p.get('callback_status');
	const cbType = p.get('callback_type');
	const cbUser = p.get('callback_user');
	const cbComments = p.get('callback_comments');
	if (existing) {
		const set: Record<string, string> = {};
		if (when.length > 0) {
			resolveWhen();
			set.callback_time = when;
		}
		if (cbStatus.length > 0) set.lead_status = cbStatus;
		if (campaignId.length > 0) set.campaign_id = campaignId;
		if (listIdField.length > 0) set.list_id = listIdField;
		if (cbType.length > 0) set.recipient = cbType;
		if (cbComments.length > 0) set.comments = cbComments;
		if (cbUser.length > 0) set.user = cbUser;
		if (Object.keys(set).length > 0) {
			callbacks.update(existing, { status: 'ACTIVE', entry_time: nowStr, ...set }, nowStr);
			c.say(
				`NOTICE: update_lead SCHEDULED CALLBACK UPDATED - ${leadId}|${campaignId}|${when}|${cbType}|${cbUser}|${cbStatus}\n`,
			);
		} else {
			c.say(
				`NOTICE: update_lead SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED - ${leadId}|\n`,
			);
		}
		return;
	}
	if (db.t('vicidial_campaigns').count((r) => ciEq(r.campaign_id, campaignId)) < 1) {
		c.say(
			`NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - ${leadId}|${campaignId}\n`,
		);
		return;
	}
	let type = cbType;
	let user = cbUser;
	let userGroup = '';
	if (type === 'USERONLY') {
		const u = state.user(user);
		if (!u) {
			c.say(
				`NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - ${leadId}|${campaignId}|${user}|${type}\n`,
			);
			return;
		}
		userGroup = s(u.user_group);
	} else {
		type = 'ANYONE';
		user = '';
	}
	resolveWhen();
	const status = cbStatus || 'CALLBK';
	callbacks.insert(
		{
			lead_id: leadId,
			list_id: leadList,
			campaign_id: campaignId,
			status: 'ACTIVE',
			entry_time: nowStr,
			callback_time: when,
			user,
			recipient: type,
			comments: cbComments,
			user_group: userGroup,
			lead_status: status,
		},
		nowStr,
	);
	c.say(
		`NOTICE: update_lead SCHEDULED CALLBACK ADDED - ${leadId}|${campaignId}|${when}|${type}|${user}|${status}\n`,
	);
}

/** The custom-field part of an insert (add_lead, and update_lead's insert_if_not_found). */
export function insertCustomFields(
	c: NaContext,
	fn: 'add_lead' | 'update_lead',
	phone: string,
	leadId: string,
	listId: string,
	storeList: string,
): void {
	const { state, p } = c;
	const db = state.db;
	const enabled = state.setting('custom_fields_enabled');
	if (Number(enabled) < 1) {
		c.say(
			`NOTICE: ${fn} CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED - ${phone}|${leadId}|${p.get('custom_fields')}|${enabled}\n`,
		);
		return;
	}
	if (!customTable(db, listId)) {
		c.say(
			`NOTICE: ${fn} CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - ${phone}|${leadId}|${listId}\n`,
		);
		return;
	}
	const values = customValues(db, listId, p, false);
	const table = customTable(db, storeList);
	if (Object.keys(values).length < 1 || !table || listFields(db, listId).length < 1) {
		c.say(
			`NOTICE: ${fn} CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED - ${phone}|${leadId}|${listId}\n`,
		);
		return;
	}
	const count = storeCustomValues(state, table, leadId, values);
	const lead = db.t('vicidial_list').find((r) => s(r.lead_id) === leadId);
	const updated = lead
		? db.t('vicidial_list').update(lead, { entry_list_id: storeList }, state.nowStr())
		: 0;
	c.say(`NOTICE: ${fn} CUSTOM FIELDS VALUES ADDED - ${phone}|${leadId}|${listId}|${updated}\n`);
	void count;
}
