/**
 * Calls one entry from any n8n context (dropdown loaders, triggers, webhook registration):
 * the same validation, transport and parser as the node's operations.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { buildForm } from './params';
import { parseAnswer } from './parse';
import type { ParsedAnswer } from './parse';
import type { FunctionSpec } from './spec';
import { needsServerOffset } from './spec';
import type { Connection, HttpContext, Sender } from './transport';
import { CREDENTIAL_NAME, callVicidial, connectionFromCredentials, contextSender } from './transport';
import { versionFunction } from './version';

type CredentialContext = HttpContext & { getCredentials(type: string): Promise<ICredentialDataDecryptedObject> };

export interface Client {
	connection: Connection;
	sender: Sender;
	/** Validates `values` (keyed by VICIdial name) like user input, calls and parses. */
	call(spec: FunctionSpec, values?: Record<string, unknown>, options?: { emptyOnNoRecords?: boolean; timeoutMs?: number }): Promise<ParsedAnswer>;
	/** The server's UTC offset in hours (version's TZNOW), asked once per client. */
	utcOffsetHours(): Promise<number | undefined>;
}

export async function clientFor(context: CredentialContext, defaults: { timeoutMs?: number } = {}): Promise<Client> {
	const connection = connectionFromCredentials(await context.getCredentials(CREDENTIAL_NAME));
	const sender = contextSender(context);
	let offset: Promise<number | undefined> | undefined;
	const utcOffsetHours = async () =>
		await (offset ??= (async () => {
			const response = await callVicidial(sender, connection, 'nonAgent', { function: versionFunction.fn }, { writes: false, timeoutMs: 10_000 });
			const value = parseAnswer(response.body, versionFunction, { httpCode: response.statusCode }).records[0]?.tznow;
			return typeof value === 'number' ? value : undefined;
		})().catch(() => undefined));
	return {
		connection,
		sender,
		utcOffsetHours,
		async call(spec, values = {}, options = {}) {
			const form = buildForm(spec, values);
			const response = await callVicidial(sender, connection, spec.api, form, { writes: spec.writes, timeoutMs: options.timeoutMs ?? defaults.timeoutMs });
			const parsed = parseAnswer(response.body, spec, {
				sent: form,
				utcOffsetHours: needsServerOffset(spec) ? await utcOffsetHours() : undefined,
				emptyOnNoRecords: options.emptyOnNoRecords ?? false,
				httpCode: response.statusCode,
			});
			// A caller that asked for the version already has the offset: no second request for it.
			const tznow = spec === versionFunction ? parsed.records[0]?.tznow : undefined;
			if (offset === undefined && typeof tznow === 'number') offset = Promise.resolve(tznow);
			return parsed;
		},
	};
}
