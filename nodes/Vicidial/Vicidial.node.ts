import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { FunctionEntry } from '../shared/entry';
import { credentialTestMethods } from '../shared/nodeKit';
import { subtitleExpression } from '../shared/properties';
import { nonAgentFunctions, resources } from '../shared/functions/nonAgent';
import { LOADERS, loadOptionsMethods } from '../shared/loaders';
import { customFields } from '../shared/loaders/customFields';
import { searchLists } from '../shared/loaders/lists';
import {
	NodeVersions,
	describeVersions,
	executeVersion,
	serveVersions,
} from '../shared/versioning';

/**
 * The entries each version serves. Moving or retyping a stored field needs a new version (the
 * parameter-path snapshot test says so); older versions keep their entries, e.g.
 * `{ 1: withParams(nonAgentFunctions, { ... }), 2: nonAgentFunctions }`.
 */
export const VICIDIAL_VERSIONS = new NodeVersions({ 1: nonAgentFunctions });
const LOADER_NAMES = [...Object.keys(LOADERS), 'customFields', 'lists'];

export class Vicidial implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial',
		name: 'vicidial',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['transform'],
		...describeVersions(VICIDIAL_VERSIONS, resources, LOADER_NAMES),
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
		return serveVersions(new Vicidial(), versions, resources, LOADER_NAMES);
	}
}
