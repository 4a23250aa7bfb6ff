/**
 * The fast reading of big answers: delimited rows and `key => value` records, read straight
 * from the answer text (no array of lines, no array of cells, numbers read from the digits).
 *
 * It reads only answers that are plainly well formed: no status line, no carriage return, a
 * final newline, every value fitting its column. On anything else it returns `undefined` and the
 * entry's reader (nodes/shared/answer/) reads the answer line by line, with its checks and its error messages:
 * the result is the same either way (test/unit/parseBulk.test.ts compares the two).
 */
import type { FieldSpec } from './answer/fields';

type FieldValue = string | number | number[] | Record<string, number>;
type ParsedRecord = Record<string, FieldValue>;

/** Formats a UTC offset in hours (-5, 5.5, 0) as `-05:00`. */
export function isoOffset(hours: number): string {
	const sign = hours < 0 ? '-' : '+';
	const totalMinutes = Math.round(Math.abs(hours) * 60);
	const hh = String(Math.floor(totalMinutes / 60)).padStart(2, '0');
	const mm = String(totalMinutes % 60).padStart(2, '0');
	return `${sign}${hh}:${mm}`;
}

/** VICIdial's status words: a line with one of them followed by `:` is read line by line by the general parser. */
function statusWordBefore(text: string, colon: number): boolean {
	switch (text.charCodeAt(colon - 1)) {
		case 83: // S
			return text.startsWith('SUCCESS', colon - 7);
		case 82: // R
			return text.startsWith('ERROR', colon - 5);
		case 69: // E
			return text.startsWith('NOTICE', colon - 6);
		default:
			return false;
	}
}

const STRING = 0;
const INTEGER = 1;
const DECIMAL = 2;
const DATETIME = 3;
const INTEGER_LIST = 4;
const PERCENT = 5;
/** A type the fast reader leaves to the general parser (counts). */
const OTHER = 6;

function typeCode(field: FieldSpec): number {
	switch (field.type) {
		case 'string':
		case 'date':
			return STRING;
		case 'integer':
			return INTEGER;
		case 'decimal':
			return DECIMAL;
		case 'datetime':
			return DATETIME;
		case 'integerList':
			return INTEGER_LIST;
		case 'percent':
			return PERCENT;
		default:
			return OTHER;
	}
}

/** Thrown inside the fast reader when a value does not fit: the general parser then reads the answer. */
const BAIL = Symbol('bail');

/** `-?\d{1,15}` from start to end, as Number() reads it; BAIL otherwise. */
function readInteger(text: string, start: number, end: number): number {
	let at = start;
	const negative = text.charCodeAt(at) === 45;
	if (negative) at++;
	const digits = end - at;
	if (digits < 1 || digits > 15) throw BAIL;
	let value = 0;
	for (; at < end; at++) {
		const digit = text.charCodeAt(at) - 48;
		if (digit < 0 || digit > 9) throw BAIL;
		value = value * 10 + digit;
	}
	return negative ? -value : value;
}

/** `-?\d{1,15}(\.\d+)?` from start to end; BAIL otherwise. */
function readDecimal(text: string, start: number, end: number): number {
	let at = start;
	if (text.charCodeAt(at) === 45) at++;
	let digits = 0;
	while (at < end && isDigit(text.charCodeAt(at))) {
		at++;
		digits++;
	}
	if (digits < 1 || digits > 15) throw BAIL;
	if (at < end) {
		if (text.charCodeAt(at) !== 46 || at + 1 === end) throw BAIL;
		for (at++; at < end; at++) if (!isDigit(text.charCodeAt(at))) throw BAIL;
	}
	return Number(text.slice(start, end));
}

/** `-?\d{1,15}(\.\d+)?%` from start to end, as its number; BAIL otherwise. */
function readPercent(text: string, start: number, end: number): number {
	if (text.charCodeAt(end - 1) !== 37) throw BAIL;
	return readDecimal(text, start, end - 1);
}

/** The numbers of a list before its last, while it is read (grows to the longest list met). */
const listParts: number[] = [];

