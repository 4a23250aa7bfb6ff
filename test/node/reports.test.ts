/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** Recording Search/Download and the report operations, through n8n's WorkflowExecute, against the simulator and the real server. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IBinaryData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { getBinaryBuffer } from '../helpers/n8n';
import { startSimulator } from '../simulator';
import { fmtDateTime } from '../simulator/mysql';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const MP3 = 'MP3/20250101-090300_3125550113_1001-all.mp3';
const MP3_BYTES = fs.readFileSync(path.join(__dirname, '../fixtures/recordings', MP3));
const TODAY = new Date().toISOString().slice(0, 10);
const DATETIME = expect.stringMatching(new RegExp(`^${TODAY} \\d{2}:\\d{2}:\\d{2}$`));
const ISO = expect.stringMatching(new RegExp(`^${TODAY}T\\d{2}:\\d{2}:\\d{2}\\+00:00$`));

/** The simulator, with recording locations on itself so the files can be downloaded from it. */
async function start(name: Target['name']): Promise<Target> {
	if (name !== 'simulator') return await startTarget(name);
	const sim = await startSimulator({ recordingsHere: true });
	return { name, url: sim.url, sim, reset: () => sim.reset(), close: () => sim.close() };
}

/** A recording_log row the seed lacks, on either target. */
function addRecording(target: Target, id: number, leadId: number, location: string): void {
	const values = {
		recording_id: id,
		lead_id: leadId,
		user: '1003',
		filename: `test_${id}`,
		location,
		length_in_sec: 10,
		start_time: fmtDateTime(new Date()),
		start_epoch: Math.floor(Date.now() / 1000),
	};
	if (target.sim) {
		target.sim.state.db.t('recording_log').insert(values, fmtDateTime(new Date()));
		return;
	}
	const columns = Object.keys(values).join(',');
	const data = Object.values(values)
		.map((v) => `'${String(v)}'`)
		.join(',');
	const state = process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real';
	execFileSync('mariadb', [
		`--defaults-file=${state}/my.cnf`,
		'-uroot',
		'asterisk',
		'-e',
		`INSERT INTO recording_log (${columns}) VALUES (${data});`,
	]);
}

const recording = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'recording',
	operation,
	...fields,
});
const report = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'report',
	operation,
	...fields,
});

