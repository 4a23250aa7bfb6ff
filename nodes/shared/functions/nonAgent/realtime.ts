import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, id, flag, text } from '../../entry';
import { idListPattern, PHONE_LOGIN, USER_ID } from '../../patterns';
import type { AnswerReader, FieldSpec } from '../../answer';
import { field, malformed, rows, status, typeValue } from '../../answer';

const agentUser = (description: string): ParamSpec =>
	text('agent_user', 'Agent', {
		required: true,
		minLength: 1,
		maxLength: 20,
		pattern: USER_ID,
		load: 'agents',
		description,
	});

const idList = (
	name: string,
	displayName: string,
	load: ParamSpec['load'],
	description: string,
	required = false,
): ParamSpec =>
	text(name, displayName, {
		required,
		main: true,
		minLength: 1,
		maxLength: 9999,
		separator: '|',
		pattern: idListPattern('IDs', '|'),
		load,
		description,
	});

/** Agent counters that user_group_status and in_group_status print. */
const agentCounters = [
	field.integer('agents_logged_in'),
	field.integer('agents_in_calls'),
	field.integer('agents_waiting'),
	field.integer('agents_paused'),
];

export const realtimeFunctions: FunctionEntry[] = [
	{
		fn: 'logged_in_agents',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getLoggedInAgents',
		name: 'Get Logged-In Agents',
		action: 'Get logged in agents',
		description:
			'Every agent logged in to the agent screen, with status, call and session (logged_in_agents)',
		writes: false,
		params: [
			idList(
				'campaigns',
				'Campaigns',
				'campaigns',
				'Only agents logged in to these campaigns; all when empty',
			),
			idList(
				'user_groups',
				'User Groups',
				undefined,
				'Only agents of these user groups; all when empty',
			),
			flag('show_sub_status', 'Include Sub-Status', {
				flagValues: ['YES', 'NO'],
				description:
					'Whether to add the pause code and the real-time sub-status (RING, DISPO, PREVIEW, 3-WAY, PARK, DEAD, DIAL)',
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('user'),
			field.text('campaign_id'),
			field.text('session_id'),
			field.text('status'),
			field.integer('lead_id'),
			field.text('callerid'),
			field.integer('calls_today'),
			field.text('full_name'),
			field.text('user_group'),
			field.integer('user_level'),
			field.text('pause_code', { when: { param: 'show_sub_status', equals: 'YES' } }),
			field.text('sub_status', { when: { param: 'show_sub_status', equals: 'YES' } }),
		]),
		noRecords: /NO LOGGED IN AGENTS/,
	},
	{
		fn: 'agent_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getAgentStatus',
		name: 'Get Agent Status',
		action: 'Get an agent status',
		description:
			"A logged-in agent's status, pause code, sub-status, lead and session (agent_status)",
		writes: false,
		params: [
			agentUser('The agent whose status to get'),
			flag('include_ip', 'Include Computer IP', {
				flagValues: ['YES', 'NO'],
				description:
					"Whether to add the computer IP of the agent's last login that is more than two days old, when there is one",
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('status'),
			field.text('callerid'),
			field.integer('lead_id'),
			field.text('campaign_id'),
			field.integer('calls_today'),
			field.text('full_name'),
			field.text('user_group'),
			field.integer('user_level'),
			field.text('pause_code'),
			field.text('real_time_sub_status'),
			field.text('phone_number'),
			field.text('vendor_lead_code'),
			field.text('session_id'),
			field.text('computer_ip', { when: { param: 'include_ip', equals: 'YES' }, optional: true }),
		]),
	},
	{
		fn: 'user_group_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getUserGroupStatus',
		name: 'Get User Group Status',
		action: 'Get user group status',
		description:
			'Live agent counts of one or more user groups, added together, and the calls waiting (user_group_status)',
		writes: false,
		params: [
			idList(
				'user_groups',
				'User Groups',
				undefined,
				'The user groups to count; several are added together',
				true,
			),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('user_groups'),
			field.integer('calls_waiting'),
			...agentCounters,
			field.integer('agents_in_dead_calls'),
			field.integer('agents_in_dispo'),
			field.integer('agents_in_dial'),
		]),
	},
	{
		fn: 'in_group_status',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getInGroupStatus',
		name: 'Get In-Group Status',
		action: 'Get inbound group status',
		description:
			'Live calls and agent counts of one or more in-groups, added together (in_group_status)',
		writes: false,
		params: [
			idList(
				'in_groups',
				'In-Groups',
				'inGroups',
				'The in-groups to count; several are added together',
				true,
			),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('in_groups'),
			field.integer('total_calls'),
			field.integer('calls_waiting'),
			...agentCounters,
			field.integer('agents_in_dispo'),
			field.integer('agents_in_dial'),
		]),
	},
	{
		fn: 'agent_ingroup_info',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'getAgentInGroups',
		name: 'Get Agent In-Groups',
		action: 'Get inbound groups of an agent',
		description:
			'The in-groups a logged-in agent takes calls from, blended autodial and manager override (agent_ingroup_info)',
		writes: false,
		params: [agentUser('The logged-in agent whose in-groups to get')],
		fixed: { stage: 'text' },
		answer: statusThenLabels(
			[field.text('agent_user'), field.text('stage')],
			[
				{ label: 'SELECTED INGROUPS', field: field.text('selected_ingroups') },
				{ label: 'OUTBOUND AUTODIAL', field: field.text('outbound_autodial') },
				{ label: 'MANAGER OVERRIDE', field: field.text('manager_override') },
				{ label: 'MANAGER', field: field.text('manager') },
			],
		),
	},
	{
		fn: 'blind_monitor',
		api: 'nonAgent',
		resource: 'realTime',
		operation: 'monitorCall',
		name: 'Monitor a Call',
		action: 'Monitor an agent',
		description:
			"Call a phone and connect it to an agent's conference to listen, barge in or whisper (blind_monitor)",
		writes: true,
		params: [
			id('session_id', 'Session ID', {
				required: true,
				minLength: 1,
				maxLength: 20,
				description: "The agent's conference extension (session_id of Get Logged-In Agents)",
			}),
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
				pattern: PHONE_LOGIN,
				description: 'Login of the phone VICIdial calls to connect you',
			}),
			choice('stage', 'Mode', {
				main: true,
				default: 'MONITOR',
				choices: [
					{ name: 'Listen', value: 'MONITOR', description: 'Hear the call; nobody hears you' },
					{ name: 'Barge In', value: 'BARGE', description: 'Join the call; everyone hears you' },
					{
						name: 'Barge In, Phone First',
						value: 'BARGE_SWAP',
						description: 'Barge in, with your phone called first',
					},
					{ name: 'Hijack', value: 'HIJACK', description: 'Take the call over' },
					{
						name: 'Whisper',
						value: 'WHISPER',
						description: 'Only the agent hears you (needs agent whisper enabled; otherwise listen)',
					},
				],
			}),
		],
		answer: status([
			field.text('phone_login'),
			field.text('dial_string'),
			field.text('dialplan_number'),
			field.text('session_id'),
			field.integer('manager_id'),
			field.text('user'),
		]),
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
		answer: status([field.text('user'), field.integer('servers_changed')]),
	},
];

// ---- answers only these entries have ----

/** agent_ingroup_info: a SUCCESS line, then `LABEL: value` lines read into the same record. */
export function statusThenLabels(
	fields: FieldSpec[],
	labels: Array<{ label: string; field: FieldSpec }>,
): AnswerReader {
	const base = status(fields);
	return {
		...base,
		fields: [...fields, ...labels.map((l) => l.field)],
		read(lines, context) {
			const answer = base.read(lines, context);
			const record = answer.records[0];
			const other: string[] = [];
			for (const line of lines.bare) {
				const labelled = labels.find(
					(l) => line.startsWith(`${l.label}: `) || line === `${l.label}:`,
				);
				if (labelled)
					typeValue(
						labelled.field,
						line.slice(labelled.label.length + 2),
						record,
						context.utcOffsetHours,
					);
				else if (line !== '') other.push(line);
			}
			const missing = labels.filter((l) => !(l.field.name in record)).map((l) => l.field.name);
			if (missing.length > 0)
				throw malformed(
					`The answer is incomplete: ${missing.join(', ')} missing. The connection may have been cut.`,
				);
			return { ...answer, otherLines: other };
		},
	};
}
