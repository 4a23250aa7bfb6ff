/** agent_status: one logged-in agent's live state, sub-status and current lead. */
import { s } from '../../db';
import { ciEq, fmtDateTime } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { delimiterOf, seesGroup, subStatus, viewerOf } from './common';
import { canViewAgents } from './loggedInAgents';

export function agentStatus(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = canViewAgents(c);
	if (allowed < 1) {
		c.say(
			`ERROR: agent_status USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const agentUser = p.get('agent_user');
	if (agentUser.length < 1 || agentUser.length >= 100) {
		c.say(`ERROR: agent_status INVALID SEARCH PARAMETERS: ${c.user}|${agentUser}\n`);
		return;
	}
	const viewer = viewerOf(c);
	const DL = delimiterOf(p.get('stage'));
	const withIp = p.get('include_ip') === 'YES';
	let output = '';
	if (p.get('header') === 'YES') {
		output += [
			'status',
			'callerid',
			'lead_id',
			'campaign_id',
			'calls_today',
			'full_name',
			'user_group',
			'user_level',
			'pause_code',
			'real_time_sub_status',
			'phone_number',
			'vendor_lead_code',
			'session_id',
		].join(DL);
		if (withIp) output += `${DL}computer_ip`;
		output += '\n';
	}
	const user = db
		.t('vicidial_users')
		.find((r) => ciEq(r.user, agentUser) && seesGroup(viewer, r.user_group));
	if (!user) {
		c.say(`ERROR: agent_status AGENT NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	const agent = db.t('vicidial_live_agents').find((r) => ciEq(r.user, agentUser));
	if (!agent) {
		c.say(`ERROR: agent_status AGENT NOT LOGGED IN: ${c.user}|${agentUser}\n`);
		return;
	}
	const sub = subStatus(state, agent, agentUser);
	const callerid = s(agent.callerid);
	let vendorLeadCode = '';
	let phoneNumber = '';
	if (Number(sub.leadId) > 0) {
		const lead = db.t('vicidial_list').find((r) => Number(r.lead_id) === Number(sub.leadId));
		if (lead) {
			vendorLeadCode = s(lead.vendor_lead_code);
			phoneNumber = s(lead.phone_number);
		}
	}
	if (callerid.length > 0) {
		const call = db.t('vicidial_auto_calls').find((r) => ciEq(r.callerid, callerid));
		if (call && s(call.phone_number).length > 3) phoneNumber = s(call.phone_number);
	}
	let ipOut = '';
	if (withIp) {
		// the script looks for a LOGIN older than two days, not a recent one
		const twoDaysAgo = fmtDateTime(new Date(state.now().getTime() - 2 * 86400 * 1000));
		const login = db
			.t('vicidial_user_log')
			.filter(
				(r) => ciEq(r.user, agentUser) && ciEq(r.event, 'LOGIN') && s(r.event_date) < twoDaysAgo,
			)
			.sort((a, b) => (s(a.event_date) < s(b.event_date) ? 1 : -1))[0];
		if (login && s(login.computer_ip).length > 3) ipOut = `${DL}${s(login.computer_ip)}`;
	}
	output +=
		[
			agent.status,
			callerid,
			sub.leadId,
			agent.campaign_id,
			agent.calls_today,
			user.full_name,
			user.user_group,
			user.user_level,
			sub.pauseCode,
			sub.rtr,
			phoneNumber,
			vendorLeadCode,
			agent.conf_exten,
		]
			.map(s)
			.join(DL) + `${ipOut}\n`;
	c.say(output);
}
