/** Conformance scenarios: userPhone functions (users, remote agents, group aliases, phones, phone aliases). */
import { NO_RIGHTS, VERSION_ONLY, na, note, type Params } from '../builders';
import type { Scenario, Step } from '../corpus';

/** The checks every function starts with: a wrong password, a short source, no right to call it, no right to do it. */
function gate(fn: string, params: Params): Step[] {
	return [
		note(na(fn, params, '6666', 'wrongpass'), 'bad login'),
		note(na(fn, params, '6666', '1234', 'x'), 'source too short'),
		note(na(fn, params, VERSION_ONLY), 'user 6667 may only call version'),
		note(na(fn, params, NO_RIGHTS), 'user 6668 has no rights'),
	];
}

const newUser = (extra: Params = {}): Params => ({
	agent_user: '7001',
	agent_pass: 'Secret7001',
	agent_user_level: '1',
	agent_full_name: 'New Agent',
	agent_user_group: 'AGENTS',
	...extra,
});

const newPhone = (extra: Params = {}): Params => ({
	extension: '2001',
	dialplan_number: '2001',
	voicemail_id: '2001',
	phone_login: '2001',
	phone_pass: 'PhonePass1',
	server_ip: '127.0.0.1',
	protocol: 'SIP',
	registration_password: 'RegSecret1',
	phone_full_name: 'Desk 2001',
	local_gmt: '-5.00',
	outbound_cid: '3125550100',
	...extra,
});

