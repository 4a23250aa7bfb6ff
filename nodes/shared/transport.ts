/**
 * The one way this package talks to VICIdial: a POST with a form body, sent through n8n's
 * `helpers.httpRequest` (so the host's proxy, SSRF and TLS settings apply). The login (user,
 * pass, source) is put into that body here, encoded once per connection: never into a URL,
 * never to any other host, and a redirect is never followed with it.
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IHookFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { ApiName, FunctionEntry } from './entry';
import type { Outcome } from './errors';
import { VicidialError, redact, redactAnswer } from './errors';

export const CREDENTIAL_NAME = 'vicidialApi';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The largest answer read by default (64 MB): far above any real answer, far below what would hurt n8n. */
export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** Where the two APIs live and who logs in, taken from the credential once per execution. */
export interface Connection {
	baseUrl: string;
	nonAgentPath: string;
	agentPath: string;
	ignoreSslIssues: boolean;
	/** Values that must never leave this package (the password). Not enumerable. */
	readonly secrets: string[];
	/**
	 * `user=...&pass=...&source=...`, form-encoded once. Not enumerable: no dump, log or
	 * JSON of a connection shows it (so a copy made by spreading has none: make connections
	 * with `connectionFromCredentials` only).
	 */
	readonly loginBody: string;
}

export interface RawRequest {
	url: string;
	/** The call's own values, without the login. */
	form: Record<string, string>;
	/** The whole form-encoded body, login included (never log it). Not enumerable. */
	readonly body: string;
	timeoutMs: number;
	ignoreSslIssues: boolean;
	/** The most bytes of answer to read; more is an error. */
	maxBytes: number;
}

