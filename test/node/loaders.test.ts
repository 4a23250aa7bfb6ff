/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The dropdowns of both nodes (methods.loadOptions), called the way the editor calls them: with
 * n8n-core's real LoadOptionsContext (test/helpers/n8n loadOptions), credentials through the
 * harness's credentials helper, against the simulator and (when VICIDIAL_REAL_URL is set) the
 * genuine server. Plus the bookkeeping: every loader reads a real entry's real columns, and every
 * `load:` an entry names is either a dropdown or knowingly a plain field.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { LOADERS, loaderEntry } from '../../nodes/shared/loaders';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { agentFunctions } from '../../nodes/shared/functions/agent';
import type { ParsedRecord } from '../../nodes/shared/parse';
import type { FunctionEntry, LoaderName } from '../../nodes/shared/entry';
import { loadOptions } from '../helpers/n8n';
import { capture } from '../support/capture';
import { enableCustomFields, runSql } from '../support/customFields';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';

/**
 * `load:` values with no dropdown, on purpose. Lists are listed only by list_custom_fields, which
 * refuses while custom list fields are off (VICIdial's default), so a List ID is no dropdown but a
 * resource locator (test/node/listLocator.test.ts). Statuses, users and user groups have no
 * `load` at all: VICIdial 2.14's Non-Agent API has no function that lists them (user_details needs
 * one user, user_group_status needs the groups, agent_campaigns one user; checked in
 * NON-AGENT_API.txt and non_agent_api.php), so they stay typed, validated fields.
 */
const PLAIN: LoaderName[] = ['lists'];

/** The answer columns an entry's parser names. */
function answerColumns(spec: FunctionEntry): string[] {
	const answer = spec.answer;
	if ('delimiter' in answer || ['htmlTable', 'pairs', 'lines'].includes(answer.shape))
		return answer.fields.map((f) => f.name);
	throw new Error(`${spec.fn}: a loader cannot read a '${answer.shape}' answer`);
}

/** The record fields a label or description function reads. */
function fieldsRead(read: (record: ParsedRecord) => unknown): string[] {
	const seen: string[] = [];
	const record = new Proxy({} as ParsedRecord, {
		get(_target, key) {
			if (typeof key === 'string') seen.push(key);
			return 'x';
		},
	});
	read(record);
	return [...new Set(seen)];
}

const loadsOf = (specs: FunctionEntry[]) =>
	specs.flatMap((spec) =>
		spec.params
			.filter((p) => p.load)
			.map((p) => ({ fn: spec.fn, param: p.name, load: p.load as LoaderName })),
	);

