/**
 * Runs a node's items through the entries: read and validate every item first (no
 * request leaves with bad input), then call VICIdial with a bounded number of requests
 * in flight, and return the items in input order, each paired to its input.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { FunctionEntry, ItemValues, OperationRuntime, ParamSpec, WriteCheck } from './entry';
import { camelName, isListLocator, locatorValue } from './entry';
import { needsServerOffset } from './answer/reader';
import { InvalidInputError, buildForm, secretValues } from './params';
import type { BuildFormOptions, CharacterPolicy, StoredChangeWarning } from './params';
import type { ParsedAnswer } from './parse';
import { VicidialError } from './errors';
import type { VicidialErrorKind } from './errors';
import type { CallOptions, Connection } from './transport';
import {
	CREDENTIAL_NAME,
	DEFAULT_TIMEOUT_MS,
	connectionFromCredentials,
	contextSender,
} from './transport';
import { makeClient } from './client';
import type { Client } from './client';
import { findEntry } from './functions/find';
import { itemError, safeNode } from './nodeKit';
import {
	ADDITIONAL_FIELDS,
	CUSTOM_FIELDS,
	DIALING_OPTIONS,
	OPTIONS,
	collectionOf,
} from './properties';

/** The calls a composite operation (entry.run) may make, all through the one client, with the item's call options. */
function operationRuntime(
	context: IExecuteFunctions,
	client: Client,
	item: PreparedItem,
): OperationRuntime {
	return {
		async call(entry, form, options = {}) {
			// The item's "empty result" option holds for the calls of a composite operation too.
			const sent = await client.send(entry, form, {
				...item.call,
				emptyOnNoRecords: options.emptyOnNoRecords ?? item.call.emptyOnNoRecords,
			});
			return sent.answer;
		},
		async items(entry, form) {
			const { answer } = await client.send(entry, form, item.call);
			return answerJson(answer, entry, undefined, form).map((json) => ({ json }));
		},
		async download(url, options = {}) {
			return await downloadFile(
				context,
				url,
				item.call.timeoutMs ?? DEFAULT_TIMEOUT_MS,
				options.maxBytes,
			);
		},
		async binary(body, fileName, mimeType) {
			return await context.helpers.prepareBinaryData(body, fileName, mimeType);
		},
		utcOffsetHours: client.utcOffsetHours,
	};
}

/** GET a file (no credentials: recording URLs are plain web paths) as a Buffer. */
async function downloadFile(
	context: IExecuteFunctions,
	url: string,
	timeoutMs: number,
	maxBytes?: number,
) {
	const parsed = URL.canParse(url) ? new URL(url) : undefined;
	if (!parsed)
		throw new VicidialError('invalid', `"${url}" is not a URL that can be downloaded`, {
			hint: 'VICIdial gave no usable file location.',
		});
	if (!['http:', 'https:'].includes(parsed.protocol)) {
		throw new VicidialError('invalid', `"${url}" is not an http or https URL`, {
			hint: 'Only web locations can be downloaded.',
		});
	}
	type FileResponse = { body: unknown; headers?: Record<string, unknown>; statusCode?: number };
	const response = (await context.helpers
		.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			timeout: timeoutMs,
			ignoreHttpStatusErrors: true,
		})
		.catch(
			(error: unknown) => new Error(error instanceof Error ? error.message : String(error)),
		)) as FileResponse | Error;
	if (response instanceof Error) {
		throw new VicidialError(
			'network',
			`The file at ${parsed.origin}${parsed.pathname} could not be downloaded: ${response.message}`,
			{
				hint: 'Check that n8n can reach the recording server.',
			},
		);
	}
	const status = response.statusCode ?? 200;
	if (status >= 400) {
		throw new VicidialError(
			'http',
			`The file at ${parsed.origin}${parsed.pathname} answered HTTP ${status}`,
			{ hint: 'The recording may have been moved or deleted, or needs a login.', httpCode: status },
		);
	}
	const body = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as ArrayBuffer);
	if (maxBytes !== undefined && body.length > maxBytes) {
		throw new VicidialError(
			'invalid',
			`The file is ${body.length} bytes, over the limit of ${maxBytes}`,
			{ hint: 'Raise the size limit option.' },
		);
	}
	const contentType =
		typeof response.headers?.['content-type'] === 'string'
			? (response.headers['content-type'] as string)
			: undefined;
	const fileName = decodeURIComponent(parsed.pathname.split('/').pop() || 'recording');
	return { body, contentType, fileName };
}

