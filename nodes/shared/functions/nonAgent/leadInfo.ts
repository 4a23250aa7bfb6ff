import type { FieldSpec, FunctionEntry, ParamSpec } from '../../entry';
import { choice, date, day, dec, digits, id, dt, flag, int, str, text } from '../../entry';
import { CAMPAIGN_ID, idPattern, STATUS_CODE } from '../../patterns';

/** The lead columns VICIdial prints for a whole lead, in its order (ccc_lead_info stops after owner). */
const leadColumns: FieldSpec[] = [
	str('status'),
	str('user'),
	str('vendor_lead_code'),
	str('source_id'),
	int('list_id'),
	dec('gmt_offset_now'),
	str('phone_code'),
	str('phone_number'),
	str('title'),
	str('first_name'),
	str('middle_initial'),
	str('last_name'),
	str('address1'),
	str('address2'),
	str('address3'),
	str('city'),
	str('state'),
	str('province'),
	str('postal_code'),
	str('country_code'),
	str('gender'),
	day('date_of_birth'),
	str('alt_phone'),
	str('email'),
	str('security_phrase'),
	str('comments'),
	int('called_count'),
	dt('last_local_call_time'),
	int('rank'),
	str('owner'),
];

const leadId = (options: Partial<ParamSpec> = {}) =>
	id('lead_id', 'Lead ID', { minLength: 1, maxLength: 10, description: 'Numeric ID of the VICIdial lead', ...options });

const archivedLead = flag('archived_lead', 'Archived Leads', { description: 'Whether to read the archive (vicidial_list_archive) instead of the active leads' });

/** A call ID as VICIdial prints it in call logs (caller_code): a known prefix, 18 to 39 letters and digits. */
const callIdParam: ParamSpec = text('call_id', 'Call ID', {
	required: true,
	minLength: 18,
	maxLength: 39,
	placeholder: 'M1231200000000012345',
	description: 'The call ID (caller code) VICIdial gave the call, e.g. from a call URL or a recording name',
	pattern: { regex: /^(Y|J|V|M|DC|S|LP|VH|XL)[0-9A-Za-z]+$/, hint: 'must be a VICIdial call ID: V, M, Y, J, S, DC, LP, VH or XL followed by letters and digits' },
});

/** Output format options VICIdial offers; fixed so the answer has the shape the entry describes. */
const tabNoHeader = { stage: 'tab', header: 'NO' };

