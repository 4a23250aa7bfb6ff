/**
 * Conformance scenarios: the requests the VICIdial Trigger sends, built from the same values
 * (events.ts `requestValues`) and entries (validation, fixed output options) the trigger uses:
 * the days it reads (today, yesterday across midnight, days of an outage), its filters, and the
 * answers it must read (rows, nothing found, errors). Seed facts: recordings 1 (lead 13, agent
 * 1001, finished) and 2 (lead 12, agent 1003, still running), DID 3125550100 calls of today,
 * calls of leads 11-15 today, agents 1001 (PAUSED) and 1003 (INCALL), in-group TESTIN, hopper of
 * TESTCAMP with 2 leads. The real server is UTC; "today" is the day the scenario runs.
 */
import { buildForm } from '../../../nodes/shared/params';
import { entryOf } from '../../../nodes/shared/functions';
import { requestValues } from '../../../nodes/VicidialTrigger/events';
import { ADMIN, NO_RIGHTS, PASS, VERSION_ONLY, na, note } from '../builders';
import type { Scenario, Step } from '../corpus';

const day = (offsetDays: number) =>
	new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const TODAY = day(0);
const YESTERDAY = day(-1);
const DAYS_AGO_3 = day(-3);

/** The operations (resource, operation) of the functions the trigger reads. */
const OPERATIONS: Record<string, [string, string]> = {
	agent_stats_export: ['report', 'agentStats'],
	did_log_export: ['report', 'didLog'],
	hopper_list: ['hopper', 'getMany'],
	in_group_status: ['realTime', 'getInGroupStatus'],
	lead_all_info: ['lead', 'getAllInfo'],
	lead_status_search: ['lead', 'searchByStatus'],
	list_info: ['list', 'get'],
	logged_in_agents: ['realTime', 'getLoggedInAgents'],
	phone_number_log: ['report', 'phoneNumberLog'],
	recording_lookup: ['recording', 'search'],
};

/** The request the trigger sends for these values (user, pass and source added like the credential). */
function trigger(fn: string, values: Record<string, unknown>, user = ADMIN, pass = PASS): Step {
	const { function: name, ...form } = buildForm(entryOf('nonAgent', ...OPERATIONS[fn]), values);
	return na(name, form, user, pass);
}

/** Login and permission answers the trigger turns into errors. */
function access(fn: string, values: Record<string, unknown>): Step[] {
	return [
		note(trigger(fn, values, VERSION_ONLY), 'function not in api_allowed_functions'),
		note(trigger(fn, values, NO_RIGHTS), 'no report rights'),
		note(trigger(fn, values, ADMIN, 'wrong'), 'bad password'),
	];
}

