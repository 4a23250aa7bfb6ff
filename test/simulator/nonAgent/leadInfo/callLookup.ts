/** The call ID (caller code) checks and the log lookup that ccc_lead_info and callid_info share. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';

/** 18 to 39 characters starting with one of the call ID prefixes VICIdial uses. */
export function callIdUsable(callId: string): boolean {
	return callId.length > 17 && callId.length < 40 && /^(Y|J|V|M|DC|S|LP|VH|XL)/.test(callId);
}

/** The first log row with this caller code (vicidial_log_extended, or vicidial_dial_log), optionally newer than `after`. */
export function findCall(
	c: NaContext,
	callId: string,
	table: 'vicidial_log_extended' | 'vicidial_dial_log',
	after?: string,
): Row | undefined {
	return c.state.db
		.t(table)
		.find(
			(r) =>
				ciEq(r.caller_code, callId) &&
				(after === undefined || (r.call_date !== null && s(r.call_date) > after)),
		);
}