/** Whether a stored parameter value holds an expression anywhere (n8n marks them with a leading "="). */
function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

/**
 * Reads node parameters for many items. n8n resolves and validates a parameter against the
 * node's whole description on every read; a value without an expression is the same for
 * every item, so it is read once per run.
 */
class ParameterReader {
	private readonly constants = new Map<string, unknown>();
	private readonly stored: INodeParameters;

	constructor(private readonly context: IExecuteFunctions) {
		this.stored = context.getNode().parameters;
	}

	get<T>(path: string, itemIndex: number, fallback: T): T {
		if (this.constants.has(path)) return this.constants.get(path) as T;
		const value = this.context.getNodeParameter(path, itemIndex, fallback as never) as T;
		let raw: unknown = this.stored;
		for (const key of path.split('.'))
			raw = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
		if (!hasExpression(raw)) this.constants.set(path, value);
		return value;
	}
}

/** One item, read and checked: what its calls send and how. */
interface PreparedItem {
	values: ItemValues;
	/** How its calls are made (from its Options), the item's own secrets among them. */
	call: CallOptions;
	includeRaw: boolean;
	/** What VICIdial is expected to store instead of what is sent (Transliterate, Send As Is). */
	warnings: StoredChangeWarning[];
}

const EDITOR_NAMES = new WeakMap<FunctionEntry, Array<[ParamSpec, string]>>();

/** An entry's parameters with their editor names, worked out once per entry. */
function editorNames(entry: FunctionEntry): Array<[ParamSpec, string]> {
	let names = EDITOR_NAMES.get(entry);
	if (!names) {
		names = entry.params.map((param) => [param, camelName(param.name)]);
		EDITOR_NAMES.set(entry, names);
	}
	return names;
}

const DEFAULT_CONCURRENCY = 4;

/**
 * "Parallel Requests" steers the whole run, not one item: read once, for the first item (an
 * expression in it sees that item).
 */
function readConcurrency(parameters: ParameterReader): number {
	const value = parameters.get<unknown>(`${OPTIONS}.concurrency`, 0, DEFAULT_CONCURRENCY);
	return typeof value === 'number' && Number.isFinite(value)
		? Math.max(1, Math.min(20, Math.floor(value)))
		: DEFAULT_CONCURRENCY;
}

/** Reads one item's values for an entry (keyed by VICIdial name) and builds its form and its steps' forms. */
function readItem(
	parameters: ParameterReader,
	entry: FunctionEntry,
	itemIndex: number,
	timezone: string,
): PreparedItem {
	const values: Record<string, unknown> = {};
	const collections: Record<string, IDataObject> = {
		[ADDITIONAL_FIELDS]: parameters.get<IDataObject>(ADDITIONAL_FIELDS, itemIndex, {}) ?? {},
	};
	if (entry.params.some((p) => collectionOf(p) === DIALING_OPTIONS))
		collections[DIALING_OPTIONS] =
			parameters.get<IDataObject>(DIALING_OPTIONS, itemIndex, {}) ?? {};
	for (const [param, name] of editorNames(entry)) {
		const value =
			param.required || param.main
				? parameters.get<unknown>(name, itemIndex, undefined)
				: collections[collectionOf(param)]?.[name];
		// a List ID is a resource locator in the editor; older workflows and expressions hold the plain ID
		values[param.name] = isListLocator(param) ? locatorValue(value) : value;
	}
	const customFields = entry.customFields
		? (parameters.get<Array<{ name: string; value: unknown }>>(
				`${CUSTOM_FIELDS}.field`,
				itemIndex,
				[],
			) ?? [])
		: [];
	const options = (parameters.get<IDataObject>(OPTIONS, itemIndex, {}) ?? {}) as Record<
		string,
		unknown
	>;
	const warnings: StoredChangeWarning[] = [];
	const buildOptions: BuildFormOptions = {
		characters: options.characters as CharacterPolicy | undefined,
		nonLatin: options.nonLatin === true,
		timezone,
	};
	const form = buildForm(entry, values, customFields, { ...buildOptions, warnings });
	const itemSecrets = secretValues(entry, form);
	// A composite operation's rules and calls are checked now too: none is left to fail after others were sent.
	entry.check?.({ values, form, options });
	let steps: Record<string, Record<string, string>> | undefined;
	for (const [name, step] of Object.entries(entry.steps ?? {})) {
		const stepValues = step.values({ values, form, options });
		if (!stepValues) continue;
		// The item's own form already reported what VICIdial changes (warnings).
		const stepForm = buildForm(
			step.entry,
			stepValues,
			step.customFields ? customFields : [],
			buildOptions,
		);
		(steps ??= {})[name] = stepForm;
		itemSecrets.push(...secretValues(step.entry, stepForm));
	}
	const call: CallOptions = {
		timeoutMs: Math.round((typeof options.timeout === 'number' ? options.timeout : 30) * 1000),
		maxBytes: Math.round(
			(typeof options.maxAnswerSize === 'number' ? options.maxAnswerSize : 64) * 1024 * 1024,
		),
		emptyOnNoRecords: options.emptyOnNoRecords === true,
		itemSecrets,
	};
	return {
		values: { form, itemIndex, options, ...(steps ? { steps } : {}) },
		call,
		includeRaw: options.includeRaw === true,
		warnings,
	};
}

