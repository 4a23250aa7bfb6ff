/** callid_info: a call's customer talk time by call ID, with details on request. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { callIdUsable, findCall } from './callLookup';
import { delimiter, sayLoggingOutput, userAllowed, viewReports } from './common';

/** Inbound prefixes read the inbound log; every other prefix the outbound log. */
function callType(callId: string): string {
	if (/^(Y|J|LP|VH)/.test(callId)) return 'INBOUND';
	if (/^V/.test(callId)) return 'OUTBOUND_AUTO';
	if (/^M/.test(callId)) return 'OUTBOUND_MANUAL';
	return 'OUTBOUND_OTHER';
}

export function callidInfo(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, viewReports);
	if (allowed < 1) {
		c.say(
			`ERROR: callid_info USER DOES NOT HAVE PERMISSION TO GET CALL INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const callId = p.get('call_id').replace(/[\n\r\t ]/g, '');
	if (!callIdUsable(callId)) {
		c.say(`ERROR: callid_info INVALID SEARCH PARAMETERS: ${c.user}|${callId}\n`);
		return;
	}
	const stageName = p.get('stage');
	const { DL } = delimiter(stageName, false);
	const detail = p.get('detail') === 'YES';
	let output = '';
	if (p.get('header') === 'YES') {
		output += `${(detail ? ['call_id', 'custtime', 'call_date', 'phone', 'call_type', 'campaign_id', 'list_id', 'status', 'user'] : ['call_id', 'custtime']).join(DL)}\n`;
	}
	const agentUser = p.get('agent_user');
	const call = findCall(c, callId, 'vicidial_log_extended');
	if (!call) {
		c.say(`ERROR: callid_info CALL NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	const uniqueid = s(call.uniqueid);
	const callDate = s(call.call_date);
	const leadId = s(call.lead_id);
	// `lead_id=<value>` without quotes: a NULL lead id is invalid SQL
	if (leadId === '') throw new SqlError('lead_id= without a value');
	const type = callType(callId);
	const sameCall = (r: Row): boolean =>
		ciEq(r.uniqueid, uniqueid) && numEqStr(Number(r.lead_id), leadId);
	const log =
		type === 'INBOUND'
			? db.t('vicidial_closer_log').find((r) => sameCall(r) && s(r.call_date) === callDate)
			: db.t('vicidial_log').find(sameCall);
	if (!log) {
		c.say(`ERROR: callid_info CALL LOG NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	const agentLog = db.t('vicidial_agent_log').find((r) => sameCall(r) && ciEq(r.user, s(log.user)));
	const custSec = agentLog
		? Number(s(agentLog.talk_sec) || 0) - Number(s(agentLog.dead_sec) || 0)
		: 0;
	output += detail
		? `${[callId, custSec, callDate, log.phone_number, type, log.campaign_id, log.list_id, log.status, log.user].map((v) => (typeof v === 'number' ? String(v) : s(v))).join(DL)}\n`
		: `${callId}${DL}${custSec}\n`;
	sayLoggingOutput(c, 'callid_info', output);
}
