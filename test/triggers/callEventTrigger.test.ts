/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The VICIdial Call Event Trigger through n8n-core's WebhookContext: for every event, a request
 * built from the URL the node gives the way VICIdial builds it (see the fillers below), the token
 * and IP checks, GET and POST, the URL shown in the editor and the field list per event.
 */
import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import {
	agentPushPrefix,
	buildCallUrl,
	CALL_EVENTS,
	effectiveToken,
	callEventEntry,
	ipAllowed,
	parseAllowList,
	TOKEN_PARAMETER,
} from '../../nodes/VicidialCallEventTrigger/callEvents';
import type { CallEventName } from '../../nodes/VicidialCallEventTrigger/callEvents';
import { callWebhook, defaultTypeName, ensureN8nRuntime, loadOptions } from '../helpers/n8n';

const TOKEN = 'Zq7uV2mK9pX4rT8wLs3d';
const WEBHOOK_URL = 'http://localhost:5678/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial';
const HTTPS_WEBHOOK_URL =
	'https://n8n.example.com/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial';

// ---- how VICIdial fills a call URL (modelled on its public source, VICIdial 2.14) ----------------

/** PHP's urlencode: everything but letters, digits and - _ . is %XX; a space is +. */
const phpUrlencode = (value: string) =>
	encodeURIComponent(value)
		.replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');

const placeholder = (name: string, flags = 'gi') => new RegExp(`--A--${name}--B--`, flags);

/** Start, Dispo, Dead Call, Pause-Max URLs (web server PHP): VAR removed, values trimmed and URL-encoded. */
function fillLikePhp(url: string, values: Record<string, string>): string {
	let out = url.replace(/^VAR/, '');
	for (const [name, value] of Object.entries(values)) {
		let encoded = phpUrlencode(value.trim());
		if (name === 'dispo_name') encoded = phpUrlencode(encoded); // VICIdial encodes this one twice
		if (name === 'call_notes' && value.trim().length < 2) encoded = phpUrlencode(' '); // empty notes go out as one space
		out = out.replace(placeholder(name), () => encoded);
	}
	return out;
}

/** No-Agent and Add Lead URLs (Perl through wget): VAR removed, values put in as they are, spaces as +. */
function fillLikePerl(url: string, values: Record<string, string>): string {
	let out = url.replace(/^VAR/i, '');
	for (const [name, value] of Object.entries(values))
		out = out.replace(placeholder(name), () => value);
	return out.replace(/ /g, '+');
}

/**
 * Agent screen events: the browser fills the Agent Push URL (whitespace as +, some signs such as :
 * and # stripped) and posts its query to get2post.php on the VICIdial web server; get2post.php
 * takes what follows HTTP(S)URLTOPOST= from the decoded form fields and posts its query part, as
 * it is, to that address.
 */
