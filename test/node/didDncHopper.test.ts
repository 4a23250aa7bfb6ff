import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const did = (operation: string, fields: Record<string, unknown>) => ({
	resource: 'did',
	operation,
	...fields,
});
const dnc = (operation: string, fields: Record<string, unknown>) => ({
	resource: 'dnc',
	operation,
	...fields,
});
const hopper = (operation: string, fields: Record<string, unknown>) => ({
	resource: 'hopper',
	operation,
	...fields,
});
const campaign = (operation: string, fields: Record<string, unknown>) => ({
	resource: 'campaign',
	operation,
	...fields,
});

/** A NOTICE line as the node reports it. */
const notice = (message: string, data: string[], text: string) => ({ message, data, text });

// Seed: DID 3125550100 (id 2) routed to in-group TESTIN; system DNC 3125550199, campaign DNC
// 3125550198/TESTCAMP; hopper of TESTCAMP: leads 11 and 15, next hopper id 3; no presets,
// no CID entries, no filter phone groups.
describe.each(targetNames)('VICIdial node, DIDs, DNC and hopper, against the %s', (targetName) => {
	let target: Target;
	let firstRequest = 0;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => {
		target.reset();
		firstRequest = target.sim?.requests.length ?? 0;
	});
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });
	/** On the simulator: that nothing was sent in this test. */
	const expectNothingSent = () => {
		if (target.sim) expect(target.sim.requests.length).toBe(firstRequest);
	};

	describe('DID', () => {
		test('Add, then Update reads it back, then an Add of the same DID is refused', async () => {
			const added = await run({
				parameters: did('add', {
					didPattern: '+13125550300',
					didDescription: 'Sales line',
					didRoute: 'IN_GROUP',
					additionalFields: { group: 'TESTIN', listId: '101', active: false },
				}),
			});
			expect(json(added)).toEqual([
				{ user: '6666', did_pattern: '+13125550300', message: 'DID HAS BEEN ADDED', notices: [] },
			]);
			const updated = await run({
				parameters: did('update', { didPattern: '+13125550300', didDescription: 'Sales line two' }),
			});
			expect(json(updated)).toEqual([
				{ user: '6666', did_pattern: '+13125550300', message: 'DID HAS BEEN UPDATED', notices: [] },
			]);
			const again = await run({ parameters: did('add', { didPattern: '+13125550300' }) });
			expect(again.error).toBeInstanceOf(NodeApiError);
			expect(again.error?.message).toBe(
				'Item 1: VICIdial: ERROR: add_did DID ALREADY EXISTS: |6666|+13125550300',
			);
		});

		test('Copy: one new DID, one that exists, each told in a notice', async () => {
			const result = await run({
				parameters: did('copy', {
					sourceDidPattern: '3125550100',
					newDids: '3125550310,3125550100',
				}),
			});
			expect(json(result)).toEqual([
				{
					user: '6666',
					source_did_pattern: '3125550100',
					dids_added: 1,
					dids_not_added: 1,
					message: 'DIDS HAVE BEEN ADDED',
					notices: [
						notice(
							'DID HAS BEEN ADDED',
							['6666', '3125550310', '3125550100', '3', '1'],
							'NOTICE: copy_did DID HAS BEEN ADDED - 6666|3125550310|3125550100|3|1',
						),
						notice(
							'DID ALREADY EXISTS',
							['6666', '3125550100'],
							'NOTICE: copy_did DID ALREADY EXISTS - 6666|3125550100',
						),
					],
				},
			]);
		});

		test('Copy of an unknown DID is a VICIdial error', async () => {
			const result = await run({
				parameters: did('copy', { sourceDidPattern: '3125559999', newDids: '3125550310' }),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error: 'Item 1: VICIdial: ERROR: copy_did SOURCE DID DOES NOT EXIST: |6666|3125559999',
					hint: expect.stringMatching(/found nothing/),
					errorKind: 'noRecords',
					outcome: 'refused',
				},
			]);
		});

		test('Update with Delete DID deletes it and gives its id', async () => {
			const result = await run({
				parameters: did('update', {
					didPattern: '3125550100',
					additionalFields: { deleteDid: true },
				}),
			});
			expect(json(result)).toEqual([
				{
					user: '6666',
					did_pattern: '3125550100',
					did_id: 2,
					message: 'DID HAS BEEN DELETED',
					notices: [],
				},
			]);
		});

		test('Update with an unknown call menu is refused by VICIdial', async () => {
			const result = await run({
				parameters: did('update', {
					didPattern: '3125550100',
					additionalFields: { menuId: 'nomenu' },
				}),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error:
						'Item 1: VICIdial: ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6666|nomenu',
					hint: expect.any(String),
					errorKind: 'invalid',
					outcome: 'refused',
				},
			]);
		});

		test('Update with nothing to change: VICIdial says so in a notice, which becomes the error', async () => {
			const result = await run({
				parameters: did('update', { didPattern: '3125550100' }),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				{
					error: 'Item 1: VICIdial: NOTICE: update_did NO UPDATES DEFINED: |6666|',
					hint: expect.stringMatching(/at least one field/),
					errorKind: 'invalid',
					outcome: 'refused',
				},
			]);
		});

		test('bad input is refused before sending', async () => {
			const pattern = await run({ parameters: did('add', { didPattern: '312 555 0300' }) });
			expect(pattern.error).toBeInstanceOf(NodeOperationError);
			expect(pattern.error?.message).toBe(
				'Item 1: "DID Pattern" may contain only digits, letters and : + * # . _, got "312 555 0300"',
			);
			const description = await run({
				parameters: did('update', { didPattern: '3125550100', didDescription: 'short' }),
			});
			expect(description.error?.message).toBe(
				'Item 1: "Description" must be at least 6 characters, got 5 ("short")',
			);
			const list = await run({
				parameters: did('add', { didPattern: '3125550300', additionalFields: { listId: '10' } }),
			});
			expect(list.error?.message).toBe('Item 1: "List ID" must be at least 3 digits, got 2 ("10")');
			expectNothingSent();
		});
	});

	describe('DNC and Filter Group', () => {
		test('Add DNC Number to the system list (the default), with the number cleaned up', async () => {
			const result = await run({
				parameters: dnc('addDncNumber', { phoneNumber: '(312) 555-0401' }),
			});
			expect(json(result)).toEqual([
				{
					user: '6666',
					phone_number: '3125550401',
					campaign_id: 'SYSTEM_INTERNAL',
					message: 'DNC NUMBER HAS BEEN ADDED',
					notices: [],
				},
			]);
		});

		test("Delete DNC Number from a campaign's list, then again", async () => {
			const parameters = dnc('deleteDncNumber', {
				phoneNumber: '3125550198',
				campaignId: 'TESTCAMP',
			});
			expect(json(await run({ parameters }))).toEqual([
				{
					user: '6666',
					phone_number: '3125550198',
					campaign_id: 'TESTCAMP',
					message: 'DNC NUMBER HAS BEEN DELETED',
					notices: [],
				},
			]);
			const again = await run({ parameters });
			expect(again.error).toBeInstanceOf(NodeApiError);
			expect(again.error?.message).toBe(
				'Item 1: VICIdial: ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6666|3125550198|TESTCAMP',
			);
		});

		test('Continue On Fail: added, already listed and bad items, in order', async () => {
			const result = await run({
				parameters: dnc('addDncNumber', {
					phoneNumber: '={{ $json.phone }}',
					campaignId: 'TESTCAMP',
				}),
				items: [{ phone: '3125550401' }, { phone: '3125550198' }, { phone: '312555CALL' }],
				continueOnFail: true,
			});
			expect(paired(result)).toEqual([0, 1, 2]);
			expect(json(result)).toEqual([
				{
					user: '6666',
					phone_number: '3125550401',
					campaign_id: 'TESTCAMP',
					message: 'DNC NUMBER HAS BEEN ADDED',
					notices: [],
				},
				{
					error:
						'Item 2: VICIdial: ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |6666|3125550198|TESTCAMP',
					hint: expect.any(String),
					errorKind: 'duplicate',
					outcome: 'refused',
				},
				{
					error: 'Item 3: "Phone Number" must contain only digits, got "312555CALL"',
					hint: expect.stringContaining('Nothing was sent'),
					errorKind: 'invalidInput',
					outcome: 'not_sent',
				},
			]);
		});

		test('a DNC list that is neither SYSTEM_INTERNAL nor a campaign ID is refused before sending', async () => {
			const result = await run({
				parameters: dnc('addDncNumber', {
					phoneNumber: '3125550401',
					campaignId: 'SYSTEM INTERNAL',
				}),
			});
			expect(result.error?.message).toBe(
				'Item 1: "DNC List" must be SYSTEM_INTERNAL or a campaign ID of 2 to 8 letters, digits, - or _, got "SYSTEM INTERNAL"',
			);
			expectNothingSent();
		});

		test('Add and Delete Filter Group Number need an existing group', async () => {
			const added = await run({
				parameters: dnc('addFilterNumber', { phoneNumber: '3125550501', group: 'TEST_FILTER' }),
			});
			expect(added.error?.message).toBe(
				'Item 1: VICIdial: ERROR: add_fpg_phone FILTER PHONE GROUP DOES NOT EXIST: |6666|TEST_FILTER',
			);
			const deleted = await run({
				parameters: dnc('deleteFilterNumber', { phoneNumber: '3125550501', group: 'TEST_FILTER' }),
				continueOnFail: true,
			});
			expect(json(deleted)[0]).toMatchObject({
				errorKind: 'noRecords',
				error: expect.stringMatching(/delete_fpg_phone FILTER PHONE GROUP DOES NOT EXIST/),
			});
		});

		test('a user without "Modify Lists" gets a permission error', async () => {
			const result = await run({
				user: '6668',
				parameters: dnc('addDncNumber', { phoneNumber: '3125550401' }),
			});
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toBe(
				'Item 1: VICIdial: ERROR: add_dnc_phone USER DOES NOT HAVE PERMISSION TO ADD DNC NUMBERS: |6668|0',
			);
		});
	});

	describe('Hopper', () => {
		const seeded = [
			{
				hopper_order: 0,
				priority: 0,
				lead_id: 11,
				list_id: 101,
				phone_number: '3125550111',
				phone_code: '1',
				state: 'IL',
				status: 'NA',
				count: 1,
				gmt_offset: 0,
				rank: 0,
				alt: 'NONE',
				hopper_source: 'S',
				vendor_lead_code: 'VLC11',
				source_id: 'SRC1',
				age_days: 7,
				last_call_time: '0 HOURS ',
			},
			{
				hopper_order: 1,
				priority: 0,
				lead_id: 15,
				list_id: 101,
				phone_number: '3125550115',
				phone_code: '1',
				state: 'MI',
				status: 'NI',
				count: 0,
				gmt_offset: 0,
				rank: 0,
				alt: 'NONE',
				hopper_source: 'S',
				vendor_lead_code: 'VLC15',
				source_id: 'SRC2',
				age_days: 7,
				last_call_time: '0 HOURS ',
			},
		];

		test('Get Many: one item per queued lead, typed', async () => {
			expect(
				json(await run({ parameters: hopper('getMany', { campaignId: 'TESTCAMP' }) })),
			).toEqual(seeded);
			expect(
				json(
					await run({
						parameters: hopper('getMany', {
							campaignId: 'TESTCAMP',
							additionalFields: { searchMethod: true },
						}),
					}),
				),
			).toEqual(seeded);
			if (target.sim)
				expect(target.sim.requests[target.sim.requests.length - 1].params).toMatchObject({
					function: 'hopper_list',
					search_method: 'BLOCK',
					stage: 'pipe',
					header: 'NO',
				});
		});

		test('Add Leads: one added, one already queued; Get Many then lists it first', async () => {
			const result = await run({
				parameters: hopper('add', { leadIds: '12, 11', hopperPriority: 5 }),
			});
			expect(json(result)).toEqual([
				{
					leads_added: 1,
					leads_not_added: 1,
					last_hopper_id: 3,
					user: '6666',
					message: 'LEADS HAVE BEEN INSERTED INTO THE HOPPER',
					notices: [
						notice(
							'LEAD ADDED TO HOPPER',
							['3125550112', '12', '3', '6666'],
							'NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125550112|12|3|6666',
						),
						notice(
							'NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER',
							['11'],
							'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - 11',
						),
					],
				},
			]);
			const list = json(await run({ parameters: hopper('getMany', { campaignId: 'TESTCAMP' }) }));
			expect(
				list.map((r) => [r.hopper_order, r.priority, r.lead_id, r.hopper_source, r.status]),
			).toEqual([
				[0, 5, 12, 'P', 'INCALL'],
				[1, 0, 11, 'S', 'NA'],
				[2, 0, 15, 'S', 'NI'],
			]);
		});

		test('Add Leads where none can be added is an error', async () => {
			const result = await run({ parameters: hopper('add', { leadIds: '11' }) });
			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toBe(
				'Item 1: VICIdial: ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|6666',
			);
		});

		test('Get Many of an unknown campaign, and without the rights', async () => {
			const unknown = await run({
				parameters: hopper('getMany', { campaignId: 'NOCAMP' }),
				continueOnFail: true,
			});
			expect(json(unknown)).toEqual([
				{
					error: 'Item 1: VICIdial: ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|NOCAMP',
					hint: expect.any(String),
					errorKind: 'noRecords',
				},
			]);
			const denied = await run({
				user: '6668',
				parameters: hopper('getMany', { campaignId: 'TESTCAMP' }),
			});
			expect(denied.error?.message).toBe(
				'Item 1: VICIdial: ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |6668|0|',
			);
		});

		test('bad lead ids and priorities are refused before sending', async () => {
			const ids = await run({ parameters: hopper('add', { leadIds: '12,abc' }) });
			expect(ids.error).toBeInstanceOf(NodeOperationError);
			expect(ids.error?.message).toBe(
				'Item 1: "Lead IDs" must be an ID made of digits only, got "abc"',
			);
			const priority = await run({
				parameters: hopper('add', { leadIds: '12', hopperPriority: 120 }),
			});
			expect(priority.error?.message).toBe('Item 1: "Hopper Priority" must be 99 or less, got 120');
			expectNothingSent();
		});
	});

	describe('Campaign transfer presets', () => {
		test('Add two, Get them, Update one, Delete one', async () => {
			expect(
				json(await run({ parameters: campaign('getPresets', { campaignId: 'TESTCAMP' }) })),
			).toEqual([]);
			const added = await run({
				parameters: campaign('addPreset', {
					campaignId: 'TESTCAMP',
					presetName: 'SALES',
					presetNumber: '3125551212',
				}),
			});
			expect(json(added)).toEqual([
				{
					user: '6666',
					preset: 'NEW PRESET: SALES',
					campaign_id: 'TESTCAMP',
					message: 'PRESET HAS BEEN ADDED',
					notices: [],
				},
			]);
			await run({
				parameters: campaign('addPreset', {
					campaignId: 'TESTCAMP',
					presetName: 'Support Line',
					presetNumber: '3125551213',
					additionalFields: { presetHideNumber: true, presetDtmf: '1P2' },
				}),
			});
			expect(
				json(await run({ parameters: campaign('getPresets', { campaignId: 'TESTCAMP' }) })),
			).toEqual([
				{
					preset_name: 'SALES',
					campaign_id: 'TESTCAMP',
					preset_number: '3125551212',
					preset_hide_number: 'N',
					preset_dtmf: '',
				},
				{
					preset_name: 'Support Line',
					campaign_id: 'TESTCAMP',
					preset_number: '3125551213',
					preset_hide_number: 'Y',
					preset_dtmf: '1P2',
				},
			]);
			const updated = await run({
				parameters: campaign('updatePreset', {
					campaignId: 'TESTCAMP',
					presetName: 'Support Line',
					additionalFields: { presetDtmf: '--BLANK--' },
				}),
			});
			expect(json(updated)).toEqual([
				{
					user: '6666',
					preset_name: 'Support Line',
					campaign_id: 'TESTCAMP',
					message: 'PRESET HAS BEEN UPDATED',
					notices: [],
				},
			]);
			const deleted = await run({
				parameters: campaign('deletePreset', { campaignId: 'TESTCAMP', presetName: 'SALES' }),
			});
			expect(json(deleted)).toEqual([
				{
					user: '6666',
					preset_name: 'SALES',
					campaign_id: 'TESTCAMP',
					message: 'PRESET HAS BEEN DELETED',
					notices: [],
				},
			]);
			expect(
				json(await run({ parameters: campaign('getPresets', { campaignId: 'TESTCAMP' }) })),
			).toEqual([
				{
					preset_name: 'Support Line',
					campaign_id: 'TESTCAMP',
					preset_number: '3125551213',
					preset_hide_number: 'Y',
					preset_dtmf: '',
				},
			]);
		});

		test('an unknown preset name among several is a VICIdial error; a bad DTMF never leaves', async () => {
			await run({
				parameters: campaign('addPreset', {
					campaignId: 'TESTCAMP',
					presetName: '={{ $json.name }}',
					presetNumber: '3125551212',
				}),
				items: [{ name: 'ONE' }, { name: 'TWO' }],
			});
			const result = await run({
				parameters: campaign('updatePreset', {
					campaignId: 'TESTCAMP',
					presetName: 'THREE',
					presetNumber: '3125551299',
				}),
			});
			expect(result.error?.message).toBe(
				'Item 1: VICIdial: ERROR: update_presets PRESET NAME DOES NOT EXIST: |6666|THREE|TESTCAMP|2',
			);
			firstRequest = target.sim?.requests.length ?? 0;
			const dtmf = await run({
				parameters: campaign('addPreset', {
					campaignId: 'TESTCAMP',
					presetName: 'X',
					presetNumber: '1',
					additionalFields: { presetDtmf: '1-2' },
				}),
			});
			expect(dtmf.error?.message).toBe(
				'Item 1: "DTMF" may contain only digits, P, S, Q, commas, * and #, got "1-2"',
			);
			expectNothingSent();
		});
	});

	describe('Campaign CID group entries', () => {
		test('Add, Get, Update and Delete the caller IDs of a campaign', async () => {
			const entry = (areacode: string, outboundCid: string, fields: Record<string, unknown> = {}) =>
				campaign('addCidGroupEntry', { cidGroupId: 'TESTCAMP', areacode, outboundCid, ...fields });
			const added = await run({
				parameters: entry('312', '3125550600', {
					cidDescription: 'Chicago main',
					additionalFields: { active: true },
				}),
			});
			expect(json(added)).toEqual([
				{
					user: '6666',
					cid_group_id: 'TESTCAMP',
					areacode: '312',
					outbound_cid: '3125550600',
					added: 1,
					message: 'CID GROUP ENTRY HAS BEEN ADDED',
					notices: [],
				},
			]);
			await run({ parameters: entry('FL', '7275550602') });
			expect(
				json(await run({ parameters: campaign('getCidGroupEntries', { cidGroupId: 'TESTCAMP' }) })),
			).toEqual([
				{
					entry: 1,
					areacode: '312',
					outbound_cid: '3125550600',
					active: 'Y',
					cid_description: 'Chicago main',
					call_count_today: 0,
				},
				{
					entry: 2,
					areacode: 'FL',
					outbound_cid: '7275550602',
					active: 'N',
					cid_description: '',
					call_count_today: 0,
				},
			]);
			const updated = await run({
				parameters: campaign('updateCidGroupEntries', {
					cidGroupId: 'TESTCAMP',
					cidDescription: 'Paused for now',
					additionalFields: { active: false },
				}),
			});
			expect(json(updated)).toEqual([
				{
					user: '6666',
					cid_group_id: 'TESTCAMP',
					areacode: '---ALL---',
					outbound_cid: '',
					updated: 2,
					message: 'CID GROUP ENTRIES HAVE BEEN UPDATED',
					notices: [],
				},
			]);
			const deleted = await run({
				parameters: campaign('deleteCidGroupEntries', { cidGroupId: 'TESTCAMP', areacode: '312' }),
			});
			expect(json(deleted)).toEqual([
				{
					user: '6666',
					cid_group_id: 'TESTCAMP',
					areacode: '312',
					outbound_cid: '',
					deleted: 1,
					message: 'CID GROUP ENTRIES HAVE BEEN DELETED',
					notices: [],
				},
			]);
			expect(
				json(
					await run({
						parameters: campaign('getCidGroupEntries', {
							cidGroupId: 'TESTCAMP',
							areacode: '---ALL---',
						}),
					}),
				),
			).toEqual([
				{
					entry: 1,
					areacode: 'FL',
					outbound_cid: '7275550602',
					active: 'N',
					cid_description: 'Paused for now',
					call_count_today: 0,
				},
			]);
		});

		test('no entries is an error, or no items when asked; an unknown group is an error', async () => {
			const none = await run({
				parameters: campaign('getCidGroupEntries', { cidGroupId: 'TESTCAMP' }),
			});
			expect(none.error?.message).toBe(
				'Item 1: VICIdial: ERROR: update_cid_group_entry THIS CID GROUP HAS NO ENTRIES: |6666|TESTCAMP',
			);
			const empty = await run({
				parameters: campaign('getCidGroupEntries', {
					cidGroupId: 'TESTCAMP',
					options: { emptyOnNoRecords: true },
				}),
			});
			expect(empty.error).toBeUndefined();
			expect(empty.items).toEqual([]);
			const unknown = await run({
				parameters: campaign('getCidGroupEntries', { cidGroupId: 'NOGROUP' }),
			});
			expect(unknown.error?.message).toBe(
				'Item 1: VICIdial: ERROR: update_cid_group_entry CID GROUP DOES NOT EXIST: |6666|NOGROUP',
			);
		});

		test('a caller ID with letters is refused before sending', async () => {
			const result = await run({
				parameters: campaign('addCidGroupEntry', {
					cidGroupId: 'TESTCAMP',
					areacode: '312',
					outboundCid: '312555CALL',
				}),
			});
			expect(result.error?.message).toBe(
				'Item 1: "Caller ID Number" must contain only digits, got "312555CALL"',
			);
			expectNothingSent();
		});
	});
});

