/** external_dial and preview_dial_action: manual dialing on a paused agent's screen. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { looseEq } from '../../php';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn, updateLive } from '../session/common';
import { groupAliasCid, mayDialManually, refused, rowBy } from './common';

/** The agent's campaign (a lookup the script does not print in debug mode). */
function campaignOf(c: AgContext): string {
	return s(
		c.state.db.t('vicidial_live_agents').find((r) => ciEq(r.user, c.agentUser))?.campaign_id,
	);
}

/** Paused with no lead on the screen (the STANDARD API manual dial's condition). */
function pausedWithoutLead(c: AgContext): boolean {
	debugStmt(
		c,
		`select count(*) from vicidial_live_agents where user='${c.agentUser}' and status='PAUSED' and lead_id < 1;`,
	);
	return (
		c.state.db
			.t('vicidial_live_agents')
			.count(
				(r) => ciEq(r.user, c.agentUser) && r.status === 'PAUSED' && Number(s(r.lead_id)) < 1,
			) > 0
	);
}

/** PHP's `($value + 0)` on the digits left after a leading 99 */
const asNumber = (digits: string): string => (digits === '' ? '0' : BigInt(digits).toString());

export function externalDial(c: AgContext): AgResult {
	const { out, p, state } = c;
	let value = c.value === 'MANUALNEXT' ? c.value : c.value.replace(/[^0-9]/g, '');
	c.value = value;
	let phoneCode = p.get('phone_code');
	const search = p.get('search');
	const preview = p.get('preview');
	const focus = p.get('focus');
	const leadId = p.get('lead_id');
	if (
		(value.length < 2 && leadId.length < 1) ||
		(c.agentUser.length < 2 && c.altUser.length < 2) ||
		search.length < 2 ||
		preview.length < 2 ||
		focus.length < 2
	) {
		out.echo(
			`ERROR: external_dial not valid - ${value}|${phoneCode}|${search}|${preview}|${focus}|${leadId}|${c.agentUser}|${c.altUser}\n`,
		);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const campaign = campaignOf(c);
	const apiManualDial = s(rowBy(c, 'vicidial_campaigns', 'campaign_id', campaign)?.api_manual_dial);
	const standard = apiManualDial === 'STANDARD';
	const ready = standard ? pausedWithoutLead(c) : true;
	let dialIngroup = p.get('dial_ingroup');
	if (dialIngroup.length > 0) {
		debugStmt(c, `select count(*) from vicidial_inbound_groups where group_id='${dialIngroup}';`);
		if (!rowBy(c, 'vicidial_inbound_groups', 'group_id', dialIngroup)) {
			out.echo(`NOTICE: defined dial_ingroup not found - ${dialIngroup}\n`);
			dialIngroup = '';
		}
	}
	if (!ready && dialIngroup.length === 0) {
		out.echo(`ERROR: agent_user is not paused - ${c.agentUser}\n`);
		return 'continue';
	}
	if (!mayDialManually(c)) {
		out.echo(`ERROR: agent_user is not allowed to place manual dial calls - ${c.agentUser}\n`);
		return 'continue';
	}
	let groupAlias = p.get('group_alias');
	const alias = groupAliasCid(c, groupAlias);
	if (alias === 'exit') return 'exit';
	let callerIdNumber = alias.cid;
	const outboundCid = p.get('outbound_cid');
	if (outboundCid.length > 1) {
		const anyCid = state.setting('outbound_cid_any');
		if (anyCid !== 'API_ONLY') {
			out.echo(
				`ERROR: outbound_cid is not allowed on this system - ${c.agentUser}|${outboundCid}|${anyCid}\n`,
			);
			return 'exit';
		}
		callerIdNumber = outboundCid;
		groupAlias = '-FORCE-';
	}
	// Vtiger integration is off in the seed: only the number's 99 prefix goes
	if (/YES/i.test(p.get('vtiger_callback')) && value.startsWith('99')) {
		value = asNumber(value.slice(2));
	}
	let altDial = p.get('alt_dial');
	if (leadId.length > 0) {
		const phoneSearch = value;
		value = '';
		phoneCode = '';
		const lead = rowBy(c, 'vicidial_list', 'lead_id', leadId);
		if (altDial === 'SEARCH') {
			altDial = '';
			if (lead) {
				if (looseEq(s(lead.phone_number), phoneSearch)) altDial = 'MAIN';
				else if (looseEq(s(lead.alt_phone), phoneSearch)) altDial = 'ALT';
				else if (looseEq(s(lead.address3), phoneSearch)) altDial = 'ADDR3';
				if (altDial === '') {
					out.echo(
						`ERROR: phone number lead_id search not found - ${c.agentUser}|${value}|${leadId}|${altDial}\n`,
					);
					return 'exit';
				}
			}
		}
		const column =
			altDial === 'ALT' ? 'alt_phone' : altDial === 'ADDR3' ? 'address3' : 'phone_number';
		debugStmt(c, `select ${column},phone_code from vicidial_list where lead_id='${leadId}';`);
		if (!lead) {
			out.echo(`ERROR: lead_id is not valid - ${c.agentUser}|${leadId}\n`);
			return 'exit';
		}
		value = s(lead[column]).replace(/[^0-9]/g, '');
		phoneCode = s(lead.phone_code);
		if (value.length < 2) {
			out.echo(`ERROR: phone number is not valid - ${c.agentUser}|${value}|${leadId}|${altDial}\n`);
			return 'exit';
		}
	}
	const vendorId = p.get('vendor_id');
	const dialPrefix = p.get('dial_prefix');
	const order = `${value}!${phoneCode}!${search}!${preview}!${focus}!${vendorId}!${c.epoch}!${dialPrefix}!${groupAlias}!${callerIdNumber}!!${leadId}!${altDial}!${dialIngroup}`;
	if (standard) {
		const stmt = `UPDATE vicidial_live_agents set external_dial='${order}' where user='${c.agentUser}';`;
		debugStmt(c, stmt);
		debugComment(c, stmt);
		updateLive(c, { external_dial: order });
	} else {
		const queue = state.db.t('vicidial_manual_dial_queue');
		debugStmt(
			c,
			`select count(*) from vicidial_manual_dial_queue where user='${c.agentUser}' and phone_number='${value}';`,
		);
		if (queue.count((r) => ciEq(r.user, c.agentUser) && ciEq(r.phone_number, value)) > 0) {
			out.echo(
				`ERROR: phone_number is already in this agents manual dial queue - ${c.agentUser}|${value}\n`,
			);
			return 'continue';
		}
		const stmt = `INSERT INTO vicidial_manual_dial_queue set user='${c.agentUser}',phone_number='${value}',entry_time=NOW(),status='READY',external_dial='${order}';`;
		debugComment(c, stmt);
		queue.insert(
			{
				user: c.agentUser,
				phone_number: value,
				entry_time: state.nowStr(),
				status: 'READY',
				external_dial: order,
			},
			state.nowStr(),
		);
	}
	out.echo(
		`SUCCESS: external_dial function set - ${value}|${c.agentUser}|${phoneCode}|${search}|${preview}|${focus}|${vendorId}|${c.epoch}|${dialPrefix}|${groupAlias}|${callerIdNumber}|${altDial}\n`,
	);
	return 'continue';
}

const PREVIEW_ACTIONS = ['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH'];

export function previewDialAction(c: AgContext): AgResult {
	const { out } = c;
	const value = c.value.replace(/[^A-Z0-9]/g, '');
	c.value = value;
	if (
		value.length < 4 ||
		(c.agentUser.length < 2 && c.altUser.length < 2) ||
		!PREVIEW_ACTIONS.includes(value)
	) {
		out.echo(`ERROR: preview_dial_action not valid - ${value}||${c.agentUser}|${c.altUser}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	const campaign = campaignOf(c);
	const row = rowBy(c, 'vicidial_campaigns', 'campaign_id', campaign);
	const previewMode = s(row?.manual_preview_dial);
	const altNumbers = s(row?.alt_number_dialing);
	if (previewMode === 'DISABLED') {
		out.echo(
			`ERROR: preview dialing not allowed on this campaign - ${c.agentUser}|${campaign}|${previewMode}\n`,
		);
		return 'exit';
	}
	if (previewMode === 'PREVIEW_ONLY' && value === 'SKIP') {
		out.echo(
			`ERROR: preview dial skipping not allowed on this campaign - ${c.agentUser}|${campaign}|${previewMode}\n`,
		);
		return 'exit';
	}
	if (altNumbers === 'N' && ['ALTDIAL', 'ADR3DIAL', 'FINISH'].includes(value)) {
		out.echo(
			`ERROR: alt number dialing not allowed on this campaign - ${c.agentUser}|${campaign}|${altNumbers}\n`,
		);
		return 'exit';
	}
	debugStmt(
		c,
		`select count(*) from vicidial_live_agents where user='${c.agentUser}' and status='PAUSED';`,
	);
	if (
		c.state.db
			.t('vicidial_live_agents')
			.count((r) => ciEq(r.user, c.agentUser) && r.status === 'PAUSED') < 1
	) {
		out.echo(`ERROR: agent_user is not paused - ${c.agentUser}\n`);
		return 'continue';
	}
	if (!mayDialManually(c)) {
		out.echo(`ERROR: agent_user is not allowed to place manual dial calls - ${c.agentUser}\n`);
		return 'continue';
	}
	const stmt = `UPDATE vicidial_live_agents set external_dial='${value}' where user='${c.agentUser}';`;
	debugComment(c, stmt);
	debugComment(c, stmt);
	updateLive(c, { external_dial: value });
	out.echo(`SUCCESS: preview_dial_action function set - ${value}|${c.agentUser}|${value}\n`);
	return 'continue';
}
