/** agent_stats_export: per agent (or campaign and agent) totals of the agent log over a period. */
import { s, type Row } from '../../db';
import { ciEq, ciKey } from '../../mysql';
import type { NaContext } from '../context';
import { delimiter, mayReport, orderBy, within } from './common';

/** functions.php sec_convert(): seconds as H:MM:SS (H, HF), M:SS (M) or plain seconds. */
export function secConvert(seconds: number, precision: string): string {
	const sec = Math.round(seconds);
	if (sec < 1)
		return precision === 'HF' || precision === 'H' ? '0:00:00' : precision === 'S' ? '0' : '0:00';
	const pad = (n: number) => String(n).padStart(2, '0');
	if (precision === 'HF' || precision === 'H') {
		const hours = Math.floor(sec / 3600);
		const minutes = Math.floor((sec - hours * 3600) / 60);
		return `${hours}:${pad(minutes)}:${pad(sec - hours * 3600 - minutes * 60)}`;
	}
	if (precision === 'M') {
		const minutes = Math.floor(sec / 60);
		return `${minutes}:${pad(sec - minutes * 60)}`;
	}
	return String(sec);
}

/** A division that gives 0 for a zero divisor or dividend. */
const ratio = (dividend: number, divisor: number): number =>
	divisor === 0 || dividend === 0 ? 0 : dividend / divisor;

/** The number at the start of a string, as PHP arithmetic reads "2:40" (2). */
const leadingNumber = (text: string): number => {
	const match = /^\s*-?\d+(\.\d+)?/.exec(text);
	return match ? Number(match[0]) : 0;
};

const round1 = (n: number): number => Math.round(n * 10) / 10;

interface AgentTotals {
	user: string;
	campaign: string;
	startEpoch: number;
	endEpoch: number;
	endSec: number;
	calls: number;
	pauses: number;
	sessions: number;
	pause: number;
	wait: number;
	talk: number;
	dispo: number;
	dead: number;
}