/** Runs `task` for every index with at most `limit` running at once; stops starting new ones once `stop()` says so. */
async function runBounded(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Whether VICIdial may have cut this answer at its row limit (see FunctionEntry.cap). */
function cappedBy(
	entry: FunctionEntry,
	form: Record<string, string>,
	parsed: ParsedAnswer,
): ((record: IDataObject) => boolean) | undefined {
	const cap = entry.cap;
	if (!cap) return undefined;
	const sent = cap.param ? Number(form[cap.param]) : NaN;
	const limit = Number.isFinite(sent) && sent > 0 ? sent : cap.limit;
	if (cap.perRecord) {
		const field = cap.perRecord;
		return (record) => Array.isArray(record[field]) && (record[field] as unknown[]).length >= limit;
	}
	return parsed.records.length >= limit ? () => true : undefined;
}

/** An answer's records as the json of an operation's items (the one shape for plain and composite operations). */
function answerJson(
	parsed: ParsedAnswer,
	entry: FunctionEntry,
	raw: string | undefined,
	form: Record<string, string>,
): IDataObject[] {
	const notices = parsed.notices.map((n) => ({ message: n.message, data: n.data, text: n.line }));
	const capped = cappedBy(entry, form, parsed);
	// The parser's records themselves become the items' json: a 100,000-row answer is not copied a second time.
	return parsed.records.map((record) => {
		const json = record as IDataObject;
		if (capped?.(json)) {
			json.capped = true;
			json.capped_hint = entry.cap?.hint;
		}
		if (entry.queued) json.queued = true;
		if (entry.answer.itemsCarryMessage) {
			json.message = parsed.message;
			json.notices = notices;
		} else if (notices.length > 0) {
			json.notices = notices;
		}
		if (parsed.otherLines.length > 0) json.otherLines = parsed.otherLines;
		if (raw !== undefined) json.rawAnswer = raw;
		return json;
	});
}

/** What became of an item's write, as its output says it (`outcome`). */
export type WriteOutcome = 'not_sent' | 'refused' | 'unknown' | 'applied' | 'not_applied';

/** Refusals of the API user itself: every further request would be refused alike and count as one more failed login. */
const LOGIN_REFUSALS: ReadonlySet<VicidialErrorKind> = new Set<VicidialErrorKind>([
	'login',
	'lockout',
	'ipBlocked',
	'noAgentApiAccess',
]);

function isLoginRefusal(error: unknown): error is VicidialError {
	return error instanceof VicidialError && LOGIN_REFUSALS.has(error.kind);
}

/** Whether a failed item's request was sent, refused, or may have been applied. */
function outcomeOf(error: unknown): Exclude<WriteOutcome, 'applied'> {
	if (error instanceof InvalidInputError) return 'not_sent';
	// A composite operation that already checked its own write says not_applied.
	if (error instanceof VicidialError) return error.outcome;
	// An error of our own code or of n8n's: nothing says whether the request left.
	return 'unknown';
}

function errorItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
	outcome?: WriteOutcome,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.hint = error.description;
	if (error instanceof NodeApiError) {
		const cause = (error.errorResponse ?? {}) as IDataObject;
		if (cause.kind) json.errorKind = cause.kind;
	} else {
		json.errorKind = 'invalidInput';
	}
	if (outcome) json.outcome = outcome;
	return { json, pairedItem: { item: itemIndex } };
}

