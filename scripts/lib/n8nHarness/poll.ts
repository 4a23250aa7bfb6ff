/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `pollOnce` runs a polling trigger through n8n-core's `PollTriggerExecutor` (production path)
 * or the manual "fetch test event" path, with a real `PollContext` and static data that the
 * caller carries from one poll to the next.
 */
import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IPollFunctions,
	WorkflowActivateMode,
} from 'n8n-workflow';
import { buildAdditionalData } from './additionalData';
import { HarnessCredentialsHelper } from './credentials';
import {
	assertNodeDeclaresCredentials,
	defaultTypeName,
	HarnessNodeTypes,
	latestVersion,
	nodeCredentialsFor,
	plainStaticData,
	type CommonNodeOptions,
} from './nodeTypes';
import { ensureN8nRuntime } from './runtime';

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
		name:
			options.nodeName ?? nodeType.description.defaults?.name ?? nodeType.description.displayName,
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
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentialTypes,
		options.credentials,
		nodeTypes,
	);
	const additionalData = buildAdditionalData(credentialsHelper, { workflowId: workflow.id });

	let items: INodeExecutionData[][] | null = null;
	let error: Error | undefined;

	if (options.mode === 'manual') {
		const context = new PollContext(
			workflow,
			node,
			additionalData,
			'manual',
			options.activation ?? 'manual',
		);
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
		await Container.get(PollTriggerExecutor).create(
			workflow,
			node,
			pollFunctions,
			() => true,
		)(false);
	}

	const staticData = error ? previousStaticData : plainStaticData(workflow.staticData);
	const nodeStaticData = (staticData[`node:${node.name}`] as IDataObject | undefined) ?? {};
	return { items, error, staticData, nodeStaticData, credentialsHelper };
}
