/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The parser against a naive one, on big answers of each shape VICIdial sends in bulk.
 *
 * `runParserBench({ rows, rounds })` generates one answer per shape with the column layouts of
 * the real entries, checks that our parser and the naive one build deep-equal items (so the
 * comparison is honest), then times both interleaved, best of `rounds`, and measures the heap
 * each leaves behind next to the items' own size (the heap that building the same items
 * naively keeps). Speed is reported as MB/s and as a ratio within the same run, never as a
 * pass/fail on absolute time. MB/s are per second of CPU time by default (the process's, so GC
 * threads count), since the machine may be shared; the wall-time figures are given beside.
 *
 * Each result says whether the shape meets issue 12's targets (PARSER_TARGETS): at least 1.5x the
 * naive parser and at least 100 MB/s, both by CPU time, and a heap no more than 1.1x the items' own.
 *
 * Alone: `node --expose-gc scripts/run-ts.js bench/parser.ts [rows] [rounds] [shape,shape]` prints
 * a table and exits with 1 when a shape misses a target.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { parseAnswer, type ParseOptions, type ParsedRecord } from '../nodes/shared/parse';
import type { FunctionEntry } from '../nodes/shared/entry';
import type { FieldSpec } from '../nodes/shared/answer';
import { nonAgentFunctions } from '../nodes/shared/functions/nonAgent';

export interface ParserBenchOptions {
	/** Lines of each generated answer (a `key => value` answer: lines, about 33 per record). */
	rows: number;
	/** Timed rounds of each parser; the best one counts. */
	rounds: number;
	/** Only these shapes (by `shape` name); all when absent. */
	shapes?: string[];
}

/** Issue 12's targets for each big shape, on 100,000-row answers. */
export const PARSER_TARGETS = {
	/** parser / naive parser, CPU time, same run. */
	ratio: 1.5,
	/** MB of answer per CPU second. */
	mbps: 100,
	/** Heap the parser's result keeps / the items' own (the naive parser's identical items). */
	heapRatio: 1.1,
} as const;

export interface ParserBenchResult {
	/** `phone_number_log`, `did_log_export`, `lead_status_search` (key => value), `lead_search`. */
	shape: string;
	description: string;
	rows: number;
	items: number;
	bytes: number;
	/**
	 * Best round, MB of answer text (2^20 bytes) per second of the process's CPU time (GC
	 * threads included), which a busy machine disturbs less than wall time.
	 */
	parserMBps: number;
	naiveMBps: number;
	/** parserMBps / naiveMBps. */
	ratio: number;
	/** The same by wall time (best round). */
	wallParserMBps: number;
	wallRatio: number;
	/** Heap the parser's result keeps (after a full GC), bytes; NaN without --expose-gc. */
	parserHeapBytes: number;
	/** Heap the naive parser's identical items keep: the items' own size. */
	outputHeapBytes: number;
	/** parserHeapBytes / outputHeapBytes. */
	heapRatio: number;
	/** Whether ratio, parserMBps and heapRatio meet PARSER_TARGETS (heap: true when not measured). */
	meetsRatio: boolean;
	meetsSpeed: boolean;
	meetsHeap: boolean;
	/** All three. */
	pass: boolean;
}

export interface Shape {
	name: string;
	description: string;
	spec: FunctionEntry;
	options: ParseOptions;
	text: (rows: number) => string;
	naive: (text: string) => ParsedRecord[];
}

const entry = (fn: string): FunctionEntry => {
	const found = nonAgentFunctions.find((spec) => spec.fn === fn);
	if (!found) throw new Error(`no entry ${fn}`);
	return found;
};

/** A fixed pseudo-random sequence, so every run parses the same text. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
const pick = <T>(next: () => number, values: readonly T[]): T =>
	values[Math.floor(next() * values.length)];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Server-local datetimes going backwards from a day, a few seconds to minutes apart. */
function clock(next: () => number): () => string {
	let t = Date.UTC(2026, 10, 23, 18, 0, 0);
	return () => {
		t -= Math.floor(next() * 240_000);
		return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
	};
}

const OFFSET = -5;
const STATUSES = ['SALE', 'NI', 'NA', 'B', 'DROP', 'A', 'CALLBK', 'DNC', 'N', 'AA'];

function phoneNumberLog(rows: number): string {
	const next = random(1);
	const when = clock(next);
	const lines: string[] = [];
	for (let i = 0; i < rows; i++) {
		const status = pick(next, STATUSES);
		lines.push(
			[
				`31255${pad(Math.floor(i / 7), 5)}`,
				when(),
				pick(next, ['101', '102', '998', '1001']),
				String(Math.floor(next() * 900)),
				status,
				pick(next, ['AGENT', 'CALLER', 'NONE', 'ABANDON', 'QUEUETIMEOUT']),
				status,
				pick(next, ['', 'SRC1', 'SRC2', 'webform-2026']),
				pick(next, ['1001', '1002', 'VDAD', 'VDCL', 'agent_west_12']),
			].join('|'),
		);
	}
	return [...lines, ''].join('\n');
}

