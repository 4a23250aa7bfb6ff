/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Test harness that runs node types through n8n's real execution engine.
 *
 * - `executeNode` builds a two-node workflow (a start node that outputs `inputItems`
 *   followed by the node under test) and runs it with n8n-core's `WorkflowExecute`, so the node
 *   gets a real `ExecuteContext`: real parameter/expression resolution, real `continueOnFail`,
 *   real pairedItem handling, real `helpers.httpRequest*` (axios through `@n8n/backend-network`),
 *   real `prepareBinaryData`.
 * - Credentials go through `HarnessCredentialsHelper`, a copy of the CLI's `CredentialsHelper`
 *   logic without the database: `getDecrypted` applies the credential type's defaults and resolves
 *   expressions, `authenticate` applies a function or `generic` authenticate block (the `={{...}}`
 *   values are resolved with n8n-workflow's expression engine against `$credentials`), and
 *   `preAuthentication` runs when the credential type has an expirable hidden property.
 * - `testCredential` runs a node's `methods.credentialTest[testedBy]` with n8n-core's real
 *   `CredentialTestContext`, after applying defaults the way the CLI's `CredentialsTester` does.
 * - `loadOptions` / `listSearch` call `methods.loadOptions` / `methods.listSearch` with a real
 *   `LoadOptionsContext`, the way the CLI's `DynamicNodeParametersService` does.
 * - `pollOnce` runs a polling trigger through n8n-core's `PollTriggerExecutor` (production path)
 *   or the manual "fetch test event" path, with a real `PollContext` and static data that the
 *   caller carries from one poll to the next.
 */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { capture } from '../support/capture';
import { GlobalConfig, SsrfProtectionConfig } from '@n8n/config';
import type { InstanceSettingsConfig } from '@n8n/config';
import {
	BinaryDataService,
	CredentialTestContext,
	ExecutionLifecycleHooks,
	InstanceSettings,
	LoadOptionsContext,
	PollContext,
	HookContext,
	WebhookContext,
	PollTriggerExecutor,
	WorkflowExecute,
	getAdditionalKeys,
} from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
	getCredentialOwnRequestAllowedDomains,
	isExpression,
} from 'n8n-workflow';
import type {
	IWebhookData,
	IWebhookResponseData,
	ExecutionBaseError,
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialType,
	ICredentialsEncrypted,
	ICredentialsDecrypted,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeCredentials,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IPollFunctions,
	IRequestOptionsSimplified,
	IRun,
	IRunData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Runtime (DI container) setup
// ---------------------------------------------------------------------------------------------

type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';

interface HarnessRuntime {
	/** Temporary n8n folder (holds the InstanceSettings file); removed after the test file. */
	n8nFolder: string;
}

let runtime: HarnessRuntime | undefined;

const temporaryFolders: string[] = [];

function removeTemporaryFolders(): void {
	for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

// Jest evaluates this module once per test file; remove that file's folder after its tests.
// (A process 'exit' listener does not fire inside jest's sandbox.)
if (typeof afterAll === 'function') {
	afterAll(removeTemporaryFolders);
} else {
	process.once('exit', removeTemporaryFolders);
}

/**
 * Prepares what n8n-core takes from the DI container while executing nodes. Idempotent; every
 * exported function calls it. Jest gives each test file its own module registry, so each test
 * file gets its own container.
 *
 * - Logger: n8n's real winston logger. Level `N8N_LOG_LEVEL` (default `silent`, because
 *   n8n-core's ErrorReporter logs every node error, including the ones tests provoke on purpose).
 * - InstanceSettings: read by every node execution context. Its constructor writes a settings
 *   file (encryption key) into the n8n user folder, so it is built on a temporary folder instead
 *   of `~/.n8n`.
 * - SSRF protection: pinned to n8n's default (off), so an `N8N_SSRF_PROTECTION_ENABLED` in the
 *   environment cannot block the 127.0.0.1 servers the tests talk to.
 * - Proxy: when an HTTP(S)_PROXY variable is set, loopback is added to NO_PROXY for the same
 *   reason.
 * - BinaryDataService: the real service, not initialised, so it has no storage manager and keeps
 *   binary data inline (base64 in `binary.<key>.data`), like n8n's in-memory mode and n8n's own
 *   node test harness. `getBinaryBuffer` reads it back.
 * - OutboundHttp, ErrorReporter, Tracing, TriggersAndPollers, PollTriggerExecutor: built by the
 *   container from their defaults on first use.
 */
export function ensureN8nRuntime(): HarnessRuntime {
	if (runtime) return runtime;

	const globalConfig = Container.get(GlobalConfig);
	const levels: LogLevel[] = ['error', 'warn', 'info', 'debug', 'silent'];
	const level = process.env.N8N_LOG_LEVEL ?? 'silent';
	if (!levels.includes(level as LogLevel)) {
		throw new UnexpectedError(`n8n harness: N8N_LOG_LEVEL must be one of ${levels.join(', ')}`);
	}
	globalConfig.logging.level = level as LogLevel;
	const logger = Container.get(Logger);
	// Whatever n8n logs while running our nodes goes to the password leak check, at every level.
	if (process.env.LEAK_CAPTURE_DIR) {
		for (const method of ['error', 'warn', 'info', 'debug'] as const) {
			const original = logger[method].bind(logger);
			logger[method] = (message: string, meta?: Parameters<Logger['error']>[1]) => {
				capture(`n8n log ${method}`, { message, meta });
				original(message, meta);
			};
		}
	}

	const userHome = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	temporaryFolders.push(userHome);
	const n8nFolder = path.join(userHome, '.n8n');
	const instanceSettingsConfig = {
		enforceSettingsFilePermissions: false,
		encryptionKey: 'n8n-test-harness-encryption-key',
		n8nFolder,
		userHome,
	} as InstanceSettingsConfig;
	Container.set(InstanceSettings, new InstanceSettings(instanceSettingsConfig, logger));

	Container.get(SsrfProtectionConfig).enabled = false;
	if (process.env.HTTP_PROXY ?? process.env.HTTPS_PROXY ?? process.env.http_proxy ?? process.env.https_proxy) {
		const noProxy = process.env.NO_PROXY ?? process.env.no_proxy ?? '';
		process.env.NO_PROXY = [noProxy, '127.0.0.1', 'localhost', '::1'].filter(Boolean).join(',');
	}

	// Fail loudly now rather than in the middle of a node execution.
	const binaryDataService = Container.get(BinaryDataService);
	if (!(binaryDataService instanceof BinaryDataService)) {
		throw new UnexpectedError('n8n harness: BinaryDataService could not be created');
	}

	runtime = { n8nFolder };
	return runtime;
}

/** Reads binary data produced by `helpers.prepareBinaryData` (inline or stored). */
export async function getBinaryBuffer(binaryData: IBinaryData): Promise<Buffer> {
	ensureN8nRuntime();
	return await Container.get(BinaryDataService).getAsBuffer(binaryData);
}

// ---------------------------------------------------------------------------------------------
// Node types
// ---------------------------------------------------------------------------------------------

const PACKAGE_NAME = readPackageName();

function readPackageName(): string {
	try {
		const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
			name?: string;
		};
		return pkg.name ?? 'n8n-nodes-test';
	} catch {
		return 'n8n-nodes-test';
	}
}

/** The type name n8n gives a community node: `<package name>.<description.name>`. */
export function defaultTypeName(nodeType: INodeType | IVersionedNodeType): string {
	return `${PACKAGE_NAME}.${nodeType.description.name}`;
}

class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	add(typeName: string, nodeType: INodeType | IVersionedNodeType): this {
		this.types.set(typeName, nodeType);
		return this;
	}

	getByName(typeName: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(typeName);
		if (!nodeType) throw new UnexpectedError(`n8n harness: unknown node type "${typeName}"`);
		return nodeType;
	}

	getByNameAndVersion(typeName: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(typeName), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}

	typeNamesUsingCredential(credentialTypeName: string): string[] {
		const names: string[] = [];
		for (const [typeName, nodeType] of this.types) {
			const versions =
				'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
			if (versions.some((v) => v.description.credentials?.some((c) => c.name === credentialTypeName))) {
				names.push(typeName);
			}
		}
		return names;
	}
}

