import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { FunctionEntry } from '../shared/entry';
import { credentialTestMethods } from '../shared/nodeKit';
import { subtitleExpression } from '../shared/properties';
import { LOADERS, loadOptionsMethods } from '../shared/loaders';
import { agentFunctions, resources } from '../shared/functions/agent';
import {
	NodeVersions,
	describeVersions,
	executeVersion,
	serveVersions,
} from '../shared/versioning';

/** The entries each version serves (see VICIDIAL_VERSIONS). */
export const VICIDIAL_AGENT_VERSIONS = new NodeVersions({ 1: agentFunctions });
const LOADER_NAMES = Object.keys(LOADERS);

export class VicidialAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial Agent',
		name: 'vicidialAgent',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['transform'],
		...describeVersions(VICIDIAL_AGENT_VERSIONS, resources, LOADER_NAMES),
		subtitle: subtitleExpression(resources, VICIDIAL_AGENT_VERSIONS.latest),
		description: 'Pause agents, dial, transfer and set dispositions on VICIdial agent screens',
		defaults: { name: 'VICIdial Agent' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
	};

	methods = {
		loadOptions: loadOptionsMethods(),
		credentialTest: credentialTestMethods,
	};

	execute = executeVersion(VICIDIAL_AGENT_VERSIONS);

	/** The node serving other versions than it ships, e.g. a test's version 2 with a moved field. */
	static withVersions(versions: NodeVersions<FunctionEntry[]>): VicidialAgent {
		return serveVersions(new VicidialAgent(), versions, resources, LOADER_NAMES);
	}
}
