/** update_log_entry: set the status of a lead's latest call log row of a campaign (vicidial_log) or in-group (vicidial_closer_log). */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';

export function updateLogEntry(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			['1', '2', '3', '4'].includes(s(r.modify_leads)) &&
			level(r) > 7 &&
			r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: update_log_entry USER DOES NOT HAVE PERMISSION TO UPDATE LOGS: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const group = p.get('group');
	const callId = p.get('call_id');
	const status = p.get('status');
	// The script's length test is inverted: only long values in all three fields are refused.
	if (!(group.length < 2 || callId.length < 8 || status.length < 8)) {
		c.say(
			`ERROR: update_log_entry INVALID SEARCH PARAMETERS: ${c.user}|${group}|${callId}|${status}\n`,
		);
		return;
	}
	const inbound = db.t('vicidial_inbound_groups').count((r) => ciEq(r.group_id, group));
	const outbound =
		inbound < 1 ? db.t('vicidial_campaigns').count((r) => ciEq(r.campaign_id, group)) : 0;
	if (inbound < 1 && outbound < 1) {
		c.say(`ERROR: update_log_entry GROUP NOT FOUND: ${c.user}|${group}\n`);
		return;
	}
	// call_id keeps only letters and digits, so it never has the "." of a uniqueid: its last 10 characters are the lead ID
	const tail = callId.slice(-10);
	const leadId = Number(/^\d+/.exec(tail)?.[0] ?? '0');
	const table = db.t(inbound > 0 ? 'vicidial_closer_log' : 'vicidial_log');
	const rows = table
		.filter((r) => ciEq(r.campaign_id, group) && Number(r.lead_id) === leadId)
		.sort((a, b) =>
			inbound > 0
				? Number(b.closecallid) - Number(a.closecallid)
				: s(b.call_date).localeCompare(s(a.call_date)),
		);
	const row = rows[0];
	if (!row) {
		c.say(`ERROR: update_log_entry NO RECORDS FOUND: ${c.user}|${group}|${callId}|${status}\n`);
		return;
	}
	const oldStatus = s(row.status);
	const key = inbound > 0 ? s(row.closecallid) : s(row.uniqueid);
	const target =
		inbound > 0 ? row : table.find((r) => ciEq(r.campaign_id, group) && s(r.uniqueid) === key);
	const updated = target ? table.update(target, { status }, state.nowStr()) : 0;
	if (updated > 0) {
		c.say(
			`SUCCESS: update_log_entry RECORD HAS BEEN UPDATED - ${c.user}|${c.user}|${group}|${callId}|${status}|${oldStatus}|${key}|\n`,
		);
	} else {
		c.say(
			`ERROR: update_log_entry NO RECORDS UPDATED: ${c.user}|${group}|${callId}|${status}|${oldStatus}|${key}\n`,
		);
	}
}
