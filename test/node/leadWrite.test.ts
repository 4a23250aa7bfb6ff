import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { customFields as loadCustomFields } from '../../nodes/shared/loaders/customFields';
import { CUSTOM_FIELDS, customRow, enableCustomFields, runSql } from '../support/customFields';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const update = (fields: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'update',
	...fields,
});
const upsert = (fields: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'upsert',
	searchMethod: 'PHONE_NUMBER',
	listId: '101',
	...fields,
});
const searchByPhone = (phoneNumber: string) => ({
	resource: 'lead',
	operation: 'searchByPhone',
	phoneNumber,
	options: { emptyOnNoRecords: true },
});
const customFieldsUi = (values: Record<string, string>) => ({
	field: Object.entries(values).map(([name, value]) => ({ name, value })),
});

/** A loadOptions context that sends through the target like n8n's request helper would. */
function loadContext(url: string, parameters: Record<string, unknown>): ILoadOptionsFunctions {
	const context = {
		getCurrentNodeParameter: (name: string) => parameters[name],
		getCredentials: async () => ({
			serverUrl: url,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		}),
		getNode: () => ({
			name: 'VICIdial',
			type: 'vicidial',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		helpers: {
			// the package puts the login into the form body itself
			httpRequest: async (options: {
				url: string;
				body: string;
				headers: Record<string, string>;
			}) => {
				const response = await fetch(options.url, {
					method: 'POST',
					body: options.body,
					headers: options.headers,
				});
				return { statusCode: response.status, body: await response.text(), headers: {} };
			},
		},
	};
	return context as unknown as ILoadOptionsFunctions;
}

describe.each(targetNames)('leadWrite operations against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });
	const requestsSoFar = () => target.sim?.requests.length ?? 0;

	test('Lead → Update by lead ID: typed outcome, then the change is found', async () => {
		const result = await run({
			parameters: update({
				leadId: '11',
				firstName: 'Jon',
				additionalFields: { city: 'Chicago', status: 'SALE' },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				result: 'updated',
				user: '6666',
				lead_id: 11,
				affected_rows: 1,
				message: 'LEAD HAS BEEN UPDATED',
				notices: [],
			},
		]);
		const again = await run({ parameters: update({ leadId: '11', firstName: 'Jon' }) });
		expect(json(again)).toEqual([
			{
				result: 'updated',
				user: '6666',
				lead_id: 11,
				affected_rows: 0,
				message: 'LEAD HAS BEEN UPDATED',
				notices: [],
			},
		]);
		const nothing = await run({ parameters: update({ leadId: '11' }) });
		expect(json(nothing)).toEqual([{ result: 'unchanged', message: '', notices: [] }]);
	});

	test('Lead → Update by vendor lead code, and "only check" finds the lead with its lists', async () => {
		const result = await run({
			parameters: update({
				lastName: 'Jones',
				additionalFields: { searchMethod: ['VENDOR_LEAD_CODE'], vendorLeadCode: 'VLC12' },
			}),
		});
		expect(json(result)).toEqual([
			{
				result: 'updated',
				user: '6666',
				lead_id: 12,
				affected_rows: 1,
				message: 'LEAD HAS BEEN UPDATED',
				notices: [],
			},
		]);
		const check = await run({
			parameters: update({
				additionalFields: {
					searchMethod: ['PHONE_NUMBER'],
					phoneNumber: '3125550113',
					noUpdate: true,
				},
			}),
		});
		expect(json(check)).toEqual([
			{
				result: 'found',
				user: '6666',
				lead_id: 13,
				vendor_lead_code: '',
				phone_number: '3125550113',
				list_id: 101,
				entry_list_id: 0,
				message: 'LEADS FOUND IN THE SYSTEM',
				notices: [expect.objectContaining({ message: 'LEADS FOUND IN THE SYSTEM' })],
			},
		]);
	});

	test("Lead → Update: VICIdial's not-found error names the item; bad input is refused before sending", async () => {
		const missing = await run({ parameters: update({ leadId: '999', firstName: 'X' }) });
		expect(missing.error).toBeInstanceOf(NodeApiError);
		expect(missing.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|999||',
		);
		const before = requestsSoFar();
		const bad = await run({
			parameters: update({ leadId: '11', additionalFields: { email: 'not an email' } }),
		});
		expect(bad.error).toBeInstanceOf(NodeOperationError);
		expect(bad.error?.message).toBe('Item 1: "Email" must be an email address, got "not an email"');
		const badId = await run({ parameters: update({ leadId: '12a' }) });
		expect(badId.error?.message).toBe(
			'Item 1: "Lead ID" must be an ID made of digits only, got "12a"',
		);
		expect(requestsSoFar()).toBe(before);
	});

	test('Continue On Fail: updated, not found and refused items, each paired to its input', async () => {
		const result = await run({
			parameters: update({ leadId: '={{ $json.id }}', firstName: 'Many' }),
			items: [{ id: '11' }, { id: '999' }, { id: 'x1' }, { id: '12' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2, 3]);
		const [first, second, third, fourth] = json(result);
		expect(first).toMatchObject({ result: 'updated', lead_id: 11, affected_rows: 1 });
		expect(second).toMatchObject({
			error: 'Item 2: VICIdial: ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|999||',
			errorKind: 'noRecords',
		});
		expect(third).toMatchObject({
			error: 'Item 3: "Lead ID" must be an ID made of digits only, got "x1"',
			errorKind: 'invalidInput',
		});
		expect(fourth).toMatchObject({ result: 'updated', lead_id: 12, affected_rows: 1 });
	});

	test('Lead → Update Many: the found lead IDs come back as numbers', async () => {
		const result = await run({
			parameters: {
				resource: 'lead',
				operation: 'updateMany',
				leadIds: '11, 12,900',
				firstName: 'Batch',
				additionalFields: { status: 'CALLBK' },
			},
		});
		expect(json(result)).toEqual([
			{
				result: 'updated',
				user: '6666',
				affected_rows: 2,
				leads_found: 2,
				lead_ids: [12, 11],
				message: 'LEADS HAVE BEEN UPDATED',
				notices: [],
			},
		]);
		const none = await run({
			parameters: { resource: 'lead', operation: 'updateMany', leadIds: '900', firstName: 'Batch' },
		});
		expect(none.error?.message).toBe(
			'Item 1: VICIdial: ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|900',
		);
		const before = requestsSoFar();
		const bad = await run({
			parameters: { resource: 'lead', operation: 'updateMany', leadIds: '11,,12', firstName: 'B' },
		});
		expect(bad.error?.message).toBe('Item 1: "Lead IDs" must be an ID made of digits only, got ""');
		expect(requestsSoFar()).toBe(before);
	});

	test('Lead → Restore from Archive: not archived is an error; an archived lead comes back', async () => {
		const missing = await run({
			parameters: { resource: 'lead', operation: 'dearchive', leadId: '11' },
		});
		expect(missing.error).toBeInstanceOf(NodeApiError);
		expect(missing.error?.message).toBe(
			'Item 1: VICIdial: ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: 6666|11||',
		);
		// archive lead 11 the way VICIdial's archiving script does: copy it over, remove it
		if (target.sim) {
			const db = target.sim.state.db;
			const row = db.t('vicidial_list').find((r) => r.lead_id === '11');
			db.t('vicidial_list_archive').insert({ ...row }, target.sim.state.nowStr());
			db.t('vicidial_list').delete((r) => r.lead_id === '11');
		} else {
			runSql(
				'INSERT INTO vicidial_list_archive SELECT * FROM vicidial_list WHERE lead_id=11; DELETE FROM vicidial_list WHERE lead_id=11;',
			);
		}
		const restored = await run({
			parameters: { resource: 'lead', operation: 'dearchive', leadId: '11' },
		});
		expect(json(restored)).toEqual([
			{
				result: 'restored',
				user: '6666',
				lead_id: 11,
				restored_rows: 1,
				archive_rows_removed: 1,
				message: 'LEAD DE-ARCHIVED: 6666|11|1|1',
				notices: [],
			},
		]);
		expect(json(await run({ parameters: searchByPhone('3125550111') }))).toEqual([
			{ search_key: '3125550111', records_found: 1, lead_ids: [11] },
		]);
	});

	test('Lead → Search by Phone with Return Full Lead Records: one item per lead, with all its fields', async () => {
		const parameters = {
			...searchByPhone('3125550111,3125550112,3125559999'),
			options: { emptyOnNoRecords: true, fullLeadRecords: true },
		};
		const items = json(await run({ parameters }));
		expect(items.map((i) => [i.lead_id, i.phone_number, i.search_key])).toEqual([
			[11, '3125550111', '3125550111'],
			[12, '3125550112', '3125550112'],
		]);
		// the lead itself, not only its ID: the fields Get All Info gives
		expect(items[0]).toEqual(
			expect.objectContaining({
				list_id: 101,
				status: expect.any(String),
				first_name: expect.any(String),
			}),
		);
		expect(items[0]).not.toHaveProperty('lead_ids');
		// without the option: one item per number found, with the IDs
		expect(json(await run({ parameters: searchByPhone('3125550111') }))).toEqual([
			{ search_key: '3125550111', records_found: 1, lead_ids: [11] },
		]);
	});

	test('Lead → Update Call Log Entry: the old and new status of the call', async () => {
		const result = await run({
			parameters: {
				resource: 'lead',
				operation: 'updateCallLogEntry',
				group: 'TESTCAMP',
				callId: 'M1231200000000000013',
				status: 'NI',
			},
		});
		expect(json(result)).toEqual([
			{
				user: '6666',
				updated_by: '6666',
				group: 'TESTCAMP',
				call_id: 'M1231200000000000013',
				status: 'NI',
				old_status: 'SALE',
				uniqueid: '1735722013.1',
				message: 'RECORD HAS BEEN UPDATED',
				notices: [],
			},
		]);
		const same = await run({
			parameters: {
				resource: 'lead',
				operation: 'updateCallLogEntry',
				group: 'TESTCAMP',
				callId: 'M1231200000000000013',
				status: 'NI',
			},
		});
		expect(same.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_log_entry NO RECORDS UPDATED: 6666|TESTCAMP|M1231200000000000013|NI|NI|1735722013.1',
		);
		const before = requestsSoFar();
		const bad = await run({
			parameters: {
				resource: 'lead',
				operation: 'updateCallLogEntry',
				group: 'TESTCAMP',
				callId: 'M1231200000.000013',
				status: 'NI',
			},
		});
		expect(bad.error?.message).toBe(
			'Item 1: "Call ID" must be letters and digits only, ending in the 10-digit lead ID, got "M1231200000.000013"',
		);
		expect(requestsSoFar()).toBe(before);
	});

	test('List → Get Custom Fields: an error while custom fields are off, the labels once they are on', async () => {
		const off = await run({
			parameters: { resource: 'list', operation: 'getCustomFields', listId: '101' },
		});
		expect(off.error).toBeInstanceOf(NodeApiError);
		expect(off.error?.message).toBe(
			'Item 1: VICIdial: ERROR: CUSTOM LIST FIELDS ARE NOT ENABLED ON THIS SYSTEM: |6666|list_custom_fields|',
		);
		enableCustomFields(target);
		const [list] = json(
			await run({ parameters: { resource: 'list', operation: 'getCustomFields', listId: '101' } }),
		);
		expect(list).toEqual(
			expect.objectContaining({
				list_id: 101,
				list_name: 'Test list 101',
				campaign_id: 'TESTCAMP',
				active: 'Y',
				custom_fields: ['fav_color', 'contract_no', 'notes_cf'],
				list_changedate_iso: expect.stringMatching(/\+00:00$/),
			}),
		);
		const all = json(
			await run({
				parameters: {
					resource: 'list',
					operation: 'getCustomFields',
					listId: '---ALL---',
					additionalFields: { customOrder: 'alpha_up' },
				},
			}),
		);
		expect(all.map((l) => [l.list_id, l.custom_fields])).toEqual([
			[101, ['contract_no', 'fav_color', 'notes_cf']],
			// VICIdial's own quirk: a sorted order repeats the previous list's labels for lists without fields
			[102, ['contract_no', 'fav_color', 'notes_cf']],
			[998, ['contract_no', 'fav_color', 'notes_cf']],
			[999, ['contract_no', 'fav_color', 'notes_cf']],
		]);
		const missing = await run({
			parameters: {
				resource: 'list',
				operation: 'getCustomFields',
				listId: '555',
				options: { emptyOnNoRecords: true },
			},
		});
		expect(missing.items).toEqual([]);
	});

	test('custom fields by name: add a lead with them, find it, update them, read them back', async () => {
		enableCustomFields(target);
		// the editor's dropdown: loaded from the list's custom fields
		expect(await loadCustomFields.call(loadContext(target.url, { listId: '101' }))).toEqual(
			['contract_no', 'fav_color', 'notes_cf'].map((label) => ({
				name: label,
				value: label,
				description: 'Custom field of list 101',
			})),
		);
		const added = await run({
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '3125550177',
				listId: '101',
				customFieldsUi: customFieldsUi({ fav_color: 'blue', contract_no: 'C-1' }),
			},
		});
		expect(json(added)).toEqual([
			{
				phone_number: '3125550177',
				list_id: 101,
				lead_id: 16,
				gmt_offset: '',
				user: '6666',
				message: 'LEAD HAS BEEN ADDED',
				notices: [
					expect.objectContaining({
						message: 'CUSTOM FIELDS VALUES ADDED',
						data: ['3125550177', '16', '101', '1'],
					}),
				],
			},
		]);
		expect(json(await run({ parameters: searchByPhone('3125550177') }))).toEqual([
			{ search_key: '3125550177', records_found: 1, lead_ids: [16] },
		]);
		const updated = await run({
			parameters: update({
				leadId: '16',
				customFieldsUi: customFieldsUi({ fav_color: 'green', notes_cf: 'called twice' }),
			}),
		});
		expect(json(updated)).toEqual([
			{
				result: 'customFieldsUpdated',
				phone_number: '',
				lead_id: 16,
				list_id: 101,
				message: 'CUSTOM FIELDS VALUES UPDATED',
				notices: [expect.objectContaining({ data: ['', '16', '101', '101', '101', '1'] })],
			},
		]);
		expect(customRow(target, 16)).toEqual({
			lead_id: '16',
			fav_color: 'green',
			contract_no: 'C-1',
			notes_cf: 'called twice',
		});
		// the lead now reads its custom fields from list 101
		const found = await run({
			parameters: update({ leadId: '16', additionalFields: { noUpdate: true } }),
		});
		expect(json(found)[0]).toMatchObject({
			result: 'found',
			lead_id: 16,
			list_id: 101,
			entry_list_id: 101,
		});
		const before = requestsSoFar();
		const bad = await run({
			parameters: update({ leadId: '16', customFieldsUi: customFieldsUi({ first_name: 'X' }) }),
		});
		expect(bad.error?.message).toBe(
			'Item 1: "Custom Fields" use "first_name", which is a standard field or an API control parameter, not a custom field',
		);
		expect(requestsSoFar()).toBe(before);
		expect(CUSTOM_FIELDS.map((f) => f.label)).toEqual(['fav_color', 'contract_no', 'notes_cf']);
	});

	test('Lead → Create or Update: adds once, then updates; two items with one phone number never add twice', async () => {
		const first = await run({
			parameters: upsert({ phoneNumber: '3125550177', firstName: 'Ann' }),
		});
		expect(json(first)).toEqual([
			expect.objectContaining({
				action: 'added',
				lead_id: 16,
				list_id: 101,
				message: 'LEAD HAS BEEN ADDED',
			}),
		]);
		const second = await run({
			parameters: upsert({ phoneNumber: '3125550177', firstName: 'Anne' }),
		});
		expect(json(second)).toEqual([
			expect.objectContaining({
				action: 'updated',
				result: 'updated',
				lead_id: 16,
				affected_rows: 1,
			}),
		]);
		const same = await run({ parameters: upsert({ phoneNumber: '3125550177' }) });
		expect(json(same)).toEqual([
			{ action: 'unchanged', result: 'unchanged', lead_id: 16, message: '', notices: [] },
		]);
		// the same new number twice in one run, sent in parallel
		const both = await run({
			parameters: upsert({
				phoneNumber: '={{ $json.phone }}',
				firstName: '={{ $json.name }}',
				options: { concurrency: 4 },
			}),
			items: [
				{ phone: '3125550188', name: 'One' },
				{ phone: '3125550188', name: 'Two' },
				{ phone: '3125550111', name: 'Old' },
			],
		});
		expect(paired(both)).toEqual([0, 1, 2]);
		expect(json(both).map((i) => [i.action, i.lead_id])).toEqual([
			['added', 17],
			['updated', 17],
			['updated', 11],
		]);
		expect(json(await run({ parameters: searchByPhone('3125550188') }))).toEqual([
			{ search_key: '3125550188', records_found: 1, lead_ids: [17] },
		]);
	});

	test('Lead → Create or Update by vendor lead code, with custom fields', async () => {
		enableCustomFields(target);
		const params = (phone: string, color: string) =>
			upsert({
				searchMethod: 'VENDOR_LEAD_CODE',
				phoneNumber: phone,
				additionalFields: { vendorLeadCode: 'CRM-9' },
				customFieldsUi: customFieldsUi({ fav_color: color }),
			});
		expect(json(await run({ parameters: params('3125550177', 'blue') }))).toEqual([
			expect.objectContaining({ action: 'added', lead_id: 16 }),
		]);
		expect(json(await run({ parameters: params('3125550178', 'red') }))).toEqual([
			expect.objectContaining({ action: 'updated', result: 'updated', lead_id: 16 }),
		]);
		expect(customRow(target, 16)).toMatchObject({ fav_color: 'red' });
		expect(json(await run({ parameters: searchByPhone('3125550178') }))).toEqual([
			{ search_key: '3125550178', records_found: 1, lead_ids: [16] },
		]);
		const noCode = await run({
			parameters: upsert({ searchMethod: 'VENDOR_LEAD_CODE', phoneNumber: '3125550179' }),
		});
		expect(noCode.error?.message).toBe(
			'Item 1: Vendor Lead Code is needed to match by vendor lead code',
		);
	});

	test('Lead → Create or Update, several items: a later item without its key stops the run before any request', async () => {
		const before = requestsSoFar();
		const result = await run({
			parameters: upsert({
				searchMethod: 'VENDOR_LEAD_CODE',
				phoneNumber: '3125550176',
				additionalFields: { vendorLeadCode: '={{ $json.code }}' },
			}),
			items: [{ code: 'CRM-31' }, { code: '' }],
		});
		expect(result.error?.message).toBe(
			'Item 2: Vendor Lead Code is needed to match by vendor lead code',
		);
		expect(requestsSoFar()).toBe(before);
	});
});
