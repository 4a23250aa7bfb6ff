/**
 * VICIdial's error texts, what they mean to a user, and redaction of the secrets
 * VICIdial echoes back. Every text that leaves this package (error, item, log) goes
 * through `redact` first.
 */

export type VicidialErrorKind =
	| 'login' // wrong user or password (or user level too low for the API)
	| 'lockout' // too many failed logins
	| 'ipBlocked'
	| 'functionNotAllowed' // user's api_allowed_functions lacks this function
	| 'permission' // user lacks a right the function checks
	| 'agentNotLoggedIn'
	| 'noAgentApiAccess' // right password, but the user may not use the Agent API
	| 'agentState' // the agent's session does not allow the command now (not paused, no lead, no call)
	| 'notAllowed' // a setting of the agent, the campaign or the system does not allow this command
	| 'noRecords'
	| 'duplicate'
	| 'invalid' // VICIdial refused a value
	| 'apiError' // any other ERROR: answer
	| 'malformed' // not an answer we can read: HTML, empty, truncated, wrong shape
	| 'http' // non-200 status
	| 'network'; // no answer: unreachable, TLS, timeout, reset

/** The package's own error: the parser and transport throw nothing else. */
export class VicidialError extends Error {
	readonly kind: VicidialErrorKind;
	/** A short hint for the user, already redacted. */
	readonly hint: string;
	/** VICIdial's data fields after ` - ` or `: |`, redacted. */
	readonly data: string[];
	readonly httpCode?: number;
	/** True when a write may have reached VICIdial although no answer arrived. */
	readonly mayHaveApplied: boolean;

	constructor(
		kind: VicidialErrorKind,
		message: string,
		options: { hint?: string; data?: string[]; httpCode?: number; mayHaveApplied?: boolean } = {},
	) {
		super(message);
		this.name = 'VicidialError';
		this.kind = kind;
		this.hint = options.hint ?? HINTS[kind];
		this.data = options.data ?? [];
		this.httpCode = options.httpCode;
		this.mayHaveApplied = options.mayHaveApplied ?? false;
	}
}

const HINTS: Record<VicidialErrorKind, string> = {
	login:
		'VICIdial did not accept the API user and password. Check them in the credential; the Non-Agent API also needs an active user with user level 7 or higher.',
	lockout:
		'VICIdial locks a user for 15 minutes after 10 failed logins in a row. Wait, or have an administrator clear the failed logins, then fix the password in the credential.',
	ipBlocked: "VICIdial's IP list for this user does not allow the n8n server's address.",
	functionNotAllowed:
		'The API user may not call this function: add it (or ALL_FUNCTIONS) to "API Allowed Functions" of the user in VICIdial.',
	permission:
		'The API user lacks a VICIdial permission this function checks (for example "Modify Leads", "Modify Lists", "View Reports" or the user level). Grant it in the user settings.',
	agentNotLoggedIn: 'The agent is not logged in to the VICIdial agent screen.',
	noAgentApiAccess:
		'The password is right, but this user may not use the Agent API: set "Agent API Access" to 1 in the user\'s settings in VICIdial (any user level may use it).',
	agentState:
		"The agent's session does not allow this command now: for example the agent is not paused, has no lead on the screen, is not on a call, or the session lacks what the command needs. Check the agent's status, then try again.",
	notAllowed:
		'A VICIdial setting does not allow this: the agent\'s "Agent Call Manual" user setting, the campaign\'s "Manual Preview Dial" or "Alt Number Dialing", or the system\'s "Outbound Call Any CID". Change the setting in VICIdial or leave out the option.',
	noRecords:
		'VICIdial found nothing. Turn on "Return Empty Result When Nothing Found" to get no items instead of an error.',
	duplicate: 'VICIdial found an existing record and refused to add another (duplicate check).',
	invalid: 'VICIdial refused a value. Check the field named in the message.',
	apiError: 'VICIdial answered with an error.',
	malformed:
		'The server did not answer like a VICIdial API. Check the Server URL and the API paths in the credential.',
	http: 'The server answered with an HTTP error. Check the Server URL and the API paths in the credential.',
	network: 'Check that the Server URL is right and that n8n can reach the VICIdial server.',
};

/**
 * Classifies an `ERROR:` message (the part after `ERROR: `). `data` (the fields after the
 * message) tells the Agent API's login refusals apart and names some agent-state problems.
 */
