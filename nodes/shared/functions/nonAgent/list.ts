import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, date, digits, id, flag, text } from '../../entry';
import { field, rows, status } from '../../answer';
import { CAMPAIGN_ID, IN_GROUP_ID, URL_CHARS, WORD_CHARS } from '../../patterns';

/** What VICIdial keeps of a list name: anything else is silently dropped. */
const NAME_CHARS = {
	regex: /^[- +.:/@?&_0-9a-zA-Z]+$/,
	hint: 'may only contain letters, digits, spaces and - + . : / @ ? & _ (VICIdial drops other characters)',
};

/** How update_list clears a setting. */
const BLANK = ' --BLANK-- clears it.';

/** The list settings add_list and update_list share; `update` adds how to clear them. */
function listSettings(update: boolean): ParamSpec[] {
	const clear = update ? BLANK : '';
	const xfer = (n: string, label: string) =>
		text(`xferconf_${n}`, `Transfer Conference Override ${label}`, {
			maxLength: 50,
			pattern: WORD_CHARS,
			description: `Replaces the campaign's transfer-conference number ${label} for this list.${clear}`,
		});
	const webForm = (name: string, label: string) =>
		text(name, `Web Form ${label}`, {
			maxLength: 65000,
			pattern: URL_CHARS,
			description: `Replaces the campaign's web form ${label} URL for this list; a URL-encoded address is decoded.${update ? BLANK : ''}`,
		});
	return [
		// VICIdial keeps only the digits of this field, so --BLANK-- cannot clear it here
		digits(
			'outbound_cid',
			'Caller ID Override',
			update
				? {
						minLength: 6,
						maxLength: 18,
						description: "Caller ID number for this list's calls instead of the campaign's",
					}
				: {
						minLength: 1,
						maxLength: 20,
						description: "Caller ID number for this list's calls instead of the campaign's",
					},
		),
		text('script', 'Script Override', {
			maxLength: 20,
			pattern: WORD_CHARS,
			description: `An existing script shown to agents instead of the campaign's.${clear}`,
		}),
		text('am_message', 'Answering Machine Message Override', {
			maxLength: 100,
			pattern: WORD_CHARS,
			description: `Audio file or extension played to answering machines.${clear}`,
		}),
		text('drop_inbound_group', 'Drop In-Group Override', {
			maxLength: 20,
			pattern: IN_GROUP_ID,
			load: 'inGroups',
			description: `An existing in-group that gets this list's dropped calls.${clear}`,
		}),
		text('reset_time', 'Reset Times', {
			maxLength: 100,
			// VICIdial keeps only digits, - and _ here: --BLANK-- would be stored as ----
			pattern: {
				regex: /^\d{4}(-\d{4})*$/,
				hint: 'must be times as HHMM separated by "-", e.g. 0900-1700',
			},
			placeholder: '0900-1700',
			description: `Times of day (HHMM, separated by "-") when the list's leads are reset for dialing${update ? '. An Expiration Date in the same call replaces this change' : ''}.`,
		}),
		date('expiration_date', 'Expiration Date', {
			description:
				'After this day the list is no longer dialed; VICIdial uses 2099-12-31 when empty',
		}),
		webForm('web_form_address', '1'),
		webForm('web_form_address_two', '2'),
		webForm('web_form_address_three', '3'),
		text('list_description', 'Description', {
			maxLength: 255,
			pattern: NAME_CHARS,
			description: update ? BLANK.trim() : undefined,
		}),
		choice('tz_method', 'Time Zone Method', {
			choices: [
				{ name: 'Country and Area Code', value: 'COUNTRY_AND_AREA_CODE' },
				{ name: 'Postal Code', value: 'POSTAL_CODE' },
				{ name: 'NANPA Prefix', value: 'NANPA_PREFIX' },
				{ name: 'Owner Time Zone Code', value: 'OWNER_TIME_ZONE_CODE' },
			],
			description: "How VICIdial finds the time zone of the list's leads",
		}),
		text('local_call_time', 'Local Call Time', {
			maxLength: 10,
			pattern: WORD_CHARS,
			placeholder: '9am-9pm',
			description: "An existing call time, or campaign to use the campaign's",
		}),
		xfer('one', '1'),
		xfer('two', '2'),
		xfer('three', '3'),
		xfer('four', '4'),
		xfer('five', '5'),
		id('custom_fields_copy', 'Copy Custom Fields From List', {
			minLength: 2,
			maxLength: 14,
			description: 'A list whose custom fields this list gets (needs the custom fields permission)',
		}),
		choice('custom_copy_method', 'Custom Fields Copy Method', {
			choices: [
				{ name: 'Append', value: 'APPEND', description: 'Add the fields this list lacks' },
				{ name: 'Update', value: 'UPDATE', description: 'Change the fields both lists have' },
				{ name: 'Replace', value: 'REPLACE', description: "Replace this list's fields" },
			],
		}),
	];
}