const OUTCOME_WORDS: Record<'not_sent' | 'unknown' | 'not_applied', string> = {
	not_sent: 'Not sent to VICIdial',
	unknown: 'The change may or may not have been made in VICIdial; check before sending it again',
	not_applied:
		'Checked afterwards: the change was not made in VICIdial, so sending it again is safe',
};

/** Adds what became of a write to the error the user sees, in words. */
function describeOutcome(error: NodeApiError | NodeOperationError, outcome: WriteOutcome): void {
	if (outcome !== 'not_sent' && outcome !== 'unknown' && outcome !== 'not_applied') return;
	const words = OUTCOME_WORDS[outcome];
	if ((error.description ?? '').includes(words)) return;
	// The transport already says it of a lost answer.
	if (outcome === 'unknown' && /may (?:or may not )?have been made/.test(error.message)) return;
	error.description = `${error.description ?? ''} ${words}.`.trim();
}

/** Looks an unknown write up: the lookups are reads, so a check that fails is tried again (twice, after 1 and 3 s); undefined when it never tells. */
async function checkWrite(
	verify: NonNullable<FunctionEntry['verifyWrite']>,
	runtime: OperationRuntime,
	values: ItemValues,
	sentAt: number,
): Promise<WriteCheck | undefined> {
	for (const pause of [0, 1000, 3000]) {
		if (pause > 0) await sleep(pause);
		try {
			return await verify(runtime, values, { sentAt });
		} catch {
			// The server may still be busy with the lost request: look again.
		}
	}
	return undefined;
}