function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

const START_TYPE_NAME = 'n8n-harness.start';

/** Plays the part of the Manual Trigger: outputs the test's input items. */
function createStartNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Start',
			name: 'start',
			group: ['input'],
			version: 1,
			description: 'Outputs the input items of the test',
			defaults: { name: 'Start' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			return [items.map((item) => ({ ...item, json: structuredClone(item.json) }))];
		},
	} as INodeType;
}

/**
 * ICredentials without encryption: the CLI's `Credentials` encrypts with the instance's key
 * provider, which only exists in a full n8n (database-backed encryption key management).
 */
class PlainCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}

// ---------------------------------------------------------------------------------------------
// Credentials helper (mirror of packages/cli/src/credentials-helper.ts without the database)
// ---------------------------------------------------------------------------------------------

const MOCK_NODE: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const MOCK_NODE_TYPES: INodeTypes = new HarnessNodeTypes().add('mock', {
	description: { properties: [] as INodeProperties[] },
} as unknown as INodeType);

/** Same as the CLI: the requests a credential's `preAuthentication` makes honour its allowlist. */
function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions): Promise<unknown> => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) {
					return await helpers.helpers.httpRequest(requestOptions);
				}
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

/**
 * In-memory stand-in for n8n's CLI `CredentialsHelper`. Credential data is held per credential
 * type name (one credential per type, which is all a single-node test needs); everything else
 * (defaults, expressions, generic/function `authenticate`, `preAuthentication`, parent types)
 * follows the CLI's code.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	/** Every `updateCredentials` call (e.g. a token refreshed by `preAuthentication`). */
	readonly updates: Array<{ type: string; data: ICredentialDataDecryptedObject }> = [];

	constructor(
		credentialTypes: ICredentialType[] = [],
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
		private readonly nodeTypes?: HarnessNodeTypes,
	) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
		for (const [type, data] of Object.entries(credentials)) {
			this.getCredentialType(type); // fail loudly on credentials of an unknown type
			this.data.set(type, structuredClone(data));
		}
	}

	/** Credential data as currently stored (after any `preAuthentication` update). */
	getStored(type: string): ICredentialDataDecryptedObject | undefined {
		const stored = this.data.get(type);
		return stored && structuredClone(stored);
	}

	getCredentialType(typeName: string): ICredentialType {
		const type = this.types.get(typeName);
		if (!type) {
			throw new UnexpectedError(
				`n8n harness: unknown credential type "${typeName}"; pass it in \`credentialTypes\``,
			);
		}
		return type;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.getCredentialType(typeName);

		if (credentialType.authenticate) {
			if (typeof credentialType.authenticate === 'function') {
				return await credentialType.authenticate(credentials, requestOptions as IHttpRequestOptions);
			}

			if (typeof credentialType.authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError(
						'Workflow and node are required for declarative credential authentication',
					);
				}
				const { authenticate } = credentialType;
				if (requestOptions.headers === undefined) {
					requestOptions.headers = {};
				}

				if (authenticate.type === 'generic') {
					const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
					Object.entries(authenticate.properties).forEach(([outerKey, outerValue]) => {
						Object.entries(outerValue as Record<string, string>).forEach(([key, value]) => {
							const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
							const valueResolved = this.resolveValue(
								value,
								{ $credentials: credentials },
								workflow,
								node,
							);
							if (!target[outerKey]) {
								target[outerKey] = {};
							}
							target[outerKey][keyResolved] = valueResolved;
						});
					});
				}
			}
		}

		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);

		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) {
			return undefined;
		}

		// Same marker the CLI uses to recognise a credential test.
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';

		if (typeof credentialType.preAuthentication === 'function') {
			if (credentials[expirableProperty.name] === '' || credentialsExpired || isTestingCredentials) {
				const output = await credentialType.preAuthentication.call(
					restrictToCredentialDomains(helpers, credentials),
					credentials,
				);

				if (output[expirableProperty.name] === undefined) {
					return undefined;
				}

				if (node.credentials) {
					const nodeCredentials = node.credentials[credentialType.name];
					const storedData = await (
						await this.getCredentials(nodeCredentials, credentialType.name)
					).getData();
					const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
					for (const [key, value] of Object.entries(output as ICredentialDataDecryptedObject)) {
						if (key === expirableProperty.name || !isExpression(storedData[key])) {
							dataToPersist[key] = value;
						}
					}
					await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
					return Object.assign(credentials, output);
				}
			}
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		if (typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		const output = await credentialType.preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		);
		return (output as ICredentialDataDecryptedObject) ?? undefined;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) {
			return parameterValue;
		}
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) {
			return '';
		}
		return returnValue.toString();
	}

	getParentTypes(typeName: string): string[] {
		const credentialType = this.types.get(typeName);
		if (credentialType?.extends === undefined) return [];
		const types: string[] = [];
		for (const parent of credentialType.extends) {
			types.push(parent, ...this.getParentTypes(parent));
		}
		return types;
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const typeDef = this.types.get(credentialType);
		if (!typeDef?.restrictToSupportedNodes) return true;
		return (this.nodeTypes?.typeNamesUsingCredential(credentialType) ?? []).includes(nodeType);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.data.get(type);
		if (stored === undefined) {
			throw new UnexpectedError(
				`n8n harness: no credentials of type "${type}"; pass them in \`credentials\``,
			);
		}
		return new PlainCredentials(nodeCredentials, type, JSON.stringify(stored));
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const decryptedDataOriginal = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) {
			return decryptedDataOriginal;
		}
		return await this.applyDefaultsAndOverwrites(
			additionalData,
			decryptedDataOriginal,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** The CLI's applyDefaultsAndOverwrites, without overwrites (none are configured in tests). */
	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);

		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			{ ...decryptedDataOriginal } as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		for (const key of ['allowedHttpRequestDomains', 'allowedDomains']) {
			if (decryptedData[key] === undefined && decryptedDataOriginal[key] !== undefined) {
				decryptedData[key] = decryptedDataOriginal[key];
			}
		}

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });

		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				(e as Error).message += ' [Error resolving credentials]';
				throw e;
			}
		} else {
			const workflow = new Workflow({
				nodes: [{ ...MOCK_NODE }],
				connections: {},
				active: false,
				nodeTypes: MOCK_NODE_TYPES,
			});
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = workflow.expression.getComplexParameterValue(
					MOCK_NODE,
					decryptedData as INodeParameters,
					mode,
					additionalKeys,
					undefined,
					undefined,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}

		return decryptedData;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.data.set(type, structuredClone(data));
		this.updates.push({ type, data: structuredClone(data) });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = await (await this.getCredentials(nodeCredentials, type)).getData();
		await this.updateCredentials(nodeCredentials, type, { ...stored, oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.getCredentialType(type);

		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}

		const combineProperties = [] as INodeProperties[];
		for (const credentialsTypeName of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(credentialsTypeName));
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}
}

