/** logout: flags the agent's screen to log out (external_pause='LOGOUT'). */
import { resolveAltUser } from '../externalPause';
import type { AgContext, AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction, updateLive } from './common';

export function logout(c: AgContext): AgResult {
	const { out, value } = c;
	if (
		value.length < 1 ||
		(c.agentUser.length < 1 && c.altUser.length < 1) ||
		!value.includes('LOGOUT')
	) {
		out.echo(`ERROR: logout not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	if (c.debug)
		out.echo(
			`\n<!-- UPDATE vicidial_live_agents set external_pause='${value}' where user='${c.agentUser}'; -->`,
		);
	updateLive(c, { external_pause: value });
	out.echo(`SUCCESS: logout function set - ${value}|${c.epoch}|${c.agentUser}\n`);
	return 'continue';
}
