/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { VicidialError } from '../../nodes/shared/errors';
import { PassThrough } from 'node:stream';
import {
	AnswerTooLarge,
	CutAnswer,
	callVicidial,
	connectionFromCredentials,
	endpointUrl,
	forWrite,
	networkError,
	normaliseServerUrl,
	readAnswer,
	shownOrigin,
	statusError,
} from '../../nodes/shared/transport';
import type { RawRequest, Sender } from '../../nodes/shared/transport';

const base = { apiUser: '6666', password: 'Canary-Pass-5150', source: 'n8n' };

describe('credential values', () => {
	test.each([
		['https://dialer.example.com', 'https://dialer.example.com'],
		['https://dialer.example.com/', 'https://dialer.example.com'],
		[' http://10.0.0.5:8080/vicidial-root/ ', 'http://10.0.0.5:8080/vicidial-root'],
	])('server URL %j', (input, expected) => {
		expect(normaliseServerUrl(input)).toBe(expected);
	});

	test.each([
		['dialer.example.com', /not a valid URL/],
		['ftp://dialer.example.com', /must start with http:\/\/ or https:\/\//],
		['https://6666:1234@dialer.example.com', /must not contain a user name or password/],
		['https://dialer.example.com/?x=1', /query string/],
	])('refuses %j', (input, message) => {
		expect(() => normaliseServerUrl(input)).toThrow(message);
	});

	test('paths default, and gain a leading slash', () => {
		const connection = connectionFromCredentials({
			...base,
			serverUrl: 'https://d.example.com/',
			nonAgentPath: 'custom/api.php',
			agentPath: '',
		});
		expect(endpointUrl(connection, 'nonAgent')).toBe('https://d.example.com/custom/api.php');
		expect(endpointUrl(connection, 'agent')).toBe('https://d.example.com/agc/api.php');
		expect(connection.secrets).toEqual(['Canary-Pass-5150']);
	});

	test('a source VICIdial would refuse is refused first', () => {
		expect(() =>
			connectionFromCredentials({ ...base, serverUrl: 'https://d.example.com', source: 'n' }),
		).toThrow(/Source must be 2 to 20 letters or digits/);
		expect(() =>
			connectionFromCredentials({ ...base, serverUrl: 'https://d.example.com', source: 'my-crm' }),
		).toThrow(VicidialError);
	});
});

describe('callVicidial', () => {
	const connection = connectionFromCredentials({ ...base, serverUrl: 'http://127.0.0.1:1' });
	function scripted(answers: Array<Error | { statusCode: number; body: string }>) {
		const sent: RawRequest[] = [];
		const sender: Sender = async (request) => {
			sent.push(request);
			const next = answers.shift();
			if (!next) throw new Error('no more answers');
			if (next instanceof Error) throw next;
			return { ...next, headers: {} };
		};
		return { sender, sent };
	}

	test('a read is tried twice, a write once', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const read = scripted([reset, { statusCode: 200, body: 'ok\n' }]);
		await expect(
			callVicidial(
				read.sender,
				connection,
				{ api: 'nonAgent', writes: false },
				{ function: 'lead_search' },
			),
		).resolves.toMatchObject({ body: 'ok\n' });
		expect(read.sent).toHaveLength(2);
		const write = scripted([reset, { statusCode: 200, body: 'ok\n' }]);
		await expect(
			callVicidial(
				write.sender,
				connection,
				{ api: 'nonAgent', writes: true },
				{ function: 'add_lead' },
			),
		).rejects.toMatchObject({ kind: 'network', mayHaveApplied: true });
		expect(write.sent).toHaveLength(1);
	});

	test('a read is not retried after a timeout or a refused connection', async () => {
		for (const failure of [
			Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' }),
			Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
		]) {
			const read = scripted([failure, { statusCode: 200, body: 'ok\n' }]);
			await expect(
				callVicidial(
					read.sender,
					connection,
					{ api: 'nonAgent', writes: false },
					{ function: 'lead_search' },
				),
			).rejects.toMatchObject({ kind: 'network' });
			expect(read.sent).toHaveLength(1);
		}
	});

	test('https to a plain-http port is not called a certificate problem', () => {
		const error = networkError(
			Object.assign(
				new Error(
					'write EPROTO 40E8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
				),
				{ code: 'EPROTO' },
			),
			false,
			[],
		);
		expect(error.message).toMatch(/may not speak https on that port \(try http:\/\/\)/);
		const cert = networkError(
			Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
			false,
			[],
		);
		expect(cert.message).toMatch(/certificate is not trusted/);
	});

	test('the password is removed where VICIdial echoes it in the answer text', async () => {
		const { sender } = scripted([
			{
				statusCode: 200,
				body: 'ERROR: Login incorrect, please try again: |6666|Canary-Pass-5150|BAD|\n',
			},
		]);
		const response = await callVicidial(
			sender,
			connection,
			{ api: 'nonAgent', writes: false },
			{ function: 'x' },
		);
		expect(response.body).toBe('ERROR: Login incorrect, please try again: |6666|[redacted]|BAD|\n');
	});

	test('network errors carry no request details', () => {
		const axiosLike = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
			code: 'ECONNREFUSED',
			config: { data: 'user=6666&pass=Canary-Pass-5150' },
		});
		const error = networkError(axiosLike, true, ['Canary-Pass-5150']);
		expect(error.message).toBe(
			'The VICIdial server refused the connection (nothing listens at that address and port).',
		);
		expect(error.mayHaveApplied).toBe(false);
		expect(JSON.stringify(error)).not.toContain('Canary');
		const unknown = networkError(new Error('weird failure pass=Canary-Pass-5150'), false, [
			'Canary-Pass-5150',
		]);
		expect(unknown.message).not.toContain('Canary');
	});
});

