/** Runs the VICIdial Agent node through n8n-core's WorkflowExecute against a server, capturing its output for the leak check. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { executeNode } from '../helpers/n8n';
import type { ExecuteNodeResult } from '../helpers/n8n';
import { capture } from '../support/capture';

export interface RunOptions {
	url: string;
	user?: string;
	password?: string;
	source?: string;
	parameters: IDataObject;
	items?: IDataObject[];
	continueOnFail?: boolean;
}

export async function runVicidialAgent(options: RunOptions): Promise<ExecuteNodeResult> {
	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const result = await executeNode({
		nodeType: new VicidialAgent(),
		credentialTypes: [new VicidialApi()],
		parameters: options.parameters as never,
		credentials: { vicidialApi: { serverUrl: options.url, apiUser: options.user ?? '6666', password: options.password ?? '1234', source: options.source ?? 'n8n' } },
		inputItems,
		continueOnFail: options.continueOnFail,
	});
	capture('vicidial agent node items', result.items);
	if (result.error) {
		const error = result.error as Error & { description?: string };
		capture('vicidial agent node error', { message: error.message, description: error.description, data: result.errorData });
	}
	return result;
}

export const json = (result: ExecuteNodeResult) => result.items.map((item) => item.json);
export const paired = (result: ExecuteNodeResult) => result.items.map((item) => (item.pairedItem as { item: number }).item);
