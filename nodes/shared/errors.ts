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

/**
 * What became of the call, for a machine: `not_sent` (it never reached VICIdial: bad URL,
 * refused connection, DNS, TLS, a redirect), `refused` (VICIdial or the web server answered and
 * did nothing: an ERROR answer, HTTP 4xx), `unknown` (it was sent and no answer proves what
 * happened: HTTP 5xx, a cut or unreadable answer, a timeout after sending). For a write,
 * `unknown` and `mayHaveApplied` go together.
 */
/** What became of a call: `not_applied` is an unknown write that a lookup found was not made. */
export type Outcome = 'not_sent' | 'refused' | 'unknown' | 'not_applied';

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
	readonly outcome: Outcome;

	constructor(
		kind: VicidialErrorKind,
		message: string,
		options: {
			hint?: string;
			data?: string[];
			httpCode?: number;
			mayHaveApplied?: boolean;
			outcome?: Outcome;
		} = {},
	) {
		super(message);
		this.name = 'VicidialError';
		this.kind = kind;
		this.hint = options.hint ?? HINTS[kind];
		this.data = options.data ?? [];
		this.httpCode = options.httpCode;
		this.mayHaveApplied = options.mayHaveApplied ?? false;
		this.outcome = options.outcome ?? defaultOutcome(kind, this.httpCode, this.mayHaveApplied);
	}
}

/** What an error says of the call when its thrower did not say: VICIdial's refusals did nothing; an unreadable answer proves nothing. */
function defaultOutcome(
	kind: VicidialErrorKind,
	httpCode: number | undefined,
	mayHaveApplied: boolean,
): Outcome {
	if (mayHaveApplied) return 'unknown';
	if (kind === 'malformed' || kind === 'network') return 'unknown';
	if (kind === 'http')
		return httpCode !== undefined && httpCode >= 400 && httpCode < 500 ? 'refused' : 'unknown';
	return 'refused';
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
	if (/^agent_user is not allowed to|not allowed on this (?:campaign|system)/i.test(message))
		return 'notAllowed';
	if (/PERMISSION|NOT ALLOWED TO|API NOT ACTIVE/i.test(message)) return 'permission';
	if (/not logged in/i.test(message)) return 'agentNotLoggedIn';
	const agentState =
		/agent is not paused|agent_user is not paused|not on a phone call|does not have a live call|agent call is not inbound|current call does not match|no fronter|stop recording error|audio playing in|active 3-way call|does not have a lead on their screen|no active lead found|no session data|entry is empty|webphone url is empty|campaign does not allow inbound|does not allow outbound autodial/i;
	if (agentState.test(message) || agentState.test(data.join('|'))) return 'agentState';
	if (/^no user found$|^no active call found$/i.test(message)) return 'noRecords';
	// Agent API commands sent without what they act on (no panel, no field, no in-group list)
	if (/no (fields|panels) have been defined|are required for ADD and REMOVE/i.test(message))
		return 'invalid';
	if (
		/NO MATCHES FOUND|NO RECORDS FOUND|NO RECORDINGS FOUND|NO LEADS FOUND|NOT FOUND|DOES NOT EXIST|NO RESULTS|HAS NO (VIEWABLE|AVAILABLE) CAMPAIGNS|NO LOGGED IN AGENTS/i.test(
			message,
		)
	)
		return 'noRecords';
	if (/DUPLICATE|ALREADY EXISTS|already in this agents manual dial queue/i.test(message))
		return 'duplicate';
	// "... MUST BE FROM 1 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD": a value VICIdial refused
	if (
		/INVALID|NOT AN ALLOWED|NOT A DEFINED|NOT VALID|REQUIRED FIELDS|MUST USE|NOT A VALID|Invalid Source|MUST BE |OPTIONAL FIELD/i.test(
			message,
		)
	)
		return 'invalid';
	return 'apiError';
}

export const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The lines where VICIdial prints the password it was sent: `<message>: |user|PASSWORD|...`. */
const LOGIN_ECHO =
	/((?:Login incorrect, please try again|Invalid Username\/Password): \|[^|\n]*\|)/gi;

/** `pass=`, `agent_pass=`, `phone_pass=`, `registration_password=`... in SQL, query strings, form bodies and JSON. */
const PASS_KEY = String.raw`\b(?:[a-z]+_)?pass(?:_hash|word)?`;

/** The one place an item's own secrets join the API password's: longest first, so a secret holding another goes whole. */
function knownSecrets(secrets: readonly string[], itemSecrets: readonly string[]): string[] {
	return [...secrets, ...itemSecrets]
		.filter((s) => s.length > 0)
		.sort((a, b) => b.length - a.length);
}

/**
 * Removes secrets where VICIdial (or a library) echoes them, and nowhere else: a user's own
 * value that happens to contain the password (a phone number with 1234 in it) stays intact,
 * so nothing is corrupted and nobody can read the password off a masked value.
 * - the password field of VICIdial's login errors, known or not
 *   (`Login incorrect, please try again: |user|PASS|BAD|`, `Invalid Username/Password: |user|PASS|...`);
 * - the value after `pass='` (SQL the Agent API prints), `pass=` (query strings, form bodies),
 *   `"pass":"` (JSON), and the same for other password keys (`agent_pass`, `password`...).
 * A known secret (the API password, an item's own) is matched whole at those places (so one holding the delimiter goes too).
 */
export function redact(
	text: string,
	secrets: readonly string[] = [],
	itemSecrets: readonly string[] = [],
): string {
	if (!/pass|Login incorrect|Invalid Username/i.test(text)) return text;
	const known = knownSecrets(secrets, itemSecrets).map(escapeRegExp);
	// At an echo place: a known secret whole (it may hold the delimiter), else anything up to the delimiter.
	const value = (stop: string) =>
		known.length > 0
			? `(?:(?:${known.join('|')})(?=[${stop}\\n]|$)|[^${stop}\\n]*)`
			: `[^${stop}\\n]*`;
	let out = text;
	out = out.replace(new RegExp(`${LOGIN_ECHO.source}${value('|')}`, 'gim'), `$1${REDACTED}`);
	out = out.replace(new RegExp(`(${PASS_KEY}\\s*=\\s*')${value("'")}'`, 'gim'), `$1${REDACTED}'`);
	out = out.replace(
		new RegExp(`((?:^|[?&\\s;])${PASS_KEY}=)(?!')${value('&\\s|"\'')}`, 'gim'),
		`$1${REDACTED}`,
	);
	out = out.replace(new RegExp(`("${PASS_KEY}"\\s*:\\s*")${value('"')}"`, 'gim'), `$1${REDACTED}"`);
	return out;
}

/**
 * Redacts an answer VICIdial sent: the echo places of `redact`, and an item's own secrets
 * (a new agent's password that add_user prints back) where they stand as a whole `|` field.
 */
export function redactAnswer(
	text: string,
	secrets: readonly string[] = [],
	itemSecrets: readonly string[] = [],
): string {
	let out = redact(text, secrets, itemSecrets);
	const fields = knownSecrets([], itemSecrets).map(escapeRegExp);
	if (fields.length > 0) {
		out = out.replace(
			new RegExp(`(^|\\||- )(?:${fields.join('|')})(?=\\||\\r?$)`, 'gm'),
			`$1${REDACTED}`,
		);
	}
	return out;
}
