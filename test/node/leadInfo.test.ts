/**
 * Lead information operations through n8n's real WorkflowExecute, with the same expected values
 * against the simulator and (when VICIDIAL_REAL_URL is set) the genuine server.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { applySetup, callSetup, customFieldSetup } from '../simulator/nonAgent/leadInfo/fixtures';
import { json, paired, runVicidial } from './run';

const DATETIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const ISO_UTC = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
const TODAY = () => new Date().toISOString().slice(0, 10);

const lead = (operation: string, fields: Record<string, unknown>) => ({
	resource: 'lead',
	operation,
	...fields,
});

/** Lead 11 of the seed, as Get All Info returns it. */
const LEAD_11 = {
	status: 'NA',
	user: 'VDAD',
	vendor_lead_code: 'VLC11',
	source_id: 'SRC1',
	list_id: 101,
	gmt_offset_now: 0,
	phone_code: '1',
	phone_number: '3125550111',
	title: 'Mr',
	first_name: 'John',
	middle_initial: 'A',
	last_name: 'Smith',
	address1: '11 Main St',
	address2: '',
	address3: '',
	city: 'Chicago',
	state: 'IL',
	province: '',
	postal_code: '60601',
	country_code: 'USA',
	gender: 'M',
	date_of_birth: '1980-01-11',
	alt_phone: '3125550211',
	email: 'john.smith@example.com',
	security_phrase: '',
	comments: 'seed lead 11',
	called_count: 1,
	last_local_call_time: DATETIME,
	last_local_call_time_iso: ISO_UTC,
	rank: 0,
	owner: '',
	entry_list_id: 0,
	lead_id: 11,
};

