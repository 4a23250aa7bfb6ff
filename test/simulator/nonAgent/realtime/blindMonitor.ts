/** blind_monitor: queue an Originate that calls a phone into an agent's conference (listen, barge, whisper). */
import { s } from '../../db';
import { SqlError, ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';

/** 127.0.0.1 -> 127*000*000*001* (each part padded to three digits). */
function dialPrefix(serverIp: string): string {
	return `${serverIp
		.split('.')
		.slice(0, 4)
		.map((part) => part.padStart(3, '0'))
		.join('*')}*`;
}

export function blindMonitor(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	const startEpoch = state.epoch();
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) => r.vdc_agent_api_access === '1' && level(r) > 6 && r.active === 'Y',
	);
	if (allowed < 1 && c.source !== 'queuemetrics') {
		c.say(
			`ERROR: blind_monitor USER DOES NOT HAVE PERMISSION TO BLIND MONITOR: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const sessionId = p.get('session_id');
	const serverIp = p.get('server_ip');
	const phoneLogin = p.get('phone_login');
	const server = db.t('servers').find((r) => ciEq(r.server_ip, serverIp));
	const confbridge = s(server?.conf_engine) === 'CONFBRIDGE';
	const confTable = confbridge ? 'vicidial_confbridges' : 'vicidial_conferences';
	if (
		db.t(confTable).count((r) => ciEq(r.conf_exten, sessionId) && ciEq(r.server_ip, serverIp)) < 1
	) {
		c.say(`ERROR: blind_monitor INVALID SESSION ID - ${sessionId}|${serverIp}|${c.user}\n`);
		return;
	}
	const phone = db.t('phones').find((r) => ciEq(r.login, phoneLogin));
	if (!phone && c.source !== 'queuemetrics') {
		c.say(`ERROR: blind_monitor INVALID PHONE LOGIN - ${phoneLogin}|${c.user}\n`);
		return;
	}
	let dialplanNumber = phoneLogin;
	let monitorServerIp = serverIp;
	let outboundCid = '';
	if (c.source === 'queuemetrics') {
		const voicemailServer = state.setting('active_voicemail_server');
		if (voicemailServer.length >= 7) monitorServerIp = voicemailServer;
	} else {
		dialplanNumber = s(phone?.dialplan_number);
		monitorServerIp = s(phone?.server_ip);
		outboundCid = s(phone?.outbound_cid);
	}
	const enhanced = Number(state.setting('enhanced_agent_monitoring')) > 0;
	let stage = p.get('stage');
	let type = 'LISTEN';
	let cidPrefix = 'BM';
	let swap = false;
	if (/MONITOR/.test(stage) || stage.length < 1)
		stage = enhanced ? '47378219' : confbridge ? '4' : '0';
	if (/BARGE/.test(stage)) {
		swap = /SWAP/.test(stage);
		stage = enhanced ? '47378220' : confbridge ? '6' : '';
		type = 'BARGE';
		cidPrefix = 'BB';
	}
	if (/HIJACK/.test(stage)) {
		stage = '';
		type = 'HIJACK';
		cidPrefix = 'BB';
	}
	if (/WHISPER/.test(stage)) {
		if (state.setting('agent_whisper_enabled') === '1') {
			stage = enhanced ? '47378221' : '47378218';
			type = 'WHISPER';
			cidPrefix = 'BW';
		} else {
			stage = '0';
		}
	}
	const callerCode = `${cidPrefix}${startEpoch}${c.user.padStart(8, '0').slice(0, 8)}`;
	const agent = db
		.t('vicidial_live_agents')
		.find((r) => ciEq(r.conf_exten, sessionId) && ciEq(r.server_ip, serverIp));
	const target = `${dialPrefix(serverIp)}${stage}${sessionId}`;
	const now = state.nowStr();
	const manager = db.t('vicidial_manager').insert(
		{
			entry_date: now,
			status: 'NEW',
			response: 'N',
			server_ip: monitorServerIp,
			action: 'Originate',
			callerid: callerCode,
			cmd_line_b: swap
				? `Channel: Local/${dialplanNumber}@default`
				: `Channel: Local/${target}@default`,
			cmd_line_c: 'Context: default',
			cmd_line_d: swap ? `Exten: ${target}` : `Exten: ${dialplanNumber}`,
			cmd_line_e: 'Priority: 1',
			cmd_line_f: `Callerid: "${callerCode}" <${outboundCid}>`,
			cmd_line_g: `Variable: __monitorsession=${sessionId}`,
		},
		now,
	);
	db.t('vicidial_dial_log').insert(
		{
			caller_code: callerCode,
			lead_id: '0',
			server_ip: monitorServerIp,
			call_date: now,
			extension: dialplanNumber,
			channel: `Local/${target}@default`,
			timeout: '0',
			outbound_cid: `"${callerCode}" <${outboundCid}>`,
			context: 'default',
		},
		now,
	);
	db.t('vicidial_dial_cid_log').insert(
		{
			caller_code: callerCode,
			call_date: now,
			call_type: 'MANUAL',
			call_alt: 'MAIN',
			outbound_cid: outboundCid,
			outbound_cid_type: 'MONITOR_AGENT',
		},
		now,
	);
	// caller_code is a unique key: a second monitor by the same user in the same second fails here
	if (db.t('vicidial_rt_monitor_log').count((r) => r.caller_code === callerCode) > 0)
		throw new SqlError(`Duplicate entry '${callerCode}' for key 'caller_code'`);
	const monitorRow = {
		manager_user: c.user,
		manager_server_ip: monitorServerIp,
		manager_phone: phoneLogin,
		manager_ip: c.ip,
		agent_user: s(agent?.user),
		agent_server_ip: serverIp,
		agent_status: s(agent?.status),
		agent_session: sessionId,
		lead_id: s(agent?.lead_id),
		campaign_id: s(agent?.campaign_id),
		caller_code: callerCode,
		monitor_start_time: now,
		monitor_type: type,
	};
	db.t('vicidial_rt_monitor_log').insert(monitorRow, now);
	db.t('vicidial_daily_rt_monitoring_log').insert(monitorRow, now);
	c.say(
		`SUCCESS: blind_monitor HAS BEEN LAUNCHED - ${phoneLogin}|${target}|${dialplanNumber}|${sessionId}|${s(manager.man_id)}|${c.user}\n`,
	);
}
