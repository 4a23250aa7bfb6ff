import { VicidialError } from '../../nodes/shared/errors';
import { callVicidial, connectionFromCredentials, endpointUrl, networkError, normaliseServerUrl } from '../../nodes/shared/transport';
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
		const connection = connectionFromCredentials({ ...base, serverUrl: 'https://d.example.com/', nonAgentPath: 'custom/api.php', agentPath: '' });
		expect(endpointUrl(connection, 'nonAgent')).toBe('https://d.example.com/custom/api.php');
		expect(endpointUrl(connection, 'agent')).toBe('https://d.example.com/agc/api.php');
		expect(connection.secrets).toEqual(['Canary-Pass-5150']);
	});

	test('a source VICIdial would refuse is refused first', () => {
		expect(() => connectionFromCredentials({ ...base, serverUrl: 'https://d.example.com', source: 'n' })).toThrow(/Source must be 2 to 20 letters or digits/);
		expect(() => connectionFromCredentials({ ...base, serverUrl: 'https://d.example.com', source: 'my-crm' })).toThrow(VicidialError);
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
		await expect(callVicidial(read.sender, connection, 'nonAgent', { function: 'lead_search' }, { writes: false })).resolves.toMatchObject({ body: 'ok\n' });
		expect(read.sent).toHaveLength(2);
		const write = scripted([reset, { statusCode: 200, body: 'ok\n' }]);
		await expect(callVicidial(write.sender, connection, 'nonAgent', { function: 'add_lead' }, { writes: true })).rejects.toMatchObject({ kind: 'network', mayHaveApplied: true });
		expect(write.sent).toHaveLength(1);
	});

	test('a read is not retried after a timeout or a refused connection', async () => {
		for (const failure of [Object.assign(new Error('timeout of 1000ms exceeded'), { code: 'ECONNABORTED' }), Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })]) {
			const read = scripted([failure, { statusCode: 200, body: 'ok\n' }]);
			await expect(callVicidial(read.sender, connection, 'nonAgent', { function: 'lead_search' }, { writes: false })).rejects.toMatchObject({ kind: 'network' });
			expect(read.sent).toHaveLength(1);
		}
	});

	test('https to a plain-http port is not called a certificate problem', () => {
		const error = networkError(Object.assign(new Error('write EPROTO 40E8:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'EPROTO' }), false, []);
		expect(error.message).toMatch(/may not speak https on that port \(try http:\/\/\)/);
		const cert = networkError(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), false, []);
		expect(cert.message).toMatch(/certificate is not trusted/);
	});

	test('the password is removed where VICIdial echoes it in the answer text', async () => {
		const { sender } = scripted([{ statusCode: 200, body: 'ERROR: Login incorrect, please try again: |6666|Canary-Pass-5150|BAD|\n' }]);
		const response = await callVicidial(sender, connection, 'nonAgent', { function: 'x' }, { writes: false });
		expect(response.body).toBe('ERROR: Login incorrect, please try again: |6666|[redacted]|BAD|\n');
	});

	test('network errors carry no request details', () => {
		const axiosLike = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', config: { data: 'user=6666&pass=Canary-Pass-5150' } });
		const error = networkError(axiosLike, true, ['Canary-Pass-5150']);
		expect(error.message).toBe('The VICIdial server refused the connection (nothing listens at that address and port).');
		expect(error.mayHaveApplied).toBe(false);
		expect(JSON.stringify(error)).not.toContain('Canary');
		const unknown = networkError(new Error('weird failure pass=Canary-Pass-5150'), false, ['Canary-Pass-5150']);
		expect(unknown.message).not.toContain('Canary');
	});
});
