import type { ParamSpec, FunctionEntry } from '../../entry';
import { choice, flag, integer, text } from '../../entry';
import { field, rows, status } from '../../answer';
import {
	CAMPAIGN_ID,
	EMAIL,
	EMAIL_OR_BLANK,
	idListPattern,
	PHONE_LOGIN,
	USER_ID,
	WORD_CHARS,
} from '../../patterns';

const NAME = {
	regex: /^[- +.:/@_0-9a-zA-Z]+$/,
	hint: 'must contain only letters, digits, spaces and - + . : / @ _',
};
/** update_user's value that empties a field. */
const BLANK = 'Send --BLANK-- to empty it.';

const agentUser = (description: string, options: Partial<ParamSpec> = {}): ParamSpec =>
	text('agent_user', 'Agent User', {
		required: true,
		minLength: 2,
		maxLength: 20,
		pattern: USER_ID,
		description,
		...options,
	});

const agentPass = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('agent_pass', 'Agent Password', {
		minLength: 2,
		maxLength: 100,
		secret: true,
		pattern: WORD_CHARS,
		...options,
	});

const fullName = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('agent_full_name', 'Full Name', { maxLength: 50, pattern: NAME, ...options });

/** 0/1 switches VICIdial stores as enum('0','1'). */
const switch01 = (name: string, displayName: string, description: string): ParamSpec =>
	flag(name, displayName, { flagValues: ['1', '0'], description });

const customField = (name: string, displayName: string, extra = ''): ParamSpec =>
	text(name, displayName, {
		maxLength: 100,
		pattern: {
			regex: /^[- +.:/@_0-9a-zA-Z]*$/,
			hint: 'must contain only letters, digits, spaces and - + . : / @ _',
		},
		description: extra || undefined,
	});

const inGroups = (description: string): ParamSpec =>
	text('in_groups', 'In-Groups', {
		load: 'inGroups',
		separator: '|',
		maxLength: 2000,
		pattern: idListPattern('in-group IDs', '|'),
		description,
	});

