/** Conformance scenarios: leadInfo functions. */
import { addLead, CAMP_DNC, DNC, na, naRaw, NO_RIGHTS, note, VERSION_ONLY } from '../builders';
import type { Params } from '../builders';
import type { Scenario, Step } from '../corpus';

// The seed's calls are logged today (UTC); the scenarios ask for that day.
const TODAY = new Date().toISOString().slice(0, 10);

const allInfo = (extra: Params, user?: string, pass?: string) =>
	na('lead_all_info', extra, user, pass);
const fieldInfo = (extra: Params, user?: string, pass?: string) =>
	na('lead_field_info', extra, user, pass);
const callbacks = (extra: Params, user?: string, pass?: string) =>
	na('lead_callback_info', extra, user, pass);
const statusSearch = (extra: Params, user?: string, pass?: string) =>
	na('lead_status_search', extra, user, pass);
const ccc = (extra: Params, user?: string, pass?: string) => na('ccc_lead_info', extra, user, pass);
const callid = (extra: Params, user?: string, pass?: string) =>
	na('callid_info', extra, user, pass);
const checkPhone = (extra: Params, user?: string, pass?: string) =>
	na('check_phone_number', extra, user, pass);

/** The errors every function shares: rights of 6667 and 6668, a wrong password, a short source. */
function rightsAndLogin(fn: string, params: Params): Step[] {
	return [
		na(fn, params, VERSION_ONLY),
		na(fn, params, NO_RIGHTS),
		note(na(fn, params, '6666', 'wrong'), 'wrong password'),
		note(
			naRaw({ function: fn, user: '6666', pass: '1234', source: 'x', ...params }),
			'source shorter than 2 characters',
		),
	];
}

/** A lead in list 12345, which is not a defined list (list_exists_check is off by default): lead 16. */
const leadInUndefinedList = addLead({
	phone_number: '3125550160',
	list_id: '12345',
	first_name: 'Nolist',
});