// ---------------------------------------------------------------------------------------------
// Additional data
// ---------------------------------------------------------------------------------------------

const BASE_URL = 'http://localhost:5678/';

function notInHarness(what: string) {
	return async (): Promise<never> => {
		throw new UnexpectedError(`n8n harness: ${what} is not supported`);
	};
}

/** The IWorkflowExecuteAdditionalData the CLI's `getBase()` would build, minus the database. */
export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	ensureN8nRuntime();
	return {
		credentialsHelper,
		executeWorkflow: notInHarness('executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notInHarness('task runners (Code node)'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		variables: {},
		userId: 'harness-user',
		...extra,
	} as IWorkflowExecuteAdditionalData;
}

// ---------------------------------------------------------------------------------------------
// executeNode
// ---------------------------------------------------------------------------------------------

export interface CommonNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Defaults to `<package.json name>.<description.name>`, as n8n names community nodes. */
	typeName?: string;
	/** Defaults to the latest version of the node type. */
	typeVersion?: number;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Every credential type named in `credentials` (and its parents). */
	credentialTypes?: ICredentialType[];
}

export interface ExecuteNodeOptions extends CommonNodeOptions {
	/** Items the start node hands to the node under test; default one empty item. */
	inputItems?: INodeExecutionData[];
	/** Sets the node's `onError: 'continueRegularOutput'`, i.e. `this.continueOnFail()` is true. */
	continueOnFail?: boolean;
	/** Node setting `onError` (takes precedence over `continueOnFail`). */
	onError?: INode['onError'];
	/** Defaults to `description.defaults.name`. */
	nodeName?: string;
	mode?: WorkflowExecuteMode;
	workflowSettings?: IWorkflowSettings;
}

