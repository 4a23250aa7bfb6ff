/**
 * The one way this package talks to VICIdial: a POST with a form body. The credential's
 * `authenticate` adds user, pass and source to that body, never to the URL.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions, IPollFunctions, IHookFunctions, IWebhookFunctions, IDataObject } from 'n8n-workflow';
import type { ApiName } from './spec';
import { VicidialError, redact, redactAnswer } from './errors';

export const CREDENTIAL_NAME = 'vicidialApi';
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Where the two APIs live, taken from the credential. */
export interface Connection {
	baseUrl: string;
	nonAgentPath: string;
	agentPath: string;
	ignoreSslIssues: boolean;
	/** Values that must never leave this package (the password). */
	secrets: string[];
}

export interface RawRequest {
	url: string;
	form: Record<string, string>;
	timeoutMs: number;
	ignoreSslIssues: boolean;
	/** `arraybuffer` for files (recordings); text otherwise. */
	binary?: boolean;
}

export interface RawResponse {
	statusCode: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
	data?: Buffer;
}

/** Sends one request; n8n's helpers do the HTTP, so proxy, SSL and SSRF settings apply. */
export type Sender = (request: RawRequest) => Promise<RawResponse>;

/** Server URL must be http(s) with a host; a trailing slash is fine. */
export function normaliseServerUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!URL.canParse(text)) {
		throw new VicidialError('invalid', `The Server URL "${text}" is not a valid URL. Use the form https://dialer.example.com`, {
			hint: 'Set the Server URL in the VICIdial API credential to http:// or https:// followed by the server name.',
		});
	}
	const parsed = new URL(text);
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		throw new VicidialError('invalid', `The Server URL must start with http:// or https://, not ${parsed.protocol}//`, {
			hint: 'Set the Server URL in the VICIdial API credential to http:// or https:// followed by the server name.',
		});
	}
	if (parsed.username || parsed.password) {
		throw new VicidialError('invalid', 'The Server URL must not contain a user name or password; put them in the credential fields.');
	}
	if (parsed.search || parsed.hash) {
		throw new VicidialError('invalid', 'The Server URL must not contain a query string or fragment.');
	}
	return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

function normalisePath(value: unknown, fallback: string): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return text.startsWith('/') ? text : `/${text}`;
}

/** VICIdial refuses a source shorter than 2 characters and drops all but letters and digits. */
export const SOURCE_PATTERN = /^[\p{L}0-9]{2,20}$/u;

export function connectionFromCredentials(credentials: ICredentialDataDecryptedObject): Connection {
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	const source = typeof credentials.source === 'string' ? credentials.source : '';
	if (!SOURCE_PATTERN.test(source)) {
		throw new VicidialError('invalid', 'The Source must be 2 to 20 letters or digits (VICIdial rejects shorter ones and drops other characters).', {
			hint: 'Fix the Source field of the VICIdial API credential.',
		});
	}
	return {
		baseUrl: normaliseServerUrl(credentials.serverUrl),
		nonAgentPath: normalisePath(credentials.nonAgentPath, '/vicidial/non_agent_api.php'),
		agentPath: normalisePath(credentials.agentPath, '/agc/api.php'),
		ignoreSslIssues: credentials.ignoreSslIssues === true,
		secrets: password ? [password] : [],
	};
}

export function endpointUrl(connection: Connection, api: ApiName): string {
	return connection.baseUrl + (api === 'agent' ? connection.agentPath : connection.nonAgentPath);
}

export type HttpContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

/** What n8n's request helpers hand back as a body, as text. */
export function bodyText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return typeof body === 'string' ? body : body === undefined || body === null ? '' : String(body);
}

/** A sender for node, trigger and load-options contexts: authenticated by the credential. */
export function contextSender(context: HttpContext): Sender {
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: request.url,
			body: request.form as IDataObject,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			encoding: request.binary ? 'arraybuffer' : 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
			skipSslCertificateValidation: request.ignoreSslIssues,
		};
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_NAME, options)) as {
			statusCode: number;
			body: unknown;
			headers: Record<string, string | string[] | undefined>;
		};
		const data = Buffer.isBuffer(response.body) ? response.body : undefined;
		return { statusCode: response.statusCode, body: bodyText(response.body), headers: response.headers ?? {}, data };
	};
}

