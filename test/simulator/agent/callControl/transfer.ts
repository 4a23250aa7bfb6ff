/** transfer_conference: flags the transfer-conference panel of an agent on a live call. */
import { s } from '../../db';
import { ciEq, fmtDateTime } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn, updateLive } from '../session/common';
import { groupAliasCid, liveColumns, refused, rowBy } from './common';

const CID_CHOICES = /CAMPAIGN|AGENT_PHONE|CUSTOMER|CUSTOM_CID/;

/** DEFAULTINGROUP: the default transfer group of the call's in-group or campaign. */
export function defaultXferGroup(c: AgContext, campaignId: string, callType: string): string {
	if (callType === 'IN') {
		debugStmt(
			c,
			`select default_xfer_group from vicidial_inbound_groups where group_id='${campaignId}';`,
		);
		return s(rowBy(c, 'vicidial_inbound_groups', 'group_id', campaignId)?.default_xfer_group);
	}
	debugStmt(
		c,
		`select default_xfer_group from vicidial_campaigns where campaign_id='${campaignId}';`,
	);
	return s(rowBy(c, 'vicidial_campaigns', 'campaign_id', campaignId)?.default_xfer_group);
}

export function activeInGroup(c: AgContext, group: string): boolean {
	debugStmt(
		c,
		`select count(*) from vicidial_inbound_groups where group_id='${group}' and active='Y';`,
	);
	return (
		c.state.db
			.t('vicidial_inbound_groups')
			.count((r) => ciEq(r.group_id, group) && r.active === 'Y') > 0
	);
}

/** group_alias and cid_choice checks of both transfer kinds: a string to go on, or 'exit'. */
function callerId(c: AgContext): string | 'exit' {
	const alias = groupAliasCid(c, c.p.get('group_alias'));
	if (alias === 'exit') return 'exit';
	const cidChoice = c.p.get('cid_choice');
	if (cidChoice.length > 1 && !CID_CHOICES.test(cidChoice)) {
		c.out.echo(`ERROR: cid_choice is not valid - ${c.agentUser}|${cidChoice}\n`);
		return 'exit';
	}
	return alias.cid;
}

