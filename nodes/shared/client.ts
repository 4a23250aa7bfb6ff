/**
 * Calls one entry from any n8n context (dropdown loaders, triggers, webhook registration):
 * the same validation, transport and parser as the node's operations.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { buildForm } from './params';
import { parseAnswer } from './parse';
import type { ParsedAnswer } from './parse';
import type { FunctionEntry } from './entry';
import { needsServerOffset } from './answer/reader';
import type { Connection, HttpContext, Sender } from './transport';
import { CREDENTIAL_NAME, callVicidial, connectionFromCredentials, contextSender, forWrite, statusError } from './transport';
import { versionFunction } from './version';

type CredentialContext = HttpContext & { getCredentials(type: string): Promise<ICredentialDataDecryptedObject> };

export interface SendOptions {
	emptyOnNoRecords?: boolean;
	timeoutMs?: number;
	/** The most bytes of answer to read (default 64 MB). */
	maxBytes?: number;
	/** More values to redact than the API password (an item's own passwords). */
	secrets?: readonly string[];
}

export interface ClientDefaults {
	timeoutMs?: number;
	maxBytes?: number;
}

export interface Client {
	connection: Connection;
	sender: Sender;
	/** Validates `values` (keyed by VICIdial name) like user input, calls and parses. */
	call(spec: FunctionEntry, values?: Record<string, unknown>, options?: SendOptions): Promise<ParsedAnswer>;
	/** Sends a ready form (already validated) and parses the answer; also gives the answer text. */
	send(spec: FunctionEntry, form: Record<string, string>, options?: SendOptions): Promise<{ answer: ParsedAnswer; body: string }>;
	/** The server's UTC offset in hours (version's TZNOW), asked once per client; undefined when unknown. */
	utcOffsetHours(): Promise<number | undefined>;
}

/** A client over a sender and a connection: the one path every call of the package takes. */
export function makeClient(sender: Sender, connection: Connection, defaults: ClientDefaults = {}): Client {
	let offset: Promise<number | undefined> | undefined;
	const utcOffsetHours = async () =>
		await (offset ??= (async () => {
			const response = await callVicidial(sender, connection, 'nonAgent', { function: versionFunction.fn }, { writes: false, timeoutMs: 10_000, maxBytes: defaults.maxBytes, login: false });
			if (response.statusCode !== 200) return undefined;
			const value = parseAnswer(response.body, versionFunction, { httpCode: response.statusCode }).records[0]?.tznow;
			return typeof value === 'number' ? value : undefined;
			// The offset only adds ISO companions; the call itself reports any real problem.
		})().catch(() => undefined));
	const send: Client['send'] = async (spec, form, options = {}) => {
		const response = await callVicidial(sender, connection, spec.api, form, {
			writes: spec.writes,
			timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
			maxBytes: options.maxBytes ?? defaults.maxBytes,
			itemSecrets: options.secrets,
		});
		const failed = statusError(response, spec.writes, spec.serverErrorHint);
		if (failed) throw failed;
		let answer: ParsedAnswer;
		try {
			answer = parseAnswer(response.body, spec, {
				sent: form,
				utcOffsetHours: needsServerOffset(spec) ? await utcOffsetHours() : undefined,
				emptyOnNoRecords: options.emptyOnNoRecords ?? false,
				httpCode: response.statusCode,
			});
		} catch (error) {
			// An answer that cannot be read proves nothing: for a write, the change may have been made.
			throw forWrite(error, spec.writes);
		}
		// A caller that asked for the version already has the offset: no second request for it.
		const tznow = spec === versionFunction ? answer.records[0]?.tznow : undefined;
		if (offset === undefined && typeof tznow === 'number') offset = Promise.resolve(tznow);
		return { answer, body: response.body };
	};
	return {
		connection,
		sender,
		utcOffsetHours,
		send,
		async call(spec, values = {}, options = {}) {
			return (await send(spec, buildForm(spec, values), options)).answer;
		},
	};
}

/** A client for a trigger, a loader or a webhook: the credential read once, the same path as the node's items. */
export async function clientFor(context: CredentialContext, defaults: ClientDefaults = {}): Promise<Client> {
	return makeClient(contextSender(context), connectionFromCredentials(await context.getCredentials(CREDENTIAL_NAME)), defaults);
}
