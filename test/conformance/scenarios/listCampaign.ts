/** Conformance scenarios: listCampaign functions. */
import type { Scenario } from '../corpus';
import { ADMIN, NO_RIGHTS, PASS, VERSION_ONLY, get, listInfo, na, note } from '../builders';
import type { Params } from '../builders';

const altUrl = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('update_alt_url', extra, user, pass, source);
const dispo = (extra: Params = {}) => ({
	campaign_id: 'TESTCAMP',
	entry_type: 'campaign',
	url_type: 'dispo',
	...extra,
});
const updateCampaign = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('update_campaign', extra, user, pass, source);
const campaignsList = (extra: Params = {}, user = ADMIN, pass = PASS, source = 'test') =>
	na('campaigns_list', extra, user, pass, source);
const agentCampaigns = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('agent_campaigns', extra, user, pass, source);
const addList = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('add_list', extra, user, pass, source);
const updateList = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('update_list', extra, user, pass, source);

export const scenarios: Scenario[] = [
	// ---------------------------------------------------------------- campaigns_list
	{
		name: 'campaigns_list: all, header, one campaign, unknown campaign, csv and tab',
		steps: [
			campaignsList(),
			campaignsList({ header: 'YES' }),
			campaignsList({ campaign_id: 'testcamp' }),
			note(campaignsList({ campaign_id: 'NOCAMP' }), 'no campaign: an error, not an empty list'),
			campaignsList({ stage: 'csv', header: 'YES' }),
			campaignsList({ stage: 'tab' }),
		],
	},
	{
		name: 'campaigns_list: permissions, bad login, source',
		steps: [
			campaignsList({}, VERSION_ONLY),
			campaignsList({}, NO_RIGHTS),
			campaignsList({}, ADMIN, 'wrong'),
			campaignsList({}, ADMIN, PASS, 'x'),
		],
	},
	// ---------------------------------------------------------------- agent_campaigns
	{
		name: 'agent_campaigns: an agent, header, one campaign, AGENTDIRECT filter, unknown agent and campaign',
		steps: [
			agentCampaigns({ agent_user: '1001' }),
			agentCampaigns({ agent_user: '1002', header: 'YES' }),
			agentCampaigns({ agent_user: '1003', campaign_id: 'TESTCAMP', ignore_agentdirect: 'Y' }),
			agentCampaigns({ agent_user: '6666', stage: 'csv' }),
			note(agentCampaigns({ agent_user: '9999' }), 'unknown agent'),
			agentCampaigns({}),
			note(agentCampaigns({ agent_user: '1001', campaign_id: 'NOCAMP' }), 'no campaign left'),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', active: 'N' }),
				'an inactive campaign is not offered',
			),
			agentCampaigns({ agent_user: '1001' }),
		],
	},
	{
		name: 'agent_campaigns: permissions, bad login',
		steps: [
			agentCampaigns({ agent_user: '1001' }, VERSION_ONLY),
			agentCampaigns({ agent_user: '1001' }, NO_RIGHTS),
			agentCampaigns({ agent_user: '1001' }, ADMIN, 'wrong'),
			agentCampaigns({ agent_user: '1001' }, ADMIN, PASS, ''),
		],
	},
	// ---------------------------------------------------------------- update_campaign
	{
		name: 'update_campaign: settings, dispo call URL ALT, read back with campaigns_list',
		steps: [
			updateCampaign({
				campaign_id: 'TESTCAMP',
				campaign_name: 'Renamed Campaign',
				dial_method: 'MANUAL',
				auto_dial_level: '2.5',
				dial_timeout: '45',
				hopper_level: '200',
			}),
			campaignsList({ header: 'YES' }),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
				'the webhook trigger sets ALT to use the alternate URLs',
			),
			altUrl(
				dispo({
					alt_url_id: 'NEW',
					url_address: 'https://example.com/hook?lead=--A--lead_id--B--',
					active: 'Y',
				}),
			),
			updateCampaign({
				campaign_id: 'testcamp',
				dispo_call_url: '--BLANK--',
				active: 'Y',
				list_order: 'UP PHONE 2nd NEW',
				list_order_randomize: 'Y',
				list_order_secondary: 'CALLTIME_DESCEND',
			}),
			campaignsList(),
			updateCampaign({
				campaign_id: 'TESTCAMP',
				outbound_cid: '3125550101',
				campaign_vdad_exten: '8369',
				adaptive_maximum_level: '2.0',
				lead_filter_id: 'DROP72HOUR',
			}),
			updateCampaign({
				campaign_id: 'TESTCAMP',
				lead_filter_id: '---NONE---',
				xferconf_one: '3125550102',
				xferconf_two: '--BLANK--',
				webform_one: 'https://example.com/form?x=1',
				webform_two: '--BLANK--',
			}),
		],
	},
	{
		name: 'update_campaign: dial statuses added and removed, hopper reset, no updates',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_add: 'CALLBK' }),
			campaignsList(),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_remove: 'na' }),
			campaignsList(),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_add: 'B', dial_status_remove: 'NEW' }),
			campaignsList(),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_remove: 'SALE' }),
			note(updateCampaign({ campaign_id: 'TESTCAMP', reset_hopper: 'Y' }), 'notices only'),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_timeout: '20', reset_hopper: 'Y' }),
			updateCampaign({ campaign_id: 'TESTCAMP' }),
		],
	},
	{
		name: 'update_campaign: every refused value',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', auto_dial_level: '9' }),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_method: 'PREDICT' }),
			updateCampaign({ campaign_id: 'TESTCAMP', adaptive_maximum_level: '12.345' }),
			updateCampaign({ campaign_id: 'TESTCAMP', campaign_vdad_exten: '12' }),
			updateCampaign({ campaign_id: 'TESTCAMP', hopper_level: '6000' }),
			updateCampaign({ campaign_id: 'TESTCAMP', hopper_level: '0' }),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_timeout: '121' }),
			updateCampaign({ campaign_id: 'TESTCAMP', campaign_name: 'Short' }),
			updateCampaign({ campaign_id: 'TESTCAMP', outbound_cid: '12345' }),
			updateCampaign({ campaign_id: 'TESTCAMP', lead_filter_id: 'NOFILTER' }),
			updateCampaign({ campaign_id: 'TESTCAMP', active: 'X' }),
			updateCampaign({ campaign_id: 'TESTCAMP', xferconf_three: 'x'.repeat(51) }),
			updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ab' }),
			updateCampaign({ campaign_id: 'TESTCAMP', webform_three: 'ab' }),
			updateCampaign({ campaign_id: 'TESTCAMP', list_order: 'RANDOM' }),
			updateCampaign({ campaign_id: 'TESTCAMP', list_order: 'SIDEWAYS' }),
			updateCampaign({ campaign_id: 'TESTCAMP', list_order_randomize: 'YES' }),
			updateCampaign({ campaign_id: 'TESTCAMP', list_order_secondary: 'LEAD_UP' }),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_add: 'TOOLONG' }),
			updateCampaign({ campaign_id: 'TESTCAMP', dial_status_remove: 'TOOLONG' }),
			updateCampaign({ campaign_id: 'NOCAMP', active: 'Y' }),
			updateCampaign({ campaign_id: 'TOOLONGCAMP', active: 'Y' }),
			updateCampaign({ active: 'Y', campaign_name: 'Some name' }),
		],
	},
	{
		name: 'update_campaign: permissions, bad login, source',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', active: 'N' }, VERSION_ONLY),
			updateCampaign({ campaign_id: 'TESTCAMP', active: 'N' }, NO_RIGHTS),
			updateCampaign({ campaign_id: 'TESTCAMP', active: 'N' }, ADMIN, 'wrong'),
			updateCampaign({ campaign_id: 'TESTCAMP', active: 'N' }, ADMIN, PASS, 'x'),
			campaignsList(),
		],
	},
	// ---------------------------------------------------------------- update_alt_url
	{
		name: 'update_alt_url: the webhook path: ALT dispo URL, add, list, deactivate, list again',
		steps: [
			note(altUrl(dispo({ alt_url_id: 'LIST' })), 'nothing yet: a NOTICE'),
			note(
				altUrl(dispo({ alt_url_id: 'NEW', url_address: 'https://example.com/a?x=1' })),
				'dispo URL not set to ALT',
			),
			updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
			altUrl(
				dispo({
					alt_url_id: 'NEW',
					url_address: 'https://example.com/hook?lead=--A--lead_id--B--&status=--A--dispo--B--',
					active: 'Y',
					url_statuses: 'SALE NI',
					url_description: 'n8n webhook, v1.0',
					url_rank: '2',
				}),
			),
			altUrl(
				dispo({
					alt_url_id: 'NEW',
					url_address: 'https://example.com/other',
					active: 'Y',
					url_lists: '101 102',
					url_call_length: '30',
				}),
			),
			altUrl(dispo({ alt_url_id: 'LIST', header: 'YES' })),
			altUrl(dispo({ alt_url_id: '1', active: 'N' })),
			altUrl(dispo({ alt_url_id: 'LIST' })),
			note(altUrl(dispo({ alt_url_id: '77', active: 'N' })), 'unknown id with two URLs: an error'),
			altUrl(
				dispo({
					alt_url_id: '2',
					url_lists: '--BLANK--',
					url_description: '--BLANK--',
					url_address: '--BLANK--',
				}),
			),
			altUrl(dispo({ alt_url_id: 'LIST', stage: 'csv' })),
			note(
				altUrl({
					campaign_id: 'TESTCAMP',
					entry_type: 'campaign',
					url_type: 'start',
					alt_url_id: 'LIST',
				}),
				'another URL type: nothing',
			),
			note(
				altUrl({ campaign_id: 'TESTCAMP', alt_url_id: 'LIST' }),
				'no entry or URL type: nothing found',
			),
		],
	},
	{
		name: 'update_alt_url: one URL, unknown ids, no updates',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
			note(altUrl(dispo({ alt_url_id: '5', active: 'Y' })), 'no URL at all: updates url_id empty'),
			altUrl(dispo({ alt_url_id: 'NEW', url_address: 'https://example.com/one' })),
			note(
				altUrl(dispo({ alt_url_id: '99', active: 'Y' })),
				'unknown id with one URL: that one is changed',
			),
			altUrl(dispo({ alt_url_id: 'LIST' })),
			altUrl(dispo({ alt_url_id: '1' })),
			altUrl(dispo({ alt_url_id: 'NEW' })),
			note(
				altUrl(
					dispo({
						campaign_id: 'testcamp',
						alt_url_id: 'NEW',
						url_address: 'https://example.com/two',
						url_rank: '99999',
						url_description: 'back\\slash',
					}),
				),
				'kept as typed; rank clamped; \\s read by MariaDB',
			),
			altUrl(dispo({ alt_url_id: 'LIST', campaign_id: 'testCamp' })),
			note(
				altUrl(dispo({ alt_url_id: '2', url_description: 'ends in \\' })),
				'a trailing backslash breaks the statement: HTTP 500',
			),
			note(
				altUrl(dispo({ alt_url_id: '2', url_description: "it's" })),
				'the filter drops the quote',
			),
			altUrl(dispo({ alt_url_id: 'LIST' })),
		],
	},
	{
		name: 'update_alt_url: refused values, entry and URL types',
		steps: [
			updateCampaign({ campaign_id: 'TESTCAMP', dispo_call_url: 'ALT' }),
			altUrl(dispo({ alt_url_id: 'NEW', active: 'X' })),
			altUrl(dispo({ alt_url_id: 'NEW', url_address: 'a.b' })),
			altUrl(dispo({ alt_url_id: 'NEW', url_rank: '123456' })),
			altUrl(dispo({ alt_url_id: 'NEW', url_call_length: '123456' })),
			altUrl(dispo({ alt_url_id: 'NEW', url_statuses: 'S'.repeat(1001) })),
			altUrl(dispo({ alt_url_id: 'NEW', url_description: 'd'.repeat(256) })),
			altUrl(dispo({ alt_url_id: 'NEW', url_lists: '1'.repeat(1001) })),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				url_type: 'addlead',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'campaign',
				url_type: 'noagent',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'ingroup',
				url_type: 'addlead',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'ingroup',
				url_type: 'bogus',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'list',
				url_type: 'noagent',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'list',
				url_type: 'dispo',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({
				campaign_id: 'TESTCAMP',
				entry_type: 'system',
				url_type: 'dispo',
				alt_url_id: 'NEW',
				url_address: 'https://example.com/x',
			}),
			altUrl({ campaign_id: 'TESTCAMP', url_type: 'dispo', alt_url_id: 'NEW' }),
			altUrl(dispo({ campaign_id: 'NOCAMP', alt_url_id: 'LIST' })),
			altUrl(dispo({ campaign_id: 'T', alt_url_id: 'LIST' })),
		],
	},
	{
		name: 'update_alt_url: permissions, bad login, source',
		steps: [
			altUrl(dispo({ alt_url_id: 'LIST' }), VERSION_ONLY),
			altUrl(dispo({ alt_url_id: 'LIST' }), NO_RIGHTS),
			altUrl(dispo({ alt_url_id: 'LIST' }), ADMIN, 'wrong'),
			altUrl(dispo({ alt_url_id: 'LIST' }), ADMIN, PASS, 'x'),
		],
	},
	// ---------------------------------------------------------------- add_list
	{
		name: 'add_list: success with settings, read back, duplicate, defaults',
		steps: [
			addList({
				list_id: '555',
				list_name: 'API list 555',
				campaign_id: 'TESTCAMP',
				active: 'Y',
				script: 'CALLNOTES',
				drop_inbound_group: 'TESTIN',
				reset_time: '0900-1700',
				expiration_date: '2030-06-30',
				list_description: 'Made by the API',
				tz_method: 'POSTAL_CODE',
				local_call_time: '9am-9pm',
				outbound_cid: '3125550103',
				am_message: 'vm-goodbye',
				xferconf_one: '3125550104',
				web_form_address: 'https%3A%2F%2Fexample.com%2Fform%3Fa%3Db%2Bc',
			}),
			listInfo({ list_id: '555', header: 'YES' }),
			addList({ list_id: '555', list_name: 'Again', campaign_id: 'TESTCAMP' }),
			note(
				addList({ list_id: '556x', list_name: 'Minimal', campaign_id: 'testcamp' }),
				'letters dropped from the id; inactive by default',
			),
			listInfo({ list_id: '556' }),
			addList({
				list_id: '557',
				list_name: 'Campaign call time',
				campaign_id: 'TESTCAMP',
				local_call_time: 'campaign',
				web_form_address: '--BLANK--',
				list_description: '--BLANK--',
			}),
			listInfo({ list_id: '557' }),
		],
	},
	{
		name: 'add_list: every refused value',
		steps: [
			addList({ list_id: '1', list_name: 'Name', campaign_id: 'TESTCAMP' }),
			addList({ list_id: '558', list_name: 'N', campaign_id: 'TESTCAMP' }),
			addList({ list_id: '558', list_name: 'Name' }),
			addList({ list_id: '558', list_name: 'Name', campaign_id: 'NOCAMP' }),
			addList({ list_id: '101', list_name: 'Name', campaign_id: 'TESTCAMP' }),
			addList({ list_id: '558', list_name: 'Name', campaign_id: 'TESTCAMP', script: 'NOSCRIPT' }),
			addList({
				list_id: '558',
				list_name: 'Name',
				campaign_id: 'TESTCAMP',
				drop_inbound_group: 'NOGROUP',
			}),
			addList({ list_id: '558', list_name: 'Name', campaign_id: 'TESTCAMP', reset_time: '900' }),
			addList({
				list_id: '558',
				list_name: 'Name',
				campaign_id: 'TESTCAMP',
				custom_fields_copy: '777',
			}),
			addList({
				list_id: '558',
				list_name: 'Name',
				campaign_id: 'TESTCAMP',
				custom_fields_copy: '101',
			}),
			addList({ list_id: '558', list_name: 'Name', campaign_id: 'TESTCAMP', tz_method: 'AREA' }),
			addList({
				list_id: '558',
				list_name: 'Name',
				campaign_id: 'TESTCAMP',
				local_call_time: 'never',
			}),
			addList({
				list_id: '558',
				list_name: 'Name',
				campaign_id: 'TESTCAMP',
				xferconf_five: 'x'.repeat(51),
			}),
			listInfo({ list_id: '558' }),
		],
	},
	{
		name: 'add_list: permissions, bad login, source',
		steps: [
			addList({ list_id: '559', list_name: 'Name', campaign_id: 'TESTCAMP' }, VERSION_ONLY),
			addList({ list_id: '559', list_name: 'Name', campaign_id: 'TESTCAMP' }, NO_RIGHTS),
			addList({ list_id: '559', list_name: 'Name', campaign_id: 'TESTCAMP' }, ADMIN, 'wrong'),
			addList({ list_id: '559', list_name: 'Name', campaign_id: 'TESTCAMP' }, ADMIN, PASS, 'x'),
		],
	},
	// ---------------------------------------------------------------- update_list
	{
		name: 'update_list: settings, campaign move, read back with list_info',
		steps: [
			updateList({
				list_id: '102',
				list_name: 'Renamed 102',
				active: 'Y',
				list_description: 'changed',
				tz_method: 'NANPA_PREFIX',
				local_call_time: '9am-5pm',
				outbound_cid: '3125550105',
			}),
			listInfo({ list_id: '102', header: 'YES' }),
			updateList({
				list_id: '102',
				script: 'CALLNOTES',
				drop_inbound_group: 'TESTIN',
				am_message: 'vm-goodbye',
				xferconf_two: '3125550106',
				web_form_address_two: 'https://example.com/f',
			}),
			updateList({
				list_id: '102',
				script: '--BLANK--',
				drop_inbound_group: '--BLANK--',
				am_message: '--BLANK--',
				xferconf_two: '--BLANK--',
				web_form_address_two: '--BLANK--',
				list_description: '--BLANK--',
				local_call_time: 'campaign',
			}),
			note(
				updateList({ list_id: '102', reset_time: '0800-1200', expiration_date: '2031-01-31' }),
				'the expiration date replaces the reset time change',
			),
			listInfo({ list_id: '102' }),
			updateList({ list_id: '102', expiration_date: '--BLANK--' }),
			listInfo({ list_id: '102' }),
			note(
				updateList({ list_id: '101', reset_time: '--BLANK--' }),
				'the filter leaves ---- of --BLANK--',
			),
			note(
				updateList({ list_id: '101', campaign_id: 'testcamp' }),
				'a different spelling of the campaign empties its hopper of this list',
			),
			updateList({ list_id: '101' }),
		],
	},
	{
		name: 'update_list: reset, delete leads, delete list, add if not found',
		steps: [
			updateList({ list_id: '101', reset_list: 'Y' }),
			listInfo({ list_id: '101', leads_counts: 'Y', dialable_count: 'Y' }),
			updateList({ list_id: '102', active: 'N', reset_list: 'Y', delete_leads: 'Y' }),
			updateList({ list_id: '101', delete_leads: 'Y' }),
			listInfo({ list_id: '101', leads_counts: 'Y' }),
			updateList({ list_id: '101', delete_list: 'Y' }),
			listInfo({ list_id: '101' }),
			updateList({ list_id: '101', active: 'Y' }),
			updateList({
				list_id: '560',
				insert_if_not_found: 'Y',
				list_name: 'Inserted list',
				campaign_id: 'TESTCAMP',
			}),
			listInfo({ list_id: '560' }),
			updateList({ list_id: '561', insert_if_not_found: 'Y' }),
			note(
				updateList({
					list_id: '562',
					custom_fields_copy: '5',
					list_name: 'Ghost list',
					reset_list: 'Y',
				}),
				'a copy request skips the existence check',
			),
			updateList({ list_id: '102', custom_fields_copy: '777' }),
			updateList({ list_id: '102', custom_fields_copy: '101', active: 'Y' }),
		],
	},
	{
		name: 'update_list: every refused value',
		steps: [
			updateList({ list_id: '1', active: 'Y' }),
			updateList({ list_id: '777', active: 'Y' }),
			updateList({ list_id: '102', campaign_id: 'NOCAMP' }),
			updateList({ list_id: '102', script: 'NOSCRIPT' }),
			updateList({ list_id: '102', drop_inbound_group: 'NOGROUP' }),
			updateList({ list_id: '102', list_name: 'Short' }),
			updateList({ list_id: '102', active: 'X' }),
			updateList({ list_id: '102', outbound_cid: '12345' }),
			updateList({ list_id: '102', am_message: 'x'.repeat(101) }),
			updateList({ list_id: '102', reset_time: '900' }),
			updateList({ list_id: '102', tz_method: 'AREA' }),
			updateList({ list_id: '102', local_call_time: 'never' }),
			updateList({ list_id: '102', xferconf_four: 'x'.repeat(51) }),
			listInfo({ list_id: '102' }),
		],
	},
	{
		name: 'update_list: permissions, bad login, source, delete rights',
		steps: [
			updateList({ list_id: '102', active: 'Y' }, VERSION_ONLY),
			updateList({ list_id: '102', active: 'Y' }, NO_RIGHTS),
			updateList({ list_id: '102', active: 'Y' }, ADMIN, 'wrong'),
			updateList({ list_id: '102', active: 'Y' }, ADMIN, PASS, 'x'),
			listInfo({ list_id: '102' }),
		],
	},
	{
		name: 'update_list: odd inputs: letters after the id, GET, lower-case campaign, URL-encoded web form with a quote',
		steps: [
			note(
				updateList({ list_id: '102abc', list_name: 'Letters after' }),
				'letters are dropped from the id',
			),
			listInfo({ list_id: '102' }),
			get(updateList({ list_id: '102', active: 'Y' })),
			updateList({ list_id: '102', web_form_address: 'https%3A%2F%2Fexample.com%2F%3Fa%3Db%20c' }),
			note(
				updateList({ list_id: '102', web_form_address: 'https%3A%2F%2Fexample.com%2F%27x' }),
				'the decoded quote breaks the statement',
			),
			updateList({ list_id: '102', campaign_id: 'TESTCAMP', active: 'N' }),
		],
	},
	{
		name: 'update_campaign: odd inputs: lower-case id with hopper reset, GET, filtered characters',
		steps: [
			updateCampaign({ campaign_id: 'testcamp', reset_hopper: 'Y', hopper_level: '50' }),
			get(updateCampaign({ campaign_id: 'TESTCAMP', campaign_name: 'Name; with (odd) chars!' })),
			campaignsList(),
			note(
				updateCampaign({ campaign_id: 'TESTCAMP', auto_dial_level: '1.2.3' }),
				'not a number: compared as text',
			),
			updateCampaign({
				campaign_id: 'TESTCAMP',
				dispo_call_url: 'https://example.com/x?a=1#frag,[x]',
			}),
			agentCampaigns({ agent_user: '1003', header: 'YES', stage: 'tab' }),
		],
	},
];