export function classifyError(message: string, data: readonly string[] = []): VicidialErrorKind {
	if (/Invalid Username\/Password/i.test(message)) {
		// Agent API: user | password | password ok (1/0) | Agent API access (1/0) | auth result
		const [, , passwordOk, agentApi, result] = data;
		if (result === 'LOCK') return 'lockout';
		if (result === 'IPBLOCK') return 'ipBlocked';
		if (passwordOk === '1' && agentApi === '0' && result === 'GOOD') return 'noAgentApiAccess';
		return 'login';
	}
	if (/Login incorrect/i.test(message)) return 'login';
	if (/Too many login attempts/i.test(message)) return 'lockout';
	if (/IP Address is not allowed/i.test(message)) return 'ipBlocked';
	if (/PERMISSION TO USE THIS FUNCTION/i.test(message)) return 'functionNotAllowed';
	if (/^agent_user is not allowed to|not allowed on this (?:campaign|system)/i.test(message)) return 'notAllowed';
	if (/PERMISSION|NOT ALLOWED TO|API NOT ACTIVE/i.test(message)) return 'permission';
	if (/not logged in/i.test(message)) return 'agentNotLoggedIn';
	const agentState =
		/agent is not paused|agent_user is not paused|not on a phone call|does not have a live call|agent call is not inbound|current call does not match|no fronter|stop recording error|audio playing in|active 3-way call|does not have a lead on their screen|no active lead found|no session data|entry is empty|webphone url is empty|campaign does not allow inbound|does not allow outbound autodial/i;
	if (agentState.test(message) || agentState.test(data.join('|'))) return 'agentState';
	if (/^no user found$|^no active call found$/i.test(message)) return 'noRecords';
	// Agent API commands sent without what they act on (no panel, no field, no in-group list)
	if (/no (fields|panels) have been defined|are required for ADD and REMOVE/i.test(message)) return 'invalid';
	if (/NO MATCHES FOUND|NO RECORDS FOUND|NO RECORDINGS FOUND|NO LEADS FOUND|NOT FOUND|DOES NOT EXIST|NO RESULTS|HAS NO (VIEWABLE|AVAILABLE) CAMPAIGNS|NO LOGGED IN AGENTS/i.test(message))
		return 'noRecords';
	if (/DUPLICATE|ALREADY EXISTS|already in this agents manual dial queue/i.test(message)) return 'duplicate';
	// "... MUST BE FROM 1 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD": a value VICIdial refused
	if (/INVALID|NOT AN ALLOWED|NOT A DEFINED|NOT VALID|REQUIRED FIELDS|MUST USE|NOT A VALID|Invalid Source|MUST BE |OPTIONAL FIELD/i.test(message))
		return 'invalid';
	return 'apiError';
}

export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Redacts an answer VICIdial sent: the echo patterns everywhere, the known secrets only on
 * ERROR lines, where VICIdial echoes them. A successful answer's data stays intact: with the
 * password 1234, the phone number 3125551234 must not become 312555[redacted].
 */
export function redactAnswer(text: string, secrets: readonly string[] = []): string {
	return text
		.split('\n')
		.map((line) => (/^ERROR:/.test(line) ? redact(line, secrets) : redact(line)))
		.join('\n');
}

/**
 * Removes secrets from a text VICIdial or a library produced.
 * - every occurrence of the known secrets (the credential's password);
 * - the password field of VICIdial's login errors, even when we don't know the value
 *   (`Login incorrect, please try again: |user|PASS|BAD|`, `Invalid Username/Password: |user|PASS|...`);
 * - `pass='...'` in SQL the Agent API prints, and `pass=...` in query strings or form bodies.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length > 0) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
	}
	out = out.replace(/((?:Login incorrect, please try again|Invalid Username\/Password): \|[^|\n]*\|)[^|\n]*/gi, `$1${REDACTED}`);
	out = out.replace(/(\bpass(?:_hash)?\s*=\s*')[^'\n]*'/gi, `$1${REDACTED}'`);
	out = out.replace(/((?:^|[?&\s;])pass=)(?!')[^&\s|"']*/gim, `$1${REDACTED}`);
	out = out.replace(/("pass"\s*:\s*")[^"]*"/gi, `$1${REDACTED}"`);
	return out;
}