export function transferConference(c: AgContext): AgResult {
	const { out, p, state, value } = c;
	if (value.length < 8 || (c.agentUser.length < 1 && c.altUser.length < 2)) {
		out.echo(`ERROR: transfer_conference not valid - ${value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const agent = liveColumns(c, 'lead_id,callerid,server_ip,conf_exten,status');
	const callerid = s(agent?.callerid);
	if (!(Number(s(agent?.lead_id)) > 0 && callerid.length > 15)) {
		out.echo(`ERROR: agent_user does not have a live call - ${c.agentUser}\n`);
		return 'continue';
	}
	let ingroup = p.get('ingroup_choices');
	const phone = p.get('phone_number');
	// the script turns anything but YES into NO before any function runs
	const consultative = p.get('consultative') === 'YES' ? 'YES' : 'NO';
	const groupAlias = p.get('group_alias');
	const cidChoice = p.get('cid_choice');
	let processed = false;
	let order = '';
	if (
		value === 'LOCAL_CLOSER' ||
		((value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL') && consultative === 'YES')
	) {
		processed = true;
		if (ingroup.length < 2) {
			out.echo(`ERROR: ingroup is not valid - ${ingroup}\n`);
		} else {
			if (ingroup.includes('DEFAULTINGROUP')) {
				debugStmt(
					c,
					`select campaign_id,call_type from vicidial_auto_calls where callerid='${callerid}';`,
				);
				const call = rowBy(c, 'vicidial_auto_calls', 'callerid', callerid);
				ingroup = defaultXferGroup(c, s(call?.campaign_id), s(call?.call_type));
			}
			if (!activeInGroup(c, ingroup)) {
				out.echo(`ERROR: ingroup is not valid - ${ingroup}\n`);
			} else {
				const cid = callerId(c);
				if (cid === 'exit') return 'exit';
				order = `${value}---${ingroup}---${phone}---${consultative}------${groupAlias}---${cid}---${c.epoch}---${cidChoice}`;
			}
		}
	}
	if (
		!processed &&
		['BLIND_TRANSFER', 'LEAVE_VM', 'DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL'].includes(value)
	) {
		const cid = callerId(c);
		if (cid === 'exit') return 'exit';
		processed = true;
		order = `${value}------${phone}---NO---${p.get('dial_override')}---${groupAlias}---${cid}---${c.epoch}---${cidChoice}`;
	}
	if (!processed && ['HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL'].includes(value)) {
		processed = true;
		order = `${value}---------NO------------${c.epoch}`;
	}
	if (!processed) {
		out.echo(`ERROR: value is not valid - ${value}|${c.user}\n`);
		return 'continue';
	}
	if (order === '') return 'continue';

	let multiOutput = '';
	const multi = p.get('multi_dial_phones');
	if (multi.length > 4) {
		const phones = multi.split(',');
		let kept = '';
		let count = 0;
		for (const one of phones) {
			// the script skips a number already contained in the kept list (a text search)
			if (one.length > 4 && one.length < 19 && !kept.includes(one)) {
				kept += `${count > 0 ? ',' : ''}${one}`;
				count++;
			}
		}
		let affected = 0;
		if (count > 0) {
			const now = state.nowStr();
			if (/YES/i.test(p.get('md_check'))) {
				const halfHourAgo = new Date(state.now().getTime() - 30 * 60 * 1000);
				const cutoff = fmtDateTime(halfHourAgo);
				debugStmt(
					c,
					`select count(*) from vicidial_3way_press_live where user='${c.agentUser}' and status NOT IN('HUNGUP','DEFEATED','TRANSFER','TOOSLOW','DECLINED') and call_date > "${cutoff}";`,
				);
				const live = state.db
					.t('vicidial_3way_press_live')
					.count(
						(r) =>
							ciEq(r.user, c.agentUser) &&
							!['HUNGUP', 'DEFEATED', 'TRANSFER', 'TOOSLOW', 'DECLINED'].includes(s(r.status)) &&
							s(r.call_date) > cutoff,
					);
				if (live > 0) {
					out.echo(
						`ERROR: agent_user has previous active 3-way calls - ${c.agentUser}|${live}|0|${p.get('md_check')}\n`,
					);
					return 'exit';
				}
			}
			const insert = `INSERT IGNORE INTO vicidial_3way_press_multi SET user='${c.agentUser}',call_date=NOW(),phone_numbers='${kept}',phone_numbers_ct='${count}',status='NEW' ON DUPLICATE KEY UPDATE call_date=NOW(),phone_numbers='${kept}',phone_numbers_ct='${count}',status='NEW';`;
			debugComment(c, insert);
			const table = state.db.t('vicidial_3way_press_multi');
			const existing = table.find((r) => ciEq(r.user, c.agentUser));
			const values = {
				call_date: now,
				phone_numbers: kept,
				phone_numbers_ct: count,
				status: 'NEW',
			};
			if (existing) {
				// MariaDB counts an updated duplicate as 2 rows, an unchanged one as 0
				affected = table.update(existing, values, now) > 0 ? 2 : 0;
			} else {
				table.insert({ user: c.agentUser, ...values }, now);
				affected = 1;
			}
		}
		multiOutput = `|Multi-phones: ${count} ${phones.length} ${affected}`;
	}
	if (/YES/i.test(p.get('tw_check'))) {
		const serverIp = s(agent?.server_ip);
		const confExten = s(agent?.conf_exten);
		debugStmt(c, `SELECT conf_engine from servers where server_ip='${serverIp}';`);
		debugStmt(
			c,
			`SELECT count(*) from live_sip_channels where server_ip='${serverIp}' and channel_group LIKE "DC%W" and extension='${confExten}';`,
		);
		const threeWay = state.db
			.t('live_sip_channels')
			.count(
				(r) =>
					r.server_ip === serverIp &&
					/^DC.*W$/i.test(s(r.channel_group)) &&
					r.extension === confExten,
			);
		if (threeWay > 0) {
			out.echo(
				`ERROR: agent_user has current active 3-way call - ${c.agentUser}|${threeWay}|0|${p.get('tw_check')}\n`,
			);
			return 'exit';
		}
	}
	const stmt = `UPDATE vicidial_live_agents set external_transferconf='${order}' where user='${c.agentUser}';`;
	debugComment(c, stmt);
	debugStmt(c, stmt);
	updateLive(c, { external_transferconf: order });
	out.echo(
		`SUCCESS: transfer_conference function set - ${value}|${ingroup}|${phone}|${consultative}|${c.agentUser}|${callerid}${multiOutput}|\n`,
	);
	return 'continue';
}