describe('outcome of a call', () => {
	const connection = connectionFromCredentials({
		...base,
		serverUrl: 'https://dialer.example.com',
	});
	const answer = (statusCode: number, body = '', headers: Record<string, string> = {}) => ({
		statusCode,
		body,
		headers,
	});

	test("VICIdial's refusals are 'refused', unreadable answers 'unknown'", () => {
		expect(new VicidialError('invalid', 'x').outcome).toBe('refused');
		expect(new VicidialError('noRecords', 'x').outcome).toBe('refused');
		expect(new VicidialError('login', 'x').outcome).toBe('refused');
		expect(new VicidialError('malformed', 'x').outcome).toBe('unknown');
		expect(new VicidialError('http', 'x', { httpCode: 403 }).outcome).toBe('refused');
		expect(new VicidialError('http', 'x', { httpCode: 500 }).outcome).toBe('unknown');
	});

	test('HTTP status: 4xx refused, 5xx unknown with the cause in words, and "may have been made" only for a write', () => {
		expect(statusError(answer(200, 'x'), true)).toBeUndefined();
		const empty = statusError(answer(500), true)!;
		expect(empty).toMatchObject({ outcome: 'unknown', mayHaveApplied: true, httpCode: 500 });
		expect(empty.message).toBe(
			'VICIdial failed with an internal error (HTTP 500) and sent no answer. The change may have been made in VICIdial: check before running it again.',
		);
		expect(statusError(answer(500), true, 'A custom field is missing.')!.hint).toBe(
			'A custom field is missing.',
		);
		const read = statusError(answer(500), false)!;
		expect(read).toMatchObject({ outcome: 'unknown', mayHaveApplied: false });
		expect(read.message).not.toMatch(/may have been made/);
		expect(
			statusError(answer(503, 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 1|2\n'), true)!.message,
		).toMatch(/^VICIdial failed part-way through \(HTTP 503\) after printing: SUCCESS/);
		expect(
			statusError(answer(502, '<html><body>Bad Gateway</body></html>'), true)!.message,
		).toMatch(/^The server answered HTTP 502 instead of a VICIdial answer\. The change may/);
		expect(statusError(answer(404, 'nope'), true)).toMatchObject({
			outcome: 'refused',
			mayHaveApplied: false,
			message: 'The server answered HTTP 404: VICIdial did not run the call.',
		});
	});

	test('a write whose answer cannot be read may have been made', () => {
		const wrapped = forWrite(
			new VicidialError('malformed', 'VICIdial sent an empty answer to add_lead.'),
			true,
		) as VicidialError;
		expect(wrapped).toMatchObject({
			kind: 'malformed',
			outcome: 'unknown',
			mayHaveApplied: true,
			message:
				'VICIdial sent an empty answer to add_lead. The change may have been made in VICIdial: check before running it again.',
		});
		const refused = new VicidialError('invalid', 'VICIdial: ERROR: add_lead INVALID PHONE NUMBER');
		expect(forWrite(refused, true)).toBe(refused);
		const read = new VicidialError('malformed', 'x');
		expect(forWrite(read, false)).toBe(read);
	});

	test('network failures: not sent before the request left, unknown after', () => {
		for (const [code, message] of [
			['ECONNREFUSED', 'connect ECONNREFUSED'],
			['ENOTFOUND', 'getaddrinfo ENOTFOUND x'],
			['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
			['EPROTO', 'wrong version number'],
		]) {
			expect(networkError(Object.assign(new Error(message), { code }), true, [])).toMatchObject({
				outcome: 'not_sent',
				mayHaveApplied: false,
			});
		}
		for (const [code, message] of [
			['ECONNABORTED', 'timeout of 1000ms exceeded'],
			['ECONNRESET', 'socket hang up'],
		]) {
			expect(networkError(Object.assign(new Error(message), { code }), true, [])).toMatchObject({
				outcome: 'unknown',
				mayHaveApplied: true,
			});
			expect(networkError(Object.assign(new Error(message), { code }), false, [])).toMatchObject({
				outcome: 'unknown',
				mayHaveApplied: false,
			});
		}
		const cut = networkError(new CutAnswer(20, false), true, []);
		expect(cut.message).toMatch(
			/^VICIdial's answer was cut off: the connection closed after 20 bytes/,
		);
		expect(cut.message).not.toMatch(/in time/);
		expect(networkError(new CutAnswer(20, true), true, []).message).toMatch(
			/did not finish in time/,
		);
		expect(networkError(new AnswerTooLarge(64 * 1024 * 1024), false, [])).toMatchObject({
			outcome: 'unknown',
			message: "VICIdial's answer is larger than 64 MB; reading stopped there.",
		});
	});

	test('a redirect is an error naming where it points (scheme, host, path only), and is never retried', async () => {
		let calls = 0;
		const redirecting = (location: string) => async () => {
			calls++;
			return answer(307, '', { location });
		};
		await expect(
			callVicidial(
				redirecting('https://new.example.com/vicidial/non_agent_api.php?user=6666&pass=x#f'),
				connection,
				{ api: 'nonAgent', writes: false },
				{ function: 'version' },
			),
		).rejects.toMatchObject({
			outcome: 'not_sent',
			httpCode: 307,
			message:
				'The server redirects to https://new.example.com/vicidial/non_agent_api.php: use https://new.example.com as the Server URL.',
		});
		expect(calls).toBe(1);
		await expect(
			callVicidial(
				redirecting('/root/agc/api.php'),
				connection,
				{ api: 'agent', writes: true },
				{ function: 'x' },
			),
		).rejects.toMatchObject({
			message:
				'The server redirects to https://dialer.example.com/root/agc/api.php: use https://dialer.example.com/root as the Server URL.',
		});
		await expect(
			callVicidial(
				redirecting('https://login.example.com/sso'),
				connection,
				{ api: 'nonAgent', writes: true },
				{ function: 'x' },
			),
		).rejects.toMatchObject({
			message:
				'The server redirects to https://login.example.com/sso: use https://login.example.com as the Server URL.',
		});
		await expect(
			callVicidial(
				async () => answer(302),
				connection,
				{ api: 'nonAgent', writes: true },
				{ function: 'x' },
			),
		).rejects.toMatchObject({
			outcome: 'not_sent',
			message: expect.stringMatching(/redirect\) without a usable address/),
		});
	});

	test("the login goes into the body, once encoded, after the call's own values; never into the URL or a dump", async () => {
		const sent: RawRequest[] = [];
		await callVicidial(
			async (request) => (sent.push(request), answer(200, 'ok\n')),
			connectionFromCredentials({
				...base,
				password: 'p&ss=w rd',
				serverUrl: 'https://d.example.com',
			}),
			{ api: 'nonAgent', writes: true },
			{ function: 'add_lead', first_name: 'A&B' },
		);
		expect(Object.fromEntries(new URLSearchParams(sent[0].body))).toEqual({
			function: 'add_lead',
			first_name: 'A&B',
			user: '6666',
			pass: 'p&ss=w rd',
			source: 'n8n',
		});
		expect(sent[0].url).toBe('https://d.example.com/vicidial/non_agent_api.php');
		expect(JSON.stringify(sent[0])).not.toContain('w%20rd');
		expect(JSON.stringify(connection)).not.toContain('Canary');
		await callVicidial(
			async (request) => (sent.push(request), answer(200, 'ok\n')),
			connection,
			{ api: 'nonAgent', writes: false, login: false },
			{ function: 'version' },
		);
		expect(sent[1].body).toBe('function=version');
	});
});

describe('shown URLs', () => {
	test.each([
		[
			'https://6666:secret@dialer.example.com:8443/x/y?pass=secret#z',
			'https://dialer.example.com:8443',
		],
		['dialer.example.com/secret', 'dialer.example.com'],
		['https://dialer.example.com:99999/secret', 'https://dialer.example.com'],
		['htps//6666:secret@dialer.example.com/secret', 'htps'],
		['', '(empty)'],
	])('%j shows as %j', (input, shown) => {
		expect(shownOrigin(input)).toBe(shown);
	});
});

describe('readAnswer', () => {
	test('reads a stream whole, and stops past the limit', async () => {
		const ok = new PassThrough();
		const read = readAnswer(ok, 10, Date.now() + 1000);
		ok.write('abc');
		ok.end('def');
		expect((await read).toString()).toBe('abcdef');
		const big = new PassThrough();
		const tooBig = readAnswer(big, 10, Date.now() + 1000);
		big.write('0123456789');
		big.write('x');
		await expect(tooBig).rejects.toBeInstanceOf(AnswerTooLarge);
		expect(big.destroyed).toBe(true);
		await expect(readAnswer(new PassThrough(), 10, Date.now() + 1000, 11)).rejects.toBeInstanceOf(
			AnswerTooLarge,
		);
	});

	test('a stream that fails or stalls part-way is a cut answer', async () => {
		const failing = new PassThrough();
		const read = readAnswer(failing, 100, Date.now() + 1000);
		failing.write('abc');
		failing.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
		await expect(read).rejects.toMatchObject({ received: 3, timedOut: false });
		const stalled = new PassThrough();
		const slow = readAnswer(stalled, 100, Date.now() + 50);
		stalled.write('ab');
		await expect(slow).rejects.toMatchObject({ received: 2, timedOut: true });
	});
});