function postLikeAgentScreen(
	url: string,
	values: Record<string, string>,
): { script: string; page: string; body: string } {
	let filled = url;
	for (const [name, value] of Object.entries(values))
		filled = filled.replace(placeholder(name, 'g'), () => value.replace(/[ \t\n]/g, '+'));
	filled = filled.replace(/[ \t\n]/g, '+').replace(/[`:;#"{}^$\r]/g, '');
	const script = filled.split('?')[0];
	const data = filled.slice(filled.indexOf('?') + 1);
	// get2post.php: PHP decodes the form, then joins key=value again without encoding
	const fields = new Map<string, string>();
	for (const [key, value] of new URLSearchParams(data)) fields.set(key, value);
	const joined = [...fields]
		.map(([key, value]) => `${key}=${value}`.replace(/['"\\]/g, ''))
		.join('&');
	const https = joined.includes('HTTPSURLTOPOST=');
	const postUrl = `${https ? 'https' : 'http'}://${joined.split(https ? 'HTTPSURLTOPOST=' : 'HTTPURLTOPOST=')[1]}`;
	const [page, body] = postUrl.split('?');
	return { script, page, body };
}

const node = new VicidialCallEventTrigger();

/** Sends a GET the way VICIdial's filled URL reads, checking it goes to the webhook. */
async function sendGet(
	parameters: Record<string, unknown>,
	filledUrl: string,
	extra: Partial<Parameters<typeof callWebhook>[0]> = {},
) {
	const [address, rawQuery = ''] = filledUrl.split(/\?(.*)/s);
	expect(address).toBe(WEBHOOK_URL);
	return await callWebhook({
		nodeType: node,
		parameters: { token: TOKEN, ...parameters } as never,
		rawQuery,
		...extra,
	});
}

const itemOf = (result: Awaited<ReturnType<typeof callWebhook>>) => {
	expect(result.sent).toBeUndefined();
	expect(result.response.webhookResponse).toBe('OK');
	// what n8n answers VICIdial at once
	expect(result.onReceivedAnswer).toBe('OK');
	expect(result.response.workflowData).toHaveLength(1);
	expect(result.response.workflowData![0]).toHaveLength(1);
	return result.response.workflowData![0][0].json;
};
const RECEIVED = { received_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/) };

describe('VICIdial Call Event Trigger: each event as VICIdial sends it', () => {
	test('Dispo Call URL: the generated URL, filled in by VICIdial, comes back as the same typed fields', async () => {
		const fields = [
			'lead_id',
			'dispo',
			'talk_time',
			'phone_number',
			'user',
			'campaign',
			'comments',
			'recording_id',
			'gmt_offset_now',
		];
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, [...fields, 'favorite_color'], 'dispo');
		expect(url).toBe(
			`VAR${WEBHOOK_URL}?${TOKEN_PARAMETER}=${TOKEN}&lead_id=--A--lead_id--B--&dispo=--A--dispo--B--&talk_time=--A--talk_time--B--&phone_number=--A--phone_number--B--&user=--A--user--B--&campaign=--A--campaign--B--&comments=--A--comments--B--&recording_id=--A--recording_id--B--&gmt_offset_now=--A--gmt_offset_now--B--&favorite_color=--A--favorite_color--B--`,
		);
		const filled = fillLikePhp(url, {
			lead_id: '13',
			dispo: 'SALE',
			talk_time: '95',
			phone_number: '3125550113',
			user: '1001',
			campaign: 'TESTCAMP',
			comments: ' call back after 5 & ask for Bob + Ann (50% off) ',
			recording_id: '1',
			gmt_offset_now: '-5.00',
			favorite_color: 'dark blue',
		});
		expect(filled).toContain('comments=call+back+after+5+%26+ask+for+Bob+%2B+Ann+%2850%25+off%29&');
		const item = itemOf(
			await sendGet({ event: 'dispo', fields, customFields: 'favorite_color' }, filled),
		);
		expect(item).toEqual({
			call_event: 'dispo',
			lead_id: 13,
			dispo: 'SALE',
			talk_time: 95,
			phone_number: '3125550113',
			user: '1001',
			campaign: 'TESTCAMP',
			comments: 'call back after 5 & ask for Bob + Ann (50% off)',
			recording_id: 1,
			gmt_offset_now: -5,
			favorite_color: 'dark blue',
			...RECEIVED,
			method: 'GET',
		});
		expect(JSON.stringify(item)).not.toContain(TOKEN);
	});

	test('Dispo Call URL: dispo_name (encoded twice), empty call notes, a callback, no recording, an unknown custom field', async () => {
		const fields = [
			'lead_id',
			'dispo',
			'dispo_name',
			'call_notes',
			'callback_datetime',
			'callback_lead_status',
			'recording_id',
			'term_reason',
			'talk_time_min',
		];
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, [...fields, 'no_such_field'], 'dispo');
		const filled = fillLikePhp(url, {
			lead_id: '12',
			dispo: 'CALLBK',
			dispo_name: 'Call Back',
			call_notes: '',
			callback_datetime: '2026-11-24 09:30:00',
			callback_lead_status: 'CALLBK',
			recording_id: '',
			term_reason: 'AGENT',
			talk_time_min: '2',
		});
		expect(filled).toContain('dispo_name=Call%2BBack&');
		expect(filled).toContain('no_such_field=--A--no_such_field--B--');
		const item = itemOf(
			await sendGet({ event: 'dispo', fields, customFields: 'no_such_field' }, filled),
		);
		expect(item).toEqual({
			call_event: 'dispo',
			lead_id: 12,
			dispo: 'CALLBK',
			dispo_name: 'Call Back',
			call_notes: '',
			callback_datetime: '2026-11-24 09:30:00',
			callback_lead_status: 'CALLBK',
			recording_id: null,
			term_reason: 'AGENT',
			talk_time_min: 2,
			unfilled_fields: ['no_such_field'],
			...RECEIVED,
			method: 'GET',
		});
	});

	test('Start Call URL: lead and call variables and a custom field', async () => {
		const fields = [
			'lead_id',
			'phone_number',
			'user',
			'campaign',
			'group',
			'list_id',
			'first_name',
			'gmt_offset_now',
			'uniqueid',
			'epoch',
			'did_id',
		];
		const filled = fillLikePhp(
			buildCallUrl(WEBHOOK_URL, TOKEN, [...fields, 'appointment_date'], 'start'),
			{
				lead_id: '11',
				phone_number: '3125550111',
				user: '1001',
				campaign: 'TESTCAMP',
				group: 'TESTIN',
				list_id: '101',
				first_name: "Mary-Ann O'Neil",
				gmt_offset_now: '1.00',
				uniqueid: '1763893200.1234',
				epoch: '1763893200',
				did_id: '',
				appointment_date: '2026-12-01 10:00',
			},
		);
		const item = itemOf(
			await sendGet({ event: 'start', fields, customFields: 'appointment_date' }, filled),
		);
		expect(item).toEqual({
			call_event: 'start',
			lead_id: 11,
			phone_number: '3125550111',
			user: '1001',
			campaign: 'TESTCAMP',
			group: 'TESTIN',
			list_id: 101,
			first_name: "Mary-Ann O'Neil",
			gmt_offset_now: 1,
			uniqueid: '1763893200.1234',
			epoch: 1763893200,
			did_id: null,
			appointment_date: '2026-12-01 10:00',
			...RECEIVED,
			method: 'GET',
		});
	});

	test("No-Agent Call URL: the event's usual fields, values sent unencoded (spaces as +)", async () => {
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, callEventEntry('noAgent').defaults, 'noAgent');
		const filled = fillLikePerl(url, {
			lead_id: '13',
			phone_number: '3125550113',
			status: 'DROP',
			campaign: 'TESTCAMP',
			list_id: '101',
			vendor_lead_code: 'VLC 7',
			uniqueid: '1763893200.1234',
			call_id: 'V1123101500000000013',
			SQLdate: '2026-11-23 10:15:00',
		});
		expect(filled).toContain('SQLdate=2026-11-23+10:15:00');
		const item = itemOf(await sendGet({ event: 'noAgent' }, filled));
		expect(item).toEqual({
			call_event: 'noAgent',
			lead_id: 13,
			phone_number: '3125550113',
			status: 'DROP',
			campaign: 'TESTCAMP',
			list_id: 101,
			vendor_lead_code: 'VLC 7',
			uniqueid: '1763893200.1234',
			call_id: 'V1123101500000000013',
			SQLdate: '2026-11-23 10:15:00',
			...RECEIVED,
			method: 'GET',
		});
	});

	test('No-Agent Call URL: a value with & is cut by VICIdial itself (documented limit), the rest still parses', async () => {
		const filled = fillLikePerl(
			buildCallUrl(WEBHOOK_URL, TOKEN, ['lead_id', 'comments', 'status'], 'noAgent'),
			{ lead_id: '14', comments: 'Smith & Sons', status: 'NA' },
		);
		const item = itemOf(
			await sendGet({ event: 'noAgent', fields: ['lead_id', 'comments', 'status'] }, filled),
		);
		expect(item).toEqual({
			call_event: 'noAgent',
			lead_id: 14,
			comments: 'Smith',
			status: 'NA',
			...RECEIVED,
			method: 'GET',
		});
	});

	test('Add Lead URL: DID variables of the in-group call', async () => {
		const filled = fillLikePerl(
			buildCallUrl(WEBHOOK_URL, TOKEN, callEventEntry('addLead').defaults, 'addLead'),
			{
				lead_id: '15',
				vendor_lead_code: '',
				list_id: '998',
				phone_number: '3125550199',
				phone_code: '1',
				did_id: '3',
				did_extension: '3125550000',
				did_pattern: '3125550000',
				did_description: 'Main sales line',
				uniqueid: '1763893300.77',
				call_id: 'Y1123101500000000015',
			},
		);
		const item = itemOf(await sendGet({ event: 'addLead' }, filled));
		expect(item).toEqual({
			call_event: 'addLead',
			lead_id: 15,
			vendor_lead_code: '',
			list_id: 998,
			phone_number: '3125550199',
			phone_code: '1',
			did_id: 3,
			did_extension: '3125550000',
			did_pattern: '3125550000',
			did_description: 'Main sales line',
			uniqueid: '1763893300.77',
			call_id: 'Y1123101500000000015',
			...RECEIVED,
			method: 'GET',
		});
	});

	test('Dead Call Trigger URL: talk and dead time', async () => {
		const filled = fillLikePhp(
			buildCallUrl(WEBHOOK_URL, TOKEN, callEventEntry('deadCall').defaults, 'deadCall'),
			{
				lead_id: '13',
				phone_number: '3125550113',
				user: '1001',
				campaign: 'TESTCAMP',
				list_id: '101',
				uniqueid: '1763893200.1234',
				call_id: 'M1123101500000000013',
				talk_time: '42',
				dead_time: '7',
				epoch: '1763893242',
			},
		);
		const item = itemOf(await sendGet({ event: 'deadCall' }, filled));
		expect(item).toEqual({
			call_event: 'deadCall',
			lead_id: 13,
			phone_number: '3125550113',
			user: '1001',
			campaign: 'TESTCAMP',
			list_id: 101,
			uniqueid: '1763893200.1234',
			call_id: 'M1123101500000000013',
			talk_time: 42,
			dead_time: 7,
			epoch: 1763893242,
			...RECEIVED,
			method: 'GET',
		});
	});

	test('Pause Max URL: agent variables only; a lead variable stays unfilled', async () => {
		const fields = [...callEventEntry('pauseMax').defaults, 'lead_id'];
		const filled = fillLikePhp(buildCallUrl(WEBHOOK_URL, TOKEN, fields, 'pauseMax'), {
			user: '1001',
			fullname: 'Agent One',
			campaign: 'TESTCAMP',
			user_group: 'AGENTS',
			agent_email: 'agent.one@example.com',
			epoch: '1763893500',
		});
		expect(filled).toContain('agent_email=agent.one%40example.com');
		const item = itemOf(await sendGet({ event: 'pauseMax', fields }, filled));
		expect(item).toEqual({
			call_event: 'pauseMax',
			user: '1001',
			fullname: 'Agent One',
			campaign: 'TESTCAMP',
			user_group: 'AGENTS',
			agent_email: 'agent.one@example.com',
			epoch: 1763893500,
			unfilled_fields: ['lead_id'],
			...RECEIVED,
			method: 'GET',
		});
	});

	test('Agent screen event: the get2post URL, posted on by get2post.php as a form, becomes the same fields', async () => {
		const fields = [...callEventEntry('agentEvent').defaults, 'epoch'];
		const url = buildCallUrl(HTTPS_WEBHOOK_URL, TOKEN, fields, 'agentEvent');
		expect(url).toBe(
			`get2post.php?uniqueid=--A--epoch--B--.--A--agent_log_id--B--&type=event&HTTPSURLTOPOST=n8n.example.com/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial?${TOKEN_PARAMETER}=${TOKEN}&user=--A--user--B--&event=--A--event--B--&message=--A--message--B--&lead_id=--A--lead_id--B--&counter=--A--counter--B--&epoch=--A--epoch--B--`,
		);
		const posted = postLikeAgentScreen(url, {
			user: '1001',
			event: 'agent_alert',
			message: 'Dial timed out',
			lead_id: '',
			counter: '12',
			epoch: '1763893600',
			agent_log_id: '55',
		});
		expect(posted.script).toBe('get2post.php');
		expect(posted.page).toBe(HTTPS_WEBHOOK_URL);
		expect(posted.body).toBe(
			`${TOKEN_PARAMETER}=${TOKEN}&user=1001&event=agent_alert&message=Dial timed out&lead_id=&counter=12&epoch=1763893600`,
		);
		const result = await callWebhook({
			nodeType: node,
			webhookName: 'setup',
			method: 'POST',
			parameters: { token: TOKEN, event: 'agentEvent', fields } as never,
			rawBody: posted.body,
		});
		expect(itemOf(result)).toEqual({
			call_event: 'agentEvent',
			user: '1001',
			event: 'agent_alert',
			message: 'Dial timed out',
			lead_id: null,
			counter: 12,
			epoch: 1763893600,
			...RECEIVED,
			method: 'POST',
		});
	});

	test('an http webhook URL makes get2post.php post over http', () => {
		expect(buildCallUrl(WEBHOOK_URL, TOKEN, ['user'], 'agentEvent')).toBe(
			`get2post.php?uniqueid=--A--epoch--B--.--A--agent_log_id--B--&type=event&HTTPURLTOPOST=localhost:5678/webhook/5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/vicidial?${TOKEN_PARAMETER}=${TOKEN}&user=--A--user--B--`,
		);
	});
});