export interface ExecuteNodeResult {
	/** First output of the node under test. */
	items: INodeExecutionData[];
	/** All outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/**
	 * Error of the node under test when it stopped the execution: the error object it threw
	 * (NodeApiError, NodeOperationError, ...).
	 */
	error?: Error;
	/** The same error as recorded in the run data (a plain-object copy, what n8n persists). */
	errorData?: ExecutionBaseError;
	runData: IRunData;
	run: IRun;
	/** The credentials helper used, e.g. to inspect credentials updated by preAuthentication. */
	credentialsHelper: HarnessCredentialsHelper;
}

function nodeCredentialsFor(credentials: Record<string, unknown> | undefined): INodeCredentials | undefined {
	if (!credentials || Object.keys(credentials).length === 0) return undefined;
	return Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: `harness-${type}`, name: `${type} (test)` }]),
	);
}

function assertNodeDeclaresCredentials(
	nodeType: INodeType,
	credentials: Record<string, unknown> | undefined,
): void {
	for (const type of Object.keys(credentials ?? {})) {
		if (!nodeType.description.credentials?.some((c) => c.name === type)) {
			throw new UnexpectedError(
				`n8n harness: node type "${nodeType.description.name}" does not declare credentials "${type}"`,
			);
		}
	}
}

let executionCounter = 0;

