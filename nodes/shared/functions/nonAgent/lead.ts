import type {
	Choice,
	FunctionEntry,
	ItemValues,
	OperationResult,
	OperationRuntime,
	ParamSpec,
	Step,
	WriteCheck,
} from '../../entry';
import {
	STORED,
	stepForm,
	choice,
	choices,
	dialing,
	digits,
	id,
	flag,
	integer,
	text,
} from '../../entry';
import { type MessageSpec, field, messages, rows, status } from '../../answer';
import { VicidialError } from '../../errors';
import { InvalidInputError, buildForm } from '../../params';
import {
	holdsSentValues,
	leadById,
	notAppliedError,
	outcomeUnknown,
	verifyAddLead,
} from './leadCheck';
import { findEntry } from '../find';
import { leadFields as leadFieldsOf } from '../leadFields';
import { leadInfoFunctions } from './leadInfo';
import type { ParsedRecord } from '../../parse';
import { idPattern, STATUS_CODE, USER_ID } from '../../patterns';

/** The option of the searches that return lead IDs: read each lead instead (one item per lead). */
const FULL_LEAD_RECORDS = 'fullLeadRecords';

/**
 * A search's lead IDs as full lead records, one item per lead, each read with lead_all_info (from
 * the archive when the search was). The search key that found a lead is kept as `search_key`.
 */
async function fullLeadRecords(
	runtime: OperationRuntime,
	records: ParsedRecord[],
	values: ItemValues,
): Promise<OperationResult[]> {
	const read = findEntry(leadInfoFunctions, 'lead', 'getAllInfo');
	const seen = new Set<number>();
	const results: OperationResult[] = [];
	for (const record of records) {
		for (const leadId of Array.isArray(record.lead_ids) ? (record.lead_ids as number[]) : []) {
			if (seen.has(leadId)) continue;
			seen.add(leadId);
			const form = buildForm(read, {
				lead_id: String(leadId),
				...(values.form.archived_lead === 'Y' ? { archived_lead: true } : {}),
			});
			// a lead deleted since the search is left out
			const answer = await runtime.call(read, form, { emptyOnNoRecords: true });
			for (const lead of answer.records)
				results.push({ json: { ...lead, search_key: record.search_key } });
		}
	}
	return results;
}

const yesNoAreaCode: Choice[] = [
	{ name: 'No', value: 'N' },
	{ name: 'Yes', value: 'Y', description: 'Refuse numbers on the list' },
	{
		name: 'Area Code',
		value: 'AREACODE',
		description: 'Also refuse numbers whose area code is on the list',
	},
];

const duplicateChecks: Choice[] = [
	['DUPLIST', 'Phone Number in the Same List'],
	['DUPCAMP', "Phone Number in the Campaign's Lists"],
	['DUPSYS', 'Phone Number Anywhere'],
	['DUPPHONEALTLIST', 'Phone or Alt Phone in the Same List'],
	['DUPPHONEALTCAMP', "Phone or Alt Phone in the Campaign's Lists"],
	['DUPPHONEALTSYS', 'Phone or Alt Phone Anywhere'],
	['DUPTITLEALTPHONELIST', 'Title and Alt Phone in the Same List'],
	['DUPTITLEALTPHONECAMP', "Title and Alt Phone in the Campaign's Lists"],
	['DUPTITLEALTPHONESYS', 'Title and Alt Phone Anywhere'],
	['DUPNAMEPHONELIST', 'Name and Phone in the Same List'],
	['DUPNAMEPHONECAMP', "Name and Phone in the Campaign's Lists"],
	['DUPNAMEPHONESYS', 'Name and Phone Anywhere'],
].map(([value, name]) => ({ name, value }));

/** How VICIdial works out a new lead's time zone (Add, and Update when it inserts). */
const timeZoneMethods: Choice[] = [
	{ name: 'Country and Area Code (Default)', value: '' },
	{ name: 'Postal Code', value: 'POSTAL' },
	{ name: 'Time Zone Code in Owner', value: 'TZCODE' },
	{ name: 'NANPA Data', value: 'NANPA' },
];

/** A scheduled callback's details, the same in Add and Update; `user` adds to Callback User's options. */
const callbackDetails = (user: Partial<ParamSpec> = {}): ParamSpec[] => [
	text('callback_status', 'Callback Status', {
		minLength: 1,
		maxLength: 6,
		placeholder: 'CALLBK',
		stored: STORED.code,
	}),
	text('callback_datetime', 'Callback Date Time', {
		placeholder: '2026-12-01 14:30:00',
		description: 'YYYY-MM-DD HH:MM:SS in server time, NOW, or a number of days ahead such as 3DAYS',
		calendar: true,
		pattern: {
			regex:
				/^(NOW|\d{1,4}DAYS|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ +]([01]\d|2[0-3]):[0-5]\d:[0-5]\d)$/,
			hint: 'must be YYYY-MM-DD HH:MM:SS, NOW or a number of days such as 3DAYS',
		},
	}),
	choice('callback_type', 'Callback Type', {
		choices: [
			{ name: 'Anyone', value: 'ANYONE' },
			{ name: 'User Only', value: 'USERONLY' },
		],
	}),
	text('callback_user', 'Callback User', {
		maxLength: 20,
		stored: STORED.code,
		...user,
		description: 'Agent the USERONLY callback belongs to',
	}),
	text('callback_comments', 'Callback Comments', {
		maxLength: 255,
		stored: STORED.callbackComments,
	}),
];