describe.each(targetNames)('Recordings and reports against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await start(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });
	const sentNothing = () => {
		if (target.sim) expect(target.sim.requests).toEqual([]);
	};
	const clearRequests = () => target.sim?.requests.splice(0);

	test('Recording → Search by lead: typed fields, length and location', async () => {
		const result = await run({
			parameters: recording('search', { leadId: '13', additionalFields: { duration: true } }),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				start_time: DATETIME,
				start_time_iso: ISO,
				user: '1001',
				recording_id: 1,
				lead_id: 13,
				length_in_sec: 95,
				location: `${target.url}/RECORDINGS/${MP3}`,
			},
		]);
	});

	test('Recording → Search by agent and day finds the running recording, without location', async () => {
		const result = await run({
			parameters: recording('search', { additionalFields: { agentUser: '1003', date: TODAY } }),
		});
		expect(json(result)).toEqual([
			{
				start_time: DATETIME,
				start_time_iso: ISO,
				user: '1003',
				recording_id: 2,
				lead_id: 12,
				location: '',
			},
		]);
	});

	test('Recording → Search: nothing found is an error, or no items with the option', async () => {
		const failed = await run({ parameters: recording('search', { leadId: '99' }) });
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toBe(
			'Item 1: VICIdial: ERROR: recording_lookup NO RECORDINGS FOUND - 6666||99||',
		);
		const empty = await run({
			parameters: recording('search', { leadId: '99', options: { emptyOnNoRecords: true } }),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test("Recording → Search: too few search values is VICIdial's error; a lead id with letters is refused before sending", async () => {
		const few = await run({
			parameters: recording('search', { additionalFields: { date: TODAY } }),
		});
		expect(few.error?.message).toBe(
			`Item 1: VICIdial: ERROR: recording_lookup INVALID SEARCH PARAMETERS: 6666|||${TODAY}|`,
		);
		clearRequests();
		const bad = await run({ parameters: recording('search', { leadId: '13a' }) });
		expect(bad.error).toBeInstanceOf(NodeOperationError);
		expect(bad.error?.message).toBe(
			'Item 1: "Lead ID" must be an ID made of digits only, got "13a"',
		);
		sentNothing();
	});

	test('Recording → Download: the MP3 as binary data, its details as JSON, no password sent to the file server', async () => {
		const result = await run({
			parameters: recording('download', { leadId: '13', options: { binaryPropertyName: 'audio' } }),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				start_time: DATETIME,
				start_time_iso: ISO,
				user: '1001',
				recording_id: 1,
				lead_id: 13,
				length_in_sec: 95,
				location: `${target.url}/RECORDINGS/${MP3}`,
				file_name: '20250101-090300_3125550113_1001-all.mp3',
				mime_type: 'audio/mpeg',
				file_size: MP3_BYTES.length,
			},
		]);
		const binary = result.items[0].binary?.audio as IBinaryData;
		expect(binary).toMatchObject({
			fileName: '20250101-090300_3125550113_1001-all.mp3',
			mimeType: 'audio/mpeg',
		});
		expect((await getBinaryBuffer(binary)).equals(MP3_BYTES)).toBe(true);
		if (target.sim) {
			const fileRequests = target.sim.requests.filter((r) => r.path.startsWith('/RECORDINGS/'));
			expect(fileRequests).toEqual([
				expect.objectContaining({
					method: 'GET',
					path: `/RECORDINGS/${MP3}`,
					rawQuery: '',
					rawBody: '',
				}),
			]);
			const lookup = target.sim.requests.find((r) => r.params.function === 'recording_lookup');
			expect(lookup?.params).toMatchObject({ lead_id: '13', duration: 'Y', stage: 'pipe' });
			expect(lookup?.params.recording_id).toBeUndefined();
		}
	});

	test('Recording → Download by agent, day and recording id; the binary field defaults to "data"', async () => {
		const result = await run({
			parameters: recording('download', {
				recordingId: '1',
				additionalFields: { agentUser: '1001', date: TODAY },
			}),
		});
		expect(json(result)).toEqual([
			expect.objectContaining({ recording_id: 1, file_size: MP3_BYTES.length }),
		]);
		expect(
			(await getBinaryBuffer(result.items[0].binary?.data as IBinaryData)).equals(MP3_BYTES),
		).toBe(true);
	});

	test('Recording → Download: a recording still running is an error, or left out with the option', async () => {
		const failed = await run({ parameters: recording('download', { leadId: '12' }) });
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toBe(
			'Item 1: Recording 2 has no file location yet: the call is probably still being recorded',
		);
		const skipped = await run({
			parameters: recording('download', { leadId: '12', options: { skipUnfinished: true } }),
		});
		expect(skipped.error).toBeUndefined();
		expect(skipped.items).toEqual([]);
	});

	test('Recording → Download: no such recording, and a recording id that is not among those found', async () => {
		const none = await run({ parameters: recording('download', { leadId: '99' }) });
		expect(none.error?.message).toBe(
			'Item 1: VICIdial: ERROR: recording_lookup NO RECORDINGS FOUND - 6666||99||',
		);
		const other = await run({
			parameters: recording('download', { leadId: '13', recordingId: '2' }),
		});
		expect(other.error?.message).toBe(
			'Item 1: Recording 2 is not among the 1 recording(s) VICIdial found for these search values',
		);
	});

	test('Recording → Download: a missing file (HTTP 404) and a location that is not a web address', async () => {
		addRecording(target, 3, 14, `${target.url}/RECORDINGS/MP3/missing.mp3`);
		addRecording(target, 4, 15, '/var/spool/asterisk/monitorDONE/test_4.wav');
		const missing = await run({ parameters: recording('download', { leadId: '14' }) });
		expect(missing.error).toBeInstanceOf(NodeApiError);
		expect(missing.error?.message).toBe(
			`Item 1: Recording 3: The file at ${target.url}/RECORDINGS/MP3/missing.mp3 answered HTTP 404`,
		);
		const local = await run({ parameters: recording('download', { leadId: '15' }) });
		expect(local.error?.message).toBe(
			'Item 1: Recording 4: "/var/spool/asterisk/monitorDONE/test_4.wav" is not a URL that can be downloaded',
		);
	});

	test('Recording → Download: without a search value nothing is sent', async () => {
		clearRequests();
		const result = await run({
			parameters: recording('download', { additionalFields: { date: TODAY } }),
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 1: "Lead ID" is needed, or a Call Unique ID, or two of Agent, Extension and Date, to find the recording',
		);
		sentNothing();
	});

	test('Recording → Download, several items: a later item without a search value stops the run before any request', async () => {
		clearRequests();
		const result = await run({
			parameters: recording('download', { leadId: '={{ $json.lead }}' }),
			items: [{ lead: '13' }, { lead: '' }],
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 2: "Lead ID" is needed, or a Call Unique ID, or two of Agent, Extension and Date, to find the recording',
		);
		sentNothing();
		const named = await run({
			parameters: recording('download', {
				leadId: '13',
				options: { binaryPropertyName: '={{ $json.field }}' },
			}),
			items: [{ field: 'audio' }, { field: 'bad name' }],
		});
		expect(named.error?.message).toBe(
			'Item 2: "Put Output File in Field" must be a field name (letters, digits, _ and -), got "bad name"',
		);
		sentNothing();
	});

	test("Report → Get DID Call Log: the day's calls, oldest first, with caller and length", async () => {
		const result = await run({
			parameters: report('didLog', { phoneNumber: '3125550100', date: TODAY }),
		});
		expect(json(result)).toEqual([
			{
				did_number: '3125550100',
				caller_id_number: '3125550115',
				call_date: DATETIME,
				call_date_iso: ISO,
				length_in_sec: 60,
			},
			{
				did_number: '3125550100',
				caller_id_number: '3125550111',
				call_date: DATETIME,
				call_date_iso: ISO,
				length_in_sec: 30,
			},
		]);
	});

	test('Report → Get DID Call Log, several items, Continue On Fail: bad date refused, empty day an error item, in order', async () => {
		clearRequests();
		const result = await run({
			parameters: report('didLog', { phoneNumber: '3125550100', date: '={{ $json.day }}' }),
			items: [{ day: TODAY }, { day: '2026-02-30' }, { day: '2020-01-01' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 0, 1, 2]);
		const [first, second, bad, empty] = json(result);
		expect(first).toMatchObject({ caller_id_number: '3125550115', length_in_sec: 60 });
		expect(second).toMatchObject({ caller_id_number: '3125550111', length_in_sec: 30 });
		expect(bad).toEqual({
			error: 'Item 2: "Date" must be a date as YYYY-MM-DD, got "2026-02-30"',
			hint: expect.stringContaining('Nothing was sent'),
			errorKind: 'invalidInput',
		});
		expect(empty).toEqual({
			error: 'Item 3: VICIdial: ERROR: did_log_export NO RECORDS FOUND - 6666|||2020-01-01',
			hint: expect.any(String),
			errorKind: 'noRecords',
		});
		if (target.sim)
			expect(
				target.sim.requests
					.filter((r) => r.params.function === 'did_log_export')
					.map((r) => r.params.date)
					.sort(),
			).toEqual(['2020-01-01', TODAY]);
	});

	test('Report → Get Phone Number Log: outbound and inbound calls of two numbers', async () => {
		const result = await run({
			parameters: report('phoneNumberLog', {
				phoneNumber: '312-555-0113, 3125550115',
				type: 'ALL',
			}),
		});
		expect(json(result)).toEqual([
			{
				phone_number: '3125550113',
				call_date: DATETIME,
				call_date_iso: ISO,
				list_id: 101,
				length_in_sec: 95,
				lead_status: 'SALE',
				hangup_reason: 'AGENT',
				call_status: 'SALE',
				source_id: 'SRC1',
				user: '1001',
			},
			{
				phone_number: '3125550115',
				call_date: DATETIME,
				call_date_iso: ISO,
				list_id: 101,
				length_in_sec: 60,
				lead_status: 'NI',
				hangup_reason: 'CALLER',
				call_status: 'NI',
				source_id: 'SRC2',
				user: '1001',
			},
		]);
		const none = await run({ parameters: report('phoneNumberLog', { phoneNumber: '3125550999' }) });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
		clearRequests();
		const short = await run({
			parameters: report('phoneNumberLog', { phoneNumber: '3125550113,12' }),
		});
		expect(short.error?.message).toBe(
			'Item 1: "Phone Numbers" must be at least 4 digits, got 2 ("12")',
		);
		sentNothing();
	});

	test('Report → Get Agent Stats: every time in seconds, percentages as numbers', async () => {
		const result = await run({
			parameters: report('agentStats', {
				datetimeStart: `${TODAY} 00:00:00`,
				datetimeEnd: `${TODAY}T23:59:59`,
			}),
		});
		expect(result.error).toBeUndefined();
		const common = {
			user_group: 'AGENTS',
			calls: 2,
			pct_of_queue: 50,
			sessions: 1,
			pauses: 3,
			pauses_per_session: 3,
			dead_time: 0,
		};
		expect(json(result)).toEqual([
			{
				...common,
				user: '1001',
				full_name: 'Agent One',
				login_time: 680,
				total_talk_time: 160,
				avg_talk_time: 0,
				avg_wait_time: 195,
				pause_time: 90,
				avg_session: 680,
				avg_pause_time: 30,
				pause_pct: 13.2,
				wait_time: 390,
				talk_time: 160,
				dispo_time: 40,
			},
			{
				...common,
				user: '1003',
				full_name: 'Agent Three',
				login_time: 1070,
				total_talk_time: 42,
				avg_talk_time: 80,
				avg_wait_time: 500,
				pause_time: 20,
				avg_session: 1070,
				avg_pause_time: 7,
				pause_pct: 1.9,
				wait_time: 1000,
				talk_time: 42,
				dispo_time: 8,
			},
		]);
		const byCampaign = await run({
			parameters: report('agentStats', {
				datetimeStart: `${TODAY} 00:00:00`,
				datetimeEnd: `${TODAY} 23:59:59`,
				additionalFields: { agentUser: '1001', groupByCampaign: true },
			}),
		});
		expect(json(byCampaign)).toEqual([
			expect.objectContaining({
				campaign_id: 'TESTCAMP',
				user: '1001',
				calls: 2,
				login_time: 665,
				dispo_time: 25,
				pct_of_queue: 100,
			}),
		]);
	});

	test('Report → Get Call Status Stats: per campaign and in-group, by hour and status', async () => {
		const result = await run({
			parameters: report('callStatusStats', {
				campaigns: ['TESTCAMP'],
				queryDate: TODAY,
				endDate: TODAY,
			}),
		});
		expect(result.error).toBeUndefined();
		const [camp, group] = json(result);
		expect(camp).toMatchObject({
			campaign_id: 'TESTCAMP',
			calls: 4,
			human_answered_calls: 2,
			calls_by_status: { INCALL: 1, NA: 1, NI: 1, SALE: 1 },
		});
		expect(group).toMatchObject({
			campaign_id: 'TESTIN',
			calls: 2,
			human_answered_calls: 2,
			calls_by_status: { DROP: 1, NI: 1 },
		});
		for (const row of [camp, group]) {
			const hours = row.calls_by_hour as Record<string, number>;
			expect(Object.keys(hours)).toHaveLength(24);
			expect(Object.values(hours).reduce((a, b) => a + b, 0)).toBe(row.calls);
		}
		const refused = await run({
			parameters: report('callStatusStats', { campaigns: 'TESTCAMP' }),
			user: '6668',
		});
		expect(refused.error).toBeInstanceOf(NodeApiError);
		expect(refused.error?.message).toBe(
			'Item 1: VICIdial: ERROR: call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS: |6668|0|',
		);
		clearRequests();
		const bad = await run({
			parameters: report('callStatusStats', {
				campaigns: 'TESTCAMP',
				additionalFields: { queryTime: '7pm' },
			}),
		});
		expect(bad.error?.message).toBe('Item 1: "Start Time" must be a time as HH:MM:SS, got "7pm"');
		sentNothing();
	});

	test('Report → Get Call Disposition Report: counts by status with shares, named right, and the TOTAL row', async () => {
		const result = await run({
			parameters: report('callDispoReport', {
				campaigns: 'TESTCAMP',
				statusBreakdown: true,
				additionalFields: { ingroups: 'TESTIN', showPercentages: true },
			}),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				campaign: 'TESTCAMP',
				total_calls: 4,
				calls_by_status: { DROP: 0, INCALL: 1, NA: 1, NI: 1, SALE: 1 },
				percent_by_status: { DROP: 0, INCALL: 25, NA: 25, NI: 25, SALE: 25 },
			},
			{
				campaign: 'TESTIN',
				total_calls: 2,
				calls_by_status: { DROP: 1, INCALL: 0, NA: 0, NI: 1, SALE: 0 },
				percent_by_status: { DROP: 50, INCALL: 0, NA: 0, NI: 50, SALE: 0 },
			},
			{
				campaign: 'TOTAL',
				total_calls: 6,
				calls_by_status: { DROP: 1, INCALL: 1, NA: 1, NI: 2, SALE: 1 },
				percent_by_status: { DROP: 16.7, INCALL: 16.7, NA: 16.7, NI: 33.3, SALE: 16.7 },
			},
		]);
		const plain = await run({
			parameters: report('callDispoReport', { additionalFields: { didPatterns: '3125550100' } }),
		});
		expect(json(plain)).toEqual([
			{ campaign: '3125550100', total_calls: 2, calls_by_status: {} },
			{ campaign: 'TOTAL', total_calls: 2, calls_by_status: {} },
		]);
		const nothing = await run({ parameters: report('callDispoReport', {}) });
		expect(nothing.error?.message).toBe(
			'Item 1: VICIdial: ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS - n8n',
		);
	});
});
