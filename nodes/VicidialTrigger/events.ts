/**
 * The trigger's events as entries: each declares its settings (editor fields and checks are
 * generated from them, nodes/shared/events.ts), the Non-Agent function it reads (through the same
 * entries the VICIdial node uses), the settings its state depends on, and how a poll turns what it
 * reads into events. Adding an event is adding an entry to POLL_EVENTS.
 */
import type { IDataObject } from 'n8n-workflow';
import { entryOf } from '../shared/functions';
import type { Client } from '../shared/client';
import { VicidialError } from '../shared/errors';
import { choice, choices, datetime, flag, id, integer, text as textParam } from '../shared/entry';
import type { FunctionEntry } from '../shared/entry';
import type { EventEntry, EventParam, EventValues } from '../shared/events';
import { rulesOf, setting } from '../shared/events';
import type {
	AgentEvent,
	AgentSnapshot,
	AgentState,
	LevelReading,
	LevelState,
	LogEvent,
	LogState,
	ServerTime,
} from './engine';
import {
	DEFAULT_LOG_SETTINGS,
	dayOf,
	daysBetween,
	fromClock,
	pollAgents,
	pollLevel,
	pollLog,
	toClock,
} from './engine';

export type EventName =
	| 'leadStatus'
	| 'newRecording'
	| 'didCall'
	| 'numberCall'
	| 'agentState'
	| 'queueThreshold'
	| 'hopperLow';

/** The Non-Agent entries the events read, found the one way entries are found. */
const reads = {
	leadStatus: () => entryOf('nonAgent', 'lead', 'searchByStatus'),
	listInfo: () => entryOf('nonAgent', 'list', 'get'),
	recordings: () => entryOf('nonAgent', 'recording', 'search'),
	agentStats: () => entryOf('nonAgent', 'report', 'agentStats'),
	didLog: () => entryOf('nonAgent', 'report', 'didLog'),
	numberLog: () => entryOf('nonAgent', 'report', 'phoneNumberLog'),
	agents: () => entryOf('nonAgent', 'realTime', 'getLoggedInAgents'),
	queue: () => entryOf('nonAgent', 'realTime', 'getInGroupStatus'),
	hopper: () => entryOf('nonAgent', 'hopper', 'getMany'),
	lead: () => entryOf('nonAgent', 'lead', 'getAllInfo'),
} satisfies Record<string, () => FunctionEntry>;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * The values each request of the trigger carries, keyed by VICIdial name (the entry's
 * validation and fixed output options apply on top). The conformance scenarios send the same.
 */
export const requestValues = {
	leadStatus: (status: string, day: string) => ({ status, date: day }),
	recording: (search: { agent_user: string } | { lead_id: string }, day: string) => ({
		...search,
		date: day,
		duration: true,
	}),
	/** Who worked on a day: the agent log from noon the day before (see ACTIVITY_LOOKBACK_HOURS) to the day's end. */
	activeUsers: (day: string) => ({
		datetime_start: fromClock(toClock(day) - ACTIVITY_LOOKBACK_HOURS * 3_600_000),
		datetime_end: `${dayOf(day)} 23:59:59`,
	}),
	didLog: (did: string, day: string) => ({ phone_number: did, date: day }),
	numberLog: (phoneNumbers: string[], callType: string) => ({
		phone_number: phoneNumbers.join(','),
		type: callType || 'ALL',
		detail: false,
	}),
	agents: (campaigns: string[], userGroups: string[]) => {
		const values: Record<string, unknown> = { show_sub_status: true };
		if (campaigns.length > 0) values.campaigns = campaigns.join('|');
		if (userGroups.length > 0) values.user_groups = userGroups.join('|');
		return values;
	},
	queue: (inGroup: string) => ({ in_groups: inGroup }),
	hopper: (campaignId: string) => ({ campaign_id: campaignId }),
	listOfLead: (listId: string) => ({ list_id: listId }),
	lead: (leadId: string, customFields: boolean) => ({
		lead_id: leadId,
		custom_fields: customFields,
	}),
};

