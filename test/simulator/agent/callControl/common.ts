/** What the call-control handlers share: the permission refusal with its own first field, and the agent's live row. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { mayCall } from '../../context';
import { debugStmt, type AgContext } from '../context';

/** The permission refusal; `first` is what the function prints before the API user (value, or lead_id). */
export function refused(c: AgContext, first = c.value): boolean {
	if (mayCall(c)) return false;
	c.out.echo(
		`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${first}|${c.user}|${c.fn}|${c.userGroup}\n`,
	);
	return true;
}

/** The agent's vicidial_live_agents row, printing the columns query the script runs. */
export function liveColumns(c: AgContext, columns: string, user = c.agentUser): Row | undefined {
	debugStmt(c, `select ${columns} from vicidial_live_agents where user='${user}';`);
	return c.state.db.t('vicidial_live_agents').find((r) => ciEq(r.user, user));
}

/** A row of a table by one column (case-insensitive, like the DB's collation). */
export function rowBy(c: AgContext, table: string, column: string, value: string): Row | undefined {
	return c.state.db.t(table).find((r) => ciEq(r[column], value));
}

/** The API user's check of the agent's manual-dial right. */
export function mayDialManually(c: AgContext): boolean {
	debugStmt(
		c,
		`select count(*) from vicidial_users where user='${c.agentUser}' and agentcall_manual='1';`,
	);
	return (
		c.state.db
			.t('vicidial_users')
			.count((r) => ciEq(r.user, c.agentUser) && r.agentcall_manual === '1') > 0
	);
}

/** A group alias's caller ID number, or the refusal the script prints (then it stops). */
export function groupAliasCid(c: AgContext, alias: string): { cid: string } | 'exit' {
	if (alias.length <= 1) return { cid: '' };
	debugStmt(c, `select caller_id_number from groups_alias where group_alias_id='${alias}';`);
	const row = rowBy(c, 'groups_alias', 'group_alias_id', alias);
	if (!row) {
		c.out.echo(`ERROR: group_alias is not valid - ${c.agentUser}|${alias}\n`);
		return 'exit';
	}
	const cid = s(row.caller_id_number);
	// `$caller_id_number < 4`: PHP compares a non-numeric text with 4 as text
	const tooShort = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(cid)
		? Number(cid) < 4
		: cid < '4';
	if (tooShort) {
		c.out.echo(
			`ERROR: caller_id_number from group_alias is not valid - ${c.agentUser}|${alias}|${cid}\n`,
		);
		return 'exit';
	}
	return { cid };
}

/** numbers as PHP compares them loosely (`$a == $b` of two DB/request strings) */
export const num = (v: string | null | undefined): number => Number(s(v)) || 0;
