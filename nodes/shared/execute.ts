/**
 * Runs a node's items through the entries: read and validate every item first (no
 * request leaves with bad input), then call VICIdial with a bounded number of requests
 * in flight, and return the items in input order, each paired to its input.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { FunctionSpec } from './spec';
import { camelName } from './spec';
import { InvalidInputError, buildForm } from './params';
import { parseAnswer } from './parse';
import type { ParsedAnswer } from './parse';
import { VicidialError, redact } from './errors';
import type { Connection, Sender } from './transport';
import { CREDENTIAL_NAME, callVicidial, connectionFromCredentials, contextSender } from './transport';
import { ADDITIONAL_FIELDS, CUSTOM_FIELDS, OPTIONS } from './properties';
import { versionFunction } from './version';

interface CallOptions {
	includeRaw: boolean;
	timeoutMs: number;
	concurrency: number;
	emptyOnNoRecords: boolean;
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
	};
	return { form: buildForm(spec, values, customFields), callOptions };
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

/** Server UTC offset (TZNOW of the version function), for ISO timestamps; undefined when unknown. */
export async function fetchServerOffset(sender: Sender, connection: Connection): Promise<number | undefined> {
	try {
		const response = await callVicidial(sender, connection, 'nonAgent', { function: versionFunction.fn }, { writes: false, timeoutMs: 10_000 });
		const parsed = parseAnswer(response.body, versionFunction, { httpCode: response.statusCode });
		const offset = parsed.records[0]?.tznow;
		return typeof offset === 'number' ? offset : undefined;
	} catch {
		// The offset only adds ISO companions; the call itself reports any real problem.
		return undefined;
	}
}

function toItems(parsed: ParsedAnswer, spec: FunctionSpec, raw: string | undefined, itemIndex: number): INodeExecutionData[] {
	const notices = parsed.notices.map((n) => ({ message: n.message, data: n.data, text: n.line }));
	return parsed.records.map((record) => {
		const json: IDataObject = { ...record };
		if (spec.answer.kind === 'status') {
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

/** Converts any failure of one item into the n8n error the user sees. */
function toNodeError(context: IExecuteFunctions, error: unknown, spec: FunctionSpec, itemIndex: number, secrets: readonly string[]) {
	const node = context.getNode();
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
		throw new NodeOperationError(context.getNode(), error instanceof Error ? error.message : String(error), {
			description: error instanceof VicidialError ? error.hint : undefined,
		});
	}
	const secrets = connection.secrets;
	const continueOnFail = context.continueOnFail();

	// 1. Read and validate every item before any request leaves.
	const prepared: Array<{ form: Record<string, string>; callOptions: CallOptions } | undefined> = [];
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
	const sender = contextSender(context);
	// `pairs` answers (version) carry their own offset; others need it asked once per run.
	const wantsIso = (spec.answer.kind === 'rows' ? spec.answer.columns : spec.answer.kind === 'status' ? spec.answer.fields : []).some((f) => f.type === 'datetime');
	const offset = wantsIso ? await fetchServerOffset(sender, connection) : undefined;
	const limit = prepared.find((p) => p)?.callOptions.concurrency ?? 1;
	let firstFailure: { index: number; error: NodeApiError | NodeOperationError } | undefined;
	const done: number[] = [];

	await runBounded(
		items.length,
		limit,
		async (i) => {
			const entry = prepared[i];
			if (!entry) return;
			try {
				const response = await callVicidial(sender, connection, spec.api, entry.form, { writes: spec.writes, timeoutMs: entry.callOptions.timeoutMs });
				const parsed = parseAnswer(response.body, spec, {
					sent: entry.form,
					utcOffsetHours: offset,
					emptyOnNoRecords: entry.callOptions.emptyOnNoRecords,
					httpCode: response.statusCode,
				});
				results[i] = toItems(parsed, spec, entry.callOptions.includeRaw ? response.body : undefined, i);
				done.push(i);
			} catch (error) {
				const nodeError = toNodeError(context, error, spec, i, secrets);
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