/**
 * "All recordings": recording_lookup cannot list a day without an agent (or a lead, or a call),
 * so the users to ask for are found first. agent_stats_export lists the users with rows in the
 * agent log; a row starts when the agent pauses or waits and runs through the call after it, so
 * a recording can start hours after its row: rows from this many hours before the day count too.
 */
export const ACTIVITY_LOOKBACK_HOURS = 12;
/**
 * VICIdial's own user that owns recordings made before any agent was on the call (the dialer's
 * recording from the answer, answering-machine detection). VDCL, the inbound system user, owns
 * no recordings in VICIdial 2.14: inbound recordings are logged under the agent who took the call.
 */
export const SYSTEM_RECORDING_USERS = ['VDAD'];
/** What recording_lookup can search by: shorter user IDs are ignored by VICIdial, other characters refused by the entry. */
const SEARCHABLE_USER = /^[A-Za-z0-9_-]{3,20}$/;

/** The users who may own recordings started on `day`: the agents active around it, the system user, then the extra users. */
export async function recordingUsers(
	client: Client,
	day: string,
	extraUsers: string[] = [],
): Promise<string[]> {
	const answer = await client
		.call(reads.agentStats(), requestValues.activeUsers(day), { emptyOnNoRecords: true })
		.catch((error: unknown) => {
			if (
				error instanceof VicidialError &&
				(error.kind === 'permission' || error.kind === 'functionNotAllowed')
			) {
				throw new VicidialError(
					error.kind,
					`Watching all recordings needs agent_stats_export, which VICIdial refused: ${error.message.replace(/^VICIdial:\s*/, '')}`,
					{
						hint: 'To find who has recordings, the trigger reads the agent log with agent_stats_export: the API user needs "View Reports", user level 7 or higher, and agent_stats_export (or ALL_FUNCTIONS) in "API Allowed Functions". Or fill in "Agents" or "Lead ID".',
						data: error.data,
					},
				);
			}
			throw error;
		});
	const users: string[] = [];
	const known = new Set<string>();
	for (const user of [
		...answer.records.map((r) => text(r.user)),
		...SYSTEM_RECORDING_USERS,
		...extraUsers,
	]) {
		// VICIdial compares user IDs without case.
		if (!SEARCHABLE_USER.test(user) || known.has(user.toUpperCase())) continue;
		known.add(user.toUpperCase());
		users.push(user);
	}
	return users;
}

/** Reads every row of the given days for a log event, with its checked settings. */
export type LogFetch = (
	client: Client,
	settings: EventValues,
) => (days: string[]) => Promise<LogEvent[]>;

const list = (settings: EventValues, name: string) =>
	Array.isArray(settings[name]) ? (settings[name] as string[]) : [];
const one = (settings: EventValues, name: string) => text(settings[name]);

const leadStatusRows: LogFetch = (client, settings) => async (days) => {
	const statuses = list(settings, 'statuses');
	const listIds = list(settings, 'listIds');
	const campaignId = one(settings, 'campaignId');
	const rows: LogEvent[] = [];
	const campaignOfList = new Map<string, string>();
	for (const day of days) {
		for (const status of statuses) {
			const answer = await client.call(reads.leadStatus(), requestValues.leadStatus(status, day), {
				emptyOnNoRecords: true,
			});
			for (const record of answer.records) {
				const listId = text(record.list_id);
				if (listIds.length > 0 && !listIds.includes(listId)) continue;
				if (campaignId) {
					if (!campaignOfList.has(listId)) {
						const info = await client.call(reads.listInfo(), requestValues.listOfLead(listId), {
							emptyOnNoRecords: true,
						});
						campaignOfList.set(listId, text(info.records[0]?.campaign_id));
					}
					if (campaignOfList.get(listId)?.toUpperCase() !== campaignId.toUpperCase()) continue;
				}
				// lead_status_search prints no call time: the lead's last call (server time, despite
				// its name) is the best one when it is on that day; else the day's end, the latest
				// the call can be. One event per lead, status and day.
				const time = text(record.last_local_call_time);
				rows.push({
					key: `${text(record.lead_id)}|${status}|${day}`,
					time:
						/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time) && time.startsWith(day)
							? time
							: `${day} 23:59:59`,
					json: { event: 'leadStatus', call_status: status, call_day: day, ...record },
				});
			}
		}
	}
	return rows;
};

