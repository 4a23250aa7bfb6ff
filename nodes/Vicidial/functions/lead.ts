import type { Choice, FunctionSpec, ParamSpec } from '../../shared/spec';
import { choice, choices, date, dec, decimal, digits, flag, int, intList, integer, str, text } from '../../shared/spec';

const yesNoAreaCode: Choice[] = [
	{ name: 'No', value: 'N' },
	{ name: 'Yes', value: 'Y', description: 'Refuse numbers on the list' },
	{ name: 'Area Code', value: 'AREACODE', description: 'Also refuse numbers whose area code is on the list' },
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

const listId = (options: Partial<ParamSpec> = {}) =>
	digits('list_id', 'List ID', { minLength: 3, maxLength: 12, description: 'Numeric ID of the VICIdial list', ...options });

/** The lead's own fields, as add_lead and update_lead take them. */
const leadFields: ParamSpec[] = [
	text('first_name', 'First Name', { maxLength: 30, main: true }),
	text('last_name', 'Last Name', { maxLength: 30, main: true }),
	digits('phone_code', 'Phone Code', { minLength: 1, maxLength: 4, description: 'Country calling code; VICIdial uses 1 when empty' }),
	text('vendor_lead_code', 'Vendor Lead Code', { maxLength: 20, description: 'Your own ID for the lead, e.g. the CRM record ID' }),
	text('source_id', 'Source ID', { maxLength: 50 }),
	decimal('gmt_offset_now', 'GMT Offset', { min: -12, max: 14, description: 'Time zone offset; VICIdial replaces it with its own lookup where it can' }),
	text('title', 'Title', { maxLength: 4 }),
	text('middle_initial', 'Middle Initial', { maxLength: 1 }),
	text('address1', 'Address 1', { maxLength: 100 }),
	text('address2', 'Address 2', { maxLength: 100 }),
	text('address3', 'Address 3', { maxLength: 100 }),
	text('city', 'City', { maxLength: 50 }),
	text('state', 'State', { maxLength: 2, description: 'Two-letter state code' }),
	text('province', 'Province', { maxLength: 50 }),
	text('postal_code', 'Postal Code', { maxLength: 10 }),
	text('country_code', 'Country Code', { maxLength: 3, description: 'Three-letter country code, e.g. USA' }),
	choice('gender', 'Gender', {
		choices: [
			{ name: 'Undefined', value: 'U' },
			{ name: 'Male', value: 'M' },
			{ name: 'Female', value: 'F' },
		],
	}),
	date('date_of_birth', 'Date of Birth'),
	text('alt_phone', 'Alt Phone', { maxLength: 12 }),
	text('email', 'Email', { maxLength: 70, pattern: { regex: /^[^\s@]+@[^\s@]+$/, hint: 'must be an email address' } }),
	text('security_phrase', 'Security Phrase', { maxLength: 100 }),
	text('comments', 'Comments', { maxLength: 255 }),
	text('multi_alt_phones', 'Multiple Alt Phones', {
		minLength: 5,
		maxLength: 1024,
		placeholder: '7275551212_1_work!7275551213_1_sister house',
		description: 'Extra numbers as number_phonecode_note, separated by "!"',
	}),
	integer('rank', 'Rank', { min: -99999, max: 99999 }),
	text('owner', 'Owner', { maxLength: 20, description: 'User ID, territory or user group that owns the lead' }),
];

/** lead_search by one key: one operation per search method, the same options and answer. */
function leadSearch(operation: string, keyName: string, method: string, unit: string, key: ParamSpec): FunctionSpec {
	return {
		fn: 'lead_search',
		api: 'nonAgent',
		resource: 'lead',
		operation,
		name: `Search by ${keyName}`,
		action: `Search leads by ${keyName.toLowerCase()}`,
		description: `Find the lead IDs that have these ${keyName.toLowerCase()}s (lead_search)`,
		writes: false,
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
			integer('records', `Max Leads per ${unit}`, { min: 1, max: 1000000, description: 'Newest leads first; VICIdial uses 1000 when empty' }),
			flag('archived_lead', 'Archived Leads', { description: 'Whether to search the archive instead of the active leads' }),
		],
		fixed: { search_method: method },
		answer: { kind: 'rows', delimiter: '|', columns: [str('search_key'), int('records_found'), intList('lead_ids')] },
		noRecords: /NO MATCHES FOUND/,
	};
}

