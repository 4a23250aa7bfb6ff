/** call_status_stats and call_dispo_report: call counts per campaign, in-group and DID over a window. */
import { s, type Row } from '../../db';
import { ciEq, fmtDate } from '../../mysql';
import type { NaContext } from '../context';
import { mayViewStats, natCaseCmp, orderBy, within } from './common';

/** `if (!$x)`: PHP's empty string and "0" are false. */
const falsy = (v: string) => v === '' || v === '0';

/** The window both functions read: start date/time to end date/time, defaulting to today. */
function timeWindow(c: NaContext): [string, string] {
	const { p } = c;
	const queryDate = falsy(p.get('query_date')) ? fmtDate(c.state.now()) : p.get('query_date');
	const queryTime = falsy(p.get('query_time')) ? '00:00:00' : p.get('query_time');
	const endDate = falsy(p.get('end_date')) ? queryDate : p.get('end_date');
	const endTime = falsy(p.get('end_time')) ? '23:59:59' : p.get('end_time');
	return [`${queryDate} ${queryTime}`, `${endDate} ${endTime}`];
}

/** Both refuse a request without anything to count, in the words of a source error. */
function missing(c: NaContext, what: string): void {
	c.say(`ERROR: ${c.fn} INVALID OR MISSING ${what} - ${c.source}\n`);
	c.out.echo(`ERROR: Invalid Source: |${c.source}|\n`);
}

const inList = (list: string[]) => (v: string | null) => list.some((x) => ciEq(v, x));

/** GROUP BY key columns, ORDER BY them: counts per distinct combination, in order. */
function grouped(
	rows: Row[],
	...keys: Array<(r: Row) => string>
): Array<{ keys: string[]; count: number }> {
	const groups: Array<{ keys: string[]; count: number }> = [];
	for (const r of orderBy(rows, ...keys)) {
		const values = keys.map((k) => k(r));
		const last = groups[groups.length - 1];
		if (last && last.keys.every((v, i) => ciEq(v, values[i]))) last.count++;
		else groups.push({ keys: values, count: 1 });
	}
	return groups;
}

/** A PHP array used as an ordered map: numbers added to keys that may not exist yet. */
class Tally {
	readonly map = new Map<string, number>();
	add(key: string, n: number): void {
		this.map.set(key, (this.map.get(key) ?? 0) + n);
	}
}

export function callStatusStats(c: NaContext): void {
	const { p, state } = c;
	const campaigns = p.get('campaigns');
	if (campaigns.length < 2) return missing(c, 'CAMPAIGNS');
	if (!mayViewStats(c)) return;
	const [from, to] = timeWindow(c);
	const requested = campaigns.split('-');
	const all = requested.includes('ALLCAMPAIGNS') || /---ALL---/.test(campaigns);
	const inCampaigns = (v: string | null) => all || inList(requested)(v);
	const campaignKeys = all
		? orderBy(state.db.t('vicidial_campaigns').rows, (r) => s(r.campaign_id)).map((r) =>
				s(r.campaign_id),
			)
		: requested;
	const humanAnswered = new Set([
		...state.db
			.t('vicidial_statuses')
			.filter((r) => r.human_answered === 'Y')
			.map((r) => s(r.status)),
		...state.db
			.t('vicidial_campaign_statuses')
			.filter((r) => r.human_answered === 'Y' && inCampaigns(r.campaign_id))
			.map((r) => s(r.status)),
	]);
	const statusFilter = p.get('statuses');
	const statuses = statusFilter.length > 0 ? statusFilter.split('-') : undefined;
	let ingroups: string[];
	if (p.get('ingroups').length === 0) {
		ingroups = [];
		for (const camp of state.db
			.t('vicidial_campaigns')
			.filter((r) => s(r.closer_campaigns) !== '' && inCampaigns(r.campaign_id))) {
			for (const group of s(camp.closer_campaigns).trim().replace(/ -$/, '').split(' '))
				if (!ingroups.includes(group)) ingroups.push(group);
		}
	} else {
		ingroups = p.get('ingroups').split('-');
	}

	// per key: [calls, human-answered calls]; hour and status tallies are shared by both directions
	const outbound = new Map<string, [number, number | undefined]>(
		[...new Set(campaignKeys)].sort(natCaseCmp).map((k) => [k, [0, 0]]),
	);
	const inbound = new Map<string, [number, number | undefined]>(
		[...new Set(ingroups)].sort(natCaseCmp).map((k) => [k, [0, 0]]),
	);
	const byStatus = new Map<string, Tally>();
	const byHour = new Map<string, Tally>();
	const count = (
		target: Map<string, [number, number | undefined]>,
		table: string,
		keep: (r: Row) => boolean,
	) => {
		const rows = state.db
			.t(table)
			.filter(
				(r) =>
					within(r.call_date, from, to) && keep(r) && (!statuses || inList(statuses)(r.status)),
			);
		for (const g of grouped(
			rows,
			(r) => s(r.campaign_id),
			(r) => s(r.status),
			(r) => s(r.call_date).slice(11, 13),
		)) {
			const [key, status, hour] = g.keys;
			const entry = target.get(key) ?? [0, undefined];
			entry[0] += g.count;
			if (humanAnswered.has(status)) entry[1] = (entry[1] ?? 0) + g.count;
			target.set(key, entry);
			if (!byStatus.has(key)) byStatus.set(key, new Tally());
			if (!byHour.has(key)) byHour.set(key, new Tally());
			byStatus.get(key)?.add(status, g.count);
			byHour.get(key)?.add(hour, g.count);
		}
	};
	count(outbound, 'vicidial_log', (r) => inCampaigns(r.campaign_id));
	count(inbound, 'vicidial_closer_log', (r) => inList(ingroups)(r.campaign_id));

	for (const target of [outbound, inbound]) {
		for (const [key, [calls, human]] of target) {
			const hours = Array.from({ length: 24 }, (_, i) => {
				const hour = String(i).padStart(2, '0');
				return `${hour}-${byHour.get(key)?.map.get(hour) ?? 0}`;
			}).join(',');
			const perStatus = [...(byStatus.get(key)?.map ?? new Map<string, number>())]
				.sort(([a], [b]) => natCaseCmp(a, b))
				.map(([st, n]) => `${st}-${n}`)
				.join(',');
			c.out.echo(`${key}|${calls}|${human ?? ''}|${hours}|${perStatus}|\n`);
		}
	}
	c.log();
}

