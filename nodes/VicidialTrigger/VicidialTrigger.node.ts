import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { loadOptionsMethods } from '../shared/loaders';
import { clientFor } from '../shared/client';
import { asNodeError, credentialTestMethods } from '../shared/nodeKit';
import type { Client } from '../shared/client';
import {
	eventProperties,
	eventSubtitle,
	fallbackOf,
	readSettings,
	readsNotice,
} from '../shared/events';
import { isoOffset } from '../shared/parse';
import { versionFunction } from '../shared/version';
import { NodeVersions } from '../shared/versioning';
import type { AgentState, LevelState, LogState, ServerTime } from './engine';
import type { PollEventEntry } from './events';
import { POLL_EVENTS, pollEvent, serverTime } from './events';

/** The dropdowns this node loads (its loadOptions methods). */
const LOADERS = Object.keys(loadOptionsMethods());

/** Every event's requests wait this long at most. */
const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 600 },
	default: 30,
	description: 'How long to wait for VICIdial to answer one request',
};

/** The editor fields of one version's events. */
const triggerProperties = (events: PollEventEntry[]): INodeProperties[] => [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'leadStatus',
		options: events.map(({ name, value, description }) => ({ name, value, description })),
	},
	// where a builder looks for the VICIdial function a poll reads: under the fields, not at the end of each description
	...events.map((event) => readsNotice(event.value, event.reads().fn)),
	...eventProperties(events, (event) => event.params, LOADERS),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...eventProperties(events, (event) => event.options, LOADERS, '/event'),
			timeoutOption,
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

/** The events each node version serves; a saved trigger polls with the events of its version. */
const TRIGGER_VERSIONS = new NodeVersions({ 1: POLL_EVENTS });

type TriggerState = (LogState | LevelState | AgentState) & { config: string };

export class VicidialTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial Trigger',
		name: 'vicidialTrigger',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS.version,
		subtitle: eventSubtitle(POLL_EVENTS),
		// n8n shows this trigger and the VICIdial node as one card, with this text: it speaks for both
		description:
			'Add and update leads, steer lists, campaigns and agents, and start workflows on VICIdial events',
		defaults: { name: 'VICIdial Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
		properties: TRIGGER_VERSIONS.properties(triggerProperties),
	};

	methods = { loadOptions: loadOptionsMethods(), credentialTest: credentialTestMethods };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = pollEvent(
			this.getNodeParameter('event') as string,
			TRIGGER_VERSIONS.at(this.getNode().typeVersion) ?? [],
		);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		let client: Client | undefined;
		try {
			client = await clientFor(this, {
				timeoutMs: Math.round((typeof options.timeout === 'number' ? options.timeout : 30) * 1000),
			});
			return await runPoll(this, client, event, options);
		} catch (error) {
			throw asNodeError(this.getNode(), error, client?.connection.secrets ?? []);
		}
	}
}

async function runPoll(
	context: IPollFunctions,
	client: Client,
	event: PollEventEntry,
	options: IDataObject,
): Promise<INodeExecutionData[][] | null> {
	const fallbacks = new Map(event.params.map((param) => [param.name, fallbackOf(param)]));
	const setting = (name: string) => context.getNodeParameter(name, fallbacks.get(name) ?? '');
	// Settings are checked before anything is sent.
	const settings = readSettings(
		event.params,
		(name, fallback) => context.getNodeParameter(name, fallback),
		(field, problem) =>
			new NodeOperationError(context.getNode(), `"${field}" ${problem}`, {
				description: 'Nothing was sent to VICIdial. Fix the trigger settings.',
			}),
	);
	const version = (await client.call(versionFunction)).records[0] ?? {};
	const now = serverTime(version.date);
	if (!now)
		throw new NodeOperationError(
			context.getNode(),
			'VICIdial did not tell its time (version function)',
		);
	const offset = typeof version.tznow === 'number' ? version.tznow : undefined;
	const iso = (time: ServerTime | undefined) =>
		time && offset !== undefined ? `${time.replace(' ', 'T')}${isoOffset(offset)}` : undefined;

	const manual = context.getMode() === 'manual';
	const staticData = context.getWorkflowStaticData('node');
	const config = JSON.stringify([event.value, ...event.stateKey(setting)]);
	const previous =
		staticData.state && (staticData.state as TriggerState).config === config
			? (staticData.state as TriggerState)
			: undefined;
	const outcome = await event.poll({
		client,
		settings,
		options,
		now,
		iso,
		manual,
		previous,
		fail: (message, description) =>
			new NodeOperationError(context.getNode(), message, { description }),
	});
	// The new state is stored at the very end: a poll that fails anywhere (a lead lookup too)
	// leaves the previous state untouched, and the next poll reads the same rows again.
	if (outcome.state && !manual)
		staticData.state = { ...outcome.state, config } as unknown as IDataObject;
	return outcome.items.length > 0 ? [context.helpers.returnJsonArray(outcome.items)] : null;
}