describe('VICIdial Call Event Trigger: requests', () => {
	test('placeholders VICIdial did not fill are left out and listed; empty numbers become null', async () => {
		const url = buildCallUrl(WEBHOOK_URL, TOKEN, [
			'lead_id',
			'dispo',
			'recording_id',
			'call_notes',
		]);
		const filled = url
			.slice(3)
			.replace('--A--lead_id--B--', '12')
			.replace('--A--dispo--B--', '')
			.replace('--A--recording_id--B--', '');
		const item = itemOf(
			await sendGet(
				{ event: 'dispo', fields: ['lead_id', 'dispo', 'recording_id', 'call_notes'] },
				filled,
			),
		);
		expect(item).toEqual({
			call_event: 'dispo',
			lead_id: 12,
			dispo: '',
			recording_id: null,
			unfilled_fields: ['call_notes'],
			...RECEIVED,
			method: 'GET',
		});
	});

	test("with no fields chosen the event's usual ones are read; other parameters are ignored unless the raw request is asked for", async () => {
		const rawQuery = `${TOKEN_PARAMETER}=${TOKEN}&user=1001&event=state_paused&message=PAUSED&lead_id=0&counter=7&extra=ignored&pass=1234`;
		const item = itemOf(
			await callWebhook({
				nodeType: node,
				parameters: { token: TOKEN, event: 'agentEvent' } as never,
				rawQuery,
			}),
		);
		expect(item).toEqual({
			call_event: 'agentEvent',
			user: '1001',
			event: 'state_paused',
			message: 'PAUSED',
			lead_id: 0,
			counter: 7,
			...RECEIVED,
			method: 'GET',
		});
		const withRaw = itemOf(
			await callWebhook({
				nodeType: node,
				parameters: { token: TOKEN, event: 'agentEvent', options: { includeRaw: true } } as never,
				rawQuery,
			}),
		);
		expect(withRaw.raw).toEqual({
			user: '1001',
			event: 'state_paused',
			message: 'PAUSED',
			lead_id: '0',
			counter: '7',
			extra: 'ignored',
		});
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
		expect(itemOf(result)).toEqual({
			call_event: 'start',
			lead_id: 11,
			phone_number: '3125550111',
			...RECEIVED,
			method: 'POST',
		});
	});

	test.each([
		['no token', `lead_id=1`],
		['a wrong token', `${TOKEN_PARAMETER}=${TOKEN.slice(0, -1)}X&lead_id=1`],
		['a token of another length', `${TOKEN_PARAMETER}=${TOKEN}0&lead_id=1`],
		[
			'the token twice, one wrong',
			`${TOKEN_PARAMETER}=wrong&${TOKEN_PARAMETER}=${TOKEN}&lead_id=1`,
		],
		[
			'the token left as a placeholder',
			`${TOKEN_PARAMETER}=--A--${TOKEN_PARAMETER}--B--&lead_id=1`,
		],
	])('%s: 401, nothing started, nothing revealed', async (_name, rawQuery) => {
		const result = await callWebhook({
			nodeType: node,
			parameters: { token: TOKEN, event: 'dispo' } as never,
			rawQuery,
		});
		expect(result.sent).toEqual({ status: 401, body: 'Unauthorized', contentType: 'text/plain' });
		expect(result.response).toEqual({ noWebhookResponse: true });
		expect(result.onReceivedAnswer).toBeUndefined();
	});

	test('a wrong token in a POST body: 401 as well', async () => {
		const result = await callWebhook({
			nodeType: node,
			webhookName: 'setup',
			method: 'POST',
			parameters: { token: TOKEN, event: 'agentEvent' } as never,
			rawBody: `${TOKEN_PARAMETER}=nope&user=1001`,
		});
		expect(result.sent?.status).toBe(401);
		expect(result.response.workflowData).toBeUndefined();
	});

	test('a node without a proper token refuses every request', async () => {
		const result = await callWebhook({
			nodeType: node,
			parameters: { token: 'short', event: 'dispo' } as never,
			rawQuery: `${TOKEN_PARAMETER}=short`,
		});
		expect(result.sent).toEqual({ status: 401, body: 'Unauthorized', contentType: 'text/plain' });
	});

	test('an address outside the allow-list gets 403 even with the right token; one inside passes', async () => {
		const parameters = {
			token: TOKEN,
			event: 'dispo',
			options: { allowedIps: '10.1.0.0/16, 2001:db8::/32' },
		} as never;
		const rawQuery = `${TOKEN_PARAMETER}=${TOKEN}&lead_id=5`;
		for (const ip of ['10.2.0.1', '::ffff:10.2.0.1', '2001:db9::1', '']) {
			const refused = await callWebhook({ nodeType: node, parameters, rawQuery, ip });
			expect(refused.sent).toEqual({ status: 403, body: 'Forbidden', contentType: 'text/plain' });
			expect(refused.response).toEqual({ noWebhookResponse: true });
		}
		for (const ip of ['10.1.200.3', '::ffff:10.1.0.9', '2001:db8:0:1::5']) {
			const allowed = await callWebhook({ nodeType: node, parameters, rawQuery, ip });
			expect(itemOf(allowed).lead_id).toBe(5);
		}
	});

	test('a broken allow-list refuses everything (403) rather than letting everyone in', async () => {
		const result = await callWebhook({
			nodeType: node,
			parameters: {
				token: TOKEN,
				event: 'dispo',
				options: { allowedIps: '10.0.0.0/8, vicidial.example.com' },
			} as never,
			rawQuery: `${TOKEN_PARAMETER}=${TOKEN}&lead_id=5`,
			ip: '10.0.0.1',
		});
		expect(result.sent?.status).toBe(403);
	});

	test('allow-list parsing: single addresses, CIDR, IPv6; junk refused', () => {
		const rules = parseAllowList('192.168.1.5 ,10.0.0.0/8\n::1');
		expect(ipAllowed('192.168.1.5', rules)).toBe(true);
		expect(ipAllowed('192.168.1.6', rules)).toBe(false);
		expect(ipAllowed('10.255.1.1', rules)).toBe(true);
		expect(ipAllowed('::1', rules)).toBe(true);
		expect(ipAllowed(undefined, rules)).toBe(false);
		expect(ipAllowed('anything', [])).toBe(true);
		expect(() => parseAllowList('10.0.0.0/33')).toThrow(
			'"10.0.0.0/33" is not an IP address or CIDR range',
		);
		expect(() => parseAllowList('example.com')).toThrow(/not an IP address/);
	});
});