const listId = (options: Partial<ParamSpec> = {}) =>
	id('list_id', 'List ID', {
		minLength: 3,
		maxLength: 12,
		placeholder: '101',
		load: 'lists',
		description: 'Numeric ID of the VICIdial list',
		...options,
	});

/** The lead's own fields, as add_lead and update_lead take them. */
const leadFields: ParamSpec[] = leadFieldsOf('nonAgent');

/** lead_search by one key: one operation per search method, the same options and answer. */
function leadSearch(
	operation: string,
	keyName: string,
	method: string,
	unit: string,
	key: ParamSpec,
): FunctionEntry {
	return {
		fn: 'lead_search',
		api: 'nonAgent',
		resource: 'lead',
		operation,
		name: `Search by ${keyName}`,
		action: `Search leads by ${keyName.toLowerCase()}`,
		description: `Find the lead IDs that have these ${keyName.toLowerCase()}s (lead_search)`,
		writes: false,
		cap: {
			limit: 1000,
			param: 'records',
			perRecord: 'lead_ids',
			hint: 'VICIdial returned as many leads as "Max Leads per ..." allows (1000 when empty): raise it, or narrow the search to a list.',
		},
		params: [
			key,
			choice('search_location', 'Search In', {
				choices: [
					{ name: 'Whole System', value: 'SYSTEM' },
					{ name: 'One List', value: 'LIST' },
					{ name: "The List's Campaign", value: 'CAMPAIGN' },
				],
			}),
			listId({ description: 'The list to search in, or whose campaign to search in' }),
			integer('records', `Max Leads per ${unit}`, {
				min: 1,
				max: 1000000,
				description: 'Newest leads first; VICIdial uses 1000 when empty',
			}),
			flag('archived_lead', 'Archived Leads', {
				description: 'Whether to search the archive instead of the active leads',
			}),
		],
		fixed: { search_method: method },
		answer: rows('|', [
			field.text('search_key'),
			field.integer('records_found'),
			field.integerList('lead_ids'),
		]),
		runOptions: [
			{
				displayName: 'Return Full Lead Records',
				name: FULL_LEAD_RECORDS,
				type: 'boolean',
				default: false,
				description:
					'Whether to read every lead found and output one item per lead with all its fields, instead of one item per search key with the lead IDs',
			},
		],
		expand: { option: FULL_LEAD_RECORDS, run: fullLeadRecords },
		noRecords: /NO MATCHES FOUND/,
	};
}