export const leadFunctions: FunctionSpec[] = [
	{
		fn: 'add_lead',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'add',
		name: 'Add',
		action: 'Add a lead',
		description: 'Add a lead to a list, with optional duplicate, DNC and hopper handling (add_lead)',
		writes: true,
		customFields: true,
		params: [
			digits('phone_number', 'Phone Number', {
				required: true,
				minLength: 6,
				maxLength: 16,
				description: 'Digits only; spaces, dashes and brackets are removed',
			}),
			listId({ required: true }),
			...leadFields,
			choice('dnc_check', 'DNC Check', { choices: yesNoAreaCode, description: "Refuse the lead if the number is on the system's Do Not Call list" }),
			choice('campaign_dnc_check', 'Campaign DNC Check', { choices: yesNoAreaCode, description: "Refuse the lead if the number is on the campaign's Do Not Call list (needs Campaign ID)" }),
			text('campaign_id', 'Campaign ID', { minLength: 2, maxLength: 8, description: 'Needed for the campaign DNC check and for callbacks' }),
			choices('duplicate_check', 'Duplicate Check', {
				choices: duplicateChecks,
				separator: '-',
				description: 'Refuse the lead if one like it exists; VICIdial answers with the existing lead',
			}),
			flag('add_to_hopper', 'Add to Hopper', { description: 'Whether to queue the lead for dialing right away' }),
			integer('hopper_priority', 'Hopper Priority', { min: -99, max: 99, description: 'Higher is dialed sooner' }),
			flag('hopper_local_call_time_check', 'Hopper Local Call Time Check', { description: "Whether to add to the hopper only within the lead's local call time" }),
			flag('usacan_prefix_check', 'USA/Canada Prefix Check', { description: 'Whether to refuse numbers whose 4th digit is 0 or 1' }),
			flag('usacan_areacode_check', 'USA/Canada Area Code Check', { description: 'Whether to refuse numbers without a valid area code or with other than 10 digits' }),
			flag('nanpa_ac_prefix_check', 'NANPA Prefix Check', { description: 'Whether to check area code and prefix against NANPA data, if loaded on the server' }),
			choice('tz_method', 'Time Zone Method', {
				choices: [
					{ name: 'Country and Area Code (Default)', value: '' },
					{ name: 'Postal Code', value: 'POSTAL' },
					{ name: 'Time Zone Code in Owner', value: 'TZCODE' },
					{ name: 'NANPA Data', value: 'NANPA' },
				],
			}),
			flag('lookup_state', 'Look Up State', { description: 'Whether to fill State from the area code when it is empty' }),
			flag('list_exists_check', 'List Must Exist', { description: 'Whether to refuse the lead if the list ID is not a defined list' }),
			flag('callback', 'Schedule Callback', { description: 'Whether to make the lead a scheduled callback (needs Campaign ID and Callback Date Time)' }),
			text('callback_status', 'Callback Status', { minLength: 1, maxLength: 6, placeholder: 'CALLBK' }),
			text('callback_datetime', 'Callback Date Time', {
				placeholder: '2026-12-01 14:30:00',
				description: 'YYYY-MM-DD HH:MM:SS in server time, NOW, or a number of days ahead such as 3DAYS',
				pattern: {
					regex: /^(NOW|\d{1,4}DAYS|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ +]([01]\d|2[0-3]):[0-5]\d:[0-5]\d)$/,
					hint: 'must be YYYY-MM-DD HH:MM:SS, NOW or a number of days such as 3DAYS',
				},
			}),
			choice('callback_type', 'Callback Type', {
				choices: [
					{ name: 'Anyone', value: 'ANYONE' },
					{ name: 'User Only', value: 'USERONLY' },
				],
			}),
			text('callback_user', 'Callback User', { maxLength: 20, description: 'Agent the USERONLY callback belongs to' }),
			text('callback_comments', 'Callback Comments', { maxLength: 255 }),
			digits('entry_list_id', 'Entry List ID', { minLength: 3, maxLength: 12, description: 'Expert setting: which list\'s custom fields the lead uses. Ignored with custom fields.' }),
		],
		answer: { kind: 'status', fields: [str('phone_number'), int('list_id'), int('lead_id'), dec('gmt_offset'), str('user')] },
	},
	leadSearch('searchByPhone', 'Phone', 'PHONE_NUMBER', 'Number',
		digits('phone_number', 'Phone Numbers', {
			required: true,
			separator: ',',
			minLength: 6,
			maxLength: 18,
			placeholder: '3125551212,9055551212',
			description: 'One or more numbers, separated by commas',
		}),
	),
	leadSearch('searchByVendorCode', 'Vendor Lead Code', 'VENDOR_LEAD_CODE', 'Code',
		text('vendor_lead_code', 'Vendor Lead Codes', {
			required: true,
			placeholder: 'CRM-1001,CRM-1002',
			description: 'One or more codes, separated by commas',
			pattern: { regex: /^[^,]{1,20}(,[^,]{1,20})*$/, hint: 'must be codes of 1 to 20 characters separated by commas' },
		}),
	),
];
