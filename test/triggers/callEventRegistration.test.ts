/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Registration of the VICIdial Call Event Trigger (webhookMethods checkExists/create/delete run
 * through n8n-core's HookContext, as n8n runs them on activation and deactivation) against the
 * simulator and, when VICIDIAL_REAL_URL is set, the genuine server: same expectations on both.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { buildCallUrl } from '../../nodes/VicidialCallEventTrigger/callEvents';
import { runWebhookHook } from '../helpers/n8n';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';

const TOKEN = 'Zq7uV2mK9pX4rT8wLs3d';
const OTHER_TOKEN = 'Hb5nW8cQ2zR7tY4uKp6v';
/** The harness's production webhook URL of the node (n8n's webhookBaseUrl, the node's webhookId, its path). */
const WEBHOOK_URL = 'http://localhost:5678/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial';
const DESCRIPTION = 'n8n trigger 5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f';
const DISPO_FIELDS = [
	'lead_id',
	'dispo',
	'talk_time',
	'phone_number',
	'user',
	'campaign',
	'list_id',
	'vendor_lead_code',
	'uniqueid',
	'call_id',
	'recording_id',
	'term_reason',
	'callback_datetime',
	'call_notes',
	'epoch',
];

const node = new VicidialCallEventTrigger();
type HookName = 'checkExists' | 'create' | 'delete';

describe.each(targetNames)('call event registration against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());

	const hook = async (
		method: HookName,
		parameters: IDataObject,
		staticData: IDataObject = {},
		mode: 'trigger' | 'manual' = 'trigger',
	) =>
		await runWebhookHook({
			nodeType: node,
			method,
			mode,
			parameters: {
				event: 'dispo',
				token: TOKEN,
				register: true,
				owners: 'TESTCAMP',
				...parameters,
			} as never,
			credentialTypes: [new VicidialApi()],
			credentials: {
				vicidialApi: { serverUrl: target.url, apiUser: '6666', password: '1234', source: 'n8n' },
			},
			staticData,
		});

	/** What n8n does on activation: checkExists, then create when it said false. */
	async function activate(parameters: IDataObject, staticData: IDataObject = {}) {
		const exists = await hook('checkExists', parameters, staticData);
		expect(exists.error).toBeUndefined();
		if (exists.result === true)
			return {
				created: false,
				staticData: exists.staticData,
				nodeStaticData: exists.nodeStaticData,
			};
		const created = await hook('create', parameters, exists.staticData);
		expect(created.error).toBeUndefined();
		expect(created.result).toBe(true);
		return {
			created: true,
			staticData: created.staticData,
			nodeStaticData: created.nodeStaticData,
		};
	}

	async function api(values: Record<string, string>): Promise<string> {
		const response = await fetch(`${target.url}/vicidial/non_agent_api.php`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				user: '6666',
				pass: '1234',
				source: 'test',
				...values,
			}).toString(),
		});
		return await response.text();
	}

	/** The alternate URLs VICIdial holds, read with the API itself. */
	async function altUrls(owner = 'TESTCAMP', urlType = 'dispo', entryType = 'campaign') {
		const text = await api({
			function: 'update_alt_url',
			campaign_id: owner,
			entry_type: entryType,
			url_type: urlType,
			alt_url_id: 'LIST',
		});
		if (text.startsWith('NOTICE: update_alt_url LIST, No Records Found')) return [];
		return text
			.trim()
			.split('\n')
			.map((line) => {
				const [
					url_id,
					campaign_id,
					entry_type,
					active,
					url_type,
					url_rank,
					url_statuses,
					url_description,
					url_lists,
					url_call_length,
					...address
				] = line.split('|');
				return {
					url_id: Number(url_id),
					campaign_id,
					entry_type,
					active,
					url_type,
					url_rank,
					url_statuses,
					url_description,
					url_lists,
					url_call_length,
					url_address: address.join('|'),
				};
			});
	}

	/** The campaign's own Dispo Call URL setting (no API function prints it). */
	function campaignDispoUrl(): string | null | undefined {
		if (target.sim)
			return (target.sim.state.db.t('vicidial_campaigns').find((r) => r.campaign_id === 'TESTCAMP')
				?.dispo_call_url ?? null) as string | null;
		const cnf = path.join(process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real', 'my.cnf');
		if (!fs.existsSync(cnf)) return undefined;
		const out = execFileSync('mariadb', [
			`--defaults-file=${cnf}`,
			'-uroot',
			'asterisk',
			'-N',
			'-B',
			'-e',
			"SELECT IFNULL(dispo_call_url,'<NULL>') FROM vicidial_campaigns WHERE campaign_id='TESTCAMP'",
		])
			.toString()
			.trim();
		return out === '<NULL>' ? null : out;
	}
	const expectDispoUrl = (expected: string | null) => {
		const actual = campaignDispoUrl();
		if (actual !== undefined) expect(actual).toBe(expected);
	};

	const ourAddress = (token = TOKEN, fields = DISPO_FIELDS) =>
		buildCallUrl(WEBHOOK_URL, token, fields, 'dispo');

	test('a campaign whose Dispo Call URL is not ALT: clear error without the switch, nothing changed', async () => {
		expect(
			await api({
				function: 'update_campaign',
				campaign_id: 'TESTCAMP',
				dispo_call_url: 'https://crm.example.com/dispo',
			}),
		).toMatch(/^SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED/);
		const exists = await hook('checkExists', {});
		expect(exists.result).toBe(false);
		const created = await hook('create', {});
		expect(created.error?.message).toBe(
			'Dispo Call URL (campaign or in-group) of TESTCAMP is not set to ALT, so VICIdial cannot hold more than one URL there',
		);
		expect((created.error as { description?: string }).description).toMatch(
			/switch on "Set Campaign Dispo Call URL to ALT"/,
		);
		expect(created.nodeStaticData).toEqual({});
		expect(await altUrls()).toEqual([]);
		expectDispoUrl('https://crm.example.com/dispo');
	});

	test('with the switch: the campaign is set to ALT and our URL added; checkExists then finds it', async () => {
		expectDispoUrl(null);
		const first = await activate({ switchToAlt: true, statuses: 'sale, appt', lists: '101' });
		expect(first.created).toBe(true);
		expectDispoUrl('ALT');
		const urls = await altUrls();
		expect(urls).toEqual([
			{
				url_id: 1,
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				active: 'Y',
				url_type: 'dispo',
				url_rank: '1',
				url_statuses: 'SALE APPT',
				url_description: DESCRIPTION,
				url_lists: '101',
				url_call_length: '0',
				url_address: ourAddress(),
			},
		]);
		expect(urls[0].url_address).not.toMatch(/pass/i);
		expect(first.nodeStaticData).toEqual({
			registrations: [{ owner: 'TESTCAMP', urlId: 1, entryType: 'campaign', urlType: 'dispo' }],
		});

		// n8n restarts: checkExists finds the entry, nothing is added
		const again = await activate({ switchToAlt: true, statuses: 'sale, appt', lists: '101' });
		expect(again.created).toBe(false);
		expect(again.nodeStaticData).toEqual(first.nodeStaticData);
		expect(await altUrls()).toHaveLength(1);
	});

	test('a campaign already on ALT: added without touching the campaign, next to the URLs already there', async () => {
		expect(
			await api({ function: 'update_campaign', campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
		).toMatch(/^SUCCESS/);
		expect(
			await api({
				function: 'update_alt_url',
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				url_type: 'dispo',
				alt_url_id: 'NEW',
				url_address: 'https://crm.example.com/dispo',
				active: 'Y',
				url_statuses: '---ALL---',
			}),
		).toMatch(/^SUCCESS: update_alt_url ALT URL HAS BEEN ADDED - 6666\|NEW URL ID: 1\|/);
		const activated = await activate({});
		expect(activated.nodeStaticData).toEqual({
			registrations: [{ owner: 'TESTCAMP', urlId: 2, entryType: 'campaign', urlType: 'dispo' }],
		});
		const urls = await altUrls();
		expect(
			urls.map((u) => [
				u.url_id,
				u.active,
				u.url_statuses,
				u.url_lists,
				u.url_description,
				u.url_address,
			]),
		).toEqual([
			[1, 'Y', '---ALL---', '', '', 'https://crm.example.com/dispo'],
			[2, 'Y', '---ALL---', '', DESCRIPTION, ourAddress()],
		]);
		expectDispoUrl('ALT');
	});

	test('a second create does not add a second entry; a new token or other fields update the existing one', async () => {
		const first = await activate({ switchToAlt: true });
		// create again (e.g. n8n lost its static data): still one entry
		const twice = await hook('create', { switchToAlt: true });
		expect(twice.error).toBeUndefined();
		expect(twice.nodeStaticData).toEqual(first.nodeStaticData);
		expect(await altUrls()).toHaveLength(1);

		// the user changed the token and the fields: checkExists says no, create updates entry 1
		const changed = {
			switchToAlt: true,
			token: OTHER_TOKEN,
			fields: ['lead_id', 'dispo'],
			customFields: 'favorite_color',
		};
		const reactivated = await activate(changed, first.staticData);
		expect(reactivated.created).toBe(true);
		expect(reactivated.nodeStaticData).toEqual(first.nodeStaticData);
		const urls = await altUrls();
		expect(urls.map((u) => [u.url_id, u.active, u.url_address])).toEqual([
			[1, 'Y', ourAddress(OTHER_TOKEN, ['lead_id', 'dispo', 'favorite_color'])],
		]);
		expect(urls[0].url_address).toBe(
			`VAR${WEBHOOK_URL}?n8n_token=${OTHER_TOKEN}&lead_id=--A--lead_id--B--&dispo=--A--dispo--B--&favorite_color=--A--favorite_color--B--`,
		);
		// and now it is found as it is
		expect((await hook('checkExists', changed, reactivated.staticData)).result).toBe(true);
	});

	test('a leftover second entry of this node (an older address) is switched off when it registers again', async () => {
		const first = await activate({ switchToAlt: true });
		const older = `VAR${WEBHOOK_URL}?n8n_token=OldToken1234567890&lead_id=--A--lead_id--B--`;
		expect(
			await api({
				function: 'update_alt_url',
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				url_type: 'dispo',
				alt_url_id: 'NEW',
				url_address: older,
				active: 'Y',
				url_statuses: '---ALL---',
				url_description: DESCRIPTION,
			}),
		).toMatch(/NEW URL ID: 2\|/);
		const again = await hook('create', { switchToAlt: true }, first.staticData);
		expect(again.error).toBeUndefined();
		expect(again.nodeStaticData).toEqual(first.nodeStaticData);
		expect((await altUrls()).map((u) => [u.url_id, u.active, u.url_address])).toEqual([
			[1, 'Y', ourAddress()],
			[2, 'N', older],
		]);
	});

	test('delete switches the entry off; re-activation reuses it', async () => {
		const first = await activate({ switchToAlt: true });
		const deleted = await hook('delete', { switchToAlt: true }, first.staticData);
		expect(deleted.error).toBeUndefined();
		expect(deleted.result).toBe(true);
		expect(deleted.nodeStaticData).toEqual({});
		expect((await altUrls()).map((u) => [u.url_id, u.active, u.url_address])).toEqual([
			[1, 'N', ourAddress()],
		]);
		// the campaign stays on ALT (VICIdial calls no inactive entry)
		expectDispoUrl('ALT');

		const again = await activate({ switchToAlt: true }, deleted.staticData);
		expect(again.created).toBe(true);
		expect(again.nodeStaticData).toEqual(first.nodeStaticData);
		expect((await altUrls()).map((u) => [u.url_id, u.active])).toEqual([[1, 'Y']]);
	});

	test('listening for a test event registers the test URL as an entry of its own and never touches the live one', async () => {
		const live = await activate({ switchToAlt: true });
		// n8n's test webhook: checkExists and create in 'manual' mode, with the workflow's static data
		const testExists = await hook('checkExists', { switchToAlt: true }, live.staticData, 'manual');
		expect(testExists.result).toBe(false);
		const testCreated = await hook('create', { switchToAlt: true }, live.staticData, 'manual');
		expect(testCreated.error).toBeUndefined();
		expect(testCreated.nodeStaticData).toEqual({
			registrations: [{ owner: 'TESTCAMP', urlId: 1, entryType: 'campaign', urlType: 'dispo' }],
			testRegistrations: [{ owner: 'TESTCAMP', urlId: 2, entryType: 'campaign', urlType: 'dispo' }],
		});
		const testAddress = ourAddress().replace('/webhook/', '/webhook-test/');
		expect(
			(await altUrls()).map((u) => [u.url_id, u.active, u.url_description, u.url_address]),
		).toEqual([
			[1, 'Y', DESCRIPTION, ourAddress()],
			[2, 'Y', DESCRIPTION.replace('trigger', 'test'), testAddress],
		]);
		// the test ends: only the test entry is switched off
		const testDeleted = await hook(
			'delete',
			{ switchToAlt: true },
			testCreated.staticData,
			'manual',
		);
		expect(testDeleted.error).toBeUndefined();
		expect(testDeleted.nodeStaticData).toEqual(live.nodeStaticData);
		expect((await altUrls()).map((u) => [u.url_id, u.active])).toEqual([
			[1, 'Y'],
			[2, 'N'],
		]);
		expect((await hook('checkExists', { switchToAlt: true }, testDeleted.staticData)).result).toBe(
			true,
		);
	});

	test('delete needs only what was stored: it works after the token was cleared, and does nothing when nothing was registered', async () => {
		const first = await activate({ switchToAlt: true });
		const deleted = await hook('delete', { token: '' }, first.staticData);
		expect(deleted.error).toBeUndefined();
		expect((await altUrls()).map((u) => u.active)).toEqual(['N']);
		const nothing = await hook('delete', {}, {});
		expect(nothing.result).toBe(true);
	});

	test('delete never switches off an entry that is not ours, even where VICIdial would take an unknown id for the only URL', async () => {
		expect(
			await api({ function: 'update_campaign', campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
		).toMatch(/^SUCCESS/);
		expect(
			await api({
				function: 'update_alt_url',
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				url_type: 'dispo',
				alt_url_id: 'NEW',
				url_address: 'https://crm.example.com/dispo',
				active: 'Y',
				url_statuses: '---ALL---',
			}),
		).toMatch(/^SUCCESS/);
		// static data of an entry that was removed in VICIdial's admin pages, and of one that is someone else's
		for (const urlId of [7, 1]) {
			const deleted = await hook(
				'delete',
				{},
				{
					'node:VICIdial Call Event Trigger': {
						registrations: [{ owner: 'TESTCAMP', urlId, entryType: 'campaign', urlType: 'dispo' }],
					},
				},
			);
			expect(deleted.error).toBeUndefined();
			expect(deleted.nodeStaticData).toEqual({});
		}
		expect((await altUrls()).map((u) => [u.url_id, u.active, u.url_address])).toEqual([
			[1, 'Y', 'https://crm.example.com/dispo'],
		]);
	});

	test('the paste-the-URL mode registers nothing and needs no credential', async () => {
		const result = await runWebhookHook({
			nodeType: node,
			method: 'checkExists',
			parameters: { event: 'dispo', token: TOKEN, register: false } as never,
		});
		expect(result.error).toBeUndefined();
		expect(result.result).toBe(true);
		expect(await altUrls()).toEqual([]);
	});

	test('the start URL of a campaign set to ALT is registered the same way (no statuses)', async () => {
		expect(
			await api({ function: 'update_campaign', campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
		).toMatch(/^SUCCESS/);
		const notAlt = await hook('create', { event: 'start' });
		expect(notAlt.error?.message).toBe(
			'Start Call URL (campaign or in-group) of TESTCAMP is not set to ALT, so VICIdial cannot hold more than one URL there',
		);
		expect((notAlt.error as { description?: string }).description).toBe(
			'Set that field to ALT in VICIdial, then activate the workflow again.',
		);
		expect(await altUrls('TESTCAMP', 'start')).toEqual([]);
	});

	test('an unknown campaign and bad settings are refused with clear errors', async () => {
		const before = target.sim?.requests.length ?? 0;
		const unknown = await hook('create', { owners: 'NOSUCH' });
		expect(unknown.error?.message).toMatch(/CAMPAIGN DOES NOT EXIST/);
		const badOwner = await hook('create', { owners: 'TEST CAMP;' });
		expect(badOwner.error?.message).toBe(
			'"Campaigns or In-Groups" has "CAMP;", which is not a campaign or in-group ID',
		);
		const badToken = await hook('create', { token: 'short' });
		expect(badToken.error?.message).toBe('"Secret Token" must be 16 to 128 letters and digits');
		const password = await hook('create', { customFields: 'color, pass' });
		expect(password.error?.message).toBe(
			'"pass" cannot be received: VICIdial would put a password into the URL',
		);
		// only the unknown campaign reached VICIdial (a list, then the add it refused); bad settings were refused before sending
		if (target.sim)
			expect(
				target.sim.requests
					.slice(before)
					.map((r) => `${r.params.function} ${r.params.campaign_id} ${r.params.alt_url_id}`),
			).toEqual(['update_alt_url NOSUCH LIST']);
		expect(await altUrls()).toEqual([]);
	});
});