export const leadFunctions: FunctionEntry[] = [
	{
		fn: 'add_lead',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'add',
		name: 'Add',
		action: 'Add a lead',
		description:
			'Add a lead to a list, with optional duplicate, DNC and hopper handling (add_lead)',
		writes: true,
		customFields: true,
		params: [
			digits('phone_number', 'Phone Number', {
				required: true,
				minLength: 6,
				maxLength: 16,
				placeholder: '3125551212',
				description: 'Digits only; spaces, dashes and brackets are removed',
			}),
			listId({ required: true }),
			...leadFields,
			...dialing([
				choice('dnc_check', 'DNC Check', {
					choices: yesNoAreaCode,
					description: "Refuse the lead if the number is on the system's Do Not Call list",
				}),
				choice('campaign_dnc_check', 'Campaign DNC Check', {
					choices: yesNoAreaCode,
					description:
						"Refuse the lead if the number is on the campaign's Do Not Call list (needs Campaign ID)",
				}),
				text('campaign_id', 'Campaign ID', {
					minLength: 2,
					maxLength: 8,
					stored: STORED.code,
					description: 'Needed for the campaign DNC check and for callbacks',
				}),
				choices('duplicate_check', 'Duplicate Check', {
					choices: duplicateChecks,
					separator: '-',
					description:
						'Refuse the lead if one like it exists; VICIdial answers with the existing lead',
				}),
				flag('add_to_hopper', 'Add to Hopper', {
					description: 'Whether to queue the lead for dialing right away',
				}),
				integer('hopper_priority', 'Hopper Priority', {
					min: -99,
					max: 99,
					description: 'Higher is dialed sooner',
				}),
				flag('hopper_local_call_time_check', 'Hopper Local Call Time Check', {
					description: "Whether to add to the hopper only within the lead's local call time",
				}),
				flag('usacan_prefix_check', 'USA/Canada Prefix Check', {
					description: 'Whether to refuse numbers whose 4th digit is 0 or 1',
				}),
				flag('usacan_areacode_check', 'USA/Canada Area Code Check', {
					description:
						'Whether to refuse numbers without a valid area code or with other than 10 digits',
				}),
				flag('nanpa_ac_prefix_check', 'NANPA Prefix Check', {
					description:
						'Whether to check area code and prefix against NANPA data, if loaded on the server',
				}),
				choice('tz_method', 'Time Zone Method', { choices: timeZoneMethods }),
				flag('lookup_state', 'Look Up State', {
					description: 'Whether to fill State from the area code when it is empty',
				}),
				flag('list_exists_check', 'List Must Exist', {
					description: 'Whether to refuse the lead if the list ID is not a defined list',
				}),
				flag('callback', 'Schedule Callback', {
					description:
						'Whether to make the lead a scheduled callback (needs Campaign ID and Callback Date Time)',
				}),
				...callbackDetails(),
				id('entry_list_id', 'Entry List ID', {
					minLength: 3,
					maxLength: 12,
					load: 'lists',
					description:
						"Expert setting: which list's custom fields the lead uses. Ignored with custom fields.",
				}),
			]),
		],
		answer: status([
			field.text('phone_number'),
			field.integer('list_id'),
			field.integer('lead_id'),
			field.decimal('gmt_offset'),
			field.text('user'),
		]),
		verifyWrite: verifyAddLead,
	},
	leadSearch(
		'searchByPhone',
		'Phone',
		'PHONE_NUMBER',
		'Number',
		digits('phone_number', 'Phone Numbers', {
			required: true,
			separator: ',',
			minLength: 6,
			maxLength: 18,
			placeholder: '3125551212,9055551212',
			description: 'One or more numbers, separated by commas',
		}),
	),
	leadSearch(
		'searchByVendorCode',
		'Vendor Lead Code',
		'VENDOR_LEAD_CODE',
		'Code',
		text('vendor_lead_code', 'Vendor Lead Codes', {
			required: true,
			placeholder: 'CRM-1001,CRM-1002',
			description: 'One or more codes, separated by commas',
			pattern: {
				regex: /^[^,]{1,20}(,[^,]{1,20})*$/,
				hint: 'must be codes of 1 to 20 characters separated by commas',
			},
		}),
	),
];

// ---- update_lead, batch_update_lead, lead_dearchive, update_log_entry and the Upsert ----

const statusParam = (options: Partial<ParamSpec> = {}) =>
	text('status', 'Status', { minLength: 1, maxLength: 6, pattern: STATUS_CODE, ...options });

/**
 * How update_lead and batch_update_lead store the lead's fields: a line break that survives a
 * field's filter becomes the two characters "!N" (their whole SQL update gets that treatment;
 * add_lead keeps it), and a value with nothing left after the filter is not written at all.
 */
const asUpdated = (params: ParamSpec[]): ParamSpec[] =>
	params.map((p) =>
		p.stored && !p.stored.clamp
			? {
					...p,
					stored: {
						...p.stored,
						emptyIgnored: true,
						...(p.stored.drop !== undefined ? { lineBreak: '!N' } : {}),
					},
				}
			: p,
	);

/**
 * Create or Update adds or updates, so a line break would be stored one way or the other: it is
 * refused there, like a backslash; so is a value VICIdial would drop entirely (an update keeps the
 * old value, an add stores nothing).
 */
const forUpsert = (params: ParamSpec[]): ParamSpec[] =>
	params.map((p) =>
		p.stored && !p.stored.clamp
			? {
					...p,
					stored: {
						...p.stored,
						emptyRefused: true,
						...(p.stored.drop !== undefined ? { unsafe: `${p.stored.unsafe ?? ''}\n` } : {}),
					},
				}
			: p,
	);

/** Fields update_lead and batch_update_lead change, besides the lead's own fields. */
const updateOnlyFields: ParamSpec[] = [
	statusParam(),
	text('user_field', 'Lead User', {
		maxLength: 20,
		description: "Sets the lead's user (owner agent) field",
		pattern: USER_ID,
	}),
	id('list_id_field', 'Move to List ID', {
		minLength: 3,
		maxLength: 12,
		load: 'lists',
		description: 'Moves the lead to this list',
	}),
	integer('called_count', 'Called Count', {
		min: 0,
		max: 65535,
		description: 'How many times the lead was dialed',
	}),
	flag('reset_lead', 'Reset Called Flag', {
		description: 'Whether to mark the lead as not called since the last list reset',
	}),
	flag('list_exists_check', 'Target List Must Exist', {
		description: 'Whether to refuse the update if Move to List ID is not a defined list',
	}),
];

const callbackParams: ParamSpec[] = dialing([
	text('campaign_id', 'Campaign ID', {
		minLength: 2,
		maxLength: 8,
		load: 'campaigns',
		stored: STORED.code,
		description: 'Campaign of a new callback',
	}),
	// offered from the logged-in agents here, typed in Add (kept as it was for saved workflows)
	...callbackDetails({ load: 'agents' }),
]);

