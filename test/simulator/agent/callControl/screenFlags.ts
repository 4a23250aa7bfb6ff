/**
 * Commands that only write a flag column of the agent's vicidial_live_agents row, which the
 * agent screen acts on at its next refresh: external_hangup, external_status, send_dtmf, park_call.
 */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { debugComment, liveAgent, notLoggedIn, updateLive } from '../session/common';
import { liveColumns, refused } from './common';

/** The shape most of them share: not valid, refused, alt_user, logged in, then `act`. */
function flagCommand(c: AgContext, valid: boolean, act: () => void): AgResult {
	if (!valid) {
		c.out.echo(`ERROR: ${c.fn} not valid - ${c.value}|${c.agentUser}\n`);
		return 'continue';
	}
	if (refused(c)) return 'exit';
	resolveAltUser(c, 1);
	if (!liveAgent(c)) return notLoggedIn(c);
	act();
	return 'continue';
}

const basicValid = (c: AgContext) =>
	c.value.length >= 1 && (c.agentUser.length >= 1 || c.altUser.length >= 2);

export function externalHangup(c: AgContext): AgResult {
	return flagCommand(c, basicValid(c), () => {
		debugComment(
			c,
			`UPDATE vicidial_live_agents set external_hangup='${c.value}' where user='${c.agentUser}';`,
		);
		updateLive(c, { external_hangup: c.value });
		c.out.echo(`SUCCESS: external_hangup function set - ${c.value}|${c.agentUser}\n`);
	});
}

export function sendDtmf(c: AgContext): AgResult {
	return flagCommand(c, basicValid(c), () => {
		debugComment(
			c,
			`UPDATE vicidial_live_agents set external_dtmf='${c.value}' where user='${c.agentUser}';`,
		);
		updateLive(c, { external_dtmf: c.value });
		c.out.echo(`SUCCESS: send_dtmf function set - ${c.value}|${c.agentUser}\n`);
	});
}

const PARK_WORDS =
	/PARK_CUSTOMER|GRAB_CUSTOMER|PARK_IVR_CUSTOMER|GRAB_IVR_CUSTOMER|PARK_XFER|GRAB_XFER/;

export function parkCall(c: AgContext): AgResult {
	const valid = PARK_WORDS.test(c.value) && (c.agentUser.length >= 1 || c.altUser.length >= 2);
	return flagCommand(c, valid, () => {
		const agent = liveColumns(c, 'lead_id');
		if (!(Number(s(agent?.lead_id)) > 0)) {
			c.out.echo(`ERROR: agent_user does not have a lead on their screen - ${c.agentUser}\n`);
			return;
		}
		debugComment(
			c,
			`UPDATE vicidial_live_agents set external_park='${c.value}' where user='${c.agentUser}';`,
		);
		updateLive(c, { external_park: c.value });
		c.out.echo(`SUCCESS: park_call function set - ${c.value}|${c.agentUser}\n`);
	});
}

/** A status flagged for scheduled callbacks, system-wide or in the agent's campaign. */
function isCallbackStatus(c: AgContext, status: string): boolean {
	debugStmt(
		c,
		`select count(*) from vicidial_statuses where status='${status}' and scheduled_callback='Y';`,
	);
	if (
		c.state.db
			.t('vicidial_statuses')
			.count((r) => ciEq(r.status, status) && r.scheduled_callback === 'Y') > 0
	)
		return true;
	const campaign = s(liveColumns(c, 'campaign_id')?.campaign_id);
	debugStmt(
		c,
		`select count(*) from vicidial_campaign_statuses where campaign_id='${campaign}' and status='${status}' and scheduled_callback='Y';`,
	);
	return (
		c.state.db
			.t('vicidial_campaign_statuses')
			.count(
				(r) =>
					ciEq(r.campaign_id, campaign) && ciEq(r.status, status) && r.scheduled_callback === 'Y',
			) > 0
	);
}

export function externalStatus(c: AgContext): AgResult {
	const { p } = c;
	return flagCommand(c, basicValid(c), () => {
		let value = c.value;
		let callback = false;
		const when = p.get('callback_datetime');
		if (when.length > 12 && isCallbackStatus(c, value)) {
			callback = true;
			const type = p.get('callback_type');
			value = `${value}!${when}!${type.length < 4 ? 'ANYONE' : type}!${p.get('callback_comments').slice(0, 200)}!`;
		}
		const qm = p.get('qm_dispo_code');
		if (qm.length > 0) value = callback ? `${value}${qm}` : `${value}!!!!${qm}`;
		debugComment(
			c,
			`UPDATE vicidial_live_agents set external_status='${value}' where user='${c.agentUser}';`,
		);
		updateLive(c, { external_status: value });
		c.out.echo(`SUCCESS: external_status function set - ${value}|${c.agentUser}\n`);
	});
}
