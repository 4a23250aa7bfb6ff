/**
 * Webhooks: a request through the node's webhook() with n8n-core's WebhookContext, and the
 * activation hooks (webhookMethods) with its HookContext.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { buildAdditionalData } from '../../../scripts/lib/n8nHarness/additionalData';
import { HarnessCredentialsHelper } from '../../../scripts/lib/n8nHarness/credentials';
import {
	defaultTypeName,
	HarnessNodeTypes,
	latestVersion,
	nodeCredentialsFor,
	plainStaticData,
	type CommonNodeOptions,
} from '../../../scripts/lib/n8nHarness/nodeTypes';
import { ensureN8nRuntime } from '../../../scripts/lib/n8nHarness/runtime';
import { capture } from '../../support/capture';

export interface WebhookRequestOptions extends CommonNodeOptions {
	/** Which webhook of the node (by description name); default 'default'. */
	webhookName?: 'default' | 'setup';
	method?: 'GET' | 'POST';
	/** The raw query string after "?" (parsed like Express does: + is a space). */
	rawQuery?: string;
	/** The raw form body (application/x-www-form-urlencoded). */
	rawBody?: string;
	ip?: string;
	headers?: Record<string, string>;
	staticData?: IDataObject;
	nodeName?: string;
}

export interface WebhookRequestResult {
	/** What the node returned (workflowData: the items that would start the workflow). */
	response: IWebhookResponseData;
	/** What the node itself wrote to the HTTP response (refusals), if anything. */
	sent?: { status: number; body: string; contentType?: string };
	/**
	 * What n8n answers at once for a webhook in responseMode 'onReceived' that started the workflow
	 * (n8n 2.x: the description's responseData when set and not 'noData', else the node's
	 * webhookResponse, else { message: 'Workflow was started' }); undefined otherwise.
	 */
	onReceivedAnswer?: unknown;
	staticData: IDataObject;
}

function formToObject(raw: string | undefined): IDataObject {
	const out: IDataObject = {};
	if (!raw) return out;
	for (const [key, value] of new URLSearchParams(raw)) {
		const existing = out[key];
		if (existing === undefined) out[key] = value;
		else
			out[key] = Array.isArray(existing)
				? [...(existing as string[]), value]
				: [existing as string, value];
	}
	return out;
}

function webhookWorkflow(
	options: CommonNodeOptions & { staticData?: IDataObject; nodeName?: string },
) {
	ensureN8nRuntime();
	const typeName = options.typeName ?? defaultTypeName(options.nodeType);
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeTypes = new HarnessNodeTypes().add(typeName, options.nodeType);
	const nodeType = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	const node: INode = {
		id: 'harness-webhook-node',
		name:
			options.nodeName ?? nodeType.description.defaults?.name ?? nodeType.description.displayName,
		type: typeName,
		typeVersion,
		position: [0, 0],
		webhookId: '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
		parameters: structuredClone(options.parameters),
	};
	const credentials = nodeCredentialsFor(options.credentials);
	if (credentials) node.credentials = credentials;
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: structuredClone(plainStaticData(options.staticData ?? {})),
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentialTypes,
		options.credentials,
		nodeTypes,
	);
	const additionalData = buildAdditionalData(credentialsHelper, { workflowId: workflow.id });
	return { nodeType, node, workflow, additionalData };
}

function webhookData(workflow: Workflow, node: INode, name: string, method: string): IWebhookData {
	return {
		httpMethod: method as IWebhookData['httpMethod'],
		node: node.name,
		path: 'vicidial',
		webhookDescription: {
			name,
			httpMethod: method,
			path: 'vicidial',
		} as IWebhookData['webhookDescription'],
		workflowId: workflow.id!,
		workflowExecuteAdditionalData: {} as IWorkflowExecuteAdditionalData,
	};
}