export interface RawResponse {
	statusCode: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

/** Sends one request; n8n's helpers do the HTTP, so proxy, SSL and SSRF settings apply. */
export type Sender = (request: RawRequest) => Promise<RawResponse>;

/** A URL as it may be shown: scheme and host (and port) only, never a path, query or user info. */
export function shownOrigin(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (URL.canParse(text)) {
		const parsed = new URL(text);
		if (parsed.host) return `${parsed.protocol}//${parsed.host}`;
		return `${parsed.protocol}`;
	}
	// Not a URL: show at most a scheme and a host-looking first part, nothing after it.
	const match = /^([a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#\s]*@)?([a-z0-9.-]{0,100})/i.exec(text);
	const shown = match ? `${match[1] ?? ''}${match[2] ?? ''}` : '';
	return shown === '' ? '(empty)' : shown;
}

const SERVER_URL_HINT =
	'Set the Server URL in the VICIdial API credential to http:// or https:// followed by the server name.';

/**
 * Server URL must be http(s) with a host; a trailing slash is fine. A refusal shows the
 * scheme and host at most: the rest may hold a password typed in the wrong field.
 */
export function normaliseServerUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	const notSent = { hint: SERVER_URL_HINT, outcome: 'not_sent' as const };
	if (!URL.canParse(text)) {
		throw new VicidialError(
			'invalid',
			`The Server URL (${shownOrigin(text)}...) is not a valid URL. Use the form https://dialer.example.com`,
			notSent,
		);
	}
	const parsed = new URL(text);
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new VicidialError(
			'invalid',
			`The Server URL must start with http:// or https://, not ${parsed.protocol}//`,
			notSent,
		);
	}
	if (!parsed.host)
		throw new VicidialError(
			'invalid',
			'The Server URL has no server name. Use the form https://dialer.example.com',
			notSent,
		);
	if (parsed.username || parsed.password) {
		throw new VicidialError(
			'invalid',
			'The Server URL must not contain a user name or password; put them in the credential fields.',
			notSent,
		);
	}
	if (parsed.search || parsed.hash) {
		throw new VicidialError(
			'invalid',
			`The Server URL (${parsed.origin}) must not contain a query string or fragment.`,
			notSent,
		);
	}
	return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

function normalisePath(value: unknown, fallback: string): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return text.startsWith('/') ? text : `/${text}`;
}

/** VICIdial refuses a source shorter than 2 characters and drops all but letters and digits. */
export const SOURCE_PATTERN = /^[\p{L}0-9]{2,20}$/u;

/** application/x-www-form-urlencoded, as PHP reads it. */
export function encodeForm(form: Record<string, string>): string {
	let out = '';
	for (const key in form) {
		const value = form[key];
		if (value === undefined) continue;
		out += `${out === '' ? '' : '&'}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
	}
	return out;
}

/** The login fields VICIdial reads from the body of every call. */
export function loginForm(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return {
		user: typeof credentials.apiUser === 'string' ? credentials.apiUser.trim() : '',
		pass: typeof credentials.password === 'string' ? credentials.password : '',
		source: typeof credentials.source === 'string' ? credentials.source : '',
	};
}

export function connectionFromCredentials(credentials: ICredentialDataDecryptedObject): Connection {
	const login = loginForm(credentials);
	if (!SOURCE_PATTERN.test(login.source)) {
		throw new VicidialError(
			'invalid',
			'The Source must be 2 to 20 letters or digits (VICIdial rejects shorter ones and drops other characters).',
			{
				hint: 'Fix the Source field of the VICIdial API credential.',
				outcome: 'not_sent',
			},
		);
	}
	const connection = {
		baseUrl: normaliseServerUrl(credentials.serverUrl),
		nonAgentPath: normalisePath(credentials.nonAgentPath, '/vicidial/non_agent_api.php'),
		agentPath: normalisePath(credentials.agentPath, '/agc/api.php'),
		ignoreSslIssues: credentials.ignoreSslIssues === true,
	} as Connection;
	// Not enumerable: a dump, a log line or JSON of the connection shows neither.
	Object.defineProperty(connection, 'secrets', {
		value: login.pass ? [login.pass] : [],
		enumerable: false,
	});
	Object.defineProperty(connection, 'loginBody', { value: encodeForm(login), enumerable: false });
	return connection;
}

export function endpointUrl(connection: Connection, api: ApiName): string {
	return connection.baseUrl + (api === 'agent' ? connection.agentPath : connection.nonAgentPath);
}

export type HttpContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What n8n's request helpers hand back as a body, as text. */
export function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : body === undefined || body === null ? '' : String(body);
}

/** Thrown by `readAnswer`: the answer stopped before its end, after `received` bytes. */
export class CutAnswer extends Error {
	constructor(
		readonly received: number,
		readonly timedOut: boolean,
	) {
		super(timedOut ? 'answer timed out part-way' : 'answer cut part-way');
		this.name = 'CutAnswer';
	}
}

/** Thrown by `readAnswer`: the answer is larger than allowed. */
export class AnswerTooLarge extends Error {
	constructor(readonly limit: number) {
		super('answer too large');
		this.name = 'AnswerTooLarge';
	}
}

/** The part of a Node.js readable stream the reader uses (n8n's helper gives an IncomingMessage). */
export interface AnswerStream {
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
	destroy(): unknown;
}

function isReadable(value: unknown): value is AnswerStream {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as AnswerStream).on === 'function' &&
		typeof (value as AnswerStream).destroy === 'function'
	);
}

/**
 * Reads an answer stream whole, up to `maxBytes` (stops reading and closes the connection past
 * it) and before `deadline` (epoch ms). A connection closed before the end is a CutAnswer.
 */
export async function readAnswer(
	stream: AnswerStream,
	maxBytes: number,
	deadline: number,
	declaredLength?: number,
): Promise<Buffer> {
	if (declaredLength !== undefined && declaredLength > maxBytes) {
		stream.destroy();
		throw new AnswerTooLarge(maxBytes);
	}
	const timeout = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
	return await new Promise<Buffer>((resolve, reject) => {
		let chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const finish = (error: Error | undefined, value?: Buffer) => {
			if (settled) return;
			settled = true;
			// let go of the chunks: the timer lives on until it fires
			timeout.removeEventListener('abort', onTimeout);
			chunks = [];
			if (error) {
				stream.destroy();
				reject(error);
			} else resolve(value as Buffer);
		};
		// An error is made only when it is news: 'close' follows every 'end'.
		const onTimeout = () => settled || finish(new CutAnswer(size, true));
		timeout.addEventListener('abort', onTimeout);
		stream.on('data', (chunk) => {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += buffer.length;
			if (size > maxBytes) finish(new AnswerTooLarge(maxBytes));
			else chunks.push(buffer);
		});
		stream.on('end', () =>
			finish(undefined, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)),
		);
		stream.on(
			'error',
			(error) =>
				settled ||
				finish(new CutAnswer(size, /timeout/i.test(`${error.code ?? ''} ${error.message}`))),
		);
		stream.on('close', () => settled || finish(new CutAnswer(size, false)));
	});
}

function headerNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(number) ? number : undefined;
}

/** Reads what n8n's helper gave back (a stream, or a body already read by a test double). */
async function answerOf(
	body: unknown,
	request: RawRequest,
	started: number,
	headers: Record<string, unknown>,
): Promise<Buffer> {
	if (isReadable(body)) {
		const declared = headers['content-encoding']
			? undefined
			: headerNumber(headers['content-length']);
		return await readAnswer(body, request.maxBytes, started + request.timeoutMs, declared);
	}
	const buffer = Buffer.isBuffer(body) ? body : Buffer.from(bodyText(body));
	if (buffer.length > request.maxBytes) throw new AnswerTooLarge(request.maxBytes);
	return buffer;
}

type FullResponse = {
	statusCode: number;
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
};

/**
 * A sender for node, trigger and load-options contexts: `helpers.httpRequest`, no redirect
 * followed, the answer read as a stream up to the size limit. The login is already in
 * `request.body` (see `callVicidial`), so n8n's credential machinery does no work per request.
 */
export function contextSender(context: HttpContext): Sender {
	const cancel =
		'getExecutionCancelSignal' in context && typeof context.getExecutionCancelSignal === 'function'
			? context.getExecutionCancelSignal()
			: undefined;
	return async (request) => {
		const started = Date.now();
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: request.url,
			body: request.body,
			// With a charset the helper takes the ready body as it is (no re-parsing into URLSearchParams).
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: request.timeoutMs,
			skipSslCertificateValidation: request.ignoreSslIssues,
			...(cancel ? { abortSignal: cancel } : {}),
		};
		const response = (await context.helpers.httpRequest(options)) as FullResponse;
		const headers = response.headers ?? {};
		const data = await answerOf(response.body, request, started, headers);
		return { statusCode: response.statusCode, body: data.toString('utf8'), headers };
	};
}

/** A sender over the legacy `helpers.request` (the credential test has no other): no redirect followed either. */
export function legacySender(request: (options: object) => Promise<unknown>): Sender {
	return async (raw) => {
		const started = Date.now();
		const response = (await request({
			method: 'POST',
			uri: raw.url,
			body: raw.body,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			followRedirect: false,
			followAllRedirects: false,
			useStream: true,
			timeout: raw.timeoutMs,
			rejectUnauthorized: !raw.ignoreSslIssues,
		})) as FullResponse;
		const headers = response.headers ?? {};
		const data = await answerOf(response.body, raw, started, headers);
		return { statusCode: response.statusCode, body: data.toString('utf8'), headers };
	};
}

interface NetworkCase {
	pattern: RegExp;
	message: string;
	/** The request may have reached VICIdial. */
	sent: boolean;
	/** Worth one more try for a read: the cause is likely passing. */
	transient: boolean;
}

const NETWORK_CASES: NetworkCase[] = [
	{
		pattern: /ECONNREFUSED/,
		message:
			'The VICIdial server refused the connection (nothing listens at that address and port).',
		sent: false,
		transient: false,
	},
	{
		pattern: /ENOTFOUND|EAI_AGAIN/,
		message: 'The VICIdial server name could not be resolved.',
		sent: false,
		transient: false,
	},
	{
		pattern: /EHOSTUNREACH|ENETUNREACH/,
		message: 'The VICIdial server cannot be reached from n8n.',
		sent: false,
		transient: false,
	},
	{
		pattern: /CERT|self[- ]signed|unable to verify|certificate/i,
		message:
			'The TLS (https) connection to VICIdial failed: the server certificate is not trusted. Fix the certificate, or turn on "Ignore SSL Issues" in the credential if you trust this server.',
		sent: false,
		transient: false,
	},
	{
		pattern: /EPROTO|wrong version number|SSL routines|TLS|handshake/i,
		message:
			'The TLS (https) handshake with VICIdial failed: the server may not speak https on that port (try http://), or its TLS setup is broken.',
		sent: false,
		transient: false,
	},
	{
		pattern: /ETIMEDOUT|ESOCKETTIMEDOUT|timeout|ECONNABORTED/i,
		message: 'VICIdial did not answer in time (Timeout option).',
		sent: true,
		transient: false,
	},
	{
		pattern: /ECONNRESET|socket hang up|EPIPE|aborted/i,
		message: 'The connection to VICIdial was cut before any answer arrived.',
		sent: true,
		transient: true,
	},
];

/** Said of every write whose outcome no answer proves. */
export const MAY_HAVE_APPLIED =
	'The change may have been made in VICIdial: check before running it again.';

/** A VicidialError for a failed exchange, and whether a read may try once more. */
interface NetworkFailure {
	error: VicidialError;
	transient: boolean;
}

function sizeInMb(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}

function uncertain(
	kind: 'network' | 'malformed',
	message: string,
	writes: boolean,
	extra: { hint?: string } = {},
): VicidialError {
	return new VicidialError(kind, writes ? `${message} ${MAY_HAVE_APPLIED}` : message, {
		...extra,
		outcome: 'unknown',
		mayHaveApplied: writes,
	});
}

function classifyNetworkError(
	error: unknown,
	writes: boolean,
	secrets: readonly string[],
	itemSecrets: readonly string[] = [],
): NetworkFailure {
	if (error instanceof VicidialError) return { error, transient: false };
	if (error instanceof AnswerTooLarge) {
		const message = `VICIdial's answer is larger than ${sizeInMb(error.limit)}; reading stopped there.`;
		return {
			error: uncertain('malformed', message, writes, {
				hint: 'Ask for less (a narrower search, a shorter date range, fewer rows), or raise "Max Answer Size (MB)" in the Options if the server really sends that much.',
			}),
			transient: false,
		};
	}
	if (error instanceof CutAnswer) {
		const message = error.timedOut
			? `VICIdial started answering but did not finish in time (${error.received} bytes received before the Timeout).`
			: `VICIdial's answer was cut off: the connection closed after ${error.received} bytes, before the answer was complete.`;
		return { error: uncertain('network', message, writes), transient: !error.timedOut };
	}
	const record = (error ?? {}) as {
		code?: unknown;
		message?: unknown;
		cause?: { code?: unknown; message?: unknown };
	};
	const text = [record.code, record.message, record.cause?.code, record.cause?.message]
		.filter((v) => typeof v === 'string')
		.join(' ');
	for (const known of NETWORK_CASES) {
		if (known.pattern.test(text)) {
			if (!known.sent)
				return {
					error: new VicidialError('network', known.message, { outcome: 'not_sent' }),
					transient: false,
				};
			return { error: uncertain('network', known.message, writes), transient: known.transient };
		}
	}
	const message = `The request to VICIdial failed: ${redact(text || 'unknown error', secrets, itemSecrets).slice(0, 300)}`;
	return { error: uncertain('network', message, writes), transient: false };
}

/** Turns whatever the HTTP layer threw into a clean VicidialError with no request details. */
export function networkError(
	error: unknown,
	writes: boolean,
	secrets: readonly string[],
): VicidialError {
	return classifyNetworkError(error, writes, secrets).error;
}

/** A redirect is never followed (the body holds the password): say where it points instead. */
function redirectError(response: RawResponse, requestUrl: string, apiPath: string): VicidialError {
	const header = response.headers.location ?? response.headers.Location;
	const location = Array.isArray(header) ? header[0] : header;
	const hint =
		'n8n does not follow a redirect with the VICIdial password. Put the address the server redirects to into the Server URL of the credential.';
	const target =
		typeof location === 'string' && URL.canParse(location, requestUrl)
			? new URL(location, requestUrl)
			: undefined;
	if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
		return new VicidialError(
			'http',
			`The server answered HTTP ${response.statusCode} (a redirect) without a usable address; nothing was sent on.`,
			{
				httpCode: response.statusCode,
				hint,
				outcome: 'not_sent',
			},
		);
	}
	const shown = `${target.protocol}//${target.host}${target.pathname}`;
	const root = target.pathname.endsWith(apiPath)
		? target.pathname.slice(0, -apiPath.length).replace(/\/+$/, '')
		: '';
	return new VicidialError(
		'http',
		`The server redirects to ${shown}: use ${target.protocol}//${target.host}${root} as the Server URL.`,
		{
			httpCode: response.statusCode,
			hint,
			outcome: 'not_sent',
		},
	);
}