export async function executeNode(options: ExecuteNodeOptions): Promise<ExecuteNodeResult> {
	ensureN8nRuntime();
	const typeName = options.typeName ?? defaultTypeName(options.nodeType);
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeTypes = new HarnessNodeTypes()
		.add(START_TYPE_NAME, createStartNodeType(options.inputItems ?? [{ json: {} }]))
		.add(typeName, options.nodeType);
	const versioned = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	assertNodeDeclaresCredentials(versioned, options.credentials);

	const nodeName = options.nodeName ?? versioned.description.defaults?.name ?? versioned.description.displayName;
	const startNode: INode = {
		id: 'harness-start',
		name: nodeName === 'Start' ? 'Start (harness)' : 'Start',
		type: START_TYPE_NAME,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeUnderTest: INode = {
		id: 'harness-node',
		name: nodeName,
		type: typeName,
		typeVersion,
		position: [200, 0],
		parameters: structuredClone(options.parameters),
	};
	const credentials = nodeCredentialsFor(options.credentials);
	if (credentials) nodeUnderTest.credentials = credentials;
	const onError = options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	if (onError) nodeUnderTest.onError = onError;

	const nodes = [startNode, nodeUnderTest];
	const connections = {
		[startNode.name]: { main: [[{ node: nodeUnderTest.name, type: 'main' as const, index: 0 }]] },
	};
	const settings: IWorkflowSettings = { executionOrder: 'v1', ...options.workflowSettings };
	const workflowId = 'harness-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings,
	});

	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentialTypes,
		options.credentials,
		nodeTypes,
	);
	const mode = options.mode ?? 'manual';
	const executionId = `harness-execution-${++executionCounter}`;
	const workflowData = {
		id: workflowId,
		name: workflow.name,
		nodes,
		connections,
		settings,
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = buildAdditionalData(credentialsHelper, {
		hooks,
		executionId,
		workflowId,
	} as Partial<IWorkflowExecuteAdditionalData>);

	const workflowExecute = new WorkflowExecute(additionalData, mode);
	const thrownErrors = captureThrownErrors(workflowExecute);
	const run = await workflowExecute.run({ workflow, startNode });
	const { runData } = run.data.resultData;
	const taskData = runData[nodeUnderTest.name]?.[0];
	if (!taskData) {
		const cause = run.data.resultData.error;
		throw new UnexpectedError(
			`n8n harness: node "${nodeUnderTest.name}" did not run (status ${run.status})` +
				(cause ? `: ${cause.message}` : ''),
			{ cause },
		);
	}
	const outputs = taskData.data?.main?.map((output) => output ?? []) ?? [];
	const errorData = taskData.error;
	let error: Error | undefined;
	if (errorData) {
		const thrown = thrownErrors.get(nodeUnderTest.name);
		error =
			thrown instanceof Error && thrown.message === errorData.message
				? thrown
				: Object.assign(new Error(errorData.message), errorData);
	}
	return {
		items: outputs[0] ?? [],
		outputs,
		error,
		errorData,
		runData,
		run,
		credentialsHelper,
	};
}

/**
 * WorkflowExecute records a node's error in the run data as a plain-object copy
 * (`{ ...error, message, stack }`), as it is persisted. To let tests use `instanceof`, this keeps
 * the error object the node threw by observing WorkflowExecute's (internal) error reporting
 * step; behaviour is unchanged. If n8n-core renames that step, `error` falls back to an Error
 * rebuilt from the recorded copy.
 */