export const scenarios: Scenario[] = [
	{
		name: 'version: trigger reads the server time and offset before each poll',
		steps: [na('version', {}), note(na('version', {}, ADMIN, 'wrong'), 'needs no login')],
	},
	{
		name: 'recording_lookup: trigger per agent and day, with length; a running recording; days without any',
		steps: [
			trigger('recording_lookup', requestValues.recording({ agent_user: '1001' }, TODAY)),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: '1003' }, TODAY)),
				'recording 2 is still running: no location',
			),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: '1001' }, YESTERDAY)),
				'the day before midnight',
			),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: '1002' }, TODAY)),
				'an agent without recordings',
			),
			trigger('recording_lookup', requestValues.recording({ agent_user: '1001' }, DAYS_AGO_3)),
		],
	},
	{
		name: 'recording_lookup: trigger per lead and day; permissions and login',
		steps: [
			trigger('recording_lookup', requestValues.recording({ lead_id: '13' }, TODAY)),
			trigger('recording_lookup', requestValues.recording({ lead_id: '12' }, TODAY)),
			trigger('recording_lookup', requestValues.recording({ lead_id: '13' }, YESTERDAY)),
			note(
				na('recording_lookup', { date: TODAY, duration: 'Y', stage: 'pipe' }),
				'a day alone is refused: why "all recordings" first finds the users',
			),
			...access('recording_lookup', requestValues.recording({ agent_user: '1001' }, TODAY)),
		],
	},
	{
		name: 'agent_stats_export: trigger finds the users who worked on a day (agent log from noon the day before); days without activity',
		steps: [
			note(
				trigger('agent_stats_export', requestValues.activeUsers(TODAY)),
				'agents 1001 and 1003 of the seed',
			),
			note(
				trigger('agent_stats_export', requestValues.activeUsers(YESTERDAY)),
				'nobody: NO RECORDS FOUND',
			),
			trigger('agent_stats_export', requestValues.activeUsers(DAYS_AGO_3)),
			note(
				trigger('agent_stats_export', requestValues.activeUsers('2026-03-01')),
				'the window starts on the last day of February',
			),
		],
	},
	{
		name: 'agent_stats_export: trigger all recordings needs report rights; bad login',
		steps: access('agent_stats_export', requestValues.activeUsers(TODAY)),
	},
	{
		name: 'recording_lookup: trigger all recordings asks the system user VDAD and the extra users per day, and a logged-out agent',
		steps: [
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: 'VDAD' }, TODAY)),
				'recordings the dialer made before an agent was on the call',
			),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: 'vdad' }, TODAY)),
				'user IDs compare without case',
			),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: 'GATEWAY' }, TODAY)),
				'an extra user',
			),
			note(
				trigger('recording_lookup', requestValues.recording({ agent_user: '1001' }, TODAY)),
				'an agent found in the agent log, logged in or not',
			),
		],
	},
	{
		name: 'did_log_export: trigger per day of a DID; yesterday, outage days, an unknown DID; permissions and login',
		steps: [
			trigger('did_log_export', requestValues.didLog('3125550100', TODAY)),
			trigger('did_log_export', requestValues.didLog('3125550100', YESTERDAY)),
			trigger('did_log_export', requestValues.didLog('3125550100', DAYS_AGO_3)),
			trigger('did_log_export', requestValues.didLog('3125550999', TODAY)),
			...access('did_log_export', requestValues.didLog('3125550100', TODAY)),
		],
	},
	{
		name: 'phone_number_log: trigger for several numbers, each direction; numbers without calls; permissions and login',
		steps: [
			trigger('phone_number_log', requestValues.numberLog(['3125550113', '3125550115'], 'ALL')),
			trigger('phone_number_log', requestValues.numberLog(['3125550111'], 'ALL')),
			trigger('phone_number_log', requestValues.numberLog(['3125550111'], 'OUT')),
			trigger('phone_number_log', requestValues.numberLog(['3125550111', '3125550115'], 'IN')),
			note(
				trigger('phone_number_log', requestValues.numberLog(['3125550177'], 'ALL')),
				'no calls: only a NOTICE',
			),
			...access('phone_number_log', requestValues.numberLog(['3125550113'], 'ALL')),
		],
	},
	{
		name: 'logged_in_agents: trigger snapshot with sub-status, campaign and user group filters; permissions and login',
		steps: [
			trigger('logged_in_agents', requestValues.agents([], [])),
			trigger('logged_in_agents', requestValues.agents(['TESTCAMP'], [])),
			trigger('logged_in_agents', requestValues.agents(['TESTCAMP', 'OTHER'], ['AGENTS'])),
			note(
				trigger('logged_in_agents', requestValues.agents(['OTHER'], [])),
				'nobody in that campaign',
			),
			note(
				trigger('logged_in_agents', requestValues.agents([], ['ADMIN'])),
				'nobody in that user group',
			),
			...access('logged_in_agents', requestValues.agents([], [])),
		],
	},
	{
		name: 'in_group_status: trigger one in-group per request; an empty and an unknown in-group; permissions and login',
		steps: [
			trigger('in_group_status', requestValues.queue('TESTIN')),
			trigger('in_group_status', requestValues.queue('AGENTDIRECT')),
			trigger('in_group_status', requestValues.queue('NOSUCH')),
			...access('in_group_status', requestValues.queue('TESTIN')),
		],
	},
	{
		name: 'hopper_list: trigger count of a campaign; unknown campaign; permissions and login',
		steps: [
			trigger('hopper_list', requestValues.hopper('TESTCAMP')),
			note(
				trigger('hopper_list', requestValues.hopper('NOSUCH')),
				'a clear error for a wrong campaign',
			),
			...access('hopper_list', requestValues.hopper('TESTCAMP')),
		],
	},
	{
		name: 'lead_status_search: trigger per status and day (today and the day before); statuses nobody reached; permissions and login',
		steps: [
			trigger('lead_status_search', requestValues.leadStatus('SALE', TODAY)),
			note(
				trigger('lead_status_search', requestValues.leadStatus('NI', TODAY)),
				'an outbound and an inbound lead',
			),
			trigger('lead_status_search', requestValues.leadStatus('DROP', TODAY)),
			trigger('lead_status_search', requestValues.leadStatus('SALE', YESTERDAY)),
			trigger('lead_status_search', requestValues.leadStatus('CALLBK', TODAY)),
			trigger('lead_status_search', requestValues.leadStatus('DNC', DAYS_AGO_3)),
			...access('lead_status_search', requestValues.leadStatus('SALE', TODAY)),
		],
	},
	{
		name: "lead_all_info: trigger Include Lead, first plain, then with the custom fields of the lead's list (none: HTTP 500)",
		steps: [
			trigger('lead_all_info', requestValues.lead('13', false)),
			note(
				trigger('lead_all_info', { ...requestValues.lead('13', true), force_entry_list_id: '101' }),
				'list 101 has no custom fields: empty HTTP 500, the trigger reads the lead without them',
			),
			trigger('lead_all_info', requestValues.lead('15', false)),
			note(
				trigger('lead_all_info', requestValues.lead('99', false)),
				'a lead deleted since its event',
			),
			...access('lead_all_info', requestValues.lead('13', false)),
		],
	},
	{
		name: "list_info: trigger looks up a lead's list campaign for the campaign filter",
		steps: [
			trigger('list_info', requestValues.listOfLead('101')),
			trigger('list_info', requestValues.listOfLead('102')),
			note(trigger('list_info', requestValues.listOfLead('555')), 'a list that no longer exists'),
		],
	},
];