const hopperParams: ParamSpec[] = dialing([
	flag('add_to_hopper', 'Add to Hopper', {
		description: 'Whether to queue the lead for dialing right away',
	}),
	integer('hopper_priority', 'Hopper Priority', {
		min: -99,
		max: 99,
		description: 'Higher is dialed sooner',
	}),
	flag('hopper_local_call_time_check', 'Hopper Local Call Time Check', {
		description: "Whether to add to the hopper only within the lead's local call time",
	}),
	flag('remove_from_hopper', 'Remove From Hopper', {
		description: 'Whether to take the lead out of the hopper',
	}),
]);

const leadId = (options: Partial<ParamSpec> = {}) =>
	id('lead_id', 'Lead ID', { minLength: 1, maxLength: 9, ...options });

const searchLocation = choice('search_location', 'Search In', {
	choices: [
		{ name: 'Whole System', value: 'SYSTEM' },
		{ name: 'One List', value: 'LIST', description: 'Needs List ID' },
		{ name: "The List's Campaign", value: 'CAMPAIGN', description: 'Needs List ID' },
	],
});

/** What update_lead prints for each outcome, SUCCESS lines first, then the NOTICE lines that can stand alone. */
const updateLeadMessages: MessageSpec[] = [
	{
		match: /^LEAD HAS BEEN UPDATED$/,
		result: 'updated',
		fields: [field.text('user'), field.integer('lead_id'), field.integer('affected_rows')],
	},
	{
		match: /^LEAD HAS BEEN DELETED/,
		result: 'deleted',
		fields: [field.text('user'), field.integer('lead_id'), field.integer('affected_rows')],
	},
	{
		match: /^LEAD HAS BEEN ADDED$/,
		result: 'added',
		fields: [
			field.text('phone_number'),
			field.integer('list_id'),
			field.integer('lead_id'),
			field.decimal('gmt_offset'),
			field.text('user'),
		],
	},
	{
		match: /^LEADS FOUND IN THE SYSTEM$/,
		result: 'found',
		fields: [
			field.text('user'),
			field.integer('lead_id'),
			field.text('vendor_lead_code'),
			field.text('phone_number'),
			field.integer('list_id'),
			field.integer('entry_list_id'),
		],
	},
	{
		match: /^NO MATCHES FOUND IN THE SYSTEM$/,
		result: 'notFound',
		fields: [
			field.text('user'),
			field.text('lead_id'),
			field.text('vendor_lead_code'),
			field.text('phone_number'),
		],
	},
	{
		match: /^CUSTOM FIELDS VALUES UPDATED$/,
		result: 'customFieldsUpdated',
		fields: [field.text('phone_number'), field.integer('lead_id'), field.integer('list_id')],
	},
	{
		match: /^CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST$/,
		result: 'customFieldsNotStored',
		fields: [field.text('phone_number'), field.integer('lead_id'), field.integer('list_id')],
	},
	{
		match: /^CUSTOM FIELDS DATA HAS BEEN DELETED$/,
		result: 'customFieldsDeleted',
		fields: [field.text('user'), field.integer('lead_id')],
	},
	{
		match: /^SCHEDULED CALLBACK (?:ADDED|UPDATED)$/,
		result: 'callbackSet',
		fields: [
			field.integer('lead_id'),
			field.text('campaign_id'),
			field.text('callback_datetime'),
			field.text('callback_type'),
			field.text('callback_user'),
			field.text('callback_status'),
		],
	},
	{
		match: /^SCHEDULED CALLBACK DELETED$/,
		result: 'callbackRemoved',
		fields: [field.text('user'), field.integer('lead_id')],
	},
	{
		match: /^SCHEDULED CALLBACK NOT (?:ADDED|UPDATED)/,
		result: 'callbackNotSet',
		fields: [field.integer('lead_id')],
	},
	{
		match: /^ADDED TO HOPPER$/,
		result: 'addedToHopper',
		fields: [field.text('phone_number'), field.integer('lead_id'), field.integer('hopper_id')],
	},
	{
		match: /^REMOVED FROM HOPPER$/,
		result: 'removedFromHopper',
		fields: [field.text('phone_number'), field.integer('lead_id'), field.text('hopper_status')],
	},
	{
		match: /^NOT (?:ADDED TO|REMOVED FROM) HOPPER/,
		result: 'hopperUnchanged',
		fields: [field.text('phone_number'), field.text('lead_id')],
	},
];

