/**
 * Runs a node's items through the entries: read and validate every item first (no
 * request leaves with bad input), then call VICIdial with a bounded number of requests
 * in flight, and return the items in input order, each paired to its input.
 */
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeParameters, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { FunctionSpec, OperationRuntime } from './spec';
import { camelName, needsServerOffset } from './spec';
import { InvalidInputError, buildForm, secretValues } from './params';
import type { ParsedAnswer } from './parse';
import { REDACTED, VicidialError, redact } from './errors';
import type { Connection } from './transport';
import { CREDENTIAL_NAME, connectionFromCredentials, contextSender } from './transport';
import { makeClient } from './client';
import type { Client } from './client';
import { ADDITIONAL_FIELDS, CUSTOM_FIELDS, OPTIONS } from './properties';

interface CallOptions {
	includeRaw: boolean;
	timeoutMs: number;
	concurrency: number;
	emptyOnNoRecords: boolean;
	maxBytes: number;
}

/** The calls a composite operation (spec.run) may make, all through the one client. */
function operationRuntime(context: IExecuteFunctions, client: Client, callOptions: CallOptions, secrets: readonly string[]): OperationRuntime {
	return {
		async call(spec, form, options = {}) {
			const sent = await client.send(spec, form, {
				// The item's "empty result" option holds for the calls of a composite operation too.
				emptyOnNoRecords: options.emptyOnNoRecords ?? callOptions.emptyOnNoRecords,
				timeoutMs: callOptions.timeoutMs,
				maxBytes: callOptions.maxBytes,
				secrets,
			});
			return sent.answer;
		},
		async download(url, options = {}) {
			return await downloadFile(context, url, callOptions.timeoutMs, options.maxBytes);
		},
		async binary(body, fileName, mimeType) {
			return await context.helpers.prepareBinaryData(body, fileName, mimeType);
		},
		utcOffsetHours: client.utcOffsetHours,
	};
}

/** GET a file (no credentials: recording URLs are plain web paths) as a Buffer. */
async function downloadFile(context: IExecuteFunctions, url: string, timeoutMs: number, maxBytes?: number) {
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	if (!parsed) throw new VicidialError('invalid', `"${url}" is not a URL that can be downloaded`, { hint: 'VICIdial gave no usable file location.' });
	if (!['http:', 'https:'].includes(parsed.protocol)) {
		throw new VicidialError('invalid', `"${url}" is not an http or https URL`, { hint: 'Only web locations can be downloaded.' });
	}
	type FileResponse = { body: unknown; headers?: Record<string, unknown>; statusCode?: number };
	const response = (await context.helpers
		.httpRequest({ method: 'GET', url, encoding: 'arraybuffer', returnFullResponse: true, timeout: timeoutMs, ignoreHttpStatusErrors: true })
		.catch((error: unknown) => new Error(error instanceof Error ? error.message : String(error)))) as FileResponse | Error;
	if (response instanceof Error) {
		throw new VicidialError('network', `The file at ${parsed.origin}${parsed.pathname} could not be downloaded: ${response.message}`, {
			hint: 'Check that n8n can reach the recording server.',
		});
	}
	const status = response.statusCode ?? 200;
	if (status >= 400) {
		throw new VicidialError('http', `The file at ${parsed.origin}${parsed.pathname} answered HTTP ${status}`, { hint: 'The recording may have been moved or deleted, or needs a login.', httpCode: status });
	}
	const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	if (maxBytes !== undefined && body.length > maxBytes) {
		throw new VicidialError('invalid', `The file is ${body.length} bytes, over the limit of ${maxBytes}`, { hint: 'Raise the size limit option.' });
	}
	const contentType = typeof response.headers?.['content-type'] === 'string' ? (response.headers['content-type'] as string) : undefined;
	const fileName = decodeURIComponent(parsed.pathname.split('/').pop() || 'recording');
	return { body, contentType, fileName };
}

