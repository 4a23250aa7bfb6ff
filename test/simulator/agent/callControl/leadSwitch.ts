/** switch_lead and vm_message: both act on the lead of the agent's live call. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { looseEq } from '../../php';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn, updateLive } from '../session/common';
import { liveColumns, refused, rowBy } from './common';

/** The agent's lead, call ID and campaign, when on a live call (lead > 0 and a call ID over 15 characters). */
function liveCall(
	c: AgContext,
): { leadId: string; callerid: string; campaign: string } | undefined {
	const agent = liveColumns(c, 'lead_id,callerid,campaign_id');
	const leadId = s(agent?.lead_id);
	const callerid = s(agent?.callerid);
	if (Number(leadId) > 0 && callerid.length > 15)
		return { leadId, callerid, campaign: s(agent?.campaign_id) };
	c.out.echo(`ERROR: agent_user does not have a live call - ${c.agentUser}\n`);
	return undefined;
}

export function switchLead(c: AgContext): AgResult {
	const { out, p, state } = c;
	const leadId = p.get('lead_id');
	const vendorCode = p.get('vendor_lead_code');
	if (
		((leadId.length < 1 || Number(leadId) < 1) && vendorCode.length < 1) ||
		(c.agentUser.length < 1 && c.altUser.length < 2)
	) {
		out.echo(`ERROR: switch_lead not valid - ${leadId}|${vendorCode}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c, leadId)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const call = liveCall(c);
	if (!call) return 'continue';
	if (!call.callerid.startsWith('Y')) {
		// printed without a newline
		out.echo(`ERROR: agent call is not inbound - ${c.agentUser}|${call.callerid}`);
		return 'continue';
	}
	debugStmt(
		c,
		`SELECT agent_lead_search from vicidial_campaigns where campaign_id='${call.campaign}';`,
	);
	const campaign = rowBy(c, 'vicidial_campaigns', 'campaign_id', call.campaign);
	if (!campaign) {
		out.echo(`ERROR: campaign not found - ${c.agentUser}|${call.campaign}\n`);
		return 'continue';
	}
	if (
		!['LIVE_CALL_INBOUND', 'LIVE_CALL_INBOUND_AND_MANUAL'].includes(s(campaign.agent_lead_search))
	) {
		out.echo(
			`ERROR: campaign does not allow inbound lead search - ${c.agentUser}|${call.campaign}\n`,
		);
		return 'continue';
	}
	const leads = state.db.t('vicidial_list');
	let found;
	if (vendorCode.length > 0) {
		debugStmt(
			c,
			`SELECT lead_id,vendor_lead_code from vicidial_list where vendor_lead_code='${vendorCode}' order by lead_id desc limit 1;`,
		);
		found = leads
			.filter((r) => ciEq(r.vendor_lead_code, vendorCode))
			.sort((a, b) => Number(s(b.lead_id)) - Number(s(a.lead_id)))[0];
	}
	// the script searches by vendor_lead_code when one is given, whatever the lead_id
	if (vendorCode.length === 0) {
		debugStmt(c, `SELECT lead_id,vendor_lead_code from vicidial_list where lead_id='${leadId}';`);
		found = leads.find((r) => looseEq(s(r.lead_id), leadId));
	}
	if (!found) {
		out.echo(`ERROR: switch-to lead not found - ${c.agentUser}|${leadId}|${vendorCode}\n`);
		return 'continue';
	}
	const newLead = s(found.lead_id);
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_lead_id='${newLead}' where user='${c.agentUser}';`,
	);
	updateLive(c, { external_lead_id: newLead });
	out.echo(
		`SUCCESS: switch_lead function set - ${c.agentUser}|${newLead}|${s(found.vendor_lead_code)}|${call.campaign}|${call.leadId}|\n`,
	);
	return 'continue';
}

export function vmMessage(c: AgContext): AgResult {
	const { out, p, state, value } = c;
	let leadId = p.get('lead_id');
	if ((c.agentUser.length < 1 && c.altUser.length < 2) || value.length < 1) {
		out.echo(`ERROR: vm_message not valid - ${leadId}|${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c, leadId)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const call = liveCall(c);
	if (!call) return 'continue';
	if (leadId.length < 1) leadId = call.leadId;
	if (!looseEq(call.leadId, leadId)) {
		out.echo(`ERROR: current call does not match lead_id submitted - ${c.agentUser}\n`);
		return 'continue';
	}
	debugComment(
		c,
		`INSERT INTO vicidial_lead_messages (lead_id,call_date,user,message_entry) values('${leadId}',NOW(),'${c.user}','${value}');`,
	);
	state.db
		.t('vicidial_lead_messages')
		.insert(
			{ lead_id: leadId, call_date: state.nowStr(), user: c.user, message_entry: value },
			state.nowStr(),
		);
	out.echo(`SUCCESS: vm_message function set - ${c.agentUser}|${leadId}|${value}|\n`);
	return 'continue';
}
