import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, id, flag, int, str, text } from '../../entry';

/** VICIdial IDs (users, campaigns, groups): the characters the API keeps. */
const ID = /^[-_0-9a-zA-Z]+$/;
/** Several IDs joined by "|", as the group and campaign filters take them. */
const IDS = /^[-_0-9a-zA-Z]+(\|[-_0-9a-zA-Z]+)*$/;

const agentUser = (description: string): ParamSpec =>
	text('agent_user', 'Agent', {
		required: true,
		minLength: 1,
		maxLength: 20,
		pattern: { regex: ID, hint: 'must be a VICIdial user ID (letters, digits, "-" and "_")' },
		load: 'agents',
		description,
	});

const idList = (name: string, displayName: string, load: ParamSpec['load'], description: string, required = false): ParamSpec =>
	text(name, displayName, {
		required,
		main: true,
		minLength: 1,
		maxLength: 9999,
		separator: '|',
		pattern: { regex: IDS, hint: 'must be IDs (letters, digits, "-" and "_") separated by "|"' },
		load,
		description,
	});

/** Agent counters that user_group_status and in_group_status print. */
const agentCounters = [int('agents_logged_in'), int('agents_in_calls'), int('agents_waiting'), int('agents_paused')];

export const realtimeFunctions: FunctionEntry[] = [
	{
		fn: 'logged_in_agents',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getLoggedInAgents',
		name: 'Get Logged-In Agents',
		action: 'Get logged in agents',
		description: 'Every agent logged in to the agent screen, with status, call and session (logged_in_agents)',
		writes: false,
		params: [
			idList('campaigns', 'Campaigns', 'campaigns', 'Only agents logged in to these campaigns; all when empty'),
			idList('user_groups', 'User Groups', undefined, 'Only agents of these user groups; all when empty'),
			flag('show_sub_status', 'Include Sub-Status', {
				flagValues: ['YES', 'NO'],
				description: 'Whether to add the pause code and the real-time sub-status (RING, DISPO, PREVIEW, 3-WAY, PARK, DEAD, DIAL)',
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [
				str('user'),
				str('campaign_id'),
				str('session_id'),
				str('status'),
				int('lead_id'),
				str('callerid'),
				int('calls_today'),
				str('full_name'),
				str('user_group'),
				int('user_level'),
				str('pause_code', { param: 'show_sub_status', equals: 'YES' }),
				str('sub_status', { param: 'show_sub_status', equals: 'YES' }),
			],
		},
		noRecords: /NO LOGGED IN AGENTS/,
	},
	{
		fn: 'agent_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getAgentStatus',
		name: 'Get Agent Status',
		action: 'Get an agent status',
		description: "A logged-in agent's status, pause code, sub-status, lead and session (agent_status)",
		writes: false,
		params: [
			agentUser('The agent whose status to get'),
			flag('include_ip', 'Include Computer IP', {
				flagValues: ['YES', 'NO'],
				description: "Whether to add the computer IP of the agent's last login that is more than two days old, when there is one",
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [
				str('status'),
				str('callerid'),
				int('lead_id'),
				str('campaign_id'),
				int('calls_today'),
				str('full_name'),
				str('user_group'),
				int('user_level'),
				str('pause_code'),
				str('real_time_sub_status'),
				str('phone_number'),
				str('vendor_lead_code'),
				str('session_id'),
				{ name: 'computer_ip', type: 'string', when: { param: 'include_ip', equals: 'YES' }, optional: true },
			],
		},
	},
	{
		fn: 'user_group_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getUserGroupStatus',
		name: 'Get User Group Status',
		action: 'Get user group status',
		description: 'Live agent counts of one or more user groups, added together, and the calls waiting (user_group_status)',
		writes: false,
		params: [idList('user_groups', 'User Groups', undefined, 'The user groups to count; several are added together', true)],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [str('user_groups'), int('calls_waiting'), ...agentCounters, int('agents_in_dead_calls'), int('agents_in_dispo'), int('agents_in_dial')],
		},
	},
	{
		fn: 'in_group_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getInGroupStatus',
		name: 'Get In-Group Status',
		action: 'Get inbound group status',
		description: 'Live calls and agent counts of one or more in-groups, added together (in_group_status)',
		writes: false,
		params: [idList('in_groups', 'In-Groups', 'inGroups', 'The in-groups to count; several are added together', true)],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [str('in_groups'), int('total_calls'), int('calls_waiting'), ...agentCounters, int('agents_in_dispo'), int('agents_in_dial')],
		},
	},
	{
		fn: 'agent_ingroup_info',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getAgentInGroups',
		name: 'Get Agent In-Groups',
		action: 'Get inbound groups of an agent',
		description: 'The in-groups a logged-in agent takes calls from, blended autodial and manager override (agent_ingroup_info)',
		writes: false,
		params: [agentUser('The logged-in agent whose in-groups to get')],
		fixed: { stage: 'text' },
		answer: {
			kind: 'status',
			fields: [str('agent_user'), str('stage')],
			labels: [
				{ label: 'SELECTED INGROUPS', field: str('selected_ingroups') },
				{ label: 'OUTBOUND AUTODIAL', field: str('outbound_autodial') },
				{ label: 'MANAGER OVERRIDE', field: str('manager_override') },
				{ label: 'MANAGER', field: str('manager') },
			],
		},
	},
	{
		fn: 'blind_monitor',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'monitorCall',
		name: 'Monitor a Call',
		action: 'Monitor an agent',
		description: "Call a phone and connect it to an agent's conference to listen, barge in or whisper (blind_monitor)",
		writes: true,
		params: [
			id('session_id', 'Session ID', { required: true, minLength: 1, maxLength: 20, description: "The agent's conference extension (session_id of Get Logged-In Agents)" }),
			text('server_ip', 'Server IP', {
				required: true,
				minLength: 7,
				maxLength: 15,
				pattern: { regex: /^\d{1,3}(\.\d{1,3}){3}$/, hint: 'must be an IPv4 address' },
				description: 'IP of the VICIdial server the agent session is on',
			}),
			text('phone_login', 'Phone Login', {
				required: true,
				minLength: 1,
				maxLength: 20,
				pattern: { regex: ID, hint: 'must be a phone login (letters, digits, "-" and "_")' },
				description: 'Login of the phone VICIdial calls to connect you',
			}),
			choice('stage', 'Mode', {
				main: true,
				default: 'MONITOR',
				choices: [
					{ name: 'Listen', value: 'MONITOR', description: 'Hear the call; nobody hears you' },
					{ name: 'Barge In', value: 'BARGE', description: 'Join the call; everyone hears you' },
					{ name: 'Barge In, Phone First', value: 'BARGE_SWAP', description: 'Barge in, with your phone called first' },
					{ name: 'Hijack', value: 'HIJACK', description: 'Take the call over' },
					{ name: 'Whisper', value: 'WHISPER', description: 'Only the agent hears you (needs agent whisper enabled; otherwise listen)' },
				],
			}),
		],
		answer: {
			kind: 'status',
			fields: [str('phone_login'), str('dial_string'), str('dialplan_number'), str('session_id'), int('manager_id'), str('user')],
		},
	},
	{
		fn: 'server_refresh',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'refreshServers',
		name: 'Refresh Servers',
		action: 'Refresh server configuration',
		description: 'Make every server rebuild its Asterisk configuration files (server_refresh)',
		writes: true,
		params: [],
		fixed: { stage: 'REFRESH' },
		answer: { kind: 'status', fields: [str('user'), int('servers_changed')] },
	},
];
