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
import { nonAgentFunctions, resources } from '../shared/functions/nonAgent';
import { LOADERS, loadOptionsMethods } from '../shared/loaders';
import { customFields } from '../shared/loaders/customFields';
import { searchLists } from '../shared/loaders/lists';

export class Vicidial implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VICIdial',
		name: 'vicidial',
		icon: { light: 'file:../../icons/vicidial.svg', dark: 'file:../../icons/vicidial.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(resources, nonAgentFunctions),
		description: 'Add, find and update leads, lists, campaigns, users and more in VICIdial',
		defaults: { name: 'VICIdial' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
		properties: buildProperties(resources, nonAgentFunctions, [...Object.keys(LOADERS), 'customFields', 'lists']),
	};

	methods = {
		loadOptions: { ...loadOptionsMethods(), customFields },
		listSearch: { searchLists },
		credentialTest: credentialTestMethods,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeEntries(this, nonAgentFunctions);
	}
}