describe.each(targetNames)('Lead information operations against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });
	/** Requests the simulator received during `action` (undefined against the real server). */
	const countRequests = async (action: () => Promise<unknown>) => {
		const before = target.sim?.requests.length ?? 0;
		await action();
		return target.sim ? target.sim.requests.length - before : undefined;
	};

	describe('Get All Info', () => {
		test('a lead by ID: every column typed, with the ISO companion', async () => {
			const result = await run({ parameters: lead('getAllInfo', { leadId: '11' }) });
			expect(result.error).toBeUndefined();
			expect(json(result)).toEqual([LEAD_11]);
		});

		test('leads by phone number, newest first; empty columns stay empty', async () => {
			const items = json(
				await run({ parameters: lead('getAllInfo', { phoneNumber: '727-555-1212' }) }),
			);
			expect(items.map((i) => i.lead_id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
			expect(items[0]).toMatchObject({
				status: 'NEW',
				first_name: 'Matt',
				last_name: 'lead07',
				list_id: 101,
				date_of_birth: '',
				last_local_call_time: '',
				called_count: 0,
			});
			expect(items[0]).not.toHaveProperty('last_local_call_time_iso');
		});

		test('an unknown lead is a "not found" error, or no items when asked', async () => {
			const failing = await run({ parameters: lead('getAllInfo', { leadId: '99' }) });
			expect(failing.error).toBeInstanceOf(NodeApiError);
			expect(failing.error?.message).toBe(
				'Item 1: VICIdial: ERROR: lead_all_info LEAD NOT FOUND: 6666|99|',
			);
			expect(
				json(
					await run({
						parameters: lead('getAllInfo', { leadId: '99', options: { emptyOnNoRecords: true } }),
					}),
				),
			).toEqual([]);
		});

		test('custom fields: named by the header, after the standard columns, for the leads that have values', async () => {
			applySetup(customFieldSetup(), target.sim?.state);
			const withValues = json(
				await run({
					parameters: lead('getAllInfo', {
						leadId: '11',
						additionalFields: { customFields: true, forceEntryListId: '101' },
					}),
				}),
			);
			expect(withValues).toEqual([{ ...LEAD_11, size: 'L', colour: 'red' }]);
			const noRow = json(
				await run({
					parameters: lead('getAllInfo', {
						leadId: '12',
						additionalFields: { customFields: true, forceEntryListId: '101' },
					}),
				}),
			);
			expect(Object.keys(noRow[0])).not.toContain('colour');
			expect(noRow[0]).toMatchObject({ lead_id: 12, first_name: 'Mary' });
			const field = json(
				await run({
					parameters: lead('getField', {
						leadId: '11',
						fieldName: 'colour',
						additionalFields: { customFields: true, listId: '101' },
					}),
				}),
			);
			expect(field).toEqual([{ lead_id: 11, field_name: 'colour', value: 'red' }]);
			const [found] = json(
				await run({
					parameters: lead('searchByStatus', {
						status: 'NA',
						date: TODAY(),
						additionalFields: { customFields: true },
					}),
				}),
			);
			expect(found).toMatchObject({
				lead_id: 11,
				status: 'NA',
				colour: 'red',
				size: 'L',
				banner: 'two!Nlines -- and a tab',
			});
		});

		test('custom fields of a list without any: VICIdial fails with HTTP 500', async () => {
			const result = await run({
				parameters: lead('getAllInfo', { leadId: '11', additionalFields: { customFields: true } }),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error: 'Item 1: VICIdial failed with an internal error (HTTP 500) and sent no answer.',
					hint: expect.stringMatching(/With Include Custom Fields it also fails/),
					errorKind: 'http',
				},
			]);
		});

		test('a lead ID with letters is refused before sending', async () => {
			let result: Awaited<ReturnType<typeof run>> | undefined;
			const sent = await countRequests(async () => {
				result = await run({ parameters: lead('getAllInfo', { leadId: '11a' }) });
			});
			expect(result?.error).toBeInstanceOf(NodeOperationError);
			expect(result?.error?.message).toBe(
				'Item 1: "Lead ID" must be an ID made of digits only, got "11a"',
			);
			if (sent !== undefined) expect(sent).toBe(0);
		});

		test('a user without the rights gets a permission error', async () => {
			const result = await run({
				user: '6668',
				parameters: lead('getAllInfo', { leadId: '11' }),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error:
						'Item 1: VICIdial: ERROR: lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |6668|0|',
					hint: expect.stringMatching(/permission/),
					errorKind: 'permission',
				},
			]);
		});
	});

	describe('Get Field', () => {
		test('one value, an empty value, a date-time', async () => {
			expect(
				json(
					await run({ parameters: lead('getField', { leadId: '11', fieldName: 'first_name' }) }),
				),
			).toEqual([{ lead_id: 11, field_name: 'first_name', value: 'John' }]);
			expect(
				json(await run({ parameters: lead('getField', { leadId: '11', fieldName: 'address2' }) })),
			).toEqual([{ lead_id: 11, field_name: 'address2', value: '' }]);
			expect(
				json(
					await run({ parameters: lead('getField', { leadId: '12', fieldName: 'entry_date' }) }),
				),
			).toEqual([{ lead_id: 12, field_name: 'entry_date', value: DATETIME }]);
		});

		test('a field name with other characters is refused before sending', async () => {
			let result: Awaited<ReturnType<typeof run>> | undefined;
			const sent = await countRequests(async () => {
				result = await run({
					parameters: lead('getField', { leadId: '11', fieldName: 'lead_id-1' }),
				});
			});
			expect(result?.error?.message).toBe(
				'Item 1: "Field Name" must be a field name (letters, digits and _), got "lead_id-1"',
			);
			if (sent !== undefined) expect(sent).toBe(0);
		});

		test('Continue On Fail: an unknown lead becomes an error item between the others, paired in order', async () => {
			const result = await run({
				parameters: lead('getField', { leadId: '={{ $json.id }}', fieldName: 'last_name' }),
				items: [{ id: 11 }, { id: 99 }, { id: 13 }, { id: 'x' }],
				continueOnFail: true,
			});
			expect(paired(result)).toEqual([0, 1, 2, 3]);
			expect(json(result)).toEqual([
				{ lead_id: 11, field_name: 'last_name', value: 'Smith' },
				{
					error: 'Item 2: VICIdial: ERROR: lead_field_info LEAD NOT FOUND: 6666|99',
					hint: expect.stringMatching(/found nothing/),
					errorKind: 'noRecords',
				},
				{ lead_id: 13, field_name: 'last_name', value: 'Brown' },
				{
					error: 'Item 4: "Lead ID" must be an ID made of digits only, got "x"',
					hint: expect.stringContaining('Nothing was sent'),
					errorKind: 'invalidInput',
				},
			]);
		});
	});

	describe('Get Callbacks', () => {
		test('the callback a lead was added with', async () => {
			const added = await run({
				parameters: lead('add', {
					phoneNumber: '3125550171',
					listId: '101',
					dialingOptions: {
						campaignId: 'TESTCAMP',
						callback: true,
						callbackDatetime: '2031-01-02 10:30:00',
						callbackType: 'USERONLY',
						callbackUser: '1001',
						callbackComments: 'after lunch',
					},
				}),
			});
			expect(json(added)[0]).toMatchObject({ lead_id: 16 });
			expect(json(await run({ parameters: lead('getCallbacks', { leadId: '16' }) }))).toEqual([
				{
					lead_id: 16,
					callback_type: 'CURRENT',
					recipient: 'USERONLY',
					callback_status: 'ACTIVE',
					lead_status: 'CALLBK',
					callback_date: '2031-01-02 10:30:00',
					callback_date_iso: '2031-01-02T10:30:00+00:00',
					entry_date: DATETIME,
					entry_date_iso: ISO_UTC,
					user: '1001',
					list_id: 101,
					campaign_id: 'TESTCAMP',
					user_group: 'AGENTS',
					customer_timezone: '',
					customer_time: '',
					comments: 'after lunch',
				},
			]);
		});

		test('no callbacks: an error, or no items when asked', async () => {
			const failing = await run({
				parameters: lead('getCallbacks', {
					leadId: '11',
					additionalFields: { searchLocation: 'ALL' },
				}),
			});
			expect(failing.error?.message).toBe(
				'Item 1: VICIdial: ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|11|tab|ALL',
			);
			expect(
				json(
					await run({
						parameters: lead('getCallbacks', { leadId: '11', options: { emptyOnNoRecords: true } }),
					}),
				),
			).toEqual([]);
		});
	});

	describe('Search by Status', () => {
		test("today's NI calls: the outbound lead, then the inbound one, typed", async () => {
			const items = json(
				await run({ parameters: lead('searchByStatus', { status: 'NI', date: TODAY() }) }),
			);
			expect(items.map((i) => [i.lead_id, i.status, i.user])).toEqual([
				[14, 'NI', '1003'],
				[15, 'NI', '1001'],
			]);
			expect(items[0]).toEqual({
				lead_id: 14,
				status: 'NI',
				user: '1003',
				vendor_lead_code: 'VLC14',
				source_id: 'SRC2',
				list_id: 101,
				gmt_offset_now: 0,
				phone_code: '1',
				phone_number: '3125550114',
				title: 'Ms',
				first_name: 'Linda',
				middle_initial: 'D',
				last_name: 'Davis',
				address1: '14 Pine St',
				address2: '',
				address3: '',
				city: 'Indianapolis',
				state: 'IN',
				province: '',
				postal_code: '46201',
				country_code: 'USA',
				gender: 'F',
				date_of_birth: '1990-04-14',
				alt_phone: '',
				email: 'linda.davis@example.com',
				security_phrase: '',
				comments: 'seed lead 14',
				called_count: 1,
				last_local_call_time: DATETIME,
				last_local_call_time_iso: ISO_UTC,
				rank: 0,
				owner: '',
				entry_list_id: 0,
			});
		});

		test('a day without such calls: an error, or no items when asked (as a poller would)', async () => {
			const failing = await run({
				parameters: lead('searchByStatus', { status: 'SALE', date: '2020-01-01' }),
			});
			expect(failing.error?.message).toBe(
				'Item 1: VICIdial: ERROR: lead_status_search NO RESULTS FOUND: 6666||SALE|',
			);
			expect(
				json(
					await run({
						parameters: lead('searchByStatus', {
							status: 'SALE',
							date: '2020-01-01',
							options: { emptyOnNoRecords: true },
						}),
					}),
				),
			).toEqual([]);
		});

		test('a date from the date picker is sent as its day; a bad date is refused', async () => {
			const items = json(
				await run({
					parameters: lead('searchByStatus', { status: 'SALE', date: `${TODAY()}T00:00:00.000Z` }),
				}),
			);
			expect(items.map((i) => i.lead_id)).toEqual([13]);
			const bad = await run({
				parameters: lead('searchByStatus', { status: 'SALE', date: '2026-02-30' }),
			});
			expect(bad.error?.message).toBe(
				'Item 1: "Date" must be a date as YYYY-MM-DD, got "2026-02-30"',
			);
		});
	});

	describe('call IDs', () => {
		test('Get Call by Call ID: talk time, then the details of an outbound and an inbound call', async () => {
			applySetup(callSetup(), target.sim?.state);
			expect(
				json(await run({ parameters: lead('getByCallId', { callId: 'V1123090000000000013' }) })),
			).toEqual([{ call_id: 'V1123090000000000013', custtime: 95 }]);
			expect(
				json(
					await run({
						parameters: lead('getByCallId', {
							callId: 'Y1123090000000000015',
							additionalFields: { detail: true },
						}),
					}),
				),
			).toEqual([
				{
					call_id: 'Y1123090000000000015',
					custtime: 65,
					call_date: DATETIME,
					call_date_iso: ISO_UTC,
					phone: '3125550115',
					call_type: 'INBOUND',
					campaign_id: 'TESTIN',
					list_id: 101,
					status: 'NI',
					user: '1001',
				},
			]);
		});

		test('Get by Cross-Cluster Call: the lead of a recent call', async () => {
			applySetup(callSetup(), target.sim?.state);
			const [item] = json(
				await run({ parameters: lead('getCccInfo', { callId: 'M1123090000000000014' }) }),
			);
			expect(item).toMatchObject({
				status: 'NI',
				user: '1003',
				list_id: 101,
				phone_number: '3125550114',
				first_name: 'Linda',
				last_name: 'Davis',
				called_count: 1,
				owner: '',
			});
			expect(Object.keys(item)).not.toContain('lead_id');
		});

		test('an unknown call is "not found"; a malformed call ID is refused before sending', async () => {
			const failing = await run({
				parameters: lead('getByCallId', { callId: 'M1123090000000000099' }),
				continueOnFail: true,
			});
			expect(json(failing)).toEqual([
				{
					error: 'Item 1: VICIdial: ERROR: callid_info CALL NOT FOUND: 6666|',
					hint: expect.any(String),
					errorKind: 'noRecords',
				},
			]);
			let result: Awaited<ReturnType<typeof run>> | undefined;
			const sent = await countRequests(async () => {
				result = await run({ parameters: lead('getCccInfo', { callId: 'Q1123090000000000013' }) });
			});
			expect(result?.error?.message).toBe(
				'Item 1: "Call ID" must be a VICIdial call ID: V, M, Y, J, S, DC, LP, VH or XL followed by letters and digits, got "Q1123090000000000013"',
			);
			if (sent !== undefined) expect(sent).toBe(0);
		});
	});

	describe('Check Phone Number', () => {
		test('dialable per time zone method, and the number as VICIdial read it', async () => {
			expect(
				json(
					await run({
						parameters: lead('checkPhoneNumber', {
							phoneNumber: '(312) 555-1212',
							localCallTime: '24hours',
						}),
					}),
				),
			).toEqual([
				{
					areacode_dialable: 1,
					areacode_gmt_offset: '',
					phone_number: '3125551212',
					phone_code: '1',
					postal_code: '',
					state: '',
					owner: '',
				},
			]);
			const params = {
				phoneNumber: '3125551212',
				localCallTime: '24hours',
				additionalFields: {
					tzMethod: 'AREACODEPOSTALTZCODE',
					postalCode: '60601',
					owner: 'EST',
					state: 'IL',
				},
			};
			expect(json(await run({ parameters: lead('checkPhoneNumber', params) }))).toEqual([
				{
					areacode_dialable: 1,
					areacode_gmt_offset: '',
					postal_dialable: 1,
					postal_gmt_offset: '',
					tzcode_dialable: 1,
					tzcode_gmt_offset: 0,
					phone_number: '3125551212',
					phone_code: '1',
					postal_code: '60601',
					state: 'IL',
					owner: 'EST',
				},
			]);
		});

		test('a number on the DNC list and an unknown call time are VICIdial errors', async () => {
			const result = await run({
				parameters: lead('checkPhoneNumber', {
					phoneNumber: '={{ $json.phone }}',
					localCallTime: '={{ $json.ct }}',
					additionalFields: { dncCheck: 'Y' },
				}),
				items: [
					{ phone: '3125550199', ct: '24hours' },
					{ phone: '3125551212', ct: 'nosuch' },
				],
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error:
						'Item 1: VICIdial: ERROR: check_phone_number PHONE NUMBER IN DNC - 3125550199|6666',
					hint: expect.any(String),
					errorKind: 'apiError',
				},
				{
					error:
						'Item 2: VICIdial: ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |6666|nosuch|',
					hint: expect.any(String),
					errorKind: 'invalid',
				},
			]);
		});

		test('a function the user may not call', async () => {
			const result = await run({
				user: '6667',
				parameters: lead('checkPhoneNumber', {
					phoneNumber: '3125551212',
					localCallTime: '24hours',
				}),
			});
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toBe(
				'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|check_phone_number|',
			);
		});
	});
});
