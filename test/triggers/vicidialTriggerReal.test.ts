/**
 * The VICIdial Trigger against the genuine VICIdial server (when VICIDIAL_REAL_URL is set; the
 * simulator tests in vicidialTrigger.test.ts drive the clock, this one runs in real time): Fetch
 * Test Event finds the seed's real events, activation emits nothing, and rows the dialer would
 * write (put straight into its database) come out once.
 */
import type { IDataObject } from 'n8n-workflow';
import { buildForm } from '../../nodes/shared/params';
import { entryOf } from '../../nodes/shared/functions';
import { requestValues } from '../../nodes/VicidialTrigger/events';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { pollOnce } from '../helpers/n8n';
import { sql } from '../simulator/nonAgent/leadInfo/fixtures';
import { realServerUrl, startTarget } from '../support/targets';
import type { Target } from '../support/targets';
import type { SimState } from '../simulator/state';

const describeReal = realServerUrl ? describe : describe.skip;
const node = new VicidialTrigger();
let target: Target;

async function poll(parameters: IDataObject, staticData: IDataObject = {}, manual = false) {
	const result = await pollOnce({
		nodeType: node,
		credentialTypes: [new VicidialApi()],
		credentials: {
			vicidialApi: { serverUrl: target.url, apiUser: '6666', password: '1234', source: 'n8n' },
		},
		parameters: parameters as never,
		staticData,
		mode: manual ? 'manual' : 'trigger',
	});
	return { ...result, json: (result.items?.[0] ?? []).map((i) => i.json) };
}

