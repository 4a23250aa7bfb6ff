/**
 * Conformance scenarios: agentSession functions. Seed sessions: 1001 logged in and PAUSED
 * (lead 0), 1002 not logged in, 1003 INCALL on lead 12. Agents 1001-1003 are API users too,
 * without modify_leads / modify_campaigns / change_agent_campaign. 6668 has no Agent API access.
 */
import type { Scenario } from '../corpus';
import { ag, agRaw, NO_RIGHTS, PASS, VERSION_ONLY } from '../builders';

const AGENT = '1001';

export const scenarios: Scenario[] = [
	{
		name: 'version: Agent API version without login, and with a login',
		steps: [agRaw({ function: 'version' }), ag('version')],
	},
	{
		name: 'webserver: permission refusals and the php -S failure',
		steps: [ag('webserver', {}, VERSION_ONLY), ag('webserver', {}, NO_RIGHTS), ag('webserver', {}, '6666', 'wrong')],
	},
	{
		name: 'logout: not valid, refused, not logged in, queued, value from the last POST field',
		steps: [
			ag('logout', { agent_user: AGENT, value: 'PAUSE' }),
			ag('logout', { value: 'LOGOUT' }),
			ag('logout', { agent_user: AGENT, value: 'LOGOUT' }, VERSION_ONLY),
			ag('logout', { agent_user: '1002', value: 'LOGOUT' }),
			ag('logout', { agent_user: '1003', value: 'LOGOUT' }),
			ag('logout', { agent_user: AGENT, value: 'XLOGOUTX' }),
			ag('logout', { agent_user: AGENT }),
			ag('logout', { agent_user: AGENT, last: 'LOGOUT' }),
			ag('logout', { agent_user: AGENT, value: 'LOGOUT' }, NO_RIGHTS),
		],
	},
	{
		name: 'pause_code: paused agent, agent in a call, not logged in, lengths, refused',
		steps: [
			ag('pause_code', { agent_user: AGENT, value: 'BREAK' }),
			ag('pause_code', { agent_user: '1003', value: 'LUNCH' }),
			ag('pause_code', { agent_user: '1002', value: 'LUNCH' }),
			ag('pause_code', { agent_user: AGENT, value: 'TOOLONG' }),
			ag('pause_code', { agent_user: AGENT }),
			ag('pause_code', { value: 'BREAK' }),
			ag('pause_code', { agent_user: AGENT, value: 'BREAK' }, VERSION_ONLY),
			ag('pause_code', { alt_user: '1001', value: 'BRK2' }),
			ag('pause_code', { agent_user: AGENT, value: 'BRK3' }),
		],
	},
	{
		name: 'change_ingroups: not valid, refused, rights, unknown in-group, add, remove, replace, default',
		steps: [
			ag('change_ingroups', { agent_user: AGENT, value: 'CHANGE' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'CHANGE', blended: 'YES', ingroup_choices: ' TESTIN -' }, VERSION_ONLY),
			ag('change_ingroups', { agent_user: '1002', value: 'CHANGE', blended: 'YES', ingroup_choices: ' TESTIN -' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'CHANGE', blended: 'YES', ingroup_choices: ' TESTIN -' }, AGENT),
			ag('change_ingroups', { agent_user: AGENT, value: 'ADD', blended: 'NO', ingroup_choices: ' NOSUCH -' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'ADD', blended: 'NO' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'REMOVE', blended: 'NO', ingroup_choices: ' TESTIN -' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'ADD', blended: 'YES', ingroup_choices: ' TESTIN -' }),
			ag('change_ingroups', { agent_user: AGENT, value: 'ADD', blended: 'YES', ingroup_choices: ' TESTIN -' }),
			ag('change_ingroups', { agent_user: '1003', value: 'CHANGE', blended: 'NO', ingroup_choices: '', set_as_default: 'YES' }),
			ag('change_ingroups', { agent_user: '1003', value: 'change', blended: 'YES', ingroup_choices: '+TESTIN+-', set_as_default: 'YES' }),
			ag('calls_in_queue_count', { agent_user: '1003', value: 'DISPLAY' }),
		],
	},
	{
		name: 'call_agent: not valid, refused, not logged in, no login call',
		steps: [
			ag('call_agent', { agent_user: AGENT, value: 'DIAL' }),
			ag('call_agent', { agent_user: AGENT }),
			ag('call_agent', { agent_user: AGENT, value: 'CALL' }, VERSION_ONLY),
			ag('call_agent', { agent_user: '1002', value: 'CALL' }),
			ag('call_agent', { agent_user: AGENT, value: 'CALL' }),
			ag('call_agent', { agent_user: '1003', value: 'CALL' }),
		],
	},
	{
		name: 'send_notification: disabled on the seed, for every user',
		steps: [
			ag('send_notification', { recipient: AGENT, recipient_type: 'USER', notification_text: 'hello' }),
			ag('send_notification', { recipient: 'AGENTS', recipient_type: 'USER_GROUP', show_confetti: 'Y' }, VERSION_ONLY),
			ag('send_notification', {}),
		],
	},
	{
		name: 'refresh_panel: panels, names found anywhere in the request, errors',
		steps: [
			ag('refresh_panel', { agent_user: AGENT, scriptreload: '1', script2reload: '1', callbacksreload: '1' }),
			ag('refresh_panel', { agent_user: AGENT, scriptreload: '1', script2reload: '1', callbacksreload: '1' }),
			ag('refresh_panel', { agent_user: AGENT, formreload: '0' }),
			ag('refresh_panel', { agent_user: AGENT, note: 'EMAILRELOAD chatreload' }),
			ag('refresh_panel', { agent_user: AGENT }),
			ag('refresh_panel', { formreload: '1' }),
			ag('refresh_panel', { agent_user: '1002', formreload: '1' }),
			ag('refresh_panel', { agent_user: AGENT, formreload: '1' }, VERSION_ONLY),
		],
	},
	{
		name: 'set_timer_action: actions, rights, errors',
		steps: [
			ag('set_timer_action', { agent_user: '1003', value: 'MESSAGE_ONLY', notes: 'call+ends soon!', rank: '15' }),
			ag('set_timer_action', { agent_user: AGENT, value: 'WEBFORM' }),
			ag('set_timer_action', { agent_user: AGENT, value: 'NONE', notes: 'x', rank: '0' }),
			ag('set_timer_action', { agent_user: AGENT, value: 'D' }),
			ag('set_timer_action', { value: 'WEBFORM' }),
			ag('set_timer_action', { agent_user: '1002', value: 'WEBFORM' }),
			ag('set_timer_action', { agent_user: AGENT, value: 'WEBFORM' }, AGENT),
			ag('set_timer_action', { agent_user: AGENT, value: 'WEBFORM' }, VERSION_ONLY),
		],
	},
	{
		name: 'update_fields: lead on screen, names in values, no lead, rights, errors',
		steps: [
			ag('update_fields', { agent_user: '1003', first_name: 'Ann', last_name: "O'Neil", city: 'Evanston' }),
			ag('st_get_agent_active_lead', { value: '1003', vendor_id: 'T1' }),
			ag('update_fields', { agent_user: '1003', first_name: 'Ann', last_name: "O'Neil", city: 'Evanston' }),
			ag('update_fields', { agent_user: '1003', address1: '1 Real Estate Rd', vendor_lead_code: 'V+1;2', province: 'Owner' }),
			ag('update_fields', { agent_user: '1003', formreload: '1', chatreload: '1' }),
			ag('update_fields', { agent_user: '1003', emailreload: '1' }),
			ag('update_fields', { agent_user: '1003', phone_code: '44', gmt_offset_now: '-5.00', rank: '7', gender: 'F', date_of_birth: '1970-01-02' }),
			ag('st_get_agent_active_lead', { value: '1003', vendor_id: 'T1' }),
			ag('update_fields', { agent_user: '1003' }),
			ag('update_fields', { agent_user: AGENT, first_name: 'Bob' }),
			ag('update_fields', { agent_user: '1002', first_name: 'Bob' }),
			ag('update_fields', { first_name: 'Bob' }),
			ag('update_fields', { agent_user: '1003', first_name: 'Bob' }, AGENT),
			ag('update_fields', { agent_user: '1003', first_name: 'Bob' }, VERSION_ONLY),
		],
	},
	{
		name: 'external_add_lead: added to the manual dial list, DNC checks, value quirk, errors',
		steps: [
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', first_name: 'Ann', last_name: 'Lee', value: '3125550177' }),
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', value: '3125550199', dnc_check: 'YES' }),
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', value: '3125550198', campaign_dnc_check: 'Y' }),
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', value: '3125550199', dnc_check: 'NO', campaign_dnc_check: 'NO' }),
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', value: '3125550178', vendor_id: 'VID9', vendor_lead_code: 'VLC', rank: '5', owner: 'me', comments: 'a+b' }),
			ag('external_add_lead', { agent_user: AGENT, phone_number: '3125550179', phone_code: '1' }),
			ag('external_add_lead', { agent_user: '1002', phone_code: '1', value: '3125550177' }),
			ag('external_add_lead', { agent_user: AGENT, value: '3125550177' }),
			ag('external_add_lead', { agent_user: AGENT, phone_code: '1', value: '3125550177' }, VERSION_ONLY),
			ag('external_add_lead', { alt_user: '1003', phone_code: '1', value: '3125550180' }),
		],
	},
	{
		name: 'st_login_log: CRM agent id, team stored, errors',
		steps: [
			ag('st_login_log', { value: '1001', vendor_id: 'TEAM+7' }),
			ag('st_login_log', { value: '9999', vendor_id: 'TEAM7' }),
			ag('st_login_log', { value: '1001' }),
			ag('st_login_log', { vendor_id: 'TEAM7' }),
			ag('st_login_log', { value: '1001', vendor_id: 'TEAM7' }, VERSION_ONLY),
		],
	},
	{
		name: 'st_get_agent_active_lead: lead in a call, no lead, not logged in, errors',
		steps: [
			ag('st_get_agent_active_lead', { value: '1003', vendor_id: 'T1' }),
			ag('st_get_agent_active_lead', { value: '1001', vendor_id: 'T1' }),
			ag('st_get_agent_active_lead', { value: '1002', vendor_id: 'T1' }),
			ag('st_get_agent_active_lead', { value: '9999', vendor_id: 'T1' }),
			ag('st_get_agent_active_lead', { value: '1003' }),
			ag('st_get_agent_active_lead', { value: '1003', vendor_id: 'T1' }, VERSION_ONLY),
		],
	},
	{
		name: 'webphone_url: display, launch, errors',
		steps: [
			ag('webphone_url', { agent_user: AGENT, value: 'DISPLAY' }),
			ag('webphone_url', { agent_user: AGENT, value: 'LAUNCH' }),
			ag('webphone_url', { agent_user: '1002', value: 'DISPLAY' }),
			ag('webphone_url', { agent_user: AGENT, value: 'SHOW' }),
			ag('webphone_url', { agent_user: AGENT }),
			ag('webphone_url', { agent_user: AGENT, value: 'DISPLAY' }, VERSION_ONLY),
		],
	},
	{
		name: 'calls_in_queue_count: counts, errors',
		steps: [
			ag('calls_in_queue_count', { agent_user: AGENT, value: 'DISPLAY' }),
			ag('calls_in_queue_count', { agent_user: '1003', value: 'DISPLAY' }),
			ag('calls_in_queue_count', { agent_user: '1002', value: 'DISPLAY' }),
			ag('calls_in_queue_count', { agent_user: AGENT, value: 'display' }),
			ag('calls_in_queue_count', { agent_user: AGENT }),
			ag('calls_in_queue_count', { agent_user: AGENT, value: 'DISPLAY' }, VERSION_ONLY),
			ag('calls_in_queue_count', { agent_user: AGENT, value: 'DISPLAY' }, NO_RIGHTS, PASS),
		],
	},
];
