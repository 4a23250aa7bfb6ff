import type { Choice, FunctionEntry, ParamSpec } from '../../entry';
import { choice, flag, integer, text } from '../../entry';
import { field, status } from '../../answer';
import { EMAIL, EMAIL_OR_BLANK, idListPattern, PHONE_LOGIN, WORD_CHARS } from '../../patterns';

const DIGITS = { regex: /^\d+$/, hint: 'must contain only digits' };
const BLANK = 'Send --BLANK-- to empty it.';

/** The offsets VICIdial accepts for a phone (its own list, as it stores them). */
const gmtChoices: Choice[] = [
	'12.75',
	'12.00',
	'11.00',
	'10.00',
	'9.50',
	'9.00',
	'8.00',
	'7.00',
	'6.50',
	'6.00',
	'5.75',
	'5.50',
	'5.00',
	'4.50',
	'4.00',
	'3.50',
	'3.00',
	'2.00',
	'1.00',
	'0.00',
	'-1.00',
	'-2.00',
	'-3.00',
	'-3.50',
	'-4.00',
	'-5.00',
	'-6.00',
	'-7.00',
	'-8.00',
	'-9.00',
	'-10.00',
	'-11.00',
	'-12.00',
].map((value) => ({ name: value, value }));

const protocols: Choice[] = [
	{ name: 'SIP', value: 'SIP' },
	{ name: 'IAX2', value: 'IAX2' },
	{ name: 'Zap', value: 'Zap' },
	{ name: 'External', value: 'EXTERNAL' },
];

const extension = (): ParamSpec =>
	text('extension', 'Extension', {
		required: true,
		minLength: 2,
		maxLength: 100,
		pattern: WORD_CHARS,
		description: 'The phone extension, e.g. 1001',
	});

const serverIp = (): ParamSpec =>
	text('server_ip', 'Server IP', {
		required: true,
		maxLength: 15,
		placeholder: '10.10.10.15',
		pattern: { regex: /^[-.:_0-9a-zA-Z]+$/, hint: 'must be the IP address of a VICIdial server' },
		description: 'The Asterisk server the phone is on',
	});

/** The phone options add_phone and update_phone share; VICIdial ignores values other than these. */
const webphoneOptions = (): ParamSpec[] => [
	choice('is_webphone', 'Webphone', {
		choices: [
			{ name: 'No', value: 'N' },
			{ name: 'Yes', value: 'Y' },
			{ name: 'Yes, Launched by API', value: 'Y_API_LAUNCH' },
		],
	}),
	flag('webphone_auto_answer', 'Webphone Auto Answer', {
		description: 'Whether the webphone answers calls by itself',
	}),
	flag('use_external_server_ip', 'Use External Server IP', {
		description: "Whether the webphone uses the server's external IP",
	}),
	flag('on_hook_agent', 'On-Hook Agent', {
		description: 'Whether the phone rings for each call instead of staying connected',
	}),
];

const templateId = (): ParamSpec =>
	text('template_id', 'Template ID', {
		minLength: 2,
		maxLength: 15,
		pattern: WORD_CHARS,
		description: `A conf template that exists in VICIdial. ${BLANK}`,
	});

