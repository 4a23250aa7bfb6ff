/** webphone_url and call_agent: both read the agent's vicidial_session_data row. */
import { s } from '../../db';
import { ciEq, SqlError } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction } from './common';

function sessionRow(c: AgContext, column: string) {
	debugStmt(c, `select ${column} from vicidial_session_data where user='${c.agentUser}';`);
	return c.state.db.t('vicidial_session_data').find((r) => ciEq(r.user, c.agentUser));
}

export function webphoneUrl(c: AgContext): AgResult {
	const { out, value } = c;
	if (
		(value !== 'DISPLAY' && value !== 'LAUNCH') ||
		(c.agentUser.length < 1 && c.altUser.length < 2)
	) {
		out.echo(`ERROR: webphone_url not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const session = sessionRow(c, 'webphone_url');
	if (!session) {
		out.echo(`ERROR: webphone_url error - no session data - ${c.agentUser}\n`);
		return 'continue';
	}
	const url = s(session.webphone_url);
	if (url.length <= 5) {
		out.echo(`ERROR: webphone_url error - webphone url is empty - ${c.agentUser}\n`);
		return 'continue';
	}
	if (value === 'DISPLAY') {
		out.echo(url);
	} else {
		out.echo(
			`<META HTTP-EQUIV=Refresh CONTENT="0; URL=${url}">\n</HEAD>\n<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n` +
				`<a href="${url}">click here to continue. . .</a>\n</BODY>\n`,
		);
	}
	return 'continue';
}

export function callAgent(c: AgContext): AgResult {
	const { out, value } = c;
	if (value !== 'CALL' || (c.agentUser.length < 1 && c.altUser.length < 2)) {
		out.echo(`ERROR: call_agent not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	resolveAltUser(c, 1);
	const agent = liveAgent(
		c,
		c.agentUser,
		`select count(*), conf_exten from vicidial_live_agents where user='${c.agentUser}';`,
	);
	if (!agent) return notLoggedIn(c);
	const session = sessionRow(c, 'agent_login_call');
	if (!session) {
		out.echo(`ERROR: call_agent error - no session data - ${c.agentUser}\n`);
		return 'continue';
	}
	if (s(session.agent_login_call).length <= 5) {
		out.echo(`ERROR: call_agent error - entry is empty - ${c.agentUser}\n`);
		return 'continue';
	}
	// The script replays the login call: its |-separated fields become the values of a new
	// vicidial_manager row (no column list), with the session's conference put into "Exten: ".
	const conference = s(agent.conf_exten);
	const command = s(session.agent_login_call).replace(
		/(.+?Exten: )\d{7}(\|Priority.+)/,
		`$1 ${conference}$2`,
	);
	const values = command.split('|');
	const manager = c.state.db.t('vicidial_manager');
	if (values.length !== manager.columns.length)
		throw new SqlError("Column count doesn't match value count at row 1");
	if (c.debug) out.echo(`\n<!-- INSERT INTO vicidial_manager values('${values.join("','")}'); -->`);
	manager.insert(
		Object.fromEntries(manager.columns.map((column, i) => [column.name, values[i]])),
		c.state.nowStr(),
	);
	out.echo(`SUCCESS: call_agent function sent - ${c.agentUser}\n`);
	return 'continue';
}
