/**
 * `loadOptions` / `listSearch` call `methods.loadOptions` / `methods.listSearch` with a real
 * `LoadOptionsContext`, the way the CLI's `DynamicNodeParametersService` does.
 */
import { LoadOptionsContext } from 'n8n-core';
import { UnexpectedError, Workflow } from 'n8n-workflow';
import type { INode, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { buildAdditionalData } from '../../../scripts/lib/n8nHarness/additionalData';
import { HarnessCredentialsHelper } from '../../../scripts/lib/n8nHarness/credentials';
import {
	assertNodeDeclaresCredentials,
	defaultTypeName,
	HarnessNodeTypes,
	latestVersion,
	nodeCredentialsFor,
	type CommonNodeOptions,
} from '../../../scripts/lib/n8nHarness/nodeTypes';
import { ensureN8nRuntime } from '../../../scripts/lib/n8nHarness/runtime';

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
	const credentialsHelper = new HarnessCredentialsHelper(
		options.credentialTypes,
		options.credentials,
		nodeTypes,
	);
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
		throw new UnexpectedError(
			`n8n harness: methods.loadOptions.${options.method} is not a function`,
		);
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
		throw new UnexpectedError(
			`n8n harness: methods.listSearch.${options.method} is not a function`,
		);
	}
	return await method.call(context, options.filter, options.paginationToken);
}
