/**
 * The three measured operations (a write, a read, an Agent command), each in the three forms the
 * bench compares: the VICIdial node's parameters, the form a raw client posts (taken from what the
 * node itself sends, so both send the same bodies), and an HTTP Request node a builder makes by hand.
 */
import type { IDataObject } from 'n8n-workflow';
import { launchSimulator } from '../../scripts/lib/simulator';
import { runNode, runVicidial } from '../../scripts/lib/n8nHarness';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { itemValues, type OpName } from './common';

export const API_USER = '6666';
export const API_PASS = '1234';
export const API_SOURCE = 'n8n';

export interface OpDef {
	name: OpName;
	/** VICIdial function name. */
	fn: string;
	path: string;
	label: string;
	nodeType: string;
	nodeName: string;
	/** The node's parameters; the item's value is `$json.v`. */
	nodeParameters(concurrency: number): IDataObject;
	/** Whether an answer text is the expected success. */
	okAnswer(text: string): boolean;
	/** Whether an output item of our node is a success. */
	okItem(json: IDataObject): boolean;
}

export const OPS: Record<OpName, OpDef> = {
	add: {
		name: 'add',
		fn: 'add_lead',
		path: '/vicidial/non_agent_api.php',
		label: 'add_lead (Lead → Add)',
		nodeType: 'n8n-nodes-vicidial-suite.vicidial',
		nodeName: 'VICIdial',
		nodeParameters: (concurrency) => ({
			resource: 'lead',
			operation: 'add',
			phoneNumber: '={{ $json.v }}',
			listId: '101',
			options: { concurrency },
		}),
		okAnswer: (text) => text.startsWith('SUCCESS: add_lead LEAD HAS BEEN ADDED'),
		okItem: (json) => typeof json.lead_id === 'number' && json.lead_id > 0,
	},
	read: {
		name: 'read',
		fn: 'lead_all_info',
		path: '/vicidial/non_agent_api.php',
		label: 'lead_all_info (Lead → Get All Info)',
		nodeType: 'n8n-nodes-vicidial-suite.vicidial',
		nodeName: 'VICIdial',
		nodeParameters: (concurrency) => ({
			resource: 'lead',
			operation: 'getAllInfo',
			leadId: '={{ $json.v }}',
			options: { concurrency },
		}),
		okAnswer: (text) => !/^(ERROR|NOTICE)/.test(text) && /[|\t]/.test(text),
		okItem: (json) => typeof json.phone_number === 'string' && json.phone_number !== '',
	},
	agent: {
		name: 'agent',
		fn: 'external_pause',
		path: '/agc/api.php',
		label: 'external_pause (Agent → Session → Pause or Resume)',
		nodeType: 'n8n-nodes-vicidial-suite.vicidialAgent',
		nodeName: 'VICIdial Agent',
		nodeParameters: (concurrency) => ({
			resource: 'session',
			operation: 'pauseOrResume',
			agentUser: '={{ $json.v }}',
			value: 'PAUSE',
			options: { concurrency },
		}),
		okAnswer: (text) => text.startsWith('SUCCESS: external_pause'),
		okItem: (json) => json.queued === true,
	},
};

/** A form per item value: what the node sends for one item, with the item's value in place. */
export interface FormTemplate {
	path: string;
	/** The form fields in the node's order; `itemKeys` change per item. */
	fields: [string, string][];
	itemKeys: string[];
	/** Requests the node sends once per run besides the per-item ones (e.g. `version`). */
	oncePerRun: string[];
}

export function formBody(template: FormTemplate, value: string): string {
	const params = new URLSearchParams();
	for (const [key, v] of template.fields)
		params.append(key, template.itemKeys.includes(key) ? value : v);
	return params.toString();
}

/**
 * Runs the node in-process (n8n harness) against a private simulator process for two items
 * and reads the bodies it sent: the raw client and the HTTP Request node then send the same ones.
 */
export async function captureForm(op: OpDef): Promise<FormTemplate> {
	const sim = await launchSimulator();
	try {
		const values = op.name === 'agent' ? ['1001', '1003'] : itemValues(op.name, 2);
		const options = {
			url: sim.url,
			user: API_USER,
			password: API_PASS,
			source: API_SOURCE,
			parameters: op.nodeParameters(1),
			items: values.map((v) => ({ v })),
		};
		const result =
			op.name === 'agent'
				? await runNode(new VicidialAgent(), 'bench capture', options)
				: await runVicidial(options);
		if (result.error)
			throw new Error(`capturing the ${op.fn} form failed: ${result.error.message}`);
		const requests = await sim.requests();
		const perItem = requests.filter((r) => r.params.function === op.fn);
		if (perItem.length !== 2)
			throw new Error(`expected 2 ${op.fn} requests, saw ${perItem.length}`);
		const forms = perItem.map((r) => [...new URLSearchParams(r.rawBody)] as [string, string][]);
		const itemKeys = forms[0]
			.filter(
				([k, v], i) => v === values[0] && forms[1][i]?.[0] === k && forms[1][i][1] === values[1],
			)
			.map(([k]) => k);
		if (itemKeys.length === 0)
			throw new Error(`could not find the item field of ${op.fn} in ${perItem[0].rawBody}`);
		return {
			path: perItem[0].path,
			fields: forms[0],
			itemKeys,
			oncePerRun: requests
				.filter((r) => r.params.function !== op.fn)
				.map((r) => r.params.function ?? '?'),
		};
	} finally {
		await sim.close();
	}
}
