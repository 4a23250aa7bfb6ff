import type {
	IDataObject,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { clientFor } from '../shared/client';
import { asNodeError, credentialTestMethods } from '../shared/nodeKit';
import { eventProperties, eventSubtitle, readSettings } from '../shared/events';
import { NodeVersions } from '../shared/versioning';
import type { EventParam } from '../shared/events';
import {
	type CallEventName,
	type CallEventEntry,
	CALL_EVENTS,
	SECRET_VARIABLES,
	TOKEN_PARAMETER,
	TOKEN_PATTERN,
	buildCallUrl,
	callEventEntry,
	ipAllowed,
	parseAllowList,
	parseCallRequest,
	requestedFields,
	tokenMatches,
	agentPushPrefix,
	callUrlPathExpression,
	effectiveToken,
} from './callEvents';
import type { Registration, RegistrationSettings } from './registration';
import { register, registrationExists, unregister } from './registration';

const WEBHOOK_PATH = 'vicidial';
/** The short text VICIdial gets back (it logs it in vicidial_url_log). */
const RESPONSE_TEXT = 'OK';

/** The steps shown under the Secret Token: where the URL of the "Webhook URLs" panel goes in VICIdial. */
function connectSteps(event: CallEventEntry): string {
	if (event.value === 'agentEvent') {
		return `To connect VICIdial: 1. Copy VICIdial's extras/get2post.php into its agc/ folder. 2. Open Webhook URLs above, choose Production URL and copy it (it already holds the token and the fields). 3. In ${event.setting.replace(/, through get2post\.php$/, '')}, type ${agentPushPrefix(true)} and paste the URL right after it without its https:// (for an http URL, type HTTPURLTOPOST instead of HTTPSURLTOPOST and leave out http://). n8n must be on the standard port: the agent screen drops colons. 4. Activate the workflow.`;
	}
	return `To connect VICIdial: 1. Open Webhook URLs above, choose Production URL and copy it (it already holds the token and the fields). 2. In VICIdial's ${event.setting}, type VAR and paste the URL right after it, with no space. 3. Activate the workflow.${event.altUrlType ? ' Or turn on "Register in VICIdial" below and the node does step 2 itself.' : ''}`;
}
const registrableOf = (events: CallEventEntry[]) =>
	events.filter((e) => e.altUrlType).map((e) => e.value);
const registrable = registrableOf(CALL_EVENTS);

/** The editor fields of one version's events. */
const callEventProperties = (events: CallEventEntry[]): INodeProperties[] => [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'dispo',
		// where the URL goes first: it is what a builder must know, and long descriptions are cut
		options: events
			.map((e) => ({
				name: e.name,
				value: e.value,
				description: `${e.setting}: ${e.description.replace(/^./, (c) => c.toLowerCase())}`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName: 'Field Names or IDs',
		name: 'fields',
		type: 'multiOptions',
		default: [],
		description:
			'VICIdial variables to receive (the list shows the ones VICIdial fills for the chosen event). Empty: the event\'s usual ones. A variable VICIdial leaves unfilled for a call is listed under unfilled_fields instead. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: { loadOptionsMethod: 'eventFields', loadOptionsDependsOn: ['event'] },
	},
	...eventProperties(events, (event) => event.params, []),
	{
		displayName: 'Secret Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'Leave empty to use the generated token',
		description:
			'Empty: the token generated for this node when it was created is used (it is in the Production URL above). To choose your own: 16 to 128 letters and digits (VICIdial drops other characters from URLs), never your VICIdial password. Requests without the token are refused with 401.',
	},
	...events.map(
		(event): INodeProperties => ({
			displayName: connectSteps(event),
			name: `connectNotice_${event.value}`,
			type: 'notice',
			default: '',
			displayOptions: event.altUrlType
				? { show: { event: [event.value], register: [false] } }
				: { show: { event: [event.value] } },
		}),
	),
	{
		displayName:
			'When the workflow is activated, the node adds the Production URL shown above (with VAR in front) to the alternate call URLs of these campaigns or in-groups, and switches it off when the workflow is deactivated.',
		name: 'registerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { register: [true], event: registrableOf(events) } },
	},
	{
		displayName: 'Register in VICIdial',
		name: 'register',
		type: 'boolean',
		default: false,
		description:
			"Whether to add this trigger's URL to the campaigns' (or in-groups') alternate call URLs when the workflow is activated, and switch it off when it is deactivated. Needs update_alt_url rights (user level 8, modify campaigns).",
		displayOptions: { show: { event: registrableOf(events) } },
	},
	...eventProperties(events, (event) => event.registration, []),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allowed IP Addresses',
				name: 'allowedIps',
				type: 'string',
				default: '',
				placeholder: '10.0.0.5, 192.168.1.0/24',
				description:
					'Only these addresses or CIDR ranges may call (empty: any). Others get 403. VICIdial calls from its web server, and No-Agent and Add Lead URLs from its telephony servers. Behind a proxy, n8n must be told to trust it (N8N_PROXY_HOPS).',
			},
			{
				displayName: 'Include Raw Request',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add every parameter VICIdial sent (except the token) under "raw"',
			},
		],
	},
];

