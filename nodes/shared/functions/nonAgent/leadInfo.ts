import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, date, digits, id, flag, text } from '../../entry';
import type { AnswerReader, Delimiter, FieldSpec, ParsedRecord, RowsReader } from '../../answer';
import {
	expectNoSuccess,
	field,
	htmlPage,
	malformed,
	printedFields,
	records,
	rows,
	toRecord,
	typeValue,
} from '../../answer';
import { CAMPAIGN_ID, idPattern, STATUS_CODE } from '../../patterns';

/** The lead columns VICIdial prints for a whole lead, in its order (ccc_lead_info stops after owner). */
const leadColumns: FieldSpec[] = [
	field.text('status'),
	field.text('user'),
	field.text('vendor_lead_code'),
	field.text('source_id'),
	field.integer('list_id'),
	field.decimal('gmt_offset_now'),
	field.text('phone_code'),
	field.text('phone_number'),
	field.text('title'),
	field.text('first_name'),
	field.text('middle_initial'),
	field.text('last_name'),
	field.text('address1'),
	field.text('address2'),
	field.text('address3'),
	field.text('city'),
	field.text('state'),
	field.text('province'),
	field.text('postal_code'),
	field.text('country_code'),
	field.text('gender'),
	field.date('date_of_birth'),
	field.text('alt_phone'),
	field.text('email'),
	field.text('security_phrase'),
	field.text('comments'),
	field.integer('called_count'),
	field.datetime('last_local_call_time'),
	field.integer('rank'),
	field.text('owner'),
];

const leadId = (options: Partial<ParamSpec> = {}) =>
	id('lead_id', 'Lead ID', {
		minLength: 1,
		maxLength: 10,
		description: 'Numeric ID of the VICIdial lead',
		...options,
	});

const archivedLead = flag('archived_lead', 'Archived Leads', {
	description: 'Whether to read the archive (vicidial_list_archive) instead of the active leads',
});