function captureThrownErrors(workflowExecute: WorkflowExecute): Map<string, unknown> {
	const thrown = new Map<string, unknown>();
	const target = workflowExecute as unknown as {
		reportNodeExecutionError?: (error: unknown, node: INode, ...rest: unknown[]) => unknown;
	};
	const original = target.reportNodeExecutionError;
	if (typeof original === 'function') {
		target.reportNodeExecutionError = function (this: unknown, error, node, ...rest) {
			thrown.set(node.name, error);
			return original.call(this, error, node, ...rest);
		};
	}
	return thrown;
}

// ---------------------------------------------------------------------------------------------
// testCredential
// ---------------------------------------------------------------------------------------------

export interface TestCredentialOptions {
	nodeType: INodeType | IVersionedNodeType;
	credentialType: ICredentialType;
	/** Name in `methods.credentialTest`; default: the node's `credentials[].testedBy`. */
	testedBy?: string;
	data: ICredentialDataDecryptedObject;
	/** Other credential types the tested one extends. */
	credentialTypes?: ICredentialType[];
}

/**
 * Runs a credential test the way the CLI's CredentialsTester does for a `testedBy` function:
 * apply the credential type's defaults and expressions (mode 'internal'), then call the function
 * with a real CredentialTestContext (whose only request helper is `helpers.request`).
 */
export async function testCredential(options: TestCredentialOptions): Promise<INodeCredentialTestResult> {
	ensureN8nRuntime();
	const { credentialType } = options;
	if (credentialType.test) {
		throw new UnexpectedError(
			`n8n harness: credential type "${credentialType.name}" defines \`test\`; n8n runs that request instead of a node's testedBy function`,
		);
	}
	const nodeType = NodeHelpers.getVersionedNodeType(options.nodeType);
	const declared = nodeType.description.credentials?.find((c) => c.name === credentialType.name);
	if (!declared) {
		throw new UnexpectedError(
			`n8n harness: node type "${nodeType.description.name}" does not declare credentials "${credentialType.name}"`,
		);
	}
	const testedBy = options.testedBy ?? declared.testedBy;
	if (typeof testedBy !== 'string' || declared.testedBy !== testedBy) {
		throw new UnexpectedError(
			`n8n harness: node type "${nodeType.description.name}" declares testedBy ${JSON.stringify(declared.testedBy)} for "${credentialType.name}", not ${JSON.stringify(testedBy)}`,
		);
	}
	const testFunction = nodeType.methods?.credentialTest?.[testedBy] as ICredentialTestFunction | undefined;
	if (typeof testFunction !== 'function') {
		throw new UnexpectedError(`n8n harness: methods.credentialTest.${testedBy} is not a function`);
	}

	const credentialsHelper = new HarnessCredentialsHelper([
		credentialType,
		...(options.credentialTypes ?? []),
	]);
	const additionalData = buildAdditionalData(credentialsHelper);
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'harness-credential',
		name: `${credentialType.displayName} (test)`,
		type: credentialType.name,
		data: structuredClone(options.data),
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credentialType.name,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}

	const context = new CredentialTestContext(additionalData);
	return await testFunction.call(context, credentialsDecrypted);
}

// ---------------------------------------------------------------------------------------------
// loadOptions / listSearch
// ---------------------------------------------------------------------------------------------

export interface LoadOptionsOptions extends CommonNodeOptions {
	/** Name in `methods.loadOptions` (or `methods.listSearch` for `listSearch`). */
	method: string;
	/** Path of the parameter being edited, e.g. `parameters.campaignId`. */
	path?: string;
}

function buildTempNodeContext(options: LoadOptionsOptions) {
	ensureN8nRuntime();
	const typeName = options.typeName ?? defaultTypeName(options.nodeType);
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeTypes = new HarnessNodeTypes().add(typeName, options.nodeType);
	const nodeType = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	assertNodeDeclaresCredentials(nodeType, options.credentials);
	const node: INode = {
		parameters: structuredClone(options.parameters),
		id: 'uuid-1234',
		name: 'Temp-Node',
		type: typeName,
		typeVersion,
		position: [0, 0],
	};
	const credentials = nodeCredentialsFor(options.credentials);
	if (credentials) node.credentials = credentials;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes, options.credentials, nodeTypes);
	const additionalData = buildAdditionalData(credentialsHelper, {
		currentNodeParameters: structuredClone(options.parameters),
	});
	const context = new LoadOptionsContext(
		workflow,
		workflow.nodes['Temp-Node'],
		additionalData,
		options.path ?? `parameters.${options.method}`,
	);
	return { nodeType, context };
}

