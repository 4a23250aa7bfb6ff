/**
 * The VICIdial Trigger against the genuine VICIdial server (when VICIDIAL_REAL_URL is set; the
 * simulator tests in vicidialTrigger.test.ts drive the clock, this one runs in real time): Fetch
 * Test Event finds the seed's real events, activation emits nothing, and rows the dialer would
 * write (put straight into its database) come out once.
 */
import type { IDataObject } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { pollOnce } from '../helpers/n8n';
import { sql } from '../simulator/nonAgent/leadInfo/fixtures';
import { realServerUrl, startTarget } from '../support/targets';
import type { Target } from '../support/targets';

const describeReal = realServerUrl ? describe : describe.skip;
const node = new VicidialTrigger();
let target: Target;

async function poll(parameters: IDataObject, staticData: IDataObject = {}, manual = false) {
	const result = await pollOnce({
		nodeType: node,
		credentialTypes: [new VicidialApi()],
		credentials: { vicidialApi: { serverUrl: target.url, apiUser: '6666', password: '1234', source: 'n8n' } },
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
		expect(recordings.json.map((j) => [j.recording_id, j.user, j.lead_id, j.length_in_sec])).toEqual([[1, '1001', 13, 95]]);

		const sales = await poll({ event: 'leadStatus', statuses: 'SALE' }, {}, true);
		expect(sales.json.map((j) => [j.lead_id, j.call_status, j.first_name])).toEqual([[13, 'SALE', 'Robert']]);

		const agents = await poll({ event: 'agentState' }, {}, true);
		expect(agents.json.map((j) => [j.user, j.status, j.pause_code])).toEqual([
			['1001', 'PAUSED', 'BREAK'],
			['1003', 'INCALL', ''],
		]);

		const hopper = await poll({ event: 'hopperLow', hopperCampaignId: 'TESTCAMP', hopperThreshold: 10 }, {}, true);
		expect(hopper.json).toEqual([expect.objectContaining({ campaign_id: 'TESTCAMP', leads_in_hopper: 2, value: 2, threshold: 10 })]);

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
		expect(sale.json.map((j) => [j.lead_id, j.status, j.last_name])).toEqual([[14, 'SALE', 'Davis']]);
		expect((await poll({ event: 'didCall', did: '3125550100' }, did.staticData)).items).toBeNull();
		expect((await poll({ event: 'leadStatus', statuses: 'SALE' }, sale.staticData)).items).toBeNull();
	});
});
