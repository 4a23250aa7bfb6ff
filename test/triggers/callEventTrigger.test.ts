/**
 * The VICIdial Call Event Trigger through n8n-core's WebhookContext: requests built the way
 * VICIdial builds them from the URL the node gives, the token and IP checks, GET and POST.
 */
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { buildCallUrl, parseAllowList, ipAllowed, TOKEN_PARAMETER } from '../../nodes/VicidialCallEventTrigger/callEvents';
import { callWebhook } from '../helpers/n8n';

const TOKEN = 'Zq7uV2mK9pX4rT8wLs3d';
const WEBHOOK_URL = 'http://localhost:5678/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial';

/** Fills a call URL like VICIdial: known variables URL-encoded (spaces as +), unknown ones left as they are. */
function fillLikeVicidial(url: string, values: Record<string, string>): string {
	expect(url.startsWith('VAR')).toBe(true);
	return url.slice(3).replace(/--A--([A-Za-z0-9_]+)--B--/g, (placeholder, name: string) =>
		name in values ? encodeURIComponent(values[name]).replace(/%20/g, '+') : placeholder,
	);
}

const node = new VicidialCallEventTrigger();
async function send(parameters: Record<string, unknown>, filledUrl: string, extra: Partial<Parameters<typeof callWebhook>[0]> = {}) {
	const rawQuery = filledUrl.split('?')[1] ?? '';
	return await callWebhook({ nodeType: node, parameters: { token: TOKEN, ...parameters } as never, rawQuery, ...extra });
}

