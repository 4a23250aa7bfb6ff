/**
 * force_fronter_leave_3way and force_fronter_audio_stop: act on the other agent (the fronter)
 * on the same lead as agent_user. Cross-cluster (CCC) lookups find nothing in the seed.
 */
import { s, type Row } from '../../db';
import { ciEq, fmtDateTime } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { updateLive } from '../session/common';
import { liveColumns, refused } from './common';

const SCOPES = ['LOCAL_ONLY', 'LOCAL_AND_CCC', 'CCC_REMOTE'];

/** The common start: the lead to look for, or undefined when the script already answered. */
function fronterLead(c: AgContext): string | undefined | 'exit' {
	const { out, value } = c;
	if (!SCOPES.includes(value) || (c.agentUser.length < 1 && c.altUser.length < 2)) {
		out.echo(`ERROR: ${c.fn} not valid - ${value}|${c.agentUser}\n`);
		return undefined;
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	debugStmt(c, `SELECT count(*) from vicidial_live_agents where user='${c.agentUser}';`);
	const loggedIn = c.state.db.t('vicidial_live_agents').count((r) => ciEq(r.user, c.agentUser)) > 0;
	if (!loggedIn && value !== 'CCC_REMOTE') {
		out.echo(`ERROR: agent_user is not logged in - ${c.agentUser}\n`);
		return undefined;
	}
	debugStmt(c, `|SELECT lead_id from vicidial_live_agents where user='${c.agentUser}';|`);
	const ownLead =
		s(c.state.db.t('vicidial_live_agents').find((r) => ciEq(r.user, c.agentUser))?.lead_id) || '0';
	const leadId = c.p.get('lead_id');
	if (!(Number(ownLead) > 0 || (leadId.length > 0 && value === 'CCC_REMOTE'))) {
		out.echo(`ERROR: agent_user is not on a phone call - ${c.agentUser}\n`);
		return undefined;
	}
	return value === 'CCC_REMOTE' ? leadId : ownLead;
}

/** The other live agent on this lead, the one with the oldest last call first. */
function otherAgent(c: AgContext, leadId: string): Row | undefined {
	debugStmt(
		c,
		`|SELECT user from vicidial_live_agents where user!='${c.agentUser}' and lead_id='${leadId}' order by last_call_time limit 1;|`,
	);
	return c.state.db
		.t('vicidial_live_agents')
		.filter((r) => !ciEq(r.user, c.agentUser) && s(r.lead_id) === String(Number(leadId) || 0))
		.sort((a, b) =>
			s(a.last_call_time) < s(b.last_call_time)
				? -1
				: s(a.last_call_time) > s(b.last_call_time)
					? 1
					: 0,
		)[0];
}

/** LOCAL_AND_CCC: a cross-cluster log row for the lead (none in the seed). */
function cccLookup(c: AgContext, leadId: string): void {
	debugStmt(
		c,
		`|SELECT remote_lead_id,container_id from vicidial_ccc_log where lead_id='${leadId}';|`,
	);
}

export function forceFronterLeave3way(c: AgContext): AgResult {
	const leadId = fronterLead(c);
	if (leadId === 'exit') return 'exit';
	if (leadId === undefined) return 'continue';
	const other = otherAgent(c, leadId);
	if (other) {
		const otherUser = s(other.user);
		updateLive(
			c,
			{ external_transferconf: `LEAVE_3WAY_CALL---------NO------------${c.epoch}` },
			otherUser,
		);
		// printed without a newline
		c.out.echo(`SUCCESS: force_fronter_leave_3way SENT - ${otherUser}`);
		return 'continue';
	}
	if (c.value === 'LOCAL_AND_CCC') cccLookup(c, leadId);
	c.out.echo(`ERROR: no fronter found - ${c.agentUser}\n`);
	return 'continue';
}

export function forceFronterAudioStop(c: AgContext): AgResult {
	const { out, state } = c;
	const leadId = fronterLead(c);
	if (leadId === 'exit') return 'exit';
	if (leadId === undefined) return 'continue';
	const stage = c.p.get('stage');
	let otherUser = '';
	let confExten = '';
	let serverIp = '';
	let found = false;
	const other = otherAgent(c, leadId);
	if (other) {
		otherUser = s(other.user);
		found = true;
	} else {
		// a fronter who left the call in the last 5 minutes
		const since = fmtDateTime(new Date(state.now().getTime() - 5 * 60 * 1000));
		debugStmt(
			c,
			`|SELECT user,conf_exten,server_ip from vicidial_sessions_recent where user!='${c.agentUser}' and lead_id='${leadId}' and call_date > DATE_SUB(NOW(), INTERVAL 5 MINUTE) order by call_date desc limit 1;|`,
		);
		const recent = state.db
			.t('vicidial_sessions_recent')
			.filter(
				(r) =>
					!ciEq(r.user, c.agentUser) &&
					s(r.lead_id) === String(Number(leadId) || 0) &&
					s(r.call_date) > since,
			)
			.sort((a, b) => (s(b.call_date) < s(a.call_date) ? -1 : 1))[0];
		if (recent) {
			otherUser = s(recent.user);
			confExten = s(recent.conf_exten);
			serverIp = s(recent.server_ip);
			found = true;
		}
	}
	if (!found) {
		if (c.value === 'LOCAL_AND_CCC') cccLookup(c, leadId);
		out.echo(`ERROR: no fronter found - ${c.agentUser}\n`);
		return 'continue';
	}
	if (serverIp.length < 5 && confExten.length < 1) {
		const row = liveColumns(c, 'conf_exten,server_ip', otherUser);
		confExten = s(row?.conf_exten);
		serverIp = s(row?.server_ip);
	}
	if (confExten.length > 5 && serverIp.length > 5) {
		debugStmt(
			c,
			`SELECT channel from live_channels where extension='${confExten}' and server_ip='${serverIp}' and channel LIKE "IAX2/ASTplay%";`,
		);
		const playing = state.db
			.t('live_channels')
			.find(
				(r) =>
					r.extension === confExten &&
					r.server_ip === serverIp &&
					/^IAX2\/ASTplay/i.test(s(r.channel)),
			);
		if (!playing) {
			out.echo(
				`ERROR: force_fronter_audio_stop error - no audio playing in other agent session - ${confExten}|${serverIp}|${stage}|${c.agentUser}|${otherUser}\n`,
			);
			return 'exit';
		}
		// the Hangup of the playback channel goes to Asterisk (vicidial_manager): not modelled
		out.echo(
			`SUCCESS: force_fronter_audio_stop function sent - ${c.value}|${stage}|${c.agentUser}|${otherUser}\n`,
		);
		return 'continue';
	}
	out.echo(
		`ERROR: force_fronter_audio_stop error - no fronter session found - ${stage}|${c.agentUser}|${otherUser}\n`,
	);
	return 'continue';
}