// recording_lookup needs two search keys: a day alone is refused (INVALID SEARCH PARAMETERS).
// So each day is read for the lead, per chosen agent, or per user who worked that day.
const recordingRows: LogFetch = (client, settings) => async (days) => {
	const leadId = one(settings, 'leadId');
	const agents = list(settings, 'agentUser');
	const byId = new Map<string, LogEvent>();
	for (const day of days) {
		const searches: Array<{ agent_user: string } | { lead_id: string }> = leadId
			? [{ lead_id: leadId }]
			: agents.length > 0
				? agents.map((agent) => ({ agent_user: agent }))
				: (await recordingUsers(client, day, list(settings, 'extraUsers'))).map((user) => ({
						agent_user: user,
					}));
		for (const search of searches) {
			const answer = await client.call(reads.recordings(), requestValues.recording(search, day), {
				emptyOnNoRecords: true,
			});
			for (const record of answer.records) {
				const key = text(record.recording_id);
				if (byId.has(key)) continue;
				byId.set(key, {
					key,
					time: text(record.start_time),
					// A recording still running has no file location yet.
					ready: text(record.location) !== '',
					json: { event: 'newRecording', ...record },
				});
			}
		}
	}
	return [...byId.values()];
};

const didRows: LogFetch = (client, settings) => async (days) => {
	const rows: LogEvent[] = [];
	for (const day of days) {
		const answer = await client.call(
			reads.didLog(),
			requestValues.didLog(one(settings, 'did'), day),
			{ emptyOnNoRecords: true },
		);
		rows.push(
			...numbered(
				answer.records,
				(r) => `${text(r.did_number)}|${text(r.call_date)}|${text(r.caller_id_number)}`,
				'call_date',
				'didCall',
			),
		);
	}
	return rows;
};

// phone_number_log is not by day: it returns the calls to the numbers, newest first.
const numberRows: LogFetch = (client, settings) => async () => {
	const answer = await client.call(
		reads.numberLog(),
		requestValues.numberLog(list(settings, 'phoneNumbers'), one(settings, 'callType') || 'ALL'),
		{ emptyOnNoRecords: true },
	);
	// Only what VICIdial does not change later: the agent, the length and the statuses are filled in as the call goes on.
	return numbered(
		answer.records,
		(r) => `${text(r.phone_number)}|${text(r.call_date)}|${text(r.list_id)}`,
		'call_date',
		'numberCall',
	);
};

/** Rows without an id of their own: identical rows in the same second are told apart by their order. */
function numbered(
	records: IDataObject[],
	keyOf: (r: IDataObject) => string,
	timeField: string,
	event: EventName,
): LogEvent[] {
	const count = new Map<string, number>();
	return records.map((record) => {
		const base = keyOf(record);
		const n = (count.get(base) ?? 0) + 1;
		count.set(base, n);
		return {
			key: n > 1 ? `${base}#${n}` : base,
			time: text(record[timeField]),
			json: { event, ...record },
		};
	});
}

/** Logged-in agents, optionally only of some campaigns and user groups. */
export async function agentSnapshot(
	client: Client,
	campaigns: string[],
	userGroups: string[],
): Promise<AgentSnapshot[]> {
	const answer = await client.call(reads.agents(), requestValues.agents(campaigns, userGroups), {
		emptyOnNoRecords: true,
	});
	return answer.records.map((record) => ({
		user: text(record.user),
		status: text(record.status),
		json: { ...record },
	}));
}

/** Calls waiting per in-group. */
export async function queueReadings(client: Client, inGroups: string[]): Promise<LevelReading[]> {
	const readings: LevelReading[] = [];
	// One in-group per request: in_group_status adds several groups up into one row.
	for (const group of inGroups) {
		const answer = await client.call(reads.queue(), requestValues.queue(group));
		const record = answer.records[0] ?? {};
		readings.push({
			key: group,
			value: Number(record.calls_waiting ?? 0),
			json: { in_group: group, ...record },
		});
	}
	return readings;
}

