import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const campaign = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'campaign',
	operation,
	...fields,
});
const list = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'list',
	operation,
	...fields,
});
const dispoAlt = (operation: string, fields: Record<string, unknown> = {}) =>
	campaign(operation, {
		campaignId: 'TESTCAMP',
		urlType: 'dispo',
		entryType: 'campaign',
		...fields,
	});
const HOOK = 'https://example.com/hook?lead=--A--lead_id--B--&dispo=--A--dispo--B--';

const testcamp = {
	campaign_id: 'TESTCAMP',
	campaign_name: 'Test Campaign',
	active: 'Y',
	user_group: '---ALL---',
	dial_method: 'RATIO',
	dial_level: 1,
	lead_order: 'DOWN',
	dial_statuses: 'NEW NA',
	dial_timeout: 30,
	dial_prefix: '9',
	manual_dial_prefix: '',
	three_way_dial_prefix: '',
};

// The same tests, with the same expected values, against the simulator and (with VICIDIAL_REAL_URL) the real server.
describe.each(targetNames)('List and Campaign operations against the %s', (targetName) => {
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
	/** Nothing reached the simulator in this test (the real server cannot tell). */
	const expectNoRequest = () => {
		if (target.sim) expect(target.sim.requests.length).toBe(firstRequest);
	};

	// ------------------------------------------------------------------ Campaign → Get Many
	test('Campaign → Get Many: every campaign with typed fields (the campaigns dropdown reads campaign_id and campaign_name)', async () => {
		const result = await run({ parameters: campaign('getMany') });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([testcamp]);
	});

	test('Campaign → Get Many: an unknown campaign is an error, or no items with the empty-result option', async () => {
		const failed = await run({ parameters: campaign('getMany', { campaignId: 'NOCAMP' }) });
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toBe(
			'Item 1: VICIdial: ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: 6666|',
		);
		const empty = await run({
			parameters: campaign('getMany', {
				campaignId: 'NOCAMP',
				options: { emptyOnNoRecords: true },
			}),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test('Campaign → Get Many: a user without the View Reports right gets a permission error', async () => {
		const result = await run({ user: '6668', parameters: campaign('getMany') });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |6668|0|',
		);
	});

	// ------------------------------------------------------------------ Campaign → Get Agent Campaigns
	test('Campaign → Get Agent Campaigns: the campaigns and in-groups of an agent', async () => {
		const result = await run({ parameters: campaign('getAgentCampaigns', { agentUser: '1001' }) });
		expect(json(result)).toEqual([
			{ user: '1001', allowed_campaigns_list: 'TESTCAMP', allowed_ingroups_list: 'TESTIN' },
		]);
	});

	test('Campaign → Get Agent Campaigns: an unknown agent is an error', async () => {
		const result = await run({ parameters: campaign('getAgentCampaigns', { agentUser: '9999' }) });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|9999',
		);
	});

	// ------------------------------------------------------------------ Campaign → Update
	test('Campaign → Update: settings change and show in Get Many', async () => {
		const result = await run({
			parameters: campaign('update', {
				campaignId: 'TESTCAMP',
				additionalFields: {
					campaignName: 'Renamed Campaign',
					dialMethod: 'MANUAL',
					dialTimeout: 45,
					dialStatusAdd: 'CALLBK',
				},
			}),
		});
		expect(json(result)).toEqual([
			{ user: '6666', campaign_id: 'TESTCAMP', message: 'CAMPAIGN HAS BEEN UPDATED', notices: [] },
		]);
		expect(json(await run({ parameters: campaign('getMany') }))).toEqual([
			{
				...testcamp,
				campaign_name: 'Renamed Campaign',
				dial_method: 'MANUAL',
				dial_timeout: 45,
				dial_statuses: 'CALLBK NEW NA',
			},
		]);
	});

	test('Campaign → Update: emptying the hopper alone answers with notices only', async () => {
		const result = await run({
			parameters: campaign('update', {
				campaignId: 'TESTCAMP',
				additionalFields: { resetHopper: true },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				message: 'NO UPDATES DEFINED',
				notices: [
					{
						message: 'NO UPDATES DEFINED',
						data: ['6666'],
						text: 'NOTICE: update_campaign NO UPDATES DEFINED: |6666|',
					},
					{
						message: 'HOPPER HAS BEEN RESET',
						data: ['6666', 'TESTCAMP'],
						text: 'NOTICE: update_campaign HOPPER HAS BEEN RESET - 6666|TESTCAMP|',
					},
				],
			},
		]);
	});

	test('Campaign → Update: a value VICIdial refuses is an error naming it', async () => {
		const result = await run({
			parameters: campaign('update', {
				campaignId: 'TESTCAMP',
				additionalFields: { autoDialLevel: 9 },
			}),
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_campaign AUTO DIAL LEVEL MUST BE FROM 0 TO 4.001, THIS IS AN OPTIONAL FIELD: |6666|9',
		);
	});

	test('Campaign → Update: a URL with characters VICIdial would drop is refused before sending', async () => {
		const result = await run({
			parameters: campaign('update', {
				campaignId: 'TESTCAMP',
				dispoCallUrl: 'https://example.com/a#b',
			}),
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 1: "Dispo Call URL" may only contain letters, digits, spaces and - % = + . : / @ ? & _ (VICIdial drops other characters), got "https://example.com/a#b"',
		);
		expectNoRequest();
	});

	// ------------------------------------------------------------------ Alternate URLs (the webhook trigger's path)
	test('Alternate URLs: Dispo Call URL set to ALT, add, list, deactivate, list again', async () => {
		const altOn = await run({
			parameters: campaign('update', { campaignId: 'TESTCAMP', dispoCallUrl: 'ALT' }),
		});
		expect(json(altOn)).toEqual([
			{ user: '6666', campaign_id: 'TESTCAMP', message: 'CAMPAIGN HAS BEEN UPDATED', notices: [] },
		]);

		const added = await run({
			parameters: dispoAlt('addAltUrl', {
				urlAddress: HOOK,
				additionalFields: { urlStatuses: 'SALE NI', urlDescription: 'n8n webhook' },
			}),
		});
		expect(json(added)).toEqual([
			{
				user: '6666',
				url_id: 1,
				url_type: 'dispo',
				entry_type: 'campaign',
				campaign_id: 'TESTCAMP',
				message: 'ALT URL HAS BEEN ADDED',
				notices: [],
			},
		]);

		const listed = {
			url_id: 1,
			campaign_id: 'TESTCAMP',
			entry_type: 'campaign',
			active: 'Y',
			url_type: 'dispo',
			url_rank: 1,
			url_statuses: 'SALE NI',
			url_description: 'n8n webhook',
			url_lists: '',
			url_call_length: 0,
			url_address: HOOK,
		};
		expect(json(await run({ parameters: dispoAlt('getAltUrls') }))).toEqual([listed]);

		const off = await run({
			parameters: dispoAlt('updateAltUrl', { altUrlId: '1', additionalFields: { active: false } }),
		});
		expect(json(off)).toEqual([
			{
				user: '6666',
				url_id: 1,
				url_type: 'dispo',
				entry_type: 'campaign',
				campaign_id: 'TESTCAMP',
				message: 'ALT URL HAS BEEN UPDATED',
				notices: [],
			},
		]);
		expect(json(await run({ parameters: dispoAlt('getAltUrls') }))).toEqual([
			{ ...listed, active: 'N' },
		]);
	});

	test('Alternate URLs: none yet is no items; adding one while the campaign URL is not ALT is an error', async () => {
		const none = await run({ parameters: dispoAlt('getAltUrls') });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
		const refused = await run({ parameters: dispoAlt('addAltUrl', { urlAddress: HOOK }) });
		expect(refused.error).toBeInstanceOf(NodeApiError);
		expect(refused.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_alt_url CAMPAIGNS dispo URL IS NOT SET TO ALT: |6666|dispo|campaign|TESTCAMP',
		);
	});

	test('Alternate URLs: a non-numeric URL ID is refused before sending', async () => {
		const result = await run({
			parameters: dispoAlt('updateAltUrl', {
				altUrlId: 'LIST',
				additionalFields: { active: false },
			}),
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 1: "Alternate URL ID" must be an ID made of digits only, got "LIST"',
		);
		expectNoRequest();
	});

	// ------------------------------------------------------------------ List → Add / Update
	test('List → Add: the list is created and Get reads it back', async () => {
		const result = await run({
			parameters: list('add', {
				listId: '555',
				listName: 'API list 555',
				campaignId: 'TESTCAMP',
				active: true,
				additionalFields: { expirationDate: '2030-06-30' },
			}),
		});
		expect(json(result)).toEqual([
			{
				user: '6666',
				list_id: 555,
				list_name: 'API list 555',
				campaign_id: 'TESTCAMP',
				message: 'LIST HAS BEEN ADDED',
				notices: [],
			},
		]);
		const [info] = json(await run({ parameters: list('get', { listId: '555' }) }));
		expect(info).toMatchObject({
			list_id: 555,
			list_name: 'API list 555',
			campaign_id: 'TESTCAMP',
			active: 'Y',
			expiration_date: '2030-06-30',
			resets_today: 0,
		});
	});

	test('List → Add: an existing list is an error', async () => {
		const result = await run({
			parameters: list('add', { listId: '101', listName: 'Again', campaignId: 'TESTCAMP' }),
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: add_list LIST ALREADY EXISTS: |6666|101',
		);
	});

	test('List → Update: settings, then reset and delete answer with notices', async () => {
		const updated = await run({
			parameters: list('update', {
				listId: '102',
				additionalFields: { listName: 'Renamed 102', active: true },
			}),
		});
		expect(json(updated)).toEqual([
			{ user: '6666', list_id: 102, message: 'LIST HAS BEEN UPDATED', notices: [] },
		]);
		const [info] = json(await run({ parameters: list('get', { listId: '102' }) }));
		expect(info).toMatchObject({ list_id: 102, list_name: 'Renamed 102', active: 'Y' });

		const reset = await run({
			parameters: list('update', {
				listId: '101',
				additionalFields: { resetList: true, deleteList: true },
			}),
		});
		expect(json(reset)).toEqual([
			{
				message: 'NO UPDATES DEFINED',
				notices: [
					{
						message: 'NO UPDATES DEFINED',
						data: ['6666'],
						text: 'NOTICE: update_list NO UPDATES DEFINED: |6666|',
					},
					{
						message: 'LEADS IN LIST HAVE BEEN RESET',
						data: ['6666', '101'],
						text: 'NOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|101|',
					},
					{
						message: 'LIST HAS BEEN DELETED',
						data: ['6666', '101', '1'],
						text: 'NOTICE: update_list LIST HAS BEEN DELETED - 6666|101|1',
					},
				],
			},
		]);
	});

	test('List → Update: an unknown list is an error; a too short name is refused before sending', async () => {
		const missing = await run({
			parameters: list('update', { listId: '777', additionalFields: { active: true } }),
		});
		expect(missing.error).toBeInstanceOf(NodeApiError);
		expect(missing.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_list LIST DOES NOT EXIST: |6666|777',
		);
		firstRequest = target.sim?.requests.length ?? 0;
		const short = await run({
			parameters: list('update', { listId: '102', additionalFields: { listName: 'Short' } }),
		});
		expect(short.error).toBeInstanceOf(NodeOperationError);
		expect(short.error?.message).toBe(
			'Item 1: "List Name" must be at least 6 characters, got 5 ("Short")',
		);
		expectNoRequest();
	});

	test('Continue On Fail: several lists, each item paired to its input, errors as items', async () => {
		const result = await run({
			parameters: list('add', {
				listId: '={{ $json.id }}',
				listName: '={{ $json.name }}',
				campaignId: 'TESTCAMP',
			}),
			items: [
				{ id: '555', name: 'First list' },
				{ id: '55x', name: 'Bad id' },
				{ id: '101', name: 'Existing' },
				{ id: '556', name: 'Second list' },
			],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2, 3]);
		expect(json(result)).toEqual([
			{
				user: '6666',
				list_id: 555,
				list_name: 'First list',
				campaign_id: 'TESTCAMP',
				message: 'LIST HAS BEEN ADDED',
				notices: [],
			},
			{
				error: 'Item 2: "List ID" must be an ID made of digits only, got "55x"',
				hint: expect.stringContaining('Nothing was sent'),
				errorKind: 'invalidInput',
				outcome: 'not_sent',
			},
			{
				error: 'Item 3: VICIdial: ERROR: add_list LIST ALREADY EXISTS: |6666|101',
				hint: expect.any(String),
				errorKind: 'duplicate',
				outcome: 'refused',
			},
			{
				user: '6666',
				list_id: 556,
				list_name: 'Second list',
				campaign_id: 'TESTCAMP',
				message: 'LIST HAS BEEN ADDED',
				notices: [],
			},
		]);
	});
});