function didLogExport(rows: number): string {
	const next = random(2);
	const when = clock(next);
	const lines: string[] = [];
	for (let i = 0; i < rows; i++)
		lines.push(
			`3125550100|${next() < 0.05 ? '' : `1${pad(Math.floor(next() * 1e9), 9)}`}|${when()}|${Math.floor(next() * 1200)}`,
		);
	return [...lines, ''].join('\n');
}

function leadSearch(rows: number): string {
	const next = random(3);
	const lines: string[] = [];
	for (let i = 0; i < rows; i++) {
		const count = 1 + Math.floor(next() * next() * 4);
		const ids = Array.from({ length: count }, () => String(1000 + Math.floor(next() * 2_000_000)));
		lines.push(`31255${pad(i, 5)}|${count}|${ids.join('-')}`);
	}
	return [...lines, ''].join('\n');
}

const FIRST = ['Linda', 'James', 'Maria', 'Robert', 'Ana', 'Wei', 'Fatima', 'John'];
const LAST = ['Davis', 'Smith', 'Garcia', 'Nguyen', 'Okafor', 'Muller', 'Rossi'];
const CITY: Array<[string, string, string]> = [
	['Indianapolis', 'IN', '46201'],
	['Chicago', 'IL', '60601'],
	['Austin', 'TX', '73301'],
	['Portland', 'OR', '97201'],
];

