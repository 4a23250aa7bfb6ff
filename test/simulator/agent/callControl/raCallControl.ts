/**
 * ra_call_control: hangs up or redirects a remote agent's call (by its call ID) at once, logs
 * its status and frees the agent. The Asterisk command (vicidial_manager) is not modelled.
 */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn } from '../session/common';
import { refused, rowBy } from './common';
import { activeInGroup, defaultXferGroup } from './transfer';

export function raCallControl(c: AgContext): AgResult {
	const { out, p, state, value } = c;
	const stage = p.get('stage');
	if (value.length < 1 || c.agentUser.length < 1 || stage.length < 1) {
		out.echo(`ERROR: ra_call_control not valid - ${value}|${c.agentUser}|${stage}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	if (!liveAgent(c)) return notLoggedIn(c);
	debugStmt(c, `select count(*) from vicidial_auto_calls where callerid='${value}';`);
	const call = rowBy(c, 'vicidial_auto_calls', 'callerid', value);
	if (!call) {
		out.echo(`ERROR: no active call found - ${value}\n`);
		return 'continue';
	}
	debugStmt(
		c,
		`select channel,server_ip,call_type,campaign_id,lead_id,phone_number,uniqueid,stage,queue_position from vicidial_auto_calls where callerid='${value}';`,
	);
	debugStmt(
		c,
		`select server_ip,user,extension from vicidial_live_agents where callerid='${value}';`,
	);
	const raAgent = state.db.t('vicidial_live_agents').find((r) => ciEq(r.callerid, value));
	const serverIp = s(call.server_ip);
	const callType = s(call.call_type);
	const campaignId = s(call.campaign_id);
	const leadId = s(call.lead_id);
	const phone = p.get('phone_number');
	let success = false;
	if (stage === 'HANGUP') {
		success = true;
		out.echo(`SUCCESS: ra_call_control hungup - ${c.agentUser}|${value}|HANGUP\n`);
	} else if (stage === 'EXTENSIONTRANSFER') {
		if (phone.length < 2) {
			out.echo(`ERROR: phone_number is not valid - ${phone}\n`);
		} else {
			debugStmt(c, `select ext_context from servers where server_ip='${serverIp}';`);
			success = true;
			out.echo(`SUCCESS: ra_call_control transfer - ${c.agentUser}|${value}|${phone}\n`);
		}
	} else if (stage === 'INGROUPTRANSFER') {
		let ingroup = p.get('ingroup_choices');
		if (ingroup.length < 2) {
			out.echo(`ERROR: ingroup is not valid - ${ingroup}\n`);
		} else {
			debugStmt(c, `select ext_context from servers where server_ip='${serverIp}';`);
			if (ingroup.includes('DEFAULTINGROUP')) ingroup = defaultXferGroup(c, campaignId, callType);
			if (!activeInGroup(c, ingroup)) {
				out.echo(`ERROR: ingroup is not valid - ${ingroup}\n`);
			} else {
				success = true;
				// prints the phone number, not the in-group
				out.echo(`SUCCESS: ra_call_control transfer - ${c.agentUser}|${value}|${phone}\n`);
			}
		}
	} else {
		out.echo(`ERROR: stage is not valid - ${stage}\n`);
	}
	if (!success) return 'continue';

	const now = state.nowStr();
	const nowEpoch = state.epoch();
	const status = p.get('status') || 'RAXFER';
	const uniqueid = s(call.uniqueid);
	if (callType === 'IN') {
		debugComment(
			c,
			`UPDATE vicidial_closer_log SET status='${status}',length_in_sec=(UNIX_TIMESTAMP(NOW()) - start_epoch),end_epoch=UNIX_TIMESTAMP(NOW()) where uniqueid='${uniqueid}' and lead_id='${leadId}' and campaign_id='${campaignId}' order by closecallid desc limit 1;`,
		);
		const log = state.db.t('vicidial_closer_log');
		const row = log
			.filter(
				(r) =>
					ciEq(r.uniqueid, uniqueid) && s(r.lead_id) === leadId && ciEq(r.campaign_id, campaignId),
			)
			.sort((a, b) => Number(s(b.closecallid)) - Number(s(a.closecallid)))[0];
		if (row)
			log.update(
				row,
				{ status, length_in_sec: nowEpoch - Number(s(row.start_epoch)), end_epoch: nowEpoch },
				now,
			);
	} else {
		debugComment(
			c,
			`UPDATE vicidial_log SET status='${status}',user='${c.agentUser}',length_in_sec=(UNIX_TIMESTAMP(NOW()) - start_epoch),end_epoch=UNIX_TIMESTAMP(NOW()) where uniqueid='${uniqueid}' and lead_id='${leadId}' order by call_date desc limit 1;`,
		);
		const log = state.db.t('vicidial_log');
		const row = log
			.filter((r) => ciEq(r.uniqueid, uniqueid) && s(r.lead_id) === leadId)
			.sort((a, b) => (s(b.call_date) < s(a.call_date) ? -1 : 1))[0];
		if (row)
			log.update(
				row,
				{
					status,
					user: c.agentUser,
					length_in_sec: nowEpoch - Number(s(row.start_epoch)),
					end_epoch: nowEpoch,
				},
				now,
			);
	}
	debugComment(c, `UPDATE vicidial_list SET status='${status}' where lead_id='${leadId}' limit 1;`);
	const leads = state.db.t('vicidial_list');
	const lead = leads.find((r) => s(r.lead_id) === leadId);
	if (lead) leads.update(lead, { status }, now);
	debugStmt(
		c,
		'SELECT enable_queuemetrics_logging,queuemetrics_server_ip,queuemetrics_dbname,queuemetrics_login,queuemetrics_pass,queuemetrics_log_id,queuemetrics_pe_phone_append,queuemetrics_socket,queuemetrics_socket_url,queuemetrics_pause_type FROM system_settings;',
	);
	// the Asterisk command, then the agent's row is freed (random_id is random: not modelled in debug output)
	const raUser = s(raAgent?.user);
	const raServer = s(raAgent?.server_ip);
	const live = state.db.t('vicidial_live_agents');
	for (const r of live.filter((x) => ciEq(x.user, raUser) && x.server_ip === raServer)) {
		live.update(
			r,
			{
				random_id: 10000000 + 1000000 + Math.floor(Math.random() * 9000000),
				last_call_finish: now,
				lead_id: '',
				uniqueid: '',
				callerid: '',
				channel: '',
				last_state_change: now,
			},
			now,
		);
		live.update(r, { status: 'READY' }, now);
	}
	state.db.t('vicidial_auto_calls').delete((r) => ciEq(r.callerid, value));
	for (const r of live.filter((x) => ciEq(x.ring_callerid, value)))
		live.update(r, { ring_callerid: '' }, now);
	return 'continue';
}
