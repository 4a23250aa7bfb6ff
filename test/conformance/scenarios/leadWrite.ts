/** Conformance scenarios: leadWrite functions (update_lead, batch_update_lead, lead_dearchive, update_log_entry, list_custom_fields). */
import { ADMIN, NO_RIGHTS, PASS, VERSION_ONLY, addLead, get, na, note } from '../builders';
import type { Params } from '../builders';
import type { Scenario } from '../corpus';

const updateLead = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('update_lead', extra, user, pass, source);
const batch = (extra: Params, user = ADMIN, pass = PASS) =>
	na('batch_update_lead', extra, user, pass);
const dearchive = (extra: Params, user = ADMIN, pass = PASS) =>
	na('lead_dearchive', extra, user, pass);
const logEntry = (extra: Params, user = ADMIN, pass = PASS) =>
	na('update_log_entry', extra, user, pass);
const customFields = (extra: Params, user = ADMIN, pass = PASS) =>
	na('list_custom_fields', extra, user, pass);
// a read-back of a lead: update_lead's own "does it exist" answer
const exists = (extra: Params) => updateLead({ no_update: 'Y', ...extra });

export const scenarios: Scenario[] = [
	{
		name: 'update_lead: login, permissions, source and search method errors',
		steps: [
			updateLead({ lead_id: '11', first_name: 'X' }, ADMIN, 'wrong'),
			updateLead({ lead_id: '11', first_name: 'X' }, VERSION_ONLY),
			updateLead({ lead_id: '11', first_name: 'X' }, NO_RIGHTS),
			updateLead({ lead_id: '11', first_name: 'X' }, ADMIN, PASS, 'x'),
			note(updateLead({ first_name: 'X' }), 'no key at all'),
			note(
				updateLead({ search_method: 'PHONE_NUMBER', phone_number: '12345' }),
				'phone too short to search',
			),
			note(
				updateLead({ search_method: 'VENDOR_LEAD_CODE', lead_id: '11' }),
				'lead id given but not searched',
			),
			updateLead({ lead_id: '11', list_id_field: '555', list_exists_check: 'Y' }),
			note(updateLead({ lead_id: '999', first_name: 'X' }), 'not found'),
		],
	},
	{
		name: 'update_lead: update by lead id, vendor code and phone, read back',
		steps: [
			updateLead({
				lead_id: '11',
				first_name: 'Jon',
				last_name: 'Smyth',
				city: 'Chicago',
				status: 'SALE',
				comments: 'a+b c',
			}),
			note(updateLead({ lead_id: '11', first_name: 'Jon' }), 'same value again: 0 rows changed'),
			note(updateLead({ lead_id: '11' }), 'found, nothing to change: empty answer'),
			updateLead({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC12',
				last_name: 'Jones',
			}),
			updateLead({ search_method: 'PHONE_NUMBER', phone_number: '3125550113', title: 'Dr' }),
			note(
				updateLead({
					search_method: 'LEAD_ID_PHONE_NUMBER',
					lead_id: '998',
					phone_number: '3125550114',
					email: 'a@b.c',
				}),
				'falls back to the phone',
			),
			// (leads 1-7 share a phone and have no entry_date: which of them MariaDB's sort picks first is not modelled)
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550111',
				records: '3',
				owner: 'X1',
			}),
			updateLead({
				lead_id: '14',
				province: '--BLANK--',
				address1: '--BLANK--',
				called_count: '7',
				reset_lead: 'Y',
				user_field: '1001',
				rank: '5',
			}),
			updateLead({
				lead_id: '15',
				phone_number: '3125550999',
				update_phone_number: 'Y',
				gender: 'F',
				date_of_birth: '1970-01-02',
			}),
			updateLead({ lead_id: '13', list_id_field: '102', list_exists_check: 'Y' }),
			exists({ lead_id: '11' }),
			exists({ search_method: 'PHONE_NUMBER', phone_number: '3125550999' }),
			exists({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC13',
				list_id: '102',
				search_location: 'LIST',
			}),
			exists({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC13',
				list_id: '101',
				search_location: 'LIST',
			}),
			exists({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC13',
				list_id: '101',
				search_location: 'CAMPAIGN',
			}),
			get(updateLead({ lead_id: '12', first_name: 'Getty' })),
		],
	},
	{
		name: 'update_lead: insert if not found, delete, custom fields while they are off',
		steps: [
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550170',
				insert_if_not_found: 'Y',
				phone_code: '1',
				list_id: '101',
				first_name: 'New',
				vendor_lead_code: 'N1',
			}),
			note(
				updateLead({
					search_method: 'PHONE_NUMBER',
					phone_number: '3125550171',
					insert_if_not_found: 'Y',
					list_id: '101',
				}),
				'no phone code: cannot insert',
			),
			updateLead({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'N2',
				phone_number: '3125550172',
				insert_if_not_found: 'Y',
				phone_code: '1',
				list_id: '101',
				list_id_field: '102',
				status: 'XYZ',
				multi_alt_phones: '3125550173_1_work',
			}),
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550174',
				insert_if_not_found: 'Y',
				phone_code: '1',
				list_id: '101',
				custom_fields: 'Y',
				fav_color: 'red',
			}),
			updateLead({ lead_id: '11', custom_fields: 'Y', fav_color: 'red', first_name: 'Cf' }),
			updateLead({ lead_id: '16', delete_lead: 'Y' }),
			exists({ lead_id: '16' }),
			updateLead({ lead_id: '17', delete_cf_data: 'Y' }),
			exists({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'N2' }),
		],
	},
	{
		name: 'update_lead: callbacks and hopper',
		steps: [
			updateLead({
				lead_id: '12',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '2030-01-02 10:00:00',
				callback_comments: 'call back',
			}),
			updateLead({
				lead_id: '12',
				callback: 'Y',
				callback_status: 'TCALLB',
				callback_type: 'USERONLY',
				callback_user: '1001',
			}),
			updateLead({ lead_id: '12', callback: 'Y' }),
			updateLead({ lead_id: '13', callback: 'Y', campaign_id: 'NOPE', callback_datetime: 'NOW' }),
			updateLead({
				lead_id: '13',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_type: 'USERONLY',
				callback_user: 'nobody',
				callback_datetime: '2030-01-02 10:00:00',
			}),
			updateLead({ lead_id: '12', callback: 'REMOVE' }),
			updateLead({ lead_id: '12', callback: 'REMOVE', first_name: 'Again' }),
			updateLead({ lead_id: '14', add_to_hopper: 'Y', hopper_priority: '5' }),
			updateLead({ lead_id: '14', add_to_hopper: 'Y' }),
			updateLead({ lead_id: '14', remove_from_hopper: 'Y' }),
			updateLead({ lead_id: '14', remove_from_hopper: 'Y' }),
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550115',
				no_update: 'Y',
				add_to_hopper: 'Y',
				hopper_local_call_time_check: 'Y',
			}),
		],
	},
	{
		name: 'batch_update_lead: errors, update, nothing to change, read back',
		steps: [
			batch({ lead_ids: '11,12', first_name: 'B' }, ADMIN, 'wrong'),
			batch({ lead_ids: '11,12', first_name: 'B' }, VERSION_ONLY),
			batch({ lead_ids: '11,12', first_name: 'B' }, NO_RIGHTS),
			batch({ first_name: 'B' }),
			batch({ lead_ids: '900,901', first_name: 'B' }),
			batch({ lead_ids: '11,12', list_id_field: '555', list_exists_check: 'Y' }),
			batch({ lead_ids: '11,12,13,900', first_name: 'Batch', status: 'CALLBK', reset_lead: 'Y' }),
			note(batch({ lead_ids: '11,12' }), 'no fields: empty answer'),
			batch({ lead_ids: '11,12,13', first_name: 'Batch', records: '2' }),
			batch({ lead_ids: '11,12', last_name: 'Two', list_id_field: '102', list_exists_check: 'Y' }),
			exists({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC12',
				list_id: '102',
				search_location: 'LIST',
			}),
		],
	},
	{
		name: 'lead_dearchive: errors (the seed archive is empty)',
		steps: [
			dearchive({ lead_id: '11' }, ADMIN, 'wrong'),
			dearchive({ lead_id: '11' }, VERSION_ONLY),
			dearchive({ lead_id: '11' }, NO_RIGHTS),
			dearchive({}),
			dearchive({ lead_id: '123456789012' }),
			dearchive({ lead_id: '11' }),
			dearchive({ lead_id: '11', stage: 'x', search_location: 'LIST' }),
		],
	},
	{
		name: 'update_log_entry: errors, outbound and inbound updates',
		steps: [
			logEntry(
				{ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'NI' },
				ADMIN,
				'wrong',
			),
			logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'NI' }, VERSION_ONLY),
			logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'NI' }, NO_RIGHTS),
			logEntry({ group: 'NOPE', call_id: 'M1231200000000000013', status: 'NI' }),
			note(
				logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'LONGSTAT' }),
				'all three long: refused',
			),
			logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000099', status: 'NI' }),
			logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'NI' }),
			note(
				logEntry({ group: 'TESTCAMP', call_id: 'M1231200000000000013', status: 'NI' }),
				'same status: nothing updated',
			),
			logEntry({ group: 'TESTIN', call_id: 'Y1231200000000000011', status: 'SALE' }),
			logEntry({ group: 'TESTIN', call_id: '0000000015', status: 'A' }),
			logEntry({ group: 'TESTCAMP', call_id: '13', status: 'XX' }),
		],
	},
	{
		name: 'list_custom_fields: custom fields are off in the seed',
		steps: [
			customFields({ list_id: '101' }, ADMIN, 'wrong'),
			customFields({ list_id: '101' }, VERSION_ONLY),
			customFields({ list_id: '101' }, NO_RIGHTS),
			customFields({ list_id: '101' }),
			customFields({ list_id: '---ALL---', header: 'YES' }),
		],
	},
	{
		name: 'update_lead: then add_lead with custom fields off',
		steps: [
			addLead({
				phone_number: '3125550180',
				list_id: '101',
				custom_fields: 'Y',
				fav_color: 'blue',
			}),
			updateLead({ lead_id: '16', custom_fields: 'Y', fav_color: 'red' }),
		],
	},
	{
		name: 'update_lead: expert options, odd values and the archive',
		steps: [
			updateLead({ lead_id: '11', entry_list_id: '101', force_entry_list_id: '102' }),
			updateLead({ lead_id: '11', delete_cf_data: 'Y', entry_list_id: '101' }),
			updateLead({
				lead_id: '12',
				comments: 'line1\nline2',
				vendor_lead_code: 'V"Q;1',
				source_id: 'S+1',
			}),
			exists({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VQ1' }),
			note(
				updateLead({ lead_id: '13', records: '0', first_name: 'Zero' }),
				'limit 0 finds nothing',
			),
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550114',
				search_location: 'LIST',
				list_id: '50',
				first_name: 'Short',
			}),
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550114',
				search_location: 'CAMPAIGN',
				list_id: '555',
				first_name: 'Nolist',
			}),
			updateLead({ lead_id: '14', update_phone_number: 'Y', phone_number: '12345' }),
			updateLead({ lead_id: '14', gender: 'X', rank: '123456', date_of_birth: '2020-13-45' }),
			updateLead({
				lead_id: '13',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '2DAYS',
			}),
			updateLead({ lead_id: '13', callback: 'Y', callback_datetime: 'NOW', list_id_field: '102' }),
			updateLead({ lead_id: '11', archived_lead: 'Y', first_name: 'Arch' }),
			updateLead({
				search_method: 'PHONE_NUMBER',
				phone_number: '3125550175',
				insert_if_not_found: 'Y',
				phone_code: '1',
				list_id: '101',
				gender: 'M',
				tz_method: 'POSTAL',
				postal_code: '60601',
				add_to_hopper: 'Y',
				state: 'IL',
			}),
			updateLead({ lead_id: '15', add_to_hopper: 'Y', remove_from_hopper: 'Y' }),
			updateLead({ lead_id: '15', delete_lead: 'Y', custom_fields: 'Y', first_name: 'Gone' }),
			updateLead({ lead_id: '15', add_to_hopper: 'Y', no_update: 'Y' }),
			batch({ lead_ids: '11,12', archived_lead: 'Y', first_name: 'A' }),
			batch({
				lead_ids: '12',
				comments: '--BLANK--',
				called_count: '3',
				phone_code: '44',
				gmt_offset_now: '-5.00',
			}),
			logEntry({ group: 'TESTCAMP', call_id: 'M123120000000000013A', status: 'NI' }),
			get(logEntry({ group: 'TESTIN', call_id: 'Y1231200000000000015', status: 'SALE' })),
			get(dearchive({ lead_id: 'abc' })),
		],
	},
];