export const scenarios: Scenario[] = [
	{
		name: 'add_user: gate checks',
		steps: gate('add_user', newUser()),
	},
	{
		name: 'add_user: add, read back, errors',
		steps: [
			note(na('add_user', newUser()), 'the answer echoes the password'),
			na('user_details', { agent_user: '7001' }),
			note(na('add_user', newUser()), 'already exists'),
			na('add_user', newUser({ agent_user: '7002', agent_pass: 'x' })),
			na('add_user', newUser({ agent_user: '7002', agent_full_name: '' })),
			na('add_user', newUser({ agent_user: '7002', agent_user_group: 'NOGROUP' })),
			note(
				na('add_user', newUser({ agent_user: '7002', agent_user_level: '9' })),
				'level 9 by a level 9 user with modify_same_user_level',
			),
			note(
				na('add_user', newUser({ agent_user: 'AUTOGENERATE' })),
				'next free number from system settings',
			),
			note(
				na('add_user', newUser({ agent_user: 'AUTOGENERATE', agent_full_name: 'Second Auto' })),
				'steps by 7',
			),
			na('user_details', { agent_user: '101' }),
			na('user_details', { agent_user: '108' }),
			na(
				'add_user',
				newUser({
					agent_user: '7003',
					agent_full_name: 'Full+Agent',
					phone_login: '1001',
					phone_pass: 'test',
					hotkeys_active: '1',
					voicemail_id: '7003',
					email: 'agent@example.com',
					custom_one: 'one',
					custom_five: 'five',
					wrapup_seconds_override: '15',
					agent_choose_ingroups: '0',
					agent_choose_blended: '0',
					closer_default_blended: '1',
					in_groups: 'TESTIN|AGENTDIRECT',
				}),
			),
			na('user_details', { agent_user: '7003' }),
			note(
				na('add_user', newUser({ agent_user: '7004', agent_pass: 'Pass"word;1' })),
				'the password filter drops the odd characters',
			),
		],
	},
	{
		name: 'copy_user: gate checks',
		steps: gate('copy_user', {
			agent_user: '7101',
			agent_pass: 'Secret7101',
			source_user: '1001',
			agent_full_name: 'Copy',
		}),
	},
	{
		name: 'copy_user: copy, read back, errors',
		steps: [
			na('copy_user', {
				agent_user: '7101',
				agent_pass: 'Secret7101',
				source_user: '1001',
				agent_full_name: 'Copy of One',
			}),
			na('user_details', { agent_user: '7101' }),
			note(
				na('copy_user', {
					agent_user: '7101',
					agent_pass: 'Secret7101',
					source_user: '1001',
					agent_full_name: 'Copy of One',
				}),
				'already exists',
			),
			na('copy_user', {
				agent_user: '7102',
				agent_pass: 'Secret7102',
				source_user: '',
				agent_full_name: 'Copy',
			}),
			na('copy_user', {
				agent_user: '7102',
				agent_pass: 'S',
				source_user: '1001',
				agent_full_name: 'Copy',
			}),
			note(
				na('copy_user', {
					agent_user: '7102',
					agent_pass: 'Secret7102',
					source_user: 'NOSUCH',
					agent_full_name: 'Copy',
				}),
				'no source: its group is empty',
			),
			note(
				na('copy_user', {
					agent_user: '7103',
					agent_pass: 'Secret7103',
					source_user: '6666',
					agent_full_name: 'Admin Copy',
				}),
				'same level with modify_same_user_level',
			),
			na('user_details', { agent_user: '7103' }),
			na('copy_user', {
				agent_user: 'AUTOGENERATE',
				agent_pass: 'Secret7104',
				source_user: '1002',
				agent_full_name: 'Auto Copy',
			}),
			na('user_details', { agent_user: '101' }),
			note(
				na('update_user', { agent_user: '7101', campaign_rank: '3' }),
				'the copy took the campaign memberships',
			),
		],
	},
	{
		name: 'update_user: gate checks',
		steps: gate('update_user', { agent_user: '1001', agent_full_name: 'Renamed' }),
	},
	{
		name: 'update_user: fields, read back',
		steps: [
			na('update_user', {
				agent_user: '1001',
				agent_pass: 'NewSecret1',
				agent_full_name: 'Agent+Uno',
			}),
			na('user_details', { agent_user: '1001' }),
			na('update_user', {
				agent_user: '1001',
				agent_user_level: '7',
				agent_user_group: 'ADMIN',
				active: 'N',
			}),
			na('user_details', { agent_user: '1001' }),
			na('update_user', {
				agent_user: '1002',
				phone_login: '1003',
				phone_pass: 'newpw',
				hotkeys_active: '1',
				voicemail_id: '1002',
				email: 'two@example.com',
				custom_one: '--BLANK--',
				custom_two: 'two',
				custom_three: 'three',
				custom_four: 'four',
				custom_five: 'five',
				wrapup_seconds_override: '10',
				in_groups: 'TESTIN|AGENTDIRECT',
			}),
			na('update_user', {
				agent_user: '1002',
				agent_full_name: '--BLANK--',
				phone_login: '--BLANK--',
				phone_pass: '--BLANK--',
				email: '--BLANK--',
			}),
			na('user_details', { agent_user: '1002' }),
			note(
				na('update_user', { agent_user: '6699', agent_user_level: '9' }),
				'same level: allowed with modify_same_user_level',
			),
			note(na('update_user', { agent_user: 'aGeNt' }), 'user does not exist'),
			na('update_user', { agent_user: '1001' }),
			na('update_user', { agent_user: '1' }),
			na('update_user', { agent_user: '123456789012345678901' }),
		],
	},
	{
		name: 'update_user: invalid optional fields',
		steps: [
			na('update_user', { agent_user: '1001', agent_full_name: 'x'.repeat(51) }),
			na('update_user', { agent_user: '1001', agent_user_level: '0' }),
			na('update_user', { agent_user: '1001', agent_user_level: '10' }),
			na('update_user', { agent_user: '1001', agent_user_group: 'NOGROUP' }),
			na('update_user', { agent_user: '1001', phone_login: 'nophone' }),
			na('update_user', { agent_user: '1001', phone_pass: 'p'.repeat(21) }),
			na('update_user', { agent_user: '1001', hotkeys_active: '2' }),
			na('update_user', { agent_user: '1001', voicemail_id: '1' }),
			note(
				na('update_user', { agent_user: '1001', voicemail_id: '--BLANK--' }),
				'the filter leaves BLANK',
			),
			na('update_user', { agent_user: '1001', email: 'a@b' }),
			na('update_user', { agent_user: '1001', custom_three: 'c'.repeat(101) }),
			na('update_user', { agent_user: '1001', active: 'X' }),
			na('update_user', { agent_user: '1001', wrapup_seconds_override: '-2' }),
			na('update_user', { agent_user: '1001', wrapup_seconds_override: '10000' }),
			na('update_user', { agent_user: '1001', campaign_rank: '10' }),
			na('update_user', { agent_user: '1001', campaign_grade: '11' }),
			na('update_user', { agent_user: '1001', ingroup_rank: '-10' }),
			na('update_user', { agent_user: '1001', ingroup_grade: '0' }),
			note(
				na('update_user', { agent_user: '1001', campaign_rank: '5', ingroup_grade: '0' }),
				'the campaign notice comes before the in-group error',
			),
		],
	},
	{
		name: 'update_user: ranks, grades and password reset',
		steps: [
			note(
				na('update_user', { agent_user: '1001', campaign_rank: '5' }),
				'notice, then no updates',
			),
			na('update_user', {
				agent_user: '1001',
				campaign_rank: '-3',
				campaign_grade: '7',
				camp_rg_only: '1',
				campaign_id: 'TESTCAMP',
				active: 'Y',
			}),
			na('update_user', {
				agent_user: '1001',
				ingroup_rank: '2',
				ingrp_rg_only: '1',
				group_id: 'TESTIN',
			}),
			na('update_user', { agent_user: '1002', ingroup_grade: '4', campaign_grade: '2' }),
			na('update_user', { agent_user: '1001', reset_password: '8' }),
			na('update_user', { agent_user: '1001', reset_password: '7', active: 'Y' }),
			note(
				na('update_user', { agent_user: '1001', reset_password: '10', email: 'agent@example.com' }),
				'mail fails on the harness',
			),
			na('update_user', { agent_user: '1001', reset_password: '12' }),
		],
	},
	{
		name: 'update_user: delete',
		steps: [
			na('update_user', { agent_user: '1003', delete_user: 'N' }),
			na('update_user', { agent_user: '1003', delete_user: 'Y' }),
			na('user_details', { agent_user: '1003' }),
			na('update_user', { agent_user: '1003', delete_user: 'Y' }),
		],
	},
	{
		name: 'user_details: gate checks',
		steps: gate('user_details', { agent_user: '1001' }),
	},
	{
		name: 'user_details: formats and errors',
		steps: [
			na('user_details', { agent_user: '1001' }),
			note(
				na('user_details', { agent_user: '1001', stage: 'pipe', header: 'NO' }),
				'what the node sends',
			),
			note(na('user_details', { agent_user: 'vdad' }), 'the answer repeats the user as given'),
			na('user_details', { agent_user: '6666', stage: 'csv', header: 'YES' }),
			na('user_details', { agent_user: '6666', stage: 'tab' }),
			na('user_details', { agent_user: '6666', stage: 'pipe', header: 'YES' }),
			na('user_details', { agent_user: 'NOSUCH' }),
			na('user_details', {}),
			note(na('user_details', { agent_user: '!!' }), 'filtered to nothing'),
		],
	},
	{
		name: 'update_remote_agent: gate checks',
		steps: gate('update_remote_agent', { agent_user: '1001', status: 'ACTIVE' }),
	},
	{
		name: 'update_remote_agent: errors reachable without remote agents',
		steps: [
			na('update_remote_agent', { agent_user: '1001', status: 'ACTIVE' }),
			na('update_remote_agent', { agent_user: '1001', status: 'ACTIVE', server_ip: '127.0.0.1' }),
			na('update_remote_agent', { agent_user: '1' }),
			na('update_remote_agent', {}),
			na('update_remote_agent', { agent_user: '123456789012345678901' }),
		],
	},
	{
		name: 'add_group_alias: gate checks',
		steps: gate('add_group_alias', { caller_id_number: '3125550100' }),
	},
	{
		name: 'add_group_alias: add and errors',
		steps: [
			note(
				na('add_group_alias', { caller_id_number: '3125550100' }),
				'id and name default to the number',
			),
			na('add_group_alias', { caller_id_number: '3125550100' }),
			na('add_group_alias', {
				caller_id_number: '3125550101',
				group_alias_id: 'SALES_LINE',
				group_alias_name: 'Sales+Line',
				caller_id_name: 'ACME Sales',
				active: 'N',
				admin_user_group: 'AGENTS',
			}),
			na('add_group_alias', { caller_id_number: '3125550102', group_alias_id: 'sales_line' }),
			na('add_group_alias', { caller_id_number: '31255', group_alias_id: 'SHORT' }),
			na('add_group_alias', {
				caller_id_number: '312-555-0103',
				group_alias_id: 'X',
				group_alias_name: 'Y',
			}),
		],
	},
	{
		name: 'add_phone: gate checks',
		steps: gate('add_phone', newPhone()),
	},
	{
		name: 'add_phone: add and errors',
		steps: [
			na('add_phone', newPhone()),
			note(
				na('update_user', { agent_user: '1001', phone_login: '2001' }),
				'the new phone login is valid for a user',
			),
			na('add_phone', newPhone()),
			na('add_phone', newPhone({ extension: '2002' })),
			na('add_phone', newPhone({ extension: '2002', phone_login: '2002', server_ip: '10.0.0.9' })),
			note(
				na('add_phone', newPhone({ extension: '2002', phone_login: '2002', protocol: 'PJSIP' })),
				'the API refuses PJSIP',
			),
			note(
				na(
					'add_phone',
					newPhone({ extension: '2002', phone_login: '2002', registration_password: '' }),
				),
				'the error echoes both passwords',
			),
			na('add_phone', newPhone({ extension: '2002', phone_login: '2002', local_gmt: '-5.50' })),
			note(
				na('add_phone', newPhone({ extension: '2002', phone_login: '2002', local_gmt: '-5' })),
				'compared as a number',
			),
			na('add_phone', newPhone({ extension: '2003', phone_login: '2003', template_id: 'NOSUCH' })),
			na(
				'add_phone',
				newPhone({
					extension: '2004',
					phone_login: '2004',
					protocol: 'IAX2',
					phone_context: 'ctx',
					email: 'desk@example.com',
					admin_user_group: 'AGENTS',
					is_webphone: 'Y_API_LAUNCH',
					webphone_auto_answer: 'n',
					use_external_server_ip: 'Y',
					on_hook_agent: 'Y',
					template_id: 'SIP_generic',
				}),
			),
			na('add_phone', newPhone({ extension: '2' })),
		],
	},
	{
		name: 'update_phone: gate checks',
		steps: gate('update_phone', {
			extension: '1001',
			server_ip: '127.0.0.1',
			phone_full_name: 'Desk',
		}),
	},
	{
		name: 'update_phone: update and errors',
		steps: [
			na('update_phone', {
				extension: '1001',
				server_ip: '127.0.0.1',
				dialplan_number: '91001',
				active: 'N',
				outbound_cid: '3125550111',
				voicemail_id: '91001',
				phone_login: '1001b',
				phone_pass: 'newpass',
				protocol: 'IAX2',
				registration_password: 'NewReg99',
				phone_full_name: 'Desk One',
				phone_context: 'ctx',
				email: 'one@example.com',
				local_gmt: '1.00',
				admin_user_group: 'AGENTS',
				outbound_alt_cid: '3125550112',
				phone_ring_timeout: '30',
				delete_vm_after_email: 'Y',
				is_webphone: 'Y',
				webphone_auto_answer: 'N',
				use_external_server_ip: 'N',
				on_hook_agent: 'Y',
				template_id: '--BLANK--',
			}),
			note(
				na('update_phone', { extension: '1001', server_ip: '127.0.0.1' }),
				'nothing to change is still a success',
			),
			note(
				na('update_phone', { extension: '1002', server_ip: '127.0.0.1', phone_login: '1003' }),
				'a login taken on the same server is not found',
			),
			na('update_phone', {
				extension: '1002',
				server_ip: '127.0.0.1',
				email: '--BLANK--',
				phone_full_name: '--BLANK--',
				registration_password: '--BLANK--',
				phone_context: '--BLANK--',
			}),
			na('update_phone', { extension: '9999', server_ip: '127.0.0.1' }),
			na('update_phone', { extension: '1001', server_ip: '10.0.0.9' }),
			na('update_phone', { extension: '1', server_ip: '127.0.0.1' }),
			na('update_phone', { extension: '1001' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', local_gmt: '13.00' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', email: 'a@b' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', phone_context: 'c' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', phone_full_name: 'n' }),
			note(
				na('update_phone', {
					extension: '1001',
					server_ip: '127.0.0.1',
					registration_password: 'r',
				}),
				'the error echoes the password',
			),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', protocol: 'PJSIP' }),
			note(
				na('update_phone', { extension: '1001', server_ip: '127.0.0.1', phone_pass: 'p' }),
				'the error echoes the password',
			),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', voicemail_id: '1' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', dialplan_number: '12' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', active: 'X' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', outbound_cid: '12345' }),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', admin_user_group: 'A' }),
			note(
				na('update_phone', {
					extension: '1001',
					server_ip: '127.0.0.1',
					outbound_alt_cid: '--BLANK--',
				}),
				'the filter leaves BLANK, too short',
			),
			note(
				na('update_phone', {
					extension: '1001',
					server_ip: '127.0.0.1',
					phone_ring_timeout: '181',
					outbound_alt_cid: '3125550199',
				}),
				'prints the alt caller ID',
			),
			na('update_phone', { extension: '1001', server_ip: '127.0.0.1', delete_vm_after_email: 'X' }),
			na('update_phone', {
				extension: '1001',
				server_ip: '127.0.0.1',
				template_id: 'NOSUCH',
				phone_login: '1001',
			}),
		],
	},
	{
		name: 'update_phone: delete',
		steps: [
			na('update_phone', { extension: '1003', server_ip: '127.0.0.1', delete_phone: 'N' }),
			na('update_phone', { extension: '1003', server_ip: '127.0.0.1', delete_phone: 'Y' }),
			na('update_phone', { extension: '1003', server_ip: '127.0.0.1', delete_phone: 'Y' }),
		],
	},
	{
		name: 'add_phone_alias: gate checks',
		steps: gate('add_phone_alias', {
			alias_id: 'desks',
			alias_name: 'Desks',
			phone_logins: '1001,1002',
		}),
	},
	{
		name: 'add_phone_alias: add and errors',
		steps: [
			na('add_phone_alias', {
				alias_id: 'desks',
				alias_name: 'Front+Desks',
				phone_logins: '1001,1002',
			}),
			note(
				na('update_user', { agent_user: '1003', phone_login: 'desks' }),
				'an alias is a valid phone login for a user',
			),
			na('add_phone_alias', { alias_id: 'DESKS', alias_name: 'Again', phone_logins: '1001' }),
			na('add_phone_alias', { alias_id: 'back', alias_name: 'Back', phone_logins: '1001,nophone' }),
			na('add_phone_alias', { alias_id: 'back', alias_name: 'Back', phone_logins: '1001,' }),
			na('add_phone_alias', { alias_id: 'b', alias_name: 'Back', phone_logins: '1001' }),
			na('add_phone_alias', { alias_id: 'back', alias_name: '', phone_logins: '1001' }),
			na('add_phone_alias', { alias_id: 'back', alias_name: 'Back', phone_logins: '1' }),
		],
	},
	{
		name: 'update_phone_alias: gate checks',
		steps: gate('update_phone_alias', { alias_id: 'desks', alias_name: 'Desks' }),
	},
	{
		name: 'update_phone_alias: update, delete and errors',
		steps: [
			na('add_phone_alias', {
				alias_id: 'desks',
				alias_name: 'Front Desks',
				phone_logins: '1001,1002',
			}),
			na('update_phone_alias', {
				alias_id: 'desks',
				alias_name: 'All Desks',
				phone_logins: '1001,1002,1003',
			}),
			na('update_phone_alias', { alias_id: 'desks', phone_logins: '1003' }),
			na('update_phone_alias', { alias_id: 'desks', alias_name: 'A' }),
			na('update_phone_alias', { alias_id: 'desks', phone_logins: '1003,nophone' }),
			note(
				na('update_phone_alias', { alias_id: 'desks', delete_alias: 'N' }),
				'a NOTICE, no SUCCESS',
			),
			na('update_phone_alias', { alias_id: 'desks' }),
			na('update_phone_alias', { alias_id: 'nosuch', alias_name: 'None' }),
			na('update_phone_alias', { alias_id: 'desks', delete_alias: 'Y' }),
			na('update_phone_alias', { alias_id: 'desks', delete_alias: 'Y' }),
		],
	},
];
