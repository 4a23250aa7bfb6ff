import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { FunctionEntry } from '../shared/entry';
import { credentialTestMethods } from '../shared/nodeKit';
import { buildProperties, subtitleExpression } from '../shared/properties';
import { nonAgentFunctions, resources } from '../shared/functions/nonAgent';
import { LOADERS, loadOptionsMethods } from '../shared/loaders';
import { customFields } from '../shared/loaders/customFields';
import { searchLists } from '../shared/loaders/lists';
import { NodeVersions, executeVersion } from '../shared/versioning';

/**
 * The entries each version serves. Moving or retyping a stored field needs a new version (the
 * parameter-path snapshot test says so); older versions keep their entries, e.g.
 * `{ 1: withParams(nonAgentFunctions, { ... }), 2: nonAgentFunctions }`.
 */
export const VICIDIAL_VERSIONS = new NodeVersions({ 1: nonAgentFunctions });
const LOADER_NAMES = [...Object.keys(LOADERS), 'customFields', 'lists'];

/** What depends on the versions: the description's version list and fields. */
function describeVersions(
	versions: NodeVersions<FunctionEntry[]>,
): Pick<INodeTypeDescription, 'version' | 'properties'> {
	return {
		version: versions.version,
		properties: versions.properties((functions) =>
			buildProperties(resources, functions, LOADER_NAMES),
		),
	};
}

export class Vicidial implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial',
		name: 'vicidial',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['transform'],
		...describeVersions(VICIDIAL_VERSIONS),
		subtitle: subtitleExpression(resources, VICIDIAL_VERSIONS.latest),
		description: 'Add, find and update leads, lists, campaigns, users and more in VICIdial',
		defaults: { name: 'VICIdial' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
	};

	methods = {
		loadOptions: { ...loadOptionsMethods(), customFields },
		listSearch: { searchLists },
		credentialTest: credentialTestMethods,
	};

	execute = executeVersion(VICIDIAL_VERSIONS);

	/** The node serving other versions than it ships, e.g. a test's version 2 with a moved field. */
	static withVersions(versions: NodeVersions<FunctionEntry[]>): Vicidial {
		const node = new Vicidial();
		node.description = {
			...node.description,
			...describeVersions(versions),
			subtitle: subtitleExpression(resources, versions.latest),
		};
		node.execute = executeVersion(versions);
		return node;
	}
}
