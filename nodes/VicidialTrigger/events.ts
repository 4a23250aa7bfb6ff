/**
 * The trigger's events: which Non-Agent functions each one reads (through the same entries the
 * VICIdial node uses) and how their records become events.
 */
import type { IDataObject } from 'n8n-workflow';
import { nonAgentFunctions } from '../shared/functions/nonAgent';
import type { Client } from '../shared/client';
import { VicidialError } from '../shared/errors';
import type { FunctionEntry } from '../shared/entry';
import type { AgentSnapshot, LevelReading, LogEvent } from './engine';
import { dayOf, fromClock, toClock } from './engine';

export type EventName = 'leadStatus' | 'newRecording' | 'didCall' | 'numberCall' | 'agentState' | 'queueThreshold' | 'hopperLow';

/** The entry of a Non-Agent function, by VICIdial name: the trigger reads what the node reads. */
export function entry(fn: string): FunctionEntry {
	const spec = nonAgentFunctions.find((f) => f.fn === fn && !f.run);
	if (!spec) throw new Error(`The VICIdial node has no entry for ${fn}`);
	return spec;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Splits "A, B C" into ['A', 'B', 'C']. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(text).filter((v) => v !== '');
	return text(value)
		.split(/[\s,|]+/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/**
 * The values each request of the trigger carries, keyed by VICIdial name (the entry's
 * validation and fixed output options apply on top). The conformance scenarios send the same.
 */
export const requestValues = {
	leadStatus: (status: string, day: string) => ({ status, date: day }),
	recording: (search: { agent_user: string } | { lead_id: string }, day: string) => ({ ...search, date: day, duration: true }),
	/** Who worked on a day: the agent log from noon the day before (see ACTIVITY_LOOKBACK_HOURS) to the day's end. */
	activeUsers: (day: string) => ({
		datetime_start: fromClock(toClock(day) - ACTIVITY_LOOKBACK_HOURS * 3_600_000),
		datetime_end: `${dayOf(day)} 23:59:59`,
	}),
	didLog: (did: string, day: string) => ({ phone_number: did, date: day }),
	numberLog: (phoneNumbers: string[], callType: string) => ({ phone_number: phoneNumbers.join(','), type: callType || 'ALL', detail: false }),
	agents: (campaigns: string[], userGroups: string[]) => {
		const values: Record<string, unknown> = { show_sub_status: true };
		if (campaigns.length > 0) values.campaigns = campaigns.join('|');
		if (userGroups.length > 0) values.user_groups = userGroups.join('|');
		return values;
	},
	queue: (inGroup: string) => ({ in_groups: inGroup }),
	hopper: (campaignId: string) => ({ campaign_id: campaignId }),
	listOfLead: (listId: string) => ({ list_id: listId }),
	lead: (leadId: string, customFields: boolean) => ({ lead_id: leadId, custom_fields: customFields }),
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
export async function recordingUsers(client: Client, day: string, extraUsers: string[] = []): Promise<string[]> {
	const answer = await client.call(entry('agent_stats_export'), requestValues.activeUsers(day), { emptyOnNoRecords: true }).catch((error: unknown) => {
		if (error instanceof VicidialError && (error.kind === 'permission' || error.kind === 'functionNotAllowed')) {
			throw new VicidialError(error.kind, `Watching all recordings needs agent_stats_export, which VICIdial refused: ${error.message.replace(/^VICIdial:\s*/, '')}`, {
				hint: 'To find who has recordings, the trigger reads the agent log with agent_stats_export: the API user needs "View Reports", user level 7 or higher, and agent_stats_export (or ALL_FUNCTIONS) in "API Allowed Functions". Or fill in "Agents" or "Lead ID".',
				data: error.data,
			});
		}
		throw error;
	});
	const users: string[] = [];
	const known = new Set<string>();
	for (const user of [...answer.records.map((r) => text(r.user)), ...SYSTEM_RECORDING_USERS, ...extraUsers]) {
		// VICIdial compares user IDs without case.
		if (!SEARCHABLE_USER.test(user) || known.has(user.toUpperCase())) continue;
		known.add(user.toUpperCase());
		users.push(user);
	}
	return users;
}

export interface LogSourceSettings {
	statuses: string[];
	listIds: string[];
	campaignId: string;
	agentUsers: string[];
	/** All recordings: users asked every day besides those found. */
	extraUsers: string[];
	leadId: string;
	did: string;
	phoneNumbers: string[];
	callType: string;
}

/** Reads every row of the given days for a log event. */
export function logFetcher(client: Client, event: EventName, settings: LogSourceSettings): (days: string[]) => Promise<LogEvent[]> {
	switch (event) {
		case 'leadStatus':
			return async (days) => {
				const rows: LogEvent[] = [];
				const campaignOfList = new Map<string, string>();
				for (const day of days) {
					for (const status of settings.statuses) {
						const answer = await client.call(entry('lead_status_search'), requestValues.leadStatus(status, day), { emptyOnNoRecords: true });
						for (const record of answer.records) {
							const listId = text(record.list_id);
							if (settings.listIds.length > 0 && !settings.listIds.includes(listId)) continue;
							if (settings.campaignId) {
								if (!campaignOfList.has(listId)) {
									const info = await client.call(entry('list_info'), requestValues.listOfLead(listId), { emptyOnNoRecords: true });
									campaignOfList.set(listId, text(info.records[0]?.campaign_id));
								}
								if (campaignOfList.get(listId)?.toUpperCase() !== settings.campaignId.toUpperCase()) continue;
							}
							// lead_status_search prints no call time: the lead's last call (server time, despite
							// its name) is the best one when it is on that day; else the day's end, the latest
							// the call can be. One event per lead, status and day.
							const time = text(record.last_local_call_time);
							rows.push({
								key: `${text(record.lead_id)}|${status}|${day}`,
								time: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time) && time.startsWith(day) ? time : `${day} 23:59:59`,
								json: { event: 'leadStatus', call_status: status, call_day: day, ...record },
							});
						}
					}
				}
				return rows;
			};
		case 'newRecording':
			// recording_lookup needs two search keys: a day alone is refused (INVALID SEARCH PARAMETERS).
			// So each day is read for the lead, per chosen agent, or per user who worked that day.
			return async (days) => {
				const byId = new Map<string, LogEvent>();
				for (const day of days) {
					const searches: Array<{ agent_user: string } | { lead_id: string }> = settings.leadId
						? [{ lead_id: settings.leadId }]
						: settings.agentUsers.length > 0
							? settings.agentUsers.map((agent) => ({ agent_user: agent }))
							: (await recordingUsers(client, day, settings.extraUsers)).map((user) => ({ agent_user: user }));
					for (const search of searches) {
						const answer = await client.call(entry('recording_lookup'), requestValues.recording(search, day), { emptyOnNoRecords: true });
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
		case 'didCall':
			return async (days) => {
				const rows: LogEvent[] = [];
				for (const day of days) {
					const answer = await client.call(entry('did_log_export'), requestValues.didLog(settings.did, day), { emptyOnNoRecords: true });
					rows.push(...numbered(answer.records, (r) => `${text(r.did_number)}|${text(r.call_date)}|${text(r.caller_id_number)}`, 'call_date', 'didCall'));
				}
				return rows;
			};
		case 'numberCall':
			// phone_number_log is not by day: it returns the calls to the numbers, newest first.
			return async () => {
				const answer = await client.call(entry('phone_number_log'), requestValues.numberLog(settings.phoneNumbers, settings.callType), { emptyOnNoRecords: true });
				// Only what VICIdial does not change later: the agent, the length and the statuses are filled in as the call goes on.
				return numbered(answer.records, (r) => `${text(r.phone_number)}|${text(r.call_date)}|${text(r.list_id)}`, 'call_date', 'numberCall');
			};
		default:
			throw new Error(`${event} is not a log event`);
	}
}

/** Rows without an id of their own: identical rows in the same second are told apart by their order. */
function numbered(records: IDataObject[], keyOf: (r: IDataObject) => string, timeField: string, event: EventName): LogEvent[] {
	const count = new Map<string, number>();
	return records.map((record) => {
		const base = keyOf(record);
		const n = (count.get(base) ?? 0) + 1;
		count.set(base, n);
		return { key: n > 1 ? `${base}#${n}` : base, time: text(record[timeField]), json: { event, ...record } };
	});
}

/** Logged-in agents, optionally only of some campaigns and user groups. */
export async function agentSnapshot(client: Client, campaigns: string[], userGroups: string[]): Promise<AgentSnapshot[]> {
	const answer = await client.call(entry('logged_in_agents'), requestValues.agents(campaigns, userGroups), { emptyOnNoRecords: true });
	return answer.records.map((record) => ({ user: text(record.user), status: text(record.status), json: { ...record } }));
}

/** Calls waiting per in-group. */
export async function queueReadings(client: Client, inGroups: string[]): Promise<LevelReading[]> {
	const readings: LevelReading[] = [];
	// One in-group per request: in_group_status adds several groups up into one row.
	for (const group of inGroups) {
		const answer = await client.call(entry('in_group_status'), requestValues.queue(group));
		const record = answer.records[0] ?? {};
		readings.push({ key: group, value: Number(record.calls_waiting ?? 0), json: { in_group: group, ...record } });
	}
	return readings;
}

/** Leads in a campaign's hopper. */
export async function hopperReading(client: Client, campaignId: string): Promise<LevelReading> {
	const answer = await client.call(entry('hopper_list'), requestValues.hopper(campaignId), { emptyOnNoRecords: true });
	return { key: campaignId, value: answer.records.length, json: { campaign_id: campaignId, leads_in_hopper: answer.records.length } };
}

/**
 * The whole lead (custom fields too) for events about a lead. VICIdial reads custom fields from
 * the table of the lead's entry list, which is 0 for most leads, and fails (an empty HTTP 500)
 * when that list has no custom fields. So the list is named (`force_entry_list_id`): the entry
 * list when it is one, else the lead's list; and a list without custom fields gives the lead
 * without them. `lists` is what the event already knows; otherwise the lead is read first.
 */
export async function leadDetails(client: Client, leadId: string, lists?: { list_id?: unknown; entry_list_id?: unknown }): Promise<IDataObject | undefined> {
	if (!/^\d+$/.test(leadId) || leadId === '0') return undefined;
	let plain: IDataObject | undefined;
	let known = lists;
	if (!known || !/^\d+$/.test(text(known.list_id))) {
		plain = (await client.call(entry('lead_all_info'), requestValues.lead(leadId, false), { emptyOnNoRecords: true })).records[0];
		if (!plain) return undefined;
		known = plain;
	}
	const entryList = Number(text(known.entry_list_id));
	const customList = entryList > 99 ? String(entryList) : text(known.list_id);
	const withCustom = await client
		.call(entry('lead_all_info'), { ...requestValues.lead(leadId, true), force_entry_list_id: customList }, { emptyOnNoRecords: true })
		// Only the known failure is absorbed; anything else fails the poll.
		.catch(async (error: unknown) => (error instanceof VicidialError && error.httpCode === 500 ? undefined : await Promise.reject(error)));
	if (withCustom) return withCustom.records[0] ?? plain;
	return plain ?? (await client.call(entry('lead_all_info'), requestValues.lead(leadId, false), { emptyOnNoRecords: true })).records[0];
}
