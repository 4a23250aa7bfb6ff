/** lead_search: find lead ids by lead_id list, vendor_lead_code list or phone number list. */
import { s, type Row } from '../db';
import { ciEq, numEqStr, SqlError, sqlLiteral } from '../mysql';
import { cmpStrNum, looseEq } from '../php';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from './context';

export function leadSearch(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	const listId = p.get('list_id').replace(/[^0-9]/g, '');
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			['1', '2', '3', '4', '5'].includes(s(r.modify_leads)) &&
			level(r) > 7 &&
			r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	let location = p.get('search_location');
	if (location.length < 4 || cmpStrNum(listId, 99) < 0 || listId.length < 3) location = 'SYSTEM';
	let method = p.get('search_method');
	if (method.length < 6) method = 'PHONE_NUMBER';
	let records = p.get('records');
	if (records.length < 1) records = '1000';
	const leadId = p.get('lead_id');
	const leadIds = p.get('lead_ids'); // the query uses lead_ids, the trigger is lead_id
	const vendorCode = p.get('vendor_lead_code');
	const phone = p.get('phone_number');

	const findLead = /LEAD_ID/.test(method) && leadId.length > 0;
	const findVendor = /VENDOR_LEAD_CODE/.test(method) && vendorCode.length > 0;
	const findPhone = /PHONE_NUMBER/.test(method) && phone.length > 5;
	const vendorTerms = findVendor ? vendorCode.split(',').filter((t) => t.length > 0) : [];
	const phoneTerms = findPhone ? phone.split(',').filter((t) => t.length > 5 && t.length < 19) : [];

	if (!findLead && !findVendor && !findPhone) {
		const data = `${method}|${leadId}(0)|${vendorCode}(0)|${phone}(0)`;
		c.say(`ERROR: lead_search NO VALID SEARCH METHOD - ${c.user}|${data}\n`);
		return;
	}
	if (
		c.apiListRestrict > 0 &&
		cmpStrNum(listId, 99) >= 0 &&
		!c.allowedLists.includes(` ${listId} `)
	) {
		c.say(`ERROR: lead_search NOT AN ALLOWED LIST ID - ${phone}|${listId}\n`);
		return;
	}

	// search scope: the list's campaign lists, or the list alone
	let scope: (r: Row) => boolean = () => true;
	if (/CAMPAIGN/i.test(location)) {
		const list = db.t('vicidial_lists').find((r) => numEqStr(Number(r.list_id), listId));
		if (list) {
			const ids = db
				.t('vicidial_lists')
				.filter((r) => ciEq(r.campaign_id, s(list.campaign_id)))
				.map((r) => Number(r.list_id));
			if (ids.length > 0) scope = (r) => ids.includes(Number(r.list_id));
		}
	}
	if (/LIST/i.test(location)) scope = (r) => numEqStr(Number(r.list_id), listId);

	const limit = Number(records);
	const search = (pred: (r: Row) => boolean): Row[] =>
		c.leadTable
			.filter((r) => pred(r) && scope(r))
			.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))
			.slice(0, limit);

	const keys: string[] = [];
	const ids: string[] = [];
	if (findLead) {
		// lead_id IN($lead_ids): empty or malformed lists are SQL syntax errors
		if (!/^\d+(,\d+)*$/.test(leadIds)) throw new SqlError('lead_id IN() is invalid');
		const wanted = leadIds.split(',').map(Number);
		for (const r of search((r) => wanted.includes(Number(r.lead_id)))) {
			keys.push(s(r.lead_id));
			ids.push(s(r.lead_id));
		}
	}
	if (findVendor && keys.length < 1) {
		if (vendorTerms.length < 1) throw new SqlError('empty WHERE');
		const values = vendorTerms.map((t) => sqlLiteral(t, '"'));
		for (const r of search((r) => values.some((v) => ciEq(r.vendor_lead_code, v)))) {
			keys.push(s(r.vendor_lead_code));
			ids.push(s(r.lead_id));
		}
	}
	if (findPhone && keys.length < 1) {
		if (phoneTerms.length < 1) throw new SqlError('empty WHERE');
		for (const r of search((r) => phoneTerms.some((t) => ciEq(r.phone_number, t)))) {
			keys.push(s(r.phone_number));
			ids.push(s(r.lead_id));
		}
	}

	if (keys.length < 1) {
		c.say(
			`ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |${c.user}|${leadId}|${vendorCode}|${phone}\n`,
		);
		return;
	}
	// the header's delimiter variable is never set, so its names run together
	let output = p.get('header') === 'YES' ? 'search_keyrecords_foundlead_ids\n' : '';
	for (const term of [...phoneTerms, ...vendorTerms]) {
		const matches = ids.filter((_, i) => looseEq(term, keys[i]));
		output += `${term}|${matches.length}|${matches.join('-')}\n`;
	}
	c.say(output);
}
