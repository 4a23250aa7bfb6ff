/**
 * Trigger events as entries. Each event of the poll trigger and of the call event trigger
 * declares its settings as parameters, built with the same builders as the function entries
 * (rules taken from the Non-Agent parameter that receives the value); the editor fields and the
 * checks made before anything is sent are generated from them. Adding an event is adding an entry.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { ParamSpec } from './entry';
import { locatorValue } from './entry';
import { entryOf } from './functions';
import { encodeParam, InvalidInputError } from './params';
import { settingProperty } from './properties';

/** One setting of an event. `name` is the n8n parameter name, stored in saved workflows: never renamed. */
export interface EventParam extends Omit<ParamSpec, 'default'> {
	default?: INodeProperties['default'];
	/** Several values in one field, split by splitList; each is checked on its own. */
	list?: boolean;
	/** Values are checked and used in capitals (status codes, campaign IDs). */
	upperCase?: boolean;
	/** What the error says about a refused value (default: the rule's own words). */
	refused?: (value: string) => string;
	/** What the error says when a required setting is empty (default "is required"). */
	missing?: string;
	/** Shown only when other settings have these values, besides the event. */
	showWhen?: Record<string, Array<string | number | boolean>>;
}

/** What every event entry has: its value in the Event dropdown, its name, and its settings. */
export interface EventEntry {
	value: string;
	name: string;
	description: string;
	params: EventParam[];
	/** Settings under the node's Options collection that only some events offer. */
	options?: EventParam[];
}

type Builder = (
	name: string,
	displayName: string,
	options?: Partial<Omit<ParamSpec, 'name' | 'displayName' | 'kind'>>,
) => ParamSpec;
export type SettingOptions = Partial<Omit<EventParam, 'name' | 'displayName' | 'kind'>>;

/** A setting built like an entry's parameter (`builder` is one of entry.ts's: text, id, integer...), with the event's extras. */
export function setting(
	builder: Builder,
	name: string,
	displayName: string,
	options: SettingOptions = {},
): EventParam {
	const { default: value, list, upperCase, refused, missing, showWhen, ...spec } = options;
	const extras = Object.fromEntries(
		Object.entries({ default: value, list, upperCase, refused, missing, showWhen }).filter(
			([, v]) => v !== undefined,
		),
	);
	return { ...builder(name, displayName, spec), ...extras };
}

/** Checked settings by n8n name: a list setting gives string[], other text a trimmed string; numbers and choices as set. */
export type EventValues = Record<string, unknown>;

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** What separates the values of a list setting: commas, spaces or `|`. */
export const LIST_SEPARATORS = /[\s,|]+/;

/** The triggers' one list splitter: "A, B C|D" gives A, B, C and D; a multi-select's array is kept. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value))
		return value
			.map(text)
			.map((v) => v.trim())
			.filter((v) => v !== '');
	return text(value)
		.split(LIST_SEPARATORS)
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

/** The rules of the Non-Agent parameter that receives a setting's value: an event takes them instead of repeating them. */
export function rulesOf(
	resource: string,
	operation: string,
	name: string,
): Pick<ParamSpec, 'minLength' | 'maxLength' | 'pattern'> {
	const param = entryOf('nonAgent', resource, operation).params.find((p) => p.name === name);
	if (!param) throw new Error(`${resource} ${operation} has no parameter ${name}`);
	const { minLength, maxLength, pattern } = param;
	return Object.fromEntries(
		Object.entries({ minLength, maxLength, pattern }).filter(([, v]) => v !== undefined),
	);
}

/** Why params.ts refuses one value by the setting's rules, worded by the setting; undefined when it is fine. */
function refusal(param: EventParam, value: string): string | undefined {
	const rule: ParamSpec = {
		...param,
		default: undefined,
		separator: undefined,
		wrap: undefined,
		load: undefined,
	};
	let problem: string | undefined;
	try {
		encodeParam(rule, value);
	} catch (error) {
		problem = error instanceof InvalidInputError ? error.problem : String(error);
	}
	return problem === undefined ? undefined : param.refused ? param.refused(value) : problem;
}

/** Whether a setting holds text values checked before sending (numbers, choices and flags come from the editor typed). */
const isChecked = (param: EventParam) =>
	param.kind === 'text' || param.kind === 'id' || param.kind === 'digits';

/** The value a missing setting reads as: text as empty, others as their default (n8n refuses to read a missing value without one). */
export function fallbackOf(param: EventParam): unknown {
	if (isChecked(param)) return '';
	if (param.default !== undefined) return param.default;
	return param.kind === 'flag'
		? false
		: param.kind === 'choices'
			? []
			: param.kind === 'integer' || param.kind === 'decimal'
				? 0
				: '';
}