/** The events each node version serves (a version's run reads its own list once a second version exists). */
const CALL_EVENT_VERSIONS = new NodeVersions({ 1: CALL_EVENTS });

/** Reads and checks an event's settings; the error names the field. */
function settingsOf(context: IHookFunctions | IWebhookFunctions, params: EventParam[]) {
	return readSettings(
		params,
		(name, fallback) => context.getNodeParameter(name, fallback),
		(field, problem) => new NodeOperationError(context.getNode(), `"${field}" ${problem}`),
	);
}

function readToken(context: IHookFunctions | IWebhookFunctions): string {
	const token = effectiveToken(context.getNodeParameter('token', ''), context.getNode().id);
	if (token === '') {
		throw new NodeOperationError(
			context.getNode(),
			'"Secret Token" is empty and this node has no generated token',
			{
				description:
					'Its ID is not a random one (a workflow written by hand). Type a token of 16 to 128 letters and digits.',
			},
		);
	}
	if (!TOKEN_PATTERN.test(token)) {
		throw new NodeOperationError(
			context.getNode(),
			'"Secret Token" must be 16 to 128 letters and digits',
			{
				description:
					'VICIdial keeps only letters, digits and a few signs of a URL; a shorter token is easy to guess.',
			},
		);
	}
	return token;
}

function fieldsOf(context: IHookFunctions | IWebhookFunctions, event: CallEventName): string[] {
	const chosen = context.getNodeParameter('fields', []) as string[];
	const entry = callEventEntry(event);
	const custom = (settingsOf(context, entry.params).customFields ?? []) as string[];
	const fields = requestedFields(chosen.length > 0 ? chosen : entry.defaults, custom);
	const secret = fields.find((f) => SECRET_VARIABLES.test(f));
	if (secret)
		throw new NodeOperationError(
			context.getNode(),
			`"${secret}" cannot be received: VICIdial would put a password into the URL`,
		);
	return fields;
}

async function registrationSettings(context: IHookFunctions): Promise<RegistrationSettings> {
	const event = callEventEntry(context.getNodeParameter('event') as string);
	const webhookUrl = context.getNodeWebhookUrl('default');
	if (!webhookUrl)
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL');
	const settings = settingsOf(context, event.registration);
	const node = context.getNode();
	return {
		event,
		owners: settings.owners as string[],
		address: buildCallUrl(
			webhookUrl,
			readToken(context),
			fieldsOf(context, event.value),
			event.value,
		),
		// Marks our entries. Letters and digits only (VICIdial drops most signs); "test" for the
		// test URL n8n registers while listening for a test event, so it never takes over the live entry.
		description: `n8n ${context.getMode() === 'manual' ? 'test' : 'trigger'} ${(node.webhookId ?? node.id).replace(/[^A-Za-z0-9]/g, '').slice(0, 32)}`,
		statuses: (settings.statuses ?? []) as string[],
		lists: settings.lists as string[],
		switchToAlt: settings.switchToAlt === true,
	};
}

/** Runs a registration step with clear, redacted errors. */
async function withClient<T>(
	context: IHookFunctions,
	step: (client: Awaited<ReturnType<typeof clientFor>>) => Promise<T>,
): Promise<T> {
	const client = await clientFor(context);
	try {
		return await step(client);
	} catch (error) {
		throw asNodeError(context.getNode(), error, client.connection.secrets);
	}
}

/** Where the entries registered are remembered: the test URL's apart, so a test never touches the live ones. */
const registrationsKey = (context: IHookFunctions) =>
	context.getMode() === 'manual' ? 'testRegistrations' : 'registrations';

const storedRegistrations = (context: IHookFunctions): Registration[] =>
	(
		(context.getWorkflowStaticData('node')[registrationsKey(context)] ??
			[]) as unknown as Registration[]
	).filter(
		(r) =>
			r &&
			typeof r.owner === 'string' &&
			Number.isFinite(Number(r.urlId)) &&
			typeof r.entryType === 'string' &&
			typeof r.urlType === 'string',
	);

const sameEntry = (a: Registration, b: Registration) =>
	a.owner === b.owner &&
	Number(a.urlId) === Number(b.urlId) &&
	a.entryType === b.entryType &&
	a.urlType === b.urlType;

const registering = (context: IHookFunctions) =>
	registrable.includes(context.getNodeParameter('event') as CallEventName) &&
	context.getNodeParameter('register', false) === true;