/** Leads in a campaign's hopper. */
export async function hopperReading(client: Client, campaignId: string): Promise<LevelReading> {
	const answer = await client.call(reads.hopper(), requestValues.hopper(campaignId), {
		emptyOnNoRecords: true,
	});
	return {
		key: campaignId,
		value: answer.records.length,
		json: { campaign_id: campaignId, leads_in_hopper: answer.records.length },
	};
}

/**
 * The whole lead (custom fields too) for events about a lead. VICIdial reads custom fields from
 * the table of the lead's entry list, which is 0 for most leads, and fails (an empty HTTP 500)
 * when that list has no custom fields. So the list is named (`force_entry_list_id`): the entry
 * list when it is one, else the lead's list; and a list without custom fields gives the lead
 * without them. `lists` is what the event already knows; otherwise the lead is read first.
 */
export async function leadDetails(
	client: Client,
	leadId: string,
	lists?: { list_id?: unknown; entry_list_id?: unknown },
): Promise<IDataObject | undefined> {
	if (!/^\d+$/.test(leadId) || leadId === '0') return undefined;
	let plain: IDataObject | undefined;
	let known = lists;
	if (!known || !/^\d+$/.test(text(known.list_id))) {
		plain = (
			await client.call(reads.lead(), requestValues.lead(leadId, false), { emptyOnNoRecords: true })
		).records[0];
		if (!plain) return undefined;
		known = plain;
	}
	const entryList = Number(text(known.entry_list_id));
	const customList = entryList > 99 ? String(entryList) : text(known.list_id);
	const withCustom = await client
		.call(
			reads.lead(),
			{ ...requestValues.lead(leadId, true), force_entry_list_id: customList },
			{ emptyOnNoRecords: true },
		)
		// Only the known failure is absorbed; anything else fails the poll.
		.catch(async (error: unknown) =>
			error instanceof VicidialError && error.httpCode === 500
				? undefined
				: await Promise.reject(error),
		);
	if (withCustom) return withCustom.records[0] ?? plain;
	return (
		plain ??
		(await client.call(reads.lead(), requestValues.lead(leadId, false), { emptyOnNoRecords: true }))
			.records[0]
	);
}

// ---- the events as entries ------------------------------------------------------------------

/** How far back "Fetch Test Event" looks for a real event. */
const TEST_EVENT_DAYS = 7;
const TEST_EVENT_COUNT = 5;
/** Lead statuses are read back this far (a day): a status is set when the call is dispositioned, long after the call's time VICIdial searches by. */
const LEAD_STATUS_SETTLE_MINUTES = 1440;

/** What one poll of an event gets: the checked settings, the server's time, and the state of the last poll. */
export interface PollRun {
	client: Client;
	settings: EventValues;
	/** The node's Options collection. */
	options: IDataObject;
	now: ServerTime;
	/** A server time as ISO with the server's offset, when known. */
	iso: (time: ServerTime | undefined) => string | undefined;
	/** "Fetch Test Event": recent events are shown, no state is kept. */
	manual: boolean;
	previous: LogState | LevelState | AgentState | undefined;
	/** The error for a test fetch that found nothing: what happened and what to do. */
	fail: (message: string, description: string) => Error;
}

export interface PollOutcome {
	items: IDataObject[];
	/** Stored only when the whole poll succeeded. */
	state?: LogState | LevelState | AgentState;
}

export interface PollEventEntry extends EventEntry {
	value: EventName;
	/** The Non-Agent function each poll reads, named under the fields. */
	reads: () => FunctionEntry;
	/**
	 * The settings the stored state belongs to: another value starts the event afresh. Never
	 * reordered or extended for existing values, or active workflows lose their place.
	 */
	stateKey: (setting: (name: string) => unknown) => unknown[];
	poll: (run: PollRun) => Promise<PollOutcome>;
	/** Log events: reads every row of the given days. */
	fetch?: LogFetch;
}

/** Server-local "YYYY-MM-DD HH:MM:SS" from VICIdial's or n8n's date text. */
export function serverTime(value: unknown): ServerTime | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?/.exec(value.trim());
	return match ? `${match[1]} ${match[2]}:${match[3] ?? '00'}` : undefined;
}

