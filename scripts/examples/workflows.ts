/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The example files and the few things importExamples and the checks read in them. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');
/** The credential every example names; importExamples creates it when given a login. */
export const EXAMPLE_CREDENTIAL = { id: 'vicidialCredential1', name: 'VICIdial account' };

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
const HTTP_TRIGGERS = new Set(['n8n-nodes-base.webhook', 'n8n-nodes-base.formTrigger']);

export function readExamples(
	only?: string[],
): Array<{ name: string; file: string; workflow: WorkflowJson }> {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({
			name: f.replace(/\.json$/, ''),
			file: path.join(EXAMPLES_DIR, f),
			workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) as WorkflowJson,
		}))
		.filter((e) => !only || only.includes(e.name));
}

/** manual when it has a Manual Trigger (a schedule may sit beside it), webhook for a Webhook or Form, trigger otherwise. */
export function kindOf(workflow: WorkflowJson): 'manual' | 'webhook' | 'trigger' {
	if (workflow.nodes.some((n) => n.type === MANUAL_TRIGGER)) return 'manual';
	if (workflow.nodes.some((n) => HTTP_TRIGGERS.has(n.type))) return 'webhook';
	return 'trigger';
}

export function settingsNode(workflow: WorkflowJson): WorkflowNode | undefined {
	return workflow.nodes.find((n) => n.name === 'Settings' && n.type === 'n8n-nodes-base.set');
}

/** A value of the Settings node (its assignments), as the example ships it. */
export function setting(workflow: WorkflowJson, name: string): unknown {
	const assignments =
		(
			settingsNode(workflow)?.parameters.assignments as
				| { assignments?: Array<{ name: string; value: unknown }> }
				| undefined
		)?.assignments ?? [];
	return assignments.find((a) => a.name === name)?.value;
}

export function setSetting(workflow: WorkflowJson, name: string, value: unknown): void {
	const assignments =
		(
			settingsNode(workflow)?.parameters.assignments as
				| { assignments?: Array<{ name: string; value: unknown }> }
				| undefined
		)?.assignments ?? [];
	const entry = assignments.find((a) => a.name === name);
	if (!entry) throw new Error(`${workflow.name}: its Settings node has no "${name}"`);
	entry.value = value;
}
