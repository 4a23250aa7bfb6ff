/** Runs a node of the package through n8n-core's WorkflowExecute against a server, capturing its output for the leak check. */
import type { IDataObject, INodeExecutionData, INodeType, IWorkflowSettings } from 'n8n-workflow';
import { VicidialApi } from '../../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../../nodes/Vicidial/Vicidial.node';
import { capture } from '../capture';
import { executeNode, type ExecuteNodeResult } from './execute';

export interface RunOptions {
	url: string;
	user?: string;
	password?: string;
	source?: string;
	parameters: IDataObject;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The workflow's settings, e.g. its time zone. */
	workflowSettings?: IWorkflowSettings;
}

/** One run of `nodeType` with a VICIdial credential for `options.url` (user 6666 by default). */
export async function runNode(
	nodeType: INodeType,
	label: string,
	options: RunOptions,
): Promise<ExecuteNodeResult> {
	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const result = await executeNode({
		nodeType,
		credentialTypes: [new VicidialApi()],
		parameters: options.parameters as never,
		credentials: {
			vicidialApi: {
				serverUrl: options.url,
				apiUser: options.user ?? '6666',
				password: options.password ?? '1234',
				source: options.source ?? 'n8n',
			},
		},
		inputItems,
		continueOnFail: options.continueOnFail,
		workflowSettings: options.workflowSettings,
	});
	capture(`${label} items`, result.items);
	if (result.error) {
		const error = result.error as Error & { description?: string };
		capture(`${label} error`, {
			message: error.message,
			description: error.description,
			data: result.errorData,
		});
	}
	return result;
}

export const runVicidial = (options: RunOptions) =>
	runNode(new Vicidial(), 'vicidial node', options);
