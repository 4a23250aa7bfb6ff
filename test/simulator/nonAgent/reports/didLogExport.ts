/** did_log_export: the calls that reached one DID on one day, with their total length. */
import { s } from '../../db';
import { ciEq, datetimeToEpoch } from '../../mysql';
import type { NaContext } from '../context';
import { delimiter, mayReport, orderBy, within } from './common';

export function didLogExport(c: NaContext): void {
	const { p, state } = c;
	if (!mayReport(c, 'USER DOES NOT HAVE PERMISSION TO GET DID INFO')) return;
	const phone = p.get('phone_number');
	const date = p.get('date');
	let weight = 0;
	if (phone.length > 0 && phone.length < 21) weight++;
	if (date.length === 10) weight++;
	if (weight < 2) {
		c.say(`ERROR: did_log_export INVALID SEARCH PARAMETERS: ${c.user}|${phone}|${date}\n`);
		return;
	}
	const calls = orderBy(
		state.db
			.t('vicidial_did_log')
			.filter(
				(r) =>
					ciEq(r.extension, phone) && within(r.call_date, `${date} 00:00:00`, `${date} 23:59:59`),
			),
		(r) => s(r.call_date),
	);
	if (calls.length === 0) {
		c.say(
			`ERROR: did_log_export NO RECORDS FOUND - ${c.user}|${p.get('agent_user')}|${p.get('lead_id')}|${date}\n`,
		);
		return;
	}
	const DL = delimiter(p.get('stage'));
	let output =
		p.get('header') === 'YES'
			? ['did_number', 'call_date', 'caller_id_number', 'length_in_sec'].join(DL) + '\n'
			: '';
	for (const call of calls) {
		const arrived = datetimeToEpoch(s(call.call_date));
		// the newest in-group leg of the same call, if any, tells when it ended
		const legs = state.db
			.t('vicidial_closer_log')
			.filter((r) => ciEq(r.uniqueid, s(call.uniqueid)));
		const leg = legs.sort((a, b) => Number(b.closecallid) - Number(a.closecallid))[0];
		const length = leg ? Number(leg.length_in_sec ?? 0) : 0;
		const legStart = leg ? datetimeToEpoch(s(leg.call_date)) : arrived;
		// VICIdial prints the caller id where its header says call_date, and the other way round
		output += `${phone}${DL}${s(call.caller_id_number)}${DL}${s(call.call_date)}${DL}${legStart + length - arrived}\n`;
	}
	c.say(output);
}
