/** calls_in_queue_count: live calls (and queued emails) the agent could get. No newline after the answer. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction } from './common';

export function callsInQueueCount(c: AgContext): AgResult {
	const { out, value, state } = c;
	if (value !== 'DISPLAY' || (c.agentUser.length < 1 && c.altUser.length < 2)) {
		out.echo(`ERROR: calls_in_queue_count not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	resolveAltUser(c, 1);
	const agent = liveAgent(
		c,
		c.agentUser,
		`SELECT count(*) from vicidial_live_agents where user='${c.agentUser}';`,
	);
	if (!agent) return notLoggedIn(c);
	debugStmt(
		c,
		`|SELECT status,campaign_id,closer_campaigns from vicidial_live_agents where user='${c.agentUser}';|`,
	);
	// the in-group list " A B -" becomes IN('','A','B'): the empty id counts too
	let groups = s(agent.closer_campaigns).replace(/\s-/g, '').split(/\s/);
	const agentDirect = groups.some((g) => /AGENTDIRECT/i.test(g));
	if (agentDirect) groups = groups.map((g) => g.replace(/AGENTDIRECT/gi, ''));
	const inGroups = (id: string | null) => groups.some((g) => ciEq(id, g));
	const inList = `'${groups.join("','")}'`;
	const direct = agentDirect
		? ` or ( (campaign_id LIKE "%AGENTDIRECT%") and (agent_only='${c.agentUser}') )`
		: '';
	debugStmt(
		c,
		`|SELECT count(*) from vicidial_auto_calls where status IN('LIVE') and ( (campaign_id='${s(agent.campaign_id)}') or (campaign_id IN(${inList})) ${direct});|`,
	);
	debugStmt(
		c,
		`|SELECT count(*) from vicidial_email_list where status IN('NEW','QUEUE') and (group_id IN(${inList}));|`,
	);
	const calls = state.db
		.t('vicidial_auto_calls')
		.count(
			(r) =>
				ciEq(r.status, 'LIVE') &&
				(ciEq(r.campaign_id, s(agent.campaign_id)) ||
					inGroups(r.campaign_id) ||
					(agentDirect &&
						/AGENTDIRECT/i.test(s(r.campaign_id)) &&
						ciEq(r.agent_only, c.agentUser))),
		);
	const emails = state.db
		.t('vicidial_email_list')
		.count((r) => (ciEq(r.status, 'NEW') || ciEq(r.status, 'QUEUE')) && inGroups(r.group_id));
	out.echo(`SUCCESS: calls_in_queue_count - ${calls + emails}`);
	return 'continue';
}