interface NetworkCase {
	pattern: RegExp;
	message: string;
	/** A sent write may have reached VICIdial. */
	uncertain: boolean;
	/** Worth one more try for a read: the cause is likely passing. */
	transient: boolean;
}

const NETWORK_CASES: NetworkCase[] = [
	{ pattern: /ECONNREFUSED/, message: 'The VICIdial server refused the connection (nothing listens at that address and port).', uncertain: false, transient: false },
	{ pattern: /ENOTFOUND|EAI_AGAIN/, message: 'The VICIdial server name could not be resolved.', uncertain: false, transient: false },
	{ pattern: /EHOSTUNREACH|ENETUNREACH/, message: 'The VICIdial server cannot be reached from n8n.', uncertain: false, transient: false },
	{
		pattern: /CERT|self[- ]signed|unable to verify|certificate/i,
		message: 'The TLS (https) connection to VICIdial failed: the server certificate is not trusted. Fix the certificate, or turn on "Ignore SSL Issues" in the credential if you trust this server.',
		uncertain: false,
		transient: false,
	},
	{
		pattern: /EPROTO|wrong version number|SSL routines|TLS|handshake/i,
		message: 'The TLS (https) handshake with VICIdial failed: the server may not speak https on that port (try http://), or its TLS setup is broken.',
		uncertain: false,
		transient: false,
	},
	{ pattern: /ETIMEDOUT|ESOCKETTIMEDOUT|timeout|aborted/i, message: 'VICIdial did not answer in time.', uncertain: true, transient: false },
	{ pattern: /ECONNRESET|socket hang up|EPIPE/i, message: 'The connection to VICIdial was cut before the answer was complete.', uncertain: true, transient: true },
];

/** A VicidialError for a failed connection, and whether a read may try once more. */
interface NetworkFailure {
	error: VicidialError;
	transient: boolean;
}

function classifyNetworkError(error: unknown, writes: boolean, secrets: readonly string[]): NetworkFailure {
	if (error instanceof VicidialError) return { error, transient: false };
	const record = (error ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
	const text = [record.code, record.message, record.cause?.code, record.cause?.message].filter((v) => typeof v === 'string').join(' ');
	for (const known of NETWORK_CASES) {
		if (known.pattern.test(text)) {
			const mayHaveApplied = writes && known.uncertain;
			const message = mayHaveApplied ? `${known.message} The change may or may not have been made in VICIdial; check before running it again.` : known.message;
			return { error: new VicidialError('network', message, { mayHaveApplied }), transient: known.transient };
		}
	}
	return {
		error: new VicidialError('network', `The request to VICIdial failed: ${redact(text || 'unknown error', secrets).slice(0, 300)}`, { mayHaveApplied: writes }),
		transient: false,
	};
}

/** Turns whatever the HTTP layer threw into a clean VicidialError with no request details. */
export function networkError(error: unknown, writes: boolean, secrets: readonly string[]): VicidialError {
	return classifyNetworkError(error, writes, secrets).error;
}

export interface CallOptions {
	writes: boolean;
	timeoutMs?: number;
	binary?: boolean;
}

/**
 * Sends one call and returns the answer with echoed secrets removed. A read is tried once
 * more after a cut connection or an empty HTTP 500 (both pass); a write never is. Refused
 * connections, DNS, TLS and timeouts are not retried: another try would fail alike or wait
 * twice as long as the user allowed.
 */
export async function callVicidial(
	sender: Sender,
	connection: Connection,
	api: ApiName,
	form: Record<string, string>,
	options: CallOptions,
): Promise<RawResponse> {
	const request: RawRequest = {
		url: endpointUrl(connection, api),
		form,
		timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		ignoreSslIssues: connection.ignoreSslIssues,
		binary: options.binary,
	};
	const attempts = options.writes ? 1 : 2;
	let lastError: VicidialError | undefined;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		let response: RawResponse;
		try {
			response = await sender(request);
		} catch (error) {
			const failure = classifyNetworkError(error, options.writes, connection.secrets);
			lastError = failure.error;
			if (!failure.transient) break;
			continue;
		}
		if (response.statusCode >= 500 && response.body.trim() === '' && attempt < attempts) {
			continue;
		}
		return { ...response, body: redactAnswer(response.body, connection.secrets) };
	}
	throw lastError ?? new VicidialError('http', 'The server answered HTTP 500 with an empty body twice.', { httpCode: 500 });
}
