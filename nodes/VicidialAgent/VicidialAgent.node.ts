import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { credentialTestMethods } from '../shared/nodeKit';
import { executeEntries } from '../shared/execute';
import { buildProperties, subtitleExpression } from '../shared/properties';
import { LOADERS, loadOptionsMethods } from '../shared/loaders';
import { agentFunctions, resources } from '../shared/functions/agent';

export class VicidialAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial Agent',
		name: 'vicidialAgent',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resources, agentFunctions),
		description: 'Pause agents, dial, transfer and set dispositions on VICIdial agent screens',
		defaults: { name: 'VICIdial Agent' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
		properties: buildProperties(resources, agentFunctions, Object.keys(LOADERS)),
	};

	methods = {
		loadOptions: loadOptionsMethods(),
		credentialTest: credentialTestMethods,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeEntries(this, agentFunctions);
	}
}
