/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The VICIdial Trigger through n8n-core's real polling context (PollTriggerExecutor), against the
 * simulator with a clock and data the test drives: every event fires once per change, never
 * twice, a failed poll loses nothing, midnight and long outages are caught up, activation does not
 * flood, thresholds fire on crossing only.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { loadOptions, pollOnce } from '../helpers/n8n';
import type { PollOnceResult } from '../helpers/n8n';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import type { SimState } from '../simulator/state';
import { applySetup, customFieldSetup } from '../simulator/nonAgent/leadInfo/fixtures';

const node = new VicidialTrigger();
let sim: Simulator;
let state: SimState;
let now = new Date('2026-11-23T14:00:00Z');
const fmt = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
const at = (time: string) => {
	now = new Date(`${time.replace(' ', 'T')}Z`);
};
const later = (minutes: number) => {
	now = new Date(now.getTime() + minutes * 60_000);
};

interface PollArgs {
	parameters: IDataObject;
	staticData?: IDataObject;
	manual?: boolean;
	url?: string;
	user?: string;
	password?: string;
}

async function poll(args: PollArgs): Promise<PollOnceResult & { json: IDataObject[] }> {
	const result = await pollOnce({
		nodeType: node,
		credentialTypes: [new VicidialApi()],
		credentials: {
			vicidialApi: {
				serverUrl: args.url ?? sim.url,
				apiUser: args.user ?? '6666',
				password: args.password ?? '1234',
				source: 'n8n',
			},
		},
		parameters: args.parameters as never,
		staticData: args.staticData,
		mode: args.manual ? 'manual' : 'trigger',
	});
	return { ...result, json: (result.items?.[0] ?? []).map((i) => i.json) };
}

/** A trigger whose static data is carried from poll to poll, like an active workflow. */
function active(parameters: IDataObject, url?: () => string) {
	let staticData: IDataObject = {};
	return {
		async poll() {
			const result = await poll({ parameters, staticData, url: url?.() });
			staticData = result.staticData;
			return result;
		},
		get staticData() {
			return staticData;
		},
	};
}

const sent = (fn: string) =>
	sim.requests.filter((r) => r.params.function === fn).map((r) => r.params);

function addRecording(id: number, start: string, user = '1001', leadId = 13, finished = true) {
	state.db.t('recording_log').insert(
		{
			recording_id: id,
			start_time: start,
			user,
			lead_id: leadId,
			extension: '8309',
			filename: `rec_${id}`,
			location: finished ? `http://127.0.0.1/RECORDINGS/MP3/rec_${id}-all.mp3` : '',
			length_in_sec: finished ? 30 : null,
			vicidial_id: `17357220${id}.1`,
		},
		fmt(now),
	);
}

/** A row of the agent log: the agent paused or waited from `eventTime` (what agent_stats_export reads). */
function addAgentLog(user: string, eventTime: string, leadId = 0) {
	const epoch = Math.floor(new Date(`${eventTime.replace(' ', 'T')}Z`).getTime() / 1000);
	state.db.t('vicidial_agent_log').insert(
		{
			user,
			server_ip: '127.0.0.1',
			event_time: eventTime,
			lead_id: leadId,
			campaign_id: 'TESTCAMP',
			pause_epoch: epoch,
			pause_sec: 10,
			wait_epoch: epoch + 10,
			wait_sec: 20,
			talk_epoch: epoch + 30,
			talk_sec: 30,
			dispo_epoch: epoch + 60,
			dispo_sec: 5,
			user_group: 'AGENTS',
			sub_status: 'LOGIN',
		},
		fmt(now),
	);
}

let didCall = 0;
function addDidCall(callDate: string, caller = '3125550199') {
	didCall++;
	state.db.t('vicidial_did_log').insert(
		{
			uniqueid: `1800000${didCall}.1`,
			caller_id_number: caller,
			caller_id_name: 'CALLER',
			extension: '3125550100',
			call_date: callDate,
			did_id: 2,
			did_route: 'IN_GROUP',
			server_ip: '127.0.0.1',
		},
		fmt(now),
	);
}

let outCall = 0;
function addOutboundCall(callDate: string, phone = '3125550113', status = 'SALE') {
	outCall++;
	state.db.t('vicidial_log').insert(
		{
			uniqueid: `1900000${outCall}.1`,
			lead_id: 13,
			list_id: 101,
			campaign_id: 'TESTCAMP',
			call_date: callDate,
			length_in_sec: 20,
			status,
			phone_code: 1,
			phone_number: phone,
			user: '1001',
			term_reason: 'AGENT',
		},
		fmt(now),
	);
}

const didTrigger = { event: 'didCall', did: '3125550100' };
const recordingTrigger = { event: 'newRecording', agentUser: '1001, 1003' };

beforeAll(async () => {
	sim = await startSimulator({ clock: () => now });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	at('2026-11-23 14:00:00');
	sim.faults(null);
	sim.reset();
	state = (sim as unknown as { state: SimState }).state;
	sim.requests.length = 0;
});

