/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** recording_lookup: recordings by call, agent, lead, extension and day, with their file locations. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr } from '../../mysql';
import type { SimState } from '../../state';
import type { NaContext } from '../context';
import { delimiter, likePrefix, mayReport, within } from './common';

/**
 * The harness writes its own web address (port VICIDIAL_PORT, 8089 by default) into the seed's
 * recording location when it resets (the conformance harness resets it with this process's
 * environment), so the same variable moves it here; with recordingsHere the location
 * points at this simulator, which serves the file.
 */
export function printedLocation(state: SimState, location: string): string {
	const seeded = /^http:\/\/127\.0\.0\.1(:\d+)?\/RECORDINGS\//;
	if (state.recordingsUrl) return location.replace(seeded, `${state.recordingsUrl}/RECORDINGS/`);
	const port = process.env.VICIDIAL_PORT;
	if (port && /^\d+$/.test(port))
		return location.replace(
			/^http:\/\/127\.0\.0\.1:8089\/RECORDINGS\//,
			`http://127.0.0.1:${port}/RECORDINGS/`,
		);
	return location;
}

export function recordingLookup(c: NaContext): void {
	const { p, state } = c;
	if (!mayReport(c, 'USER DOES NOT HAVE PERMISSION TO GET RECORDING INFO')) return;
	const uniqueid = p.get('uniqueid');
	const agentUser = p.get('agent_user');
	const leadId = p.get('lead_id');
	const extension = p.get('extension');
	const date = p.get('date');
	const conditions: Array<(r: Row) => boolean> = [];
	let weight = 0;
	if (uniqueid.length > 8) {
		// the call's id without its fraction, matched as a prefix in both call logs
		const prefix = uniqueid.replace(/\..*$/s, '');
		const inOutbound = state.db.t('vicidial_log').count((r) => likePrefix(r.uniqueid, prefix)) > 0;
		const closerIds = state.db
			.t('vicidial_closer_log')
			.filter((r) => likePrefix(r.uniqueid, prefix))
			.map((r) => s(r.closecallid));
		if (inOutbound || closerIds.length > 0) {
			conditions.push(
				(r) =>
					(inOutbound && likePrefix(r.vicidial_id, prefix)) ||
					closerIds.some((id) => ciEq(r.vicidial_id, id)),
			);
			weight += 2;
		}
	}
	if (agentUser.length > 2 && agentUser.length < 21) {
		conditions.push((r) => ciEq(r.user, agentUser));
		weight += 1;
	}
	if (leadId.length > 0 && leadId.length < 11) {
		conditions.push((r) => r.lead_id !== null && numEqStr(Number(r.lead_id), leadId));
		weight += 2;
	}
	if (extension.length > 2 && extension.length < 101) {
		conditions.push((r) => ciEq(r.extension, extension));
		weight += 1;
	}
	if (date.length === 10) {
		conditions.push((r) => within(r.start_time, `${date} 00:00:00`, `${date} 23:59:59`));
		weight += 1;
	}
	const echoed = `${c.user}|${agentUser}|${leadId}|${date}|${uniqueid}`;
	if (weight < 2) {
		c.say(`ERROR: recording_lookup INVALID SEARCH PARAMETERS: ${echoed}\n`);
		return;
	}
	const found = state.db
		.t('recording_log')
		.filter((r) => conditions.every((cond) => cond(r)))
		.map((r, i) => ({ r, i }))
		.sort((a, b) =>
			s(a.r.start_time) < s(b.r.start_time)
				? -1
				: s(a.r.start_time) > s(b.r.start_time)
					? 1
					: a.i - b.i,
		)
		.map(({ r }) => r);
	if (found.length === 0) {
		c.say(`ERROR: recording_lookup NO RECORDINGS FOUND - ${echoed}\n`);
		return;
	}
	const DL = delimiter(p.get('stage'));
	let output =
		p.get('header') === 'YES'
			? ['start_time', 'user', 'recording_id', 'lead_id', 'location'].join(DL) + '\n'
			: '';
	const withLength = /Y/.test(p.get('duration'));
	for (const r of found) {
		let length = '';
		if (withLength) {
			let seconds = 0;
			if (Number(r.length_in_sec ?? 0) > 0) seconds = Number(r.length_in_sec);
			else {
				const span = Number(r.end_epoch ?? 0) - Number(r.start_epoch ?? 0);
				if (span > 0 && span < 86400) seconds = span;
			}
			length = `${DL}${seconds}`;
		}
		output += `${s(r.start_time)}${DL}${s(r.user)}${DL}${s(r.recording_id)}${DL}${s(r.lead_id)}${length}${DL}${printedLocation(state, s(r.location))}\n`;
	}
	c.say(output);
}