export function callDispoReport(c: NaContext): void {
	const { p, state } = c;
	const campaigns = p.get('campaigns');
	const ingroups = p.get('ingroups');
	const didIds = p.get('did_ids');
	const didPatterns = p.get('did_patterns');
	if (campaigns.length < 2 && ingroups.length < 2 && didIds.length < 1 && didPatterns.length < 2)
		return missing(c, 'CAMPAIGNS, INGROUPS, OR DIDS');
	if (!mayViewStats(c)) return;
	const [from, to] = timeWindow(c);
	const breakdown = p.get('status_breakdown') !== '' && p.get('status_breakdown') !== '0';
	const percentages =
		breakdown && p.get('show_percentages') !== '' && p.get('show_percentages') !== '0';

	const groupList = ingroups.split('-');
	const skipInbound = ingroups.length === 0;
	const inGroups = (v: string | null) =>
		groupList.includes('ALLGROUPS') || /---ALL---/.test(ingroups) || inList(groupList)(v);
	const campaignList = campaigns.split('-');
	const skipOutbound = campaigns.length === 0;
	const allCampaigns = campaignList.includes('ALLCAMPAIGNS') || /---ALL---/.test(campaigns);
	const inCampaigns = (v: string | null) => skipOutbound || allCampaigns || inList(campaignList)(v);

	let didIdList: string[] = [];
	let patternList: string[] = [];
	if (didPatterns.length > 0 || didIds.length > 0) {
		didIdList = didIds.split('-');
		patternList = didPatterns.split('-');
		for (const did of state.db
			.t('vicidial_inbound_dids')
			.filter((r) => inList(didPatterns.split('-'))(r.did_pattern))) {
			if (!didIdList.includes(s(did.did_id))) {
				didIdList.push(s(did.did_id));
				patternList.push(s(did.did_pattern));
			}
		}
	}
	const skipDids = !(didIdList.length > 0 && skipInbound);
	const allDids =
		didIdList.includes('ALLDIDS') ||
		/---ALL---/.test(didIds) ||
		patternList.includes('ALLPATTERNS') ||
		/---ALL---/.test(didPatterns);
	const inDids = (v: string | null) => allDids || inList(didIdList)(v);

	let statusOk: (v: string | null) => boolean = () => true;
	const statusFilter = p.get('statuses');
	const categories = p.get('categories');
	if (categories.length > 0 || statusFilter.length > 0) {
		const list = statusFilter.split('-');
		const cats = categories.split('-');
		const fromCategories = [
			...state.db.t('vicidial_statuses').filter((r) => inList(cats)(r.category)),
			...state.db
				.t('vicidial_campaign_statuses')
				.filter((r) => inList(cats)(r.category) && inCampaigns(r.campaign_id)),
		].map((r) => s(r.status));
		for (const st of fromCategories) if (!list.includes(st)) list.push(st);
		if (
			!(
				list.includes('ALLSTATUSES') ||
				/---ALL---/.test(statusFilter) ||
				cats.includes('ALLCATEGORIES') ||
				/---ALL---/.test(categories)
			)
		)
			statusOk = inList(list);
	}
	let userOk: (v: string | null) => boolean = () => true;
	const users = p.get('users');
	const userGroups = p.get('user_groups');
	if (users.length > 0 || userGroups.length > 0) {
		const list = users.split('-');
		const groups = userGroups.split('-');
		for (const u of state.db.t('vicidial_users').filter((r) => inList(groups)(r.user_group)))
			if (!list.includes(s(u.user))) list.push(s(u.user));
		if (
			!(
				list.includes('ALLUSERS') ||
				/---ALL---/.test(users) ||
				groups.includes('ALLGROUPS') ||
				/---ALL---/.test(userGroups)
			)
		)
			userOk = inList(list);
	}

	const headerStatuses: string[] = [];
	const grand = new Tally();
	let grandTotal = 0;
	const tables: Array<Map<string, Tally>> = [];
	const inWindow = (r: Row) =>
		within(r.call_date, from, to) && statusOk(r.status) && userOk(r.user);
	const tallyRows = (
		groups: Array<{ keys: string[]; count: number }>,
		keyOf: (keys: string[]) => string,
		seenKey: (keys: string[]) => string,
	) => {
		const table = new Map<string, Tally>();
		for (const g of groups) {
			const key = keyOf(g.keys);
			const status = g.keys[1];
			if (!table.has(key)) table.set(key, new Tally());
			table.get(key)?.add('TOTAL CALLS', g.count);
			grandTotal += g.count;
			if (breakdown) {
				if (!headerStatuses.includes(seenKey(g.keys))) headerStatuses.push(status);
				table.get(key)?.add(status, g.count);
				grand.add(status, g.count);
			}
		}
		tables.push(table);
	};
	if (!skipOutbound) {
		const rows = state.db
			.t('vicidial_log')
			.filter((r) => inWindow(r) && inCampaigns(r.campaign_id));
		tallyRows(
			grouped(
				rows,
				(r) => s(r.campaign_id),
				(r) => s(r.status),
			),
			(k) => k[0],
			(k) => k[1],
		);
	}
	if (!skipInbound) {
		const rows = state.db
			.t('vicidial_closer_log')
			.filter((r) => inWindow(r) && inGroups(r.campaign_id));
		tallyRows(
			grouped(
				rows,
				(r) => s(r.campaign_id),
				(r) => s(r.status),
			),
			(k) => k[0],
			(k) => k[1],
		);
	}
	if (!skipDids) {
		// each in-group leg of a call that came in on the DIDs, counted under the DID's number
		const legs: Row[] = [];
		for (const did of state.db
			.t('vicidial_did_log')
			.filter((r) => within(r.call_date, from, to) && inDids(r.did_id))) {
			for (const leg of state.db
				.t('vicidial_closer_log')
				.filter((r) => ciEq(r.uniqueid, did.uniqueid) && statusOk(r.status) && userOk(r.user))) {
				legs.push({ ...leg, did_extension: did.extension });
			}
		}
		const groups: Array<{ keys: string[]; count: number; ext: string }> = [];
		for (const r of orderBy(
			legs,
			(x) => s(x.campaign_id),
			(x) => s(x.status),
		)) {
			const last = groups[groups.length - 1];
			if (last && ciEq(last.keys[0], s(r.campaign_id)) && ciEq(last.keys[1], s(r.status)))
				last.count++;
			else
				groups.push({ keys: [s(r.campaign_id), s(r.status)], count: 1, ext: s(r.did_extension) });
		}
		// the script checks the DID number, not the status, before adding a status to the header
		tallyRows(
			groups.map((g) => ({ keys: [g.keys[0], g.keys[1], g.ext], count: g.count })),
			(k) => k[2],
			(k) => k[2],
		);
	}

	let report =
		'CAMPAIGN,TOTAL CALLS' +
		(breakdown ? headerStatuses.map((st) => `,${st}`).join('') : '') +
		'\n';
	const share = (n: number, of: number) =>
		percentages ? ` (${((100 * n) / of).toFixed(1)}%)` : '';
	for (const table of tables) {
		for (const [key, tally] of table) {
			const total = tally.map.get('TOTAL CALLS') ?? 0;
			report += `${key},${total}`;
			tally.map.delete('TOTAL CALLS');
			if (breakdown) {
				for (const st of headerStatuses) tally.add(st, 0);
				for (const [, n] of [...tally.map].sort(([a], [b]) => natCaseCmp(a, b)))
					report += `,${n}${share(n, total)}`;
			}
			report += '\n';
		}
	}
	report += `TOTAL,${grandTotal}`;
	for (const [, n] of [...grand.map].sort(([a], [b]) => natCaseCmp(a, b)))
		report += `,${n}${share(n, grandTotal)}`;
	// PHP adds its default charset to a text type that names none
	c.out.header('Content-type: text/plain;charset=UTF-8');
	c.out.echo(report);
	c.log();
}
