/**
 * The VICIdial credential test. VICIdial answers HTTP 200 with an ERROR text for a bad
 * login, and `version` needs no login, so the test asks three questions:
 * 1. Is this a VICIdial API at all? (`version`, no login)
 * 2. Is the password right, and may the user use the Agent API? The Agent API tells both
 *    apart, and accepts any user level, so a wrong password costs one failed login only.
 * 3. May the user use the Non-Agent API? (a login with a function name VICIdial doesn't
 *    have: it answers "NO FUNCTION SPECIFIED" only after a good login, and changes nothing).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { VicidialError, classifyError } from './errors';
import { looksLikeHtml, parseAnswer, parseStatusLine } from './parse';
import type { Connection, RawResponse, Sender } from './transport';
import { callVicidial, connectionFromCredentials, endpointUrl, legacySender } from './transport';
import { versionFunction } from './version';

/** A function name VICIdial does not have: the login is checked, nothing runs. */
export const PROBE_FUNCTION = 'n8n_credential_check';

const TEST_TIMEOUT_MS = 15_000;

/**
 * The credential-test context offers only the legacy request helper: the same body (login
 * included by the transport), no redirect followed, the same size limit.
 */
export function credentialTestSender(helpers: ICredentialTestFunctions['helpers']): Sender {
	return legacySender(async (options) => (await helpers.request(options)) as unknown);
}

const fail = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

function notVicidial(response: RawResponse, url: string, what: string): string | undefined {
	const body = response.body.trim();
	if (response.statusCode === 404)
		return `${url} answered "404 Not Found": this is not the VICIdial ${what}. Check the Server URL and the ${what} Path.`;
	if (response.statusCode !== 200)
		return `${url} answered HTTP ${response.statusCode}: this is not a working VICIdial ${what}. Check the Server URL and the ${what} Path.`;
	if (looksLikeHtml(body)) {
		return `${url} answered with an HTML page, not the VICIdial ${what}. Check the Server URL and the ${what} Path.`;
	}
	return undefined;
}

function fieldCheck(credentials: ICredentialDataDecryptedObject): string | undefined {
	const user = typeof credentials.apiUser === 'string' ? credentials.apiUser : '';
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	if (user.trim().length < 2) return 'The API User must have at least 2 characters.';
	if (password.length < 2) return 'The Password must have at least 2 characters.';
	return undefined;
}

type AgentProbe =
	| 'good'
	| 'noAgentApi'
	| 'badLogin'
	| 'locked'
	| 'ipBlocked'
	| 'missing'
	| 'unknown';

function readAgentProbe(body: string): AgentProbe {
	const trimmed = body.trim();
	if (trimmed === '') return 'good';
	const line = parseStatusLine(trimmed.split('\n')[0]);
	if (!line || !/Invalid Username\/Password/i.test(line.message)) return 'unknown';
	// Fields: user | password (redacted) | password ok (1/0) | agent API access (1/0) | auth result
	const [, , passwordOk, agentApi, result] = line.data;
	if (passwordOk === '1' && result === 'GOOD') return agentApi === '1' ? 'good' : 'noAgentApi';
	if (result === 'LOCK') return 'locked';
	if (result === 'IPBLOCK') return 'ipBlocked';
	if (result === 'BAD') return 'badLogin';
	// Anything else (an auth result we don't know) says nothing about the password.
	return 'unknown';
}

