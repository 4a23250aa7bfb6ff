import type { FunctionEntry } from '../../entry';
import { id, flag, integer, text } from '../../entry';
import { field, rows, status } from '../../answer';
import { WORD_CHARS } from '../../patterns';

export const hopperFunctions: FunctionEntry[] = [
	{
		fn: 'hopper_list',
		api: 'nonAgent',
		resource: 'hopper',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get the leads in the hopper',
		description:
			"The leads queued for dialing in a campaign's hopper, next to be dialed first (hopper_list)",
		writes: false,
		cap: {
			limit: 10000,
			hint: 'VICIdial lists at most 10,000 hopper entries: list one campaign at a time.',
		},
		params: [
			text('campaign_id', 'Campaign ID', {
				required: true,
				minLength: 2,
				maxLength: 8,
				load: 'campaigns',
				pattern: WORD_CHARS,
			}),
			flag('search_method', 'Blocking Query', {
				flagValues: ['BLOCK', ''],
				description:
					'Whether to read the hopper with one faster query that may briefly hold up the database',
			}),
		],
		fixed: { stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.integer('hopper_order'),
			field.integer('priority'),
			field.integer('lead_id'),
			field.integer('list_id'),
			field.text('phone_number'),
			field.text('phone_code'),
			field.text('state'),
			field.text('status'),
			field.integer('count'),
			field.decimal('gmt_offset'),
			field.integer('rank'),
			field.text('alt'),
			field.text('hopper_source'),
			field.text('vendor_lead_code'),
			field.text('source_id'),
			field.integer('age_days'),
			field.text('last_call_time'),
		]),
		noRecords: /NO LEADS IN THE HOPPER/,
	},
	{
		fn: 'hopper_bulk_insert',
		api: 'nonAgent',
		resource: 'hopper',
		operation: 'add',
		name: 'Add Leads',
		action: 'Add leads to the hopper',
		description:
			"Queue existing leads in the hopper of their list's campaign; a NOTICE line tells about each lead (hopper_bulk_insert)",
		writes: true,
		params: [
			id('lead_ids', 'Lead IDs', {
				required: true,
				separator: ',',
				minLength: 1,
				maxLength: 9,
				placeholder: '11,12,13',
				description: 'Up to 1000 lead IDs, separated by commas',
			}),
			integer('hopper_priority', 'Hopper Priority', {
				min: -99,
				max: 99,
				main: true,
				description: 'Higher is dialed sooner; VICIdial uses 0 when empty',
			}),
			flag('hopper_local_call_time_check', 'Local Call Time Check', {
				description: 'Whether to skip leads outside their local call time',
			}),
		],
		answer: status([
			field.integer('leads_added'),
			field.integer('leads_not_added'),
			field.integer('last_hopper_id'),
			field.text('user'),
		]),
	},
];
