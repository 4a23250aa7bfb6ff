/** webphone_url and call_agent: both read the agent's vicidial_session_data row. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction } from './common';

function sessionRow(c: AgContext, column: string) {
	debugStmt(c, `select ${column} from vicidial_session_data where user='${c.agentUser}';`);
	return c.state.db.t('vicidial_session_data').find((r) => ciEq(r.user, c.agentUser));
}

export function webphoneUrl(c: AgContext): AgResult {
	const { out, value } = c;
	if ((value !== 'DISPLAY' && value !== 'LAUNCH') || (c.agentUser.length < 1 && c.altUser.length < 2)) {
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
	if (!liveAgent(c, c.agentUser, `select count(*), conf_exten from vicidial_live_agents where user='${c.agentUser}';`)) return notLoggedIn(c);
	const session = sessionRow(c, 'agent_login_call');
	if (!session) {
		out.echo(`ERROR: call_agent error - no session data - ${c.agentUser}\n`);
		return 'continue';
	}
	if (s(session.agent_login_call).length <= 5) {
		out.echo(`ERROR: call_agent error - entry is empty - ${c.agentUser}\n`);
		return 'continue';
	}
	// The real script queues the login call again in vicidial_manager for Asterisk; no Asterisk here.
	out.echo(`SUCCESS: call_agent function sent - ${c.agentUser}\n`);
	return 'continue';
}