/** Calls `methods.loadOptions[method]` like the editor's "load options" request does. */
export async function loadOptions(options: LoadOptionsOptions): Promise<INodePropertyOptions[]> {
	const { nodeType, context } = buildTempNodeContext(options);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (typeof method !== 'function') {
		throw new UnexpectedError(`n8n harness: methods.loadOptions.${options.method} is not a function`);
	}
	return await method.call(context);
}

/** Calls `methods.listSearch[method]` like a resource locator's search does. */
export async function listSearch(
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { nodeType, context } = buildTempNodeContext(options);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (typeof method !== 'function') {
		throw new UnexpectedError(`n8n harness: methods.listSearch.${options.method} is not a function`);
	}
	return await method.call(context, options.filter, options.paginationToken);
}

// ---------------------------------------------------------------------------------------------
// pollOnce
// ---------------------------------------------------------------------------------------------

export interface PollOnceOptions extends CommonNodeOptions {
	/** Workflow static data from the previous poll (`result.staticData`); default `{}`. */
	staticData?: IDataObject;
	/**
	 * 'trigger' (default): the active-workflow path, n8n-core's PollTriggerExecutor with a real
	 * PollContext. 'manual': the editor's "fetch test event" path (WorkflowExecute.executePollNode).
	 */
	mode?: 'trigger' | 'manual';
	/** Activation mode seen by `this.getActivationMode()`; default 'activate' ('manual' in manual mode). */
	activation?: WorkflowActivateMode;
	nodeName?: string;
}

export interface PollOnceResult {
	/** What the poll emitted; null when it returned null (nothing new). */
	items: INodeExecutionData[][] | null;
	/** The poll's error (in trigger mode n8n reports it via __emitError and keeps polling). */
	error?: Error;
	/**
	 * Workflow static data to pass to the next poll. Updated when the poll succeeded (emitted or
	 * returned null, as current n8n commits the cursor in both cases); unchanged when it failed.
	 */
	staticData: IDataObject;
	/** This node's part of `staticData` (`getWorkflowStaticData('node')`). */
	nodeStaticData: IDataObject;
	credentialsHelper: HarnessCredentialsHelper;
}

function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	delete copy.__dataChanged;
	for (const value of Object.values(copy)) {
		if (value && typeof value === 'object') delete (value as IDataObject).__dataChanged;
	}
	return copy;
}

export async function pollOnce(options: PollOnceOptions): Promise<PollOnceResult> {
	ensureN8nRuntime();
	const typeName = options.typeName ?? defaultTypeName(options.nodeType);
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeTypes = new HarnessNodeTypes().add(typeName, options.nodeType);
	const nodeType = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	if (typeof nodeType.poll !== 'function') {
		throw new UnexpectedError(`n8n harness: node type "${typeName}" has no poll method`);
	}
	assertNodeDeclaresCredentials(nodeType, options.credentials);

	const node: INode = {
		id: 'harness-poll-node',
		name: options.nodeName ?? nodeType.description.defaults?.name ?? nodeType.description.displayName,
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: structuredClone(options.parameters),
	};
	const credentials = nodeCredentialsFor(options.credentials);
	if (credentials) node.credentials = credentials;

	const previousStaticData = plainStaticData(options.staticData ?? {});
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: options.mode !== 'manual',
		nodeTypes,
		staticData: structuredClone(previousStaticData),
		settings: { executionOrder: 'v1' },
	});
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes, options.credentials, nodeTypes);
	const additionalData = buildAdditionalData(credentialsHelper, { workflowId: workflow.id });

	let items: INodeExecutionData[][] | null = null;
	let error: Error | undefined;

	if (options.mode === 'manual') {
		const context = new PollContext(workflow, node, additionalData, 'manual', options.activation ?? 'manual');
		try {
			items = await nodeType.poll.call(context);
		} catch (e) {
			error = e as Error;
		}
	} else {
		const pollFunctions: IPollFunctions = new PollContext(
			workflow,
			node,
			additionalData,
			'trigger',
			options.activation ?? 'activate',
			(data) => {
				items = data;
			},
			(e) => {
				error = e;
			},
		);
		await Container.get(PollTriggerExecutor).create(workflow, node, pollFunctions, () => true)(false);
	}

	const staticData = error ? previousStaticData : plainStaticData(workflow.staticData);
	const nodeStaticData = (staticData[`node:${node.name}`] as IDataObject | undefined) ?? {};
	return { items, error, staticData, nodeStaticData, credentialsHelper };
}

