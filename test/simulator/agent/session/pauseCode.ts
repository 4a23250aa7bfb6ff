/** pause_code: flags a paused agent's screen to set a pause code (external_pause_code). */
import { ciEq } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction, updateLive } from './common';

export function pauseCode(c: AgContext): AgResult {
	const { out, value } = c;
	if (value.length < 1 || value.length > 6 || (c.agentUser.length < 1 && c.altUser.length < 2)) {
		out.echo(`ERROR: pause_code not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	resolveAltUser(c, 1);
	const agent = liveAgent(c);
	if (!agent) return notLoggedIn(c);
	debugStmt(
		c,
		`select status from vicidial_live_agents where user='${c.agentUser}' and status='PAUSED';`,
	);
	if (!ciEq(agent.status, 'PAUSED')) {
		out.echo(`ERROR: pause_code error - agent is not paused - ${c.agentUser}\n`);
		return 'continue';
	}
	if (c.debug)
		out.echo(
			`\n<!-- UPDATE vicidial_live_agents SET external_pause_code='${value}' where user='${c.agentUser}'; -->`,
		);
	updateLive(c, { external_pause_code: value });
	out.echo(`SUCCESS: pause_code function sent - ${c.agentUser}\n`);
	return 'continue';
}
