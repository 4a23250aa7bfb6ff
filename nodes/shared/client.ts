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
import type { CallOptions, Connection, HttpContext, Sender } from './transport';
import {
	CREDENTIAL_NAME,
	callVicidial,
	connectionFromCredentials,
	contextSender,
	forWrite,
	statusError,
} from './transport';
import { versionFunction } from './version';

type CredentialContext = HttpContext & {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
};

/** What a client uses when a call's options leave them out (a trigger's shorter timeout, say). */
export type ClientDefaults = Pick<CallOptions, 'timeoutMs' | 'maxBytes'>;

export interface Client {
	connection: Connection;
	sender: Sender;
	/** Validates `values` (keyed by VICIdial name) like user input, calls and parses. */
	call(
		entry: FunctionEntry,
		values?: Record<string, unknown>,
		options?: CallOptions,
	): Promise<ParsedAnswer>;
	/** Sends a ready form (already validated) and parses the answer; also gives the answer text. */
	send(
		entry: FunctionEntry,
		form: Record<string, string>,
		options?: CallOptions,
	): Promise<{ answer: ParsedAnswer; body: string }>;
	/** The server's UTC offset in hours (version's TZNOW), asked once per client; undefined when unknown. */
	utcOffsetHours(): Promise<number | undefined>;
}

/** A client over a sender and a connection: the one path every call of the package takes. */
export function makeClient(
	sender: Sender,
	connection: Connection,
	defaults: ClientDefaults = {},
): Client {
	let offset: Promise<number | undefined> | undefined;
	const utcOffsetHours = async () =>
		await (offset ??= (async () => {
			const response = await callVicidial(
				sender,
				connection,
				{ api: 'nonAgent', writes: false, login: false },
				{ function: versionFunction.fn },
				{ timeoutMs: 10_000, maxBytes: defaults.maxBytes },
			);
			if (response.statusCode !== 200) return undefined;
			const value = parseAnswer(response.body, versionFunction, { httpCode: response.statusCode })
				.records[0]?.tznow;
			return typeof value === 'number' ? value : undefined;
			// The offset only adds ISO companions; the call itself reports any real problem.
		})().catch(() => undefined));
	const send: Client['send'] = async (entry, form, options = {}) => {
		const response = await callVicidial(sender, connection, entry, form, {
			...options,
			timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
			maxBytes: options.maxBytes ?? defaults.maxBytes,
		});
		const failed = statusError(response, entry.writes, entry.serverErrorHint);
		if (failed) throw failed;
		let answer: ParsedAnswer;
		try {
			answer = parseAnswer(response.body, entry, {
				sent: form,
				utcOffsetHours: needsServerOffset(entry) ? await utcOffsetHours() : undefined,
				emptyOnNoRecords: options.emptyOnNoRecords ?? false,
				httpCode: response.statusCode,
			});
		} catch (error) {
			// An answer that cannot be read proves nothing: for a write, the change may have been made.
			throw forWrite(error, entry.writes);
		}
		// A caller that asked for the version already has the offset: no second request for it.
		const tznow = entry === versionFunction ? answer.records[0]?.tznow : undefined;
		if (offset === undefined && typeof tznow === 'number') offset = Promise.resolve(tznow);
		return { answer, body: response.body };
	};
	return {
		connection,
		sender,
		utcOffsetHours,
		send,
		async call(entry, values = {}, options = {}) {
			return (await send(entry, buildForm(entry, values), options)).answer;
		},
	};
}

/** A client for a trigger, a loader or a webhook: the credential read once, the same path as the node's items. */
export async function clientFor(
	context: CredentialContext,
	defaults: ClientDefaults = {},
): Promise<Client> {
	return makeClient(
		contextSender(context),
		connectionFromCredentials(await context.getCredentials(CREDENTIAL_NAME)),
		defaults,
	);
}
