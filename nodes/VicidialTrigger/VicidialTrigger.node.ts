import type { IDataObject, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { loadOptionsMethods } from '../shared/loaders';
import { clientFor } from '../shared/client';
import { asNodeError, credentialTestMethods } from '../shared/nodeKit';
import type { Client } from '../shared/client';
import { isId } from '../shared/params';
import { isoOffset } from '../shared/parse';
import { versionFunction } from '../shared/version';
import type { AgentEvent, AgentState, LevelReading, LevelState, LogEvent, LogState, ServerTime } from './engine';
import { DEFAULT_LOG_SETTINGS, daysBetween, fromClock, pollAgents, pollLevel, pollLog, toClock } from './engine';
import type { EventName, LogSourceSettings } from './events';
import { agentSnapshot, hopperReading, leadDetails, logFetcher, queueReadings, splitList } from './events';

const LOG_EVENTS: EventName[] = ['leadStatus', 'newRecording', 'didCall', 'numberCall'];
const LEAD_EVENTS: EventName[] = ['leadStatus', 'newRecording'];
/** How far back "Fetch Test Event" looks for a real event. */
const TEST_EVENT_DAYS = 7;
const TEST_EVENT_COUNT = 5;
/** Lead statuses are read back this far (a day): see runPoll. */
const LEAD_STATUS_SETTLE_MINUTES = 1440;

const show = (...events: EventName[]) => ({ show: { event: events } });
/** The same, for options inside the Options collection (their paths are relative to it). */
const showIn = (...events: EventName[]) => ({ show: { '/event': events } });

/** The events, in the editor's order. n8n shows the names lower-cased after "On" in its trigger list, so none holds an acronym. */
const EVENT_OPTIONS: Array<{ name: string; value: EventName; description: string; reads: string }> = [
	{ name: 'Agent State Changed', value: 'agentState', description: 'An agent logged in or out, changed status, or stayed paused too long', reads: 'logged_in_agents' },
	{ name: 'Call to a Number Logged', value: 'numberCall', description: 'A call to one of the given phone numbers was logged', reads: 'phone_number_log' },
	{ name: 'Calls Waiting Over a Threshold', value: 'queueThreshold', description: 'More calls than allowed are waiting in an in-group', reads: 'in_group_status' },
	{ name: 'Hopper Running Low', value: 'hopperLow', description: "A campaign's hopper holds fewer leads than allowed", reads: 'hopper_list' },
	{ name: 'Inbound Call Received', value: 'didCall', description: 'A call came in on an inbound number (DID)', reads: 'did_log_export' },
	{
		name: 'Lead Reached a Status',
		value: 'leadStatus',
		description:
			"A call ended with one of the given statuses, such as SALE. It reads VICIdial's call logs: a status set without a call (Lead → Update, the admin screens) is not seen.",
		reads: 'lead_status_search',
	},
	{ name: 'New Recording', value: 'newRecording', description: 'A call recording was finished: of all users, some agents or a lead', reads: 'recording_lookup' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'leadStatus',
		options: EVENT_OPTIONS.map(({ name, value, description }) => ({ name, value, description })),
	},
	// where a builder looks for the VICIdial function a poll reads: under the fields, not at the end of each description
	...EVENT_OPTIONS.map(
		(option): INodeProperties => ({
			displayName: `Each poll reads VICIdial's ${option.reads} (Non-Agent API)`,
			name: 'vicidialFunction',
			type: 'notice',
			default: '',
			displayOptions: showIn(option.value),
		}),
	),
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'string',
		required: true,
		default: 'SALE',
		placeholder: 'SALE, DNC, CALLBK',
		description: 'Status codes to watch, separated by commas. Each poll asks once per status for today and yesterday (a status is often set long after the call).',
		displayOptions: show('leadStatus'),
	},
	{
		displayName: 'List IDs',
		name: 'listIds',
		type: 'string',
		default: '',
		placeholder: '101, 102',
		description: 'Only leads of these lists (empty: all lists)',
		displayOptions: show('leadStatus'),
	},
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: '',
		description: "Only leads whose list belongs to this campaign (empty: all). Each list's campaign is looked up with list_info.",
		displayOptions: show('leadStatus'),
	},
	{
		displayName: 'Agents',
		name: 'agentUser',
		type: 'string',
		default: '',
		placeholder: '1001, 1002',
		description:
			'Only recordings of these agents (user IDs, separated by commas): one recording_lookup per agent and day. Empty (and no lead): all recordings. VICIdial cannot list a day\'s recordings by date alone, so per day read (normally one, two around midnight) the trigger asks agent_stats_export which users have agent-log rows from noon the day before to the day\'s end (this needs "View Reports" and user level 7+), then one recording_lookup per such user, per system user VDAD (recordings made before an agent was on the call) and per extra user. Not found that way: recordings of remote agents and other owners (see Extra Users), user IDs under 3 characters, and a recording started more than 12 hours after its agent\'s last agent-log row.',
		displayOptions: show('newRecording'),
	},
	{
		displayName: 'Extra Users',
		name: 'extraUsers',
		type: 'string',
		default: '',
		placeholder: 'GATEWAY, 3125550100',
		description:
			'All recordings only: owners of recordings that are not in the agent log, asked every day (one recording_lookup each), separated by commas. Remote agents write no agent log; and VICIdial logs some recordings under other names: a DID that records its calls under the DID, the recording gateway under GATEWAY, a phone recording without an agent login under its account code.',
		displayOptions: { show: { event: ['newRecording'], agentUser: [''], leadId: [''] } },
	},
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		default: '',
		description: 'Only recordings of this lead (instead of agents): one recording_lookup per day',
		displayOptions: show('newRecording'),
	},
	{
		displayName: 'DID',
		name: 'did',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3125550100',
		description: 'The inbound number (DID pattern) to watch',
		displayOptions: show('didCall'),
	},
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '3125550111, 3125550112',
		description: 'Numbers whose calls to watch, separated by commas',
		displayOptions: show('numberCall'),
	},
	{
		displayName: 'Call Direction',
		name: 'callType',
		type: 'options',
		default: 'ALL',
		options: [
			{ name: 'All Calls', value: 'ALL' },
			{ name: 'Inbound', value: 'IN' },
			{ name: 'Outbound', value: 'OUT' },
		],
		displayOptions: show('numberCall'),
	},
	{
		displayName: 'Changes',
		name: 'changes',
		type: 'multiOptions',
		default: ['loggedIn', 'loggedOut', 'statusChanged', 'pausedTooLong'],
		options: [
			{ name: 'Logged In', value: 'loggedIn' },
			{ name: 'Logged Out', value: 'loggedOut' },
			{ name: 'Paused Too Long', value: 'pausedTooLong', description: 'Once per pause, when it lasts longer than the limit below' },
			{ name: 'Status Changed', value: 'statusChanged', description: 'E.g. PAUSED to READY, READY to INCALL.' },
		],
		displayOptions: show('agentState'),
	},
	{
		displayName: 'Pause Limit (Minutes)',
		name: 'pausedMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'A pause longer than this sends "paused too long". Measured from the first poll that saw the pause, so it is precise to one poll interval.',
		displayOptions: show('agentState'),
	},
	{
		displayName: 'Campaign Names or IDs',
		name: 'campaigns',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'campaigns' },
		default: [],
		description: 'Only agents logged in to these campaigns (empty: all). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show('agentState'),
	},
	{
		displayName: 'User Groups',
		name: 'userGroups',
		type: 'string',
		default: '',
		description: 'Only agents of these user groups, separated by commas (empty: all)',
		displayOptions: show('agentState'),
	},
	{
		displayName: 'In-Group Names or IDs',
		name: 'inGroups',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'inGroups' },
		required: true,
		default: [],
		description: 'In-groups to watch; each is checked on its own. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show('queueThreshold'),
	},
	{
		displayName: 'Campaign Name or ID',
		name: 'hopperCampaignId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'campaigns' },
		required: true,
		default: '',
		description: 'The campaign whose hopper to watch. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show('hopperLow'),
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 5,
		description: 'Calls waiting above this number fire the event, once, until they are back at or below the re-arm level',
		displayOptions: show('queueThreshold'),
	},
	{
		displayName: 'Threshold',
		name: 'hopperThreshold',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'Fewer leads than this fire the event, once, until the hopper is back at or above the re-arm level',
		displayOptions: show('hopperLow'),
	},
	{
		displayName: 'Re-Arm Level',
		name: 'rearm',
		type: 'number',
		typeOptions: { minValue: -1 },
		default: -1,
		description: 'The level the value must come back to before the event can fire again; -1 means the threshold itself',
		displayOptions: show('queueThreshold', 'hopperLow'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Lead',
				name: 'includeLead',
				type: 'boolean',
				default: false,
				description: 'Whether to add the whole lead, custom fields included, to each event about a lead (lead_all_info: one to three requests per event)',
				displayOptions: showIn(...LEAD_EVENTS),
			},
			{
				displayName: 'Settle Window (Minutes)',
				name: 'settleMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440 },
				default: 60,
				description:
					'VICIdial logs a call with its start time, often minutes after it started: each poll reads back this far so such rows are not missed. Longer costs nothing but a bigger answer. Lead statuses are always read back a whole day.',
				displayOptions: showIn(...LOG_EVENTS),
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description: 'On activation, emit the events since this time (VICIdial server time) instead of starting from now',
				displayOptions: showIn(...LOG_EVENTS),
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: 30,
				description: 'How long to wait for VICIdial to answer one request',
			},
		],
	},
];

