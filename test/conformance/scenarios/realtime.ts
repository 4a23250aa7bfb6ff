/** Conformance scenarios: realtime functions (real-time status, monitoring, server refresh) and the system lists. */
import { ADMIN, NO_RIGHTS, PASS, VERSION_ONLY, na, note } from '../builders';
import type { Scenario, Step } from '../corpus';

/** The permission and login cases every function of the group gets. */
function accessSteps(fn: string, extra: Record<string, string>): Step[] {
	return [
		note(na(fn, extra, VERSION_ONLY), 'function not in api_allowed_functions'),
		note(na(fn, extra, NO_RIGHTS), 'no vdc_agent_api_access / view_reports'),
		note(na(fn, extra, ADMIN, 'wrong'), 'bad password'),
		note(na(fn, extra, ADMIN, PASS, 'x'), 'source too short'),
	];
}

export const scenarios: Scenario[] = [
	{
		name: 'logged_in_agents: the two seeded sessions, filters and output options',
		steps: [
			na('logged_in_agents'),
			na('logged_in_agents', { header: 'YES' }),
			na('logged_in_agents', { show_sub_status: 'YES' }),
			na('logged_in_agents', { show_sub_status: 'YES', header: 'YES', stage: 'csv' }),
			na('logged_in_agents', { stage: 'tab', time_format: 'HF' }),
			na('logged_in_agents', { campaigns: 'TESTCAMP' }),
			na('logged_in_agents', { campaigns: 'XX|TESTCAMP' }),
			na('logged_in_agents', { campaigns: 'testcamp' }),
			na('logged_in_agents', { user_groups: 'AGENTS' }),
			na('logged_in_agents', { user_groups: 'AGENTS|ADMIN', campaigns: 'TESTCAMP' }),
			note(na('logged_in_agents', { campaigns: 'XX' }), 'no agent in that campaign'),
			na('logged_in_agents', { user_groups: 'ADMIN', header: 'YES' }),
			na('logged_in_agents', { campaigns: "TEST'CAMP" }),
		],
	},
	{ name: 'logged_in_agents: permissions and login', steps: accessSteps('logged_in_agents', {}) },
	{
		name: 'agent_status: paused, in a call, not logged in, unknown',
		steps: [
			na('agent_status', { agent_user: '1001' }),
			na('agent_status', { agent_user: '1003' }),
			na('agent_status', { agent_user: '1003', header: 'YES', stage: 'csv' }),
			na('agent_status', { agent_user: '1001', include_ip: 'YES', header: 'YES' }),
			na('agent_status', { agent_user: '1001', stage: 'tab' }),
			na('agent_status', { agent_user: '1002' }),
			na('agent_status', { agent_user: '9999' }),
			na('agent_status', { agent_user: '6666' }),
			na('agent_status', {}),
			na('agent_status', { agent_user: '' }),
			na('agent_status', { agent_user: '10 01' }),
		],
	},
	{
		name: 'agent_status: permissions and login',
		steps: accessSteps('agent_status', { agent_user: '1001' }),
	},
	{
		name: 'user_group_status: groups, several groups, output options',
		steps: [
			na('user_group_status', { user_groups: 'AGENTS' }),
			na('user_group_status', { user_groups: 'ADMIN' }),
			na('user_group_status', { user_groups: 'AGENTS|ADMIN' }),
			na('user_group_status', { user_groups: 'agents', header: 'YES' }),
			na('user_group_status', { user_groups: 'NOSUCH', stage: 'csv', header: 'YES' }),
			na('user_group_status', { user_groups: 'AGENTS', stage: 'tab' }),
			na('user_group_status', {}),
		],
	},
	{
		name: 'user_group_status: permissions and login',
		steps: accessSteps('user_group_status', { user_groups: 'AGENTS' }),
	},
	{
		name: 'in_group_status: in-groups, several in-groups, output options',
		steps: [
			na('in_group_status', { in_groups: 'TESTIN' }),
			na('in_group_status', { in_groups: 'TESTIN|AGENTDIRECT', header: 'YES' }),
			na('in_group_status', { in_groups: 'AGENTDIRECT' }),
			na('in_group_status', { in_groups: 'testin', stage: 'csv' }),
			na('in_group_status', { in_groups: 'NOSUCH', stage: 'tab', header: 'YES' }),
			na('in_group_status', {}),
		],
	},
	{
		name: 'in_group_status: permissions and login',
		steps: accessSteps('in_group_status', { in_groups: 'TESTIN' }),
	},
	{
		name: 'agent_ingroup_info: text answer for logged-in agents, errors for the others',
		steps: [
			na('agent_ingroup_info', { agent_user: '1001', stage: 'text' }),
			na('agent_ingroup_info', { agent_user: '1003', stage: 'text' }),
			na('agent_ingroup_info', { agent_user: '1002', stage: 'text' }),
			na('agent_ingroup_info', { agent_user: '9999', stage: 'text' }),
			na('agent_ingroup_info', { stage: 'text' }),
		],
	},
	{
		name: 'agent_ingroup_info: permissions and login',
		steps: accessSteps('agent_ingroup_info', { agent_user: '1001', stage: 'text' }),
	},
	{
		name: 'blind_monitor: listen to a session, then errors',
		steps: [
			na('blind_monitor', { session_id: '8600051', server_ip: '127.0.0.1', phone_login: '1002' }),
			na('blind_monitor', { session_id: '1', server_ip: '127.0.0.1', phone_login: '1002' }),
			na('blind_monitor', { session_id: '8600051', server_ip: '10.0.0.1', phone_login: '1002' }),
			na('blind_monitor', { session_id: '8600051', server_ip: '127.0.0.1', phone_login: 'nosuch' }),
			na('blind_monitor', { session_id: '8600051', server_ip: '127.0.0.1' }),
			na('blind_monitor', {}),
		],
	},
	{
		name: 'blind_monitor: barge in',
		steps: [
			na('blind_monitor', {
				session_id: '8600053',
				server_ip: '127.0.0.1',
				phone_login: '1002',
				stage: 'BARGE',
			}),
		],
	},
	{
		name: 'blind_monitor: barge in, phone first',
		steps: [
			na('blind_monitor', {
				session_id: '8600051',
				server_ip: '127.0.0.1',
				phone_login: 'gs102',
				stage: 'BARGE_SWAP',
			}),
		],
	},
	{
		name: 'blind_monitor: hijack',
		steps: [
			na('blind_monitor', {
				session_id: '8600051',
				server_ip: '127.0.0.1',
				phone_login: '1001',
				stage: 'HIJACK',
			}),
		],
	},
	{
		name: 'blind_monitor: whisper while whisper is off',
		steps: [
			na('blind_monitor', {
				session_id: '8600053',
				server_ip: '127.0.0.1',
				phone_login: '1002',
				stage: 'WHISPER',
			}),
		],
	},
	{
		name: 'blind_monitor: a session without an agent',
		steps: [
			na('blind_monitor', { session_id: '8600060', server_ip: '127.0.0.1', phone_login: '1002' }),
		],
	},
	{
		name: 'blind_monitor: source queuemetrics (call ID as password, no phone check)',
		steps: [
			note(
				na(
					'blind_monitor',
					{ stage: 'MONITOR', session_id: '8600053', server_ip: '127.0.0.1', phone_login: '1002' },
					'qm',
					'V0101090000000000012',
					'queuemetrics',
				),
				'logged in by a live call ID, but no such API user',
			),
			na(
				'blind_monitor',
				{ stage: 'BARGE', session_id: '8600053', server_ip: '127.0.0.1', phone_login: '1002' },
				'qm',
				'V0101090000000000012',
				'queuemetrics',
			),
			note(
				na(
					'blind_monitor',
					{ stage: 'MONITOR', session_id: '8600053', server_ip: '127.0.0.1', phone_login: '777' },
					NO_RIGHTS,
					PASS,
					'queuemetrics',
				),
				'no rights and an unknown phone: allowed for queuemetrics',
			),
		],
	},
	{
		name: 'agent_ingroup_info: source queuemetrics skips the rights check',
		steps: [
			na(
				'agent_ingroup_info',
				{ agent_user: '1001', stage: 'text' },
				NO_RIGHTS,
				PASS,
				'queuemetrics',
			),
		],
	},
	{
		name: 'blind_monitor: permissions and login',
		steps: accessSteps('blind_monitor', {
			session_id: '8600051',
			server_ip: '127.0.0.1',
			phone_login: '1002',
		}),
	},
	{
		name: 'server_refresh: triggered, then the stage check',
		steps: [
			na('server_refresh', { stage: 'REFRESH' }),
			na('server_refresh', { stage: 'REFRESH' }),
			na('server_refresh', {}),
			na('server_refresh', { stage: 'refresh' }),
		],
	},
	{
		name: 'server_refresh: permissions and login',
		steps: accessSteps('server_refresh', { stage: 'REFRESH' }),
	},
	{
		name: 'sounds_list: central sound control is off',
		steps: [
			na('sounds_list', { format: 'tab', stage: 'name' }),
			na('sounds_list', {}),
			...accessSteps('sounds_list', { format: 'tab', stage: 'name' }),
		],
	},
	{
		name: 'moh_list: central sound control is off',
		steps: [na('moh_list'), ...accessSteps('moh_list', {})],
	},
	{
		name: 'vm_list: voicemail boxes of the phones',
		steps: [na('vm_list'), na('vm_list', { comments: 'vm_field' }), ...accessSteps('vm_list', {})],
	},
	{
		name: 'ingroup_list: the active in-groups',
		steps: [na('ingroup_list'), ...accessSteps('ingroup_list', {})],
	},
	{
		name: 'callmenu_list: the call menus',
		steps: [na('callmenu_list'), ...accessSteps('callmenu_list', {})],
	},
	{
		name: 'container_list: containers by type',
		steps: [
			na('container_list', { type: 'OTHER' }),
			na('container_list', { type: 'TIMEZONE_LIST' }),
			na('container_list', { type: 'other' }),
			na('container_list', { type: 'NOSUCH' }),
			na('container_list', {}),
			na('container_list', {}, ADMIN, 'wrong'),
			...accessSteps('container_list', { type: 'OTHER' }),
		],
	},
	// The requests exactly as the node's entries send them (fixed output options included).
	{
		name: 'logged_in_agents: as the node sends it',
		steps: [
			na('logged_in_agents', { stage: 'pipe', header: 'NO' }),
			na('logged_in_agents', {
				campaigns: 'TESTCAMP',
				user_groups: 'AGENTS|ADMIN',
				show_sub_status: 'YES',
				stage: 'pipe',
				header: 'NO',
			}),
			na('logged_in_agents', { campaigns: 'NOCAMP', stage: 'pipe', header: 'NO' }),
		],
	},
	{
		name: 'agent_status: as the node sends it',
		steps: [
			na('agent_status', { agent_user: '1003', stage: 'pipe', header: 'NO' }),
			na('agent_status', { agent_user: '1001', include_ip: 'YES', stage: 'pipe', header: 'NO' }),
			na('agent_status', { agent_user: '1002', include_ip: 'NO', stage: 'pipe', header: 'NO' }),
		],
	},
	{
		name: 'user_group_status and in_group_status: as the node sends them',
		steps: [
			na('user_group_status', { user_groups: 'AGENTS|ADMIN', stage: 'pipe', header: 'NO' }),
			na('in_group_status', { in_groups: 'TESTIN', stage: 'pipe', header: 'NO' }),
		],
	},
	{
		name: 'agent_ingroup_info, server_refresh and sounds_list: as the node sends them',
		steps: [
			na('agent_ingroup_info', { agent_user: '1003', stage: 'text' }),
			na('server_refresh', { stage: 'REFRESH' }),
			na('sounds_list', { stage: 'date', format: 'tab' }),
		],
	},
];
