/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * examples/*.json as the editor would load them: every parameter of our nodes is one the node
 * shows for the example's resource and operation (a renamed or regrouped field fails here, not in
 * a user's editor), the credential is the one named in the README, and no secret ships.
 * Running them in a real n8n is scripts/examples (checkExamples, in the demo's --check).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodeType, INodeParameters, INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { effectiveToken } from '../../nodes/VicidialCallEventTrigger/callEvents';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { EXAMPLE_CREDENTIAL, kindOf, readExamples, setting } from '../../scripts/examples';

const OUR_NODES: Record<string, INodeType> = {
	'n8n-nodes-vicidial-suite.vicidial': new Vicidial(),
	'n8n-nodes-vicidial-suite.vicidialAgent': new VicidialAgent(),
	'n8n-nodes-vicidial-suite.vicidialTrigger': new VicidialTrigger(),
	'n8n-nodes-vicidial-suite.vicidialCallEventTrigger': new VicidialCallEventTrigger(),
};
const examples = readExamples();

/** Keys of a parameter value the node would not show (n8n's own display rules), with their path. */
function hiddenKeys(
	properties: INodeProperties[],
	values: INodeParameters,
	node: INode,
	type: INodeType,
	prefix = '',
): string[] {
	const shown =
		NodeHelpers.getNodeParameters(properties, values, true, false, node, type.description) ?? {};
	const hidden: string[] = [];
	for (const [key, value] of Object.entries(values)) {
		// n8n adds the poll times to every polling node itself.
		if (key === 'pollTimes' && type.description.polling) continue;
		const property = properties.find((p) => p.name === key && key in shown);
		if (!property) {
			hidden.push(prefix + key);
			continue;
		}
		// A resource locator keeps {__rl, mode, value}: a bare ID would not load in the editor.
		if (
			property.type === 'resourceLocator' &&
			(typeof value !== 'object' || value === null || !('__rl' in value))
		)
			hidden.push(`${prefix}${key} (not a resource locator value)`);
		if (property.type === 'collection' && value && typeof value === 'object') {
			const options = (property.options ?? []) as INodeProperties[];
			for (const inner of Object.keys(value))
				if (!options.some((o) => o.name === inner)) hidden.push(`${prefix}${key}.${inner}`);
		}
	}
	return hidden;
}

describe('examples/*.json', () => {
	test('there are the seven examples of issue 13', () => {
		expect(examples.map((e) => e.name).sort()).toEqual([
			'agent-paused-too-long-alert',
			'chat-pause-resume-agent',
			'crm-contact-to-lead',
			'csv-file-to-leads',
			'daily-disposition-report',
			'sale-disposition-notify',
			'web-form-to-lead',
		]);
	});

	describe.each(examples.map((e) => [e.name, e] as const))('%s', (_name, { workflow }) => {
		test('is a workflow n8n imports: an ID of 16 letters and digits, unique node names, connections between its nodes', () => {
			expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
			const names = workflow.nodes.map((n) => n.name);
			expect(new Set(names).size).toBe(names.length);
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(names).toContain(from);
				for (const output of (outputs as { main: Array<Array<{ node: string }>> }).main)
					for (const link of output) expect(names).toContain(link.node);
			}
		});

		test('has a sticky note saying what to set', () => {
			const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
			expect(notes).toHaveLength(1);
			expect(String(notes[0].parameters.content)).toMatch(/Set up/);
		});

		test('every parameter of a VICIdial node is one the node shows for these settings', () => {
			for (const node of workflow.nodes.filter((n) => n.type in OUR_NODES)) {
				const type = OUR_NODES[node.type];
				const asNode = {
					...node,
					parameters: node.parameters as INodeParameters,
				} as unknown as INode;
				expect({
					node: node.name,
					hidden: hiddenKeys(
						type.description.properties,
						node.parameters as INodeParameters,
						asNode,
						type,
					),
				}).toEqual({ node: node.name, hidden: [] });
				expect(node.typeVersion).toBe(type.description.version);
			}
		});

		test('every VICIdial node that needs a credential names "VICIdial account"', () => {
			for (const node of workflow.nodes.filter(
				(n) =>
					n.type in OUR_NODES && n.type !== 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger',
			)) {
				expect(node.credentials).toEqual({ vicidialApi: EXAMPLE_CREDENTIAL });
			}
		});

		test("a notification goes to the Settings node's notifyUrl, a Slack incoming-webhook URL by default", () => {
			const posts = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.httpRequest');
			for (const post of posts)
				expect(post.parameters.url).toMatch(/\$\('Settings'\)\.(item|first\(\))\.json\.notifyUrl/);
			if (posts.length > 0)
				expect(setting(workflow, 'notifyUrl')).toMatch(/^https:\/\/hooks\.slack\.com\/services\//);
		});

		test('ships no secret: a call event trigger has no token, and none can be derived from its node ID', () => {
			for (const node of workflow.nodes.filter(
				(n) => n.type === 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger',
			)) {
				expect(node.parameters.token ?? '').toBe('');
				expect(effectiveToken('', node.id)).toBe('');
			}
		});

		test('starts by hand, by an HTTP request or by a trigger, as checkExamples runs it', () => {
			expect(['manual', 'webhook', 'trigger']).toContain(kindOf(workflow));
		});
	});

	test('the README links each example with an absolute GitHub URL (works on npm)', () => {
		const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
		for (const { name } of examples)
			expect(readme).toContain(
				`https://github.com/n8n-nodes-vicidial-suite/n8n-nodes-vicidial-suite/blob/main/examples/${name}.json`,
			);
	});
});
