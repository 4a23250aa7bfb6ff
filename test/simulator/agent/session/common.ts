/** What the session group's handlers share: the permission refusal and the live-agent lookups. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { mayCall } from '../../context';
import { debugStmt, type AgContext } from '../context';

/** The API user's api_allowed_functions lacks the function: printed with `value`, then the script stops. */
export function refuseFunction(c: AgContext): boolean {
	if (mayCall(c)) return false;
	c.out.echo(
		`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${c.value}|${c.user}|${c.fn}|${c.userGroup}\n`,
	);
	return true;
}

/** The agent's vicidial_live_agents row (a logged-in agent has exactly one). */
export function liveAgent(
	c: AgContext,
	user = c.agentUser,
	stmt = `select count(*) from vicidial_live_agents where user='${user}';`,
): Row | undefined {
	debugStmt(c, stmt);
	return c.state.db.t('vicidial_live_agents').find((r) => ciEq(r.user, user));
}

export function notLoggedIn(c: AgContext, user = c.agentUser): 'continue' {
	c.out.echo(`ERROR: agent_user is not logged in - ${user}\n`);
	return 'continue';
}

/** A flag column of the API user (modify_leads, change_agent_campaign...). */
export function apiUserHas(c: AgContext, column: string, values: string[]): boolean {
	const list = values.length > 1 ? ` IN('${values.join("','")}')` : `='${values[0]}'`;
	debugStmt(c, `select count(*) from vicidial_users where user='${c.user}' and ${column}${list};`);
	const row = c.state.user(c.user);
	return row !== undefined && values.includes(s(row[column]));
}

/** Debug output of an UPDATE/INSERT the script shows as an HTML comment. */
export function debugComment(c: AgContext, stmt: string): void {
	if (c.debug) c.out.echo(`\n<!-- ${stmt} -->`);
}

/** Updates the agent's live row; returns MariaDB's affected rows (changed rows only). */
export function updateLive(
	c: AgContext,
	values: Record<string, string | number>,
	user = c.agentUser,
): number {
	const live = c.state.db.t('vicidial_live_agents');
	let affected = 0;
	for (const r of live.filter((x) => ciEq(x.user, user)))
		affected += live.update(r, values, c.state.nowStr());
	return affected;
}

/** The first user (by user) whose custom_three holds this id. */
export function userByCustomThree(c: AgContext, id: string): Row | undefined {
	debugStmt(c, `select count(*) from vicidial_users where custom_three='${id}';`);
	const found = c.state.db
		.t('vicidial_users')
		.filter((r) => ciEq(r.custom_three, id))
		.sort((a, b) => (s(a.user) < s(b.user) ? -1 : 1))[0];
	if (found)
		debugStmt(c, `select user from vicidial_users where custom_three='${id}' order by user;`);
	return found;
}
