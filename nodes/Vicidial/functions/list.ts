import type { FunctionSpec } from '../../shared/spec';
import { day, digits, dt, flag, int, str } from '../../shared/spec';

export const listFunctions: FunctionSpec[] = [
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
			digits('list_id', 'List ID', { required: true, minLength: 2, maxLength: 14, description: 'Numeric ID of the VICIdial list' }),
			flag('leads_counts', 'Include Lead Counts', { description: 'Whether to add the number of all leads and of NEW leads' }),
			flag('dialable_count', 'Include Dialable Count', { description: "Whether to add how many leads the list's campaign could dial right now" }),
			flag('archived_lead', 'Count Archived Leads', { description: 'Whether the lead counts read the archive instead of the active leads' }),
		],
		answer: {
			kind: 'rows',
			delimiter: '|',
			columns: [
				int('list_id'),
				str('list_name'),
				str('campaign_id'),
				str('active'),
				dt('list_changedate'),
				dt('list_lastcalldate'),
				day('expiration_date'),
				int('resets_today'),
				int('all_leads_count', { param: 'leads_counts', equals: 'Y' }),
				int('new_leads_count', { param: 'leads_counts', equals: 'Y' }),
				int('dialable_count', { param: 'dialable_count', equals: 'Y', alwaysPrinted: true }),
			],
		},
		noRecords: /LIST DOES NOT EXIST/,
	},
];