export const userFunctions: FunctionEntry[] = [
	{
		fn: 'add_user',
		api: 'nonAgent',
		resource: 'user',
		operation: 'add',
		name: 'Add',
		action: 'Add a user',
		description: 'Create a VICIdial user (agent or manager) (add_user)',
		writes: true,
		params: [
			agentUser(
				'New user ID, 2 to 20 characters; AUTOGENERATE lets VICIdial pick the next free number',
				{ load: undefined },
			),
			agentPass({
				required: true,
				description: "The new user's password; the output never shows it",
			}),
			integer('agent_user_level', 'User Level', {
				required: true,
				min: 1,
				max: 9,
				default: 1,
				description: '1 for agents, 7 and up for managers; must be below your own level',
			}),
			fullName({ required: true }),
			text('agent_user_group', 'User Group', {
				required: true,
				maxLength: 20,
				pattern: WORD_CHARS,
			}),
			text('phone_login', 'Phone Login', {
				maxLength: 20,
				pattern: PHONE_LOGIN,
				description: 'The phone the agent logs in with by default',
			}),
			text('phone_pass', 'Phone Password', { maxLength: 100, pattern: WORD_CHARS, secret: true }),
			switch01('hotkeys_active', 'Hotkeys Active', 'Whether the agent may use hotkeys'),
			text('voicemail_id', 'Voicemail ID', {
				maxLength: 10,
				pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must contain only letters and digits' },
			}),
			text('email', 'Email', { maxLength: 100, pattern: EMAIL }),
			customField('custom_one', 'Custom 1'),
			customField('custom_two', 'Custom 2'),
			customField('custom_three', 'Custom 3'),
			customField('custom_four', 'Custom 4'),
			customField('custom_five', 'Custom 5'),
			integer('wrapup_seconds_override', 'Wrapup Seconds Override', {
				min: -1,
				max: 9999,
				description: "-1 uses the campaign's setting (VICIdial's default)",
			}),
			switch01(
				'agent_choose_ingroups',
				'Agent Chooses In-Groups',
				'Whether the agent picks in-groups at login (VICIdial default: yes)',
			),
			switch01(
				'agent_choose_blended',
				'Agent Chooses Blended',
				'Whether the agent may choose blended mode (VICIdial default: yes)',
			),
			switch01(
				'closer_default_blended',
				'Blended by Default',
				'Whether blended mode is selected at login (VICIdial default: no)',
			),
			inGroups('In-groups the agent takes calls from'),
		],
		answer: status([
			field.text('user'),
			field.text('agent_user'),
			field.skip('agent_pass'),
			field.integer('agent_user_level'),
			field.text('agent_full_name'),
			field.text('agent_user_group'),
		]),
	},
	{
		fn: 'copy_user',
		api: 'nonAgent',
		resource: 'user',
		operation: 'copy',
		name: 'Copy',
		action: 'Copy a user',
		description: "Create a user with another user's settings, campaigns and in-groups (copy_user)",
		writes: true,
		params: [
			agentUser(
				'New user ID, 2 to 20 characters; AUTOGENERATE lets VICIdial pick the next free number',
				{ load: undefined },
			),
			agentPass({
				required: true,
				description: "The new user's password; the output never shows it",
			}),
			fullName({ required: true }),
			text('source_user', 'Source User', {
				required: true,
				maxLength: 20,
				pattern: USER_ID,
				description: 'The user whose settings are copied',
			}),
		],
		answer: status([
			field.text('user'),
			field.text('agent_user'),
			field.skip('agent_pass'),
			field.text('agent_full_name'),
			field.text('source_user'),
		]),
	},
	{
		fn: 'update_user',
		api: 'nonAgent',
		resource: 'user',
		operation: 'update',
		name: 'Update',
		action: 'Update a user',
		description: "Change a user's settings, ranks and grades, reset or delete it (update_user)",
		writes: true,
		params: [
			agentUser('The user to change'),
			agentPass({ description: 'New password; the output never shows it' }),
			fullName({ description: BLANK }),
			integer('agent_user_level', 'User Level', {
				min: 1,
				max: 9,
				description: 'Must be below your own level (or equal, with "Modify Same User Level")',
			}),
			text('agent_user_group', 'User Group', { maxLength: 20, pattern: WORD_CHARS }),
			text('phone_login', 'Phone Login', {
				maxLength: 20,
				pattern: PHONE_LOGIN,
				description: `An existing phone login or phone alias. ${BLANK}`,
			}),
			text('phone_pass', 'Phone Password', {
				maxLength: 20,
				pattern: WORD_CHARS,
				secret: true,
				description: BLANK,
			}),
			switch01('hotkeys_active', 'Hotkeys Active', 'Whether the agent may use hotkeys'),
			text('voicemail_id', 'Voicemail ID', {
				minLength: 2,
				maxLength: 10,
				pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must contain only letters and digits' },
				description: 'It cannot be emptied through the API',
			}),
			text('email', 'Email', {
				minLength: 5,
				maxLength: 100,
				pattern: EMAIL_OR_BLANK,
				description: BLANK,
			}),
			customField('custom_one', 'Custom 1', BLANK),
			customField('custom_two', 'Custom 2', BLANK),
			customField('custom_three', 'Custom 3', BLANK),
			customField('custom_four', 'Custom 4', BLANK),
			customField('custom_five', 'Custom 5', BLANK),
			flag('active', 'Active', { description: 'Whether the user may log in' }),
			integer('wrapup_seconds_override', 'Wrapup Seconds Override', {
				min: -1,
				max: 9999,
				description: "-1 uses the campaign's setting",
			}),
			inGroups('Replaces the in-groups the agent takes calls from'),
			integer('campaign_rank', 'Campaign Rank', {
				min: -9,
				max: 9,
				description:
					'Rank (and weight) in every campaign, or only in Campaign ID with "Only This Campaign"',
			}),
			integer('campaign_grade', 'Campaign Grade', { min: 1, max: 10 }),
			flag('camp_rg_only', 'Only This Campaign', {
				flagValues: ['1', '0'],
				description: 'Whether rank and grade apply to Campaign ID only instead of every campaign',
			}),
			text('campaign_id', 'Campaign ID', { maxLength: 8, pattern: CAMPAIGN_ID, load: 'campaigns' }),
			integer('ingroup_rank', 'In-Group Rank', {
				min: -9,
				max: 9,
				description:
					'Rank (and weight) in every in-group, or only in Group ID with "Only This In-Group"',
			}),
			integer('ingroup_grade', 'In-Group Grade', { min: 1, max: 10 }),
			flag('ingrp_rg_only', 'Only This In-Group', {
				flagValues: ['1', '0'],
				description: 'Whether rank and grade apply to Group ID only instead of every in-group',
			}),
			text('group_id', 'Group ID', {
				maxLength: 20,
				pattern: { regex: /^[_0-9a-zA-Z]+$/, hint: 'must contain only letters, digits and "_"' },
				load: 'inGroups',
			}),
			integer('reset_password', 'Reset Password Length', {
				min: 8,
				max: 100,
				description:
					'Email the user a new random password of this many characters (needs an email address and working mail on the server)',
			}),
			flag('delete_user', 'Delete User', {
				description:
					'Whether to delete the user instead (needs "Delete Users"); the other fields are then ignored',
			}),
		],
		answer: status([field.text('user'), field.text('agent_user')], {
			// ranks, grades or a password reset alone: VICIdial says so, then "no updates"
			noticeResult: {
				error: /NO UPDATES DEFINED/,
				notice: /RANKS\/GRADES HAVE BEEN UPDATED|PASSWORD HAS BEEN RESET/,
			},
		}),
	},
	{
		fn: 'user_details',
		api: 'nonAgent',
		resource: 'user',
		operation: 'get',
		name: 'Get',
		action: 'Get a user',
		description: "A user's name, group, level and active flag (user_details)",
		writes: false,
		params: [agentUser('The user to read', { minLength: 1 })],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('user'),
			field.text('full_name'),
			field.text('user_group'),
			field.integer('user_level'),
			field.text('active'),
		]),
		noRecords: /USER NOT FOUND/,
	},
	{
		fn: 'update_remote_agent',
		api: 'nonAgent',
		resource: 'user',
		operation: 'updateRemoteAgent',
		name: 'Update Remote Agent',
		action: 'Update a remote agent',
		description: "Change a remote agent's lines, campaign or status (update_remote_agent)",
		writes: true,
		params: [
			agentUser("The remote agent's start user ID"),
			choice('status', 'Status', {
				main: true,
				choices: [
					{ name: "Don't Change", value: '' },
					{ name: 'Active', value: 'ACTIVE' },
					{ name: 'Inactive', value: 'INACTIVE' },
				],
			}),
			integer('number_of_lines', 'Number of Lines', { min: 1, max: 999 }),
			text('campaign_id', 'Campaign ID', { maxLength: 8, pattern: CAMPAIGN_ID, load: 'campaigns' }),
		],
		// the agent already has the status asked for, and nothing else was asked: VICIdial says so, then "no updates"
		answer: status([field.text('user'), field.text('agent_user')], {
			noticeResult: { error: /NO UPDATES DEFINED/, notice: /IS ALREADY/ },
		}),
	},
	{
		fn: 'add_group_alias',
		api: 'nonAgent',
		resource: 'user',
		operation: 'addGroupAlias',
		name: 'Add Group Alias',
		action: 'Add a group alias',
		description: 'Add a caller ID that agents may choose for manual calls (add_group_alias)',
		writes: true,
		params: [
			text('caller_id_number', 'Caller ID Number', {
				required: true,
				minLength: 6,
				maxLength: 20,
				pattern: { regex: /^\d+$/, hint: 'must contain only digits' },
				description: 'Also the alias ID and name when those are not given',
			}),
			text('group_alias_id', 'Group Alias ID', {
				minLength: 2,
				maxLength: 30,
				pattern: { regex: /^[_0-9a-zA-Z]+$/, hint: 'must contain only letters, digits and "_"' },
				main: true,
			}),
			text('group_alias_name', 'Group Alias Name', {
				minLength: 2,
				maxLength: 50,
				pattern: {
					regex: /^[- _0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces, "-" and "_"',
				},
			}),
			text('caller_id_name', 'Caller ID Name', {
				maxLength: 20,
				pattern: {
					regex: /^[- _0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces, "-" and "_"',
				},
			}),
			flag('active', 'Active', {
				description: 'Whether agents can use it (VICIdial default: yes)',
			}),
			text('admin_user_group', 'Admin User Group', {
				maxLength: 20,
				pattern: WORD_CHARS,
				description: 'Who may administer it; empty means all groups',
			}),
		],
		answer: status([
			field.text('user'),
			field.text('group_alias_id'),
			field.text('group_alias_name'),
			field.text('caller_id_number'),
		]),
	},
];