export class VicidialCallEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial Call Event Trigger',
		name: 'vicidialCallEventTrigger',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['trigger'],
		version: CALL_EVENT_VERSIONS.version,
		subtitle: eventSubtitle(CALL_EVENTS),
		description:
			'Dispositions, call starts, dropped calls and agent screen events the moment VICIdial sends them',
		defaults: { name: 'VICIdial Call Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'vicidialApi',
				required: true,
				testedBy: 'vicidialApiTest',
				displayOptions: { show: { register: [true] } },
			},
		],
		webhooks: [
			// responseData is what n8n answers at once (onReceived); without it n8n sends the word "firstEntryJson".
			// The two real webhooks share the bare path; the panel shows the entry below instead.
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				responseData: RESPONSE_TEXT,
				path: WEBHOOK_PATH,
				ndvHideUrl: true,
			},
			{
				name: 'setup',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: RESPONSE_TEXT,
				path: WEBHOOK_PATH,
				ndvHideUrl: true,
			},
			// Shown only: the "Webhook URLs" panel gives the complete call URL (path plus the query
			// VICIdial must send). No HTTP method: n8n registers nothing for an entry without one.
			{
				name: 'setup',
				httpMethod: '',
				responseMode: 'onReceived',
				path: callUrlPathExpression(WEBHOOK_PATH),
				ndvHideMethod: true,
			},
		],
		properties: CALL_EVENT_VERSIONS.properties(callEventProperties),
	};

	methods = {
		loadOptions: {
			/** The variables VICIdial fills for the chosen event, its usual ones first. */
			async eventFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const entry = callEventEntry(String(this.getCurrentNodeParameter('event') ?? 'dispo'));
				const rest = entry.available
					.filter((f) => !entry.defaults.includes(f))
					.sort((a, b) => a.localeCompare(b));
				return [
					...entry.defaults.map((f) => ({ name: f, value: f, description: 'Sent by default' })),
					...rest.map((f) => ({ name: f, value: f })),
				];
			},
		},
		credentialTest: credentialTestMethods,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!registering(this)) return true;
				const settings = await registrationSettings(this);
				const found = await withClient(
					this,
					async (client) => await registrationExists(client, settings),
				);
				if (!found) return false;
				this.getWorkflowStaticData('node')[registrationsKey(this)] =
					found as unknown as IDataObject[];
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!registering(this)) return true;
				const settings = await registrationSettings(this);
				const previous = storedRegistrations(this);
				const done = await withClient(this, async (client) => {
					const added = await register(client, settings);
					// Entries this node registered before under other settings (other campaigns) are switched off.
					await unregister(
						client,
						previous.filter((old) => !added.some((now) => sameEntry(old, now))),
					);
					return added;
				});
				this.getWorkflowStaticData('node')[registrationsKey(this)] =
					done as unknown as IDataObject[];
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// What was registered is in the static data: switching it off needs neither the token nor the current settings.
				const registrations = storedRegistrations(this);
				if (registrations.length === 0) return true;
				await withClient(this, async (client) => await unregister(client, registrations));
				delete this.getWorkflowStaticData('node')[registrationsKey(this)];
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const refuse = (status: number, text: string): IWebhookResponseData => {
			// A refused request learns nothing and starts nothing.
			response.status(status).type('text/plain').send(text);
			return { noWebhookResponse: true };
		};
		let rules;
		try {
			rules = parseAllowList(String(options.allowedIps ?? ''));
		} catch {
			return refuse(403, 'Forbidden');
		}
		const ip = request.ip ?? request.socket?.remoteAddress;
		if (!ipAllowed(ip, rules)) return refuse(403, 'Forbidden');
		const query = this.getQueryData() as IDataObject;
		const body = this.getBodyData() ?? {};
		// The query string wins, as in PHP's $_GET before $_POST.
		const received: IDataObject = { ...(typeof body === 'object' ? body : {}), ...query };
		const expected = effectiveToken(this.getNodeParameter('token', ''), this.getNode().id);
		if (!TOKEN_PATTERN.test(expected) || !tokenMatches(received[TOKEN_PARAMETER], expected))
			return refuse(401, 'Unauthorized');

		const event = this.getNodeParameter('event') as CallEventName;
		const parsed = parseCallRequest(event, received, fieldsOf(this, event));
		const json: IDataObject = {
			...(parsed.json as IDataObject),
			received_at: new Date().toISOString(),
			method: request.method,
		};
		if (options.includeRaw === true) {
			// Never the token, nor a password someone made VICIdial send.
			json.raw = Object.fromEntries(
				Object.entries(received).filter(
					([key]) => key !== TOKEN_PARAMETER && !SECRET_VARIABLES.test(key),
				),
			);
		}
		return { workflowData: [this.helpers.returnJsonArray([json])], webhookResponse: RESPONSE_TEXT };
	}
}
