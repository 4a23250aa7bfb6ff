/** phone_number_log: the outbound and/or inbound calls with one or more phone numbers, newest first. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr } from '../../mysql';
import type { NaContext } from '../context';
import { delimiter, mayReport } from './common';

interface LoggedCall {
	phone: string;
	call: Row;
	/** the lead's status column, before the lead is looked up: the call status outbound, nothing inbound */
	leadStatus: string;
}

export function phoneNumberLog(c: NaContext): void {
	const { p, state } = c;
	if (!mayReport(c, 'USER DOES NOT HAVE PERMISSION TO GET CALL LOG INFO')) return;
	const phoneNumber = p.get('phone_number');
	const phones =
		phoneNumber.length > 3
			? phoneNumber.includes(',')
				? phoneNumber.split(',').filter((n) => n.length > 3)
				: [phoneNumber]
			: [];
	if (phones.length === 0) {
		c.say(
			`ERROR: phone_number_log NO VALID PHONE NUMBERS DEFINED: ${c.user}|${phoneNumber}|${p.get('date')}\n`,
		);
		return;
	}
	const onlyLast = p.get('detail') === 'LAST';
	let type = p.get('type');
	if (type !== 'IN' && type !== 'OUT' && type !== 'ALL') type = 'OUT';
	const DL = delimiter(p.get('stage'));
	const header =
		[
			'phone_number',
			'call_date',
			'list_id',
			'length_in_sec',
			'lead_status',
			'hangup_reason',
			'call_status',
			'source_id',
			'user',
		].join(DL) + '\n';
	let output = '';
	let found = 0;
	const calls: LoggedCall[] = [];
	const newestFirst = (rows: Row[]) => {
		const sorted = rows
			.map((r, i) => ({ r, i }))
			.sort((a, b) =>
				s(a.r.call_date) < s(b.r.call_date)
					? 1
					: s(a.r.call_date) > s(b.r.call_date)
						? -1
						: a.i - b.i,
			);
		return sorted.slice(0, onlyLast ? 1 : 100000).map(({ r }) => r);
	};
	for (const phone of phones) {
		const directions: Array<['OUT' | 'IN', string]> = [
			['OUT', 'vicidial_log'],
			['IN', 'vicidial_closer_log'],
		];
		for (const [direction, table] of directions) {
			if (type !== direction && type !== 'ALL') continue;
			const rows = newestFirst(state.db.t(table).filter((r) => ciEq(r.phone_number, phone)));
			if (rows.length === 0) continue;
			found++;
			if (p.get('header') === 'YES' && output === '') output += header;
			for (const call of rows)
				calls.push({ phone, call, leadStatus: direction === 'OUT' ? s(call.status) : '' });
		}
	}
	for (const { phone, call, leadStatus } of calls) {
		const lead = c.leadTable.find((r) => numEqStr(Number(r.lead_id), s(call.lead_id)));
		const status = lead ? s(lead.status) : leadStatus;
		const source = lead ? s(lead.source_id) : '';
		output +=
			[
				phone,
				s(call.call_date),
				s(call.list_id),
				s(call.length_in_sec),
				status,
				s(call.term_reason),
				s(call.status),
				source,
				s(call.user),
			].join(DL) + '\n';
	}
	if (found < 1) {
		c.say(
			`NOTICE: phone_number_log NO RECORDS FOUND FOR THIS PHONE NUMBER - ${c.user}|${phoneNumber}|${p.get('lead_id')}|${p.get('date')}\n`,
		);
		return;
	}
	c.say(output);
}
