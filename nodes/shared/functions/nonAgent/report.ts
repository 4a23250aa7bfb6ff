import type { Choice, FunctionEntry, ParamSpec } from '../../entry';
import { choice, date, datetime, digits, flag, text } from '../../entry';
import type { AnswerReader, Delimiter, FieldSpec, ParsedRecord, RowsReader } from '../../answer';
import {
	expectNoSuccess,
	field,
	malformed,
	misfit,
	readRowLines,
	readRowsFast,
	rows,
} from '../../answer';
import { CAMPAIGN_ID, USER_ID } from '../../patterns';

/** Several ids joined by `-`, the way the report functions take them. */
const idList = (what: string) => ({
	regex: /^[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$/,
	hint: `must be ${what} (letters, digits and _) separated by "-"`,
});

const TIME = { regex: /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, hint: 'must be a time as HH:MM:SS' };

/** The reporting window the two call-stats functions share: server-local date and time, both ends included. */
const window: ParamSpec[] = [
	date('query_date', 'Start Date', {
		main: true,
		description: 'First day of the window, in server time. VICIdial uses today when empty.',
	}),
	text('query_time', 'Start Time', {
		placeholder: '00:00:00',
		pattern: TIME,
		description:
			'Time of day the window starts on the start date; VICIdial uses 00:00:00 when empty',
	}),
	date('end_date', 'End Date', {
		main: true,
		description: 'Last day of the window, in server time. VICIdial uses the start date when empty.',
	}),
	text('end_time', 'End Time', {
		placeholder: '23:59:59',
		pattern: TIME,
		description:
			'Time of day the window ends on the end date (included); VICIdial uses 23:59:59 when empty',
	}),
];

const campaigns = (options: Partial<ParamSpec> = {}) =>
	text('campaigns', 'Campaigns', {
		load: 'campaigns',
		separator: '-',
		minLength: 2,
		placeholder: 'TESTCAMP-OTHERCAMP',
		pattern: idList('campaign IDs, or ALLCAMPAIGNS,'),
		description: 'Outbound campaigns, separated by "-"; ALLCAMPAIGNS for all',
		...options,
	});

const ingroups = (description: string) =>
	text('ingroups', 'In-Groups', {
		load: 'inGroups',
		separator: '-',
		placeholder: 'TESTIN-SUPPORT',
		pattern: idList('in-group IDs'),
		description,
	});

const statuses = (description: string) =>
	text('statuses', 'Statuses', {
		separator: '-',
		placeholder: 'SALE-NI',
		pattern: idList('statuses'),
		description,
	});

const dispoDirections: Choice[] = [
	{ name: 'Outbound', value: 'OUT', description: 'Calls the dialer placed (VICIdial default)' },
	{ name: 'Inbound', value: 'IN', description: 'Calls that came in through an in-group' },
	{ name: 'Both', value: 'ALL' },
];

export const reportFunctions: FunctionEntry[] = [
	{
		fn: 'did_log_export',
		api: 'nonAgent',
		resource: 'report',
		operation: 'didLog',
		name: 'Get DID Call Log',
		action: 'Get DID calls of a day',
		description:
			'Every call that reached an inbound number (DID) on one server-local day, oldest first, with the caller ID and the call length in seconds (did_log_export)',
		writes: false,
		cap: {
			limit: 100000,
			hint: 'VICIdial exports at most 100,000 calls per DID and day: the day may hold more.',
		},
		params: [
			digits('phone_number', 'DID Number', {
				required: true,
				minLength: 1,
				maxLength: 20,
				placeholder: '3125550100',
				description: 'The DID as it is set up in VICIdial (its pattern), digits only',
			}),
			date('date', 'Date', {
				required: true,
				description: 'The server-local day to export, 00:00:00 to 23:59:59',
			}),
		],
		fixed: { stage: 'pipe' },
		// VICIdial's own header (header=YES) names call_date before caller_id_number but prints them the other way round.
		answer: rows('|', [
			field.text('did_number'),
			field.text('caller_id_number'),
			field.datetime('call_date'),
			field.integer('length_in_sec'),
		]),
		noRecords: /NO RECORDS FOUND/,
	},
	{
		fn: 'phone_number_log',
		api: 'nonAgent',
		resource: 'report',
		operation: 'phoneNumberLog',
		name: 'Get Phone Number Log',
		action: 'Get the calls with a phone number',
		description:
			'The calls with one or more phone numbers, newest first per number and direction, with list, length, lead status, hangup reason, call status, source and agent. There is no date filter. No calls: no items (phone_number_log).',
		writes: false,
		cap: {
			limit: 100000,
			hint: 'VICIdial returns at most 100,000 calls per number: ask for fewer numbers or the last call only.',
		},
		params: [
			digits('phone_number', 'Phone Numbers', {
				required: true,
				separator: ',',
				minLength: 4,
				maxLength: 18,
				placeholder: '3125550113,3125550115',
				description: 'One or more numbers, separated by commas',
			}),
			choice('type', 'Direction', {
				main: true,
				choices: dispoDirections,
				default: 'OUT',
				description:
					'Outbound calls, inbound calls or both; outbound rows come first for each number',
			}),
			flag('detail', 'Last Call Only', {
				flagValues: ['LAST', 'ALL'],
				description: 'Whether to return only the newest call per number and direction',
			}),
		],
		fixed: { stage: 'pipe' },
		answer: rows('|', [
			field.text('phone_number'),
			field.datetime('call_date'),
			field.integer('list_id'),
			field.integer('length_in_sec'),
			field.text('lead_status'),
			field.text('hangup_reason'),
			field.text('call_status'),
			field.text('source_id'),
			field.text('user'),
		]),
	},
	{
		fn: 'agent_stats_export',
		api: 'nonAgent',
		resource: 'report',
		operation: 'agentStats',
		name: 'Get Agent Stats',
		action: 'Get agent stats for a period',
		description:
			'Per agent (or per campaign and agent) calls, login, talk, wait, pause, dispo and dead time in seconds over a server-local period, from the agent log (agent_stats_export)',
		writes: false,
		params: [
			datetime('datetime_start', 'Start', {
				required: true,
				description: 'Start of the period, server-local time (included)',
			}),
			datetime('datetime_end', 'End', {
				required: true,
				description: 'End of the period, server-local time (included)',
			}),
			text('agent_user', 'Agent', {
				maxLength: 20,
				pattern: USER_ID,
				description: 'Only this agent',
			}),
			text('campaign_id', 'Campaign', {
				load: 'campaigns',
				maxLength: 8,
				pattern: CAMPAIGN_ID,
				description: 'Only time spent in this campaign',
			}),
			flag('group_by_campaign', 'Group by Campaign', {
				flagValues: ['YES', 'NO'],
				description: 'Whether to give one row per campaign and agent instead of one per agent',
			}),
		],
		// Seconds for every time column, so they are numbers.
		fixed: { stage: 'pipe', time_format: 'S' },
		answer: rows('|', [
			field.text('campaign_id', { when: { param: 'group_by_campaign', equals: 'YES' } }),
			field.text('user'),
			field.text('full_name'),
			field.text('user_group'),
			field.integer('calls'),
			field.integer('login_time'),
			field.integer('total_talk_time'),
			field.integer('avg_talk_time'),
			field.integer('avg_wait_time'),
			field.percent('pct_of_queue'),
			field.integer('pause_time'),
			field.integer('sessions'),
			field.integer('avg_session'),
			field.integer('pauses'),
			field.integer('avg_pause_time'),
			field.percent('pause_pct'),
			field.integer('pauses_per_session'),
			field.integer('wait_time'),
			field.integer('talk_time'),
			field.integer('dispo_time'),
			field.integer('dead_time'),
		]),
		noRecords: /NO RECORDS FOUND/,
	},
	{
		fn: 'call_status_stats',
		api: 'nonAgent',
		resource: 'report',
		operation: 'callStatusStats',
		name: 'Get Call Status Stats',
		action: 'Get call counts by hour and status',
		description:
			'Per campaign, then per in-group: calls, human-answered calls, calls per hour of day and calls per status within a server-local window (default: today). Needs user level 9 and View Reports (call_status_stats).',
		writes: false,
		params: [
			campaigns({ required: true }),
			ingroups(
				'In-groups, separated by "-"; VICIdial uses the campaigns\' allowed in-groups when empty',
			),
			statuses('Count only calls with these statuses, separated by "-"'),
			...window,
		],
		answer: rowsEndingInDelimiter('|', [
			field.text('campaign_id'),
			field.integer('calls'),
			field.integer('human_answered_calls'),
			field.counts('calls_by_hour'),
			field.counts('calls_by_status'),
		]),
	},
	{
		fn: 'call_dispo_report',
		api: 'nonAgent',
		resource: 'report',
		operation: 'callDispoReport',
		name: 'Get Call Disposition Report',
		action: 'Get call counts by disposition',
		description:
			'Calls per campaign, in-group or DID within a server-local window (default: today), optionally broken down by status, and a TOTAL row. Needs user level 9 and View Reports (call_dispo_report).',
		writes: false,
		params: [
			campaigns({
				main: true,
				description:
					'Outbound campaigns, separated by "-"; ALLCAMPAIGNS for all. Give campaigns, in-groups or DIDs.',
			}),
			ingroups(
				'In-groups, separated by "-"; ALLGROUPS for all. With in-groups the DIDs are ignored.',
			),
			text('did_ids', 'DID IDs', {
				placeholder: '1-2',
				pattern: idList('DID IDs, or ALLDIDS,'),
				description: 'Internal DID IDs, separated by "-"; ALLDIDS for all',
			}),
			text('did_patterns', 'DID Numbers', {
				minLength: 2,
				placeholder: '3125550100',
				pattern: idList('DID numbers, or ALLPATTERNS,'),
				description: 'DID numbers (patterns), separated by "-"',
			}),
			statuses('Count only calls with these statuses, separated by "-"'),
			text('categories', 'Status Categories', {
				separator: '-',
				pattern: idList('status categories'),
				description: 'Count only calls whose status is in these categories, separated by "-"',
			}),
			text('users', 'Agents', {
				separator: '-',
				pattern: idList('user IDs'),
				description: 'Count only calls of these agents, separated by "-"',
			}),
			text('user_groups', 'User Groups', {
				separator: '-',
				pattern: idList('user groups'),
				description: 'Count only calls of agents in these user groups, separated by "-"',
			}),
			...window,
			flag('status_breakdown', 'Break Down by Status', {
				main: true,
				description: 'Whether to count the calls of each status (calls_by_status)',
			}),
			flag('show_percentages', 'Show Percentages', {
				description:
					"Whether to add each status's share of the row's calls (percent_by_status); needs Break Down by Status",
			}),
		],
		answer: breakdown('campaign'),
	},
];

// ---- answers only these entries have ----

/** call_status_stats: rows that each end with one more delimiter. */
export function rowsEndingInDelimiter(delimiter: Delimiter, columns: FieldSpec[]): RowsReader {
	const cells = (line: string) =>
		line.split(delimiter).slice(0, line.endsWith(delimiter) ? -1 : undefined);
	return {
		shape: 'rowsEndingInDelimiter',
		delimiter,
		fields: columns,
		bulk: (text, context) => readRowsFast(text, columns, delimiter, context, true),
		read(lines, context) {
			expectNoSuccess(lines, context.fn);
			return {
				outcome: 'success',
				message: '',
				records: readRowLines(lines.bare, columns, delimiter, context, cells),
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}

/** PHP's strnatcasecmp order: digit runs compare as numbers, letters without case. */
export function naturalCompare(a: string, b: string): number {
	const chunks = (text: string) => text.toLowerCase().match(/\d+|\D+/g) ?? [];
	const left = chunks(a);
	const right = chunks(b);
	for (let i = 0; i < Math.min(left.length, right.length); i++) {
		const x = left[i];
		const y = right[i];
		if (x === y) continue;
		if (/^\d/.test(x) && /^\d/.test(y)) {
			const difference = Number(x) - Number(y);
			if (difference !== 0) return difference;
		}
		return x < y ? -1 : 1;
	}
	return left.length - right.length;
}

/**
 * call_dispo_report's comma table, printed without a final newline: `CAMPAIGN,TOTAL CALLS[,STATUS...]`,
 * one row per campaign, in-group or DID, then `TOTAL,...`; counts may carry a share, `3 (25.0%)`.
 * Each row becomes `{ [nameField]: ..., total_calls, calls_by_status, percent_by_status? }`.
 * VICIdial prints the status names of the header in the order it met them, but each row's counts in
 * natural order of the names: the counts are named by the sorted, de-duplicated header names,
 * which is what they really are.
 */
export function breakdown(nameField: string): AnswerReader {
	return {
		shape: 'breakdown',
		fields: [],
		unterminated: true,
		read(lines, context) {
			expectNoSuccess(lines, context.fn);
			const header = lines.bare[0]?.split(',') ?? [];
			if (header[0] !== 'CAMPAIGN' || header[1] !== 'TOTAL CALLS')
				throw malformed(
					`The answer to ${context.fn} does not start with its CAMPAIGN,TOTAL CALLS header.`,
				);
			const statuses = [...new Set(header.slice(2))].sort(naturalCompare);
			const records = lines.bare.slice(1).map((line, index) => {
				const cells = line.split(',');
				if (cells.length !== statuses.length + 2) {
					throw malformed(
						`The answer is incomplete: row ${index + 1} has ${cells.length} fields where ${statuses.length + 2} were expected. The connection may have been cut.`,
					);
				}
				const total = cells[1];
				if (!/^\d{1,15}$/.test(total))
					throw misfit({ name: 'total_calls', type: 'integer' }, total);
				const record: ParsedRecord = { [nameField]: cells[0], total_calls: Number(total) };
				const byStatus: Record<string, number> = {};
				const shares: Record<string, number> = {};
				statuses.forEach((status, i) => {
					const match = /^(\d{1,15})(?: \((\d+(?:\.\d+)?)%\))?$/.exec(cells[i + 2]);
					if (!match) throw misfit({ name: status, type: 'integer' }, cells[i + 2]);
					byStatus[status] = Number(match[1]);
					if (match[2] !== undefined) shares[status] = Number(match[2]);
				});
				record.calls_by_status = byStatus;
				if (Object.keys(shares).length > 0) record.percent_by_status = shares;
				return record;
			});
			return { outcome: 'success', message: '', records, notices: lines.notices, otherLines: [] };
		},
	};
}
