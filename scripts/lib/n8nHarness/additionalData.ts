import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import { ensureN8nRuntime } from './runtime';

const BASE_URL = 'http://localhost:5678/';

function notInHarness(what: string) {
	return async (): Promise<never> => {
		throw new UnexpectedError(`n8n harness: ${what} is not supported`);
	};
}

/** The IWorkflowExecuteAdditionalData the CLI's `getBase()` would build, minus the database. */
export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	ensureN8nRuntime();
	return {
		credentialsHelper,
		executeWorkflow: notInHarness('executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: notInHarness('task runners (Code node)'),
		logAiEvent: () => {},
		currentNodeExecutionIndex: 0,
		restApiUrl: `${BASE_URL}rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}form`,
		formWaitingBaseUrl: `${BASE_URL}form-waiting`,
		formTestBaseUrl: `${BASE_URL}form-test`,
		webhookBaseUrl: `${BASE_URL}webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}webhook-test`,
		mcpBaseUrl: `${BASE_URL}mcp`,
		mcpTestBaseUrl: `${BASE_URL}mcp-test`,
		variables: {},
		userId: 'harness-user',
		...extra,
	} as IWorkflowExecuteAdditionalData;
}
