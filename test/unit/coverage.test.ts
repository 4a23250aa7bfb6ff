/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Every function VICIdial 2.14 serves has an entry: the Non-Agent API's (the documented list plus
 * the ones its PHP serves without documenting them) and the Agent API's. The README's operation
 * tables are the ones the entries give.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { agentFunctions } from '../../nodes/shared/functions/agent';
import { renderReadme } from '../../scripts/operations-table';
import { functionNotice, splitDescription } from '../../nodes/shared/properties';

const NON_AGENT = [
	'version',
	'sounds_list',
	'moh_list',
	'vm_list',
	'blind_monitor',
	'add_lead',
	'update_lead',
	'batch_update_lead',
	'agent_ingroup_info',
	'recording_lookup',
	'did_log_export',
	'agent_stats_export',
	'add_user',
	'update_user',
	'copy_user',
	'add_phone',
	'update_phone',
	'add_phone_alias',
	'update_phone_alias',
	'add_list',
	'update_list',
	'list_info',
	'list_custom_fields',
	'add_group_alias',
	'user_group_status',
	'in_group_status',
	'agent_status',
	'callid_info',
	'lead_field_info',
	'lead_callback_info',
	'lead_all_info',
	'lead_status_search',
	'lead_search',
	'ccc_lead_info',
	'server_refresh',
	'check_phone_number',
	'logged_in_agents',
	'update_campaign',
	'add_did',
	'copy_did',
	'update_did',
	'phone_number_log',
	'call_status_stats',
	'call_dispo_report',
	'agent_campaigns',
	'update_cid_group_entry',
	'add_dnc_phone',
	'delete_dnc_phone',
	'add_fpg_phone',
	'delete_fpg_phone',
	'campaigns_list',
	'hopper_list',
	'hopper_bulk_insert',
	'update_alt_url',
	'update_presets',
	'lead_dearchive',
	'update_remote_agent',
	'user_details',
	// served by non_agent_api.php although its documentation does not list them
	'ingroup_list',
	'callmenu_list',
	'container_list',
	'update_log_entry',
];
const AGENT = [
	'version',
	'external_hangup',
	'external_status',
	'external_pause',
	'external_dial',
	'preview_dial_action',
	'external_add_lead',
	'change_ingroups',
	'update_fields',
	'set_timer_action',
	'st_login_log',
	'st_get_agent_active_lead',
	'ra_call_control',
	'send_dtmf',
	'transfer_conference',
	'park_call',
	'logout',
	'recording',
	'webserver',
	'webphone_url',
	'call_agent',
	'pause_code',
	'audio_playback',
	'switch_lead',
	'calls_in_queue_count',
	'force_fronter_leave_3way',
	'force_fronter_audio_stop',
	'send_notification',
	'vm_message',
	'refresh_panel',
];

test('every Non-Agent API function has an operation', () => {
	const served = new Set(nonAgentFunctions.map((f) => f.fn));
	expect(NON_AGENT.filter((fn) => !served.has(fn))).toEqual([]);
	expect(nonAgentFunctions.every((f) => f.api === 'nonAgent')).toBe(true);
});

test('every Agent API function has an operation', () => {
	const served = new Set(agentFunctions.map((f) => f.fn));
	expect(AGENT.filter((fn) => !served.has(fn))).toEqual([]);
	expect(agentFunctions.every((f) => f.api === 'agent')).toBe(true);
});

test('operations are unique per resource and name their VICIdial function', () => {
	for (const specs of [nonAgentFunctions, agentFunctions]) {
		const keys = specs.map((f) => `${f.resource}/${f.operation}`);
		expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
		for (const spec of specs) {
			// the notice under the operation's fields names the function; the description shown in the action list does not end with it
			expect(`${spec.resource}/${spec.operation}: ${functionNotice(spec).displayName}`).toMatch(
				new RegExp(`VICIdial function: ${spec.fn}\\b`),
			);
			expect(splitDescription(spec).text.replace(/ \(upsert\)$/, '')).not.toMatch(
				/\([a-z_]+(, [a-z_]+)*\)$/,
			);
		}
	}
});

test('the README lists exactly the operations the entries give (npm run docs)', () => {
	const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
	expect(renderReadme(readme)).toBe(readme);
});

test('every node whose credential is tested by vicidialApiTest has that method (n8n may pick any of them)', () => {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const nodes = [
		new (require('../../nodes/Vicidial/Vicidial.node').Vicidial)(),
		new (require('../../nodes/VicidialAgent/VicidialAgent.node').VicidialAgent)(),
		new (require('../../nodes/VicidialTrigger/VicidialTrigger.node').VicidialTrigger)(),
		new (require('../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node').VicidialCallEventTrigger)(),
	];
	for (const node of nodes) {
		const tested = (node.description.credentials ?? [])
			.filter((c: { testedBy?: string }) => c.testedBy)
			.map((c: { testedBy: string }) => c.testedBy);
		expect(tested).toEqual(['vicidialApiTest']);
		expect(typeof node.methods?.credentialTest?.vicidialApiTest).toBe('function');
	}
});