/** Sends one request to the node's webhook(), as n8n's webhook server would after routing it. */
export async function callWebhook(options: WebhookRequestOptions): Promise<WebhookRequestResult> {
	const { nodeType, node, workflow, additionalData } = webhookWorkflow(options);
	if (typeof nodeType.webhook !== 'function')
		throw new UnexpectedError('n8n harness: node type has no webhook method');
	const method = options.method ?? 'GET';
	const query = formToObject(options.rawQuery);
	const body = method === 'POST' ? formToObject(options.rawBody) : {};
	let sent: WebhookRequestResult['sent'];
	let status = 200;
	let contentType: string | undefined;
	const res = {
		status(code: number) {
			status = code;
			return res;
		},
		type(value: string) {
			contentType = value;
			return res;
		},
		send(value: unknown) {
			sent = { status, body: String(value), contentType };
			return res;
		},
		end(value?: unknown) {
			sent = { status, body: value === undefined ? '' : String(value), contentType };
			return res;
		},
		setHeader() {
			return res;
		},
	};
	const req = {
		method,
		url: `/webhook/${node.webhookId}/vicidial${options.rawQuery ? `?${options.rawQuery}` : ''}`,
		query,
		body,
		headers: { ...(options.headers ?? {}) },
		ip: options.ip ?? '127.0.0.1',
		socket: { remoteAddress: options.ip ?? '127.0.0.1' },
		params: {},
	};
	Object.assign(additionalData, { httpRequest: req, httpResponse: res });
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		'webhook',
		webhookData(workflow, node, options.webhookName ?? 'default', method),
		[],
		null,
	);
	const response = await nodeType.webhook.call(context);
	capture('webhook items', response.workflowData ?? []);
	const description = nodeType.description.webhooks?.find(
		(w) => w.name === (options.webhookName ?? 'default'),
	);
	let onReceivedAnswer: unknown;
	if (
		description?.responseMode === 'onReceived' &&
		response.noWebhookResponse !== true &&
		response.workflowData !== undefined
	) {
		const responseData = description.responseData ?? 'firstEntryJson';
		onReceivedAnswer =
			responseData === 'noData'
				? undefined
				: responseData
					? responseData
					: (response.webhookResponse ?? { message: 'Workflow was started' });
	}
	return { response, sent, onReceivedAnswer, staticData: plainStaticData(workflow.staticData) };
}

export interface HookOptions extends CommonNodeOptions {
	method: 'checkExists' | 'create' | 'delete';
	/** 'trigger' (default): activation of the workflow; 'manual': the test webhook n8n registers while listening for a test event. */
	mode?: 'trigger' | 'manual';
	staticData?: IDataObject;
	nodeName?: string;
}

/** Runs one activation hook (webhookMethods.default.<method>) as n8n does on (de)activation. */
export async function runWebhookHook(options: HookOptions): Promise<{
	result?: boolean;
	error?: Error;
	staticData: IDataObject;
	nodeStaticData: IDataObject;
}> {
	const { nodeType, node, workflow, additionalData } = webhookWorkflow(options);
	const hook = nodeType.webhookMethods?.default?.[options.method];
	if (typeof hook !== 'function')
		throw new UnexpectedError(`n8n harness: no webhookMethods.default.${options.method}`);
	const manual = options.mode === 'manual';
	const context = new HookContext(
		workflow,
		node,
		additionalData,
		manual ? 'manual' : 'trigger',
		manual ? 'manual' : 'activate',
		{
			...webhookData(workflow, node, 'default', 'GET'),
			...(manual ? { isTest: true } : {}),
		},
	);
	let result: boolean | undefined;
	let error: Error | undefined;
	try {
		result = await hook.call(context);
	} catch (e) {
		error = e as Error;
		capture('webhook hook error', {
			message: error.message,
			description: (error as { description?: string }).description,
		});
	}
	const staticData = error
		? plainStaticData(options.staticData ?? {})
		: plainStaticData(workflow.staticData);
	return {
		result,
		error,
		staticData,
		nodeStaticData: (staticData[`node:${node.name}`] as IDataObject | undefined) ?? {},
	};
}