export const phoneFunctions: FunctionEntry[] = [
	{
		fn: 'add_phone',
		api: 'nonAgent',
		resource: 'phone',
		operation: 'add',
		name: 'Add',
		action: 'Add a phone',
		description: 'Add a phone (extension) on a server (add_phone)',
		writes: true,
		params: [
			extension(),
			text('dialplan_number', 'Dialplan Number', {
				required: true,
				minLength: 2,
				maxLength: 20,
				pattern: { regex: /^[*#0-9a-zA-Z]+$/, hint: 'must contain only letters, digits, * and #' },
			}),
			text('voicemail_id', 'Voicemail ID', {
				required: true,
				maxLength: 10,
				pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must contain only letters and digits' },
			}),
			text('phone_login', 'Phone Login', {
				required: true,
				maxLength: 15,
				pattern: PHONE_LOGIN,
				description: 'What the agent types to log in with this phone',
			}),
			text('phone_pass', 'Phone Password', {
				required: true,
				maxLength: 100,
				pattern: WORD_CHARS,
				secret: true,
				description: 'Password for the agent screen login; the output never shows it',
			}),
			serverIp(),
			choice('protocol', 'Protocol', { required: true, choices: protocols, default: 'SIP' }),
			text('registration_password', 'Registration Password', {
				required: true,
				maxLength: 100,
				pattern: WORD_CHARS,
				secret: true,
				description: 'The SIP/IAX secret the phone registers with; the output never shows it',
			}),
			text('phone_full_name', 'Full Name', {
				required: true,
				maxLength: 50,
				pattern: {
					regex: /^[- +._0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces and - + . _',
				},
			}),
			choice('local_gmt', 'GMT Offset', {
				required: true,
				choices: gmtChoices,
				default: '-5.00',
				description: "The phone's time zone offset",
			}),
			text('outbound_cid', 'Outbound Caller ID', {
				required: true,
				maxLength: 20,
				pattern: DIGITS,
			}),
			text('phone_context', 'Phone Context', {
				maxLength: 20,
				pattern: WORD_CHARS,
				description: 'Dialplan context; VICIdial uses "default"',
			}),
			text('email', 'Email', { maxLength: 100, pattern: EMAIL }),
			text('admin_user_group', 'Admin User Group', {
				maxLength: 20,
				pattern: WORD_CHARS,
				description: 'Who may administer it; empty means all groups',
			}),
			...webphoneOptions(),
			templateId(),
		],
		answer: status([
			field.text('user'),
			field.text('extension'),
			field.text('server_ip'),
			field.text('protocol'),
			field.text('dialplan_number'),
		]),
	},
	{
		fn: 'update_phone',
		api: 'nonAgent',
		resource: 'phone',
		operation: 'update',
		name: 'Update',
		action: 'Update a phone',
		description: "Change a phone's settings, or delete it (update_phone)",
		writes: true,
		params: [
			extension(),
			serverIp(),
			text('dialplan_number', 'Dialplan Number', {
				minLength: 3,
				maxLength: 20,
				pattern: { regex: /^[*#0-9a-zA-Z]+$/, hint: 'must contain only letters, digits, * and #' },
			}),
			flag('active', 'Active', { description: 'Whether the phone can be used' }),
			text('outbound_cid', 'Outbound Caller ID', { minLength: 6, maxLength: 18, pattern: DIGITS }),
			text('voicemail_id', 'Voicemail ID', {
				minLength: 2,
				maxLength: 10,
				pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must contain only letters and digits' },
			}),
			text('phone_login', 'Phone Login', { maxLength: 15, pattern: PHONE_LOGIN }),
			text('phone_pass', 'Phone Password', {
				minLength: 2,
				maxLength: 30,
				pattern: WORD_CHARS,
				secret: true,
				description: 'The output never shows it',
			}),
			choice('protocol', 'Protocol', { choices: protocols }),
			text('registration_password', 'Registration Password', {
				minLength: 2,
				maxLength: 30,
				pattern: WORD_CHARS,
				secret: true,
				description: `The output never shows it. ${BLANK}`,
			}),
			text('phone_full_name', 'Full Name', {
				minLength: 2,
				maxLength: 30,
				pattern: {
					regex: /^[- +._0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces and - + . _',
				},
				description: BLANK,
			}),
			text('phone_context', 'Phone Context', {
				minLength: 2,
				maxLength: 20,
				pattern: WORD_CHARS,
				description: BLANK,
			}),
			text('email', 'Email', {
				minLength: 5,
				maxLength: 100,
				pattern: EMAIL_OR_BLANK,
				description: BLANK,
			}),
			choice('local_gmt', 'GMT Offset', { choices: gmtChoices }),
			text('admin_user_group', 'Admin User Group', {
				minLength: 2,
				maxLength: 20,
				pattern: WORD_CHARS,
			}),
			text('outbound_alt_cid', 'Outbound Alt Caller ID', {
				minLength: 6,
				maxLength: 18,
				pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must contain only letters and digits' },
			}),
			integer('phone_ring_timeout', 'Ring Timeout', {
				min: 2,
				max: 180,
				description: 'Seconds the phone rings before the call goes on',
			}),
			flag('delete_vm_after_email', 'Delete Voicemail After Email', {
				description: 'Whether voicemail is deleted once emailed',
			}),
			...webphoneOptions(),
			templateId(),
			flag('delete_phone', 'Delete Phone', {
				description:
					'Whether to delete the phone instead (needs "Delete Phones"); the other fields are then ignored',
			}),
		],
		answer: status([field.text('user'), field.text('extension'), field.text('server_ip')], {
			noticeOnlyFails: true,
		}),
	},
	{
		fn: 'add_phone_alias',
		api: 'nonAgent',
		resource: 'phone',
		operation: 'addAlias',
		name: 'Add Alias',
		action: 'Add a phone alias',
		description: 'Add one login for several phones, the agent picks one at login (add_phone_alias)',
		writes: true,
		params: [
			text('alias_id', 'Alias ID', {
				required: true,
				minLength: 2,
				maxLength: 20,
				pattern: WORD_CHARS,
			}),
			text('alias_name', 'Alias Name', {
				required: true,
				maxLength: 50,
				pattern: {
					regex: /^[- +.:/@_0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces and - + . : / @ _',
				},
			}),
			text('phone_logins', 'Phone Logins', {
				required: true,
				minLength: 2,
				maxLength: 255,
				placeholder: '1001,1002',
				pattern: idListPattern('existing phone logins', ','),
				description: 'Existing phone logins, separated by commas',
			}),
		],
		answer: status([
			field.text('user'),
			field.text('alias_id'),
			field.text('alias_name'),
			field.text('phone_logins'),
		]),
	},
	{
		fn: 'update_phone_alias',
		api: 'nonAgent',
		resource: 'phone',
		operation: 'updateAlias',
		name: 'Update Alias',
		action: 'Update a phone alias',
		description: "Change a phone alias's name or phones, or delete it (update_phone_alias)",
		writes: true,
		params: [
			text('alias_id', 'Alias ID', {
				required: true,
				minLength: 2,
				maxLength: 20,
				pattern: WORD_CHARS,
			}),
			text('alias_name', 'Alias Name', {
				minLength: 2,
				maxLength: 50,
				pattern: {
					regex: /^[- +.:/@_0-9a-zA-Z]+$/,
					hint: 'must contain only letters, digits, spaces and - + . : / @ _',
				},
				main: true,
			}),
			text('phone_logins', 'Phone Logins', {
				minLength: 2,
				maxLength: 255,
				placeholder: '1001,1002',
				pattern: idListPattern('existing phone logins', ','),
				description: 'Replaces the phones: existing phone logins, separated by commas',
				main: true,
			}),
			flag('delete_alias', 'Delete Alias', {
				description: 'Whether to delete the alias instead (needs "Delete Phones")',
			}),
		],
		answer: status([field.text('user'), field.text('alias_id')], { noticeOnlyFails: true }),
	},
];