/** The whole execute() of a node built from entries (`entries`: the node's own, from the catalogue). */
export async function executeEntries(
	context: IExecuteFunctions,
	entries: FunctionEntry[],
): Promise<INodeExecutionData[][]> {
	const items = context.getInputData();
	const parameters = new ParameterReader(context);
	const resource = parameters.get<string>('resource', 0, '');
	const operation = parameters.get<string>('operation', 0, '');
	let entry: FunctionEntry;
	try {
		entry = findEntry(entries, resource, operation);
	} catch {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operation}" of "${resource}" is not supported by this node version.`,
		);
	}

	const credentials = await context.getCredentials(CREDENTIAL_NAME);
	let connection: Connection;
	try {
		connection = connectionFromCredentials(credentials);
	} catch (error) {
		throw new NodeOperationError(
			safeNode(context.getNode(), entry),
			error instanceof Error ? error.message : String(error),
			{
				description: error instanceof VicidialError ? error.hint : undefined,
			},
		);
	}
	const secrets = connection.secrets;
	const continueOnFail = context.continueOnFail();
	const toNodeError = (error: unknown, itemIndex: number, itemSecrets?: readonly string[]) =>
		itemError(context.getNode(), error, secrets, { entry, itemIndex, itemSecrets });

	// 1. Read and validate every item (a composite operation's every call) before any request leaves.
	const timezone = context.getTimezone();
	const prepared: Array<PreparedItem | undefined> = [];
	const results: INodeExecutionData[][] = items.map(() => []);
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push(readItem(parameters, entry, i, timezone));
		} catch (error) {
			const nodeError = toNodeError(error, i);
			if (!continueOnFail) throw nodeError;
			prepared.push(undefined);
			results[i] = [errorItem(nodeError, i, entry.writes ? 'not_sent' : undefined)];
		}
	}

	// 2. Call VICIdial, bounded, in any order; results land at their input's place.
	const client = makeClient(contextSender(context), connection);
	// The server's offset is asked once per run, before the items (composite operations ask only if a call needs it).
	if (needsServerOffset(entry) && !entry.run) await client.utcOffsetHours();
	const limit = items.length > 1 ? readConcurrency(parameters) : 1;
	let firstFailure: { index: number; error: NodeApiError | NodeOperationError } | undefined;
	// VICIdial locks the API user after 10 failed logins: after one refusal, nothing more is sent.
	let loginRefusal: VicidialError | undefined;
	const done: number[] = [];
	const started = new Set<number>();

	const fail = (
		i: number,
		error: unknown,
		itemSecrets: readonly string[] | undefined,
		outcome: WriteOutcome,
	) => {
		const nodeError = toNodeError(error, i, itemSecrets);
		if (entry.writes) describeOutcome(nodeError, outcome);
		if (continueOnFail) {
			results[i] = [errorItem(nodeError, i, entry.writes ? outcome : undefined)];
		} else if (!firstFailure || i < firstFailure.index) {
			firstFailure = { index: i, error: nodeError };
		}
	};

	const runItem = async (i: number) => {
		const item = prepared[i];
		if (!item) return;
		started.add(i);
		const runtime = () => operationRuntime(context, client, item);
		const withWarnings = (outputs: INodeExecutionData[]) => {
			if (item.warnings.length > 0)
				for (const output of outputs)
					output.json.changed_by_vicidial = item.warnings as unknown as IDataObject[];
			return outputs;
		};
		const sentAt = Date.now();
		try {
			if (entry.run) {
				const outcome = await entry.run(runtime(), item.values);
				results[i] = withWarnings(
					outcome.map((r) => ({
						json: r.json as IDataObject,
						...(r.binary ? { binary: r.binary } : {}),
						pairedItem: { item: i },
					})),
				);
				done.push(i);
				return;
			}
			// The transport has already redacted the answer (the item's own passwords too: add_user echoes them).
			const { answer: parsed, body } = await client.send(entry, item.values.form, item.call);
			const pairedItem = { item: i };
			let outputs = answerJson(
				parsed,
				entry,
				item.includeRaw ? body : undefined,
				item.values.form,
			).map((json) => ({ json, pairedItem }));
			if (entry.expand && item.values.options[entry.expand.option] === true) {
				const expanded = await entry.expand.run(runtime(), parsed.records, item.values);
				outputs = expanded.map((r) => ({ json: r.json as IDataObject, pairedItem }));
			}
			results[i] = withWarnings(outputs);
			done.push(i);
		} catch (error) {
			if (isLoginRefusal(error)) loginRefusal ??= error;
			const outcome = outcomeOf(error);
			if (
				outcome === 'unknown' &&
				entry.writes &&
				entry.verifyWrite &&
				item.values.options.checkUnknownWrites !== false
			) {
				// Look, never re-send: the answer was lost, the write may be there.
				const checked = await checkWrite(entry.verifyWrite, runtime(), item.values, sentAt);
				if (checked?.outcome === 'applied') {
					results[i] = [
						{
							json: { ...(checked.json as IDataObject), outcome: 'applied', checked: true },
							pairedItem: { item: i },
						},
					];
					done.push(i);
					return;
				}
				if (checked?.outcome === 'not_applied') {
					fail(i, error, item.call.itemSecrets, 'not_applied');
					return;
				}
			}
			fail(i, error, item.call.itemSecrets, outcome);
		}
	};

	// The first request goes alone: a wrong password then costs one failed login, not one per request in flight.
	const first = prepared.findIndex((p) => p !== undefined);
	if (first >= 0) await runItem(first);
	const rest = prepared.map((_, i) => i).filter((i) => i > first && prepared[i] !== undefined);
	await runBounded(
		rest.length,
		limit,
		async (n) => await runItem(rest[n]),
		() => firstFailure !== undefined || loginRefusal !== undefined,
	);

	if (loginRefusal && continueOnFail) {
		// The items never sent get the same login error, marked as not sent.
		for (const i of rest) {
			if (started.has(i)) continue;
			const nodeError = toNodeError(loginRefusal, i);
			nodeError.description =
				`${nodeError.description ?? ''} Not sent to VICIdial: an earlier item of this run was refused the login, and every further try would count as one more failed login (VICIdial locks the user after 10).`.trim();
			results[i] = [errorItem(nodeError, i, 'not_sent')];
		}
	}
	if (firstFailure) {
		// Other items' writes ran in parallel and were made: say which, so nobody re-runs them blindly.
		if (entry.writes && done.length > 0) {
			const items = done.sort((a, b) => a - b).map((i) => i + 1);
			const listed =
				items.length > 20
					? `${items.slice(0, 20).join(', ')} and ${items.length - 20} more`
					: items.join(', ');
			firstFailure.error.description =
				`${firstFailure.error.description ?? ''} Items already done in VICIdial before the node stopped: ${listed}. Running the node again repeats them; "Continue On Fail" keeps going past failed items instead.`.trim();
		}
		throw firstFailure.error;
	}
	return [results.flat()];
}