/** A call ID as VICIdial prints it in call logs (caller_code): a known prefix, 18 to 39 letters and digits. */
const callIdParam: ParamSpec = text('call_id', 'Call ID', {
	required: true,
	minLength: 18,
	maxLength: 39,
	placeholder: 'M1231200000000012345',
	description:
		'The call ID (caller code) VICIdial gave the call, e.g. from a call URL or a recording name',
	pattern: {
		regex: /^(Y|J|V|M|DC|S|LP|VH|XL)[0-9A-Za-z]+$/,
		hint: 'must be a VICIdial call ID: V, M, Y, J, S, DC, LP, VH or XL followed by letters and digits',
	},
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
		description:
			'Every field of a lead found by lead ID or phone number, optionally with its custom fields (lead_all_info)',
		writes: false,
		cap: {
			limit: 1000,
			hint: 'VICIdial returns at most 1,000 leads per lookup: narrow it by list or by lead ID.',
		},
		params: [
			leadId({
				main: true,
				description: 'The lead to read. Leave empty to find leads by Phone Number instead.',
			}),
			digits('phone_number', 'Phone Number', {
				main: true,
				minLength: 6,
				maxLength: 19,
				description:
					'Used when Lead ID is empty: every lead with this number, newest first (up to 1000)',
			}),
			flag('custom_fields', 'Include Custom Fields', {
				description:
					"Whether to add the lead's custom field values as extra fields. VICIdial fails (HTTP 500) when the lead's list has no custom fields defined.",
			}),
			id('force_entry_list_id', 'Custom Fields of List', {
				load: 'lists',
				minLength: 3,
				maxLength: 12,
				description:
					"Read the custom fields from this list's custom fields table instead of the lead's own entry list",
			}),
			archivedLead,
		],
		// A header names the custom field columns; VICIdial repeats it before every lead.
		fixed: { stage: 'tab', header: 'YES' },
		answer: rowsWithNamedExtras('\t', [
			...leadColumns,
			field.integer('entry_list_id'),
			field.integer('lead_id'),
		]),
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
		description: 'The value of one field of a lead, a standard or a custom field (lead_field_info)',
		writes: false,
		params: [
			leadId({ required: true }),
			text('field_name', 'Field Name', {
				required: true,
				maxLength: 64,
				placeholder: 'first_name',
				description:
					'Column name of the field, e.g. first_name, status, entry_date, or a custom field label',
				pattern: {
					regex: /^[A-Za-z_][A-Za-z0-9_]*$/,
					hint: 'must be a field name (letters, digits and _)',
				},
			}),
			flag('custom_fields', 'Custom Field', {
				description:
					"Whether Field Name is a custom field. VICIdial fails (HTTP 500) when the lead's list has no custom fields table or no such field.",
			}),
			id('list_id', 'Custom Fields of List', {
				load: 'lists',
				minLength: 2,
				maxLength: 14,
				description:
					"For a custom field: read it from this list's custom fields table instead of the lead's entry list",
			}),
			archivedLead,
		],
		answer: bareValue(field.text('value'), [field.integer('lead_id'), field.text('field_name')]),
		// LIST FIELD NOT FOUND: the lead has no row in the custom fields table
		noRecords: /LEAD NOT FOUND|LIST FIELD NOT FOUND/,
		serverErrorHint:
			'VICIdial fails when Field Name is not a field of the lead, or, for a custom field, when the list has no custom fields table or no such field; also when the value holds an apostrophe (it cannot write its own API log then). Check the field name and the Custom Field option.',
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
					{
						name: 'Both',
						value: 'ALL',
						description: 'Archived callbacks first, then current ones',
					},
				],
			}),
		],
		fixed: tabNoHeader,
		answer: rows('\t', [
			field.integer('lead_id'),
			field.text('callback_type'),
			field.text('recipient'),
			field.text('callback_status'),
			field.text('lead_status'),
			field.datetime('callback_date'),
			field.datetime('entry_date'),
			field.text('user'),
			field.integer('list_id'),
			field.text('campaign_id'),
			field.text('user_group'),
			field.text('customer_timezone'),
			field.datetime('customer_time'),
			field.text('comments'),
		]),
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
		cap: {
			limit: 1000,
			hint: 'VICIdial returns at most 1,000 leads per status and day from each call log: search fewer statuses or one day at a time.',
		},
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
				description:
					'Used only when Call Status and Date are empty: the lead, if it has any outbound or inbound call logged',
			}),
			flag('custom_fields', 'Include Custom Fields', {
				description:
					"Whether to add each lead's custom field values (from its entry list's custom fields table, if there is one)",
			}),
			archivedLead,
		],
		answer: records([
			field.integer('lead_id'),
			field.integer('list_id'),
			field.decimal('gmt_offset_now'),
			field.date('date_of_birth'),
			field.integer('called_count'),
			field.datetime('last_local_call_time'),
			field.integer('rank'),
			field.integer('entry_list_id'),
		]),
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
		description:
			'The lead of a call of the last 10 hours, by call ID, for cross-cluster communication (ccc_lead_info)',
		writes: false,
		params: [callIdParam],
		fixed: tabNoHeader,
		answer: rows('\t', leadColumns),
		noRecords: /CALL NOT FOUND|LEAD NOT FOUND/,
	},
	{
		fn: 'callid_info',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'getByCallId',
		name: 'Get Call by Call ID',
		action: 'Get a call by its call ID',
		description:
			"A call's customer talk time, and on request its date, number, type, campaign, list, status and agent (callid_info)",
		writes: false,
		params: [
			callIdParam,
			flag('detail', 'Include Details', {
				flagValues: ['YES', 'NO'],
				description:
					'Whether to add the call date, phone number, call type, campaign, list, status and agent',
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('call_id'),
			field.integer('custtime'),
			field.datetime('call_date', { when: { param: 'detail', equals: 'YES' } }),
			field.text('phone', { when: { param: 'detail', equals: 'YES' } }),
			field.text('call_type', { when: { param: 'detail', equals: 'YES' } }),
			field.text('campaign_id', { when: { param: 'detail', equals: 'YES' } }),
			field.integer('list_id', { when: { param: 'detail', equals: 'YES' } }),
			field.text('status', { when: { param: 'detail', equals: 'YES' } }),
			field.text('user', { when: { param: 'detail', equals: 'YES' } }),
		]),
		noRecords: /CALL NOT FOUND|CALL LOG NOT FOUND/,
	},
	{
		fn: 'check_phone_number',
		api: 'nonAgent',
		resource: 'lead',
		operation: 'checkPhoneNumber',
		name: 'Check Phone Number',
		action: 'Check a phone number',
		description:
			"Whether a number passes VICIdial's number and DNC checks, and whether its time zone may be called now (check_phone_number)",
		writes: false,
		params: [
			digits('phone_number', 'Phone Number', {
				required: true,
				minLength: 6,
				maxLength: 16,
				description: 'Digits only; spaces, dashes and brackets are removed',
			}),
			text('local_call_time', 'Call Time', {
				required: true,
				maxLength: 10,
				placeholder: '9am-9pm',
				description: 'ID of the VICIdial call time to check against, e.g. 24hours or 9am-9pm',
				pattern: idPattern('a call time ID'),
			}),
			digits('phone_code', 'Phone Code', {
				minLength: 1,
				maxLength: 4,
				description: 'Country calling code; VICIdial uses 1 when empty',
			}),
			choice('tz_method', 'Time Zone Methods', {
				choices: [
					{ name: 'Area Code (Default)', value: 'AREACODE' },
					{ name: 'Postal Code', value: 'POSTAL', description: 'Needs Postal Code' },
					{ name: 'Time Zone Code in Owner', value: 'TZCODE', description: 'Needs Owner' },
					{
						name: 'NANPA Data',
						value: 'NANPA',
						description: 'Needs NANPA prefix data on the server',
					},
					{ name: 'Area Code and Postal Code', value: 'AREACODEPOSTAL' },
					{ name: 'Area Code and Time Zone Code', value: 'AREACODETZCODE' },
					{ name: 'Area Code, Postal Code and Time Zone Code', value: 'AREACODEPOSTALTZCODE' },
					{ name: 'All Four', value: 'AREACODEPOSTALTZCODENANPA' },
				],
				description:
					'Which time zone lookups to run; each gives its own dialable flag and GMT offset',
			}),
			text('postal_code', 'Postal Code', {
				maxLength: 10,
				pattern: { regex: /^[- '0-9A-Za-z]+$/, hint: 'must be a postal code' },
				description: 'USA ZIP code, for the postal code method',
			}),
			text('state', 'State', {
				maxLength: 2,
				pattern: { regex: /^[A-Za-z0-9]+$/, hint: 'must be a two-letter state code' },
				description: 'Two-letter state code, for state call time rules',
			}),
			text('owner', 'Owner', {
				maxLength: 6,
				pattern: { regex: /^[-_.:/@0-9A-Za-z]+$/, hint: 'must be a time zone code' },
				description: 'Time zone code (e.g. EST), for the time zone code method',
			}),
			choice('dnc_check', 'DNC Check', {
				choices: [
					{ name: 'No', value: 'N' },
					{
						name: 'Yes',
						value: 'Y',
						description: "Fail if the number is on the system's Do Not Call list",
					},
					{
						name: 'Area Code',
						value: 'AREACODE',
						description: 'Also fail if its area code is on the list',
					},
				],
			}),
			choice('campaign_dnc_check', 'Campaign DNC Check', {
				choices: [
					{ name: 'No', value: 'N' },
					{
						name: 'Yes',
						value: 'Y',
						description:
							"Fail if the number is on the campaign's Do Not Call list (needs Campaign ID)",
					},
					{
						name: 'Area Code',
						value: 'AREACODE',
						description: 'Also fail if its area code is on the list',
					},
				],
			}),
			text('campaign_id', 'Campaign ID', {
				minLength: 2,
				maxLength: 8,
				load: 'campaigns',
				description: 'Campaign whose DNC list to check',
				pattern: CAMPAIGN_ID,
			}),
			flag('usacan_prefix_check', 'USA/Canada Prefix Check', {
				description: 'Whether to fail numbers whose 4th digit is 0 or 1',
			}),
			flag('usacan_areacode_check', 'USA/Canada Area Code Check', {
				description: 'Whether to fail numbers whose area code is not a known USA/Canada area code',
			}),
			flag('nanpa_ac_prefix_check', 'NANPA Prefix Check', {
				description:
					'Whether to check area code and prefix against NANPA data (fails if the server has none)',
			}),
		],
		answer: sections('#', [
			{
				key: 'AREACODE',
				fields: [field.integer('areacode_dialable'), field.decimal('areacode_gmt_offset')],
			},
			{
				key: 'POSTAL',
				fields: [field.integer('postal_dialable'), field.decimal('postal_gmt_offset')],
			},
			{
				key: 'TZCODE',
				fields: [field.integer('tzcode_dialable'), field.decimal('tzcode_gmt_offset')],
			},
			{
				key: 'NANPA',
				fields: [field.integer('nanpa_dialable'), field.decimal('nanpa_gmt_offset')],
			},
			{
				key: 'PHONE',
				fields: [
					field.text('phone_number'),
					field.text('phone_code'),
					field.text('postal_code'),
					field.text('state'),
					field.text('owner'),
				],
			},
		]),
	},
];

// ---- answers only these entries have ----

/** A header row that starts with the entry's columns: the names of the columns after them. */
function extraHeaderNames(cells: string[], columns: FieldSpec[]): string[] | undefined {
	if (
		cells.length < columns.length ||
		!columns.every((column, index) => cells[index] === column.name)
	)
		return undefined;
	return cells.slice(columns.length);
}

/**
 * lead_all_info with custom fields: rows may carry more columns than `columns`. The call asks for
 * a header (fixed `header=YES`); a header row, which may precede every row, names the extra
 * columns of the rows after it.
 */
export function rowsWithNamedExtras(delimiter: Delimiter, columns: FieldSpec[]): RowsReader {
	return {
		shape: 'rowsWithNamedExtras',
		delimiter,
		fields: columns,
		read(lines, context) {
			expectNoSuccess(lines, context.fn);
			const fields = printedFields(columns, context.sent);
			let extraNames: string[] = [];
			const found: ParsedRecord[] = [];
			for (const line of lines.bare) {
				const cells = line.split(delimiter);
				const names = extraHeaderNames(cells, fields);
				if (names) {
					extraNames = names;
					continue;
				}
				found.push(toRecord(cells, fields, context, `row ${found.length + 1}`, extraNames));
			}
			return {
				outcome: 'success',
				message: '',
				records: found,
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}

/**
 * lead_field_info: the whole body is one value, printed as it is without a newline (empty, or any
 * text over several lines); `echo` copies sent parameters. Only ERROR lines or a web page are no value.
 */
export function bareValue(value: FieldSpec, echo: FieldSpec[] = []): AnswerReader {
	return {
		shape: 'value',
		fields: [value, ...echo],
		body(text, context) {
			if (/^(ERROR: [^\n]*\n)+$/.test(text)) return undefined;
			if (/<(html|body|head|!doctype)\b/i.test(text)) throw htmlPage();
			const record: ParsedRecord = {};
			for (const echoed of echo)
				typeValue(echoed, context.sent[echoed.name] ?? '', record, context.utcOffsetHours);
			typeValue(value, text, record, context.utcOffsetHours);
			return { outcome: 'success', message: '', records: [record], notices: [], otherLines: [] };
		},
		read: (_lines, context) => {
			// reached only for ERROR lines, which threw before
			throw malformed(`The answer to ${context.fn} is not a value.`);
		},
	};
}

/** check_phone_number: one line of `KEY: a|b#KEY: a|b|` parts; one record, each part's values named by its section. */
export function sections(
	separator: string,
	parts: Array<{ key: string; fields: FieldSpec[] }>,
): AnswerReader {
	return {
		shape: 'sections',
		fields: parts.flatMap((part) => part.fields),
		read(lines, context) {
			if (lines.successes.length > 0 || lines.bare.length !== 1)
				throw malformed(`The answer to ${context.fn} is not one line of results.`);
			const record: ParsedRecord = {};
			for (const part of lines.bare[0].split(separator)) {
				const match = /^([A-Z_]+): ?(.*)$/.exec(part);
				const section = match ? parts.find((s) => s.key === match[1]) : undefined;
				if (!match || !section)
					throw malformed(
						`The answer to ${context.fn} has an unreadable part "${part.slice(0, 80)}".`,
					);
				const values = match[2].split('|');
				if (values.length < section.fields.length) {
					throw malformed(
						`The answer is incomplete: its ${match[1]} part has ${values.length} fields where ${section.fields.length} were expected.`,
					);
				}
				section.fields.forEach((column, index) =>
					typeValue(column, values[index], record, context.utcOffsetHours),
				);
			}
			return {
				outcome: 'success',
				message: '',
				records: [record],
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}