/** Reads one item's values for an entry, keyed by VICIdial name. */
function readValues(context: IExecuteFunctions, spec: FunctionSpec, itemIndex: number) {
	const values: Record<string, unknown> = {};
	const additional = context.getNodeParameter(ADDITIONAL_FIELDS, itemIndex, {}) as IDataObject;
	for (const param of spec.params) {
		const name = camelName(param.name);
		values[param.name] = param.required || param.main ? context.getNodeParameter(name, itemIndex, undefined) : additional[name];
	}
	const customFields = spec.customFields
		? ((context.getNodeParameter(`${CUSTOM_FIELDS}.field`, itemIndex, []) as Array<{ name: string; value: unknown }>) ?? [])
		: [];
	const options = context.getNodeParameter(OPTIONS, itemIndex, {}) as IDataObject;
	const callOptions: CallOptions = {
		includeRaw: options.includeRaw === true,
		timeoutMs: Math.round((typeof options.timeout === 'number' ? options.timeout : 30) * 1000),
		concurrency: typeof options.concurrency === 'number' ? Math.max(1, Math.min(20, Math.floor(options.concurrency))) : 4,
		emptyOnNoRecords: options.emptyOnNoRecords === true,
		maxBytes: Math.round((typeof options.maxAnswerSize === 'number' ? options.maxAnswerSize : 64) * 1024 * 1024),
	};
	const form = buildForm(spec, values, customFields);
	return { form, callOptions, options: options as Record<string, unknown>, secrets: secretValues(spec, form) };
}

/** Runs `task` for every index with at most `limit` running at once; stops starting new ones once `stop()` says so. */
async function runBounded(count: number, limit: number, task: (index: number) => Promise<void>, stop: () => boolean): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

function toItems(parsed: ParsedAnswer, spec: FunctionSpec, raw: string | undefined, itemIndex: number): INodeExecutionData[] {
	const notices = parsed.notices.map((n) => ({ message: n.message, data: n.data, text: n.line }));
	return parsed.records.map((record) => {
		const json: IDataObject = { ...record };
		if (spec.queued) json.queued = true;
		if (spec.answer.kind === 'status' || spec.answer.kind === 'messages') {
			json.message = parsed.message;
			json.notices = notices;
		} else if (notices.length > 0) {
			json.notices = notices;
		}
		if (parsed.otherLines.length > 0) json.otherLines = parsed.otherLines;
		if (raw !== undefined) json.rawAnswer = raw;
		return { json, pairedItem: { item: itemIndex } };
	});
}

/**
 * The node as an error carries it, with the values of secret parameters masked: n8n logs an
 * error and keeps it in the execution data together with its node's parameters.
 */
function safeNode(node: INode, spec: FunctionSpec): INode {
	const names = spec.params.filter((p) => p.secret).map((p) => camelName(p.name));
	if (names.length === 0) return node;
	const mask = (values: INodeParameters): INodeParameters => {
		const copy: INodeParameters = { ...values };
		for (const name of names) if (name in copy) copy[name] = REDACTED;
		return copy;
	};
	const parameters = mask(node.parameters);
	const additional = parameters[ADDITIONAL_FIELDS];
	if (additional && typeof additional === 'object' && !Array.isArray(additional)) parameters[ADDITIONAL_FIELDS] = mask(additional as INodeParameters);
	return { ...node, parameters };
}

