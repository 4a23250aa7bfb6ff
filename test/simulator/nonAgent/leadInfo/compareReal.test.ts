/**
 * Answers the conformance corpus cannot reach, because only the dialer or the admin screens
 * write the rows they need (call ID logs, custom field tables): the same rows are put into the
 * genuine server's database and into the simulator's tables, then the same requests must get the
 * same answers, byte for byte after masking. Runs only when VICIDIAL_REAL_URL is set (and not "off").
 */
import { startSimulator, type Simulator } from '../../index';
import { na, type Params } from '../../../conformance/builders';
import { formatStepDiff, resetReal, send, type Answer } from '../../../conformance/harness';
import { realServerUrl } from '../../../support/targets';
import {
	archiveSetup,
	callbackSetup,
	callSetup,
	CALLS,
	combined,
	customFieldSetup,
	moreCallsSetup,
	sql,
	userSetup,
	type Setup,
} from './fixtures';

// "off" (or unset) means simulator only, as everywhere else.
const REAL = realServerUrl?.replace(/\/+$/, '');

const TODAY = new Date().toISOString().slice(0, 10);

const CASES: Array<{ name: string; setup: () => Setup; requests: Array<[string, Params]> }> = [
	{
		name: 'callid_info and ccc_lead_info with logged call IDs',
		setup: callSetup,
		requests: [
			...CALLS.filter(([code]) => !code.endsWith('97')).flatMap(
				([code]): Array<[string, Params]> => [
					['callid_info', { call_id: code }],
					['callid_info', { call_id: code, detail: 'YES', header: 'YES', stage: 'csv' }],
					['ccc_lead_info', { call_id: code }],
					['ccc_lead_info', { call_id: code, header: 'YES', stage: 'tab' }],
				],
			),
			['callid_info', { call_id: 'V1123090000000000013', detail: 'YES', stage: 'newline' }],
			['ccc_lead_info', { call_id: 'V1123090000000000013', stage: 'newline' }],
			['callid_info', { call_id: 'V1123090000000000097' }],
			['ccc_lead_info', { call_id: 'V1123090000000000097' }],
		],
	},
	{
		name: 'custom fields of list 101',
		setup: customFieldSetup,
		requests: [
			[
				'lead_all_info',
				{ lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101', header: 'YES' },
			],
			[
				'lead_all_info',
				{ lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101', stage: 'tab' },
			],
			[
				'lead_all_info',
				{ lead_id: '12', custom_fields: 'Y', force_entry_list_id: '101', header: 'YES' },
			],
			[
				'lead_all_info',
				{
					phone_number: '7275551212',
					custom_fields: 'Y',
					force_entry_list_id: '101',
					header: 'YES',
				},
			],
			['lead_all_info', { lead_id: '11', custom_fields: 'Y' }],
			[
				'lead_field_info',
				{ lead_id: '11', field_name: 'colour', custom_fields: 'Y', list_id: '101' },
			],
			[
				'lead_field_info',
				{ lead_id: '11', field_name: 'SIZE', custom_fields: 'Y', list_id: '101' },
			],
			[
				'lead_field_info',
				{ lead_id: '12', field_name: 'colour', custom_fields: 'Y', list_id: '101' },
			],
			[
				'lead_field_info',
				{ lead_id: '11', field_name: 'nosuch', custom_fields: 'Y', list_id: '101' },
			],
			['lead_status_search', { status: 'NA', date: TODAY, custom_fields: 'Y' }],
			['lead_status_search', { lead_id: '11', custom_fields: 'Y' }],
			['lead_status_search', { lead_id: '13', custom_fields: 'Y' }],
		],
	},
	{
		name: 'archived leads',
		setup: archiveSetup,
		requests: [
			['lead_all_info', { lead_id: '13', archived_lead: 'Y' }],
			['lead_all_info', { phone_number: '3125550114', archived_lead: 'Y', header: 'YES' }],
			['lead_field_info', { lead_id: '14', field_name: 'first_name', archived_lead: 'Y' }],
			['lead_status_search', { status: 'SALE', date: TODAY, archived_lead: 'Y' }],
			['lead_status_search', { status: 'NI', date: TODAY, archived_lead: 'Y' }],
		],
	},
	{
		name: 'callbacks: archived and current, in callback id order',
		setup: callbackSetup,
		requests: [
			['lead_callback_info', { lead_id: '11' }],
			[
				'lead_callback_info',
				{ lead_id: '11', search_location: 'ALL', header: 'YES', stage: 'csv' },
			],
			['lead_callback_info', { lead_id: '11', search_location: 'ARCHIVE', stage: 'tab' }],
		],
	},
	{
		name: 'lead_status_search: several calls per lead, outbound and inbound',
		setup: moreCallsSetup,
		requests: [
			['lead_status_search', { status: 'SALE', date: TODAY }],
			['lead_status_search', { lead_id: '14' }],
			['lead_status_search', { lead_id: '12' }],
		],
	},
	{
		name: 'rights: modify_leads 5 reads all info but not single fields or status searches',
		setup: () => userSetup({ modify_leads: '5' }),
		requests: [
			['lead_all_info', { lead_id: '11' }],
			['lead_field_info', { lead_id: '11', field_name: 'first_name' }],
			['lead_status_search', { lead_id: '13' }],
			['lead_callback_info', { lead_id: '11' }],
		],
	},
	{
		name: 'rights: hidden lead data',
		setup: () => combined(userSetup({ admin_hide_lead_data: '1' }), customFieldSetup()),
		requests: [
			['lead_field_info', { lead_id: '11', field_name: 'first_name' }],
			['lead_field_info', { lead_id: '11', field_name: 'address2' }],
			[
				'lead_field_info',
				{ lead_id: '11', field_name: 'colour', custom_fields: 'Y', list_id: '101' },
			],
			[
				'lead_field_info',
				{ lead_id: '11', field_name: 'first_name', custom_fields: 'Y', list_id: '101' },
			],
			['lead_all_info', { lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101' }],
			['lead_status_search', { lead_id: '11', custom_fields: 'Y' }],
		],
	},
	{
		name: 'rights: a user group limited to other campaigns, with and without api_list_restrict',
		setup: () =>
			combined(
				userSetup({ api_list_restrict: '1' }, { allowed_campaigns: ' OTHER -' }),
				callSetup(),
				callbackSetup(),
			),
		requests: [
			['lead_all_info', { lead_id: '11' }],
			['lead_all_info', { phone_number: '7275551212' }],
			['lead_field_info', { lead_id: '11', field_name: 'first_name' }],
			['lead_status_search', { status: 'SALE', date: TODAY }],
			['lead_status_search', { lead_id: '13' }],
			['lead_callback_info', { lead_id: '11' }],
			['ccc_lead_info', { call_id: 'V1123090000000000013' }],
			['callid_info', { call_id: 'V1123090000000000013' }],
		],
	},
	{
		name: 'rights: a user group limited to other campaigns, no api_list_restrict',
		setup: () =>
			combined(userSetup({}, { allowed_campaigns: ' OTHER -' }), callSetup(), callbackSetup()),
		requests: [
			['lead_all_info', { lead_id: '11' }],
			['lead_field_info', { lead_id: '11', field_name: 'first_name' }],
			['lead_status_search', { lead_id: '13' }],
			['lead_callback_info', { lead_id: '11' }],
			['ccc_lead_info', { call_id: 'V1123090000000000013' }],
		],
	},
];

const run = REAL ? describe : describe.skip;

run(
	'leadInfo answers with rows only the dialer or the admin screens write: simulator = real server',
	() => {
		let sim: Simulator;
		beforeAll(async () => {
			sim = await startSimulator();
		});
		afterAll(async () => sim.close());

		test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
			await resetReal();
			sim.reset();
			const setup = testCase.setup();
			sql(setup.real);
			setup.sim(sim.state);
			const diffs: string[] = [];
			for (const [index, [fn, params]] of testCase.requests.entries()) {
				const step = na(fn, params);
				const real: Answer = await send(REAL as string, step);
				const simulated: Answer = await send(sim.url, step);
				if (
					real.status !== simulated.status ||
					real.body !== simulated.body ||
					real.contentType !== simulated.contentType
				) {
					diffs.push(
						formatStepDiff(index, testCase.requests.length, step, real, simulated, {
							expected: 'real server',
							actual: 'simulator',
						}),
					);
				}
			}
			await resetReal();
			expect(diffs).toEqual([]);
		});
	},
);
