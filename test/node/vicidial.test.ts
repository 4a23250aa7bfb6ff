import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { json, paired, runVicidial } from './run';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
let firstRequest = 0;
beforeEach(() => {
	sim.reset();
	sim.faults(null);
	firstRequest = sim.requests.length;
});

const addLead = (fields: Record<string, unknown> = {}) => ({ resource: 'lead', operation: 'add', phoneNumber: '3125550177', listId: '101', ...fields });
const searchByPhone = (phoneNumber: string, options: Record<string, unknown> = {}) => ({ resource: 'lead', operation: 'searchByPhone', phoneNumber, options });
/** Requests of this test only (the simulator keeps every request it received). */
const requestsFor = (fn: string) => sim.requests.slice(firstRequest).filter((r) => r.params.function === fn);

describe('System → Get Version', () => {
	test('typed fields and the server time in ISO form, in one request', async () => {
		const result = await runVicidial({ url: sim.url, parameters: { resource: 'system', operation: 'getVersion' } });
		expect(json(result)).toEqual([
			expect.objectContaining({ version: '2.14-202', build: '250720-1841', dst: 0, tz: 0, tznow: 0, epoch: expect.any(Number), date_iso: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/) }),
		]);
		expect(requestsFor('version')).toHaveLength(1);
	});
});