export const updateLead: FunctionEntry = {
	fn: 'update_lead',
	api: 'nonAgent',
	resource: 'lead',
	operation: 'update',
	name: 'Update',
	action: 'Update a lead',
	description:
		'Change, find, delete or schedule a lead found by ID, vendor lead code or phone number (update_lead)',
	writes: true,
	customFields: true,
	params: [
		leadId({
			main: true,
			description: 'The lead to update; or search by vendor lead code or phone number instead',
		}),
		choices('search_method', 'Search By', {
			separator: '_',
			choices: [
				{ name: 'Lead ID', value: 'LEAD_ID' },
				{ name: 'Vendor Lead Code', value: 'VENDOR_LEAD_CODE' },
				{ name: 'Phone Number', value: 'PHONE_NUMBER' },
			],
			description:
				'Which of the given keys find the lead, tried in the order lead ID, vendor lead code, phone number. VICIdial uses Lead ID when empty.',
		}),
		digits('phone_number', 'Phone Number', {
			minLength: 6,
			maxLength: 18,
			description:
				'Finds the lead (Search By Phone Number); with Update Phone Number or Insert If Not Found it is also stored',
		}),
		searchLocation,
		listId({
			description:
				'The list to search in (or whose campaign), and the list a lead inserted if not found goes to',
		}),
		integer('records', 'Max Leads to Update', {
			min: 1,
			max: 1000000,
			description: 'How many matching leads to update, newest first; VICIdial uses 1',
		}),
		flag('no_update', 'Only Check If It Exists', {
			description: 'Whether to only report whether a matching lead exists, changing nothing',
		}),
		flag('insert_if_not_found', 'Insert If Not Found', {
			description:
				'Whether to add a new lead when none matches (needs Phone Number, Phone Code and List ID)',
		}),
		flag('delete_lead', 'Delete Lead', {
			description: 'Whether to delete the lead (and its callbacks)',
		}),
		flag('delete_cf_data', 'Delete Custom Field Data', {
			description: "Whether to delete the lead's custom field values",
		}),
		flag('update_phone_number', 'Update Phone Number', {
			description: "Whether to store Phone Number as the lead's number",
		}),
		...asUpdated(leadFields),
		...updateOnlyFields,
		...dialing([
			choice('callback', 'Callback', {
				choices: [
					{ name: 'Leave Unchanged', value: '' },
					{
						name: 'Set',
						value: 'Y',
						description:
							'Add or change the scheduled callback (needs Campaign ID and Callback Date Time for a new one)',
					},
					{ name: 'Remove', value: 'REMOVE', description: 'Delete the scheduled callback' },
				],
			}),
		]),
		...callbackParams,
		...hopperParams,
		...dialing([choice('tz_method', 'Time Zone Method (Insert)', { choices: timeZoneMethods })]),
		flag('archived_lead', 'Archived Leads', {
			description: 'Whether to find and update the lead among the archived leads',
		}),
		id('entry_list_id', 'Entry List ID', {
			minLength: 3,
			maxLength: 12,
			load: 'lists',
			description:
				"Expert setting: which list's custom fields the lead uses. Ignored with custom fields.",
		}),
		id('force_entry_list_id', 'Force Entry List ID', {
			minLength: 3,
			maxLength: 12,
			load: 'lists',
			description: "Expert setting: read and write the custom fields of this list's fields",
		}),
	],
	answer: messages(updateLeadMessages, { empty: 'unchanged' }),
	noRecords: /NO MATCHES FOUND/,
};

/** lead_ids come back joined by commas: numbers here. */
function idList(record: Record<string, unknown>, name: string): void {
	const value = record[name];
	if (typeof value === 'string') record[name] = value === '' ? [] : value.split(',').map(Number);
}

export const batchUpdateLead: FunctionEntry = {
	fn: 'batch_update_lead',
	api: 'nonAgent',
	resource: 'lead',
	operation: 'updateMany',
	name: 'Update Many',
	action: 'Update many leads',
	description: 'Set the same field values on several leads by ID (batch_update_lead)',
	writes: true,
	params: [
		id('lead_ids', 'Lead IDs', {
			required: true,
			separator: ',',
			minLength: 1,
			maxLength: 9,
			placeholder: '1001,1002,1003',
			description: 'The leads to change, separated by commas',
		}),
		integer('records', 'Max Leads', {
			min: 1,
			max: 1000000,
			description: 'At most this many of the leads, highest IDs first; VICIdial uses 1000',
		}),
		...asUpdated(leadFields.filter((p) => p.name !== 'multi_alt_phones')),
		...updateOnlyFields,
	],
	answer: messages(
		[
			{
				match: /^LEADS HAVE BEEN UPDATED$/,
				result: 'updated',
				fields: [
					field.text('user'),
					field.integer('affected_rows'),
					field.integer('leads_found'),
					field.text('lead_ids'),
				],
			},
		],
		{ empty: 'unchanged' },
	),
	run: async (runtime, values) =>
		(await runtime.items(batchUpdateLead, values.form)).map(
			(item) => (idList(item.json, 'lead_ids'), item),
		),
};

export const leadDearchive: FunctionEntry = {
	fn: 'lead_dearchive',
	api: 'nonAgent',
	resource: 'lead',
	operation: 'dearchive',
	name: 'Restore From Archive',
	action: 'Restore an archived lead',
	description: 'Move an archived lead back to the active leads (lead_dearchive)',
	writes: true,
	params: [leadId({ required: true, maxLength: 11 })],
	answer: messages([
		{
			match: /^LEAD DE-ARCHIVED: (.*)$/,
			result: 'restored',
			fields: [
				field.text('user'),
				field.integer('lead_id'),
				field.integer('restored_rows'),
				field.integer('archive_rows_removed'),
			],
		},
	]),
};