export async function testVicidialCredential(
	sender: Sender,
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	let connection: Connection;
	try {
		connection = connectionFromCredentials(credentials);
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error));
	}
	const problem = fieldCheck(credentials);
	if (problem) return fail(problem);
	const user = String(credentials.apiUser).trim();
	const nonAgentUrl = endpointUrl(connection, 'nonAgent');
	const agentUrl = endpointUrl(connection, 'agent');

	try {
		// 1. Is it VICIdial?
		const version = await callVicidial(
			sender,
			connection,
			{ api: 'nonAgent', writes: false, login: false },
			{ function: 'version' },
			{ timeoutMs: TEST_TIMEOUT_MS },
		);
		const wrong = notVicidial(version, nonAgentUrl, 'Non-Agent API');
		if (wrong) return fail(wrong);
		let serverName: string;
		try {
			const [about] = parseAnswer(version.body, versionFunction, {
				httpCode: version.statusCode,
			}).records;
			serverName = `VICIdial ${about.version} (build ${about.build})`;
		} catch {
			// Whatever the parser objects to, the answer is not VICIdial's version line.
			return fail(
				`${nonAgentUrl} answers, but not like the VICIdial Non-Agent API (its "version" answer was "${version.body.trim().slice(0, 80)}"). Check the Server URL and the Non-Agent API Path.`,
			);
		}

		// 2. Password and Agent API access.
		const agent = await callVicidial(
			sender,
			connection,
			{ api: 'agent', writes: false },
			{ function: PROBE_FUNCTION },
			{ timeoutMs: TEST_TIMEOUT_MS },
		);
		const agentProbe: AgentProbe = notVicidial(agent, agentUrl, 'Agent API')
			? 'missing'
			: readAgentProbe(agent.body);
		const locked = `VICIdial has locked user "${user}" after too many failed logins. Wait 15 minutes (or have an administrator reset it), then check the password.`;
		const ipBlocked = `VICIdial does not allow API logins for user "${user}" from the n8n server's IP address (IP list of the user group).`;
		if (agentProbe === 'locked') return fail(locked);
		if (agentProbe === 'ipBlocked') return fail(ipBlocked);
		if (agentProbe === 'badLogin') {
			return fail(
				`VICIdial did not accept user "${user}" with this password: wrong user name or password, or the user is inactive.`,
			);
		}

		// 3. Non-Agent API access.
		const nonAgent = await callVicidial(
			sender,
			connection,
			{ api: 'nonAgent', writes: false },
			{ function: PROBE_FUNCTION },
			{ timeoutMs: TEST_TIMEOUT_MS },
		);
		const answer = nonAgent.body.trim();
		const agentNotes: Partial<Record<AgentProbe, string>> = {
			good: 'The Agent API is allowed too.',
			noAgentApi:
				'This user has no Agent API access, so the VICIdial Agent node will not work with it.',
			missing: `But ${agentUrl} is not a VICIdial Agent API: check the Agent API Path if you use the VICIdial Agent node.`,
		};
		if (/^ERROR: NO FUNCTION SPECIFIED/.test(answer)) {
			return {
				status: 'OK',
				message: `Connected to ${serverName} as "${user}". ${agentNotes[agentProbe] ?? ''}`.trim(),
			};
		}
		const refusal = parseStatusLine(answer.split('\n')[0]);
		const kind = refusal?.status === 'ERROR' ? classifyError(refusal.message) : undefined;
		if (kind === 'lockout') return fail(locked);
		if (kind === 'ipBlocked') return fail(ipBlocked);
		if (kind === 'login') {
			if (agentProbe === 'good' || agentProbe === 'noAgentApi') {
				// VICIdial counts this refusal as a failed login even with the right password.
				return fail(
					`The password of "${user}" is right, but this user has no Non-Agent API access: VICIdial requires an active user with user level 7 or higher.${agentProbe === 'good' ? ' (It can use the Agent API.)' : ''} Note: VICIdial counted this check as a failed login for "${user}"; 10 in a row lock the user for 15 minutes.`,
				);
			}
			return fail(
				`VICIdial did not accept user "${user}" with this password: wrong user name or password, the user is inactive, or its user level is below 7.`,
			);
		}
		return fail(`${nonAgentUrl} answered the login check unexpectedly: "${answer.slice(0, 120)}".`);
	} catch (error) {
		if (error instanceof VicidialError) return fail(`${error.message} (${connection.baseUrl})`);
		return fail(
			`The connection test failed: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
}