describe('Lead → Add', () => {
	test('adds the lead, returns its fields and message; credentials only in the POST body', async () => {
		const result = await runVicidial({ url: sim.url, parameters: addLead({ firstName: 'Ann', lastName: 'Lee' }) });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([{ phone_number: '3125550177', list_id: 101, lead_id: 16, gmt_offset: '', user: '6666', message: 'LEAD HAS BEEN ADDED', notices: [] }]);
		const [request] = requestsFor('add_lead');
		expect(request.method).toBe('POST');
		expect(request.rawQuery).toBe('');
		expect(new URLSearchParams(request.rawBody).get('pass')).toBe('1234');
		expect(request.params).toMatchObject({ user: '6666', source: 'n8n', first_name: 'Ann', last_name: 'Lee', list_id: '101' });
	});

	test('NOTICE lines are kept', async () => {
		const result = await runVicidial({ url: sim.url, parameters: addLead({ additionalFields: { addToHopper: true } }) });
		const [item] = json(result);
		expect(item.lead_id).toBe(16);
		expect((item.notices as Array<{ message: string }>).length).toBeGreaterThan(0);
		expect((item.notices as Array<{ text: string }>)[0].text).toMatch(/^NOTICE: add_lead /);
	});

	test('the added lead is found by Search by Phone', async () => {
		await runVicidial({ url: sim.url, parameters: addLead() });
		const result = await runVicidial({ url: sim.url, parameters: searchByPhone('3125550177') });
		expect(json(result)).toEqual([{ search_key: '3125550177', records_found: 1, lead_ids: [16] }]);
	});

	test('bad input stops the node before any request, naming item and field', async () => {
		const before = sim.requests.length;
		const result = await runVicidial({
			url: sim.url,
			parameters: addLead({ phoneNumber: '={{ $json.phone }}' }),
			items: [{ phone: '3125550177' }, { phone: '312555CALL' }, { phone: '3125550178' }],
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Item 2: "Phone Number" must contain only digits, got "312555CALL"');
		expect(sim.requests.length).toBe(before);
	});

	test('Continue On Fail: the bad item becomes an error item, the others go on, in order', async () => {
		const result = await runVicidial({
			url: sim.url,
			parameters: addLead({ phoneNumber: '={{ $json.phone }}' }),
			items: [{ phone: '3125550177' }, { phone: '312555CALL' }, { phone: '3125550178' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2]);
		const [first, second, third] = json(result);
		expect(first.lead_id).toBe(16);
		expect(second).toEqual({ error: 'Item 2: "Phone Number" must contain only digits, got "312555CALL"', hint: expect.stringContaining('Nothing was sent'), errorKind: 'invalidInput' });
		expect(third.lead_id).toBe(17);
		expect(requestsFor('add_lead')).toHaveLength(2);
	});

	test("VICIdial's duplicate error, with a hint, as an error item", async () => {
		const result = await runVicidial({
			url: sim.url,
			parameters: addLead({ phoneNumber: '3125550113', additionalFields: { duplicateCheck: ['DUPLIST'] } }),
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{ error: 'Item 1: VICIdial: ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550113|101|13', hint: expect.stringMatching(/duplicate/), errorKind: 'duplicate' },
		]);
	});

	test('without Continue On Fail a VICIdial error is a NodeApiError', async () => {
		const result = await runVicidial({ url: sim.url, user: '6667', parameters: addLead() });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toMatch(/USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION/);
		expect((result.error as NodeApiError).description).toMatch(/API Allowed Functions/);
	});

	test('a wrong password is reported without the password VICIdial echoes', async () => {
		const result = await runVicidial({ url: sim.url, password: 'Wr0ngCanary', parameters: addLead() });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe('Item 1: VICIdial: ERROR: Login incorrect, please try again: |6666|[redacted]|BAD|');
		expect(JSON.stringify(result.errorData)).not.toContain('Wr0ngCanary');
	});

	test('a write is not repeated after the connection was cut', async () => {
		sim.faults({ resetConnection: true, functions: ['add_lead'], times: 1 });
		const result = await runVicidial({ url: sim.url, parameters: addLead(), continueOnFail: true });
		expect(json(result)[0].error).toMatch(/cut before the answer was complete\. The change may or may not have been made in VICIdial; check before running it again\./);
		expect(requestsFor('add_lead')).toHaveLength(1);
	});
});

describe('Lead → Search by Phone', () => {
	test('several numbers, several leads', async () => {
		const result = await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113, 3125550114') });
		expect(json(result)).toEqual([
			{ search_key: '3125550113', records_found: 1, lead_ids: [13] },
			{ search_key: '3125550114', records_found: 1, lead_ids: [14] },
		]);
	});

	test('"no matches" is an error, or no items when asked', async () => {
		const failing = await runVicidial({ url: sim.url, parameters: searchByPhone('3125559999') });
		expect(failing.error?.message).toMatch(/NO MATCHES FOUND/);
		const empty = await runVicidial({ url: sim.url, parameters: searchByPhone('3125559999', { emptyOnNoRecords: true }) });
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test('a read is retried once after a reset connection or an empty HTTP 500', async () => {
		sim.faults({ resetConnection: true, functions: ['lead_search'], times: 1 });
		expect(json(await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113') }))[0].lead_ids).toEqual([13]);
		sim.faults({ emptyHttp500: true, functions: ['lead_search'], times: 1 });
		expect(json(await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113') }))[0].lead_ids).toEqual([13]);
		sim.faults({ emptyHttp500: true, functions: ['lead_search'] });
		const failing = await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113'), continueOnFail: true });
		expect(json(failing)[0]).toMatchObject({ error: 'Item 1: The server answered HTTP 500 with an empty body.', errorKind: 'http' });
	});

	test('a truncated answer is an error, never a wrong record', async () => {
		sim.faults({ truncateBody: true, functions: ['lead_search'] });
		const result = await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113,3125550114'), continueOnFail: true });
		expect(json(result)).toHaveLength(1);
		expect(json(result)[0].error).toBeDefined();
		expect(json(result)[0].search_key).toBeUndefined();
	});

	test('a slow server hits the timeout', async () => {
		sim.faults({ latencyMs: 2500, functions: ['lead_search'] });
		const result = await runVicidial({ url: sim.url, parameters: searchByPhone('3125550113', { timeout: 1 }), continueOnFail: true });
		expect(json(result)[0]).toMatchObject({ error: expect.stringMatching(/did not answer in time/), errorKind: 'network' });
	});

	test('many items: bounded parallel requests, output in input order', async () => {
		sim.faults({ latencyMs: 30, functions: ['lead_search'] });
		const phones = Array.from({ length: 12 }, (_, i) => `312555011${(i % 5) + 1}`);
		const result = await runVicidial({
			url: sim.url,
			parameters: { ...searchByPhone('={{ $json.phone }}'), options: { concurrency: 3 } },
			items: phones.map((phone) => ({ phone })),
		});
		expect(json(result).map((r) => r.search_key)).toEqual(phones);
		expect(paired(result)).toEqual(phones.map((_, i) => i));
	});
});

describe('List → Get', () => {
	test('settings, lead counts and ISO dates', async () => {
		const result = await runVicidial({ url: sim.url, parameters: { resource: 'list', operation: 'get', listId: '101', additionalFields: { leadsCounts: true } } });
		expect(json(result)).toEqual([
			expect.objectContaining({
				list_id: 101,
				list_name: 'Test list 101',
				campaign_id: 'TESTCAMP',
				active: 'Y',
				expiration_date: '2099-12-31',
				resets_today: 0,
				all_leads_count: expect.any(Number),
				new_leads_count: expect.any(Number),
				list_changedate_iso: expect.stringMatching(/\+00:00$/),
			}),
		]);
		expect(json(result)[0]).not.toHaveProperty('dialable_count');
	});

	test('an unknown list', async () => {
		const result = await runVicidial({ url: sim.url, parameters: { resource: 'list', operation: 'get', listId: '98762', options: { includeRaw: true } }, continueOnFail: true });
		expect(json(result)[0]).toMatchObject({ errorKind: 'noRecords' });
	});

	test('Include Raw Answer', async () => {
		const result = await runVicidial({ url: sim.url, parameters: { resource: 'list', operation: 'get', listId: '101', options: { includeRaw: true } } });
		expect(json(result)[0].rawAnswer).toMatch(/^101\|Test list 101\|TESTCAMP\|Y\|/);
	});
});