/** What is called: an entry (its API and whether it writes), or a probe described like one. */
export interface CallTarget extends Pick<FunctionEntry, 'api' | 'writes'> {
	/** false for the calls VICIdial answers without a login (`version`): the password stays home. */
	login?: boolean;
}

/**
 * How one call is made: the one options type from the node's Options (read per item) through
 * the client to the transport and the parser.
 */
export interface CallOptions {
	/** How long to wait for the whole answer (default 30 s). */
	timeoutMs?: number;
	/** The most bytes of answer to read (default 64 MB). */
	maxBytes?: number;
	/** A search that finds nothing answers no records instead of an error (read by the parser). */
	emptyOnNoRecords?: boolean;
	/** An item's own secrets (a new agent's password): redacted like the API password, and where VICIdial echoes them as a field. */
	itemSecrets?: readonly string[];
}

/**
 * Sends one call and returns the answer with echoed secrets removed. A read is tried once
 * more after a cut connection or an empty HTTP 500 (both pass); a write never is. Refused
 * connections, DNS, TLS and timeouts are not retried: another try would fail alike or wait
 * twice as long as the user allowed. A redirect (3xx) is an error: its target never gets the body.
 */
export async function callVicidial(
	sender: Sender,
	connection: Connection,
	target: CallTarget,
	form: Record<string, string>,
	options: CallOptions = {},
): Promise<RawResponse> {
	const { api, writes } = target;
	if (typeof connection.loginBody !== 'string') {
		throw new VicidialError(
			'invalid',
			'Internal error: a VICIdial connection without its login (made other than by connectionFromCredentials); nothing was sent.',
			{ outcome: 'not_sent' },
		);
	}
	const own = encodeForm(form);
	const request = {
		url: endpointUrl(connection, api),
		form,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		ignoreSslIssues: connection.ignoreSslIssues,
		maxBytes: options.maxBytes ?? DEFAULT_MAX_ANSWER_BYTES,
	} as RawRequest;
	const login = target.login === false ? '' : connection.loginBody;
	Object.defineProperty(request, 'body', {
		value: own === '' ? login : login === '' ? own : `${own}&${login}`,
		enumerable: false,
	});
	const attempts = writes ? 1 : 2;
	let lastError: VicidialError | undefined;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		let response: RawResponse;
		try {
			response = await sender(request);
		} catch (error) {
			const failure = classifyNetworkError(error, writes, connection.secrets, options.itemSecrets);
			lastError = failure.error;
			if (!failure.transient) break;
			continue;
		}
		if (response.statusCode >= 300 && response.statusCode < 400) {
			throw redirectError(
				response,
				request.url,
				api === 'agent' ? connection.agentPath : connection.nonAgentPath,
			);
		}
		if (response.statusCode >= 500 && response.body.trim() === '' && attempt < attempts) {
			continue;
		}
		return {
			...response,
			body: redactAnswer(response.body, connection.secrets, options.itemSecrets),
		};
	}
	throw (
		lastError ??
		new VicidialError('http', 'The server answered HTTP 500 with an empty body twice.', {
			httpCode: 500,
			outcome: 'unknown',
		})
	);
}

