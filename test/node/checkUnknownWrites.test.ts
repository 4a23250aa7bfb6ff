/**
 * Writes whose answer does not prove the outcome (an empty HTTP 500, a reset or a cut answer after
 * VICIdial did the work, or before it got the request): Lead → Add's verifyWrite and Create or
 * Update's check of its own add look the lead up, never sending the add again.
 */
import { NodeApiError } from 'n8n-workflow';
import { makeClient } from '../../nodes/shared/client';
import { connectionFromCredentials } from '../../nodes/shared/transport';
import type { FunctionEntry, OperationRuntime } from '../../nodes/shared/entry';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { leadFunctions, upsertLead } from '../../nodes/shared/functions/nonAgent/lead';
import { leadInfoFunctions } from '../../nodes/shared/functions/nonAgent/leadInfo';
import { verifyAddLead } from '../../nodes/shared/functions/nonAgent/leadCheck';
import { startSpoilingProxy } from '../support/spoilingProxy';
import type { SpoilKind, SpoilingProxy } from '../support/spoilingProxy';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, runVicidial } from './run';

const upsert = (phoneNumber: string, fields: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'upsert',
	searchMethod: 'PHONE_NUMBER',
	listId: '101',
	phoneNumber,
	...fields,
});
const leadInfo = (fn: string) => leadInfoFunctions.find((f) => f.fn === fn) as FunctionEntry;
const addLead = leadFunctions.find((f) => f.fn === 'add_lead') as FunctionEntry;

