import type { FunctionEntry } from '../../entry';
import { choice, text } from '../../entry';
import { field, rows } from '../../answer';

/** The custom lead fields of a list. */
export const listCustomFields: FunctionEntry = {
	fn: 'list_custom_fields',
	api: 'nonAgent',
	resource: 'list',
	operation: 'getCustomFields',
	name: 'Get Custom Fields',
	action: 'Get custom fields of a list',
	description:
		'The labels of the custom lead fields of one list, or of every list (list_custom_fields)',
	writes: false,
	params: [
		text('list_id', 'List ID', {
			required: true,
			load: 'lists',
			pattern: {
				regex: /^(\d{2,14}|---ALL---)$/,
				hint: 'must be a list ID of 2 to 14 digits, or ---ALL---',
			},
			description: 'Numeric ID of the VICIdial list, or ---ALL--- for every list',
		}),
		choice('custom_order', 'Field Order', {
			choices: [
				{ name: 'As in the Table', value: 'table_order' },
				{ name: 'Alphabetical', value: 'alpha_up' },
				{ name: 'Reverse Alphabetical', value: 'alpha_down' },
			],
		}),
	],
	fixed: { stage: 'pipe' },
	answer: rows('|', [
		field.integer('list_id'),
		field.text('list_name'),
		field.text('campaign_id'),
		field.text('active'),
		field.datetime('list_changedate'),
		field.datetime('list_lastcalldate'),
		field.text('custom_fields'),
	]),
	noRecords: /LIST DOES NOT EXIST/,
	// The field labels come space-separated: a list of names here.
	run: async (runtime, values) => {
		const parsed = await runtime.call(listCustomFields, values.form);
		return parsed.records.map((record) => ({
			json: {
				...record,
				custom_fields:
					typeof record.custom_fields === 'string'
						? record.custom_fields.split(' ').filter((f) => f !== '')
						: [],
			},
		}));
	},
};

export const customFieldFunctions: FunctionEntry[] = [listCustomFields];