/** A log event: rows read per day, each emitted once (engine.pollLog); events about a lead may carry the whole lead. */
function logEvent(
	entry: Omit<PollEventEntry, 'poll' | 'fetch'> & {
		fetch: LogFetch;
		settleAtLeast?: number;
		lead?: 'itemHasLists' | 'lookUpLists';
	},
): PollEventEntry {
	const { settleAtLeast = 0, lead, ...rest } = entry;
	const poll = async ({
		client,
		settings,
		options,
		now,
		manual,
		previous,
		fail,
	}: PollRun): Promise<PollOutcome> => {
		const fetchDays = entry.fetch(client, settings);
		let outcome: PollOutcome;
		if (manual) {
			const from = fromClock(toClock(now) - TEST_EVENT_DAYS * 86_400_000);
			const rows = (await fetchDays(daysBetween(from, now))).filter(
				(r) => r.ready !== false && r.time <= now,
			);
			const recent = rows
				.sort((a, b) => (a.time < b.time ? 1 : -1))
				.slice(0, TEST_EVENT_COUNT)
				.reverse();
			if (recent.length === 0) {
				throw fail(
					`No such event in the last ${TEST_EVENT_DAYS} days on VICIdial`,
					'Make one happen in VICIdial (or widen the filters), then fetch the test event again. Activating the workflow does not need one.',
				);
			}
			outcome = { items: recent.map((r) => r.json as IDataObject) };
		} else {
			const settle = typeof options.settleMinutes === 'number' ? options.settleMinutes : 60;
			const pollSettings = {
				...DEFAULT_LOG_SETTINGS,
				settleMinutes: Math.max(settle, settleAtLeast),
			};
			const result = await pollLog(
				previous?.kind === 'log' ? previous : undefined,
				now,
				fetchDays,
				pollSettings,
				serverTime(options.startFrom),
			);
			outcome = {
				items: result.events.map((e: LogEvent) => e.json as IDataObject),
				state: result.state,
			};
		}
		if (lead && options.includeLead === true) {
			for (const item of outcome.items) {
				const details = await leadDetails(
					client,
					String(item.lead_id ?? ''),
					lead === 'itemHasLists' ? item : undefined,
				);
				if (details) item.lead = details;
			}
		}
		return outcome;
	};
	return { ...rest, fetch: entry.fetch, poll };
}

/** A level event: one number per key, an event when it crosses the threshold (engine.pollLevel). */
function levelEvent(
	entry: Omit<PollEventEntry, 'poll'> & {
		direction: 'above' | 'below';
		threshold: string;
		read: (client: Client, settings: EventValues) => Promise<LevelReading[]>;
	},
): PollEventEntry {
	const { direction, threshold: thresholdName, read, ...rest } = entry;
	const poll = async ({
		client,
		settings,
		now,
		manual,
		previous,
		iso,
	}: PollRun): Promise<PollOutcome> => {
		const readings = await read(client, settings);
		const threshold = settings[thresholdName] as number;
		const rearmSetting = settings.rearm as number;
		const rearm = rearmSetting >= 0 ? rearmSetting : threshold;
		const describe = (r: LevelReading) => ({
			event: entry.value,
			...r.json,
			value: r.value,
			threshold,
			rearm_level: rearm,
			time: now,
			time_iso: iso(now) ?? '',
		});
		if (manual) return { items: readings.map(describe) };
		const result = pollLevel(
			previous?.kind === 'level' ? previous : undefined,
			readings,
			threshold,
			direction,
			rearm,
		);
		return { items: result.events.map(describe), state: result.state };
	};
	return { ...rest, poll };
}

/** A VICIdial ID of the agent, queue and hopper settings: the entry's characters, one ID of at most 20. */
const ONE_ID = { maxLength: 20 };
const idRefused = (value: string) =>
	`must be VICIdial IDs (letters, digits, - and _), got "${value}"`;
const userRefused = (value: string) =>
	`must be user IDs of 3 to 20 letters or digits, got "${value}"`;