/** The package's own call path (client, transport, parser) to `url`, as a composite operation gets it. */
function runtimeFor(url: string): OperationRuntime {
	const client = makeClient(
		async (request) => {
			const response = await fetch(request.url, {
				method: 'POST',
				body: request.body,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			return { statusCode: response.status, body: await response.text(), headers: {} };
		},
		connectionFromCredentials({
			serverUrl: url,
			apiUser: '6666',
			password: '1234',
			source: 'test',
		}),
	);
	return {
		call: async (spec, form, options) => (await client.send(spec, form, options)).answer,
		items: () => Promise.reject(new Error('no composite calls here')),
		download: () => Promise.reject(new Error('no downloads here')),
		binary: () => Promise.reject(new Error('no binaries here')),
		utcOffsetHours: client.utcOffsetHours,
	};
}

describe.each(targetNames)('Check Unknown Writes against the %s', (targetName) => {
	let target: Target;
	let proxy: SpoilingProxy;
	let runtime: OperationRuntime;
	beforeAll(async () => {
		target = await startTarget(targetName);
		proxy = await startSpoilingProxy(target.url);
		runtime = runtimeFor(target.url);
	});
	afterAll(async () => {
		await proxy.close();
		await target.close();
	});
	beforeEach(() => {
		target.reset();
		for (const key of Object.keys(proxy.forwarded)) delete proxy.forwarded[key];
		proxy.asked.length = 0;
	});
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: proxy.url, ...options });
	const leadsWith = async (phone: string) => {
		const answer = await runtime.call(
			leadFunctions.find((f) => f.operation === 'searchByPhone') as FunctionEntry,
			{
				function: 'lead_search',
				search_method: 'PHONE_NUMBER',
				phone_number: phone,
				search_location: 'LIST',
				list_id: '101',
			},
			{ emptyOnNoRecords: true },
		);
		return answer.records.flatMap((r) => r.lead_ids as number[]);
	};

	test.each<SpoilKind>(['appliedEmpty500', 'appliedReset', 'appliedTruncated'])(
		'Create or Update: the add is applied, its answer lost (%s): the lookup reports the lead, one add sent',
		async (kind) => {
			proxy.spoil('add_lead', kind);
			const result = await run({ parameters: upsert('3125558801', { firstName: 'Lost' }) });
			expect(result.error).toBeUndefined();
			const leads = await leadsWith('3125558801');
			expect(leads).toHaveLength(1);
			expect(json(result)).toEqual([
				expect.objectContaining({
					action: 'added',
					outcome: 'applied',
					lead_id: leads[0],
					list_id: 101,
					phone_number: '3125558801',
				}),
			]);
			expect(proxy.forwarded.add_lead).toBe(1);
			// a plain re-run updates that lead, adds nothing
			const again = await run({ parameters: upsert('3125558801', { firstName: 'Lost' }) });
			expect(json(again)).toEqual([expect.objectContaining({ lead_id: leads[0] })]);
			expect(await leadsWith('3125558801')).toEqual(leads);
		},
	);

	test('Create or Update: the add never reached VICIdial: the lookup says so, nothing added, nothing re-sent', async () => {
		proxy.spoil('add_lead', 'notAppliedEmpty500');
		const result = await run({ parameters: upsert('3125558802', { firstName: 'Never' }) });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toMatch(
			/A lookup found that the lead was not made: it is safe to run the item again/,
		);
		expect(proxy.asked.filter((fn) => fn === 'add_lead')).toHaveLength(1);
		expect(proxy.forwarded.add_lead).toBeUndefined();
		expect(await leadsWith('3125558802')).toEqual([]);
	});

	test('Check Unknown Writes off: the unknown add stays an error and nothing is looked up', async () => {
		proxy.spoil('add_lead', 'appliedEmpty500');
		const result = await run({
			parameters: upsert('3125558803', {
				firstName: 'Off',
				options: { checkUnknownWrites: false },
			}),
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).not.toMatch(/lookup/);
		expect(proxy.asked).not.toContain('lead_all_info');
		expect(await leadsWith('3125558803')).toHaveLength(1);
	});

	test("Lead → Add's verifyWrite: a lead entered before sending is not ours, even with the same number and values", async () => {
		// seed lead 11: 3125550111 in list 101, John Smith, entered days ago
		const values = {
			form: {
				function: 'add_lead',
				phone_number: '3125550111',
				list_id: '101',
				first_name: 'John',
				last_name: 'Smith',
			},
			itemIndex: 0,
			options: {},
		};
		expect(await verifyAddLead(runtime, values, { sentAt: Date.now() })).toEqual({
			outcome: 'not_applied',
		});
		// the same values added now, without a duplicate check: that lead is found, not lead 11
		const sentAt = Date.now();
		const added = await runtime.call(addLead, values.form);
		const leadId = added.records[0].lead_id;
		expect(leadId).toBeGreaterThan(15);
		expect(await verifyAddLead(runtime, values, { sentAt })).toEqual({
			outcome: 'applied',
			json: expect.objectContaining({ lead_id: leadId, phone_number: '3125550111', list_id: 101 }),
		});
		// other values sent: not ours
		expect(
			await verifyAddLead(
				runtime,
				{ ...values, form: { ...values.form, first_name: 'Jane' } },
				{ sentAt },
			),
		).toEqual({ outcome: 'not_applied' });
		// sent long after the lead was entered: not ours
		expect(await verifyAddLead(runtime, values, { sentAt: Date.now() + 10_000 })).toEqual({
			outcome: 'not_applied',
		});
		// by vendor lead code: the code must match too
		expect(
			await verifyAddLead(
				runtime,
				{ ...values, form: { ...values.form, vendor_lead_code: 'CRM-77' } },
				{ sentAt },
			),
		).toEqual({ outcome: 'not_applied' });
	});

	test('Create or Update: another process adds the same number between our find and our add: we merge into its lead and delete only ours', async () => {
		let theirs = 0;
		proxy.before('add_lead', async () => {
			const answer = await runtime.call(addLead, {
				function: 'add_lead',
				phone_number: '3125558804',
				list_id: '101',
				first_name: 'Other',
			});
			theirs = answer.records[0].lead_id as number;
		});
		const result = await run({
			parameters: upsert('3125558804', {
				firstName: 'Mine',
				additionalFields: { city: 'Springfield' },
			}),
		});
		const [item] = json(result);
		expect(item).toMatchObject({
			action: 'updated',
			result: 'updated',
			lead_id: theirs,
			merged_lead_removed: true,
		});
		expect(item.merged_from).toBe(theirs + 1);
		expect(await leadsWith('3125558804')).toEqual([theirs]);
		const kept = await runtime.call(
			leadFunctions.find((f) => f.operation === 'update') as FunctionEntry,
			{ function: 'update_lead', lead_id: String(theirs), no_update: 'Y' },
		);
		expect(kept.records[0]).toMatchObject({ result: 'found', lead_id: theirs });
		// the item's values went to the lead that was kept
		const stored = await runtime.call(leadInfo('lead_all_info'), {
			function: 'lead_all_info',
			lead_id: String(theirs),
			stage: 'tab',
			header: 'YES',
		});
		expect(stored.records[0]).toMatchObject({ first_name: 'Mine', city: 'Springfield' });
		// only the lead this run added was deleted
		expect(proxy.asked.filter((fn) => fn === 'update_lead')).toHaveLength(2);
	});

	test('Create or Update by vendor lead code: the same merge when another process added the code first', async () => {
		let theirs = 0;
		proxy.before('add_lead', async () => {
			const answer = await runtime.call(addLead, {
				function: 'add_lead',
				phone_number: '3125558805',
				list_id: '101',
				vendor_lead_code: 'CRM-RACE',
			});
			theirs = answer.records[0].lead_id as number;
		});
		const result = await run({
			parameters: upsert('3125558806', {
				searchMethod: 'VENDOR_LEAD_CODE',
				firstName: 'Mine',
				additionalFields: { vendorLeadCode: 'CRM-RACE' },
			}),
		});
		expect(json(result)).toEqual([
			expect.objectContaining({
				action: 'updated',
				lead_id: theirs,
				merged_from: theirs + 1,
				merged_lead_removed: true,
			}),
		]);
		const stored = await runtime.call(leadInfo('lead_all_info'), {
			function: 'lead_all_info',
			lead_id: String(theirs),
			stage: 'tab',
			header: 'YES',
		});
		// matched by code: the item's phone number is stored on the kept lead
		expect(stored.records[0]).toMatchObject({
			vendor_lead_code: 'CRM-RACE',
			phone_number: '3125558806',
			first_name: 'Mine',
		});
		expect(await leadsWith('3125558806')).toEqual([theirs]);
	});

	test('Create or Update with a key lead_search cannot take (a vendor lead code with a comma): the single-lead find, with a warning', async () => {
		const params = upsert('3125558807', {
			searchMethod: 'VENDOR_LEAD_CODE',
			firstName: 'Comma',
			additionalFields: { vendorLeadCode: 'CRM,7' },
		});
		const first = await run({ parameters: params });
		expect(json(first)).toEqual([
			expect.objectContaining({
				action: 'added',
				warnings: [expect.stringMatching(/not detected/)],
			}),
		]);
		const second = await run({ parameters: params });
		expect(json(second)).toEqual([
			expect.objectContaining({ action: 'updated', lead_id: json(first)[0].lead_id }),
		]);
		expect(proxy.asked).not.toContain('lead_search');
	});

	test("Create or Update's verifyWrite: the lowest lead with the key holds the item's values, or it was not applied", async () => {
		const verify = upsertLead.verifyWrite as NonNullable<FunctionEntry['verifyWrite']>;
		const form = {
			function: 'update_lead',
			search_method: 'PHONE_NUMBER',
			search_location: 'LIST',
			list_id: '101',
			phone_number: '3125550111',
			first_name: 'Johnny',
		};
		expect(
			await verify(runtime, { form, itemIndex: 0, options: {} }, { sentAt: Date.now() }),
		).toEqual({ outcome: 'not_applied' });
		proxy.spoil('update_lead', 'appliedEmpty500');
		const result = await run({
			parameters: upsert('3125550111', { firstName: 'Johnny' }),
			continueOnFail: true,
		});
		// The update's answer was lost: the node itself looks the lead up (Check Unknown Writes is on by default).
		expect(json(result)[0]).toMatchObject({ outcome: 'applied', checked: true, lead_id: 11 });
		expect(
			await verify(runtime, { form, itemIndex: 0, options: {} }, { sentAt: Date.now() }),
		).toEqual({ outcome: 'applied', json: expect.objectContaining({ lead_id: 11 }) });
		expect(
			await verify(
				runtime,
				{ form: { ...form, phone_number: '3125559999' }, itemIndex: 0, options: {} },
				{ sentAt: Date.now() },
			),
		).toEqual({ outcome: 'not_applied' });
	});

	test('Lead → Add and Create or Update offer the option (on by default); Update does not', () => {
		const options = (operation: string) =>
			(new Vicidial().description.properties.find(
				(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes(operation),
			)?.options ?? []) as Array<{ name: string; default?: unknown }>;
		expect(options('add').find((o) => o.name === 'checkUnknownWrites')).toMatchObject({
			default: true,
		});
		expect(options('upsert').find((o) => o.name === 'checkUnknownWrites')).toMatchObject({
			default: true,
		});
		expect(options('update').find((o) => o.name === 'checkUnknownWrites')).toBeUndefined();
	});
});
