/**
 * `executeNode` builds a two-node workflow (a start node that outputs `inputItems` followed by
 * the node under test) and runs it with n8n-core's `WorkflowExecute`, so the node gets a real
 * `ExecuteContext`: real parameter/expression resolution, real `continueOnFail`, real pairedItem
 * handling, real `helpers.httpRequest*` (axios through `@n8n/backend-network`), real
 * `prepareBinaryData`.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	ExecutionBaseError,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { buildAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentials';
import {
	assertNodeDeclaresCredentials,
	defaultTypeName,
	HarnessNodeTypes,
	latestVersion,
	nodeCredentialsFor,
	type CommonNodeOptions,
} from './nodeTypes';
import { ensureN8nRuntime } from './runtime';

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

	const nodeName =
		options.nodeName ?? versioned.description.defaults?.name ?? versioned.description.displayName;
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