export const scenarios: Scenario[] = [
	{
		name: 'lead_all_info: by lead ID and phone number, header and delimiters',
		steps: [
			allInfo({ lead_id: '11' }),
			allInfo({ lead_id: '13', header: 'YES' }),
			allInfo({ lead_id: '12', stage: 'tab', header: 'YES' }),
			allInfo({ lead_id: '14', stage: 'csv' }),
			allInfo({ lead_id: '15', stage: 'newline' }),
			note(allInfo({ lead_id: '1' }), 'a schema demo lead: NULL columns print empty'),
			note(allInfo({ phone_number: '7275551212' }), 'seven leads, newest first'),
			note(
				allInfo({ phone_number: '7275551212', stage: 'tab', header: 'YES' }),
				'the header is repeated before every lead',
			),
			note(allInfo({ lead_id: '0011' }), 'compared as a number'),
			note(
				allInfo({ lead_id: '12', phone_number: '3125550111' }),
				'lead_id wins over phone_number',
			),
			allInfo({ phone_number: '3125550114', header: 'YES', stage: 'tab' }),
			note(allInfo({ phone_number: '31255' }), 'too short to search'),
			note(allInfo({ phone_number: '31255501110000000000' }), '20 digits: too long to search'),
			allInfo({ phone_number: '3125559999' }),
			allInfo({ lead_id: '99' }),
			allInfo({}),
			note(allInfo({ lead_id: '11', archived_lead: 'Y' }), 'the archive is empty'),
			allInfo({
				lead_id: '11',
				archived_lead: 'N',
				custom_fields: 'N',
				force_entry_list_id: '101',
			}),
		],
	},
	{
		name: 'lead_all_info: a lead whose list is not a defined list',
		steps: [
			leadInUndefinedList,
			allInfo({ lead_id: '16' }),
			allInfo({ phone_number: '3125550160', header: 'YES' }),
			addLead({ phone_number: '3125550160', list_id: '101', first_name: 'Listed' }),
			note(
				allInfo({ phone_number: '3125550160', stage: 'tab' }),
				'only the lead in the defined list is printed',
			),
		],
	},
	{
		name: 'lead_all_info: custom fields without custom field tables',
		steps: [
			note(
				allInfo({ lead_id: '11', custom_fields: 'Y' }),
				'no custom fields defined for the entry list: HTTP 500',
			),
			allInfo({ lead_id: '11', custom_fields: 'Y', header: 'YES', stage: 'tab' }),
			allInfo({ lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101' }),
			allInfo({ phone_number: '7275551212', custom_fields: 'Y' }),
			note(allInfo({ lead_id: '99', custom_fields: 'Y' }), 'no lead: no custom field query'),
			allInfo({ lead_id: '11', custom_fields: 'YES' }),
		],
	},
	{
		name: 'lead_all_info: rights and login',
		steps: rightsAndLogin('lead_all_info', { lead_id: '11' }),
	},
	{
		name: 'lead_field_info: standard fields',
		steps: [
			fieldInfo({ lead_id: '11', field_name: 'first_name' }),
			note(fieldInfo({ lead_id: '11', field_name: 'address2' }), 'an empty value: an empty body'),
			fieldInfo({ lead_id: '11', field_name: 'entry_date' }),
			fieldInfo({ lead_id: '13', field_name: 'status' }),
			fieldInfo({ lead_id: '14', field_name: 'gmt_offset_now' }),
			fieldInfo({ lead_id: '15', field_name: 'called_count' }),
			note(
				fieldInfo({ lead_id: '12', field_name: 'PHONE_NUMBER' }),
				'column names are case-insensitive',
			),
			note(fieldInfo({ lead_id: '1', field_name: 'date_of_birth' }), 'NULL prints nothing'),
			fieldInfo({ lead_id: '0013', field_name: 'lead_id' }),
			fieldInfo({ lead_id: '11', field_name: 'comments', custom_fields: 'N', archived_lead: 'N' }),
		],
	},
	{
		name: 'lead_field_info: errors',
		steps: [
			note(fieldInfo({ lead_id: '11', field_name: 'no_such_field' }), 'unknown column: HTTP 500'),
			fieldInfo({ lead_id: '11' }),
			fieldInfo({ field_name: 'first_name' }),
			note(fieldInfo({ lead_id: '123456789012', field_name: 'first_name' }), '12 digits'),
			fieldInfo({ lead_id: '99', field_name: 'first_name' }),
			fieldInfo({ lead_id: '11', field_name: 'first_name', archived_lead: 'Y' }),
			note(
				fieldInfo({ lead_id: '11', field_name: 'first_name', custom_fields: 'Y' }),
				'no custom fields table: HTTP 500',
			),
			fieldInfo({ lead_id: '11', field_name: 'first_name', custom_fields: 'Y', list_id: '101' }),
			leadInUndefinedList,
			note(
				fieldInfo({ lead_id: '16', field_name: 'first_name' }),
				"the lead's list is not defined",
			),
		],
	},
	{
		name: 'lead_field_info: rights and login',
		steps: rightsAndLogin('lead_field_info', { lead_id: '11', field_name: 'first_name' }),
	},
	{
		name: 'lead_callback_info: callbacks added with leads',
		steps: [
			note(callbacks({ lead_id: '11' }), 'the seed has no callbacks'),
			addLead({
				phone_number: '3125550171',
				list_id: '101',
				campaign_id: 'TESTCAMP',
				callback: 'Y',
				callback_datetime: '2031-01-02 10:30:00',
				callback_type: 'USERONLY',
				callback_user: '1001',
				callback_comments: 'after lunch',
			}),
			callbacks({ lead_id: '16' }),
			callbacks({ lead_id: '16', header: 'YES' }),
			callbacks({ lead_id: '16', stage: 'tab', header: 'NO' }),
			callbacks({ lead_id: '16', stage: 'csv' }),
			callbacks({ lead_id: '16', stage: 'newline' }),
			callbacks({ lead_id: '16', search_location: 'ALL' }),
			callbacks({ lead_id: '16', search_location: 'ARCHIVE' }),
			note(
				callbacks({ lead_id: '16', search_location: 'current' }),
				'lowercase is filtered away: same as no location',
			),
			callbacks({ lead_id: '16', search_location: 'BOGUS', stage: 'tab' }),
			note(
				callbacks({ lead_id: '16', header: 'MAYBE' }),
				'a header value other than YES/NO prints nothing',
			),
			addLead({
				phone_number: '3125550172',
				list_id: '101',
				campaign_id: 'TESTCAMP',
				callback: 'Y',
				callback_datetime: '2031-01-03 09:00:00',
				callback_status: 'TCALLB',
			}),
			callbacks({ lead_id: '17' }),
			callbacks({ lead_id: '0017', search_location: 'ALL', header: 'YES' }),
		],
	},
	{
		name: 'lead_callback_info: errors, rights and login',
		steps: [
			callbacks({}),
			callbacks({ lead_id: '123456789012' }),
			callbacks({ lead_id: '99', header: 'YES' }),
			...rightsAndLogin('lead_callback_info', { lead_id: '11' }),
		],
	},
	{
		name: 'lead_status_search: leads by call status and day',
		steps: [
			note(
				statusSearch({ status: 'NI', date: TODAY }),
				'lead 14 (outbound), then lead 15 (inbound)',
			),
			statusSearch({ status: 'SALE', date: TODAY }),
			note(statusSearch({ status: 'DROP', date: TODAY }), 'an inbound call only'),
			statusSearch({ status: 'NA', date: TODAY }),
			statusSearch({ status: 'INCALL', date: TODAY }),
			note(statusSearch({ status: 'sale', date: TODAY }), 'statuses compare case-insensitively'),
			statusSearch({ status: 'SALE', date: '2020-01-01' }),
			statusSearch({ status: 'SALE', date: TODAY, custom_fields: 'Y' }),
			statusSearch({ status: 'NI', date: TODAY, archived_lead: 'Y' }),
		],
	},
	{
		name: 'lead_status_search: by lead ID, errors',
		steps: [
			statusSearch({ lead_id: '13' }),
			note(statusSearch({ lead_id: '11' }), 'called outbound and inbound: printed once'),
			note(statusSearch({ lead_id: '1' }), 'never called'),
			statusSearch({ lead_id: '99' }),
			note(
				statusSearch({ status: 'SALE', date: '20261123', lead_id: '14' }),
				'a date that is not 10 characters: the lead ID is used',
			),
			statusSearch({ status: 'SALE' }),
			statusSearch({ date: TODAY }),
			statusSearch({ status: 'SALE', date: `${TODAY}x` }),
			statusSearch({ status: 'SALE', date: '20261123' }),
			...rightsAndLogin('lead_status_search', { status: 'SALE', date: TODAY }),
		],
	},
	{
		name: 'ccc_lead_info: call IDs',
		steps: [
			ccc({ call_id: 'M1231200000000012345' }),
			note(
				ccc({ call_id: 'DC1231200000000012345', header: 'YES' }),
				'DC call IDs are looked up in the dial log',
			),
			ccc({ call_id: 'V1231200000000012345', agent_user: '1001' }),
			ccc({ call_id: 'V1231200000000012345', stage: 'tab', header: 'NO' }),
			note(ccc({ call_id: 'M12312000000000' }), 'too short'),
			note(ccc({ call_id: 'Q1231200000000012345' }), 'unknown prefix'),
			note(ccc({ call_id: 'M1231200000000012345000000000000000000000' }), 'too long'),
			ccc({}),
			...rightsAndLogin('ccc_lead_info', { call_id: 'M1231200000000012345' }),
		],
	},
	{
		name: 'callid_info: call IDs',
		steps: [
			callid({ call_id: 'V1231200000000012345' }),
			callid({ call_id: 'Y1231200000000012345', detail: 'YES', header: 'YES' }),
			callid({ call_id: 'V1231200000000012345', stage: 'pipe', header: 'NO', detail: 'YES' }),
			callid({ call_id: 'M12312000000000' }),
			callid({ call_id: 'X1231200000000012345' }),
			callid({}),
			...rightsAndLogin('callid_info', { call_id: 'M1231200000000012345' }),
		],
	},
	{
		name: 'check_phone_number: time zone methods',
		steps: [
			checkPhone({ phone_number: '3125551212', local_call_time: '24hours' }),
			checkPhone({ phone_number: '3125551212', local_call_time: '9am-9pm', phone_code: '44' }),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24hours',
				tz_method: 'AREACODEPOSTALTZCODE',
				postal_code: '60601',
				owner: 'EST',
				state: 'IL',
			}),
			note(
				checkPhone({
					phone_number: '3125551212',
					local_call_time: '24hours',
					tz_method: 'POSTAL',
					postal_code: '6060',
				}),
				'a postal code that is not 5 characters',
			),
			note(
				checkPhone({ phone_number: '3125551212', local_call_time: '24hours', tz_method: 'TZCODE' }),
				'no owner',
			),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24HOURS',
				tz_method: 'postal',
				postal_code: '60601',
			}),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24hours',
				dnc_check: 'AREACODE',
				campaign_dnc_check: 'AREACODE',
				campaign_id: 'TESTCAMP',
			}),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24hours',
				usacan_prefix_check: 'Y',
			}),
		],
	},
	{
		name: 'check_phone_number: refused numbers and bad settings',
		steps: [
			checkPhone({ phone_number: '3125551212', local_call_time: 'nosuch' }),
			checkPhone({ phone_number: '3125551212' }),
			checkPhone({ phone_number: '31255', local_call_time: '24hours' }),
			checkPhone({ phone_number: '31255512121234567', local_call_time: '24hours' }),
			checkPhone({
				phone_number: '3120551212',
				local_call_time: '24hours',
				usacan_prefix_check: 'Y',
			}),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24hours',
				usacan_areacode_check: 'Y',
			}),
			checkPhone({
				phone_number: '3125551212',
				local_call_time: '24hours',
				nanpa_ac_prefix_check: 'Y',
			}),
			checkPhone({ phone_number: '3125551212', local_call_time: '24hours', tz_method: 'NANPA' }),
			checkPhone({ phone_number: DNC, local_call_time: '24hours', dnc_check: 'Y' }),
			checkPhone({ phone_number: DNC, local_call_time: '24hours', dnc_check: 'N' }),
			checkPhone({
				phone_number: CAMP_DNC,
				local_call_time: '24hours',
				campaign_dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			checkPhone({
				phone_number: CAMP_DNC,
				local_call_time: '24hours',
				campaign_dnc_check: 'AREACODE',
				campaign_id: 'TESTCAMP',
			}),
			note(
				checkPhone({ phone_number: CAMP_DNC, local_call_time: '24hours', campaign_dnc_check: 'Y' }),
				'no campaign: nothing to find',
			),
			...rightsAndLogin('check_phone_number', {
				phone_number: '3125551212',
				local_call_time: '24hours',
			}),
		],
	},
];