/** Every editor field, nested collections included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => [
		p,
		...allProperties(
			((p.options ?? []) as INodeProperties[]).filter((o) => typeof o === 'object' && 'type' in o),
		),
		...((p.options ?? []) as Array<{ values?: INodeProperties[] }>).flatMap((o) =>
			allProperties(o.values ?? []),
		),
	]);
}

describe('dropdown loaders: definitions', () => {
	test.each(Object.entries(LOADERS))(
		'%s reads an existing entry and columns of its answer',
		(_name, definition) => {
			const spec = loaderEntry(definition!);
			expect(spec.api).toBe('nonAgent');
			expect(spec.writes).toBe(false);
			const columns = answerColumns(spec);
			expect(columns).toContain(definition!.value);
			for (const field of fieldsRead(definition!.label)) expect(columns).toContain(field);
			for (const field of definition!.description ? fieldsRead(definition!.description) : [])
				expect(columns).toContain(field);
			// the values it sends are parameters of that entry
			for (const name of Object.keys(definition!.values ?? {}))
				expect(spec.params.map((p) => p.name)).toContain(name);
		},
	);

	test('the loaders are the ones expected: campaigns, in-groups, agents', () => {
		expect(Object.keys(LOADERS).sort()).toEqual(['agents', 'campaigns', 'inGroups']);
		expect(
			Object.fromEntries(Object.entries(LOADERS).map(([name, d]) => [name, loaderEntry(d!).fn])),
		).toEqual({
			campaigns: 'campaigns_list',
			inGroups: 'ingroup_list',
			agents: 'logged_in_agents',
		});
	});

	test.each([
		['VICIdial', new Vicidial(), nonAgentFunctions, ['customFields']],
		['VICIdial Agent', new VicidialAgent(), agentFunctions, []],
	] as Array<[string, INodeType, FunctionEntry[], string[]]>)(
		'%s node: every load has a loader or is knowingly a plain field',
		(_node, node, specs, extra) => {
			const methods = Object.keys(node.methods?.loadOptions ?? {}).sort();
			expect(methods).toEqual([...Object.keys(LOADERS), ...extra].sort());
			const uses = loadsOf(specs);
			expect(uses.length).toBeGreaterThan(0);
			const unknown = uses.filter(
				(u) => !(u.load in LOADERS) && !PLAIN.includes(u.load) && !extra.includes(u.load),
			);
			expect(unknown).toEqual([]);
			// what the editor shows: a dropdown exactly for the loaders the node has
			const properties = allProperties(node.description.properties);
			for (const property of properties) {
				const method = property.typeOptions?.loadOptionsMethod as string | undefined;
				if (method) expect(methods).toContain(method);
			}
			const dropdowns = new Set(
				properties
					.map((p) => p.typeOptions?.loadOptionsMethod as string | undefined)
					.filter((m) => m),
			);
			for (const load of new Set(uses.map((u) => u.load)))
				expect(dropdowns.has(load)).toBe(load in LOADERS || extra.includes(load));
		},
	);

	test('the plain loads are used and typed', () => {
		const used = new Set(
			[...loadsOf(nonAgentFunctions), ...loadsOf(agentFunctions)].map((u) => u.load),
		);
		for (const load of PLAIN) expect(used.has(load)).toBe(true);
	});
});

const WRONG_PASSWORD = 'Wr0ngPass-77';

describe.each(targetNames)('dropdowns against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());

	const load = async (
		method: string,
		options: { node?: INodeType; password?: string; parameters?: Record<string, unknown> } = {},
	): Promise<INodePropertyOptions[]> => {
		try {
			const result = await loadOptions({
				nodeType: options.node ?? new Vicidial(),
				credentialTypes: [new VicidialApi()],
				credentials: {
					vicidialApi: {
						serverUrl: target.url,
						apiUser: '6666',
						password: options.password ?? '1234',
						source: 'n8n',
					},
				},
				parameters: (options.parameters ?? {}) as never,
				method,
			});
			capture('dropdown options', result);
			return result;
		} catch (error) {
			capture('dropdown error', {
				message: (error as Error).message,
				description: (error as { description?: string }).description,
			});
			throw error;
		}
	};
	const failure = async (promise: Promise<unknown>) => {
		const error = await promise.then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error).toBeDefined();
		return error!;
	};

	const CAMPAIGNS = [
		{ name: 'Test Campaign (TESTCAMP)', value: 'TESTCAMP', description: 'Active: Y' },
	];
	const IN_GROUPS = [
		{ name: 'Agent Direct Queue for Chats (AGENTDIRECT_CHAT)', value: 'AGENTDIRECT_CHAT' },
		{ name: 'Single Agent Direct Queue (AGENTDIRECT)', value: 'AGENTDIRECT' },
		{ name: 'Test In-Group (TESTIN)', value: 'TESTIN' },
	];
	const AGENTS = [
		{ name: 'Agent One (1001)', value: '1001', description: 'PAUSED · TESTCAMP' },
		{ name: 'Agent Three (1003)', value: '1003', description: 'INCALL · TESTCAMP' },
	];

	test('Campaigns: the seed campaign, named, with its active flag', async () => {
		expect(await load('campaigns')).toEqual(CAMPAIGNS);
	});

	test('In-Groups: every in-group, by name', async () => {
		expect(await load('inGroups')).toEqual(IN_GROUPS);
	});

	test('Agents: the logged-in agents with status and campaign', async () => {
		expect(await load('agents')).toEqual(AGENTS);
	});

	test('Agents: nobody logged in gives an empty list, not an error', async () => {
		if (target.sim) target.sim.state.db.t('vicidial_live_agents').delete(() => true);
		else runSql('DELETE FROM vicidial_live_agents;');
		expect(await load('agents')).toEqual([]);
	});

	test('the VICIdial Agent node offers the same dropdowns', async () => {
		const node = new VicidialAgent();
		expect(await load('agents', { node })).toEqual(AGENTS);
		expect(await load('inGroups', { node })).toEqual(IN_GROUPS);
		expect(await load('campaigns', { node })).toEqual(CAMPAIGNS);
	});

	test('Custom Fields: a clear error while custom list fields are off', async () => {
		const fields = await failure(load('customFields', { parameters: { listId: '101' } }));
		expect(fields.message).toBe(
			'Could not load the custom fields of list 101: VICIdial: ERROR: CUSTOM LIST FIELDS ARE NOT ENABLED ON THIS SYSTEM: |6666|list_custom_fields|',
		);
	});

	test('Custom Fields once custom list fields are on', async () => {
		enableCustomFields(target);
		const fieldsOf101 = ['contract_no', 'fav_color', 'notes_cf'].map((label) => ({
			name: label,
			value: label,
			description: 'Custom field of list 101',
		}));
		// the node's List ID picks the list; without one, the fields of every list
		expect(await load('customFields', { parameters: { listId: '101' } })).toEqual(fieldsOf101);
		expect(await load('customFields', { parameters: {} })).toEqual(fieldsOf101);
		expect(await load('customFields', { parameters: { listId: '102' } })).toEqual([]);
		expect(
			await load('customFields', { parameters: { additionalFields: { listId: '101' } } }),
		).toEqual(fieldsOf101);
		// the List ID as the editor stores it now: a resource locator
		expect(
			await load('customFields', {
				parameters: { listId: { __rl: true, mode: 'id', value: '102' } },
			}),
		).toEqual([]);
		expect(
			await load('customFields', {
				parameters: { listId: { __rl: true, mode: 'list', value: '101' } },
			}),
		).toEqual(fieldsOf101);
	});

	test.each(['campaigns', 'inGroups', 'agents', 'customFields'])(
		'%s with a wrong password: a clear error without the password',
		async (method) => {
			const error = await failure(load(method, { password: WRONG_PASSWORD }));
			const text = `${error.message}\n${error.description ?? ''}`;
			expect(text).toContain('Login incorrect, please try again: |6666|[redacted]|BAD|');
			expect(error.description).toBe(
				'VICIdial did not accept the API user and password. Check them in the credential; the Non-Agent API also needs an active user with user level 7 or higher.',
			);
			expect(text).not.toContain(WRONG_PASSWORD);
			expect(JSON.stringify(error)).not.toContain(WRONG_PASSWORD);
		},
	);

	test('an unreachable server: an error, not an empty dropdown', async () => {
		const url = target.url;
		try {
			target.url = 'http://127.0.0.1:9';
			const error = await failure(load('campaigns'));
			expect(error.message).not.toBe('');
		} finally {
			target.url = url;
		}
	});
});
