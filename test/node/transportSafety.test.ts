/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * What the transport does when the server misbehaves, through n8n's real request helpers
 * (the harness's WorkflowExecute): a redirect never takes the password along, every failed
 * write says what is known of its outcome, an answer too large stops, a malformed Server URL is
 * not echoed, and redaction never touches the user's own values.
 */
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { Container } from '@n8n/di';
import { OutboundHttp } from '@n8n/backend-network';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { makeClient } from '../../nodes/shared/client';
import { VicidialError } from '../../nodes/shared/errors';
import { connectionFromCredentials, contextSender } from '../../nodes/shared/transport';
import type { HttpContext } from '../../nodes/shared/transport';
import { leadFunctions } from '../../nodes/shared/functions/nonAgent/lead';
import { ensureN8nRuntime, testCredential } from '../helpers/n8n';
import { startTestServer } from '../helpers/http-server';
import type { TestServer } from '../helpers/http-server';
import { capture } from '../support/capture';
import { json, runVicidial } from './run';

const PASSWORD = 'Canary-Pass-5150';
const addParameters = {
	resource: 'lead',
	operation: 'add',
	phoneNumber: '3125550177',
	listId: '101',
};
const searchParameters = {
	resource: 'lead',
	operation: 'searchByPhone',
	phoneNumber: '3125550177',
};
const addLead = leadFunctions.find((s) => s.fn === 'add_lead')!;
const searchLeadsByPhone = leadFunctions.find((s) => s.fn === 'lead_search')!;
const ADDED = 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\n';

type Fault = (socket: net.Socket) => void;

/** A raw TCP server that reads one HTTP request per connection and then does `fault` to the socket. */
async function rawServer(fault: Fault) {
	const received: string[] = [];
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let data = Buffer.alloc(0);
		let done = false;
		socket.on('data', (chunk: Buffer) => {
			data = Buffer.concat([data, chunk]);
			const end = data.indexOf('\r\n\r\n');
			if (end < 0 || done) return;
			const length = Number(
				/content-length:\s*(\d+)/i.exec(data.subarray(0, end).toString())?.[1] ?? 0,
			);
			if (data.length < end + 4 + length) return;
			done = true;
			received.push(data.toString());
			fault(socket);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		sockets,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

const head = (status: string, headers: Record<string, string | number> = {}) =>
	`HTTP/1.1 ${status}\r\nContent-Type: text/html; charset=utf-8\r\n${Object.entries(headers)
		.map(([k, v]) => `${k}: ${v}\r\n`)
		.join('')}\r\n`;

const FAULTS: Record<string, Fault> = {
	emptyServerError: (s) =>
		s.end(head('500 Internal Server Error', { 'Content-Length': 0, Connection: 'close' })),
	serverErrorAfterSuccess: (s) =>
		s.end(
			head('500 Internal Server Error', { 'Content-Length': ADDED.length, Connection: 'close' }) +
				ADDED,
		),
	badGatewayPage: (s) => {
		const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
		s.end(head('502 Bad Gateway', { 'Content-Length': page.length, Connection: 'close' }) + page);
	},
	truncatedByLength: (s) => {
		s.write(head('200 OK', { 'Content-Length': ADDED.length + 50 }) + ADDED.slice(0, 20));
		setTimeout(() => s.destroy(), 30);
	},
	truncatedChunked: (s) => {
		s.write(head('200 OK', { 'Transfer-Encoding': 'chunked' }) + `14\r\n${ADDED.slice(0, 20)}\r\n`);
		setTimeout(() => s.destroy(), 30);
	},
	cutMidLine: (s) => s.end(head('200 OK', { Connection: 'close' }) + ADDED.slice(0, 30)),
	resetAfterRequest: (s) => s.resetAndDestroy(),
	closedAfterRequest: (s) => s.destroy(),
	noAnswer: () => undefined,
	stalledBody: (s) =>
		s.write(head('200 OK', { 'Content-Length': ADDED.length }) + ADDED.slice(0, 10)),
	refusal: (s) => {
		const body = 'ERROR: add_lead INVALID PHONE NUMBER - 3125550177|6666\n';
		s.end(head('200 OK', { 'Content-Length': body.length, Connection: 'close' }) + body);
	},
	notFound: (s) =>
		s.end(head('404 Not Found', { 'Content-Length': 9, Connection: 'close' }) + 'not found'),
};

/** A context whose only helper is n8n's real `httpRequest`, for the client-level checks of `outcome`. */
function realHelperContext(): HttpContext {
	ensureN8nRuntime();
	const request = async (options: IHttpRequestOptions) =>
		await Container.get(OutboundHttp).requests().request(options);
	return { helpers: { httpRequest: request } } as unknown as HttpContext;
}

function clientOf(url: string) {
	return makeClient(
		contextSender(realHelperContext()),
		connectionFromCredentials({
			serverUrl: url,
			apiUser: '6666',
			password: PASSWORD,
			source: 'n8n',
		}),
		{ timeoutMs: 1500 },
	);
}

async function failure(promise: Promise<unknown>): Promise<VicidialError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(VicidialError);
	capture('transport failure', {
		message: (error as Error).message,
		hint: (error as VicidialError).hint,
	});
	return error as VicidialError;
}

describe('a redirect never takes the password along', () => {
	let server: TestServer;
	let elsewhere: TestServer;
	beforeAll(async () => {
		server = await startTestServer();
		elsewhere = await startTestServer(() => ADDED);
	});
	afterAll(async () => {
		await server.close();
		await elsewhere.close();
	});
	beforeEach(() => {
		server.requests.length = 0;
		elsewhere.requests.length = 0;
	});

	test.each([301, 302, 303, 307, 308])(
		'HTTP %d to another host: a clear error naming it, nothing sent there',
		async (status) => {
			server.setHandler(() => ({
				status,
				headers: { location: `${elsewhere.url}/vicidial/non_agent_api.php?user=x#y` },
			}));
			const result = await runVicidial({
				url: server.url,
				password: PASSWORD,
				parameters: addParameters,
			});
			expect(result.error?.message).toBe(
				`Item 1: The server redirects to ${elsewhere.url}/vicidial/non_agent_api.php: use ${elsewhere.url} as the Server URL.`,
			);
			expect(server.requests).toHaveLength(1);
			expect(elsewhere.requests).toHaveLength(0);
			const error = await failure(
				clientOf(server.url).send(addLead, {
					function: 'add_lead',
					phone_number: '3125550177',
					list_id: '101',
				}),
			);
			expect(error).toMatchObject({ outcome: 'not_sent', mayHaveApplied: false, httpCode: status });
			expect(elsewhere.requests).toHaveLength(0);
		},
	);

	test('the credential test does not follow it either', async () => {
		server.setHandler(() => ({
			status: 307,
			headers: { location: `${elsewhere.url}/vicidial/non_agent_api.php` },
		}));
		const result = await testCredential({
			nodeType: new Vicidial(),
			credentialType: new VicidialApi(),
			testedBy: 'vicidialApiTest',
			data: { serverUrl: server.url, apiUser: '6666', password: PASSWORD, source: 'n8n' },
		});
		capture('credential test result', result);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining(
				`The server redirects to ${elsewhere.url}/vicidial/non_agent_api.php: use ${elsewhere.url} as the Server URL.`,
			),
		});
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('the password is in the POST body only, and the body goes to the Server URL only', async () => {
		server.setHandler(() => ADDED);
		const result = await runVicidial({
			url: server.url,
			password: PASSWORD,
			parameters: addParameters,
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.rawQuery).toBe('');
		expect(request.form).toEqual({
			function: 'add_lead',
			phone_number: '3125550177',
			list_id: '101',
			user: '6666',
			pass: PASSWORD,
			source: 'n8n',
		});
	});
});

describe('every failed write says what is known of its outcome', () => {
	const MAY = /The change may have been made in VICIdial/;
	const cases: Array<[string, RegExp, 'not_sent' | 'refused' | 'unknown']> = [
		['emptyServerError', /internal error \(HTTP 500\) and sent no answer/, 'unknown'],
		[
			'serverErrorAfterSuccess',
			/failed part-way through \(HTTP 500\) after printing: SUCCESS: add_lead/,
			'unknown',
		],
		['badGatewayPage', /HTTP 502 instead of a VICIdial answer/, 'unknown'],
		['truncatedByLength', /answer was cut off: the connection closed after 20 bytes/, 'unknown'],
		['truncatedChunked', /answer was cut off/, 'unknown'],
		['cutMidLine', /ends in the middle of a line/, 'unknown'],
		['resetAfterRequest', /connection to VICIdial was cut before any answer arrived/, 'unknown'],
		['closedAfterRequest', /connection to VICIdial was cut before any answer arrived/, 'unknown'],
		['noAnswer', /did not answer in time/, 'unknown'],
		['stalledBody', /started answering but did not finish in time \(10 bytes received/, 'unknown'],
		['refusal', /INVALID PHONE NUMBER/, 'refused'],
		['notFound', /HTTP 404: VICIdial did not run the call/, 'refused'],
	];

	test.each(cases)('%s', async (fault, cause, outcome) => {
		const server = await rawServer(FAULTS[fault]);
		try {
			const result = await runVicidial({
				url: server.url,
				password: PASSWORD,
				continueOnFail: true,
				parameters: { ...addParameters, options: { timeout: 1 } },
			});
			const [item] = json(result);
			expect(item.error).toMatch(cause);
			if (outcome === 'unknown') expect(item.error).toMatch(MAY);
			else expect(item.error).not.toMatch(MAY);
			// a cut answer is not called a timeout, nor a timeout a cut
			expect(String(item.error)).not.toMatch(/in time/.test(cause.source) ? /cut off/ : /in time/);
			const error = await failure(
				clientOf(server.url).send(addLead, {
					function: 'add_lead',
					phone_number: '3125550177',
					list_id: '101',
				}),
			);
			expect(error.outcome).toBe(outcome);
			expect(error.mayHaveApplied).toBe(outcome === 'unknown');
			// the same trouble for a read proves nothing either, but nothing can have been changed
			const read = await failure(
				clientOf(server.url).send(searchLeadsByPhone, {
					function: 'lead_search',
					phone_number: '3125550177',
				}),
			);
			expect(read.mayHaveApplied).toBe(false);
			expect(read.message).not.toMatch(MAY);
		} finally {
			await server.close();
		}
	});

	test('nothing listening: not sent', async () => {
		const server = await rawServer(() => undefined);
		const url = server.url;
		await server.close();
		const result = await runVicidial({
			url,
			password: PASSWORD,
			continueOnFail: true,
			parameters: addParameters,
		});
		expect(json(result)[0].error).toMatch(/refused the connection/);
		expect(json(result)[0].error).not.toMatch(MAY);
		const error = await failure(
			clientOf(url).send(addLead, {
				function: 'add_lead',
				phone_number: '3125550177',
				list_id: '101',
			}),
		);
		expect(error).toMatchObject({ outcome: 'not_sent', mayHaveApplied: false });
	});
});

describe('an answer too large stops with a clear error', () => {
	test('a server that never stops sending: read up to the limit, then the connection is closed', async () => {
		let sent = 0;
		let closed = false;
		const server = await rawServer((socket) => {
			socket.write(head('200 OK', { 'Transfer-Encoding': 'chunked' }));
			const chunk = Buffer.alloc(64 * 1024, 'x');
			const pump = () => {
				while (
					!socket.destroyed &&
					socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`)
				) {
					sent += chunk.length;
					if (sent > 50 * 1024 * 1024) return;
				}
				if (!socket.destroyed) socket.once('drain', pump);
			};
			socket.on('close', () => (closed = true));
			pump();
		});
		try {
			const result = await runVicidial({
				url: server.url,
				password: PASSWORD,
				continueOnFail: true,
				parameters: { ...searchParameters, options: { maxAnswerSize: 2 } },
			});
			expect(json(result)[0].error).toMatch(/answer is larger than 2 MB; reading stopped there/);
			expect(json(result)[0].hint).toMatch(/Max Answer Size/);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(closed).toBe(true);
			expect(sent).toBeLessThan(20 * 1024 * 1024);
		} finally {
			await server.close();
		}
	});

	test('a declared length over the limit is refused before reading', async () => {
		const server = await rawServer((socket) =>
			socket.write(head('200 OK', { 'Content-Length': 100 * 1024 * 1024 }) + 'x'.repeat(1000)),
		);
		try {
			const error = await failure(
				makeClient(
					contextSender(realHelperContext()),
					connectionFromCredentials({
						serverUrl: server.url,
						apiUser: '6666',
						password: PASSWORD,
						source: 'n8n',
					}),
				).send(searchLeadsByPhone, { function: 'lead_search', phone_number: '3125550177' }),
			);
			expect(error.message).toMatch(/larger than 64 MB/);
		} finally {
			await server.close();
		}
	});
});

describe('a malformed Server URL is not echoed', () => {
	test.each([
		[
			'htps//6666:Canary-Pass-5150@dialer.example.com/secret/path',
			/^Item 1: |The Server URL \(htps\.\.\.\) is not a valid URL/,
		],
		[
			'https://dialer.example.com:99999/Canary-Pass-5150?pass=Canary-Pass-5150',
			/The Server URL \(https:\/\/dialer\.example\.com\.\.\.\) is not a valid URL/,
		],
		[
			'https://dialer.example.com/x?pass=Canary-Pass-5150',
			/The Server URL \(https:\/\/dialer\.example\.com\) must not contain a query string/,
		],
		[
			'ftp://6666:Canary-Pass-5150@dialer.example.com/p',
			/must start with http:\/\/ or https:\/\/, not ftp:\/\//,
		],
	])('%s', async (serverUrl, message) => {
		const result = await runVicidial({ url: serverUrl, password: 'x1', parameters: addParameters });
		const error = result.error as Error & { description?: string };
		expect(error.message).toMatch(message);
		const shown = JSON.stringify({
			message: error.message,
			description: error.description,
			data: result.errorData,
		});
		expect(shown).not.toContain('Canary');
		expect(shown).not.toMatch(/secret\/path|99999/);
	});
});
