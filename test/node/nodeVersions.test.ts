/**
 * A raised node version keeps the old one running: a workflow saved at version 1 (Address 1 among
 * the Lead Fields) and one saved at version 2 (Address 1 as a main field) both send it.
 */
import type { IDataObject } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { NodeVersions, withParams } from '../../nodes/shared/versioning';
import { executeNode } from '../helpers/n8n';
import { startSimulator } from '../simulator/server';
import type { Simulator } from '../simulator/server';

describe('a node with a raised version', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	const node = Vicidial.withVersions(
		new NodeVersions({
			1: nonAgentFunctions,
			2: withParams(nonAgentFunctions, { 'lead/add': { address1: { main: true } } }),
		}),
	);
	const add = async (typeVersion: number, fields: IDataObject) => {
		const before = sim.requests.length;
		const result = await executeNode({
			nodeType: node,
			typeVersion,
			credentialTypes: [new VicidialApi()],
			credentials: {
				vicidialApi: { serverUrl: sim.url, apiUser: '6666', password: '1234', source: 'n8n' },
			},
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '3125550177',
				listId: '101',
				...fields,
			},
		});
		const sent = sim.requests
			.slice(before)
			.filter((r) => r.params.function === 'add_lead')
			.map((r) => r.params.address1);
		const rows = sim.state.db.tables.get('vicidial_list')?.rows ?? [];
		const stored = result.items.map(
			(i) => rows.find((r) => r.lead_id === String(i.json.lead_id))?.address1,
		);
		return { error: result.error?.message, sent, stored };
	};

	test('version 1 reads Address 1 from the Lead Fields, as workflows saved with it store it', async () => {
		expect(await add(1, { additionalFields: { address1: '1 Main St' } })).toEqual({
			error: undefined,
			sent: ['1 Main St'],
			stored: ['1 Main St'],
		});
	});

	test('version 2 reads it from its main field', async () => {
		expect(await add(2, { address1: '2 Main St' })).toEqual({
			error: undefined,
			sent: ['2 Main St'],
			stored: ['2 Main St'],
		});
	});

	test('version 2 does not read the version 1 place: this is what a version protects against', async () => {
		expect(await add(2, { additionalFields: { address1: '3 Main St' } })).toEqual({
			error: undefined,
			sent: [undefined],
			stored: [''],
		});
	});

	test('a version the node never had is refused before anything is sent', async () => {
		const outcome = await add(3, { address1: '4 Main St' });
		expect(outcome.sent).toEqual([]);
		expect(outcome.error).toBe(
			'The operation "add" of "lead" is not supported by this node version.',
		);
	});
});