// ---------------------------------------------------------------------------------------------
// webhooks: a request through the node's webhook() with n8n-core's WebhookContext, and the
// activation hooks (webhookMethods) with its HookContext
// ---------------------------------------------------------------------------------------------

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
		else out[key] = Array.isArray(existing) ? [...(existing as string[]), value] : [existing as string, value];
	}
	return out;
}

function webhookWorkflow(options: CommonNodeOptions & { staticData?: IDataObject; nodeName?: string }) {
	ensureN8nRuntime();
	const typeName = options.typeName ?? defaultTypeName(options.nodeType);
	const typeVersion = options.typeVersion ?? latestVersion(options.nodeType);
	const nodeTypes = new HarnessNodeTypes().add(typeName, options.nodeType);
	const nodeType = nodeTypes.getByNameAndVersion(typeName, typeVersion);
	const node: INode = {
		id: 'harness-webhook-node',
		name: options.nodeName ?? nodeType.description.defaults?.name ?? nodeType.description.displayName,
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
	const credentialsHelper = new HarnessCredentialsHelper(options.credentialTypes, options.credentials, nodeTypes);
	const additionalData = buildAdditionalData(credentialsHelper, { workflowId: workflow.id });
	return { nodeType, node, workflow, additionalData };
}

function webhookData(workflow: Workflow, node: INode, name: string, method: string): IWebhookData {
	return { httpMethod: method as IWebhookData['httpMethod'], node: node.name, path: 'vicidial', webhookDescription: { name, httpMethod: method, path: 'vicidial' } as IWebhookData['webhookDescription'], workflowId: workflow.id!, workflowExecuteAdditionalData: {} as IWorkflowExecuteAdditionalData };
}

/** Sends one request to the node's webhook(), as n8n's webhook server would after routing it. */
export async function callWebhook(options: WebhookRequestOptions): Promise<WebhookRequestResult> {
	const { nodeType, node, workflow, additionalData } = webhookWorkflow(options);
	if (typeof nodeType.webhook !== 'function') throw new UnexpectedError('n8n harness: node type has no webhook method');
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
	const description = nodeType.description.webhooks?.find((w) => w.name === (options.webhookName ?? 'default'));
	let onReceivedAnswer: unknown;
	if (description?.responseMode === 'onReceived' && response.noWebhookResponse !== true && response.workflowData !== undefined) {
		const responseData = description.responseData ?? 'firstEntryJson';
		onReceivedAnswer = responseData === 'noData' ? undefined : responseData ? responseData : (response.webhookResponse ?? { message: 'Workflow was started' });
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
export async function runWebhookHook(options: HookOptions): Promise<{ result?: boolean; error?: Error; staticData: IDataObject; nodeStaticData: IDataObject }> {
	const { nodeType, node, workflow, additionalData } = webhookWorkflow(options);
	const hook = nodeType.webhookMethods?.default?.[options.method];
	if (typeof hook !== 'function') throw new UnexpectedError(`n8n harness: no webhookMethods.default.${options.method}`);
	const manual = options.mode === 'manual';
	const context = new HookContext(workflow, node, additionalData, manual ? 'manual' : 'trigger', manual ? 'manual' : 'activate', {
		...webhookData(workflow, node, 'default', 'GET'),
		...(manual ? { isTest: true } : {}),
	});
	let result: boolean | undefined;
	let error: Error | undefined;
	try {
		result = await hook.call(context);
	} catch (e) {
		error = e as Error;
		capture('webhook hook error', { message: error.message, description: (error as { description?: string }).description });
	}
	const staticData = error ? plainStaticData(options.staticData ?? {}) : plainStaticData(workflow.staticData);
	return { result, error, staticData, nodeStaticData: (staticData[`node:${node.name}`] as IDataObject | undefined) ?? {} };
}
