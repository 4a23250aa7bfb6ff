/**
 * n8n's node-parameter lint rules (eslint-plugin-n8n-nodes-base) on what the editor really shows:
 * the descriptions the four nodes generate from their entries, and the credential. `npm run lint`
 * only sees the source, where most fields are not written out.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { buildProperties, paramProperty } from '../../nodes/shared/properties';
import { flag, text } from '../../nodes/shared/entry';
import { records } from '../../nodes/shared/answer';
import { lintCredential, lintNodeDescription } from '../helpers/descriptionLint';

jest.setTimeout(120_000);

const nodes = [Vicidial, VicidialAgent, VicidialTrigger, VicidialCallEventTrigger];
const show = (findings: Array<{ rule: string; line: string }>) =>
	findings.map((f) => `${f.rule}: ${f.line}`);

describe("n8n's parameter rules on the generated descriptions", () => {
	test.each(nodes.map((node) => [node.name, node] as const))(
		'%s: no rule is broken',
		async (name, Node) => {
			const description = new Node().description;
			expect(description.properties.length).toBeGreaterThan(3);
			expect(show(await lintNodeDescription(name, description))).toEqual([]);
		},
	);

	test('the credential: no rule is broken', async () => {
		expect(
			show(
				await lintCredential(
					'VicidialApi',
					new VicidialApi() as unknown as Record<string, unknown>,
				),
			),
		).toEqual([]);
	});
});

describe('the check finds a broken generated field', () => {
	const base = new Vicidial().description;
	const withProperty = (property: INodeProperties): INodeTypeDescription => ({
		...base,
		properties: [...base.properties, property],
	});

	test('a boolean whose description does not start with "Whether"', async () => {
		const broken = {
			...paramProperty(
				flag('add_to_hopper', 'Add to Hopper', { description: 'Queue the lead for dialing' }),
			),
			displayOptions: { show: { resource: ['lead'] } },
		};
		const rules = (await lintNodeDescription('Vicidial', withProperty(broken))).map((f) => f.rule);
		expect(rules).toContain('n8n-nodes-base/node-param-description-boolean-without-whether');
	});

	test('a server-filled dropdown not named "... Name or ID"', async () => {
		const broken: INodeProperties = {
			displayName: 'Campaign',
			name: 'campaignPick',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'campaigns' },
			default: '',
			description: 'The campaign',
		};
		const rules = (await lintNodeDescription('Vicidial', withProperty(broken))).map((f) => f.rule);
		expect(rules).toContain('n8n-nodes-base/node-param-display-name-wrong-for-dynamic-options');
		expect(rules).toContain('n8n-nodes-base/node-param-description-wrong-for-dynamic-options');
	});

	test('an operation whose action is not in sentence case, and options out of order', async () => {
		const [, operation] = buildProperties(
			[{ value: 'lead', name: 'Lead' }],
			[
				{
					fn: 'x',
					api: 'nonAgent',
					resource: 'lead',
					operation: 'zap',
					name: 'Zap',
					action: 'Zap A Lead',
					description: 'Zaps',
					writes: false,
					params: [],
					answer: records(),
				},
			],
		);
		const unordered = {
			...operation,
			options: [
				{ name: 'Zap', value: 'zap', action: 'Zap A Lead' },
				{ name: 'Add', value: 'add', action: 'Add a lead' },
			],
		} as INodeProperties;
		const rules = (await lintNodeDescription('Vicidial', withProperty(unordered))).map(
			(f) => f.rule,
		);
		expect(rules).toContain('n8n-nodes-base/node-param-operation-option-action-miscased');
		const choices = {
			...paramProperty(text('gender', 'Gender')),
			type: 'options',
			options: ['Undefined', 'Male', 'Female', 'Diverse', 'Another'].map((name) => ({
				name,
				value: name[0],
			})),
			displayOptions: { show: { resource: ['lead'] } },
		} as INodeProperties;
		expect(
			(await lintNodeDescription('Vicidial', withProperty(choices))).map((f) => f.rule),
		).toContain('n8n-nodes-base/node-param-options-type-unsorted-items');
	});

	test('a description with one sentence and a final period, from a generated field', async () => {
		const broken = {
			...paramProperty(text('city', 'City')),
			description: 'The city.',
			displayOptions: { show: { resource: ['lead'] } },
		};
		const rules = (await lintNodeDescription('Vicidial', withProperty(broken))).map((f) => f.rule);
		expect(rules).toContain('n8n-nodes-base/node-param-description-excess-final-period');
	});

	test('a credential field with a wrong name', async () => {
		const credential = new VicidialApi() as unknown as Record<string, unknown>;
		const properties = [
			...(credential.properties as INodeProperties[]),
			{ displayName: 'API key', name: 'apiKey', type: 'string', default: '' } as INodeProperties,
		];
		const rules = (await lintCredential('VicidialApi', { ...credential, properties })).map(
			(f) => f.rule,
		);
		expect(rules.length).toBeGreaterThan(0);
	});
});
