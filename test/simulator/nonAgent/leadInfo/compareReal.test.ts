/**
 * Answers the conformance corpus cannot reach, because only the dialer or the admin screens
 * write the rows they need (call ID logs, custom field tables): the same rows are put into the
 * genuine server's database and into the simulator's tables, then the same requests must get the
 * same answers, byte for byte after masking. Runs only when VICIDIAL_REAL_URL is set.
 */
import { startSimulator, type Simulator } from '../../index';
import { na, type Params } from '../../../conformance/builders';
import { formatStepDiff, resetReal, send, type Answer } from '../../../conformance/harness';
import { callSetup, CALLS, customFieldSetup, sql, type Setup } from './fixtures';

const REAL = process.env.VICIDIAL_REAL_URL?.trim().replace(/\/+$/, '');

const TODAY = new Date().toISOString().slice(0, 10);

const CASES: Array<{ name: string; setup: () => Setup; requests: Array<[string, Params]> }> = [
	{
		name: 'callid_info and ccc_lead_info with logged call IDs',
		setup: callSetup,
		requests: [
			...CALLS.filter(([code]) => !code.endsWith('97')).flatMap(([code]): Array<[string, Params]> => [
				['callid_info', { call_id: code }],
				['callid_info', { call_id: code, detail: 'YES', header: 'YES', stage: 'csv' }],
				['ccc_lead_info', { call_id: code }],
				['ccc_lead_info', { call_id: code, header: 'YES', stage: 'tab' }],
			]),
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
			['lead_all_info', { lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101', header: 'YES' }],
			['lead_all_info', { lead_id: '11', custom_fields: 'Y', force_entry_list_id: '101', stage: 'tab' }],
			['lead_all_info', { lead_id: '12', custom_fields: 'Y', force_entry_list_id: '101', header: 'YES' }],
			['lead_all_info', { phone_number: '7275551212', custom_fields: 'Y', force_entry_list_id: '101', header: 'YES' }],
			['lead_all_info', { lead_id: '11', custom_fields: 'Y' }],
			['lead_field_info', { lead_id: '11', field_name: 'colour', custom_fields: 'Y', list_id: '101' }],
			['lead_field_info', { lead_id: '11', field_name: 'SIZE', custom_fields: 'Y', list_id: '101' }],
			['lead_field_info', { lead_id: '12', field_name: 'colour', custom_fields: 'Y', list_id: '101' }],
			['lead_field_info', { lead_id: '11', field_name: 'nosuch', custom_fields: 'Y', list_id: '101' }],
			['lead_status_search', { status: 'NA', date: TODAY, custom_fields: 'Y' }],
			['lead_status_search', { lead_id: '11', custom_fields: 'Y' }],
			['lead_status_search', { lead_id: '13', custom_fields: 'Y' }],
		],
	},
];

const run = REAL ? describe : describe.skip;

run('leadInfo answers with rows only the dialer or the admin screens write: simulator = real server', () => {
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
			if (real.status !== simulated.status || real.body !== simulated.body || real.contentType !== simulated.contentType) {
				diffs.push(formatStepDiff(index, testCase.requests.length, step, real, simulated, { expected: 'real server', actual: 'simulator' }));
			}
		}
		await resetReal();
		expect(diffs).toEqual([]);
	});
});
