import { Workflow, type INode, type INodeProperties } from 'n8n-workflow';
import { defaultTypeName, ensureN8nRuntime } from '../helpers/n8n';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { camelName } from '../../nodes/shared/entry';

const properties = new Vicidial().description.properties;

const shownFor = (p: INodeProperties, resource: string, operation: string) =>
	(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
	(p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation);

describe('node properties follow from the entries', () => {
	test('every entry is an operation of its resource, with its action', () => {
		for (const spec of nonAgentFunctions) {
			const operation = properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[]).includes(spec.resource),
			);
			expect(operation?.options).toContainEqual(
				expect.objectContaining({ value: spec.operation, name: spec.name, action: spec.action }),
			);
		}
	});

	test('required parameters are top-level and required; the others sit in Additional Fields (Lead Fields), dialer controls in Dialing Options', () => {
		for (const spec of nonAgentFunctions) {
			const mine = properties.filter((p) => shownFor(p, spec.resource, spec.operation));
			for (const param of spec.params) {
				const name = camelName(param.name);
				if (param.required || param.main) {
					const property = mine.find((p) => p.name === name);
					expect(property).toBeDefined();
					expect(property?.required ?? false).toBe(param.required ?? false);
				} else {
					const collection = mine.find(
						(p) => p.name === (param.group === 'dialing' ? 'dialingOptions' : 'additionalFields'),
					);
					expect((collection?.options as INodeProperties[]).map((o) => o.name)).toContain(name);
				}
			}
		}
	});

	test('Y/N switches are booleans, limits and the VICIdial name are in the help', () => {
		const dialingOptions = properties.find(
			(p) => p.name === 'dialingOptions' && shownFor(p, 'lead', 'add'),
		)!;
		const hopper = (dialingOptions.options as INodeProperties[]).find(
			(o) => o.name === 'addToHopper',
		)!;
		expect(hopper.type).toBe('boolean');
		const firstName = properties.find((p) => p.name === 'firstName' && shownFor(p, 'lead', 'add'))!;
		expect(firstName.description).toMatch(/Up to 30 characters\. VICIdial field: first_name\./);
	});

	test("Lead → Add: the lead's data under Lead Fields, dialer controls under Dialing Options", () => {
		const shown = properties.filter((p) => shownFor(p, 'lead', 'add'));
		const names = (name: string) =>
			((shown.find((p) => p.name === name)?.options ?? []) as INodeProperties[]).map(
				(o) => o.displayName,
			);
		expect(shown.find((p) => p.name === 'additionalFields')?.displayName).toBe('Lead Fields');
		expect(shown.find((p) => p.name === 'dialingOptions')?.displayName).toBe('Dialing Options');
		expect(names('additionalFields')).toEqual(
			expect.arrayContaining(['City', 'Email', 'Postal Code', 'Comments', 'Vendor Lead Code']),
		);
		expect(names('dialingOptions')).toEqual(
			expect.arrayContaining([
				'Add to Hopper',
				'NANPA Prefix Check',
				'Schedule Callback',
				'Time Zone Method',
				'Duplicate Check',
				'DNC Check',
			]),
		);
		expect(names('additionalFields')).not.toEqual(expect.arrayContaining(['Add to Hopper']));
		expect(names('dialingOptions')).not.toEqual(expect.arrayContaining(['City']));
		// operations without dialer controls keep "Additional Fields"
		expect(
			properties.find((p) => p.name === 'additionalFields' && shownFor(p, 'list', 'update'))
				?.displayName,
		).toBe('Additional Fields');
	});

	test('search operations offer an empty result instead of an error', () => {
		const options = properties.find(
			(p) => p.name === 'options' && shownFor(p, 'lead', 'searchByPhone'),
		)!;
		expect((options.options as INodeProperties[]).map((o) => o.name)).toContain('emptyOnNoRecords');
		const addOptions = properties.find((p) => p.name === 'options' && shownFor(p, 'lead', 'add'))!;
		expect((addOptions.options as INodeProperties[]).map((o) => o.name)).not.toContain(
			'emptyOnNoRecords',
		);
	});

	test('add_lead takes custom fields by label', () => {
		expect(
			properties.find((p) => p.name === 'customFieldsUi' && shownFor(p, 'lead', 'add')),
		).toBeDefined();
	});

	test('options of every collection are in alphabetical order (n8n lint rule)', () => {
		for (const property of properties.filter((p) => p.type === 'collection')) {
			const names = (property.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});

describe('the canvas subtitle', () => {
	test('shows display names, evaluated by n8n as the canvas does', () => {
		ensureN8nRuntime();
		const node = new Vicidial();
		const trigger: INode = {
			id: 'n',
			name: 'VICIdial',
			type: defaultTypeName(node),
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource: 'lead', operation: 'searchByPhone' },
		};
		const nodeTypes = {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		} as never;
		const workflow = new Workflow({ nodes: [trigger], connections: {}, active: false, nodeTypes });
		expect(
			workflow.expression.getSimpleParameterValue(
				trigger,
				node.description.subtitle!,
				'internal',
				{},
			),
		).toBe('Search by Phone: Lead');
	});
});
