/** logged_in_agents: one line per agent in vicidial_live_agents that the API user may see. */
import { s } from '../../db';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { delimiterOf, inList, seesGroup, subStatus, viewerOf } from './common';

/** The report rights the agent-info functions check. */
export const canViewAgents = (c: NaContext): number =>
	countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.view_reports === '1' && level(r) > 6 && r.active === 'Y',
	);

export function loggedInAgents(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = canViewAgents(c);
	if (allowed < 1) {
		c.say(
			`ERROR: logged_in_agents USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const viewer = viewerOf(c);
	const userGroups = p.get('user_groups');
	const groupFilter =
		userGroups.length > 0 && userGroups.length < 10000 ? userGroups.split('|') : null;
	const campaigns = p.get('campaigns');
	const campaignFilter =
		campaigns.length > 0 && campaigns.length < 10000 ? campaigns.split('|') : null;
	const DL = delimiterOf(p.get('stage'));
	const subStatusWanted = p.get('show_sub_status') === 'YES';
	let output = '';
	if (p.get('header') === 'YES') {
		output += [
			'user',
			'campaign_id',
			'session_id',
			'status',
			'lead_id',
			'callerid',
			'calls_today',
			'full_name',
			'user_group',
			'user_level',
		].join(DL);
		if (subStatusWanted) output += `${DL}pause_code${DL}sub_status`;
		output += '\n';
	}
	const agents = db
		.t('vicidial_live_agents')
		.filter(
			(r) =>
				(viewer.campaigns === null || inList(r.campaign_id, viewer.campaigns)) &&
				(campaignFilter === null || inList(r.campaign_id, campaignFilter)),
		);
	let printed = 0;
	for (const agent of agents) {
		const user = state.user(s(agent.user));
		if (
			!user ||
			!seesGroup(viewer, user.user_group) ||
			(groupFilter !== null && !inList(user.user_group, groupFilter))
		)
			continue;
		let leadId = s(agent.lead_id);
		let extra = '';
		if (subStatusWanted) {
			const sub = subStatus(state, agent, s(agent.user));
			leadId = sub.leadId;
			extra = `${DL}${sub.pauseCode}${DL}${sub.rtr}`;
		}
		output +=
			[
				agent.user,
				agent.campaign_id,
				agent.conf_exten,
				agent.status,
				leadId,
				agent.callerid,
				agent.calls_today,
				user.full_name,
				user.user_group,
				user.user_level,
			]
				.map(s)
				.join(DL) + `${extra}\n`;
		printed++;
	}
	if (printed > 0) {
		c.say(output);
		return;
	}
	c.say(`ERROR: logged_in_agents NO LOGGED IN AGENTS: ${c.user}|${p.get('agent_user')}\n`);
}