/**
 * Reads and checks an event's settings before anything is sent.
 * @throws the error `refuse` makes of the first refused setting's display name and problem.
 */
export function readSettings(
	params: EventParam[],
	read: (name: string, fallback: unknown) => unknown,
	refuse: (field: string, problem: string) => Error,
): EventValues {
	const values: EventValues = {};
	for (const param of params) {
		const raw = read(param.name, fallbackOf(param));
		if (!isChecked(param)) {
			values[param.name] = raw;
			continue;
		}
		const given = param.list
			? splitList(raw)
			: [text(locatorValue(raw)).trim()].filter((v) => v !== '');
		const all = param.upperCase ? given.map((v) => v.toUpperCase()) : given;
		if (param.required && all.length === 0)
			throw refuse(param.displayName, param.missing ?? 'is required');
		for (const value of all) {
			const problem = refusal(param, value);
			if (problem !== undefined) throw refuse(param.displayName, problem);
		}
		values[param.name] = param.list ? all : (all[0] ?? '');
	}
	return values;
}

/**
 * The order of fields shown for several events: each event's own order is kept; a field two
 * events share comes once, after what precedes it in either (n8n shows fields in array order).
 */
function mergeOrder(sequences: string[][]): string[] {
	const first = new Map<string, number>();
	for (const key of sequences.flat()) if (!first.has(key)) first.set(key, first.size);
	const after = new Map<string, Set<string>>([...first.keys()].map((k) => [k, new Set<string>()]));
	const waiting = new Map<string, number>([...first.keys()].map((k) => [k, 0]));
	for (const sequence of sequences) {
		sequence.slice(1).forEach((key, i) => {
			const edges = after.get(sequence[i]) as Set<string>;
			if (edges.has(key)) return;
			edges.add(key);
			waiting.set(key, (waiting.get(key) ?? 0) + 1);
		});
	}
	const order: string[] = [];
	while (order.length < first.size) {
		const ready = [...first.keys()].filter((k) => !order.includes(k) && waiting.get(k) === 0);
		// Orders that contradict each other: the earliest field left goes next.
		const next = ready[0] ?? ([...first.keys()].find((k) => !order.includes(k)) as string);
		order.push(next);
		for (const key of after.get(next) ?? []) waiting.set(key, (waiting.get(key) ?? 0) - 1);
	}
	return order;
}

/**
 * The editor fields of the events' settings (`pick` chooses which of an entry's lists). A field
 * several events share with the same definition is one property shown for all of them.
 * `eventParameter` is how the fields name the Event setting ('/event' inside a collection).
 */
export function eventProperties<E extends EventEntry>(
	events: E[],
	pick: (event: E) => EventParam[] | undefined,
	loaders: readonly string[],
	eventParameter = 'event',
): INodeProperties[] {
	const fields = new Map<
		string,
		{ property: INodeProperties; showWhen: EventParam['showWhen']; events: string[] }
	>();
	const sequences: string[][] = [];
	for (const event of events) {
		const keys: string[] = [];
		for (const param of pick(event) ?? []) {
			const property = settingProperty(
				{ ...param, default: param.default as ParamSpec['default'] },
				loaders,
			);
			const key = JSON.stringify([property, param.showWhen ?? {}]);
			const field = fields.get(key) ?? { property, showWhen: param.showWhen, events: [] };
			field.events.push(event.value);
			fields.set(key, field);
			keys.push(key);
		}
		sequences.push(keys);
	}
	return mergeOrder(sequences).map((key) => {
		const {
			property,
			showWhen,
			events: shownFor,
		} = fields.get(key) as {
			property: INodeProperties;
			showWhen: EventParam['showWhen'];
			events: string[];
		};
		return {
			...property,
			displayOptions: { show: { [eventParameter]: shownFor, ...(showWhen ?? {}) } },
		};
	});
}

/** The notice under an event's fields naming the Non-Agent function each poll reads, where a builder looks for it. */
export function readsNotice(event: string, fn: string): INodeProperties {
	return {
		displayName: `Each poll reads VICIdial's ${fn} (Non-Agent API)`,
		name: 'vicidialFunction',
		type: 'notice',
		default: '',
		displayOptions: { show: { '/event': [event] } },
	};
}

/** The node's subtitle on the canvas: the chosen event's name. */
export function eventSubtitle(events: EventEntry[]): string {
	return `={{ ${JSON.stringify(Object.fromEntries(events.map((e) => [e.value, e.name])))}[$parameter["event"]] || $parameter["event"] }}`;
}
