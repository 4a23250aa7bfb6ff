/**
 * external_pause: ask a logged-in agent's screen to pause or resume. The API only writes
 * "VALUE!epoch" into vicidial_live_agents.external_pause; the agent screen would act on it.
 */
import { ciEq } from '../mysql';
import { mayCall } from '../context';
import { debugStmt, type AgContext, type AgResult } from './context';

/** alt_user: find the agent whose custom_three holds this value (first by user). */
export function resolveAltUser(c: AgContext, minLength: number): void {
	if (c.altUser.length <= minLength) return;
	debugStmt(c, `select count(*) from vicidial_users where custom_three='${c.altUser}';`);
	const matches = c.state.db
		.t('vicidial_users')
		.filter((r) => ciEq(r.custom_three, c.altUser))
		.sort((a, b) => ((a.user ?? '') < (b.user ?? '') ? -1 : 1));
	if (matches.length > 0) {
		debugStmt(
			c,
			`select user from vicidial_users where custom_three='${c.altUser}' order by user;`,
		);
		c.agentUser = matches[0].user ?? '';
	} else {
		c.out.echo(`ERROR: no user found - ${c.altUser}\n`);
	}
}

export function externalPause(c: AgContext): AgResult {
	const { out, value } = c;
	if (
		value.length < 1 ||
		(c.agentUser.length < 1 && c.altUser.length < 1) ||
		!/PAUSE|RESUME/.test(value)
	) {
		out.echo(`ERROR: external_pause not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (!mayCall(c)) {
		out.echo(
			`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${value}|${c.user}|${c.fn}|${c.userGroup}\n`,
		);
		return 'exit';
	}
	resolveAltUser(c, 1);
	const live = c.state.db.t('vicidial_live_agents');
	debugStmt(c, `select count(*) from vicidial_live_agents where user='${c.agentUser}';`);
	const agent = live.find((r) => ciEq(r.user, c.agentUser));
	if (!agent) {
		out.echo(`ERROR: agent_user is not logged in - ${c.agentUser}\n`);
		return 'continue';
	}
	if (/RESUME/.test(value)) {
		debugStmt(
			c,
			`select count(*) from vicidial_live_agents where user='${c.agentUser}' and status IN('READY','QUEUE','INCALL','CLOSER');`,
		);
		if (['READY', 'QUEUE', 'INCALL', 'CLOSER'].some((st) => ciEq(agent.status, st))) {
			out.echo(`ERROR: external_pause agent is not paused - ${value}|${c.agentUser}\n`);
			return 'exit';
		}
	}
	const stmtValue = `${value}!${c.epoch}`;
	if (c.debug)
		out.echo(
			`\n<!-- UPDATE vicidial_live_agents set external_pause='${stmtValue}' where user='${c.agentUser}'; -->`,
		);
	for (const r of live.filter((x) => ciEq(x.user, c.agentUser)))
		live.update(r, { external_pause: stmtValue }, c.state.nowStr());
	out.echo(`SUCCESS: external_pause function set - ${value}|${c.epoch}|${c.agentUser}\n`);
	return 'continue';
}