/**
 * The HTTP status decision for a VICIdial call: VICIdial itself always answers 200, so
 * anything else is an error. A 5xx does not prove the outcome (PHP may have failed after the
 * change); a 4xx comes from the web server before VICIdial ran.
 */
export function statusError(
	response: RawResponse,
	writes: boolean,
	serverErrorHint?: string,
): VicidialError | undefined {
	const code = response.statusCode;
	if (code === 200) return undefined;
	const body = response.body.trim();
	if (code >= 400 && code < 500) {
		return new VicidialError(
			'http',
			`The server answered HTTP ${code}: VICIdial did not run the call.`,
			{ httpCode: code, outcome: 'refused' },
		);
	}
	let message: string;
	let hint: string | undefined;
	if (code >= 500 && body === '') {
		message = `VICIdial failed with an internal error (HTTP ${code}) and sent no answer.`;
		hint =
			serverErrorHint ??
			'VICIdial (PHP or its database) failed while handling the call. Check the record before running the item again.';
	} else if (code >= 500 && !/^\s*<(!doctype|html|head|body)\b/i.test(body)) {
		// PHP failed part-way: what VICIdial printed before the failure did happen.
		message = `VICIdial failed part-way through (HTTP ${code}) after printing: ${body.slice(0, 300)}`;
		hint =
			'VICIdial stopped with an internal error. Anything it printed before that (a SUCCESS line, say) was done; check the record before running the item again.';
	} else {
		message = `The server answered HTTP ${code} instead of a VICIdial answer.`;
	}
	return new VicidialError('http', writes ? `${message} ${MAY_HAVE_APPLIED}` : message, {
		httpCode: code,
		hint,
		outcome: 'unknown',
		mayHaveApplied: writes,
	});
}

/** For a write, an error whose outcome is unknown says the change may have been made. */
export function forWrite(error: unknown, writes: boolean): unknown {
	if (
		!(error instanceof VicidialError) ||
		!writes ||
		error.outcome !== 'unknown' ||
		error.mayHaveApplied
	)
		return error;
	return new VicidialError(error.kind, `${error.message} ${MAY_HAVE_APPLIED}`, {
		hint: error.hint,
		data: error.data,
		httpCode: error.httpCode,
		outcome: 'unknown',
		mayHaveApplied: true,
	});
}

export type { Outcome };