export const leadInfoFunctions: FunctionEntry[] = [
	{
		fn: 'lead_all_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getAllInfo',
		name: 'Get All Info',
		action: 'Get all fields of a lead',
		description: 'Every field of a lead found by lead ID or phone number, optionally with its custom fields (lead_all_info)',
		writes: false,
		cap: { limit: 1000, hint: 'VICIdial returns at most 1,000 leads per lookup: narrow it by list or by lead ID.' },
		params: [
			leadId({ main: true, description: 'The lead to read. Leave empty to find leads by Phone Number instead.' }),
			digits('phone_number', 'Phone Number', {
				main: true,
				minLength: 6,
				maxLength: 19,
				description: 'Used when Lead ID is empty: every lead with this number, newest first (up to 1000)',
			}),
			flag('custom_fields', 'Include Custom Fields', {
				description:
					"Whether to add the lead's custom field values as extra fields. VICIdial fails (HTTP 500) when the lead's list has no custom fields defined.",
			}),
			id('force_entry_list_id', 'Custom Fields of List', {
				load: 'lists',
				minLength: 3,
				maxLength: 12,
				description: "Read the custom fields from this list's custom fields table instead of the lead's own entry list",
			}),
			archivedLead,
		],
		// A header names the custom field columns; VICIdial repeats it before every lead.
		fixed: { stage: 'tab', header: 'YES' },
		answer: { kind: 'rows', delimiter: '\t', namedExtras: true, columns: [...leadColumns, int('entry_list_id'), int('lead_id')] },
		noRecords: /LEAD NOT FOUND/,
		serverErrorHint:
			"VICIdial fails when the lead's data holds an apostrophe (O'Brien) or ends in a backslash: it cannot write its own API log then. With Include Custom Fields it also fails when the lead's entry list (or the list in Custom Fields of List) has no custom fields or no custom fields table. Turn the option off or check the list's custom fields.",
	},
	{
		fn: 'lead_field_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getField',
		name: 'Get Field',
		action: 'Get one field of a lead',
		description: "The value of one field of a lead, a standard or a custom field (lead_field_info)",
		writes: false,
		params: [
			leadId({ required: true }),
			text('field_name', 'Field Name', {
				required: true,
				maxLength: 64,
				placeholder: 'first_name',
				description: 'Column name of the field, e.g. first_name, status, entry_date, or a custom field label',
				pattern: { regex: /^[A-Za-z_][A-Za-z0-9_]*$/, hint: 'must be a field name (letters, digits and _)' },
			}),
			flag('custom_fields', 'Custom Field', {
				description: "Whether Field Name is a custom field. VICIdial fails (HTTP 500) when the lead's list has no custom fields table or no such field.",
			}),
			id('list_id', 'Custom Fields of List', {
				load: 'lists',
				minLength: 2,
				maxLength: 14,
				description: "For a custom field: read it from this list's custom fields table instead of the lead's entry list",
			}),
			archivedLead,
		],
		answer: { kind: 'value', field: str('value'), echo: [int('lead_id'), str('field_name')] },
		// LIST FIELD NOT FOUND: the lead has no row in the custom fields table
		noRecords: /LEAD NOT FOUND|LIST FIELD NOT FOUND/,
		serverErrorHint:
			"VICIdial fails when Field Name is not a field of the lead, or, for a custom field, when the list has no custom fields table or no such field; also when the value holds an apostrophe (it cannot write its own API log then). Check the field name and the Custom Field option.",
	},
	{
		fn: 'lead_callback_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getCallbacks',
		name: 'Get Callbacks',
		action: 'Get the scheduled callbacks of a lead',
		description: 'The scheduled callbacks of a lead, oldest first (lead_callback_info)',
		writes: false,
		params: [
			leadId({ required: true }),
			choice('search_location', 'Search In', {
				default: 'CURRENT',
				choices: [
					{ name: 'Current Callbacks', value: 'CURRENT' },
					{ name: 'Archived Callbacks', value: 'ARCHIVE' },
					{ name: 'Both', value: 'ALL', description: 'Archived callbacks first, then current ones' },
				],
			}),
		],
		fixed: tabNoHeader,
		answer: {
			kind: 'rows',
			delimiter: '\t',
			columns: [
				int('lead_id'),
				str('callback_type'),
				str('recipient'),
				str('callback_status'),
				str('lead_status'),
				dt('callback_date'),
				dt('entry_date'),
				str('user'),
				int('list_id'),
				str('campaign_id'),
				str('user_group'),
				str('customer_timezone'),
				dt('customer_time'),
				str('comments'),
			],
		},
		noRecords: /CALLBACK NOT FOUND/,
	},
	{
		fn: 'lead_status_search',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'searchByStatus',
		name: 'Search by Status',
		action: 'Search leads by call status and day',
		description:
			'Every field of the leads whose outbound or inbound call on one day got one status, up to 1000 leads of each direction, each lead once (lead_status_search)',
		writes: false,
		cap: { limit: 1000, hint: 'VICIdial returns at most 1,000 leads per status and day from each call log: search fewer statuses or one day at a time.' },
		params: [
			text('status', 'Call Status', {
				main: true,
				maxLength: 6,
				placeholder: 'SALE',
				description:
					"The status a call was given (exact, one status). The call's status counts, not the lead's current one. Needs Date.",
				pattern: STATUS_CODE,
			}),
			date('date', 'Date', {
				main: true,
				description:
					"The day of the calls, in the server's time zone (one day, 00:00:00 to 23:59:59). Needs Call Status. For a range, run one day at a time.",
			}),
			leadId({
				description: 'Used only when Call Status and Date are empty: the lead, if it has any outbound or inbound call logged',
			}),
			flag('custom_fields', 'Include Custom Fields', {
				description: "Whether to add each lead's custom field values (from its entry list's custom fields table, if there is one)",
			}),
			archivedLead,
		],
		answer: {
			kind: 'records',
			fields: [int('lead_id'), int('list_id'), dec('gmt_offset_now'), day('date_of_birth'), int('called_count'), dt('last_local_call_time'), int('rank'), int('entry_list_id')],
		},
		noRecords: /NO RESULTS FOUND/,
		serverErrorHint:
			"VICIdial's search by status and date fails for users whose user group may see only some campaigns. Use an API user whose group allows all campaigns, or search by Lead ID.",
	},
	{
		fn: 'ccc_lead_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getCccInfo',
		name: 'Get by Cross-Cluster Call',
		action: 'Get the lead of a CCC call',
		description: 'The lead of a call of the last 10 hours, by call ID, for cross-cluster communication (ccc_lead_info)',
		writes: false,
		params: [callIdParam],
		fixed: tabNoHeader,
		answer: { kind: 'rows', delimiter: '\t', columns: leadColumns },
		noRecords: /CALL NOT FOUND|LEAD NOT FOUND/,
	},
	{
		fn: 'callid_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getByCallId',
		name: 'Get Call by Call ID',
		action: 'Get a call by its call ID',
		description: "A call's customer talk time, and on request its date, number, type, campaign, list, status and agent (callid_info)",
		writes: false,
		params: [
			callIdParam,
			flag('detail', 'Include Details', {
				flagValues: ['YES', 'NO'],
				description: 'Whether to add the call date, phone number, call type, campaign, list, status and agent',
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [
				str('call_id'),
				int('custtime'),
				dt('call_date', { param: 'detail', equals: 'YES' }),
				str('phone', { param: 'detail', equals: 'YES' }),
				str('call_type', { param: 'detail', equals: 'YES' }),
				str('campaign_id', { param: 'detail', equals: 'YES' }),
				int('list_id', { param: 'detail', equals: 'YES' }),
				str('status', { param: 'detail', equals: 'YES' }),
				str('user', { param: 'detail', equals: 'YES' }),
			],
		},
		noRecords: /CALL NOT FOUND|CALL LOG NOT FOUND/,
	},
	{
		fn: 'check_phone_number',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'checkPhoneNumber',
		name: 'Check Phone Number',
		action: 'Check a phone number',
		description: "Whether a number passes VICIdial's number and DNC checks, and whether its time zone may be called now (check_phone_number)",
		writes: false,
		params: [
			digits('phone_number', 'Phone Number', { required: true, minLength: 6, maxLength: 16, description: 'Digits only; spaces, dashes and brackets are removed' }),
			text('local_call_time', 'Call Time', {
				required: true,
				maxLength: 10,
				placeholder: '9am-9pm',
				description: 'ID of the VICIdial call time to check against, e.g. 24hours or 9am-9pm',
				pattern: idPattern('a call time ID'),
			}),
			digits('phone_code', 'Phone Code', { minLength: 1, maxLength: 4, description: 'Country calling code; VICIdial uses 1 when empty' }),
			choice('tz_method', 'Time Zone Methods', {
				choices: [
					{ name: 'Area Code (Default)', value: 'AREACODE' },
					{ name: 'Postal Code', value: 'POSTAL', description: 'Needs Postal Code' },
					{ name: 'Time Zone Code in Owner', value: 'TZCODE', description: 'Needs Owner' },
					{ name: 'NANPA Data', value: 'NANPA', description: 'Needs NANPA prefix data on the server' },
					{ name: 'Area Code and Postal Code', value: 'AREACODEPOSTAL' },
					{ name: 'Area Code and Time Zone Code', value: 'AREACODETZCODE' },
					{ name: 'Area Code, Postal Code and Time Zone Code', value: 'AREACODEPOSTALTZCODE' },
					{ name: 'All Four', value: 'AREACODEPOSTALTZCODENANPA' },
				],
				description: 'Which time zone lookups to run; each gives its own dialable flag and GMT offset',
			}),
			text('postal_code', 'Postal Code', { maxLength: 10, pattern: { regex: /^[- '0-9A-Za-z]+$/, hint: 'must be a postal code' }, description: 'USA ZIP code, for the postal code method' }),
			text('state', 'State', { maxLength: 2, pattern: { regex: /^[A-Za-z0-9]+$/, hint: 'must be a two-letter state code' }, description: 'Two-letter state code, for state call time rules' }),
			text('owner', 'Owner', { maxLength: 6, pattern: { regex: /^[-_.:/@0-9A-Za-z]+$/, hint: 'must be a time zone code' }, description: 'Time zone code (e.g. EST), for the time zone code method' }),
			choice('dnc_check', 'DNC Check', {
				choices: [
					{ name: 'No', value: 'N' },
					{ name: 'Yes', value: 'Y', description: "Fail if the number is on the system's Do Not Call list" },
					{ name: 'Area Code', value: 'AREACODE', description: 'Also fail if its area code is on the list' },
				],
			}),
			choice('campaign_dnc_check', 'Campaign DNC Check', {
				choices: [
					{ name: 'No', value: 'N' },
					{ name: 'Yes', value: 'Y', description: "Fail if the number is on the campaign's Do Not Call list (needs Campaign ID)" },
					{ name: 'Area Code', value: 'AREACODE', description: 'Also fail if its area code is on the list' },
				],
			}),
			text('campaign_id', 'Campaign ID', { minLength: 2, maxLength: 8, load: 'campaigns', description: 'Campaign whose DNC list to check', pattern: CAMPAIGN_ID }),
			flag('usacan_prefix_check', 'USA/Canada Prefix Check', { description: 'Whether to fail numbers whose 4th digit is 0 or 1' }),
			flag('usacan_areacode_check', 'USA/Canada Area Code Check', { description: 'Whether to fail numbers whose area code is not a known USA/Canada area code' }),
			flag('nanpa_ac_prefix_check', 'NANPA Prefix Check', { description: 'Whether to check area code and prefix against NANPA data (fails if the server has none)' }),
		],
		answer: {
			kind: 'sections',
			separator: '#',
			sections: [
				{ key: 'AREACODE', fields: [int('areacode_dialable'), dec('areacode_gmt_offset')] },
				{ key: 'POSTAL', fields: [int('postal_dialable'), dec('postal_gmt_offset')] },
				{ key: 'TZCODE', fields: [int('tzcode_dialable'), dec('tzcode_gmt_offset')] },
				{ key: 'NANPA', fields: [int('nanpa_dialable'), dec('nanpa_gmt_offset')] },
				{ key: 'PHONE', fields: [str('phone_number'), str('phone_code'), str('postal_code'), str('state'), str('owner')] },
			],
		},
	},
];
