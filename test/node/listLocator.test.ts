/**
 * List IDs as resource locators: what the editor offers ("By ID" checked by a regex, "From List"
 * through methods.listSearch), and that a run reads the ID out of either stored shape, the
 * resource locator the editor saves now and the plain string older workflows, examples and
 * expressions hold, against the simulator and (when VICIDIAL_REAL_URL is set) the genuine server.
 */
import type { IDataObject, INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { camelName } from '../../nodes/shared/entry';
import { listSearch } from '../helpers/n8n';
import { enableCustomFields } from '../support/customFields';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, runVicidial } from './run';

const node = new Vicidial();
const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

/** Every editor field, nested collections included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...allProperties(
			((p.options ?? []) as INodeProperties[]).filter((o) => typeof o === 'object' && 'type' in o),
		),
	]);
}

describe('List ID fields in the editor', () => {
	const properties = allProperties(node.description.properties);
	const listParams = nonAgentFunctions.flatMap((spec) =>
		spec.params.filter((p) => p.load === 'lists').map((p) => ({ spec, param: p })),
	);

	/** The fields n8n shows for one entry: its top-level ones and those in its collections. */
	const shownFor = (resource: string, operation: string) =>
		node.description.properties
			.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes(resource) &&
					p.displayOptions?.show?.operation?.includes(operation),
			)
			.flatMap((p) => [
				p,
				...((p.options ?? []) as INodeProperties[]).filter(
					(o) => typeof o === 'object' && 'type' in o,
				),
			]);

	test('every list parameter of every entry is a resource locator', () => {
		expect(listParams.length).toBeGreaterThanOrEqual(12);
		for (const { spec, param } of listParams) {
			const shown = shownFor(spec.resource, spec.operation).filter(
				(p) => p.name === camelName(param.name),
			);
			expect({ fn: spec.fn, name: param.name, types: shown.map((p) => p.type) }).toEqual({
				fn: spec.fn,
				name: param.name,
				types: ['resourceLocator'],
			});
		}
		// the only list ID still typed freely: the ID of a list yet to be created
		const typed = properties.filter(
			(p) => /List ID|of List$/.test(p.displayName) && p.type !== 'resourceLocator',
		);
		expect(typed.map((p) => [p.displayName, p.displayOptions?.show?.operation])).toEqual([
			['List ID', ['add']],
		]);
	});

	test("modes: From List through the node's list search, By ID with a regex that names the field", () => {
		const listId = properties.find(
			(p) => p.name === 'listId' && p.type === 'resourceLocator' && p.required,
		)!;
		expect(listId.default).toEqual({ mode: 'id', value: '' });
		const [fromList, byId] = listId.modes!;
		expect(fromList).toMatchObject({
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchLists', searchable: true },
		});
		expect(Object.keys(node.methods?.listSearch ?? {})).toEqual(['searchLists']);
		expect(byId).toMatchObject({
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '101',
		});
		for (const property of properties.filter((p) => p.type === 'resourceLocator')) {
			const validation = property.modes![1].validation![0] as INodePropertyModeValidation & {
				properties: { regex: string; errorMessage: string };
			};
			const regex = new RegExp(validation.properties.regex);
			expect(regex.test('101')).toBe(true);
			expect(regex.test('10a1')).toBe(false);
			expect(validation.properties.errorMessage.startsWith(property.displayName)).toBe(true);
		}
	});

	test('one By ID regex for every list field (n8n checks it on hidden fields of the same name too)', () => {
		const regexes = new Set(
			properties
				.filter((p) => p.type === 'resourceLocator')
				.map(
					(p) =>
						(p.modes![1].validation![0] as unknown as { properties: { regex: string } }).properties
							.regex,
				),
		);
		expect([...regexes]).toEqual(['^(\\d+|---ALL---)$']);
	});
});

describe.each(targetNames)('List ID as a resource locator against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());

	const search = (filter?: string) =>
		listSearch({
			nodeType: new Vicidial(),
			credentialTypes: [new VicidialApi()],
			credentials: {
				vicidialApi: { serverUrl: target.url, apiUser: '6666', password: '1234', source: 'n8n' },
			},
			parameters: {} as never,
			method: 'searchLists',
			filter,
		});

	test('From List where custom list fields are off: a clear error that points to By ID', async () => {
		const error = await search().then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error?.message).toBe('This VICIdial cannot list its lists (custom list fields are off)');
		expect(error?.description).toBe(
			'VICIdial names its lists only while custom list fields are on (System Settings). Choose "By ID" and type the list ID (e.g. 101).',
		);
	});

	test('From List once custom list fields are on: every list, by name, and the filter narrows it', async () => {
		enableCustomFields(target);
		expect(await search()).toEqual({
			results: [
				{ name: 'Default inbound list (999)', value: '999' },
				{ name: 'Default Manual list (998)', value: '998' },
				{ name: 'Test list 101 (101)', value: '101' },
				{ name: 'Test list 102 (102)', value: '102' },
			],
		});
		expect(await search('list 10')).toEqual({
			results: [
				{ name: 'Test list 101 (101)', value: '101' },
				{ name: 'Test list 102 (102)', value: '102' },
			],
		});
		expect(await search('(998)')).toEqual({
			results: [{ name: 'Default Manual list (998)', value: '998' }],
		});
		expect(await search('nothing like it')).toEqual({ results: [] });
	});

	test('a run reads the same ID from a resource locator, a plain string and an expression', async () => {
		const add = (
			listId: string | IDataObject,
			phoneNumber: string,
			additionalFields: IDataObject = {},
		) =>
			runVicidial({
				url: target.url,
				parameters: { resource: 'lead', operation: 'add', phoneNumber, listId, additionalFields },
			});
		const byId = json(await add(rl('101'), '3125550301', { entryListId: rl('101') }));
		const fromList = json(await add(rl('101', 'list'), '3125550302'));
		const plain = json(await add('101', '3125550303', { entryListId: '101' }));
		const expression = json(await add(rl('={{ 100 + 1 }}'), '3125550304'));
		for (const items of [byId, fromList, plain, expression])
			expect(items).toEqual([expect.objectContaining({ list_id: 101 })]);
	});

	test("not digits By ID: n8n refuses to run, with the field's message, before any request", async () => {
		const before = target.sim?.requests.length ?? 0;
		const result = await runVicidial({
			url: target.url,
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '3125550305',
				listId: rl('1x1'),
			},
		}).then(
			(r) => r.error,
			(e: unknown) => e as Error,
		);
		expect(result?.message).toContain('List ID must be a list ID (digits, e.g. 101)');
		if (target.sim) expect(target.sim.requests.length).toBe(before);
	});

	test('a list ID too short for the entry: the error names the item and the field, before any request', async () => {
		const before = target.sim?.requests.length ?? 0;
		const result = await runVicidial({
			url: target.url,
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '3125550306',
				listId: rl('12'),
			},
		});
		expect(result.error?.message).toMatch(/List ID/);
		expect(
			`${result.error?.message} ${(result.error as { description?: string })?.description ?? ''}`,
		).toMatch(/item/i);
		if (target.sim) expect(target.sim.requests.length).toBe(before);
	});

	test('Get Custom Fields takes ---ALL--- By ID', async () => {
		enableCustomFields(target);
		const lists = json(
			await runVicidial({
				url: target.url,
				parameters: { resource: 'list', operation: 'getCustomFields', listId: rl('---ALL---') },
			}),
		);
		expect(lists.map((l) => l.list_id)).toContain(101);
	});
});
