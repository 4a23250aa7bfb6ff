/** recording (start, stop, status) and audio_playback in the agent's session. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum } from '../../php';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn, updateLive } from '../session/common';
import { liveColumns, refused } from './common';

export function recording(c: AgContext): AgResult {
	const { out, p, state } = c;
	let value = c.value;
	if (
		(!/START/.test(value) && !/STOP/.test(value) && !/STATUS/.test(value)) ||
		(c.agentUser.length < 1 && c.altUser.length < 2)
	) {
		out.echo(`ERROR: recording not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const agent = liveColumns(c, 'external_recording,server_ip,conf_exten,status');
	const recordingId = s(agent?.external_recording);
	const tail = `${s(agent?.server_ip)}|${s(agent?.conf_exten)}|${s(agent?.status)}`;
	if (value === 'STATUS') {
		if (recordingId !== 'START' && recordingId !== 'STOP' && cmpStrNum(recordingId, 0) > 0) {
			debugStmt(
				c,
				`SELECT filename,server_ip,start_time FROM recording_log where recording_id='${recordingId}';`,
			);
			const rec = state.db
				.t('recording_log')
				.find((r) => s(r.recording_id) === String(Number(recordingId)));
			out.echo(
				`NOTICE: recording active - ${c.agentUser}|${recordingId}|${s(rec?.filename)}|${s(rec?.server_ip)}|${s(rec?.start_time)}|${tail}\n`,
			);
		} else {
			out.echo(`NOTICE: not recording - ${c.agentUser}|||||${tail}\n`);
		}
		return 'continue';
	}
	if (/STOP/.test(value) && (recordingId === 'STOP' || cmpStrNum(recordingId, 1) < 0)) {
		out.echo(`ERROR: stop recording error - ${c.agentUser}|${recordingId}||||${tail}\n`);
		return 'exit';
	}
	const stage = p.get('stage');
	if (stage.length > 0 && /START/.test(value)) value = `${value}${stage.slice(0, 14)}`;
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_recording='${value}' where user='${c.agentUser}';`,
	);
	updateLive(c, { external_recording: value });
	out.echo(`SUCCESS: recording function sent - ${c.agentUser}|${value}||||${tail}\n`);
	return 'continue';
}

export function audioPlayback(c: AgContext): AgResult {
	const { out, p, state, value } = c;
	const stage = p.get('stage');
	if (
		(value.length < 1 && stage === 'PLAY') ||
		stage.length < 4 ||
		(c.agentUser.length < 1 && c.altUser.length < 2)
	) {
		out.echo(`ERROR: audio_playback not valid - ${value}|${stage}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	if (c.altUser.length > 1) {
		debugStmt(c, `select count(*) from vicidial_users where custom_three='${c.altUser}';`);
		const found = state.db
			.t('vicidial_users')
			.filter((r) => ciEq(r.custom_three, c.altUser))
			.sort((a, b) => (s(a.user) < s(b.user) ? -1 : 1))[0];
		if (found) {
			debugStmt(
				c,
				`select user from vicidial_users where custom_three='${c.altUser}' order by user;`,
			);
			c.agentUser = s(found.user);
		} else {
			out.echo(`ERROR: no user found - ${stage}|${c.altUser}\n`);
		}
	}
	if (!liveAgent(c)) {
		out.echo(`ERROR: agent_user is not logged in - ${stage}|${c.agentUser}\n`);
		return 'continue';
	}
	const agent = liveColumns(c, 'conf_exten,server_ip');
	if (!agent) {
		out.echo(`ERROR: audio_playback error - no session data - ${stage}|${c.agentUser}\n`);
		return 'continue';
	}
	const confExten = s(agent.conf_exten);
	const serverIp = s(agent.server_ip);
	if (!(confExten.length > 5 && serverIp.length > 5)) {
		out.echo(`ERROR: audio_playback error - entry is empty - ${stage}|${c.agentUser}\n`);
		return 'continue';
	}
	debugStmt(c, `select ext_context from servers where server_ip='${serverIp}';`);
	const context = s(state.db.t('servers').find((r) => r.server_ip === serverIp)?.ext_context);
	debugStmt(
		c,
		`select channel from live_channels where extension='${confExten}' and server_ip='${serverIp}' and channel LIKE "IAX2/ASTplay%";`,
	);
	const playing = state.db
		.t('live_channels')
		.find(
			(r) =>
				r.extension === confExten &&
				r.server_ip === serverIp &&
				/^IAX2\/ASTplay/i.test(s(r.channel)),
		);
	// the Originate/Hangup commands go to Asterisk through vicidial_manager: not modelled
	if (stage === 'PLAY') {
		if (playing) {
			if (p.get('dial_override') !== 'Y') {
				out.echo(
					`ERROR: audio_playback error - audio already playing in agent session - ${confExten}|${serverIp}|${stage}|${p.get('dial_override')}|${c.agentUser}\n`,
				);
				return 'exit';
			}
			out.echo(
				`NOTICE: audio_playback previous playback stopped - ${stage}|${p.get('dial_override')}|${c.agentUser}\n`,
			);
		}
		debugComment(
			c,
			`INSERT INTO vicidial_manager values('','','${state.nowStr()}','NEW','N','${serverIp}','','Originate','${value}','Channel: Local\\/47378216${confExten}@${context}','Context: ${context}','Exten: 473782158521111','Priority: 1','CallerID: "${value}" <473782158521111>','','','','','');`,
		);
	} else if (!playing) {
		out.echo(
			`ERROR: audio_playback error - no audio playing in agent session - ${confExten}|${serverIp}|${stage}|${c.agentUser}\n`,
		);
		return 'exit';
	}
	out.echo(`SUCCESS: audio_playback function sent - ${value}|${stage}|${c.agentUser}\n`);
	return 'continue';
}