describe('log events', () => {
	test('activation on a server with history emits nothing; each new recording fires once, over many polls', async () => {
		const trigger = active(recordingTrigger);
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		// agents 1001 and 1003, today: one request each, with the day and the duration asked
		expect(sent('recording_lookup')).toEqual([
			expect.objectContaining({
				agent_user: '1001',
				date: '2026-11-23',
				duration: 'Y',
				stage: 'pipe',
			}),
			expect.objectContaining({
				agent_user: '1003',
				date: '2026-11-23',
				duration: 'Y',
				stage: 'pipe',
			}),
		]);
		later(5);
		addRecording(3, '2026-11-23 14:03:10');
		const second = await trigger.poll();
		expect(second.json).toEqual([
			{
				event: 'newRecording',
				start_time: '2026-11-23 14:03:10',
				start_time_iso: '2026-11-23T14:03:10+00:00',
				user: '1001',
				recording_id: 3,
				lead_id: 13,
				length_in_sec: 30,
				location: 'http://127.0.0.1/RECORDINGS/MP3/rec_3-all.mp3',
			},
		]);
		for (let i = 0; i < 6; i++) {
			later(1);
			expect((await trigger.poll()).items).toBeNull();
		}
		// another agent's recording, and one of an agent not watched
		addRecording(4, '2026-11-23 14:10:00', '1003', 12);
		addRecording(5, '2026-11-23 14:10:00', '1002', 14);
		later(1);
		expect((await trigger.poll()).json.map((j) => j.recording_id)).toEqual([4]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test("ISO timestamps carry the offset the server prints (version's TZNOW), beside VICIdial's own values", async () => {
		const server = state.db.t('servers').find((r) => r.active === 'Y')!;
		state.db.t('servers').update(server, { local_gmt: '-5.00' }, fmt(now));
		const trigger = active(didTrigger);
		await trigger.poll();
		later(1);
		addDidCall('2026-11-23 14:00:30');
		expect((await trigger.poll()).json).toEqual([
			expect.objectContaining({
				call_date: '2026-11-23 14:00:30',
				call_date_iso: '2026-11-23T14:00:30-05:00',
			}),
		]);
		const agents = active({ event: 'agentState' });
		await agents.poll();
		state.db.t('vicidial_live_agents').delete((r) => r.user === '1001');
		later(1);
		expect((await agents.poll()).json).toEqual([
			expect.objectContaining({ change: 'loggedOut', user: '1001' }),
		]);
		const queue = await poll({
			parameters: { event: 'queueThreshold', inGroups: 'TESTIN' },
			manual: true,
		});
		expect(queue.json[0]).toMatchObject({
			time: '2026-11-23 14:02:00',
			time_iso: '2026-11-23T14:02:00-05:00',
		});
	});

	test('a recording still running is held back, then emitted once it has its file', async () => {
		const trigger = active(recordingTrigger);
		await trigger.poll();
		later(2);
		addRecording(3, '2026-11-23 14:01:00', '1001', 13, false);
		expect((await trigger.poll()).items).toBeNull();
		later(30);
		expect((await trigger.poll()).items).toBeNull();
		const row = state.db.t('recording_log').find((r) => r.recording_id === '3')!;
		state.db
			.t('recording_log')
			.update(
				row,
				{ location: 'http://127.0.0.1/RECORDINGS/MP3/rec_3-all.mp3', length_in_sec: 95 },
				fmt(now),
			);
		later(1);
		expect((await trigger.poll()).json).toEqual([
			expect.objectContaining({
				recording_id: 3,
				length_in_sec: 95,
				start_time: '2026-11-23 14:01:00',
			}),
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('a recording running at activation comes once it has ended', async () => {
		const trigger = active(recordingTrigger);
		await trigger.poll(); // seed recording 2 (agent 1003) is still running
		later(5);
		expect((await trigger.poll()).items).toBeNull();
		const row = state.db.t('recording_log').find((r) => r.recording_id === '2')!;
		state.db
			.t('recording_log')
			.update(
				row,
				{ location: 'http://127.0.0.1/RECORDINGS/MP3/rec_2-all.mp3', length_in_sec: 600 },
				fmt(now),
			);
		later(1);
		expect((await trigger.poll()).json).toEqual([
			expect.objectContaining({ recording_id: 2, user: '1003', lead_id: 12, length_in_sec: 600 }),
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('a recording by lead: one request per day with the lead', async () => {
		const trigger = active({ event: 'newRecording', leadId: '12' });
		await trigger.poll();
		expect(sent('recording_lookup')).toEqual([
			expect.objectContaining({ lead_id: '12', date: '2026-11-23' }),
		]);
		expect(sent('recording_lookup')[0]).not.toHaveProperty('agent_user');
		later(3);
		addRecording(3, '2026-11-23 14:02:00', '1002', 12);
		addRecording(4, '2026-11-23 14:02:00', '1002', 13);
		expect((await trigger.poll()).json.map((j) => [j.recording_id, j.lead_id])).toEqual([[3, 12]]);
	});

	test('Include Lead on a recording: the lead read first, then with the custom fields of its list', async () => {
		applySetup(customFieldSetup(), state);
		const trigger = active({ ...recordingTrigger, options: { includeLead: true } });
		await trigger.poll();
		later(2);
		addRecording(3, '2026-11-23 14:01:00', '1001', 11);
		sim.requests.length = 0;
		const [event] = (await trigger.poll()).json;
		expect(event).toMatchObject({ recording_id: 3, lead_id: 11 });
		expect(event.lead).toMatchObject({
			lead_id: 11,
			list_id: 101,
			first_name: 'John',
			phone_number: '3125550111',
			colour: 'red',
			size: 'L',
		});
		expect(
			sent('lead_all_info').map(
				(p) => `${p.lead_id} ${p.custom_fields} ${p.force_entry_list_id ?? ''}`,
			),
		).toEqual(['11 N ', '11 Y 101']);
	});

	test('inbound DID calls: once each, rows logged late within the settle window too', async () => {
		const trigger = active(didTrigger);
		expect((await trigger.poll()).items).toBeNull();
		expect(sent('did_log_export')).toEqual([
			expect.objectContaining({ phone_number: '3125550100', date: '2026-11-23', stage: 'pipe' }),
		]);
		later(5);
		addDidCall('2026-11-23 14:04:00');
		const result = await trigger.poll();
		expect(result.json).toEqual([
			{
				event: 'didCall',
				did_number: '3125550100',
				caller_id_number: '3125550199',
				call_date: '2026-11-23 14:04:00',
				call_date_iso: '2026-11-23T14:04:00+00:00',
				length_in_sec: 0,
			},
		]);
		// a call with an earlier time, written after the last poll
		later(5);
		addDidCall('2026-11-23 13:58:00', '3125550177');
		addDidCall('2026-11-23 14:09:00', '3125550188');
		expect((await trigger.poll()).json.map((j) => j.caller_id_number)).toEqual([
			'3125550177',
			'3125550188',
		]);
		for (let i = 0; i < 5; i++) {
			later(10);
			expect((await trigger.poll()).items).toBeNull();
		}
	});

	test('calls to a number (phone_number_log): new calls once, old ones never', async () => {
		const trigger = active({
			event: 'numberCall',
			phoneNumbers: '3125550113, 3125550114',
			callType: 'ALL',
		});
		expect((await trigger.poll()).items).toBeNull();
		expect(sent('phone_number_log')).toEqual([
			expect.objectContaining({
				phone_number: '3125550113,3125550114',
				type: 'ALL',
				detail: 'ALL',
				stage: 'pipe',
			}),
		]);
		later(2);
		addOutboundCall('2026-11-23 14:01:30', '3125550114', 'NI');
		const result = await trigger.poll();
		expect(result.json).toEqual([
			{
				event: 'numberCall',
				phone_number: '3125550114',
				call_date: '2026-11-23 14:01:30',
				call_date_iso: '2026-11-23T14:01:30+00:00',
				list_id: 101,
				length_in_sec: 20,
				lead_status: 'SALE',
				hangup_reason: 'AGENT',
				call_status: 'NI',
				source_id: 'SRC1',
				user: '1001',
			},
		]);
		// the dialer fills in the agent, the length and the status as the call goes on: not a new call
		const row = state.db.t('vicidial_log').find((r) => r.uniqueid === `1900000${outCall}.1`)!;
		state.db
			.t('vicidial_log')
			.update(row, { user: '1003', length_in_sec: 75, status: 'SALE' }, fmt(now));
		later(2);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('a poll that fails in the middle emits nothing and changes nothing; the next one catches up', async () => {
		// A proxy that cuts the second did_log_export request of a poll (both tries): the first day was read, the second fails.
		let cutNext = 0;
		let didRequests = 0;
		const proxy = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks);
				const fn =
					new URLSearchParams(body.toString()).get('function') ??
					new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('function');
				if (fn === 'did_log_export') {
					didRequests++;
					if (cutNext > 0 && didRequests > 1) {
						cutNext--;
						req.socket.destroy();
						return;
					}
				}
				const upstream = http.request(
					`${sim.url}${req.url}`,
					{ method: req.method, headers: req.headers },
					(answer) => {
						res.writeHead(answer.statusCode ?? 500, answer.headers);
						answer.pipe(res);
					},
				);
				upstream.end(body);
			});
		});
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		try {
			at('2026-11-23 23:50:00');
			const trigger = active(didTrigger, () => proxyUrl);
			await trigger.poll();
			const before = JSON.stringify(trigger.staticData);
			addDidCall('2026-11-23 23:55:00', '3125550101');
			at('2026-11-24 00:10:00');
			addDidCall('2026-11-24 00:05:00', '3125550102');
			didRequests = 0;
			cutNext = 2;
			const failed = await trigger.poll();
			expect(failed.items).toBeNull();
			expect(failed.error?.message).toMatch(/connection|closed|reset|socket|hang up/i);
			expect(didRequests).toBe(3); // day 1 read, day 2 tried twice
			expect(JSON.stringify(trigger.staticData)).toBe(before);
			later(1);
			didRequests = 0;
			const next = await trigger.poll();
			expect(next.error).toBeUndefined();
			expect(next.json.map((j) => [j.caller_id_number, j.call_date])).toEqual([
				['3125550101', '2026-11-23 23:55:00'],
				['3125550102', '2026-11-24 00:05:00'],
			]);
			later(1);
			expect((await trigger.poll()).items).toBeNull();
		} finally {
			await new Promise((resolve) => proxy.close(resolve));
		}
	});

	test('midnight: the calls of both days come out once, each day asked for', async () => {
		at('2026-11-23 23:58:00');
		const trigger = active({ event: 'numberCall', phoneNumbers: '3125550113', callType: 'OUT' });
		await trigger.poll();
		addOutboundCall('2026-11-23 23:59:30');
		at('2026-11-24 00:01:00');
		addOutboundCall('2026-11-24 00:00:20');
		expect((await trigger.poll()).json.map((j) => j.call_date)).toEqual([
			'2026-11-23 23:59:30',
			'2026-11-24 00:00:20',
		]);

		const recordings = active(recordingTrigger);
		at('2026-11-24 23:59:00');
		await recordings.poll();
		sim.requests.length = 0;
		addRecording(3, '2026-11-24 23:59:40');
		at('2026-11-25 00:02:00');
		addRecording(4, '2026-11-25 00:01:00', '1003', 12);
		expect((await recordings.poll()).json.map((j) => j.recording_id)).toEqual([3, 4]);
		expect(sent('recording_lookup').map((p) => `${p.agent_user} ${p.date}`)).toEqual([
			'1001 2026-11-24',
			'1003 2026-11-24',
			'1001 2026-11-25',
			'1003 2026-11-25',
		]);
	});

	test('a multi-day outage loses nothing: every day is read once the server is back', async () => {
		const trigger = active(didTrigger);
		await trigger.poll();
		const days = [
			'2026-11-23 18:00:00',
			'2026-11-24 09:30:00',
			'2026-11-25 12:00:00',
			'2026-11-26 07:15:00',
		];
		sim.faults({ resetConnection: true });
		for (const day of days) {
			at(day);
			addDidCall(day, `31255502${day.slice(8, 10)}`);
			const failed = await trigger.poll();
			expect(failed.items).toBeNull();
			expect(failed.error).toBeDefined();
		}
		sim.faults(null);
		at('2026-11-26 08:00:00');
		sim.requests.length = 0;
		const back = await trigger.poll();
		expect(back.json.map((j) => j.call_date)).toEqual(days);
		expect(sent('did_log_export').map((p) => p.date)).toEqual([
			'2026-11-23',
			'2026-11-24',
			'2026-11-25',
			'2026-11-26',
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('Start From: activation emits the events since that time', async () => {
		const trigger = active({ ...didTrigger, options: { startFrom: '2026-11-23T13:42:00' } });
		const first = await trigger.poll();
		// seed calls at 13:41 (before) and 13:44 (after)
		expect(first.json.map((j) => j.call_date)).toEqual(['2026-11-23 13:44:00']);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('Fetch Test Event returns the latest real events without moving the cursor, or says there are none', async () => {
		const trigger = active(didTrigger);
		await trigger.poll();
		const stored = JSON.stringify(trigger.staticData);
		const manual = await poll({
			parameters: didTrigger,
			staticData: trigger.staticData,
			manual: true,
		});
		expect(manual.error).toBeUndefined();
		expect(manual.json.map((j) => j.call_date)).toEqual([
			'2026-11-23 13:41:00',
			'2026-11-23 13:44:00',
		]);
		expect(JSON.stringify(manual.staticData)).toBe(stored);
		// the seed calls were there at activation: still not emitted by the active trigger
		later(1);
		expect((await trigger.poll()).items).toBeNull();

		const none = await poll({ parameters: { event: 'didCall', did: '3125550999' }, manual: true });
		expect(none.items).toBeNull();
		expect(none.error?.message).toBe('No such event in the last 7 days on VICIdial');
	});
});

describe('lead statuses', () => {
	/** An outbound call of a lead dispositioned with a status, as the dialer writes it. */
	let sale = 0;
	function disposition(leadId: number, callDate: string, status: string, listId = 101) {
		sale++;
		const lead = state.db.t('vicidial_list').find((r) => r.lead_id === String(leadId))!;
		state.db.t('vicidial_log').insert(
			{
				uniqueid: `2100000${sale}.1`,
				lead_id: leadId,
				list_id: listId,
				campaign_id: 'TESTCAMP',
				call_date: callDate,
				length_in_sec: 60,
				status,
				phone_code: 1,
				phone_number: lead.phone_number,
				user: '1003',
				term_reason: 'AGENT',
			},
			fmt(now),
		);
		state.db
			.t('vicidial_list')
			.update(lead, { status, last_local_call_time: callDate, list_id: listId }, fmt(now));
	}

	test('activation emits nothing (lead 13 is SALE today); each new status comes once, with the lead', async () => {
		const trigger = active({ event: 'leadStatus', statuses: 'SALE, dnc' });
		expect((await trigger.poll()).items).toBeNull();
		// today and yesterday (a day read back), each status
		expect(sent('lead_status_search').map((p) => `${p.status} ${p.date}`)).toEqual([
			'SALE 2026-11-22',
			'DNC 2026-11-22',
			'SALE 2026-11-23',
			'DNC 2026-11-23',
		]);
		later(5);
		disposition(14, '2026-11-23 14:02:00', 'SALE');
		const result = await trigger.poll();
		expect(result.json).toHaveLength(1);
		expect(result.json[0]).toMatchObject({
			event: 'leadStatus',
			call_status: 'SALE',
			call_day: '2026-11-23',
			lead_id: 14,
			list_id: 101,
			status: 'SALE',
			phone_number: '3125550114',
			first_name: 'Linda',
			last_name: 'Davis',
			last_local_call_time: '2026-11-23 14:02:00',
			last_local_call_time_iso: '2026-11-23T14:02:00+00:00',
		});
		for (let i = 0; i < 5; i++) {
			later(7);
			expect((await trigger.poll()).items).toBeNull();
		}
		// dispositioned 90 minutes after the call started: read back a whole day, so not lost
		disposition(15, '2026-11-23 13:10:00', 'DNC');
		later(1);
		expect((await trigger.poll()).json.map((j) => [j.lead_id, j.call_status])).toEqual([
			[15, 'DNC'],
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('list and campaign filters; the campaign of each list is asked once per poll', async () => {
		const byList = active({ event: 'leadStatus', statuses: 'CALLBK', listIds: '102' });
		const byCampaign = active({ event: 'leadStatus', statuses: 'CALLBK', campaignId: 'TESTCAMP' });
		const otherCampaign = active({ event: 'leadStatus', statuses: 'CALLBK', campaignId: 'OTHER' });
		for (const t of [byList, byCampaign, otherCampaign]) await t.poll();
		later(2);
		disposition(11, '2026-11-23 14:01:00', 'CALLBK');
		disposition(12, '2026-11-23 14:01:30', 'CALLBK', 102);
		sim.requests.length = 0;
		expect((await byList.poll()).json.map((j) => j.lead_id)).toEqual([12]);
		expect((await byCampaign.poll()).json.map((j) => j.lead_id)).toEqual([11, 12]);
		expect(
			sent('list_info')
				.map((p) => p.list_id)
				.sort(),
		).toEqual(['101', '102']);
		expect((await otherCampaign.poll()).items).toBeNull();
	});

	test('midnight: a status given just before midnight and one just after both come', async () => {
		at('2026-11-23 23:55:00');
		const trigger = active({ event: 'leadStatus', statuses: 'SALE' });
		await trigger.poll();
		disposition(14, '2026-11-23 23:58:00', 'SALE');
		at('2026-11-24 00:03:00');
		disposition(15, '2026-11-24 00:01:00', 'SALE');
		expect((await trigger.poll()).json.map((j) => [j.lead_id, j.call_day])).toEqual([
			[14, '2026-11-23'],
			[15, '2026-11-24'],
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('Include Lead adds the whole lead from lead_all_info, custom fields when its list has them', async () => {
		applySetup(customFieldSetup(), state);
		const trigger = active({
			event: 'leadStatus',
			statuses: 'SALE',
			options: { includeLead: true },
		});
		await trigger.poll();
		later(1);
		disposition(11, '2026-11-23 14:00:30', 'SALE');
		disposition(12, '2026-11-23 14:00:40', 'SALE', 102);
		sim.requests.length = 0;
		const result = await trigger.poll();
		expect(result.json.map((j) => j.lead_id)).toEqual([11, 12]);
		expect(result.json[0].lead).toMatchObject({
			lead_id: 11,
			first_name: 'John',
			status: 'SALE',
			colour: 'red',
			size: 'L',
		});
		// list 102 has no custom fields: VICIdial fails with them (HTTP 500), so the lead is read without
		expect(result.json[1].lead).toMatchObject({ lead_id: 12, first_name: 'Mary', list_id: 102 });
		expect(result.json[1].lead).not.toHaveProperty('colour');
		// custom fields from the lead's list (its entry list is 0); an empty HTTP 500 is tried twice by the transport
		expect(
			sent('lead_all_info').map(
				(p) => `${p.lead_id} ${p.custom_fields} ${p.force_entry_list_id ?? ''}`,
			),
		).toEqual(['11 Y 101', '12 Y 102', '12 Y 102', '12 N ']);
	});

	test('a lead lookup that fails fails the poll: the event comes with its lead on the next one', async () => {
		const trigger = active({
			event: 'leadStatus',
			statuses: 'SALE',
			options: { includeLead: true },
		});
		await trigger.poll();
		later(1);
		disposition(14, '2026-11-23 14:00:30', 'SALE');
		sim.faults({ resetConnection: true, functions: ['lead_all_info'], times: 2 });
		const failed = await trigger.poll();
		expect(failed.items).toBeNull();
		expect(failed.error).toBeDefined();
		later(1);
		const next = await trigger.poll();
		expect(next.json.map((j) => [j.lead_id, (j.lead as IDataObject).first_name])).toEqual([
			[14, 'Linda'],
		]);
	});

	test('Fetch Test Event: the latest leads that reached the status', async () => {
		const result = await poll({
			parameters: { event: 'leadStatus', statuses: 'SALE' },
			manual: true,
		});
		expect(result.json.map((j) => [j.lead_id, j.call_status, j.call_day])).toEqual([
			[13, 'SALE', '2026-11-23'],
		]);
		expect(result.nodeStaticData).toEqual({});
	});
});

describe('agents', () => {
	const live = () => state.db.t('vicidial_live_agents');
	test('logged in, status changed, paused too long, logged out: each once', async () => {
		const trigger = active({ event: 'agentState', pausedMinutes: 10 });
		expect((await trigger.poll()).items).toBeNull();
		expect(sent('logged_in_agents')).toEqual([
			expect.objectContaining({ show_sub_status: 'YES', stage: 'pipe', header: 'NO' }),
		]);

		later(1);
		live().update(
			live().find((r) => r.user === '1003')!,
			{ status: 'PAUSED', lead_id: 0 },
			fmt(now),
		);
		const changed = await trigger.poll();
		expect(changed.json).toEqual([
			expect.objectContaining({
				event: 'agentState',
				change: 'statusChanged',
				user: '1003',
				previous_status: 'INCALL',
				status: 'PAUSED',
				since: '2026-11-23 14:01:00',
				since_iso: '2026-11-23T14:01:00+00:00',
				campaign_id: 'TESTCAMP',
				full_name: 'Agent Three',
			}),
		]);

		later(5);
		live().insert(
			{
				user: '1002',
				server_ip: '127.0.0.1',
				conf_exten: '8600052',
				extension: 'SIP/1002',
				status: 'READY',
				campaign_id: 'TESTCAMP',
				user_level: 1,
				last_update_time: fmt(now),
			},
			fmt(now),
		);
		expect((await trigger.poll()).json).toEqual([
			expect.objectContaining({
				change: 'loggedIn',
				user: '1002',
				status: 'READY',
				previous_status: '',
			}),
		]);

		// 1001 was paused at activation (14:00), 1003 since 14:01: ten minutes later, one alert each
		at('2026-11-23 14:10:30');
		expect((await trigger.poll()).json.map((j) => [j.change, j.user])).toEqual([
			['pausedTooLong', '1001'],
		]);
		at('2026-11-23 14:11:30');
		expect((await trigger.poll()).json.map((j) => [j.change, j.user])).toEqual([
			['pausedTooLong', '1003'],
		]);
		later(5);
		expect((await trigger.poll()).items).toBeNull();

		live().delete((r) => r.user === '1002');
		later(1);
		expect((await trigger.poll()).json).toEqual([
			{
				event: 'agentState',
				user: '1002',
				change: 'loggedOut',
				status: '',
				previous_status: 'READY',
				since: '',
				since_iso: '',
			},
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('Fetch Test Event: the agents logged in now, without storing anything', async () => {
		const result = await poll({ parameters: { event: 'agentState' }, manual: true });
		expect(result.json.map((j) => [j.change, j.user, j.status])).toEqual([
			['current', '1001', 'PAUSED'],
			['current', '1003', 'INCALL'],
		]);
		expect(result.nodeStaticData).toEqual({});
		live().delete(() => true);
		const none = await poll({ parameters: { event: 'agentState' }, manual: true });
		expect(none.error?.message).toBe('No agent is logged in to VICIdial right now');
	});

	test('only the chosen changes are emitted', async () => {
		const trigger = active({ event: 'agentState', changes: ['loggedOut'] });
		await trigger.poll();
		later(1);
		live().update(live().find((r) => r.user === '1003')!, { status: 'READY' }, fmt(now));
		expect((await trigger.poll()).items).toBeNull();
		live().delete((r) => r.user === '1003');
		later(1);
		expect((await trigger.poll()).json.map((j) => [j.change, j.user])).toEqual([
			['loggedOut', '1003'],
		]);
	});
});

describe('thresholds', () => {
	let call = 0;
	const waiting = (n: number) => {
		state.db.t('vicidial_auto_calls').delete((r) => r.campaign_id === 'TESTIN');
		for (let i = 0; i < n; i++) {
			call++;
			state.db.t('vicidial_auto_calls').insert(
				{
					server_ip: '127.0.0.1',
					campaign_id: 'TESTIN',
					status: 'LIVE',
					call_type: 'IN',
					lead_id: 11,
					uniqueid: `2000${call}.1`,
					callerid: `Y${call}`,
					phone_number: '3125550111',
					call_time: fmt(now),
					stage: 'LIVE',
				},
				fmt(now),
			);
		}
	};

	test('queue over N fires once on crossing, again only after it came back', async () => {
		const trigger = active({ event: 'queueThreshold', inGroups: ['TESTIN'], threshold: 2 });
		waiting(3);
		expect((await trigger.poll()).items).toBeNull(); // over at activation: only remembered
		expect(sent('in_group_status')).toEqual([
			expect.objectContaining({ in_groups: 'TESTIN', stage: 'pipe', header: 'NO' }),
		]);
		waiting(1);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		waiting(3);
		later(1);
		const over = await trigger.poll();
		expect(over.json).toEqual([
			{
				event: 'queueThreshold',
				in_group: 'TESTIN',
				in_groups: 'TESTIN',
				total_calls: 3,
				calls_waiting: 3,
				agents_logged_in: 2,
				agents_in_calls: 1,
				agents_waiting: 0,
				agents_paused: 1,
				agents_in_dispo: 0,
				agents_in_dial: 0,
				value: 3,
				threshold: 2,
				rearm_level: 2,
				time: '2026-11-23 14:02:00',
				time_iso: '2026-11-23T14:02:00+00:00',
			},
		]);
		waiting(5);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		waiting(2); // back at N: re-armed
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		waiting(4);
		later(1);
		expect((await trigger.poll()).json.map((j) => j.value)).toEqual([4]);
	});

	test('re-arm level: the queue must fall to it before firing again', async () => {
		const trigger = active({ event: 'queueThreshold', inGroups: 'TESTIN', threshold: 2, rearm: 0 });
		waiting(0);
		await trigger.poll();
		waiting(3);
		later(1);
		expect((await trigger.poll()).json.map((j) => j.value)).toEqual([3]);
		waiting(1);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		waiting(3);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		waiting(0);
		later(1);
		await trigger.poll();
		waiting(3);
		later(1);
		expect((await trigger.poll()).json.map((j) => j.value)).toEqual([3]);
	});

	test('Fetch Test Event: the current level, whether over the threshold or not', async () => {
		waiting(1);
		const result = await poll({
			parameters: { event: 'queueThreshold', inGroups: 'TESTIN', threshold: 5 },
			manual: true,
		});
		expect(result.json).toEqual([
			expect.objectContaining({
				event: 'queueThreshold',
				in_group: 'TESTIN',
				calls_waiting: 1,
				value: 1,
				threshold: 5,
			}),
		]);
		expect(result.nodeStaticData).toEqual({});
	});

	test('hopper below N fires once, again only after it was refilled', async () => {
		const hopper = () => state.db.t('vicidial_hopper');
		const trigger = active({
			event: 'hopperLow',
			hopperCampaignId: 'TESTCAMP',
			hopperThreshold: 2,
		});
		expect((await trigger.poll()).items).toBeNull(); // 2 leads: not below 2
		expect(sent('hopper_list')).toEqual([
			expect.objectContaining({ campaign_id: 'TESTCAMP', stage: 'pipe', header: 'NO' }),
		]);
		hopper().delete((r) => r.lead_id === '15');
		later(1);
		expect((await trigger.poll()).json).toEqual([
			{
				event: 'hopperLow',
				campaign_id: 'TESTCAMP',
				leads_in_hopper: 1,
				value: 1,
				threshold: 2,
				rearm_level: 2,
				time: '2026-11-23 14:01:00',
				time_iso: '2026-11-23T14:01:00+00:00',
			},
		]);
		hopper().delete(() => true); // empty: VICIdial answers with an error, read as 0
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		for (const lead of [12, 13])
			hopper().insert(
				{
					lead_id: lead,
					campaign_id: 'TESTCAMP',
					status: 'READY',
					list_id: 101,
					gmt_offset_now: '0.00',
					source: 'S',
				},
				fmt(now),
			);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
		hopper().delete((r) => r.lead_id === '13');
		later(1);
		expect((await trigger.poll()).json.map((j) => j.value)).toEqual([1]);
	});
});

describe('all recordings (no agents, no lead)', () => {
	const allRecordings = { event: 'newRecording' };
	/** recording_lookup's users and days, in order. */
	const lookups = () => sent('recording_lookup').map((p) => `${p.agent_user} ${p.date}`);
	const windows = () =>
		sent('agent_stats_export').map((p) => `${p.datetime_start} - ${p.datetime_end}`);

	test('the users of the agent log, a logged-out agent too, then VDAD, then the extra users: one lookup each per day, every recording once', async () => {
		const trigger = active({ ...allRecordings, extraUsers: 'GATEWAY' });
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		// one agent_stats_export per day read, from noon the day before; the answer's time format and shape fixed
		expect(sent('agent_stats_export')).toEqual([
			{
				function: 'agent_stats_export',
				user: '6666',
				pass: '1234',
				source: 'n8n',
				datetime_start: '2026-11-22 12:00:00',
				datetime_end: '2026-11-23 23:59:59',
				stage: 'pipe',
				time_format: 'S',
			},
		]);
		expect(lookups()).toEqual([
			'1001 2026-11-23',
			'1003 2026-11-23',
			'VDAD 2026-11-23',
			'GATEWAY 2026-11-23',
		]);
		expect(sent('recording_lookup')[0]).toEqual(
			expect.objectContaining({ duration: 'Y', stage: 'pipe' }),
		);

		// agent 1002 logs in, records a call and logs out before the next poll (never seen logged in);
		// the dialer records a call before any agent is on it (VDAD); the recording gateway records one;
		// a DID records a call under its own number, which nobody named: not found (the documented limit)
		later(2);
		addAgentLog('1002', '2026-11-23 14:01:00', 14);
		addRecording(3, '2026-11-23 14:01:30', '1002', 14);
		addRecording(4, '2026-11-23 14:01:40', 'GATEWAY', 11);
		addRecording(5, '2026-11-23 14:01:20', 'VDAD', 11);
		addRecording(6, '2026-11-23 14:01:50', '1001', 13);
		addRecording(7, '2026-11-23 14:01:55', '3125550100', 0);
		sim.requests.length = 0;
		const second = await trigger.poll();
		expect(second.json.map((j) => [j.recording_id, j.user, j.start_time])).toEqual([
			[5, 'VDAD', '2026-11-23 14:01:20'],
			[3, '1002', '2026-11-23 14:01:30'],
			[4, 'GATEWAY', '2026-11-23 14:01:40'],
			[6, '1001', '2026-11-23 14:01:50'],
		]);
		expect(lookups()).toEqual([
			'1001 2026-11-23',
			'1002 2026-11-23',
			'1003 2026-11-23',
			'VDAD 2026-11-23',
			'GATEWAY 2026-11-23',
		]);
		// cost of this poll: version (which also gives the offset), agent_stats_export, one lookup per user
		expect(sim.requests.map((r) => r.params.function)).toEqual([
			'version',
			'agent_stats_export',
			...Array(5).fill('recording_lookup'),
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('the stored state of workflows saved before Extra Users existed stays valid; setting it starts afresh', async () => {
		const stored = (trigger: ReturnType<typeof active>) =>
			(trigger.staticData['node:VICIdial Trigger'] as { state: IDataObject }).state;
		const agents = active(recordingTrigger);
		await agents.poll();
		// the configuration key the previous version stored
		expect(stored(agents).config).toBe(JSON.stringify(['newRecording', '1001, 1003', '']));
		const withExtra = active({ ...allRecordings, extraUsers: 'GATEWAY' });
		await withExtra.poll();
		expect(stored(withExtra).config).toBe(JSON.stringify(['newRecording', '', '', 'GATEWAY']));
	});

	test('a running recording of the system user is held back, then comes once', async () => {
		const trigger = active(allRecordings);
		await trigger.poll();
		later(1);
		addRecording(3, '2026-11-23 14:00:30', 'VDAD', 11, false);
		expect((await trigger.poll()).items).toBeNull();
		const row = state.db.t('recording_log').find((r) => r.recording_id === '3')!;
		state.db
			.t('recording_log')
			.update(
				row,
				{ location: 'http://127.0.0.1/RECORDINGS/MP3/rec_3-all.mp3', length_in_sec: 45 },
				fmt(now),
			);
		later(1);
		expect((await trigger.poll()).json).toEqual([
			expect.objectContaining({ recording_id: 3, user: 'VDAD', length_in_sec: 45 }),
		]);
	});

	test('midnight: both days read, each with its own users; an agent working since before midnight is found the next day', async () => {
		at('2026-11-24 23:58:00');
		const trigger = active(allRecordings);
		await trigger.poll();
		// the seed's agents worked on the 23rd around 14:00: within the 12 hours before the 24th
		expect(lookups()).toEqual(['1001 2026-11-24', '1003 2026-11-24', 'VDAD 2026-11-24']);
		sim.requests.length = 0;
		// agent 1002 started waiting at 23:50 and took a call recorded just after midnight
		addAgentLog('1002', '2026-11-24 23:50:00', 14);
		addRecording(3, '2026-11-24 23:59:10', 'VDAD', 11);
		at('2026-11-25 00:03:00');
		addRecording(4, '2026-11-25 00:01:00', '1002', 14);
		expect((await trigger.poll()).json.map((j) => [j.recording_id, j.user])).toEqual([
			[3, 'VDAD'],
			[4, '1002'],
		]);
		expect(windows()).toEqual([
			'2026-11-23 12:00:00 - 2026-11-24 23:59:59',
			'2026-11-24 12:00:00 - 2026-11-25 23:59:59',
		]);
		// the 24th: the seed's agents and 1002; the 25th: only 1002, from its row before midnight
		expect(lookups()).toEqual([
			'1001 2026-11-24',
			'1002 2026-11-24',
			'1003 2026-11-24',
			'VDAD 2026-11-24',
			'1002 2026-11-25',
			'VDAD 2026-11-25',
		]);
		later(1);
		expect((await trigger.poll()).items).toBeNull();
	});

	test('a day without any activity: agent_stats_export finds nothing, only the system user is asked', async () => {
		at('2026-11-30 09:00:00');
		const trigger = active(allRecordings);
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(windows()).toEqual(['2026-11-29 12:00:00 - 2026-11-30 23:59:59']);
		expect(lookups()).toEqual(['VDAD 2026-11-30']);
		later(5);
		addRecording(3, '2026-11-30 09:02:00', 'VDAD', 11);
		expect((await trigger.poll()).json.map((j) => j.recording_id)).toEqual([3]);
	});

	test('Fetch Test Event over the last days: the seed recording, days without activity cost one lookup', async () => {
		const result = await poll({ parameters: allRecordings, manual: true });
		expect(result.json.map((j) => [j.recording_id, j.user])).toEqual([[1, '1001']]);
		expect(windows()).toHaveLength(8);
		expect(lookups().filter((l) => l.endsWith('2026-11-16'))).toEqual(['VDAD 2026-11-16']);
		expect(lookups().filter((l) => l.endsWith('2026-11-23'))).toEqual([
			'1001 2026-11-23',
			'1003 2026-11-23',
			'VDAD 2026-11-23',
		]);
	});

	test('users recording_lookup cannot search by are skipped; the same user in other case is asked once', async () => {
		addAgentLog('vdad', '2026-11-23 13:00:00');
		addAgentLog('42', '2026-11-23 13:00:00');
		await active(allRecordings).poll();
		expect(lookups()).toEqual(['1001 2026-11-23', '1003 2026-11-23', 'vdad 2026-11-23']);
	});

	test.each([
		['6668', 'agent_stats_export USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |6668|0|'],
		['6667', 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|agent_stats_export|'],
	])(
		'an API user without report rights (%s): a clear error naming what to grant, nothing stored',
		async (user, refusal) => {
			const result = await poll({ parameters: allRecordings, user });
			expect(result.error?.message).toBe(
				`Watching all recordings needs agent_stats_export, which VICIdial refused: ERROR: ${refusal}`,
			);
			expect((result.error as { description?: string }).description).toBe(
				'To find who has recordings, the trigger reads the agent log with agent_stats_export: the API user needs "View Reports", user level 7 or higher, and agent_stats_export (or ALL_FUNCTIONS) in "API Allowed Functions". Or fill in "Agents" or "Lead ID".',
			);
			expect(sent('recording_lookup')).toEqual([]);
			expect(result.staticData).toEqual({});
		},
	);
});

describe('errors', () => {
	test('a wrong password: a clear login error, the password nowhere in it', async () => {
		const result = await poll({ parameters: didTrigger, password: 'Wr0ngSecret#77' });
		expect(result.items).toBeNull();
		expect(result.error?.message).toMatch(/login|password|Invalid Username/i);
		const text = JSON.stringify({
			message: result.error?.message,
			description: (result.error as { description?: string }).description,
		});
		expect(text).not.toContain('Wr0ngSecret#77');
		expect(result.staticData).toEqual({});
	});

	test('a user without report rights: the permission error', async () => {
		const result = await poll({ parameters: didTrigger, user: '6668' });
		expect(result.error?.message).toMatch(/USER DOES NOT HAVE PERMISSION TO GET DID INFO/);
	});

	test('an unreachable server', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const result = await poll({ parameters: didTrigger, url: `http://127.0.0.1:${port}` });
		expect(result.error?.message).toMatch(/refused|reach|connect/i);
	});

	test.each([
		[
			{ event: 'newRecording', agentUser: '1001, x' },
			'"Agents" must be user IDs of 3 to 20 letters or digits, got "x"',
		],
		[
			{ event: 'newRecording', extraUsers: 'GATEWAY, a.b' },
			'"Extra Users" must be user IDs of 3 to 20 letters or digits, got "a.b"',
		],
		[{ event: 'newRecording', leadId: '12a' }, '"Lead ID" must be a number, got "12a"'],
		[{ event: 'didCall', did: '' }, '"DID" is required'],
		[
			{ event: 'numberCall', phoneNumbers: '312, 3125550113' },
			'"Phone Numbers" must be 4 to 18 digits each, got "312"',
		],
		[
			{ event: 'leadStatus', statuses: 'SALE, BAD STATUS!' },
			'"Statuses" must be status codes of 1 to 6 letters or digits, got "STATUS!"',
		],
		[{ event: 'queueThreshold', inGroups: ' ' }, '"In-Group Names or IDs" is required'],
		[
			{ event: 'hopperLow', hopperCampaignId: 'TEST;CAMP' },
			'"Campaign Name or ID" must be VICIdial IDs (letters, digits, - and _), got "TEST;CAMP"',
		],
		[
			{ event: 'agentState', campaigns: "TESTCAMP, O'NEIL" },
			'"Campaign Names or IDs" must be VICIdial IDs (letters, digits, - and _), got "O\'NEIL"',
		],
	])('bad settings are refused before anything is sent: %j', async (parameters, message) => {
		const result = await poll({ parameters });
		expect(result.error?.message).toBe(message);
		expect(sim.requests).toEqual([]);
	});
});

describe('dropdowns', () => {
	test('campaigns and in-groups are listed from the server, like in the VICIdial node', async () => {
		const common = {
			nodeType: node,
			credentialTypes: [new VicidialApi()],
			credentials: {
				vicidialApi: { serverUrl: sim.url, apiUser: '6666', password: '1234', source: 'n8n' },
			},
		};
		const campaigns = await loadOptions({
			...common,
			method: 'campaigns',
			parameters: { event: 'hopperLow' } as never,
		});
		expect(campaigns.map((o) => o.value)).toEqual(['TESTCAMP']);
		const inGroups = await loadOptions({
			...common,
			method: 'inGroups',
			parameters: { event: 'queueThreshold' } as never,
		});
		expect(inGroups.map((o) => o.value)).toContain('TESTIN');
	});
});
