/** ccc_lead_info: the lead of a call of the last ten hours, by call ID. */
import { s } from '../../db';
import { fmtDateTime, numEqStr, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import { callIdUsable, findCall } from './callLookup';
import {
	delimiter,
	LEAD_COLUMNS,
	listVisible,
	sayLoggingOutput,
	userAllowed,
	viewReports,
} from './common';

export function cccLeadInfo(c: NaContext): void {
	const { state, p } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, viewReports);
	if (allowed < 1) {
		c.say(
			`ERROR: ccc_lead_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const callId = p.get('call_id').replace(/[\n\r\t ]/g, '');
	if (!callIdUsable(callId)) {
		c.say(`ERROR: ccc_lead_info INVALID SEARCH PARAMETERS: ${c.user}|${callId}\n`);
		return;
	}
	const { DL } = delimiter(p.get('stage'), true);
	let output = p.get('header') === 'YES' ? `${LEAD_COLUMNS.join(DL)}\n` : '';
	const tenHoursAgo = fmtDateTime(new Date(state.now().getTime() - 10 * 3600 * 1000));
	const call = findCall(
		c,
		callId,
		/^DC/.test(callId) ? 'vicidial_dial_log' : 'vicidial_log_extended',
		tenHoursAgo,
	);
	const agentUser = p.get('agent_user');
	if (!call) {
		c.say(`ERROR: ccc_lead_info CALL NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	// `where lead_id=<value>` without quotes: a NULL lead id is invalid SQL
	if (call.lead_id === null || s(call.lead_id) === '')
		throw new SqlError('lead_id= without a value');
	const lead = state.db
		.t('vicidial_list')
		.find((r) => numEqStr(Number(r.lead_id), s(call.lead_id)));
	if (!lead) {
		c.say(`ERROR: ccc_lead_info LEAD NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	if (
		allowedCampaigns(state, c.userGroup) !== null &&
		c.apiListRestrict > 0 &&
		!listVisible(state, c.userGroup, lead.list_id)
	) {
		c.say(`ERROR: ccc_lead_info LEAD NOT FOUND: |${c.user}|${allowed}|\n`);
		return;
	}
	output += `${LEAD_COLUMNS.map((col) => s(lead[col])).join(DL)}\n`;
	sayLoggingOutput(c, 'ccc_lead_info', output);
}