/** lead_status_search: one record of every lead field per lead. */
function leadStatusSearch(rows: number): string {
	const next = random(4);
	const when = clock(next);
	const lines: string[] = [];
	for (let n = 1; lines.length < rows; n++) {
		const [city, state, zip] = pick(next, CITY);
		const first = pick(next, FIRST);
		const last = pick(next, LAST);
		const record: Array<[string, string]> = [
			['lead_id', String(1000 + n)],
			['status', pick(next, STATUSES)],
			['user', pick(next, ['1001', '1002', 'VDAD'])],
			['vendor_lead_code', `VLC${n}`],
			['source_id', pick(next, ['SRC1', 'SRC2', ''])],
			['list_id', pick(next, ['101', '102'])],
			['gmt_offset_now', pick(next, ['-5.00', '-6.00', '-8.00', '0.00'])],
			['phone_code', '1'],
			['phone_number', `31255${pad(n % 100_000, 5)}`],
			['title', pick(next, ['Ms', 'Mr', ''])],
			['first_name', first],
			['middle_initial', pick(next, ['A', 'D', ''])],
			['last_name', last],
			['address1', `${1 + Math.floor(next() * 999)} Pine St`],
			['address2', ''],
			['address3', ''],
			['city', city],
			['state', state],
			['province', ''],
			['postal_code', zip],
			['country_code', 'USA'],
			['gender', pick(next, ['F', 'M', 'U'])],
			[
				'date_of_birth',
				`19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
			],
			['alt_phone', ''],
			['email', `${first.toLowerCase()}.${last.toLowerCase()}@example.com`],
			['security_phrase', ''],
			['comments', next() < 0.3 ? 'called back, wants a quote => maybe' : ''],
			['called_count', String(Math.floor(next() * 12))],
			['last_local_call_time', when()],
			['rank', '0'],
			['owner', ''],
			['entry_list_id', '0'],
		];
		lines.push(`;---------- START OF RECORD ${n} ----------`);
		for (const [key, value] of record) lines.push(`${key} => ${value}`);
	}
	return [...lines, ''].join('\n');
}

/**
 * The naive parser: split lines, split cells, name and type them in a plain loop, with the
 * same ISO companions. No checks beyond what these generated answers need to come out the same.
 */
function naiveIso(offsetHours: number): string {
	const sign = offsetHours < 0 ? '-' : '+';
	const minutes = Math.round(Math.abs(offsetHours) * 60);
	return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function naiveValue(
	record: ParsedRecord,
	field: FieldSpec,
	value: string,
	iso: string | undefined,
): void {
	if (field.type === 'integer' || field.type === 'decimal')
		record[field.name] = value === '' ? '' : Number(value);
	else if (field.type === 'integerList')
		record[field.name] = value === '' ? [] : value.split('-').map(Number);
	else {
		record[field.name] = value;
		if (
			field.type === 'datetime' &&
			iso !== undefined &&
			value.length === 19 &&
			!value.startsWith('0000')
		) {
			record[`${field.name}_iso`] = `${value.slice(0, 10)}T${value.slice(11)}${iso}`;
		}
	}
}

function naiveRows(columns: FieldSpec[], offsetHours?: number): (text: string) => ParsedRecord[] {
	return (text) => {
		const iso = offsetHours === undefined ? undefined : naiveIso(offsetHours);
		const lines = text.split('\n');
		lines.pop();
		const records: ParsedRecord[] = [];
		for (const line of lines) {
			const cells = line.split('|');
			const record: ParsedRecord = {};
			for (let i = 0; i < columns.length; i++) naiveValue(record, columns[i], cells[i], iso);
			records.push(record);
		}
		return records;
	};
}

function naiveKeyValue(
	fields: FieldSpec[],
	offsetHours?: number,
): (text: string) => ParsedRecord[] {
	return (text) => {
		const iso = offsetHours === undefined ? undefined : naiveIso(offsetHours);
		const lines = text.split('\n');
		lines.pop();
		const records: ParsedRecord[] = [];
		let record: ParsedRecord = {};
		for (const line of lines) {
			if (line.startsWith(';')) {
				record = {};
				records.push(record);
				continue;
			}
			const at = line.indexOf(' => ');
			record[line.slice(0, at)] = line.slice(at + 4);
		}
		for (const item of records)
			for (const field of fields)
				if (typeof item[field.name] === 'string')
					naiveValue(item, field, item[field.name] as string, iso);
		return records;
	};
}

function columnsOf(spec: FunctionEntry): FieldSpec[] {
	if ('delimiter' in spec.answer || spec.answer.shape === 'records') return spec.answer.fields;
	throw new Error(`${spec.fn} is not a bulk shape`);
}

export function benchShapes(): Shape[] {
	const numberLog = entry('phone_number_log');
	const didLog = entry('did_log_export');
	const statusSearch = entry('lead_status_search');
	const search = entry('lead_search');
	return [
		{
			name: 'phone_number_log',
			description: 'pipe rows, datetimes with ISO companions',
			spec: numberLog,
			options: { utcOffsetHours: OFFSET },
			text: phoneNumberLog,
			naive: naiveRows(columnsOf(numberLog), OFFSET),
		},
		{
			name: 'did_log_export',
			description: 'pipe rows, datetimes with ISO companions',
			spec: didLog,
			options: { utcOffsetHours: OFFSET },
			text: didLogExport,
			naive: naiveRows(columnsOf(didLog), OFFSET),
		},
		{
			name: 'lead_status_search',
			description: 'key => value records, typed, ISO companions',
			spec: statusSearch,
			options: { utcOffsetHours: OFFSET },
			text: leadStatusSearch,
			naive: naiveKeyValue(columnsOf(statusSearch), OFFSET),
		},
		{
			name: 'lead_search',
			description: 'short pipe rows with id lists',
			spec: search,
			options: {},
			text: leadSearch,
			naive: naiveRows(columnsOf(search)),
		},
	];
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => process.memoryUsage().heapUsed;

/** Heap kept by what `build` returns, after full GCs on both sides; NaN without --expose-gc. */
function retained(build: () => unknown): number {
	if (!(globalThis as { gc?: unknown }).gc) return NaN;
	gc();
	gc();
	const before = heapUsed();
	const kept = build();
	gc();
	gc();
	const after = heapUsed();
	// keep `kept` alive until measured
	if (kept === undefined) throw new Error('nothing built');
	return after - before;
}

/** Wall and CPU milliseconds of one run (CPU time: the machine may be shared, see the header). */
function timed(run: () => unknown): { wall: number; cpu: number } {
	const cpu = process.cpuUsage();
	const start = performance.now();
	run();
	const wall = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { wall, cpu: (used.user + used.system) / 1000 };
}

export async function runParserBench(options: ParserBenchOptions): Promise<ParserBenchResult[]> {
	const results: ParserBenchResult[] = [];
	for (const shape of benchShapes()) {
		if (options.shapes && !options.shapes.includes(shape.name)) continue;
		const text = shape.text(options.rows);
		const ours = () => parseAnswer(text, shape.spec, shape.options).records;
		const naive = () => shape.naive(text);
		const [mine, theirs] = [ours(), naive()];
		// the same items, with their keys in the same order
		if (!isDeepStrictEqual(mine, theirs) || JSON.stringify(mine) !== JSON.stringify(theirs))
			throw new Error(`${shape.name}: the parser and the naive parser disagree`);
		// warm up both, and give the engine's background compiler time to finish (it may be slow on a busy machine)
		for (let i = 0; i < 3; i++) {
			ours();
			naive();
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
		const best = { wall: Infinity, cpu: Infinity };
		const bestNaive = { wall: Infinity, cpu: Infinity };
		const keep = (into: { wall: number; cpu: number }, run: { wall: number; cpu: number }) => {
			into.wall = Math.min(into.wall, run.wall);
			into.cpu = Math.min(into.cpu, run.cpu);
		};
		for (let round = 0; round < options.rounds; round++) {
			// interleaved, alternating which goes first, each from a collected heap
			const first = round % 2 === 0;
			gc();
			keep(first ? best : bestNaive, timed(first ? ours : naive));
			gc();
			keep(first ? bestNaive : best, timed(first ? naive : ours));
			await new Promise((resolve) => setImmediate(resolve));
		}
		const parserHeapBytes = retained(ours);
		const outputHeapBytes = retained(naive);
		const mb = text.length / 2 ** 20;
		const ratio = bestNaive.cpu / best.cpu;
		const parserMBps = mb / (best.cpu / 1000);
		const heapRatio = parserHeapBytes / outputHeapBytes;
		const meetsRatio = ratio >= PARSER_TARGETS.ratio;
		const meetsSpeed = parserMBps >= PARSER_TARGETS.mbps;
		const meetsHeap = Number.isNaN(heapRatio) || heapRatio <= PARSER_TARGETS.heapRatio;
		results.push({
			shape: shape.name,
			description: shape.description,
			rows: options.rows,
			items: naive().length,
			bytes: text.length,
			parserMBps,
			naiveMBps: mb / (bestNaive.cpu / 1000),
			ratio,
			wallParserMBps: mb / (best.wall / 1000),
			wallRatio: bestNaive.wall / best.wall,
			parserHeapBytes,
			outputHeapBytes,
			heapRatio,
			meetsRatio,
			meetsSpeed,
			meetsHeap,
			pass: meetsRatio && meetsSpeed && meetsHeap,
		});
	}
	return results;
}

/** The results as a Markdown table. */
export function parserBenchTable(results: ParserBenchResult[]): string {
	const mib = (bytes: number) =>
		Number.isNaN(bytes) ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`;
	const lines = [
		`| answer | shape | rows | items | size | parser MB/s | naive MB/s | parser / naive | wall: parser MB/s, ratio | heap kept | items own | heap ratio | targets (>= ${PARSER_TARGETS.ratio}x, >= ${PARSER_TARGETS.mbps} MB/s, heap <= ${PARSER_TARGETS.heapRatio}x) |`,
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|',
	];
	for (const r of results) {
		lines.push(
			`| ${r.shape} | ${r.description} | ${r.rows.toLocaleString('en')} | ${r.items.toLocaleString('en')} | ${mib(r.bytes)} | ${r.parserMBps.toFixed(1)} | ${r.naiveMBps.toFixed(1)} | ${r.ratio.toFixed(2)}x | ${r.wallParserMBps.toFixed(1)}, ${r.wallRatio.toFixed(2)}x | ${mib(r.parserHeapBytes)} | ${mib(r.outputHeapBytes)} | ${Number.isNaN(r.heapRatio) ? 'n/a' : `${r.heapRatio.toFixed(2)}x`} | ${parserVerdict(r)} |`,
		);
	}
	return lines.join('\n');
}

/** `PASS`, or `FAIL:` and the targets missed. */
export function parserVerdict(r: ParserBenchResult): string {
	const missed = [
		r.meetsRatio ? '' : `ratio ${r.ratio.toFixed(2)}x < ${PARSER_TARGETS.ratio}x`,
		r.meetsSpeed ? '' : `${r.parserMBps.toFixed(1)} MB/s < ${PARSER_TARGETS.mbps}`,
		r.meetsHeap ? '' : `heap ${r.heapRatio.toFixed(2)}x > ${PARSER_TARGETS.heapRatio}x`,
	].filter((m) => m !== '');
	return missed.length === 0 ? 'PASS' : `FAIL: ${missed.join(', ')}`;
}

if (process.argv[1] === __filename) {
	const rows = Number(process.argv[2] ?? 100_000);
	const rounds = Number(process.argv[3] ?? 5);
	const only = process.argv[4]?.split(',');
	runParserBench({ rows, rounds, shapes: only }).then(
		(results) => {
			console.log(
				`parser vs naive parser, ${rows.toLocaleString('en')} rows, best of ${rounds} interleaved, node ${process.version}, MB/s per CPU second`,
			);
			console.log(parserBenchTable(results));
			const failed = results.filter((r) => !r.pass);
			console.log(
				failed.length === 0
					? 'parser targets: PASS'
					: `parser targets: FAIL (${failed.map((r) => r.shape).join(', ')})`,
			);
			if (failed.length > 0) process.exitCode = 1;
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
