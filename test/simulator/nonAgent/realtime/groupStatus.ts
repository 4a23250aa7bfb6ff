/** user_group_status and in_group_status: live agent and call counts, summed over the groups asked for. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { byCi, delimiterOf, inList, seesGroup, viewerOf, type Viewer } from './common';
import { canViewAgents } from './loggedInAgents';

/** Campaigns plus viewable in-groups whose calls a campaign-restricted viewer may count (null = all). */
function visibleCallCampaigns(c: NaContext, viewer: Viewer): string[] | null {
	if (viewer.campaigns === null) return null;
	const inGroups = c.state.db
		.t('vicidial_inbound_groups')
		.filter((r) => seesGroup(viewer, r.user_group))
		.sort(byCi('group_id'))
		.map((r) => s(r.group_id));
	return [...viewer.campaigns, ...inGroups, ''];
}

/** Live agents joined with their users, in table order. */
function liveAgents(
	c: NaContext,
	keep: (agent: Row, user: Row) => boolean,
): Array<{ agent: Row; user: Row }> {
	const out: Array<{ agent: Row; user: Row }> = [];
	for (const agent of c.state.db.t('vicidial_live_agents').rows) {
		for (const user of c.state.db.t('vicidial_users').rows)
			if (ciEq(agent.user, user.user) && keep(agent, user)) out.push({ agent, user });
	}
	return out;
}

interface Counts {
	total: number;
	inCalls: number;
	waiting: number;
	paused: number;
	dead: number;
	dispo: number;
	inDial: number;
}

function count(statuses: string[]): Counts {
	const n: Counts = { total: 0, inCalls: 0, waiting: 0, paused: 0, dead: 0, dispo: 0, inDial: 0 };
	for (const st of statuses) {
		if (st === 'DEAD') n.dead++;
		if (st === 'DISPO') n.dispo++;
		if (st === 'PAUSED') n.paused++;
		if (/INCALL|DIAL|QUEUE|PARK/i.test(st)) n.inCalls++;
		if (/DIAL/i.test(st)) n.inDial++;
		if (/READY|CLOSER/i.test(st)) n.waiting++;
		n.total++;
	}
	return n;
}

/** READY or PAUSED with a lead still on screen is dispositioning. */
const withDispo = (agent: Row): string =>
	/READY|PAUSED/i.test(s(agent.status)) && Number(agent.lead_id) > 0 ? 'DISPO' : s(agent.status);

export function userGroupStatus(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = canViewAgents(c);
	if (allowed < 1) {
		c.say(
			`ERROR: user_group_status USER DOES NOT HAVE PERMISSION TO GET USER GROUP INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const userGroups = p.get('user_groups');
	if (userGroups.length < 1 || userGroups.length >= 10000) {
		c.say(`ERROR: user_group_status INVALID SEARCH PARAMETERS: ${c.user}|${userGroups}\n`);
		return;
	}
	const groups = userGroups.split('|');
	const viewer = viewerOf(c);
	const callCampaigns = visibleCallCampaigns(c, viewer);
	const DL = delimiterOf(p.get('stage'));
	let output = '';
	if (p.get('header') === 'YES') {
		output +=
			[
				'usergroups',
				'calls_waiting',
				'agents_logged_in',
				'agents_in_calls',
				'agents_waiting',
				'agents_paused',
				'agents_in_dead_calls',
				'agents_in_dispo',
				'agents_in_dial',
			].join(DL) + '\n';
	}
	const calls = db
		.t('vicidial_auto_calls')
		.filter((r) => callCampaigns === null || inList(r.campaign_id, callCampaigns));
	const callerids = calls.map((r) => `${s(r.callerid)}|`).join('');
	const waitingCalls = calls.filter((r) => /LIVE/i.test(s(r.status))).length;
	const statuses = liveAgents(
		c,
		(_agent, user) => inList(user.user_group, groups) && seesGroup(viewer, user.user_group),
	).map(({ agent }) => {
		let st = withDispo(agent);
		if (/INCALL/i.test(st)) {
			const callerid = s(agent.callerid);
			const comments = s(agent.comments);
			if (db.t('parked_channels').count((r) => ciEq(r.channel_group, callerid)) > 0) st = 'PARK';
			else if (/CHAT/i.test(comments) || /EMAIL/i.test(comments)) {
				// chat sessions are not modelled (the script's chat lookup fails on an undefined result)
			} else if (!callerids.includes(`${callerid}|`)) st = 'DEAD';
			else if (comments === 'MANUAL') {
				const call =
					calls.find((r) => ciEq(r.callerid, callerid)) ??
					db.t('vicidial_auto_calls').find((r) => ciEq(r.callerid, callerid));
				if (call && s(call.uniqueid).length < 5 && s(call.channel).length < 5) st = 'DIAL';
			}
		}
		return st;
	});
	const n = count(statuses);
	output +=
		[
			groups.join(' '),
			waitingCalls,
			n.total,
			n.inCalls,
			n.waiting,
			n.paused,
			n.dead,
			n.dispo,
			n.inDial,
		].join(DL) + '\n';
	c.out.echo(output);
	c.log();
}

export function inGroupStatus(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = canViewAgents(c);
	if (allowed < 1) {
		c.say(
			`ERROR: in_group_status USER DOES NOT HAVE PERMISSION TO GET IN-GROUP INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const inGroups = p.get('in_groups');
	if (inGroups.length < 1 || inGroups.length >= 10000) {
		c.say(`ERROR: in_group_status INVALID SEARCH PARAMETERS: ${c.user}|${inGroups}\n`);
		return;
	}
	const groups = inGroups.split('|');
	const viewer = viewerOf(c);
	const callCampaigns = visibleCallCampaigns(c, viewer);
	const DL = delimiterOf(p.get('stage'));
	let output = '';
	if (p.get('header') === 'YES') {
		output +=
			[
				'ingroups',
				'total_calls',
				'calls_waiting',
				'agents_logged_in',
				'agents_in_calls',
				'agents_waiting',
				'agents_paused',
				'agents_in_dispo',
				'agents_in_dial',
			].join(DL) + '\n';
	}
	const calls = db
		.t('vicidial_auto_calls')
		.filter(
			(r) =>
				inList(r.campaign_id, groups) &&
				(callCampaigns === null || inList(r.campaign_id, callCampaigns)),
		);
	const waitingCalls = calls.filter((r) => /LIVE/i.test(s(r.status))).length;
	const members = db
		.t('vicidial_live_inbound_agents')
		.filter((r) => inList(r.group_id, groups))
		.map((r) => s(r.user));
	const statuses = liveAgents(
		c,
		(agent, user) => inList(agent.user, members) && seesGroup(viewer, user.user_group),
	).map(({ agent }) => withDispo(agent));
	const n = count(statuses);
	output +=
		[
			groups.join(' '),
			calls.length,
			waitingCalls,
			n.total,
			n.inCalls,
			n.waiting,
			n.paused,
			n.dispo,
			n.inDial,
		].join(DL) + '\n';
	c.out.echo(output);
	c.log();
}