describe('VICIdial Call Event Trigger: the URL shown in the editor and the field list', () => {
	const shownEntry = node.description.webhooks!.find((w) => w.httpMethod === '')!;
	const NODE_ID = '3f6e2b1c-9d4a-4e8b-a7c5-1b2d3e4f5a6b';
	const WEBHOOK_ID = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
	const BASE = 'http://localhost:5678/webhook';

	/** The URL n8n's "Webhook URLs" panel shows: the shown entry's path evaluated by n8n's own expression engine, as the editor does. */
	function shownUrl(parameters: Record<string, unknown>, nodeId = NODE_ID): string {
		ensureN8nRuntime();
		const typeName = defaultTypeName(node);
		const trigger: INode = {
			id: nodeId,
			name: 'Trigger',
			type: typeName,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: parameters as never,
		};
		const nodeTypes = {
			getByName: () => node,
			getByNameAndVersion: () => node,
			getKnownTypes: () => ({}),
		} as never;
		const workflow = new Workflow({
			id: 'w1',
			nodes: [trigger],
			connections: {},
			active: false,
			nodeTypes,
		});
		const path = workflow.expression.getSimpleParameterValue(
			trigger,
			shownEntry.path,
			'internal',
			{},
		) as string;
		return NodeHelpers.getNodeWebhookUrl(BASE, 'w1', trigger, path, false);
	}

	test('only the shown entry is in the panel, and n8n registers nothing for it', () => {
		const webhooks = node.description.webhooks!;
		expect(webhooks.filter((w) => !w.ndvHideUrl)).toEqual([shownEntry]);
		expect(webhooks.filter((w) => w.ndvHideUrl).map((w) => [w.httpMethod, w.path])).toEqual([
			['GET', 'vicidial'],
			['POST', 'vicidial'],
		]);
		// n8n's WebhookService skips an entry whose method list is empty
		expect(
			String(shownEntry.httpMethod)
				.split(',')
				.filter((m) => m),
		).toEqual([]);
	});

	test.each(CALL_EVENTS.map((e) => e.value))(
		'%s: the panel shows the URL the node registers, token and fields included',
		(event: CallEventName) => {
			const spec = callEventEntry(event);
			const custom = spec.customFields ? ['favorite_color'] : [];
			const shown = shownUrl({
				event,
				token: TOKEN,
				fields: [],
				customFields: 'favorite_color, pass',
			});
			const real = `${BASE}/${WEBHOOK_ID}/vicidial`;
			const expected = buildCallUrl(real, TOKEN, [...spec.defaults, ...custom], event);
			if (event === 'agentEvent')
				expect(expected).toBe(`${agentPushPrefix(false)}${shown.replace(/^http:\/\//, '')}`);
			else expect(`VAR${shown}`).toBe(expected);
			expect(shown).not.toMatch(/pass/i);
		},
	);

	test('chosen fields replace the usual ones; a token typed shows at once', () => {
		expect(
			shownUrl({ event: 'dispo', token: TOKEN, fields: ['lead_id', 'dispo'], customFields: '' }),
		).toBe(
			`${BASE}/${WEBHOOK_ID}/vicidial?${TOKEN_PARAMETER}=${TOKEN}&lead_id=--A--lead_id--B--&dispo=--A--dispo--B--`,
		);
	});

	test('no token typed: the panel shows the generated one, the one the node checks; a node without a random ID shows none', () => {
		const generated = NODE_ID.replace(/-/g, '');
		expect(effectiveToken('', NODE_ID)).toBe(generated);
		expect(shownUrl({ event: 'dispo', fields: ['lead_id'] })).toBe(
			`${BASE}/${WEBHOOK_ID}/vicidial?${TOKEN_PARAMETER}=${generated}&lead_id=--A--lead_id--B--`,
		);
		expect(effectiveToken(' ', 'p')).toBe('');
		expect(shownUrl({ event: 'dispo', fields: ['lead_id'] }, 'p')).toBe(
			`${BASE}/${WEBHOOK_ID}/vicidial?${TOKEN_PARAMETER}=&lead_id=--A--lead_id--B--`,
		);
	});

	test('no parameter shows an expression or code; the steps name the VICIdial setting', () => {
		const texts = JSON.stringify(node.description.properties);
		expect(texts).not.toContain('{{');
		const notices = node.description.properties.filter((p) => p.type === 'notice');
		for (const event of CALL_EVENTS) {
			const notice = notices.find((p) => p.name === `connectNotice_${event.value}`)!;
			expect(notice.displayOptions?.show?.event).toEqual([event.value]);
			expect(notice.displayName).toContain(
				event.value === 'agentEvent' ? 'Agent Push URL' : `type VAR and paste the URL`,
			);
		}
	});

	test('the field list follows the event: usual ones first, never a password variable', async () => {
		const pauseMax = await loadOptions({
			nodeType: node,
			method: 'eventFields',
			parameters: { event: 'pauseMax' } as never,
			path: 'parameters.fields',
		});
		expect(pauseMax.map((o) => o.value)).toEqual([
			'user',
			'fullname',
			'campaign',
			'user_group',
			'agent_email',
			'epoch',
			'agent_log_id',
			'camp_custom_five',
			'camp_custom_four',
			'camp_custom_one',
			'camp_custom_three',
			'camp_custom_two',
			'original_phone_login',
			'phone_login',
			'server_ip',
			'session_id',
			'SIPexten',
			'SQLdate',
			'user_custom_five',
			'user_custom_four',
			'user_custom_one',
			'user_custom_three',
			'user_custom_two',
		]);
		for (const event of CALL_EVENTS) {
			const options = await loadOptions({
				nodeType: node,
				method: 'eventFields',
				parameters: { event: event.value } as never,
				path: 'parameters.fields',
			});
			expect(options.map((o) => o.value)).not.toContain('pass');
			expect(options.map((o) => o.value)).not.toContain('phone_pass');
			expect(options.slice(0, event.defaults.length).map((o) => o.value)).toEqual(event.defaults);
		}
	});

	test('asking for a password variable is refused when a request comes in', async () => {
		const result = await callWebhook({
			nodeType: node,
			parameters: { token: TOKEN, event: 'dispo', fields: ['lead_id', 'phone_pass'] } as never,
			rawQuery: `${TOKEN_PARAMETER}=${TOKEN}&lead_id=1`,
		}).catch((e: Error) => e);
		expect((result as Error).message).toBe(
			'"phone_pass" cannot be received: VICIdial would put a password into the URL',
		);
		expect(() => buildCallUrl(WEBHOOK_URL, TOKEN, ['lead_id', 'PASS'])).toThrow(
			'"PASS" would make VICIdial put a password into the URL',
		);
	});

	test('node description: a trigger with both webhook methods, not usable as a tool, credential only for registration', () => {
		const d = node.description;
		expect(d.group).toEqual(['trigger']);
		// responseData: what n8n itself answers at once in onReceived mode (it does not use webhookResponse then)
		expect(
			d.webhooks
				?.filter((w) => w.httpMethod !== '')
				.map((w) => [w.name, w.httpMethod, w.responseMode, w.responseData, w.path]),
		).toEqual([
			['default', 'GET', 'onReceived', 'OK', 'vicidial'],
			['setup', 'POST', 'onReceived', 'OK', 'vicidial'],
		]);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([
			{
				name: 'vicidialApi',
				required: true,
				testedBy: 'vicidialApiTest',
				displayOptions: { show: { register: [true] } },
			},
		]);
	});
});
