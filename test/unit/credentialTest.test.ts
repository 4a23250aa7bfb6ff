/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { testVicidialCredential } from '../../nodes/shared/credentialTest';
import type { RawRequest, Sender } from '../../nodes/shared/transport';

const credentials = {
	serverUrl: 'https://dialer.example.com',
	apiUser: '6666',
	password: 'Canary-Pass-5150',
	source: 'n8n',
};
const VERSION =
	'VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-23 12:00:00|EPOCH: 1795437925|DST: 0|TZ: 0.00|TZNOW: 0.00|\n';

/** Answers by endpoint and function, as VICIdial would. */
function server(agentAnswer: string, nonAgentAnswer: string) {
	const sent: RawRequest[] = [];
	const sender: Sender = async (request) => {
		sent.push(request);
		const agent = request.url.endsWith('/agc/api.php');
		const body =
			request.form.function === 'version' ? VERSION : agent ? agentAnswer : nonAgentAnswer;
		return { statusCode: 200, body, headers: {} };
	};
	return { sender, sent };
}

describe('the credential test reads the Agent API login answer', () => {
	test('IP blocked: said so, not "wrong password", and no second login', async () => {
		const { sender, sent } = server(
			'ERROR: Invalid Username/Password: |6666|x|0|1|IPBLOCK|\n',
			'ERROR: NO FUNCTION SPECIFIED\n',
		);
		const result = await testVicidialCredential(sender, credentials);
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/does not allow API logins for user "6666" from the n8n server's IP address/,
			),
		});
		expect(
			sent.map((r) => r.url.replace('https://dialer.example.com', '') + ' ' + r.form.function),
		).toEqual(['/vicidial/non_agent_api.php version', '/agc/api.php n8n_credential_check']);
	});

	test('an auth result it does not know says nothing about the password: the Non-Agent API decides', async () => {
		const { sender } = server(
			'ERROR: Invalid Username/Password: |6666|x|0|1|ERRSERVERS|\n',
			'ERROR: NO FUNCTION SPECIFIED\n',
		);
		expect(await testVicidialCredential(sender, credentials)).toEqual({
			status: 'OK',
			message: 'Connected to VICIdial 2.14-202 (build 250720-1841) as "6666".',
		});
	});

	test('the Agent API turned off system-wide', async () => {
		const { sender } = server(
			'ERROR: System API NOT ACTIVE\n',
			'ERROR: Login incorrect, please try again: |6666|x|BAD|\n',
		);
		expect((await testVicidialCredential(sender, credentials)).message).toMatch(
			/did not accept user "6666" with this password: .*user level is below 7/,
		);
	});

	test('the password goes only in the form, and never comes back in a message', async () => {
		const { sender, sent } = server(
			"ERROR: Invalid Username/Password: |6666|Canary-Pass-5150|0|1|BAD|0|api|SELECT ... pass='Canary-Pass-5150'|\n",
			'',
		);
		const result = await testVicidialCredential(sender, credentials);
		expect(result.message).not.toContain('Canary');
		for (const request of sent) expect(request.url).not.toContain('Canary');
		expect(Object.fromEntries(new URLSearchParams(sent[1].body))).toMatchObject({
			function: 'n8n_credential_check',
			user: '6666',
			pass: 'Canary-Pass-5150',
			source: 'n8n',
		});
		expect(sent[1].form).not.toHaveProperty('pass');
	});
});
