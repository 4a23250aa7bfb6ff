/** set_timer_action: flags the agent's screen with a timer action for the current call. */
import type { AgContext, AgResult } from '../context';
import {
	apiUserHas,
	debugComment,
	liveAgent,
	notLoggedIn,
	refuseFunction,
	updateLive,
} from './common';

export function setTimerAction(c: AgContext): AgResult {
	const { out, value, p } = c;
	if (c.agentUser.length < 1 || value.length < 2) {
		out.echo(`ERROR: set_timer_action not valid - ${c.agentUser}|${value}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	if (!liveAgent(c)) return notLoggedIn(c);
	if (!apiUserHas(c, 'modify_campaigns', ['1'])) {
		out.echo(`ERROR: user is not allowed to modify campaign settings - ${c.agentUser}|${c.user}\n`);
		return 'continue';
	}
	const notes = p.get('notes');
	const rank = p.get('rank');
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_timer_action='${value}',external_timer_action_message='${notes}',external_timer_action_seconds='${rank}' where user='${c.agentUser}';`,
	);
	updateLive(c, {
		external_timer_action: value,
		external_timer_action_message: notes,
		external_timer_action_seconds: rank,
	});
	out.echo(
		`SUCCESS: set_timer_action lead updated - ${c.user}|${c.agentUser}|${value}|${notes}|${rank}\n`,
	);
	return 'continue';
}
