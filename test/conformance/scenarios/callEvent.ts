/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Conformance scenarios: the requests the VICIdial Call Event Trigger sends when it registers its
 * URL (update_alt_url LIST/NEW/<id>, update_campaign dispo_call_url=ALT), with its values: the URL
 * it builds for the harness's webhook URL, its description, ---ALL--- or the chosen statuses, the
 * list filter and its --BLANK-- on update, active Y/N.
 */
import type { Scenario } from '../corpus';
import { ADMIN, NO_RIGHTS, PASS, VERSION_ONLY, na, note } from '../builders';
import type { Params } from '../builders';
import { buildCallUrl, callEventEntry } from '../../../nodes/VicidialCallEventTrigger/callEvents';

const SOURCE = 'n8n';
const WEBHOOK_URL = 'http://localhost:5678/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial';
const TOKEN = 'Zq7uV2mK9pX4rT8wLs3d';
const NEW_TOKEN = 'Hb5nW8cQ2zR7tY4uKp6v';
const DESCRIPTION = 'n8n trigger 5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f';
const TEST_DESCRIPTION = 'n8n test 5f0c1d2e3a4b4c5d8e9f0a1b2c3d4e5f';

const address = (
	event: 'dispo' | 'start' | 'noAgent' | 'addLead',
	token = TOKEN,
	fields = callEventEntry(event).defaults,
) => buildCallUrl(WEBHOOK_URL, token, fields, event);

const altUrl = (extra: Params, user = ADMIN, pass = PASS) =>
	na('update_alt_url', extra, user, pass, SOURCE);
const updateCampaign = (extra: Params, user = ADMIN, pass = PASS) =>
	na('update_campaign', extra, user, pass, SOURCE);
const target = (urlType: string, entryType = 'campaign', campaignId = 'TESTCAMP') => ({
	campaign_id: campaignId,
	entry_type: entryType,
	url_type: urlType,
});
const list = (urlType = 'dispo', entryType = 'campaign', campaignId = 'TESTCAMP') =>
	altUrl({ ...target(urlType, entryType, campaignId), alt_url_id: 'LIST' });
/** What the trigger sends to add its entry (no url_lists when none are chosen). */
const add = (
	urlType: string,
	url: string,
	extra: Params = {},
	entryType = 'campaign',
	campaignId = 'TESTCAMP',
) =>
	altUrl({
		...target(urlType, entryType, campaignId),
		alt_url_id: 'NEW',
		active: 'Y',
		url_address: url,
		url_description: DESCRIPTION,
		...extra,
	});

export const scenarios: Scenario[] = [
	{
		name: 'update_alt_url: call event trigger registers a dispo URL: not ALT refused, campaign switched to ALT, added, found again',
		steps: [
			note(list(), 'checkExists: nothing yet'),
			note(
				add('dispo', address('dispo'), { url_statuses: '---ALL---' }),
				'create: the campaign is not on ALT',
			),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
				'create with "Set Campaign Dispo Call URL to ALT"',
			),
			add('dispo', address('dispo'), { url_statuses: '---ALL---' }),
			note(list(), 'checkExists after a restart: our entry, active, same address'),
			note(
				add('dispo', address('dispo'), { url_statuses: 'SALE APPT', url_lists: '101' }, 'campaign'),
				'another trigger with statuses and a list filter',
			),
			list(),
		],
	},
	{
		name: 'update_alt_url: call event trigger updates its entry (new token and fields, filters cleared), deactivates and re-activates it',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
			add('dispo', address('dispo'), { url_statuses: 'SALE APPT', url_lists: '101 102' }),
			note(
				altUrl({
					...target('dispo'),
					alt_url_id: '1',
					active: 'Y',
					url_address: address('dispo', NEW_TOKEN, ['lead_id', 'dispo', 'favorite_color']),
					url_description: DESCRIPTION,
					url_statuses: '---ALL---',
					url_lists: '--BLANK--',
				}),
				'create finds its entry by description and updates it',
			),
			list(),
			note(
				altUrl({ ...target('dispo'), alt_url_id: '1', active: 'N' }),
				'delete: switched off, kept',
			),
			list(),
			note(
				altUrl({
					...target('dispo'),
					alt_url_id: '1',
					active: 'Y',
					url_address: address('dispo'),
					url_description: DESCRIPTION,
					url_statuses: '---ALL---',
					url_lists: '--BLANK--',
				}),
				're-activation reuses entry 1',
			),
			note(
				add('dispo', address('dispo').replace('/webhook/', '/webhook-test/'), {
					url_statuses: '---ALL---',
					url_description: TEST_DESCRIPTION,
				}),
				'the test URL while listening for a test event: an entry of its own',
			),
			note(altUrl({ ...target('dispo'), alt_url_id: '2', active: 'N' }), 'the test ends'),
			list(),
		],
	},
	{
		name: 'update_alt_url: call event trigger on Start, No-Agent and Add Lead URLs (an in-group needs a campaign of the same id)',
		steps: [
			note(list('start'), 'checkExists for the Start Call URL'),
			note(
				add('start', address('start')),
				'create: start_call_url is not ALT (update_campaign cannot set it)',
			),
			note(list('noagent'), 'checkExists for the No-Agent Call URL'),
			note(add('noagent', address('noAgent')), 'create: na_call_url is not ALT'),
			note(list('addlead', 'ingroup', 'TESTIN'), 'an in-group id: refused, no campaign TESTIN'),
			note(
				add('addlead', address('addLead'), {}, 'ingroup', 'TESTIN'),
				'create for the in-group: refused the same way',
			),
			note(
				add('addlead', address('addLead'), {}, 'ingroup', 'TESTCAMP'),
				'in-group TESTCAMP does not exist: not ALT',
			),
			note(
				altUrl({ ...target('start'), alt_url_id: '1', active: 'N' }),
				'delete of an entry that is gone: refused, start URL not ALT',
			),
		],
	},
	{
		name: 'update_alt_url: call event trigger without the rights or with a bad login',
		steps: [
			list('dispo'),
			note(
				altUrl({ ...target('dispo'), alt_url_id: 'LIST' }, NO_RIGHTS),
				'user without modify_campaigns',
			),
			note(
				altUrl(
					{
						...target('dispo'),
						alt_url_id: 'NEW',
						active: 'Y',
						url_address: address('dispo'),
						url_description: DESCRIPTION,
						url_statuses: '---ALL---',
					},
					VERSION_ONLY,
				),
				'API user without update_alt_url',
			),
			note(altUrl({ ...target('dispo'), alt_url_id: 'LIST' }, ADMIN, 'wrong'), 'bad password'),
		],
	},
	{
		name: 'update_campaign: call event trigger switches the Dispo Call URL to ALT, also over a single URL',
		steps: [
			updateCampaign({
				campaign_id: 'TESTCAMP',
				dispo_call_url: 'https://crm.example.com/dispo?lead=--A--lead_id--B--',
			}),
			note(
				add('dispo', address('dispo'), { url_statuses: '---ALL---' }),
				'a single URL is set: not ALT',
			),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
				'only with the switch on: replaces the single URL',
			),
			add('dispo', address('dispo'), { url_statuses: '---ALL---' }),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
				'already ALT: set again',
			),
			list(),
			note(updateCampaign({ campaign_id: 'NOCAMP', dispo_call_url: 'ALT' }), 'unknown campaign'),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }, NO_RIGHTS),
				'without the rights',
			),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }, ADMIN, 'wrong'),
				'bad password',
			),
		],
	},
];