export function agentStatsExport(c: NaContext): void {
	const { p, state } = c;
	if (!mayReport(c, 'USER DOES NOT HAVE PERMISSION TO GET AGENT INFO')) return;
	const agent = p.get('agent_user');
	const campaign = p.get('campaign_id');
	let start = p.get('datetime_start');
	let end = p.get('datetime_end');
	const conditions: Array<(r: Row) => boolean> = [];
	if (agent.length > 0 && agent.length < 21) conditions.push((r) => ciEq(r.user, agent));
	if (campaign.length > 0 && campaign.length < 9)
		conditions.push((r) => ciEq(r.campaign_id, campaign));
	let ready = conditions.length;
	if (start.length === 19 && end.length === 19) {
		start = start.replace(/\+/g, ' ');
		end = end.replace(/\+/g, ' ');
		const [from, to] = [start, end];
		conditions.push((r) => within(r.event_time, from, to));
		ready++;
	} else {
		ready = 0;
	}
	const echoed = `${c.user}|${agent}|${start}|${end}|${campaign}`;
	if (ready < 1) {
		c.say(`ERROR: agent_stats_export INVALID SEARCH PARAMETERS: ${echoed}\n`);
		return;
	}
	const byCampaign = p.get('group_by_campaign') === 'YES';
	const matching = state.db
		.t('vicidial_agent_log')
		.filter((r) => conditions.every((cond) => cond(r)));
	const id = (r: Row) => String(Number(r.agent_log_id)).padStart(20, '0');
	const rows = byCampaign
		? orderBy(
				matching,
				(r) => s(r.campaign_id),
				(r) => s(r.user),
				id,
			)
		: orderBy(matching, (r) => s(r.user), id);
	if (rows.length === 0) {
		c.say(`ERROR: agent_stats_export NO RECORDS FOUND - ${echoed}\n`);
		return;
	}
	const DL = delimiter(p.get('stage'));
	const format = p.get('time_format') || 'HF';
	const names = [
		'user',
		'full_name',
		'user_group',
		'calls',
		'login_time',
		'total_talk_time',
		'avg_talk_time',
		'avg_wait_time',
		'pct_of_queue',
		'pause_time',
		'sessions',
		'avg_session',
		'pauses',
		'avg_pause_time',
		'pause_pct',
		'pauses_per_session',
		'wait_time',
		'talk_time',
		'dispo_time',
		'dead_time',
	];
	let output =
		p.get('header') === 'YES'
			? (byCampaign ? ['campaign_id', ...names] : names).join(DL) + '\n'
			: '';

	const agents: AgentTotals[] = [];
	let current: AgentTotals | undefined;
	let totalCalls = 0;
	const num = (v: string | null) => Number(v ?? 0) || 0;
	for (const r of rows) {
		const key = byCampaign ? `${s(r.campaign_id)} ${s(r.user)}` : s(r.user);
		const currentKey = current
			? byCampaign
				? `${current.campaign} ${current.user}`
				: current.user
			: undefined;
		if (!current || ciKey(key) !== ciKey(currentKey ?? '')) {
			current = {
				user: s(r.user),
				campaign: s(r.campaign_id),
				// only the per-campaign grouping remembers where the period started
				startEpoch: byCampaign ? num(r.pause_epoch) : 0,
				endEpoch: 0,
				endSec: 0,
				calls: 0,
				pauses: 0,
				sessions: 0,
				pause: 0,
				wait: 0,
				talk: 0,
				// per agent, the first row's dispo time is counted twice
				dispo: byCampaign ? 0 : num(r.dispo_sec),
				dead: 0,
			};
			agents.push(current);
		}
		if (num(r.lead_id) > 0) {
			current.calls++;
			totalCalls++;
		}
		if (r.pause_sec !== null && num(r.pause_sec) > -1) current.pauses++;
		if (/LOGIN/.test(s(r.sub_status))) current.sessions++;
		current.pause += num(r.pause_sec);
		current.wait += num(r.wait_sec);
		current.talk += num(r.talk_sec);
		current.dispo += num(r.dispo_sec);
		current.dead += num(r.dead_sec);
		current.endEpoch = num(r.pause_epoch);
		current.endSec = num(r.pause_sec) + num(r.wait_sec) + num(r.talk_sec) + num(r.dispo_sec);
	}

	// the average talk time divides the previous agent's printed talk time (a slip in the script)
	let previousTalk = '';
	for (const a of agents) {
		const who = c.state.db.t('vicidial_users').find((r) => ciEq(r.user, a.user));
		let login = a.pause + a.wait + a.talk + a.dispo;
		const span = a.endEpoch - a.startEpoch + a.endSec;
		if (login > span) login = span;
		const sessions = a.sessions < 1 ? 1 : a.sessions;
		const avgSession = Math.round(ratio(login, sessions));
		const avgPause = Math.round(ratio(a.pause, a.pauses));
		const pausesPerSession = Math.round(ratio(a.pauses, sessions));
		const pausePct = a.pauses < 1 || login < 1 ? 100 : round1(ratio(a.pause, login) * 100);
		const avgTalk = Math.round(ratio(leadingNumber(previousTalk), a.calls));
		const avgWait = Math.round(ratio(a.wait, a.calls));
		const queuePct = round1(ratio(a.calls, totalCalls) * 100);
		const none = a.calls < 1;
		const talkTime = secConvert(none ? 0 : a.talk - a.dead, format);
		previousTalk = talkTime;
		const line = [
			a.user,
			s(who?.full_name),
			s(who?.user_group),
			a.calls,
			secConvert(login, format),
			talkTime,
			secConvert(avgTalk, format),
			secConvert(avgWait, format),
			`${queuePct}%`,
			a.pause,
			sessions,
			secConvert(avgSession, format),
			a.pauses,
			secConvert(avgPause, format),
			`${pausePct}%`,
			pausesPerSession,
			secConvert(none ? 0 : a.wait, format),
			secConvert(none ? 0 : a.talk, format),
			secConvert(none ? 0 : a.dispo, format),
			secConvert(none ? 0 : a.dead, format),
		].join(DL);
		output += `${byCampaign ? a.campaign + DL : ''}${line}\n`;
	}
	c.say(output);
}