/** `\d{1,15}(-\d{1,15})*` from start to end as numbers (an array of just that length), in one pass; BAIL otherwise. */
function readIntegerList(text: string, start: number, end: number): number[] {
	let parts = 0;
	let value = 0;
	let digits = 0;
	for (let at = start; at < end; at++) {
		const code = text.charCodeAt(at);
		if (code === 45) {
			if (digits === 0) throw BAIL;
			listParts[parts++] = value;
			value = 0;
			digits = 0;
		} else {
			const digit = code - 48;
			if (digit < 0 || digit > 9 || ++digits > 15) throw BAIL;
			value = value * 10 + digit;
		}
	}
	if (digits === 0) throw BAIL;
	if (parts === 0) return [value];
	const values = new Array<number>(parts + 1);
	for (let i = 0; i < parts; i++) values[i] = listParts[i];
	values[parts] = value;
	return values;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether text[at, at + count) are all digits. */
function digitsAt(text: string, at: number, count: number): boolean {
	for (let i = at; i < at + count; i++) if (!isDigit(text.charCodeAt(i))) return false;
	return true;
}

/** Whether text[start, end) is `\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}` and not a zero date. */
function isoDatable(text: string, start: number, end: number): boolean {
	if (end - start !== 19) return false;
	// the separators first: a value that is not a datetime usually fails on one of them
	if (
		text.charCodeAt(start + 4) !== 45 ||
		text.charCodeAt(start + 7) !== 45 ||
		text.charCodeAt(start + 10) !== 32 ||
		text.charCodeAt(start + 13) !== 58 ||
		text.charCodeAt(start + 16) !== 58
	)
		return false;
	if (
		!digitsAt(text, start, 4) ||
		!digitsAt(text, start + 5, 2) ||
		!digitsAt(text, start + 8, 2) ||
		!digitsAt(text, start + 11, 2) ||
		!digitsAt(text, start + 14, 2) ||
		!digitsAt(text, start + 17, 2)
	)
		return false;
	// not a zero date (read from the digits, as holdsAt does, rather than startsWith on the whole answer)
	return (
		text.charCodeAt(start) !== 48 ||
		text.charCodeAt(start + 1) !== 48 ||
		text.charCodeAt(start + 2) !== 48 ||
		text.charCodeAt(start + 3) !== 48
	);
}

/**
 * Builds the ISO companions of one answer without a Date: `YYYY-MM-DDTHH:` is shared by the
 * values of one hour, `MM:SS+hh:mm` by all values at that minute and second of any hour, so a
 * companion usually costs one string join (a log with a row every minute or two shares more this
 * way than by minute and second).
 */
class IsoWriter {
	private day = '';
	private dayT = '';
	private readonly hourDay: string[] = new Array<string>(100).fill('');
	private readonly hourPrefix: string[] = new Array<string>(100).fill('');
	/** By MM * 100 + SS ('' until met). */
	private readonly tails: string[] = new Array<string>(10000).fill('');
	constructor(private readonly offset: string) {}
	/** For a datetime at text[start, start + 19) that isoDatable() accepted. */
	write(text: string, start: number): string {
		if (this.day === '' || !holdsAt(text, start, this.day)) {
			this.day = text.slice(start, start + 10);
			this.dayT = `${this.day}T`;
		}
		const hour = digitPair(text, start + 11);
		let prefix = this.hourPrefix[hour];
		if (this.hourDay[hour] !== this.dayT) {
			prefix = `${this.dayT}${text.slice(start + 11, start + 14)}`;
			this.hourDay[hour] = this.dayT;
			this.hourPrefix[hour] = prefix;
		}
		const minuteSecond = digitPair(text, start + 14) * 100 + digitPair(text, start + 17);
		let tail = this.tails[minuteSecond];
		if (tail === '') {
			tail = `${text.slice(start + 14, start + 19)}${this.offset}`;
			this.tails[minuteSecond] = tail;
		}
		return prefix + tail;
	}
}

/**
 * The engine's own copy of a property name: storing under a name sliced from the text or built
 * by a template costs a string-table lookup on every store; under this copy it does not.
 */
function internalized(name: string): string {
	// (this name is the prototype's accessor, not a property of its own)
	if (name === '__proto__') return name;
	const holder: Record<string, number> = {};
	holder[name] = 0;
	return Object.keys(holder)[0];
}

/**
 * An object with these keys in this order, each '', to copy with `{ ...template }`: a copy holds
 * all its properties in the object itself, and filling it only stores into properties it already
 * has. Built up key by key instead, each record would make its way through a chain of hidden
 * classes (and an object of more than about sixteen properties would fall back to a slow
 * dictionary); those classes die with the records, so the next answer's records get new ones and
 * the compiled reading code, which checks them, is thrown away. `undefined` for keys that would
 * not come out the same way (`__proto__`, names that read as array indexes).
 */
function makeTemplate(keys: string[]): ParsedRecord | undefined {
	const id = keys.join(',');
	let template = templates.get(id)?.[0];
	if (template === undefined) {
		if (keys.some((key) => key === '__proto__' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)))
			return undefined;
		template = JSON.parse(`{${keys.map((key) => `"${key}":""`).join(',')}}`) as ParsedRecord;
		if (templates.size >= 64) templates.clear();
		// A copy, made as the records are and given a number in every property (so its hidden class
		// already takes any value), is kept with the template: copies of a template get a hidden
		// class of their own, which a GC would otherwise collect with the last of an answer's records.
		templates.set(id, [template, fill(template, keys, new Int32Array(keys.length), [0])]);
	}
	return template;
}

