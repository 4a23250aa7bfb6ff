/** hopper_list: the READY hopper entries of one campaign with some lead data, as delimited rows. */
import { s, type Row } from '../../db';
import { ciEq, datetimeToEpoch, toNumber } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { campaignScope, hasRights, inScope } from './common';

const COLUMNS = [
	'hopper_order',
	'priority',
	'lead_id',
	'list_id',
	'phone_number',
	'phone_code',
	'state',
	'status',
	'count',
	'gmt_offset',
	'rank',
	'alt',
	'hopper_source',
	'vendor_lead_code',
	'source_id',
	'age_days',
	'last_call_time',
];

/** PHP intval() of a float: truncation toward zero. */
const trunc = (n: number): number => (n < 0 ? Math.ceil(n) : Math.floor(n));

/** UNIX_TIMESTAMP() of a datetime column, as PHP then reads it (NULL/zero dates become 0). */
function epochOf(value: string | null): number {
	if (value === null || value === '' || value.startsWith('0000')) return 0;
	return datetimeToEpoch(value);
}

/** The script's age of the last call in words, padded to its translation width. */
function lastCallText(hours: number): string {
	if (hours < 24) return `${hours} HOURS `;
	const days = trunc(hours / 24);
	if (days < 365) return `${days} DAYS  `;
	const years = trunc(days / 365);
	if (years < 30) return `${years} YEARS `;
	return 'NEVER    ';
}

export function hopperList(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const db = state.db;
	const allowed = hasRights(c, ['view_reports'], 8, true);
	if (allowed < 1) {
		c.say(
			`ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const campaignId = p.get('campaign_id');
	const scope = campaignScope(state, c.userGroup);
	if (
		db
			.t('vicidial_campaigns')
			.count((r) => ciEq(r.campaign_id, campaignId) && inScope(scope, r.campaign_id)) < 1
	) {
		c.say(`ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |${c.user}|${campaignId}\n`);
		return;
	}
	const stage = p.get('stage');
	const DL = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
	let output = p.get('header') === 'YES' ? `${COLUMNS.join(DL)}\n` : '';
	const block = /BLOCK/.test(p.get('search_method'));
	const leads = db.t('vicidial_list');
	const entries = db
		.t('vicidial_hopper')
		.filter(
			(r) =>
				ciEq(r.status, 'READY') && inScope(scope, r.campaign_id) && ciEq(r.campaign_id, campaignId),
		)
		.map((h, index) => ({ h, index, lead: leads.find((l) => s(l.lead_id) === s(h.lead_id)) }))
		// the blocking variant joins the lead table, so entries without a lead drop out
		.filter((e) => !block || e.lead !== undefined)
		.sort(
			(a, b) =>
				toNumber(s(b.h.priority)) - toNumber(s(a.h.priority)) ||
				Number(a.h.hopper_id) - Number(b.h.hopper_id) ||
				a.index - b.index,
		)
		.slice(0, 10000);
	if (entries.length < 1) {
		c.say(
			`ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: ${c.user}|${campaignId}\n`,
		);
		return;
	}
	const nowEpoch = state.epoch();
	const serverGmt = toNumber(c.serverGmt);
	entries.forEach(({ h, lead }, order) => {
		const l: Row = lead ?? {};
		const age = trunc((nowEpoch - epochOf(l.entry_date ?? null)) / 86400);
		let offset = toNumber(s(h.gmt_offset_now)) - serverGmt;
		if (offset !== 0) offset *= 3600;
		const lastCall = epochOf(l.last_local_call_time ?? null) + offset;
		const hours = trunc((nowEpoch - lastCall) / 3600);
		output +=
			[
				order,
				h.priority,
				h.lead_id,
				h.list_id,
				l.phone_number,
				l.phone_code,
				h.state,
				l.status,
				l.called_count,
				h.gmt_offset_now,
				l.rank,
				h.alt_dial,
				h.source,
				h.vendor_lead_code,
				l.source_id,
				age,
				lastCallText(hours),
			]
				.map((v) => (typeof v === 'number' ? String(v) : s(v)))
				.join(DL) + '\n';
	});
	c.say(output);
}