export const updateLogEntry: FunctionEntry = {
	fn: 'update_log_entry',
	api: 'nonAgent',
	resource: 'lead',
	operation: 'updateCallLogEntry',
	name: 'Update Call Log Entry',
	action: 'Change the status of a last call',
	description:
		"Set the status of a lead's latest call in a campaign's or in-group's call log (update_log_entry)",
	writes: true,
	params: [
		text('group', 'Campaign or In-Group', {
			required: true,
			minLength: 2,
			maxLength: 20,
			pattern: idPattern('a campaign or in-group ID'),
			description: 'Campaign ID (outbound call) or in-group ID (inbound call)',
		}),
		text('call_id', 'Call ID', {
			required: true,
			minLength: 10,
			maxLength: 40,
			pattern: {
				regex: /^[0-9A-Za-z]*[0-9]{10}$/,
				hint: 'must be letters and digits only, ending in the 10-digit lead ID',
			},
			placeholder: 'M1231200000000000016',
			description: "VICIdial's call ID (caller ID name); its last 10 digits are the lead ID",
		}),
		statusParam({ required: true, description: 'The new status of the call' }),
	],
	answer: status([
		field.text('user'),
		field.text('updated_by'),
		field.text('group'),
		field.text('call_id'),
		field.text('status'),
		field.text('old_status'),
		field.text('uniqueid'),
	]),
};

// ---- Upsert: find by phone number or vendor lead code, update if found, add if not ----
//
// Across n8n processes (queue-mode workers) no lock is shared, so two runs may both find nothing
// and both add. They converge without a lock service: the lead with the lowest ID holding the key
// in the search location is "the" lead. Every update goes to it; a run that added a lead looks the
// key up again right after, and when a lower ID holds it too, it turns its data into an update of
// that lead and deletes its own new lead (update_lead's delete option, which needs the same rights
// as the update itself). A run only ever deletes the lead it has just added.

/** Items with the same key wait for each other, so a retry or a duplicate item never adds twice. */
const upsertLocks = new Map<string, Promise<unknown>>();

async function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
	const before = upsertLocks.get(key) ?? Promise.resolve();
	const mine = before.catch(() => undefined).then(task);
	const tail = mine.catch(() => undefined);
	upsertLocks.set(key, tail);
	try {
		return await mine;
	} finally {
		if (upsertLocks.get(key) === tail) upsertLocks.delete(key);
	}
}

const UPSERT_CONTROL = [
	'function',
	'search_method',
	'search_location',
	'list_id',
	'phone_number',
	'vendor_lead_code',
	'add_to_hopper',
	'hopper_priority',
	'dnc_check',
	'campaign_dnc_check',
	'campaign_id',
];

/** How many leads with one key lead_search may list (newest first): enough to see the lowest ID. */
const KEY_SEARCH_RECORDS = 10000;

interface UpsertKey {
	method: string;
	key: string;
	location: string;
	listId: string;
}

function upsertKey(form: Record<string, string>): UpsertKey {
	const method = form.search_method;
	const key = method === 'VENDOR_LEAD_CODE' ? form.vendor_lead_code : form.phone_number;
	if (!key)
		throw new VicidialError('invalid', 'Vendor Lead Code is needed to match by vendor lead code', {
			hint: 'Give the lead a Vendor Lead Code, or match by phone number.',
			outcome: 'not_sent',
		});
	return { method, key, location: form.search_location ?? 'LIST', listId: form.list_id };
}

/** The IDs of the leads holding the key in the search location, lowest first (lead_search). */
async function leadsWithKey(
	runtime: OperationRuntime,
	{ method, key, location, listId }: UpsertKey,
): Promise<number[]> {
	const byCode = method === 'VENDOR_LEAD_CODE';
	// lead_search reads a comma as "several codes": such a code cannot be its key
	if (byCode && key.includes(','))
		throw new InvalidInputError(
			'Vendor Lead Code',
			'holds a comma, which lead_search reads as a list of codes',
		);
	const search = findEntry(leadFunctions, 'lead', byCode ? 'searchByVendorCode' : 'searchByPhone');
	const form = buildForm(search, {
		[byCode ? 'vendor_lead_code' : 'phone_number']: key,
		search_location: location,
		list_id: listId,
		records: KEY_SEARCH_RECORDS,
	});
	const answer = await runtime.call(search, form, { emptyOnNoRecords: true });
	return answer.records
		.flatMap((r) => (Array.isArray(r.lead_ids) ? r.lead_ids.map(Number) : []))
		.sort((a, b) => a - b);
}

/**
 * lead_search is not allowed to every API user, and takes no vendor lead code with a comma: then
 * the old single-lead find is used, without the cross-process check.
 */
function searchRefused(error: unknown): boolean {
	return (
		(error instanceof VicidialError &&
			(error.kind === 'functionNotAllowed' || error.kind === 'permission')) ||
		error instanceof InvalidInputError
	);
}