export const listFunctions: FunctionEntry[] = [
	{
		fn: 'list_info',
		api: 'nonAgent',
		resource: 'list',
		operation: 'get',
		name: 'Get',
		action: 'Get a list',
		description: "A list's settings and, on request, its lead counts (list_info)",
		writes: false,
		params: [
			id('list_id', 'List ID', {
				required: true,
				minLength: 2,
				maxLength: 14,
				load: 'lists',
				description: 'Numeric ID of the VICIdial list',
			}),
			flag('leads_counts', 'Include Lead Counts', {
				description: 'Whether to add the number of all leads and of NEW leads',
			}),
			flag('dialable_count', 'Include Dialable Count', {
				description: "Whether to add how many leads the list's campaign could dial right now",
			}),
			flag('archived_lead', 'Count Archived Leads', {
				description: 'Whether the lead counts read the archive instead of the active leads',
			}),
		],
		answer: rows('|', [
			field.integer('list_id'),
			field.text('list_name'),
			field.text('campaign_id'),
			field.text('active'),
			field.datetime('list_changedate'),
			field.datetime('list_lastcalldate'),
			field.date('expiration_date'),
			field.integer('resets_today'),
			field.integer('all_leads_count', { when: { param: 'leads_counts', equals: 'Y' } }),
			field.integer('new_leads_count', { when: { param: 'leads_counts', equals: 'Y' } }),
			field.integer('dialable_count', {
				when: { param: 'dialable_count', equals: 'Y', alwaysPrinted: true },
			}),
		]),
		noRecords: /LIST DOES NOT EXIST/,
	},
	{
		fn: 'add_list',
		api: 'nonAgent',
		resource: 'list',
		operation: 'add',
		name: 'Add',
		action: 'Add a list',
		description: 'Create a list in a campaign (add_list)',
		writes: true,
		params: [
			id('list_id', 'List ID', {
				required: true,
				minLength: 2,
				maxLength: 14,
				description: 'Numeric ID of the new list',
			}),
			text('list_name', 'List Name', {
				required: true,
				minLength: 2,
				maxLength: 30,
				pattern: NAME_CHARS,
			}),
			text('campaign_id', 'Campaign ID', {
				required: true,
				minLength: 1,
				maxLength: 8,
				pattern: CAMPAIGN_ID,
				load: 'campaigns',
			}),
			flag('active', 'Active', {
				main: true,
				description: 'Whether the campaign dials the list (VICIdial defaults to inactive)',
			}),
			...listSettings(false),
		],
		answer: status([
			field.text('user'),
			field.integer('list_id'),
			field.text('list_name'),
			field.text('campaign_id'),
		]),
	},
	{
		fn: 'update_list',
		api: 'nonAgent',
		resource: 'list',
		operation: 'update',
		name: 'Update',
		action: 'Update a list',
		description:
			"Change a list's settings, reset its leads for dialing, delete its leads or the list itself (update_list)",
		writes: true,
		params: [
			id('list_id', 'List ID', {
				required: true,
				minLength: 2,
				maxLength: 14,
				load: 'lists',
				description: 'Numeric ID of the VICIdial list',
			}),
			text('list_name', 'List Name', { minLength: 6, maxLength: 30, pattern: NAME_CHARS }),
			text('campaign_id', 'Campaign ID', {
				minLength: 1,
				maxLength: 8,
				pattern: CAMPAIGN_ID,
				load: 'campaigns',
				description: "Moves the list to this campaign; its leads leave the old campaign's hopper",
			}),
			flag('active', 'Active', { description: 'Whether the campaign dials the list' }),
			...listSettings(true),
			flag('reset_list', 'Reset Leads', {
				description:
					"Whether to make all of the list's leads dialable again (within the list's daily reset limit)",
			}),
			flag('delete_leads', 'Delete Leads', {
				description:
					"Whether to delete all of the list's leads (needs the delete lists and modify leads permissions)",
			}),
			flag('delete_list', 'Delete List', {
				description:
					'Whether to delete the list itself; its leads stay (needs the delete lists permission)',
			}),
			flag('archived_lead', 'Archived Leads', {
				description: 'Whether Reset Leads and Delete Leads act on the archived leads instead',
			}),
			flag('insert_if_not_found', 'Add If Not Found', {
				description:
					'Whether to create the list when it does not exist (then List Name and Campaign ID are needed)',
			}),
		],
		answer: status([field.text('user'), field.integer('list_id')], { noticesSuffice: true }),
	},
];