// Filter phone groups cannot be made through the API and the seed has none: only the simulator can show the success path.
describe('VICIdial node, filter phone groups (simulator with a group added)', () => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	beforeEach(() => {
		target.reset();
		target
			.sim!.state.db.t('vicidial_filter_phone_groups')
			.insert(
				{ filter_phone_group_id: 'TEST_FILTER', filter_phone_group_name: 'Test filter' },
				target.sim!.state.nowStr(),
			);
	});
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test('Add Filter Group Number, again, then Delete it twice', async () => {
		const parameters = (operation: string) =>
			dnc(operation, { phoneNumber: '312-555-0501', group: 'TEST_FILTER' });
		expect(json(await run({ parameters: parameters('addFilterNumber') }))).toEqual([
			{
				user: '6666',
				phone_number: '3125550501',
				group: 'TEST_FILTER',
				message: 'FILTER PHONE GROUP NUMBER HAS BEEN ADDED',
				notices: [],
			},
		]);
		const again = await run({ parameters: parameters('addFilterNumber') });
		expect(again.error?.message).toBe(
			'Item 1: VICIdial: ERROR: add_fpg_phone FILTER PHONE GROUP NUMBER ALREADY EXISTS: |6666|3125550501|TEST_FILTER',
		);
		expect(json(await run({ parameters: parameters('deleteFilterNumber') }))).toEqual([
			{
				user: '6666',
				phone_number: '3125550501',
				group: 'TEST_FILTER',
				message: 'FILTER PHONE GROUP NUMBER HAS BEEN DELETED',
				notices: [],
			},
		]);
		const gone = await run({ parameters: parameters('deleteFilterNumber'), continueOnFail: true });
		expect(json(gone)[0]).toMatchObject({
			errorKind: 'noRecords',
			error:
				'Item 1: VICIdial: ERROR: delete_fpg_phone FILTER PHONE GROUP NUMBER DOES NOT EXIST: |6666|3125550501|TEST_FILTER',
		});
	});
});