/** The item's lead data (not the key and control fields), by VICIdial name, for the update and the add. */
function leadValues(values: Record<string, unknown>): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(values))
		if (!UPSERT_CONTROL.includes(name)) data[name] = value;
	return data;
}

const addLead = findEntry(leadFunctions, 'lead', 'add');

/**
 * The calls of Create or Update, built with the item through update_lead's and add_lead's own
 * rules before any request of the run; the lead ID an update or removal is for is known only then.
 */
const upsertSteps: Record<string, Step> = {
	// The single-lead find, for a key lead_search cannot take.
	find: {
		entry: updateLead,
		values: ({ form }) => {
			const key = upsertKey(form);
			return {
				search_method: key.method,
				search_location: key.location,
				list_id: key.listId,
				[key.method === 'VENDOR_LEAD_CODE' ? 'vendor_lead_code' : 'phone_number']: key.key,
				no_update: true,
			};
		},
	},
	// The item's data onto the lead found, the matched key included.
	update: {
		entry: updateLead,
		customFields: true,
		values: ({ values, form }) => ({
			search_method: 'LEAD_ID',
			...leadValues(values),
			vendor_lead_code: values.vendor_lead_code,
			add_to_hopper: values.add_to_hopper,
			hopper_priority: values.hopper_priority,
			...(form.search_method === 'VENDOR_LEAD_CODE'
				? { phone_number: values.phone_number, update_phone_number: true }
				: {}),
		}),
	},
	// A new lead is NEW: the Status is for updates only.
	add: {
		entry: addLead,
		customFields: true,
		values: ({ values }) => {
			const data = leadValues(values);
			delete data.status;
			return {
				phone_number: values.phone_number,
				list_id: values.list_id,
				...data,
				vendor_lead_code: values.vendor_lead_code,
				add_to_hopper: values.add_to_hopper,
				hopper_priority: values.hopper_priority,
				dnc_check: values.dnc_check,
			};
		},
	},
	// Deletes the lead this run has just added (and its hopper entry).
	remove: {
		entry: updateLead,
		values: ({ form }) => ({
			search_method: 'LEAD_ID',
			delete_lead: true,
			...(form.add_to_hopper === 'Y' ? { remove_from_hopper: true } : {}),
		}),
	},
};

/** Updates the lead `leadId` with the item's data, the matched key included. */
async function updateWithItem(
	runtime: OperationRuntime,
	values: ItemValues,
	leadId: number,
): Promise<Record<string, unknown>> {
	const [item] = await runtime.items(updateLead, {
		...stepForm(values, 'update'),
		lead_id: String(leadId),
	});
	return {
		action: item?.json.result === 'unchanged' ? 'unchanged' : 'updated',
		...item?.json,
		lead_id: leadId,
	};
}

/** Deletes the lead this run has just added (with its custom field row and hopper entry). */
async function removeOwnLead(
	runtime: OperationRuntime,
	values: ItemValues,
	leadId: number,
): Promise<string | undefined> {
	// custom_fields=Y carries no values here: it makes update_lead delete the custom field row too.
	const removal = {
		...stepForm(values, 'remove'),
		lead_id: String(leadId),
		...(values.form.custom_fields === 'Y' ? { custom_fields: 'Y' } : {}),
	};
	try {
		const answer = await runtime.call(updateLead, removal);
		if (answer.records[0]?.result === 'deleted') return undefined;
		return `VICIdial did not confirm deleting lead ${leadId} (${answer.message || 'no message'})`;
	} catch (error) {
		return `Deleting lead ${leadId} failed: ${error instanceof Error ? error.message : String(error)}`;
	}
}

/** The verifyWrite of the Upsert: the lowest lead holding the key holds the item's values. */
async function verifyUpsert(runtime: OperationRuntime, values: ItemValues): Promise<WriteCheck> {
	const form = values.form;
	const [lowest] = await leadsWithKey(runtime, upsertKey(form));
	if (lowest === undefined) return { outcome: 'not_applied' };
	const lead = await leadById(runtime, lowest);
	if (!lead || !holdsSentValues(lead, form)) return { outcome: 'not_applied' };
	if (form.search_method === 'VENDOR_LEAD_CODE' && String(lead.phone_number) !== form.phone_number)
		return { outcome: 'not_applied' };
	return {
		outcome: 'applied',
		json: {
			lead_id: lowest,
			phone_number: lead.phone_number,
			list_id: lead.list_id,
			vendor_lead_code: lead.vendor_lead_code,
		},
	};
}