describeReal('VICIdial Trigger against the real server', () => {
	beforeAll(async () => {
		target = await startTarget('real VICIdial');
	});
	beforeEach(() => target.reset());

	test('Fetch Test Event returns the real events of the seed', async () => {
		const did = await poll({ event: 'didCall', did: '3125550100' }, {}, true);
		expect(did.error).toBeUndefined();
		expect(did.json.map((j) => [j.caller_id_number, j.length_in_sec])).toEqual([
			['3125550115', 60],
			['3125550111', 30],
		]);
		expect(did.json[0].call_date_iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);

		// recording 2 is still running: not an event yet
		const recordings = await poll({ event: 'newRecording', agentUser: '1001, 1003' }, {}, true);
		expect(
			recordings.json.map((j) => [j.recording_id, j.user, j.lead_id, j.length_in_sec]),
		).toEqual([[1, '1001', 13, 95]]);

		const sales = await poll({ event: 'leadStatus', statuses: 'SALE' }, {}, true);
		expect(sales.json.map((j) => [j.lead_id, j.call_status, j.first_name])).toEqual([
			[13, 'SALE', 'Robert'],
		]);

		const agents = await poll({ event: 'agentState' }, {}, true);
		expect(agents.json.map((j) => [j.user, j.status, j.pause_code])).toEqual([
			['1001', 'PAUSED', 'BREAK'],
			['1003', 'INCALL', ''],
		]);

		const hopper = await poll(
			{ event: 'hopperLow', hopperCampaignId: 'TESTCAMP', hopperThreshold: 10 },
			{},
			true,
		);
		expect(hopper.json).toEqual([
			expect.objectContaining({
				campaign_id: 'TESTCAMP',
				leads_in_hopper: 2,
				value: 2,
				threshold: 10,
			}),
		]);

		const none = await poll({ event: 'numberCall', phoneNumbers: '3125550177' }, {}, true);
		expect(none.error?.message).toBe('No such event in the last 7 days on VICIdial');
	});

	test('activation emits nothing; a DID call and a sale the dialer logs come once', async () => {
		const didActivation = await poll({ event: 'didCall', did: '3125550100' });
		const saleActivation = await poll({ event: 'leadStatus', statuses: 'SALE' });
		expect([didActivation.items, saleActivation.items]).toEqual([null, null]);
		sql(
			[
				"INSERT INTO vicidial_did_log (uniqueid,channel,server_ip,caller_id_number,caller_id_name,extension,call_date,did_id,did_route) VALUES ('1800000001.1','SIP/carrier-1','127.0.0.1','3125550177','NEW CALLER','3125550100',NOW(),2,'IN_GROUP');",
				"INSERT INTO vicidial_log (uniqueid,lead_id,list_id,campaign_id,call_date,start_epoch,length_in_sec,status,phone_code,phone_number,user,term_reason) VALUES ('2100000001.1',14,101,'TESTCAMP',NOW(),UNIX_TIMESTAMP(),60,'SALE','1','3125550114','1003','AGENT');",
				"UPDATE vicidial_list SET status='SALE', last_local_call_time=NOW() WHERE lead_id=14;",
			].join('\n'),
		);
		const did = await poll({ event: 'didCall', did: '3125550100' }, didActivation.staticData);
		expect(did.json.map((j) => j.caller_id_number)).toEqual(['3125550177']);
		const sale = await poll({ event: 'leadStatus', statuses: 'SALE' }, saleActivation.staticData);
		expect(sale.json.map((j) => [j.lead_id, j.status, j.last_name])).toEqual([
			[14, 'SALE', 'Davis'],
		]);
		expect((await poll({ event: 'didCall', did: '3125550100' }, did.staticData)).items).toBeNull();
		expect(
			(await poll({ event: 'leadStatus', statuses: 'SALE' }, sale.staticData)).items,
		).toBeNull();
	});

	test('all recordings (no agents, no lead): the seed recording, then a logged-out agent, the dialer (VDAD) and an extra user, once each', async () => {
		const test = await poll({ event: 'newRecording' }, {}, true);
		expect(test.error).toBeUndefined();
		expect(test.json.map((j) => [j.recording_id, j.user, j.lead_id, j.length_in_sec])).toEqual([
			[1, '1001', 13, 95],
		]);

		const all = { event: 'newRecording', extraUsers: 'GATEWAY' };
		const activation = await poll(all);
		expect(activation.error).toBeUndefined();
		expect(activation.items).toBeNull();
		// agent 1002 worked and logged out (never in vicidial_live_agents); the dialer recorded a call
		// before an agent was on it (VDAD); the recording gateway one (GATEWAY)
		sql(
			[
				"INSERT INTO vicidial_agent_log (user,server_ip,event_time,lead_id,campaign_id,pause_epoch,pause_sec,wait_epoch,wait_sec,talk_epoch,talk_sec,dispo_epoch,dispo_sec,user_group,sub_status) VALUES ('1002','127.0.0.1',NOW() - INTERVAL 2 MINUTE,14,'TESTCAMP',UNIX_TIMESTAMP()-120,10,UNIX_TIMESTAMP()-110,20,UNIX_TIMESTAMP()-90,30,UNIX_TIMESTAMP()-60,5,'AGENTS','LOGIN');",
				"INSERT INTO recording_log (channel,server_ip,extension,start_time,start_epoch,end_time,end_epoch,length_in_sec,length_in_min,filename,location,lead_id,user,vicidial_id) VALUES ('SIP/8302-1','127.0.0.1','8302',NOW() - INTERVAL 90 SECOND,UNIX_TIMESTAMP()-90,NOW() - INTERVAL 60 SECOND,UNIX_TIMESTAMP()-60,30,0.5,'rec_1002','http://127.0.0.1/RECORDINGS/MP3/rec_1002-all.mp3',14,'1002','1800000003.1');",
				"INSERT INTO recording_log (channel,server_ip,extension,start_time,start_epoch,end_time,end_epoch,length_in_sec,length_in_min,filename,location,lead_id,user,vicidial_id) VALUES ('Local/8600051@default','127.0.0.1','3125550111',NOW() - INTERVAL 30 SECOND,UNIX_TIMESTAMP()-30,NOW(),UNIX_TIMESTAMP(),30,0.5,'rec_vdad','http://127.0.0.1/RECORDINGS/MP3/rec_vdad-all.mp3',11,'VDAD','1800000004.1');",
				"INSERT INTO recording_log (channel,server_ip,extension,start_time,start_epoch,end_time,end_epoch,length_in_sec,length_in_min,filename,location,lead_id,user,vicidial_id) VALUES ('SIP/gw-1','127.0.0.1','gw1',NOW() - INTERVAL 20 SECOND,UNIX_TIMESTAMP()-20,NOW(),UNIX_TIMESTAMP(),20,0.33,'rec_gw','http://127.0.0.1/RECORDINGS/MP3/rec_gw-all.mp3',0,'GATEWAY','G1');",
			].join('\n'),
		);
		const next = await poll(all, activation.staticData);
		expect(next.error).toBeUndefined();
		expect(next.json.map((j) => [j.recording_id, j.user, j.lead_id, j.length_in_sec])).toEqual([
			[3, '1002', 14, 30],
			[4, 'VDAD', 11, 30],
			[5, 'GATEWAY', 0, 20],
		]);
		expect((await poll(all, next.staticData)).items).toBeNull();
	});

	test('all recordings without report rights: the clear error', async () => {
		const result = await pollOnce({
			nodeType: node,
			credentialTypes: [new VicidialApi()],
			credentials: {
				vicidialApi: { serverUrl: target.url, apiUser: '6668', password: '1234', source: 'n8n' },
			},
			parameters: { event: 'newRecording' } as never,
			mode: 'trigger',
		});
		expect(result.error?.message).toBe(
			'Watching all recordings needs agent_stats_export, which VICIdial refused: ERROR: agent_stats_export USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |6668|0|',
		);
	});

	test("agent_stats_export over the trigger's day windows: the simulator answers byte for byte like the real server, at the window edges too", async () => {
		const sim = await startTarget('simulator');
		try {
			// rows just outside and just inside the window of 2026-01-15 (2026-01-14 12:00:00 to 2026-01-15 23:59:59)
			const rows: Array<[string, string]> = [
				['1001', '2026-01-14 11:59:59'],
				['1002', '2026-01-14 12:00:00'],
				['1003', '2026-01-15 23:59:59'],
				['VDAD', '2026-01-16 00:00:00'],
				['1001', '2026-01-15 08:00:00'],
			];
			const epoch = (time: string) => Math.floor(Date.parse(`${time.replace(' ', 'T')}Z`) / 1000);
			sql(
				rows
					.map(
						([user, time]) =>
							`INSERT INTO vicidial_agent_log (user,server_ip,event_time,lead_id,campaign_id,pause_epoch,pause_sec,wait_epoch,wait_sec,talk_epoch,talk_sec,dispo_epoch,dispo_sec,user_group,sub_status) VALUES ('${user}','127.0.0.1','${time}',14,'TESTCAMP',${epoch(time)},10,${epoch(time) + 10},20,${epoch(time) + 30},30,${epoch(time) + 60},5,'AGENTS','LOGIN');`,
					)
					.join('\n'),
			);
			const state = (sim.sim as unknown as { state: SimState }).state;
			for (const [user, time] of rows) {
				const e = epoch(time);
				state.db.t('vicidial_agent_log').insert(
					{
						user,
						server_ip: '127.0.0.1',
						event_time: time,
						lead_id: 14,
						campaign_id: 'TESTCAMP',
						pause_epoch: e,
						pause_sec: 10,
						wait_epoch: e + 10,
						wait_sec: 20,
						talk_epoch: e + 30,
						talk_sec: 30,
						dispo_epoch: e + 60,
						dispo_sec: 5,
						user_group: 'AGENTS',
						sub_status: 'LOGIN',
					},
					'2026-01-16 00:00:00',
				);
			}
			const ask = async (url: string, day: string) => {
				const form = {
					...buildForm(entryOf('nonAgent', 'report', 'agentStats'), requestValues.activeUsers(day)),
					user: '6666',
					pass: '1234',
					source: 'test',
				};
				const response = await fetch(`${url}/vicidial/non_agent_api.php`, {
					method: 'POST',
					body: new URLSearchParams(form),
				});
				return `${response.status} ${await response.text()}`;
			};
			const answers: string[] = [];
			for (const day of ['2026-01-15', '2026-01-16', '2026-01-17', '2026-01-14', '2026-01-13']) {
				const real = await ask(target.url, day);
				expect(await ask(sim.url, day)).toBe(real);
				answers.push(
					real.includes('NO RECORDS FOUND')
						? 'none'
						: real
								.slice(4)
								.trim()
								.split('\n')
								.map((line) => line.split('|')[0])
								.join(' '),
				);
			}
			// the users in each window (the real server's answers)
			expect(answers).toEqual(['1001 1002 1003', '1003 VDAD', 'none', '1001 1002', 'none']);
		} finally {
			await sim.close();
		}
	});
});