type TriggerState = (LogState | LevelState | AgentState) & { config: string };

function serverTime(value: unknown): ServerTime | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?/.exec(value.trim());
	return match ? `${match[1]} ${match[2]}:${match[3] ?? '00'}` : undefined;
}

export class VicidialTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial Trigger',
		name: 'vicidialTrigger',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ${JSON.stringify(Object.fromEntries(EVENT_OPTIONS.map((e) => [e.value, e.name])))}[$parameter["event"]] || $parameter["event"] }}`,
		// n8n shows this trigger and the VICIdial node as one card, with this text: it speaks for both
		description: 'Add and update leads, steer lists, campaigns and agents, and start workflows on VICIdial events',
		defaults: { name: 'VICIdial Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
		properties,
	};

	methods = { loadOptions: loadOptionsMethods(), credentialTest: credentialTestMethods };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as EventName;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		let client: Client | undefined;
		try {
			client = await clientFor(this, { timeoutMs: Math.round((typeof options.timeout === 'number' ? options.timeout : 30) * 1000) });
			return await runPoll(this, client, event, options);
		} catch (error) {
			throw asNodeError(this.getNode(), error, client?.connection.secrets ?? []);
		}
	}
}

async function runPoll(context: IPollFunctions, client: Client, event: EventName, options: IDataObject): Promise<INodeExecutionData[][] | null> {
	const manual = context.getMode() === 'manual';
	// Settings are checked before anything is sent.
	const sourceSettings = LOG_EVENTS.includes(event) ? logSettings(context, event) : undefined;
	if (!sourceSettings) checkIds(context, event);
	const version = (await client.call(versionFunction)).records[0] ?? {};
	const now = serverTime(version.date);
	if (!now) throw new NodeOperationError(context.getNode(), 'VICIdial did not tell its time (version function)');
	const offset = typeof version.tznow === 'number' ? version.tznow : undefined;
	const iso = (time: ServerTime | undefined) => (time && offset !== undefined ? `${time.replace(' ', 'T')}${isoOffset(offset)}` : undefined);

	const staticData = context.getWorkflowStaticData('node');
	const config = JSON.stringify([event, ...configOf(context, event)]);
	const previous = staticData.state && (staticData.state as TriggerState).config === config ? (staticData.state as TriggerState) : undefined;
	// The new state is stored at the very end: a poll that fails anywhere (a lead lookup too)
	// leaves the previous state untouched, and the next poll reads the same rows again.
	let nextState: LogState | LevelState | AgentState | undefined;
	const commit = (state: LogState | LevelState | AgentState) => {
		nextState = state;
	};

	let items: IDataObject[];
	if (LOG_EVENTS.includes(event)) {
		const fetchDays = logFetcher(client, event, sourceSettings as LogSourceSettings);
		if (manual) {
			const from = fromClock(toClock(now) - TEST_EVENT_DAYS * 86_400_000);
			const rows = (await fetchDays(daysBetween(from, now))).filter((r) => r.ready !== false && r.time <= now);
			const recent = rows.sort((a, b) => (a.time < b.time ? 1 : -1)).slice(0, TEST_EVENT_COUNT).reverse();
			if (recent.length === 0) {
				throw new NodeOperationError(context.getNode(), `No such event in the last ${TEST_EVENT_DAYS} days on VICIdial`, {
					description: 'Make one happen in VICIdial (or widen the filters), then fetch the test event again. Activating the workflow does not need one.',
				});
			}
			items = recent.map((r) => r.json as IDataObject);
		} else {
			const settle = typeof options.settleMinutes === 'number' ? options.settleMinutes : 60;
			// A status is set when the call is dispositioned, long after the call's time VICIdial
			// searches by: lead statuses are read back over a whole day.
			const settings = { ...DEFAULT_LOG_SETTINGS, settleMinutes: event === 'leadStatus' ? Math.max(settle, LEAD_STATUS_SETTLE_MINUTES) : settle };
			const startFrom = serverTime(options.startFrom);
			const result = await pollLog(previous?.kind === 'log' ? previous : undefined, now, fetchDays, settings, startFrom);
			items = result.events.map((e: LogEvent) => e.json as IDataObject);
			commit(result.state);
		}
		if (options.includeLead === true && LEAD_EVENTS.includes(event)) {
			for (const item of items) {
				const lead = await leadDetails(client, String(item.lead_id ?? ''), event === 'leadStatus' ? item : undefined);
				if (lead) item.lead = lead;
			}
		}
	} else if (event === 'agentState') {
		const campaigns = splitList(context.getNodeParameter('campaigns', ''));
		const userGroups = splitList(context.getNodeParameter('userGroups', ''));
		const agents = await agentSnapshot(client, campaigns, userGroups);
		if (manual) {
			if (agents.length === 0) throw new NodeOperationError(context.getNode(), 'No agent is logged in to VICIdial right now', { description: 'Log an agent in, then fetch the test event again.' });
			items = agents.map((a) => ({ event: 'agentState', change: 'current', user: a.user, status: a.status, ...a.json }));
		} else {
			const changes = context.getNodeParameter('changes', []) as string[];
			const limit = changes.includes('pausedTooLong') ? (context.getNodeParameter('pausedMinutes', 10) as number) : undefined;
			const result = pollAgents(previous?.kind === 'agents' ? previous : undefined, now, agents, limit);
			items = result.events
				.filter((e: AgentEvent) => changes.includes(e.change))
				.map((e) => ({ event: 'agentState', ...e.json, change: e.change, user: e.user, status: e.status ?? '', previous_status: e.previousStatus ?? '', since: e.since ?? '', since_iso: iso(e.since) ?? '' }));
			commit(result.state);
		}
	} else {
		const queue = event === 'queueThreshold';
		const readings: LevelReading[] = queue
			? await queueReadings(client, splitList(context.getNodeParameter('inGroups', '')))
			: [await hopperReading(client, String(context.getNodeParameter('hopperCampaignId', '')).trim())];
		const threshold = context.getNodeParameter(queue ? 'threshold' : 'hopperThreshold', queue ? 5 : 10) as number;
		const rearmSetting = context.getNodeParameter('rearm', -1) as number;
		const rearm = rearmSetting >= 0 ? rearmSetting : threshold;
		const describe = (r: LevelReading) => ({ event, ...r.json, value: r.value, threshold, rearm_level: rearm, time: now, time_iso: iso(now) ?? '' });
		if (manual) {
			items = readings.map(describe);
		} else {
			const result = pollLevel(previous?.kind === 'level' ? previous : undefined, readings, threshold, queue ? 'above' : 'below', rearm);
			items = result.events.map(describe);
			commit(result.state);
		}
	}
	if (nextState && !manual) staticData.state = { ...nextState, config } as unknown as IDataObject;
	return items.length > 0 ? [context.helpers.returnJsonArray(items)] : null;
}

function configOf(context: IPollFunctions, event: EventName): unknown[] {
	const p = (name: string, fallback: unknown = '') => context.getNodeParameter(name, fallback);
	switch (event) {
		case 'leadStatus':
			return [p('statuses'), p('listIds'), p('campaignId')];
		case 'newRecording':
			// Extra Users only when set: the state of workflows saved before it existed stays valid.
			return p('extraUsers') ? [p('agentUser'), p('leadId'), p('extraUsers')] : [p('agentUser'), p('leadId')];
		case 'didCall':
			return [p('did')];
		case 'numberCall':
			return [p('phoneNumbers'), p('callType', 'ALL')];
		case 'agentState':
			return [p('campaigns'), p('userGroups')];
		case 'queueThreshold':
			return [p('inGroups'), p('threshold', 5), p('rearm', -1)];
		case 'hopperLow':
			return [p('hopperCampaignId'), p('hopperThreshold', 10), p('rearm', -1)];
	}
}

function logSettings(context: IPollFunctions, event: EventName): LogSourceSettings {
	const p = (name: string) => (context.getNodeParameter(name, '') as string | undefined) ?? '';
	const node = context.getNode();
	const settings: LogSourceSettings = {
		statuses: event === 'leadStatus' ? splitList(p('statuses')).map((s) => s.toUpperCase()) : [],
		listIds: event === 'leadStatus' ? splitList(p('listIds')) : [],
		campaignId: event === 'leadStatus' ? p('campaignId').trim() : '',
		agentUsers: event === 'newRecording' ? splitList(p('agentUser')) : [],
		extraUsers: event === 'newRecording' ? splitList(p('extraUsers')) : [],
		leadId: event === 'newRecording' ? p('leadId').trim() : '',
		did: event === 'didCall' ? p('did').trim() : '',
		phoneNumbers: event === 'numberCall' ? splitList(p('phoneNumbers')) : [],
		callType: event === 'numberCall' ? p('callType') || 'ALL' : 'ALL',
	};
	// Checked here, before any request, with the field named.
	const bad = (field: string, problem: string) => new NodeOperationError(node, `"${field}" ${problem}`, { description: 'Nothing was sent to VICIdial. Fix the trigger settings.' });
	if (event === 'leadStatus') {
		if (settings.statuses.length === 0) throw bad('Statuses', 'is required');
		const wrong = settings.statuses.find((s) => !/^[A-Z0-9_-]{1,6}$/.test(s));
		if (wrong) throw bad('Statuses', `must be status codes of 1 to 6 letters or digits, got "${wrong}"`);
		const list = settings.listIds.find((l) => !isId(l, 14));
		if (list) throw bad('List IDs', `must be numbers, got "${list}"`);
	}
	if (event === 'newRecording') {
		if (settings.leadId && !isId(settings.leadId, 10)) throw bad('Lead ID', `must be a number, got "${settings.leadId}"`);
		const wrong = settings.agentUsers.find((a) => !/^[A-Za-z0-9_-]{3,20}$/.test(a));
		if (wrong) throw bad('Agents', `must be user IDs of 3 to 20 letters or digits, got "${wrong}"`);
		const extra = settings.extraUsers.find((a) => !/^[A-Za-z0-9_-]{3,20}$/.test(a));
		if (extra) throw bad('Extra Users', `must be user IDs of 3 to 20 letters or digits, got "${extra}"`);
	}
	if (event === 'didCall' && !/^\d{1,20}$/.test(settings.did)) throw bad('DID', settings.did ? `must be up to 20 digits, got "${settings.did}"` : 'is required');
	if (event === 'numberCall') {
		if (settings.phoneNumbers.length === 0) throw bad('Phone Numbers', 'is required');
		const wrong = settings.phoneNumbers.find((n) => !/^\d{4,18}$/.test(n));
		if (wrong) throw bad('Phone Numbers', `must be 4 to 18 digits each, got "${wrong}"`);
	}
	return settings;
}

/** The IDs of the agent, queue and hopper events: checked before anything is sent. */
function checkIds(context: IPollFunctions, event: EventName): void {
	const bad = (field: string, problem: string) => new NodeOperationError(context.getNode(), `"${field}" ${problem}`, { description: 'Nothing was sent to VICIdial. Fix the trigger settings.' });
	const fields: Array<[string, string, boolean]> =
		event === 'agentState'
			? [
					['campaigns', 'Campaign Names or IDs', false],
					['userGroups', 'User Groups', false],
				]
			: event === 'queueThreshold'
				? [['inGroups', 'In-Group Names or IDs', true]]
				: [['hopperCampaignId', 'Campaign Name or ID', true]];
	for (const [name, displayName, required] of fields) {
		const ids = splitList(context.getNodeParameter(name, ''));
		if (required && ids.length === 0) throw bad(displayName, 'is required');
		const wrong = ids.find((id) => !/^[A-Za-z0-9_-]{1,20}$/.test(id));
		if (wrong) throw bad(displayName, `must be VICIdial IDs (letters, digits, - and _), got "${wrong}"`);
		if (name === 'hopperCampaignId' && ids.length > 1) throw bad(displayName, 'must be one campaign');
	}
}