export const upsertLead: FunctionEntry = {
	fn: 'update_lead',
	api: 'nonAgent',
	resource: 'lead',
	operation: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a lead',
	description: 'Create a new lead, or update the current one if it already exists (upsert)',
	writes: true,
	customFields: true,
	params: [
		choice('search_method', 'Match By', {
			required: true,
			default: 'PHONE_NUMBER',
			choices: [
				{ name: 'Phone Number', value: 'PHONE_NUMBER' },
				{ name: 'Vendor Lead Code', value: 'VENDOR_LEAD_CODE' },
			],
		}),
		digits('phone_number', 'Phone Number', {
			required: true,
			minLength: 6,
			maxLength: 16,
			description: 'Digits only; spaces, dashes and brackets are removed',
		}),
		listId({
			required: true,
			description: 'The list a new lead is added to, and the list (or campaign) searched',
		}),
		choice('search_location', 'Search In', {
			default: 'LIST',
			choices: [
				{ name: 'This List', value: 'LIST' },
				{ name: "This List's Campaign", value: 'CAMPAIGN' },
				{ name: 'Whole System', value: 'SYSTEM' },
			],
		}),
		...forUpsert(leadFields.filter((p) => p.name !== 'multi_alt_phones')),
		statusParam({ description: 'Status of an updated lead (a new lead is NEW)' }),
		...dialing([
			choice('dnc_check', 'DNC Check (Add)', {
				choices: yesNoAreaCode,
				description: "Refuse to add a lead whose number is on the system's Do Not Call list",
			}),
			flag('add_to_hopper', 'Add to Hopper', {
				description: 'Whether to queue the lead for dialing right away',
			}),
			integer('hopper_priority', 'Hopper Priority', {
				min: -99,
				max: 99,
				description: 'Higher is dialed sooner',
			}),
		]),
	],
	answer: messages(updateLeadMessages, { empty: 'unchanged' }),
	verifyWrite: verifyUpsert,
	check: ({ form }) => void upsertKey(form),
	steps: upsertSteps,
	run: async (runtime, values) => {
		const form = values.form;
		const key = upsertKey(form);
		const lockKey = `${key.method}|${key.key}|${key.location}|${key.location === 'SYSTEM' ? '' : key.listId}`;
		return await withKeyLock(lockKey, async () => {
			const warnings: string[] = [];
			// 1. Find, inside the lock: a second item with the same key sees the lead the first one added.
			let existing: number | undefined;
			const holdersBefore = await leadsWithKey(runtime, key).catch((error: unknown) =>
				searchRefused(error) ? undefined : Promise.reject(error),
			);
			const keySearch = holdersBefore !== undefined;
			if (holdersBefore) {
				existing = holdersBefore[0];
			} else {
				warnings.push(
					'The key cannot be searched with lead_search (not allowed to the API user, or a vendor lead code with a comma): a lead added by another n8n process at the same moment is not detected.',
				);
				const found = await runtime.call(updateLead, stepForm(values, 'find'));
				const hit = found.records[0];
				if (hit?.result === 'found') existing = Number(hit.lead_id);
			}
			const withWarnings = (json: Record<string, unknown>) => [
				{ json: warnings.length > 0 ? { ...json, warnings } : json },
			];
			// 2a. Update the lead holding the key (the lowest ID: the one every process keeps).
			if (existing !== undefined)
				return withWarnings(await updateWithItem(runtime, values, existing));

			// 2b. Add it.
			const add = stepForm(values, 'add');
			const sentAt = Date.now();
			const sent = await runtime.items(addLead, add).then(
				([item]) => ({ added: { action: 'added', ...item.json } as Record<string, unknown> }),
				(error: unknown) => ({ error }),
			);
			let added: Record<string, unknown>;
			if ('added' in sent) {
				added = sent.added;
			} else {
				// An add whose answer was lost: look it up instead of leaving it open (or sending it again).
				const error = sent.error;
				if (!outcomeUnknown(error) || values.options.checkUnknownWrites === false) throw error;
				const check = await verifyAddLead(runtime, { ...values, form: add }, { sentAt }).catch(
					() => undefined,
				);
				// The lookup failed too: the add stays unknown.
				if (!check) throw error;
				if (check.outcome === 'not_applied') throw notAppliedError(error, 'the lead');
				added = {
					action: 'added',
					outcome: 'applied',
					...check.json,
					message: `${error.message}; a lookup found the lead added`,
				};
			}
			const ownId = Number(added.lead_id);
			if (!keySearch || !Number.isInteger(ownId)) return withWarnings(added);

			// 3. Did another process add a lead with this key at the same moment? The lowest ID wins.
			const holders = await leadsWithKey(runtime, key).catch((error: unknown) => {
				warnings.push(
					`The lead was added, but the check for a lead added at the same moment by another process failed: ${error instanceof Error ? error.message : String(error)}`,
				);
				return undefined;
			});
			if (!holders) return withWarnings(added);
			const lowest = Math.min(ownId, ...holders);
			if (lowest === ownId) return withWarnings(added);
			const updated = await updateWithItem(runtime, values, lowest);
			const removalProblem = await removeOwnLead(runtime, values, ownId);
			if (removalProblem)
				warnings.push(`${removalProblem}: lead ${ownId} remains beside lead ${lowest}.`);
			return withWarnings({
				...updated,
				action: 'updated',
				merged_from: ownId,
				merged_lead_removed: removalProblem === undefined,
			});
		});
	},
};

leadFunctions.push(updateLead, upsertLead, batchUpdateLead, leadDearchive, updateLogEntry);
