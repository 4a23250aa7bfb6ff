/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { testCredential } from '../helpers/n8n';
import { capture } from '../support/capture';
import { startTestServer } from '../helpers/http-server';
import type { TestServer } from '../helpers/http-server';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';

async function check(data: Record<string, unknown>) {
	const result = await testCredential({
		nodeType: new Vicidial(),
		credentialType: new VicidialApi(),
		testedBy: 'vicidialApiTest',
		data: data as never,
	});
	capture('credential test result', result);
	return result;
}

describe.each(targetNames)('credential test against the %s', (targetName) => {
	let target: Target;
	let firstRequest = 0;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => {
		target.reset();
		firstRequest = target.sim?.requests.length ?? 0;
	});

	test('success names the server version and the Agent API access', async () => {
		const result = await check({
			serverUrl: `${target.url}/`,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'OK',
			message:
				'Connected to VICIdial 2.14-202 (build 250720-1841) as "6666". The Agent API is allowed too.',
		});
	});

	test('a user without Agent API access still passes, with a note', async () => {
		const result = await check({
			serverUrl: target.url,
			apiUser: '6668',
			password: '1234',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'OK',
			message: expect.stringMatching(/as "6668"\. This user has no Agent API access/),
		});
	});

	test('wrong password: one clear message, one failed login only, password nowhere in it', async () => {
		const result = await check({
			serverUrl: target.url,
			apiUser: '6666',
			password: 'Wr0ngCanary',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'Error',
			message:
				'VICIdial did not accept user "6666" with this password: wrong user name or password, or the user is inactive.',
		});
		if (target.sim) {
			const sent = target.sim.requests.slice(firstRequest);
			expect(sent.filter((r) => r.params.pass === 'Wr0ngCanary')).toHaveLength(1);
			for (const request of sent) expect(request.rawQuery).toBe('');
		}
	});

	test('an unknown user', async () => {
		const result = await check({
			serverUrl: target.url,
			apiUser: 'nobody',
			password: '1234',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'Error',
			message:
				'VICIdial did not accept user "nobody" with this password: wrong user name or password, or the user is inactive.',
		});
	});

	test('an agent (user level 1) has no Non-Agent API access', async () => {
		const result = await check({
			serverUrl: target.url,
			apiUser: '1001',
			password: '1234',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'Error',
			message:
				'The password of "1001" is right, but this user has no Non-Agent API access: VICIdial requires an active user with user level 7 or higher. (It can use the Agent API.) Note: VICIdial counted this check as a failed login for "1001"; 10 in a row lock the user for 15 minutes.',
		});
	});

	test('a locked user is told apart from a wrong password', async () => {
		for (let i = 0; i < 10; i++)
			await check({
				serverUrl: target.url,
				apiUser: '6699',
				password: 'CanaryLock0ut',
				source: 'n8n',
			});
		const result = await check({
			serverUrl: target.url,
			apiUser: '6699',
			password: '1234',
			source: 'n8n',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/locked user "6699" after too many failed logins/);
	});

	test('field checks before any request', async () => {
		expect(
			(
				await check({
					serverUrl: 'ftp://dialer.example.com',
					apiUser: '6666',
					password: '1234',
					source: 'n8n',
				})
			).message,
		).toMatch(/must start with http:\/\/ or https:\/\//);
		expect(
			(await check({ serverUrl: 'dialer', apiUser: '6666', password: '1234', source: 'n8n' }))
				.message,
		).toMatch(/not a valid URL/);
		expect(
			(await check({ serverUrl: target.url, apiUser: '6666', password: '1234', source: 'x' }))
				.message,
		).toMatch(/Source must be 2 to 20 letters or digits/);
		if (target.sim) expect(target.sim.requests.length).toBe(firstRequest);
	});
});

describe('credential test against things that are not VICIdial', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer();
	});
	afterAll(async () => server.close());

	test('an HTML page', async () => {
		server.setHandler(() => ({
			status: 200,
			headers: { 'content-type': 'text/html' },
			body: '<!DOCTYPE html><html><body>Welcome to nginx!</body></html>',
		}));
		const result = await check({
			serverUrl: server.url,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result).toEqual({
			status: 'Error',
			message: `${server.url}/vicidial/non_agent_api.php answered with an HTML page, not the VICIdial Non-Agent API. Check the Server URL and the Non-Agent API Path.`,
		});
	});

	test('a 404', async () => {
		server.setHandler(() => ({ status: 404, body: 'Not Found' }));
		const result = await check({
			serverUrl: server.url,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result.message).toMatch(
			/answered "404 Not Found": this is not the VICIdial Non-Agent API/,
		);
	});

	test('a VICIdial whose Agent API path is wrong: connected, with a warning', async () => {
		const sim = await startTarget('simulator');
		try {
			const result = await check({
				serverUrl: sim.url,
				apiUser: '6666',
				password: '1234',
				source: 'n8n',
				agentPath: '/agent/api.php',
			});
			expect(result).toEqual({
				status: 'OK',
				message: `Connected to VICIdial 2.14-202 (build 250720-1841) as "6666". But ${sim.url}/agent/api.php is not a VICIdial Agent API: check the Agent API Path if you use the VICIdial Agent node.`,
			});
		} finally {
			await sim.close();
		}
	});

	test('a server that answers something else', async () => {
		server.setHandler(() => 'OK\n');
		const result = await check({
			serverUrl: server.url,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result.message).toMatch(/answers, but not like the VICIdial Non-Agent API/);
	});

	test('https:// to a port that speaks plain http', async () => {
		const result = await check({
			serverUrl: server.url.replace('http://', 'https://'),
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/handshake with VICIdial failed: the server may not speak https on that port \(try http:\/\/\)/,
		);
	});

	test('nothing listening', async () => {
		const port = await new Promise<number>((resolve) => {
			const probe = net.createServer().listen(0, '127.0.0.1', () => {
				const { port: free } = probe.address() as AddressInfo;
				probe.close(() => resolve(free));
			});
		});
		const result = await check({
			serverUrl: `http://127.0.0.1:${port}`,
			apiUser: '6666',
			password: '1234',
			source: 'n8n',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the connection/);
	});

	describe('TLS', () => {
		let tls: https.Server;
		let url: string;
		beforeAll(async () => {
			const fixtures = path.join(__dirname, '..', 'fixtures');
			tls = https.createServer(
				{
					key: fs.readFileSync(path.join(fixtures, 'selfsigned.key')),
					cert: fs.readFileSync(path.join(fixtures, 'selfsigned.crt')),
				},
				(_req, res) => {
					res.writeHead(200, { 'content-type': 'text/html' });
					res.end('<html>not vicidial</html>');
				},
			);
			await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
			url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
		});
		afterAll(async () => new Promise<void>((resolve) => tls.close(() => resolve())));

		test('an untrusted certificate is named as such', async () => {
			const result = await check({
				serverUrl: url,
				apiUser: '6666',
				password: '1234',
				source: 'n8n',
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(
				/TLS \(https\) connection to VICIdial failed: the server certificate is not trusted/,
			);
		});

		test('"Ignore SSL Issues" gets past it', async () => {
			const result = await check({
				serverUrl: url,
				apiUser: '6666',
				password: '1234',
				source: 'n8n',
				ignoreSslIssues: true,
			});
			expect(result.message).toMatch(/answered with an HTML page/);
		});
	});
});
