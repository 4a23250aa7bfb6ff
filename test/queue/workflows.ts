/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The workflows test:queue imports: Webhook triggers (many executions through the webhook processor) and our two triggers. */
import type { IDataObject } from 'n8n-workflow';

export type { WorkflowJson } from '../../scripts/lib/realN8n';
import type { WorkflowJson } from '../../scripts/lib/realN8n';
import { ADD_LEAD_BY_PHONE, UPSERT_LEAD_BY_PHONE } from '../helpers/leadParams';

export const GOOD_CREDENTIAL = 'queueVicidialOk1';
export const WRONG_CREDENTIAL = 'queueVicidialBad';

function chain(id: string, name: string, nodes: IDataObject[]): WorkflowJson {
	const connections: IDataObject = {};
	for (let i = 0; i + 1 < nodes.length; i++)
		connections[nodes[i].name as string] = {
			main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
		};
	nodes.forEach((node, i) => {
		node.id = `${id}-${i}`;
		node.position = [i * 220, 0];
	});
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	};
}

const credential = (id: string) => ({ vicidialApi: { id, name: id } });

/** Webhook (POST {leads: [...]}) → Split Out → one VICIdial node; answers at once, a worker runs it. */
function webhookToNode(id: string, path: string, node: IDataObject): WorkflowJson {
	return chain(id, `queue ${path}`, [
		{
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: `${id}-hook`,
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'body.leads', options: {} },
		},
		{ name: 'VICIdial', type: 'n8n-nodes-vicidial-suite.vicidial', typeVersion: 1, ...node },
	]);
}

export const BULK_ADD = webhookToNode('queueBulkAdd0001', 'queue-bulk-add', {
	parameters: { ...ADD_LEAD_BY_PHONE, options: { concurrency: 4 } },
	credentials: credential(GOOD_CREDENTIAL),
});

export const UPSERT = webhookToNode('queueUpsert00001', 'queue-upsert', {
	parameters: { ...UPSERT_LEAD_BY_PHONE, options: { concurrency: 4 } },
	credentials: credential(GOOD_CREDENTIAL),
});

export const WRONG_PASSWORD = webhookToNode('queueWrongPass01', 'queue-wrong-password', {
	parameters: { ...ADD_LEAD_BY_PHONE, options: { concurrency: 4 } },
	credentials: credential(WRONG_CREDENTIAL),
});

/** VICIdial Trigger: a call to a DID, polled every minute (n8n refuses shorter poll intervals). */
export const POLL = chain('queuePollDid0001', 'queue poll DID calls', [
	{
		name: 'VICIdial Trigger',
		type: 'n8n-nodes-vicidial-suite.vicidialTrigger',
		typeVersion: 1,
		parameters: {
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			event: 'didCall',
			did: '3125550100',
		},
		credentials: credential(GOOD_CREDENTIAL),
	},
]);

export const CALL_EVENT_TOKEN = 'QueueModeToken0123456789';

/** Call Event Trigger on dispositions, registered as an alternate Dispo Call URL of TESTCAMP. */
export const CALL_EVENT = chain('queueCallEvent01', 'queue call events', [
	{
		name: 'VICIdial Call Event Trigger',
		type: 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger',
		typeVersion: 1,
		webhookId: 'queue-call-event-0001',
		parameters: {
			event: 'dispo',
			token: CALL_EVENT_TOKEN,
			register: true,
			owners: 'TESTCAMP',
			switchToAlt: true,
			options: {},
		},
		credentials: credential(GOOD_CREDENTIAL),
	},
]);

export const ALL = [BULK_ADD, UPSERT, WRONG_PASSWORD, POLL, CALL_EVENT];