describe('VICIdial Call Event Trigger', () => {
	test('the generated URL, filled in by VICIdial, comes back as the same typed fields', async () => {
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, ['lead_id', 'dispo', 'talk_time', 'phone_number', 'user', 'campaign', 'comments', 'recording_id', 'gmt_offset_now', 'favorite_color']);
		expect(url).toBe(
			`VAR${WEBHOOK_URL}?${TOKEN_PARAMETER}=${TOKEN}&lead_id=--A--lead_id--B--&dispo=--A--dispo--B--&talk_time=--A--talk_time--B--&phone_number=--A--phone_number--B--&user=--A--user--B--&campaign=--A--campaign--B--&comments=--A--comments--B--&recording_id=--A--recording_id--B--&gmt_offset_now=--A--gmt_offset_now--B--&favorite_color=--A--favorite_color--B--`,
		);
		const filled = fillLikeVicidial(url, {
			lead_id: '13',
			dispo: 'SALE',
			talk_time: '95',
			phone_number: '3125550113',
			user: '1001',
			campaign: 'TESTCAMP',
			comments: 'call back after 5 & ask for Bob + Ann',
			recording_id: '1',
			gmt_offset_now: '-5.00',
			favorite_color: 'dark blue',
		});
		const result = await send(
			{ event: 'dispo', fields: ['lead_id', 'dispo', 'talk_time', 'phone_number', 'user', 'campaign', 'comments', 'recording_id', 'gmt_offset_now'], customFields: 'favorite_color' },
			filled,
		);
		expect(result.sent).toBeUndefined();
		expect(result.response.webhookResponse).toBe('OK');
		const [item] = result.response.workflowData![0];
		expect(item.json).toEqual({
			call_event: 'dispo',
			lead_id: 13,
			dispo: 'SALE',
			talk_time: 95,
			phone_number: '3125550113',
			user: '1001',
			campaign: 'TESTCAMP',
			comments: 'call back after 5 & ask for Bob + Ann',
			recording_id: 1,
			gmt_offset_now: -5,
			favorite_color: 'dark blue',
			received_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			method: 'GET',
		});
		expect(JSON.stringify(item.json)).not.toContain(TOKEN);
	});

	test('placeholders VICIdial did not fill are left out and listed; empty numbers become null', async () => {
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, ['lead_id', 'dispo', 'recording_id', 'call_notes']);
		const filled = fillLikeVicidial(url, { lead_id: '12', dispo: '', call_notes: '' }).replace('recording_id=--A--recording_id--B--', 'recording_id=');
		const result = await send({ event: 'dispo', fields: ['lead_id', 'dispo', 'recording_id', 'call_notes'] }, filled.replace('call_notes=', 'call_notes=--A--call_notes--B--'));
		const [item] = result.response.workflowData![0];
		expect(item.json).toMatchObject({ lead_id: 12, dispo: '', recording_id: null, unfilled_fields: ['call_notes'] });
		expect(item.json).not.toHaveProperty('call_notes');
	});

	test("the event's usual fields are used when none are chosen", async () => {
		const result = await send({ event: 'agentEvent' }, `${WEBHOOK_URL}?${TOKEN_PARAMETER}=${TOKEN}&user=1001&event=state_paused&message=PAUSED&lead_id=0&counter=7&extra=ignored`);
		expect(result.response.workflowData![0][0].json).toMatchObject({ call_event: 'agentEvent', event: 'state_paused', user: '1001', message: 'PAUSED', lead_id: 0, counter: 7 });
		expect(result.response.workflowData![0][0].json).not.toHaveProperty('extra');
	});

	test('POST form bodies work too; the query string wins over the body', async () => {
		const result = await callWebhook({
			nodeType: node,
			webhookName: 'setup',
			method: 'POST',
			parameters: { token: TOKEN, event: 'start', fields: ['lead_id', 'phone_number'] } as never,
			rawQuery: `${TOKEN_PARAMETER}=${TOKEN}&lead_id=11`,
			rawBody: 'lead_id=99&phone_number=3125550111',
		});
		expect(result.response.workflowData![0][0].json).toMatchObject({ call_event: 'start', lead_id: 11, phone_number: '3125550111', method: 'POST' });
	});

	test.each([
		['no token', `lead_id=1`],
		['a wrong token', `${TOKEN_PARAMETER}=${TOKEN.slice(0, -1)}X&lead_id=1`],
		['the token twice, one wrong', `${TOKEN_PARAMETER}=wrong&${TOKEN_PARAMETER}=${TOKEN}&lead_id=1`],
	])('%s: 401, nothing started, nothing revealed', async (_name, rawQuery) => {
		const result = await callWebhook({ nodeType: node, parameters: { token: TOKEN, event: 'dispo' } as never, rawQuery });
		expect(result.sent).toEqual({ status: 401, body: 'Unauthorized', contentType: 'text/plain' });
		expect(result.response).toEqual({ noWebhookResponse: true });
	});

	test('a node without a proper token refuses every request', async () => {
		const result = await callWebhook({ nodeType: node, parameters: { token: 'short', event: 'dispo' } as never, rawQuery: `${TOKEN_PARAMETER}=short` });
		expect(result.sent?.status).toBe(401);
	});

	test('an address outside the allow-list gets 403 even with the right token; one inside passes', async () => {
		const parameters = { token: TOKEN, event: 'dispo', options: { allowedIps: '10.1.0.0/16, 2001:db8::/32' } } as never;
		const rawQuery = `${TOKEN_PARAMETER}=${TOKEN}&lead_id=5`;
		const refused = await callWebhook({ nodeType: node, parameters, rawQuery, ip: '10.2.0.1' });
		expect(refused.sent).toEqual({ status: 403, body: 'Forbidden', contentType: 'text/plain' });
		expect(refused.response.workflowData).toBeUndefined();
		for (const ip of ['10.1.200.3', '::ffff:10.1.0.9', '2001:db8:0:1::5']) {
			const allowed = await callWebhook({ nodeType: node, parameters, rawQuery, ip });
			expect(allowed.response.workflowData![0][0].json.lead_id).toBe(5);
		}
	});

	test('allow-list parsing: single addresses, CIDR, IPv6; junk refused', () => {
		const rules = parseAllowList('192.168.1.5 ,10.0.0.0/8\n::1');
		expect(ipAllowed('192.168.1.5', rules)).toBe(true);
		expect(ipAllowed('192.168.1.6', rules)).toBe(false);
		expect(ipAllowed('10.255.1.1', rules)).toBe(true);
		expect(ipAllowed('::1', rules)).toBe(true);
		expect(ipAllowed(undefined, rules)).toBe(false);
		expect(ipAllowed('anything', [])).toBe(true);
		expect(() => parseAllowList('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an IP address or CIDR range');
		expect(() => parseAllowList('example.com')).toThrow(/not an IP address/);
	});
});
