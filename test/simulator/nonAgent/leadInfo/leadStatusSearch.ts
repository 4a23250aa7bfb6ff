/**
 * lead_status_search: the leads whose outbound or inbound call on one day ended with a status
 * (or, without status and date, the lead of a lead_id if it has any call), as key => value records.
 */
import { s, type Row } from '../../db';
import { ciEq, numEqStr, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import {
	customTable,
	LEAD_COLUMNS,
	listVisible,
	modifyLeadsUpTo,
	sayLoggingOutput,
	userAllowed,
} from './common';

/**
 * Distinct lead ids of the matching call rows. MariaDB keeps the first row it meets for each lead
 * and sorts those by call date: the outbound log is scanned in uniqueid order, the inbound log
 * newest call first (through its call_date index), as the harness's query plans do.
 */
function distinctLeads(rows: Row[], scan: 'uniqueid' | 'newest' | 'none', limit: number): string[] {
	const byDate = (a: Row, b: Row): number =>
		s(b.call_date) < s(a.call_date) ? -1 : s(b.call_date) > s(a.call_date) ? 1 : 0;
	const scanned =
		scan === 'uniqueid'
			? [...rows].sort((a, b) =>
					s(a.uniqueid) < s(b.uniqueid) ? -1 : s(a.uniqueid) > s(b.uniqueid) ? 1 : 0,
				)
			: scan === 'newest'
				? [...rows].sort(byDate)
				: rows;
	const firsts: Row[] = [];
	for (const r of scanned) if (!firsts.some((f) => s(f.lead_id) === s(r.lead_id))) firsts.push(r);
	const ordered = scan === 'none' ? firsts : firsts.sort(byDate);
	return ordered.map((r) => s(r.lead_id)).slice(0, limit);
}

/** The `name => value` lines of a lead's custom fields table row, when there is one. */
function customLines(c: NaContext, lead: Row, leadId: string): string {
	const listId = Number(s(lead.entry_list_id)) > 99 ? s(lead.entry_list_id) : s(lead.list_id);
	const table = customTable(c.state, listId);
	if (!table || table.columns.length <= 1) return '';
	const names = table.columns.map((col) => col.name).filter((name) => name !== 'lead_id');
	const row = table.find((r) => numEqStr(Number(r.lead_id), leadId));
	if (!row) return '';
	return names
		.map((name) => `${name} => ${s(row[name]).replace(/\t/g, ' -- ').replace(/\r?\n/g, '!N')}\n`)
		.join('');
}

export function leadStatusSearch(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, modifyLeadsUpTo(4));
	if (allowed < 1) {
		c.say(
			`ERROR: lead_status_search USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const status = p.get('status');
	const date = p.get('date');
	const leadId = p.get('lead_id');
	const byDay = status.length > 0 && date.length === 10;
	if (!byDay && leadId.length < 1) {
		c.say(
			`ERROR: lead_status_search INVALID SEARCH PARAMETERS: ${c.user}|${status}|${date}|${leadId}\n`,
		);
		return;
	}
	const camps = allowedCampaigns(state, c.userGroup);
	// the campaign limit is appended after "limit 1000": invalid SQL for a restricted user group
	if (camps !== null && byDay) throw new SqlError('campaign limit after LIMIT');
	const inCamps = (r: Row): boolean => camps === null || camps.some((x) => ciEq(r.campaign_id, x));
	const from = `${date} 00:00:00`;
	const to = `${date} 23:59:59`;
	const match = byDay
		? (r: Row): boolean => ciEq(r.status, status) && s(r.call_date) >= from && s(r.call_date) <= to
		: (r: Row): boolean => numEqStr(Number(r.lead_id), leadId);

	const outbound = distinctLeads(
		db.t('vicidial_log').filter((r) => match(r) && inCamps(r)),
		byDay ? 'uniqueid' : 'none',
		byDay ? 1000 : Infinity,
	);
	const inbound = distinctLeads(
		db
			.t('vicidial_closer_log')
			.filter((r) => match(r) && !outbound.includes(s(r.lead_id)) && s(r.lead_id) !== '0'),
		byDay ? 'newest' : 'none',
		byDay ? 1000 : Infinity,
	);
	const customFields = p.get('custom_fields') === 'Y';
	let output = '';
	let printed = 0;
	for (const id of [...outbound, ...inbound]) {
		const lead = c.leadTable.find((r) => numEqStr(Number(r.lead_id), id));
		if (!lead) continue;
		if (camps !== null && c.apiListRestrict > 0 && !listVisible(state, c.userGroup, lead.list_id))
			continue;
		output += `;---------- START OF RECORD ${printed + 1} ----------\n`;
		output += `lead_id => ${id}\n`;
		for (const col of [...LEAD_COLUMNS, 'entry_list_id']) output += `${col} => ${s(lead[col])}\n`;
		if (customFields) output += customLines(c, lead, id);
		printed++;
	}
	if (printed < 1) {
		c.say(`ERROR: lead_status_search NO RESULTS FOUND: ${c.user}|${leadId}|${status}|\n`);
		return;
	}
	sayLoggingOutput(c, 'lead_status_search', output);
}
