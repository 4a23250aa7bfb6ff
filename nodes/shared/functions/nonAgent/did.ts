import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, digits, id, flag, text } from '../../entry';
import { field, status } from '../../answer';
import { CAMPAIGN_ID, DESCRIPTION_CHARS, IN_GROUP_ID, WORD_CHARS } from '../../patterns';

/** What VICIdial keeps of a DID pattern: digits, letters and : + * # . _ */
const DID_PATTERN = {
	regex: /^[0-9A-Za-z:+*#._]+$/,
	hint: 'may contain only digits, letters and : + * # . _',
};

const didPattern = (description: string): ParamSpec =>
	text('did_pattern', 'DID Pattern', {
		required: true,
		minLength: 2,
		maxLength: 50,
		placeholder: '3125551212',
		pattern: DID_PATTERN,
		description,
	});

const didDescription = text('did_description', 'Description', {
	minLength: 6,
	maxLength: 50,
	pattern: DESCRIPTION_CHARS,
	main: true,
});

/** The settings add_did and update_did both take. */
const didSettings: ParamSpec[] = [
	didDescription,
	flag('active', 'Active', { description: 'Whether the DID takes calls' }),
	choice('did_route', 'Route', {
		main: true,
		description: 'Where calls to this DID go',
		choices: [
			{ name: 'Extension', value: 'EXTEN' },
			{ name: 'Voicemail', value: 'VOICEMAIL' },
			{ name: 'Agent', value: 'AGENT' },
			{ name: 'Phone', value: 'PHONE' },
			{ name: 'In-Group', value: 'IN_GROUP' },
			{ name: 'Call Menu', value: 'CALLMENU' },
			{ name: 'Voicemail Without Instructions', value: 'VMAIL_NO_INST' },
		],
	}),
	choice('record_call', 'Record Call', {
		choices: [
			{ name: 'No', value: 'N' },
			{ name: 'Yes', value: 'Y' },
			{ name: 'Yes, Stop When Queued', value: 'Y_QUEUESTOP' },
		],
	}),
	text('extension', 'Extension', {
		maxLength: 50,
		pattern: WORD_CHARS,
		description: 'Dialplan extension for the Extension route',
	}),
	text('exten_context', 'Extension Context', {
		maxLength: 50,
		pattern: WORD_CHARS,
		description: 'Dialplan context for the Extension route',
	}),
	id('voicemail_ext', 'Voicemail Box', {
		minLength: 1,
		maxLength: 10,
		description: 'Voicemail box for the Voicemail route',
	}),
	text('phone_extension', 'Phone Extension', {
		maxLength: 100,
		pattern: WORD_CHARS,
		description: 'Phone extension for the Phone route',
	}),
	text('server_ip', 'Server IP', {
		maxLength: 15,
		pattern: { regex: /^\d{1,3}(\.\d{1,3}){3}$/, hint: 'must be an IPv4 address' },
		description: 'Server of the phone for the Phone route; must be a server in VICIdial',
	}),
	text('group', 'In-Group', {
		maxLength: 20,
		pattern: IN_GROUP_ID,
		load: 'inGroups',
		description: 'In-group for the In-Group route',
	}),
	text('menu_id', 'Call Menu', {
		maxLength: 50,
		pattern: WORD_CHARS,
		description: 'Call menu ID for the Call Menu route',
	}),
	text('filter_clean_cid_number', 'Clean Caller ID Number', {
		maxLength: 20,
		pattern: DESCRIPTION_CHARS,
		description: 'Caller ID cleanup rule, e.g. R10 to keep the right 10 digits',
	}),
	text('call_handle_method', 'Call Handle Method', {
		minLength: 3,
		maxLength: 20,
		pattern: { regex: /^[_0-9A-Za-z]+$/, hint: 'may contain only letters, digits and _' },
		placeholder: 'CID',
		description:
			'For the In-Group route: how the caller becomes a lead, e.g. CID, CIDLOOKUP, CLOSER; VICIdial uses CID when empty',
	}),
	choice('agent_search_method', 'Agent Search Method', {
		description: 'For the In-Group route; VICIdial uses Load Balanced when empty',
		choices: [
			{ name: 'Load Balanced', value: 'LB' },
			{ name: 'Load Balanced Overflow', value: 'LO' },
			{ name: 'Server Only', value: 'SO' },
		],
	}),
	id('list_id', 'List ID', {
		minLength: 3,
		maxLength: 14,
		load: 'lists',
		description: 'For the In-Group route: list of new leads; VICIdial uses 999 when empty',
	}),
	id('entry_list_id', 'Entry List ID', {
		minLength: 1,
		maxLength: 14,
		load: 'lists',
		description: 'For the In-Group route: list whose custom fields the leads use',
	}),
	text('campaign_id', 'Campaign ID', {
		minLength: 1,
		maxLength: 8,
		pattern: CAMPAIGN_ID,
		load: 'campaigns',
		description: 'For the In-Group route',
	}),
	digits('phone_code', 'Phone Code', {
		minLength: 1,
		maxLength: 10,
		description: 'For the In-Group route: country code of new leads; VICIdial uses 1 when empty',
	}),
];

export const didFunctions: FunctionEntry[] = [
	{
		fn: 'add_did',
		api: 'nonAgent',
		resource: 'did',
		operation: 'add',
		name: 'Add',
		action: 'Add a DID',
		description: 'Add an inbound DID and its route (add_did)',
		writes: true,
		params: [
			didPattern('The number (or pattern) calls come in on, e.g. 3125551212 or +13125551212'),
			...didSettings,
		],
		answer: status([field.text('user'), field.text('did_pattern')]),
	},
	{
		fn: 'copy_did',
		api: 'nonAgent',
		resource: 'did',
		operation: 'copy',
		name: 'Copy',
		action: 'Copy a DID',
		description:
			'Add new DIDs with all settings of an existing DID; NOTICE lines tell about each one (copy_did)',
		writes: true,
		params: [
			text('source_did_pattern', 'Source DID Pattern', {
				required: true,
				minLength: 2,
				maxLength: 50,
				pattern: DID_PATTERN,
				description: 'The existing DID to copy',
			}),
			text('new_dids', 'New DID Patterns', {
				required: true,
				minLength: 2,
				maxLength: 2000,
				placeholder: '3125551213,3125551214',
				description: 'One or more new DIDs, separated by commas',
				pattern: {
					regex: /^[0-9A-Za-z:+*#._]{2,50}(,[0-9A-Za-z:+*#._]{2,50})*$/,
					hint: 'must be DID patterns of 2 to 50 characters (digits, letters, : + * # . _) separated by commas',
				},
			}),
			{ ...didDescription, description: "VICIdial copies the source DID's description when empty" },
		],
		answer: status([
			field.text('user'),
			field.text('source_did_pattern'),
			field.integer('dids_added'),
			field.integer('dids_not_added'),
		]),
	},
	{
		fn: 'update_did',
		api: 'nonAgent',
		resource: 'did',
		operation: 'update',
		name: 'Update',
		action: 'Update a DID',
		description: 'Change the settings of an inbound DID, or delete it (update_did)',
		writes: true,
		params: [
			didPattern('The existing DID to change'),
			// a main choice is always sent: the route changes only when asked for
			...didSettings.map((param) =>
				param.name === 'did_route' ? { ...param, main: false } : param,
			),
			flag('delete_did', 'Delete DID', {
				description:
					'Whether to delete the DID instead (the other settings are then ignored); needs the "Delete DIDs" right',
			}),
		],
		answer: status([
			field.text('user'),
			field.text('did_pattern'),
			field.integer('did_id', { when: { param: 'delete_did', equals: 'Y' } }),
		]),
	},
];
