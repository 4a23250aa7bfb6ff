/** The workflows the bench imports into real n8n (Manual Trigger → Code making N items → the node under test). */
import type { IDataObject } from 'n8n-workflow';
import type { OpDef, FormTemplate } from './ops';

export type { WorkflowJson } from '../../scripts/lib/realN8n';
import type { WorkflowJson } from '../../scripts/lib/realN8n';

/** n8n ids here are 16 letters and digits. */
export function workflowId(label: string): string {
	const clean = label.replace(/[^A-Za-z0-9]/g, '');
	return `bn${clean}`.slice(0, 16).padEnd(16, '0');
}

const VALUE_EXPRESSION: Record<OpDef['name'], string> = {
	add: "'3129' + String(i).padStart(6, '0')",
	read: 'String(11 + (i % 5))',
	agent: "'1001'",
};

function chain(id: string, name: string, nodes: IDataObject[]): WorkflowJson {
	const connections: IDataObject = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name as string] = {
			main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	nodes.forEach((node, i) => {
		node.id = `${id}-${i}`;
		node.position = [i * 220, 0];
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' } };
}

const trigger = (): IDataObject => ({
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	parameters: {},
});

const makeItems = (op: OpDef, n: number): IDataObject => ({
	name: 'Make Items',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${n} }, (_, i) => ({ json: { v: ${VALUE_EXPRESSION[op.name]} } }));`,
	},
});

export const UNDER_TEST = 'Under Test';

/** Our node, Parallel Requests = `concurrency`. */
export function nodeWorkflow(
	id: string,
	op: OpDef,
	n: number,
	concurrency: number,
	credentialId: string,
): WorkflowJson {
	return chain(id, `bench ${op.name} node c=${concurrency}`, [
		trigger(),
		makeItems(op, n),
		{
			name: UNDER_TEST,
			type: op.nodeType,
			typeVersion: 1,
			parameters: op.nodeParameters(concurrency),
			credentials: { vicidialApi: { id: credentialId, name: credentialId } },
		},
	]);
}

/** The HTTP Request node at its defaults, posting the same form, user and pass typed into the body. */
export function httpRequestNode(
	url: string,
	template: FormTemplate,
	valueExpression: string,
): IDataObject {
	return {
		name: UNDER_TEST,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'POST',
			url,
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: template.fields.map(([name, value]) => ({
					name,
					value: template.itemKeys.includes(name) ? valueExpression : value,
				})),
			},
			options: {},
		},
	};
}

export function httpWorkflow(
	id: string,
	op: OpDef,
	n: number,
	baseUrl: string,
	template: FormTemplate,
): WorkflowJson {
	return chain(id, `bench ${op.name} http request`, [
		trigger(),
		makeItems(op, n),
		httpRequestNode(baseUrl + template.path, template, '={{ $json.v }}'),
	]);
}

/** Memory: our node reading a big phone_number_log answer. */
export function memoryNodeWorkflow(id: string, credentialId: string): WorkflowJson {
	return chain(id, 'bench memory node', [
		trigger(),
		{
			name: UNDER_TEST,
			type: 'n8n-nodes-vicidial-suite.vicidial',
			typeVersion: 1,
			parameters: {
				resource: 'report',
				operation: 'phoneNumberLog',
				phoneNumber: '3125550113',
				options: {},
			},
			credentials: { vicidialApi: { id: credentialId, name: credentialId } },
		},
	]);
}

export const PHONE_LOG_COLUMNS = [
	'phone_number',
	'call_date',
	'list_id',
	'length_in_sec',
	'lead_status',
	'hangup_reason',
	'call_status',
	'source_id',
	'user',
];

/** Memory: HTTP Request (the answer as text) + a Code node splitting it into one item per row. */
export function memoryHttpWorkflow(id: string, url: string, template: FormTemplate): WorkflowJson {
	const split = [
		`const columns = ${JSON.stringify(PHONE_LOG_COLUMNS)};`,
		'const out = [];',
		"for (const line of $input.first().json.data.split('\\n')) {",
		'  if (!line) continue;',
		"  const values = line.split('|');",
		'  const row = {};',
		'  columns.forEach((c, i) => { row[c] = values[i]; });',
		'  out.push({ json: row });',
		'}',
		'return out;',
	].join('\n');
	return chain(id, 'bench memory http+code', [
		trigger(),
		{ ...httpRequestNode(url, template, ''), name: 'HTTP Request' },
		{
			name: UNDER_TEST,
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: split },
		},
	]);
}
