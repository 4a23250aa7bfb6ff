/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTestServer } from '../helpers/http-server';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const addLead = (fields: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'add',
	phoneNumber: '3125550177',
	listId: '101',
	...fields,
});
const searchByPhone = (phoneNumber: string, options: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'searchByPhone',
	phoneNumber,
	options,
});

// The same tests, with the same expected values, against the simulator and (in CI) the real server.
describe.each(targetNames)('VICIdial node against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test('System → Get Version: typed fields and the server time in ISO form', async () => {
		const result = await run({ parameters: { resource: 'system', operation: 'getVersion' } });
		expect(json(result)).toEqual([
			expect.objectContaining({
				version: '2.14-202',
				build: '250720-1841',
				dst: 0,
				tz: 0,
				tznow: 0,
				epoch: expect.any(Number),
				date_iso: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/),
			}),
		]);
	});

	test('Lead → Add: the lead is added and its fields and message returned', async () => {
		const result = await run({ parameters: addLead({ firstName: 'Ann', lastName: 'Lee' }) });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				phone_number: '3125550177',
				list_id: 101,
				lead_id: 16,
				gmt_offset: '',
				user: '6666',
				message: 'LEAD HAS BEEN ADDED',
				notices: [],
			},
		]);
	});

	test('Lead → Add: data that contains the password (1234) is not redacted', async () => {
		const [item] = json(
			await run({ parameters: addLead({ phoneNumber: '3125551234', firstName: 'Ann1234' }) }),
		);
		expect(item).toMatchObject({ phone_number: '3125551234', lead_id: 16 });
		expect(json(await run({ parameters: searchByPhone('3125551234') }))).toEqual([
			{ search_key: '3125551234', records_found: 1, lead_ids: [16] },
		]);
	});

	test('Lead → Add: NOTICE lines are kept', async () => {
		const [item] = json(
			await run({ parameters: addLead({ dialingOptions: { addToHopper: true } }) }),
		);
		expect(item.lead_id).toBe(16);
		expect(item.notices).toEqual([
			expect.objectContaining({
				message: expect.stringMatching(/HOPPER/),
				text: expect.stringMatching(/^NOTICE: add_lead /),
			}),
		]);
	});

	test('Lead → Add with alt phones: the lead and every line VICIdial printed', async () => {
		const [item] = json(
			await run({
				parameters: addLead({
					additionalFields: { multiAltPhones: '7275551212_1_work!7275551213_1_sister house' },
				}),
			}),
		);
		expect(item).toMatchObject({
			lead_id: 16,
			notices: [expect.objectContaining({ message: 'MULTI-ALT-PHONE NUMBERS LOADED' })],
			otherLines: [expect.stringContaining('7275551212|1|work')],
		});
	});

	test('Lead → Add, then Search by Phone finds it', async () => {
		await run({ parameters: addLead() });
		expect(json(await run({ parameters: searchByPhone('3125550177') }))).toEqual([
			{ search_key: '3125550177', records_found: 1, lead_ids: [16] },
		]);
	});

	test('bad input stops the node before any request, naming item and field', async () => {
		const result = await run({
			parameters: addLead({ phoneNumber: '={{ $json.phone }}' }),
			items: [{ phone: '3125550177' }, { phone: '312555CALL' }, { phone: '3125550178' }],
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 2: "Phone Number" must contain only digits, got "312555CALL"',
		);
		// Nothing was added: the first valid item was not sent either.
		const search = await run({
			parameters: searchByPhone('3125550177', { emptyOnNoRecords: true }),
		});
		expect(search.items).toEqual([]);
	});

	test('Continue On Fail: the bad item becomes an error item, the others go on, in order', async () => {
		const result = await run({
			parameters: addLead({ phoneNumber: '={{ $json.phone }}' }),
			items: [{ phone: '3125550177' }, { phone: '312555CALL' }, { phone: '3125550178' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2]);
		const [first, second, third] = json(result);
		expect(first).toMatchObject({ phone_number: '3125550177', message: 'LEAD HAS BEEN ADDED' });
		expect(second).toEqual({
			error: 'Item 2: "Phone Number" must contain only digits, got "312555CALL"',
			hint: expect.stringContaining('Nothing was sent'),
			errorKind: 'invalidInput',
			outcome: 'not_sent',
		});
		expect(third).toMatchObject({ phone_number: '3125550178', message: 'LEAD HAS BEEN ADDED' });
		// sent in parallel: which one VICIdial numbered first is up to the server
		expect([first.lead_id, third.lead_id].sort()).toEqual([16, 17]);
	});

	test("VICIdial's duplicate error, with a hint, as an error item", async () => {
		const result = await run({
			parameters: addLead({
				phoneNumber: '3125550113',
				dialingOptions: { duplicateCheck: ['DUPLIST'] },
			}),
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error:
					'Item 1: VICIdial: ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550113|101|13',
				hint: expect.stringMatching(/duplicate/),
				errorKind: 'duplicate',
				outcome: 'refused',
			},
		]);
	});

	test('a function the user may not call is a NodeApiError with a hint', async () => {
		const result = await run({ user: '6667', parameters: addLead() });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|add_lead|',
		);
		expect((result.error as NodeApiError).description).toMatch(/API Allowed Functions/);
	});

	test('a missing right is a permission error', async () => {
		const result = await run({ user: '6668', parameters: addLead(), continueOnFail: true });
		expect(json(result)[0]).toMatchObject({
			errorKind: 'permission',
			error: expect.stringMatching(/PERMISSION TO ADD LEADS/),
		});
	});

	test('a wrong password is reported without the password VICIdial echoes', async () => {
		const result = await run({ user: '6699', password: 'Wr0ngCanary', parameters: addLead() });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: Login incorrect, please try again: |6699|[redacted]|BAD|',
		);
		expect(JSON.stringify(result.errorData)).not.toContain('Wr0ngCanary');
	});

	test('Search by Phone: several numbers', async () => {
		expect(json(await run({ parameters: searchByPhone('3125550113, 3125550114') }))).toEqual([
			{ search_key: '3125550113', records_found: 1, lead_ids: [13] },
			{ search_key: '3125550114', records_found: 1, lead_ids: [14] },
		]);
	});

	test('Search by Vendor Lead Code', async () => {
		expect(
			json(
				await run({
					parameters: {
						resource: 'lead',
						operation: 'searchByVendorCode',
						vendorLeadCode: 'VLC12,VLC15',
					},
				}),
			),
		).toEqual([
			{ search_key: 'VLC12', records_found: 1, lead_ids: [12] },
			{ search_key: 'VLC15', records_found: 1, lead_ids: [15] },
		]);
	});

	test('"no matches" is an error, or no items when asked', async () => {
		const failing = await run({ parameters: searchByPhone('3125559999') });
		expect(failing.error?.message).toMatch(/NO MATCHES FOUND/);
		const empty = await run({
			parameters: searchByPhone('3125559999', { emptyOnNoRecords: true }),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test('List → Get: settings, lead counts and ISO dates', async () => {
		const result = await run({
			parameters: {
				resource: 'list',
				operation: 'get',
				listId: '101',
				additionalFields: { leadsCounts: true, dialableCount: true },
			},
		});
		expect(json(result)).toEqual([
			expect.objectContaining({
				list_id: 101,
				list_name: 'Test list 101',
				campaign_id: 'TESTCAMP',
				active: 'Y',
				expiration_date: '2099-12-31',
				resets_today: 0,
				// the schema's demo leads 1-7 are in list 101 too
				all_leads_count: 12,
				new_leads_count: 7,
				dialable_count: 7,
				list_changedate_iso: expect.stringMatching(/\+00:00$/),
			}),
		]);
	});

	test('List → Get: an unknown list, and the raw answer', async () => {
		expect(
			json(
				await run({
					parameters: { resource: 'list', operation: 'get', listId: '98762' },
					continueOnFail: true,
				}),
			)[0],
		).toMatchObject({ errorKind: 'noRecords' });
		const result = await run({
			parameters: {
				resource: 'list',
				operation: 'get',
				listId: '102',
				options: { includeRaw: true },
			},
		});
		expect(json(result)[0]).toMatchObject({
			list_id: 102,
			active: 'N',
			rawAnswer: expect.stringMatching(/^102\|Test list 102\|TESTCAMP\|N\|/),
		});
		expect(json(result)[0]).not.toHaveProperty('dialable_count');
	});
});

// What only the simulator can show: the requests it received, and injected faults.
describe('VICIdial node: requests and faults (simulator)', () => {
	let target: Target;
	let firstRequest = 0;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	beforeEach(() => {
		target.reset();
		target.sim!.faults(null);
		firstRequest = target.sim!.requests.length;
	});
	const sim = () => target.sim!;
	/** Requests of this test only (the simulator keeps every request it received). */
	const requestsFor = (fn: string) =>
		sim()
			.requests.slice(firstRequest)
			.filter((r) => r.params.function === fn);
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test('Get Version sends one request', async () => {
		await run({ parameters: { resource: 'system', operation: 'getVersion' } });
		expect(requestsFor('version')).toHaveLength(1);
	});

	test('credentials travel only in the POST body, the source last', async () => {
		await run({ parameters: addLead({ firstName: 'Ann' }) });
		const [request] = requestsFor('add_lead');
		expect(request.method).toBe('POST');
		expect(request.rawQuery).toBe('');
		expect(request.rawBody).toBe(
			'function=add_lead&phone_number=3125550177&list_id=101&first_name=Ann&user=6666&pass=1234&source=n8n',
		);
	});

	test('bad input: not one request leaves', async () => {
		await run({
			parameters: addLead({ phoneNumber: '={{ $json.phone }}' }),
			items: [{ phone: '3125550177' }, { phone: 'abc' }],
		});
		expect(sim().requests.length).toBe(firstRequest);
	});

	test('a credential VICIdial would refuse stops the node before any request', async () => {
		const result = await run({ source: 'x', parameters: addLead() });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(/Source must be 2 to 20 letters or digits/);
		expect(sim().requests.length).toBe(firstRequest);
	});

	test('a failed write names the items that were already done in parallel', async () => {
		const result = await run({
			parameters: addLead({
				phoneNumber: '={{ $json.phone }}',
				dialingOptions: { duplicateCheck: ['DUPLIST'] },
				options: { concurrency: 4 },
			}),
			items: [
				{ phone: '3125550177' },
				{ phone: '3125550113' },
				{ phone: '3125550178' },
				{ phone: '3125550179' },
			],
		});
		expect(result.error?.message).toMatch(
			/^Item 2: VICIdial: ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST/,
		);
		expect((result.error as NodeApiError).description).toMatch(
			/Items already done in VICIdial before the node stopped: 1, 3, 4\. Running the node again repeats them/,
		);
	});

	test('a write is not repeated after the connection was cut', async () => {
		sim().faults({ resetConnection: true, functions: ['add_lead'], times: 1 });
		const result = await run({ parameters: addLead(), continueOnFail: true });
		expect(json(result)[0].error).toMatch(
			/cut before any answer arrived\. The change may have been made in VICIdial: check before running it again\./,
		);
		expect(requestsFor('add_lead')).toHaveLength(1);
	});

	test('a read is retried once after a reset connection or an empty HTTP 500', async () => {
		sim().faults({ resetConnection: true, functions: ['lead_search'], times: 1 });
		expect(json(await run({ parameters: searchByPhone('3125550113') }))[0].lead_ids).toEqual([13]);
		sim().faults({ emptyHttp500: true, functions: ['lead_search'], times: 1 });
		expect(json(await run({ parameters: searchByPhone('3125550113') }))[0].lead_ids).toEqual([13]);
		sim().faults({ emptyHttp500: true, functions: ['lead_search'] });
		const failing = await run({ parameters: searchByPhone('3125550113'), continueOnFail: true });
		expect(json(failing)[0]).toMatchObject({
			error: 'Item 1: VICIdial failed with an internal error (HTTP 500) and sent no answer.',
			errorKind: 'http',
		});
		expect(requestsFor('lead_search')).toHaveLength(6);
	});

	test('a truncated answer is an error, never a wrong record', async () => {
		sim().faults({ truncateBody: true, functions: ['lead_search'] });
		const result = await run({
			parameters: searchByPhone('3125550113,3125550114'),
			continueOnFail: true,
		});
		expect(json(result)).toHaveLength(1);
		expect(json(result)[0].error).toBeDefined();
		expect(json(result)[0].search_key).toBeUndefined();
	});

	test('a slow server hits the timeout', async () => {
		sim().faults({ latencyMs: 2500, functions: ['lead_search'] });
		const result = await run({
			parameters: searchByPhone('3125550113', { timeout: 1 }),
			continueOnFail: true,
		});
		expect(json(result)[0]).toMatchObject({
			error: expect.stringMatching(/did not answer in time/),
			errorKind: 'network',
		});
	});

	test.each([1, 3, 6])(
		'Parallel Requests = %i: never more in flight, and that many used',
		async (limit) => {
			let inFlight = 0;
			let most = 0;
			const server = await startTestServer(async (request) => {
				inFlight++;
				most = Math.max(most, inFlight);
				await new Promise((resolve) => setTimeout(resolve, 25));
				inFlight--;
				return `${request.form.phone_number}|1|13\n`;
			});
			try {
				const phones = Array.from(
					{ length: 15 },
					(_, i) => `31255501${String(i).padStart(2, '0')}`,
				);
				const result = await runVicidial({
					url: server.url,
					parameters: { ...searchByPhone('={{ $json.phone }}'), options: { concurrency: limit } },
					items: phones.map((phone) => ({ phone })),
				});
				expect(json(result).map((r) => r.search_key)).toEqual(phones);
				expect(most).toBe(limit);
			} finally {
				await server.close();
			}
		},
	);

	test('many items: at most N requests at once, output in input order', async () => {
		sim().faults({ latencyMs: 40, functions: ['lead_search'] });
		const phones = Array.from({ length: 12 }, (_, i) => `312555011${(i % 5) + 1}`);
		const result = await run({
			parameters: { ...searchByPhone('={{ $json.phone }}'), options: { concurrency: 3 } },
			items: phones.map((phone) => ({ phone })),
		});
		expect(json(result).map((r) => r.search_key)).toEqual(phones);
		expect(paired(result)).toEqual(phones.map((_, i) => i));
		expect(requestsFor('lead_search')).toHaveLength(12);
	});
});