/** Options of the log events (the Options collection). */
const logOptions: EventParam[] = [
	setting(flag, 'includeLead', 'Include Lead', {
		description:
			'Whether to add the whole lead, custom fields included, to each event about a lead (lead_all_info: one to three requests per event)',
	}),
	setting(integer, 'settleMinutes', 'Settle Window (Minutes)', {
		min: 1,
		max: 1440,
		default: 60,
		description:
			'VICIdial logs a call with its start time, often minutes after it started: each poll reads back this far so such rows are not missed. Longer costs nothing but a bigger answer. Lead statuses are always read back a whole day.',
	}),
	setting(datetime, 'startFrom', 'Start From', {
		description:
			'On activation, emit the events since this time (VICIdial server time) instead of starting from now',
	}),
];
const [includeLead, ...logTiming] = logOptions;

const rearm = setting(integer, 'rearm', 'Re-Arm Level', {
	min: -1,
	default: -1,
	description:
		'The level the value must come back to before the event can fire again; -1 means the threshold itself',
});

/** The events, in the editor's order. n8n shows the names lower-cased after "On" in its trigger list, so none holds an acronym. */
export const POLL_EVENTS: PollEventEntry[] = [
	{
		value: 'agentState',
		name: 'Agent State Changed',
		description: 'An agent logged in or out, changed status, or stayed paused too long',
		reads: reads.agents,
		params: [
			setting(choices, 'changes', 'Changes', {
				default: ['loggedIn', 'loggedOut', 'statusChanged', 'pausedTooLong'],
				choices: [
					{ name: 'Logged In', value: 'loggedIn' },
					{ name: 'Logged Out', value: 'loggedOut' },
					{
						name: 'Paused Too Long',
						value: 'pausedTooLong',
						description: 'Once per pause, when it lasts longer than the limit below',
					},
					{
						name: 'Status Changed',
						value: 'statusChanged',
						description: 'E.g. PAUSED to READY, READY to INCALL.',
					},
				],
			}),
			setting(integer, 'pausedMinutes', 'Pause Limit (Minutes)', {
				min: 1,
				default: 10,
				description:
					'A pause longer than this sends "paused too long". Measured from the first poll that saw the pause, so it is precise to one poll interval.',
			}),
			setting(textParam, 'campaigns', 'Campaigns', {
				...rulesOf('realTime', 'getLoggedInAgents', 'campaigns'),
				...ONE_ID,
				load: 'campaigns',
				separator: ',',
				list: true,
				refused: idRefused,
				description: 'Only agents logged in to these campaigns (empty: all)',
			}),
			setting(textParam, 'userGroups', 'User Groups', {
				...rulesOf('realTime', 'getLoggedInAgents', 'user_groups'),
				...ONE_ID,
				list: true,
				refused: idRefused,
				description: 'Only agents of these user groups, separated by commas (empty: all)',
			}),
		],
		stateKey: (p) => [p('campaigns'), p('userGroups')],
		async poll({ client, settings, now, manual, previous, iso, fail }) {
			const agents = await agentSnapshot(
				client,
				list(settings, 'campaigns'),
				list(settings, 'userGroups'),
			);
			if (manual) {
				if (agents.length === 0)
					throw fail(
						'No agent is logged in to VICIdial right now',
						'Log an agent in, then fetch the test event again.',
					);
				return {
					items: agents.map((a) => ({
						event: 'agentState',
						change: 'current',
						user: a.user,
						status: a.status,
						...a.json,
					})),
				};
			}
			const changes = (settings.changes ?? []) as string[];
			const limit = changes.includes('pausedTooLong')
				? (settings.pausedMinutes as number)
				: undefined;
			const result = pollAgents(
				previous?.kind === 'agents' ? previous : undefined,
				now,
				agents,
				limit,
			);
			const items = result.events
				.filter((e: AgentEvent) => changes.includes(e.change))
				.map((e) => ({
					event: 'agentState',
					...e.json,
					change: e.change,
					user: e.user,
					status: e.status ?? '',
					previous_status: e.previousStatus ?? '',
					since: e.since ?? '',
					since_iso: iso(e.since) ?? '',
				}));
			return { items, state: result.state };
		},
	},
	logEvent({
		value: 'numberCall',
		name: 'Call to a Number Logged',
		description: 'A call to one of the given phone numbers was logged',
		reads: reads.numberLog,
		params: [
			setting(id, 'phoneNumbers', 'Phone Numbers', {
				...rulesOf('report', 'phoneNumberLog', 'phone_number'),
				required: true,
				list: true,
				placeholder: '3125550111, 3125550112',
				description: 'Numbers whose calls to watch, separated by commas',
				refused: (value) => `must be 4 to 18 digits each, got "${value}"`,
			}),
			setting(choice, 'callType', 'Call Direction', {
				default: 'ALL',
				choices: [
					{ name: 'All Calls', value: 'ALL' },
					{ name: 'Inbound', value: 'IN' },
					{ name: 'Outbound', value: 'OUT' },
				],
			}),
		],
		options: logTiming,
		stateKey: (p) => [p('phoneNumbers'), p('callType')],
		fetch: numberRows,
	}),
	levelEvent({
		value: 'queueThreshold',
		name: 'Calls Waiting Over a Threshold',
		description: 'More calls than allowed are waiting in an in-group',
		reads: reads.queue,
		params: [
			setting(textParam, 'inGroups', 'In-Groups', {
				...rulesOf('realTime', 'getInGroupStatus', 'in_groups'),
				...ONE_ID,
				required: true,
				load: 'inGroups',
				separator: ',',
				list: true,
				refused: idRefused,
				description: 'In-groups to watch; each is checked on its own',
			}),
			setting(integer, 'threshold', 'Threshold', {
				min: 0,
				default: 5,
				description:
					'Calls waiting above this number fire the event, once, until they are back at or below the re-arm level',
			}),
			rearm,
		],
		stateKey: (p) => [p('inGroups'), p('threshold'), p('rearm')],
		direction: 'above',
		threshold: 'threshold',
		read: async (client, settings) => await queueReadings(client, list(settings, 'inGroups')),
	}),
	levelEvent({
		value: 'hopperLow',
		name: 'Hopper Running Low',
		description: "A campaign's hopper holds fewer leads than allowed",
		reads: reads.hopper,
		params: [
			setting(textParam, 'hopperCampaignId', 'Campaign ID', {
				...rulesOf('hopper', 'getMany', 'campaign_id'),
				required: true,
				load: 'campaigns',
				refused: idRefused,
				description: 'The campaign whose hopper to watch',
			}),
			setting(integer, 'hopperThreshold', 'Threshold', {
				min: 1,
				default: 10,
				description:
					'Fewer leads than this fire the event, once, until the hopper is back at or above the re-arm level',
			}),
			rearm,
		],
		stateKey: (p) => [p('hopperCampaignId'), p('hopperThreshold'), p('rearm')],
		direction: 'below',
		threshold: 'hopperThreshold',
		read: async (client, settings) => [
			await hopperReading(client, one(settings, 'hopperCampaignId')),
		],
	}),
	logEvent({
		value: 'didCall',
		name: 'Inbound Call Received',
		description: 'A call came in on an inbound number (DID)',
		reads: reads.didLog,
		params: [
			setting(id, 'did', 'DID', {
				...rulesOf('report', 'didLog', 'phone_number'),
				required: true,
				placeholder: '3125550100',
				description: 'The inbound number (DID pattern) to watch',
				refused: (value) => `must be up to 20 digits, got "${value}"`,
			}),
		],
		options: logTiming,
		stateKey: (p) => [p('did')],
		fetch: didRows,
	}),
	logEvent({
		value: 'leadStatus',
		name: 'Lead Reached a Status',
		description:
			"A call ended with one of the given statuses, such as SALE. It reads VICIdial's call logs: a status set without a call (Lead → Update, the admin screens) is not seen.",
		reads: reads.leadStatus,
		params: [
			setting(textParam, 'statuses', 'Statuses', {
				...rulesOf('lead', 'searchByStatus', 'status'),
				required: true,
				list: true,
				upperCase: true,
				default: 'SALE',
				placeholder: 'SALE, DNC, CALLBK',
				description:
					'Status codes to watch, separated by commas. Each poll asks once per status for today and yesterday (a status is often set long after the call).',
				refused: (value) => `must be status codes of 1 to 6 letters or digits, got "${value}"`,
			}),
			setting(id, 'listIds', 'List IDs', {
				// any number of digits up to list_info's 14: a filter on what lead_status_search returns, not sent
				maxLength: rulesOf('list', 'get', 'list_id').maxLength,
				list: true,
				placeholder: '101, 102',
				description: 'Only leads of these lists (empty: all lists)',
				refused: (value) => `must be numbers, got "${value}"`,
			}),
			setting(textParam, 'campaignId', 'Campaign ID', {
				description:
					"Only leads whose list belongs to this campaign (empty: all). Each list's campaign is looked up with list_info.",
			}),
		],
		options: [includeLead, ...logTiming],
		stateKey: (p) => [p('statuses'), p('listIds'), p('campaignId')],
		fetch: leadStatusRows,
		settleAtLeast: LEAD_STATUS_SETTLE_MINUTES,
		lead: 'itemHasLists',
	}),
	logEvent({
		value: 'newRecording',
		name: 'New Recording',
		description: 'A call recording was finished: of all users, some agents or a lead',
		reads: reads.recordings,
		params: [
			setting(textParam, 'agentUser', 'Agents', {
				...rulesOf('recording', 'search', 'agent_user'),
				list: true,
				placeholder: '1001, 1002',
				description:
					"Only recordings of these agents (user IDs, separated by commas): one recording_lookup per agent and day. Empty (and no lead): all recordings. VICIdial cannot list a day's recordings by date alone, so per day read (normally one, two around midnight) the trigger asks agent_stats_export which users have agent-log rows from noon the day before to the day's end (this needs \"View Reports\" and user level 7+), then one recording_lookup per such user, per system user VDAD (recordings made before an agent was on the call) and per extra user. Not found that way: recordings of remote agents and other owners (see Extra Users), user IDs under 3 characters, and a recording started more than 12 hours after its agent's last agent-log row.",
				refused: userRefused,
			}),
			setting(textParam, 'extraUsers', 'Extra Users', {
				...rulesOf('recording', 'search', 'agent_user'),
				list: true,
				placeholder: 'GATEWAY, 3125550100',
				description:
					'All recordings only: owners of recordings that are not in the agent log, asked every day (one recording_lookup each), separated by commas. Remote agents write no agent log; and VICIdial logs some recordings under other names: a DID that records its calls under the DID, the recording gateway under GATEWAY, a phone recording without an agent login under its account code.',
				refused: userRefused,
				showWhen: { agentUser: [''], leadId: [''] },
			}),
			setting(id, 'leadId', 'Lead ID', {
				...rulesOf('recording', 'search', 'lead_id'),
				description:
					'Only recordings of this lead (instead of agents): one recording_lookup per day',
				refused: (value) => `must be a number, got "${value}"`,
			}),
		],
		options: [includeLead, ...logTiming],
		// Extra Users only when set: the state of workflows saved before it existed stays valid.
		stateKey: (p) =>
			p('extraUsers')
				? [p('agentUser'), p('leadId'), p('extraUsers')]
				: [p('agentUser'), p('leadId')],
		fetch: recordingRows,
		lead: 'lookUpLists',
	}),
];

/** The entry of an event. */
/** The event of that name among a node version's events (all of them by default). */
export function pollEvent(
	name: string,
	events: readonly PollEventEntry[] = POLL_EVENTS,
): PollEventEntry {
	const found = events.find((e) => e.value === name);
	if (!found) throw new Error(`Unknown trigger event "${name}"`);
	return found;
}

/** Reads every row of the given days for a log event (its checked settings, by n8n name). */
export function logFetcher(
	client: Client,
	event: EventName,
	settings: EventValues,
): (days: string[]) => Promise<LogEvent[]> {
	const fetch = pollEvent(event).fetch;
	if (!fetch) throw new Error(`${event} is not a log event`);
	return fetch(client, settings);
}