/** Converts any failure of one item into the n8n error the user sees. */
function toNodeError(context: IExecuteFunctions, error: unknown, spec: FunctionSpec, itemIndex: number, secrets: readonly string[]) {
	const node = safeNode(context.getNode(), spec);
	if (error instanceof InvalidInputError) {
		return new NodeOperationError(node, `Item ${itemIndex + 1}: ${redact(error.message, secrets)}`, {
			itemIndex,
			description: `Nothing was sent to VICIdial for this item. Fix the value of "${error.field}".`,
		});
	}
	if (error instanceof VicidialError) {
		const message = redact(error.message, secrets);
		const response: JsonObject = { message, kind: error.kind, function: spec.fn, data: error.data.map((d) => redact(d, secrets)) };
		// Only searches have the "empty result" option the generic hint mentions.
		const hint = error.kind === 'noRecords' && !spec.noRecords ? 'VICIdial found nothing for these values.' : error.hint;
		return new NodeApiError(node, response, {
			message: `Item ${itemIndex + 1}: ${message}`,
			description: redact(hint, secrets),
			itemIndex,
			...(error.httpCode ? { httpCode: String(error.httpCode) } : {}),
		});
	}
	const text = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `Item ${itemIndex + 1}: ${redact(text, secrets)}`, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.hint = error.description;
	if (error instanceof NodeApiError) {
		const cause = (error.errorResponse ?? {}) as IDataObject;
		if (cause.kind) json.errorKind = cause.kind;
	} else {
		json.errorKind = 'invalidInput';
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** The whole execute() of a node built from entries. */
export async function executeEntries(context: IExecuteFunctions, specs: FunctionSpec[]): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const spec = specs.find((s) => s.resource === resource && s.operation === operation);
	if (!spec) throw new NodeOperationError(context.getNode(), `The operation "${operation}" of "${resource}" is not supported by this node version.`);

	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	let connection: Connection;
	try {
		connection = connectionFromCredentials(credentials);
	} catch (error) {
		throw new NodeOperationError(safeNode(context.getNode(), spec), error instanceof Error ? error.message : String(error), {
			description: error instanceof VicidialError ? error.hint : undefined,
		});
	}
	const secrets = connection.secrets;
	const continueOnFail = context.continueOnFail();

	// 1. Read and validate every item before any request leaves.
	const prepared: Array<{ form: Record<string, string>; callOptions: CallOptions; options: Record<string, unknown>; secrets: string[] } | undefined> = [];
	const results: INodeExecutionData[][] = items.map(() => []);
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push(readValues(context, spec, i));
		} catch (error) {
			const nodeError = toNodeError(context, error, spec, i, secrets);
			if (!continueOnFail) throw nodeError;
			prepared.push(undefined);
			results[i] = [errorItem(nodeError, i)];
		}
	}

	// 2. Call VICIdial, bounded, in any order; results land at their input's place.
	const client = makeClient(contextSender(context), connection);
	// The server's offset is asked once per run, before the items (composite operations ask only if a call needs it).
	if (needsServerOffset(spec) && !spec.run) await client.utcOffsetHours();
	const limit = prepared.find((p) => p)?.callOptions.concurrency ?? 1;
	let firstFailure: { index: number; error: NodeApiError | NodeOperationError } | undefined;
	const done: number[] = [];

	await runBounded(
		items.length,
		limit,
		async (i) => {
			const entry = prepared[i];
			if (!entry) return;
			// The item's own passwords (a new agent's) are redacted like the API password.
			const itemSecrets = [...secrets, ...entry.secrets];
			try {
				if (spec.run) {
					const runtime = operationRuntime(context, client, entry.callOptions, entry.secrets);
					const outcome = await spec.run(runtime, { form: entry.form, itemIndex: i, options: entry.options });
					results[i] = outcome.map((r) => ({ json: r.json as IDataObject, ...(r.binary ? { binary: r.binary } : {}), pairedItem: { item: i } }));
					done.push(i);
					return;
				}
				const { answer: parsed, body } = await client.send(spec, entry.form, {
					emptyOnNoRecords: entry.callOptions.emptyOnNoRecords,
					timeoutMs: entry.callOptions.timeoutMs,
					maxBytes: entry.callOptions.maxBytes,
					secrets: entry.secrets,
				});
				// A raw answer may echo the item's passwords even on success (add_user does).
				const raw = entry.callOptions.includeRaw ? (entry.secrets.length > 0 ? redact(body, entry.secrets) : body) : undefined;
				results[i] = toItems(parsed, spec, raw, i);
				done.push(i);
			} catch (error) {
				const nodeError = toNodeError(context, error, spec, i, itemSecrets);
				if (continueOnFail) {
					results[i] = [errorItem(nodeError, i)];
				} else if (!firstFailure || i < firstFailure.index) {
					firstFailure = { index: i, error: nodeError };
				}
			}
		},
		() => firstFailure !== undefined,
	);
	if (firstFailure) {
		// Other items' writes ran in parallel and were made: say which, so nobody re-runs them blindly.
		if (spec.writes && done.length > 0) {
			const items = done.sort((a, b) => a - b).map((i) => i + 1);
			const listed = items.length > 20 ? `${items.slice(0, 20).join(', ')} and ${items.length - 20} more` : items.join(', ');
			firstFailure.error.description = `${firstFailure.error.description ?? ''} Items already done in VICIdial before the node stopped: ${listed}. Running the node again repeats them; "Continue On Fail" keeps going past failed items instead.`.trim();
		}
		throw firstFailure.error;
	}
	return [results.flat()];
}