/**
 * The templates made so far, by their keys, each with a copy (see makeTemplate). Kept between
 * answers: the compiled copying and filling code checks their hidden classes.
 */
const templates = new Map<string, [ParsedRecord, ParsedRecord]>();

/** A record of `keys` holding `values[slots[k]]` under `keys[k]`, copied from `template`. */
function fill(
	template: ParsedRecord,
	keys: string[],
	slots: Int32Array,
	values: FieldValue[],
): ParsedRecord {
	const record = { ...template };
	for (let k = 0; k < keys.length; k++) record[keys[k]] = values[slots[k]];
	return record;
}

/** Whether `text` holds `part` at `at` (startsWith with a position, without its cost on a long text). */
function holdsAt(text: string, at: number, part: string): boolean {
	const length = part.length;
	if (at + length > text.length) return false;
	for (let i = 0; i < length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
	return true;
}

const digitPair = (text: string, at: number) =>
	(text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * Shares the strings of repeated values (statuses, users, list IDs...) instead of copying each:
 * a small table per column, which turns itself off for a column whose values rarely repeat.
 */
class ValueCache {
	private readonly values: string[] = new Array<string>(256).fill('');
	private lookups = 0;
	private hits = 0;
	read(text: string, from: number, to: number): string {
		const length = to - from;
		// (every field is written on every path, so the compiled code never meets a new one)
		const lookups = ++this.lookups;
		if (length === 0 || length > 24 || (lookups > 1024 && this.hits * 2 < lookups))
			return text.slice(from, to);
		const slot =
			(length * 31 +
				text.charCodeAt(from) * 7 +
				text.charCodeAt(to - 1) * 3 +
				text.charCodeAt(from + (length >> 1))) &
			255;
		const cached = this.values[slot];
		const hit = cached.length === length && holdsAt(text, from, cached);
		this.hits += hit ? 1 : 0;
		if (hit) return cached;
		const value = text.slice(from, to);
		this.values[slot] = value;
		return value;
	}
}

/**
 * One instance of each helper lives as long as the module: it keeps their object shapes alive
 * between answers, so the compiled reading code is not thrown away when a GC collects the
 * helpers of the previous answer.
 */
export const shapeKeepers: object[] = [new IsoWriter(''), new ValueCache()];

/** The keys of records with one set of ISO companions, their template, and where each value is in the row's values. */
interface RecordShape {
	keys: string[];
	template: ParsedRecord;
	slots: Int32Array;
}

/** The columns of one rows answer, resolved once per entry and sent options. */
interface RowPlan {
	count: number;
	/** Non-optional columns: fewer cells is an incomplete row. */
	needed: number;
	names: string[];
	isoNames: string[];
	types: Uint8Array;
	/** The column is part of the output (it applies to what was sent and is not skipped). */
	output: boolean[];
	prefixes: Array<string | undefined>;
	/** Where a column's value goes among a row's values (its ISO companion: the next one); -1 if not output. */
	slots: Int32Array;
	/** The bit of a datetime column in the mask of the companions a row has. */
	bits: Int32Array;
	/** Values a row has at most. */
	width: number;
	/** Records by the mask of their companions. */
	shapes: Map<number, RecordShape | undefined>;
	/** Whether any column is of a type left to the general parser, or takes the rest of the line. */
	unsupported: boolean;
}

/** How a column is used for what was sent: not printed, printed but dropped, or read into the output. */
export type ColumnUse = 0 | 1 | 2;

const plans = new WeakMap<FieldSpec[], Map<string, RowPlan>>();

/** The plan for `columns` used so; built once per entry and use, kept as long as the entry. */
function rowPlan(columns: FieldSpec[], use: ColumnUse[]): RowPlan {
	const key = use.join('');
	let byUse = plans.get(columns);
	if (!byUse) {
		byUse = new Map();
		plans.set(columns, byUse);
	}
	let plan = byUse.get(key);
	if (!plan) {
		const printed = columns.filter((_, i) => use[i] !== 0);
		const output = use.filter((u) => u !== 0).map((u) => u === 2);
		const types = new Uint8Array(printed.map(typeCode));
		const slots = new Int32Array(printed.length).fill(-1);
		const bits = new Int32Array(printed.length);
		let width = 0;
		let datetimes = 0;
		printed.forEach((_, i) => {
			if (!output[i]) return;
			slots[i] = width++;
			if (types[i] === DATETIME) {
				width++;
				bits[i] = datetimes < 30 ? 1 << datetimes : 0;
				datetimes++;
			}
		});
		plan = {
			count: printed.length,
			needed: printed.filter((f) => !f.optional).length,
			names: printed.map((f) => internalized(f.name)),
			isoNames: printed.map((f) => internalized(`${f.name}_iso`)),
			types,
			output,
			prefixes: printed.map((f) => (f.prefix ? f.prefix : undefined)),
			slots,
			bits,
			width,
			shapes: new Map(),
			unsupported:
				printed.length === 0 ||
				datetimes > 30 ||
				types.some((t, i) => t === OTHER && output[i]) ||
				printed.some((f) => f.rest),
		};
		byUse.set(key, plan);
	}
	return plan;
}

/** The shape of the plan's records that have the ISO companions of `mask`; `undefined` if they cannot have a template. */
function rowShape(plan: RowPlan, mask: number): RecordShape | undefined {
	if (plan.shapes.has(mask)) return plan.shapes.get(mask);
	const keys: string[] = [];
	const slots: number[] = [];
	for (let i = 0; i < plan.count; i++) {
		if (!plan.output[i]) continue;
		keys.push(plan.names[i]);
		slots.push(plan.slots[i]);
		if (plan.types[i] === DATETIME && (mask & plan.bits[i]) !== 0) {
			keys.push(plan.isoNames[i]);
			slots.push(plan.slots[i] + 1);
		}
	}
	const template = makeTemplate(keys);
	const shape = template && { keys, template, slots: new Int32Array(slots) };
	plan.shapes.set(mask, shape);
	return shape;
}

/**
 * Reads the lines of `text` from `start` as rows of `columns`, used as `use` says (the last line
 * ends in a newline). `undefined`: leave the answer to the general parser.
 */
export function readRows(
	text: string,
	start: number,
	columns: FieldSpec[],
	use: ColumnUse[],
	delimiter: string,
	trailingDelimiter: boolean,
	utcOffsetHours: number | undefined,
): ParsedRecord[] | undefined {
	const plan = rowPlan(columns, use);
	if (plan.unsupported) return undefined;
	if (text.charCodeAt(text.length - 1) !== 10 || notPlainFrom(text, start)) return undefined;
	const iso = utcOffsetHours === undefined ? undefined : new IsoWriter(isoOffset(utcOffsetHours));
	const caches = Array.from(plan.types, (type) => (type === STRING ? new ValueCache() : undefined));
	try {
		return rowsFrom(text, start, plan, delimiter, trailingDelimiter, iso, caches);
	} catch {
		// a value that does not fit (BAIL): the general parser says what is wrong
		return undefined;
	}
}

/**
 * Whether text from `start` holds a carriage return or a status word followed by `:`, which the
 * general parser reads specially (one search each over the text, instead of a look at every character of every row).
 */
function notPlainFrom(text: string, start: number): boolean {
	if (text.indexOf('\r', start) >= 0) return true;
	// (by colon: cheaper than a search for each word, whose first letters are common)
	for (let colon = text.indexOf(':', start); colon >= 0; colon = text.indexOf(':', colon + 1))
		if (statusWordBefore(text, colon)) return true;
	return false;
}

function rowsFrom(
	text: string,
	start: number,
	plan: RowPlan,
	delimiter: string,
	trailingDelimiter: boolean,
	iso: IsoWriter | undefined,
	caches: Array<ValueCache | undefined>,
): ParsedRecord[] | undefined {
	const { count, needed, types, output, prefixes, slots, bits } = plan;
	const delim = delimiter.charCodeAt(0);
	// where each cell of the current row ends (at most `count` are read: more is for the general parser)
	const ends = new Int32Array(count);
	const values: FieldValue[] = new Array<FieldValue>(plan.width).fill('');
	const length = text.length;
	// one record per line: an array of the final size costs less than growing one by push
	let lines = 0;
	for (let at = text.indexOf('\n', start); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
	const records = new Array<ParsedRecord>(lines);
	let made = 0;
	let shape: RecordShape | undefined;
	let shapeMask = -1;
	let pos = start;
	// the next delimiter at or after pos (length when there is none): found by indexOf, never searched for twice
	let next = -1;
	while (pos < length) {
		const eol = text.indexOf('\n', pos);
		let lineEnd = eol;
		if (trailingDelimiter && lineEnd > pos && text.charCodeAt(lineEnd - 1) === delim) lineEnd--;
		if (next < pos) {
			next = text.indexOf(delimiter, pos);
			if (next < 0) next = length;
		}
		let cells = 0;
		while (next < lineEnd) {
			if (cells === count - 1) return undefined; // extra columns
			ends[cells++] = next;
			next = text.indexOf(delimiter, next + 1);
			if (next < 0) next = length;
		}
		ends[cells++] = lineEnd;
		if (cells < needed) return undefined;
		let mask = 0;
		let cellStart = pos;
		for (let i = 0; i < count; i++) {
			let from = cellStart;
			const to = i < cells ? ends[i] : from;
			cellStart = to + 1;
			if (!output[i]) continue;
			const prefix = prefixes[i];
			if (prefix !== undefined && to - from >= prefix.length && holdsAt(text, from, prefix))
				from += prefix.length;
			const slot = slots[i];
			switch (types[i]) {
				case STRING:
					values[slot] = (caches[i] as ValueCache).read(text, from, to);
					break;
				case INTEGER:
					values[slot] = from === to ? '' : readInteger(text, from, to);
					break;
				case DECIMAL:
					values[slot] = from === to ? '' : readDecimal(text, from, to);
					break;
				case INTEGER_LIST:
					values[slot] = from === to ? [] : readIntegerList(text, from, to);
					break;
				case PERCENT:
					values[slot] = from === to ? '' : readPercent(text, from, to);
					break;
				case DATETIME:
					values[slot] = text.slice(from, to);
					if (iso !== undefined && isoDatable(text, from, to)) {
						values[slot + 1] = iso.write(text, from);
						mask |= bits[i];
					}
					break;
			}
		}
		if (mask !== shapeMask) {
			shape = rowShape(plan, mask);
			shapeMask = mask;
		}
		if (shape === undefined) return undefined;
		records[made++] = fill(shape.template, shape.keys, shape.slots, values);
		pos = eol + 1;
	}
	return records;
}

const isKeyChar = (code: number) =>
	(code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isDigit(code) || code === 95;
const RECORD_START = ' START OF RECORD';

/** The fields of a `key => value` answer, resolved once per entry. */
interface RecordsPlan {
	types: Uint8Array;
	names: string[];
	isoNames: string[];
	/** For each field, its place among the datetime fields, or -1. */
	datetimeOf: Int32Array;
	/** The datetime fields, in the order of the fields. */
	datetimes: Int32Array;
	unsupported: boolean;
}

const recordsPlans = new WeakMap<FieldSpec[], RecordsPlan>();

function recordsPlan(fields: FieldSpec[]): RecordsPlan {
	let plan = recordsPlans.get(fields);
	if (!plan) {
		const types = new Uint8Array(fields.map(typeCode));
		const names = fields.map((f) => internalized(f.name));
		const isoNames = names.map((name) => internalized(`${name}_iso`));
		const datetimes = fields.map((_, i) => i).filter((i) => types[i] === DATETIME);
		plan = {
			types,
			names,
			isoNames,
			datetimeOf: new Int32Array(fields.map((_, i) => datetimes.indexOf(i))),
			datetimes: new Int32Array(datetimes),
			unsupported:
				types.includes(OTHER) ||
				new Set(names).size !== names.length ||
				isoNames.some((name) => names.includes(name)) ||
				datetimes.length > 30,
		};
		recordsPlans.set(fields, plan);
	}
	return plan;
}

/** Whether `text` holds something the general parser treats specially in a `key => value` answer. */
function notPlain(text: string): boolean {
	// a carriage return, or a line separator that a pattern's `.` stops at
	if (text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0)
		return true;
	// a status word followed by `:`
	for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1))
		if (statusWordBefore(text, colon)) return true;
	return false;
}

/**
 * Reads a `key => value` answer (it must end in a newline) into records, typing `fields` as
 * the records reader does: in place, then the ISO companions after all the keys of a record, in the order
 * of `fields`. `undefined`: leave the answer to the general parser.
 */
export function readKeyValueRecords(
	text: string,
	fields: FieldSpec[],
	utcOffsetHours: number | undefined,
): ParsedRecord[] | undefined {
	const plan = recordsPlan(fields);
	if (plan.unsupported || text.charCodeAt(text.length - 1) !== 10 || notPlain(text))
		return undefined;
	const iso = utcOffsetHours === undefined ? undefined : new IsoWriter(isoOffset(utcOffsetHours));
	try {
		return new RecordsReader(plan, iso).read(text);
	} catch {
		// a value that does not fit (BAIL): the general parser says what is wrong
		return undefined;
	}
}

/**
 * The state of one `key => value` answer. A record's values are gathered by line, then the record
 * is made at its end from the template of its keys and companions (see makeTemplate).
 */
class RecordsReader {
	/** The keys of the current record so far and, after them, of the previous one: the next record usually repeats them. */
	private readonly keys: string[] = [];
	/** For each entry of keys, the index of its field, or -1. */
	private readonly keyField: number[] = [];
	/** By line: the values of the current record, then its companions by datetime field. */
	private readonly values: FieldValue[] = [];
	private readonly caches: ValueCache[] = [];
	/** The companions of the current record, by place among the datetime fields ('' for none). */
	private readonly companions: string[];
	readonly records: ParsedRecord[] = [];
	/** The shape of the last record made: its lines, the mask of its companions, whether its keys are still those of `keys`. */
	private shape: RecordShape | undefined;
	private shapeLines = -1;
	private shapeMask = -1;
	constructor(
		private readonly plan: RecordsPlan,
		private readonly iso: IsoWriter | undefined,
	) {
		this.companions = Array.from(plan.datetimes, () => '');
	}

	read(text: string): ParsedRecord[] | undefined {
		const { keys, keyField, values, caches, companions, iso } = this;
		const { types, datetimeOf } = this.plan;
		const length = text.length;
		let line = -1;
		let mask = 0;
		let pos = 0;
		while (pos < length) {
			const eol = text.indexOf('\n', pos);
			if (text.charCodeAt(pos) === 59) {
				// `;-+ START OF RECORD`
				let at = pos + 1;
				while (text.charCodeAt(at) === 45) at++;
				if (at === pos + 1 || at + RECORD_START.length > eol || !holdsAt(text, at, RECORD_START))
					return undefined;
				if (line >= 0 && !this.finish(line, mask)) return undefined;
				line = 0;
				mask = 0;
				pos = eol + 1;
				continue;
			}
			if (line < 0) return undefined;
			// the key: the one at this line of the previous record, if the text repeats it, else read
			const key: string | undefined = keys[line];
			let at = key === undefined ? pos : pos + key.length;
			if (
				key === undefined ||
				at >= eol ||
				text.charCodeAt(at) !== 32 ||
				!holdsAt(text, pos, key)
			) {
				at = pos;
				while (at < eol && isKeyChar(text.charCodeAt(at))) at++;
				if (at === pos || at === eol || text.charCodeAt(at) !== 32) return undefined;
				if (!this.newKey(text.slice(pos, at), line)) return undefined;
			}
			if (eol - at < 3 || text.charCodeAt(at + 1) !== 61 || text.charCodeAt(at + 2) !== 62)
				return undefined;
			let valueStart = at + 3;
			if (valueStart < eol && text.charCodeAt(valueStart) === 32) valueStart++;
			const field = keyField[line];
			switch (field < 0 ? STRING : types[field]) {
				case INTEGER:
					values[line] = valueStart === eol ? '' : readInteger(text, valueStart, eol);
					break;
				case DECIMAL:
					values[line] = valueStart === eol ? '' : readDecimal(text, valueStart, eol);
					break;
				case INTEGER_LIST:
					values[line] = valueStart === eol ? [] : readIntegerList(text, valueStart, eol);
					break;
				case PERCENT:
					values[line] = valueStart === eol ? '' : readPercent(text, valueStart, eol);
					break;
				case DATETIME: {
					values[line] = text.slice(valueStart, eol);
					// its ISO companion, read here from the text, is added after all the keys
					const place = datetimeOf[field];
					if (iso !== undefined && isoDatable(text, valueStart, eol)) {
						companions[place] = iso.write(text, valueStart);
						mask |= 1 << place;
					}
					break;
				}
				default:
					values[line] = caches[line].read(text, valueStart, eol);
			}
			line++;
			pos = eol + 1;
		}
		if (line >= 0 && !this.finish(line, mask)) return undefined;
		return this.records;
	}

	/** A key that the previous record did not have at this line: false if the general parser must read the answer. */
	private newKey(name: string, line: number): boolean {
		const { keys, keyField, caches, plan } = this;
		// a key twice in a record, or one that an ISO companion would overwrite, or one no template can have
		if (name === '__proto__' || !/^[A-Za-z_]/.test(name) || plan.isoNames.includes(name))
			return false;
		for (let i = 0; i < line; i++) if (keys[i] === name) return false;
		const key = internalized(name);
		keys.length = line;
		keys.push(key);
		keyField.length = line;
		keyField.push(plan.names.indexOf(key));
		if (caches.length <= line) caches.push(new ValueCache());
		// the keys are no longer those of the last record made
		this.shapeLines = -1;
		return true;
	}

	/** Makes the record of the values read (`lines` of them), with the companions of `mask`. */
	private finish(lines: number, mask: number): boolean {
		const { values, companions } = this;
		const datetimes = this.plan.datetimes;
		if (lines !== this.shapeLines || mask !== this.shapeMask) {
			const keys = this.keys.slice(0, lines);
			const slots: number[] = keys.map((_, i) => i);
			for (let k = 0; k < datetimes.length; k++) {
				if ((mask & (1 << k)) === 0) continue;
				keys.push(this.plan.isoNames[datetimes[k]]);
				slots.push(lines + k);
			}
			const template = makeTemplate(keys);
			if (template === undefined) return false;
			this.shape = { keys, template, slots: new Int32Array(slots) };
			this.shapeLines = lines;
			this.shapeMask = mask;
		}
		for (let k = 0; k < datetimes.length; k++) values[lines + k] = companions[k];
		const shape = this.shape as RecordShape;
		this.records.push(fill(shape.template, shape.keys, shape.slots, values));
		return true;
	}
}

shapeKeepers.push(new RecordsReader(recordsPlan([]), new IsoWriter('')));
