/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The fast reader of big answers (nodes/shared/bulk.ts) against the general parser: for rows and
 * `key => value` answers, well formed or not, both give the same records, or the same error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer, type ParseOptions } from '../../nodes/shared/parse';
import type { FunctionEntry } from '../../nodes/shared/entry';
import type { FieldSpec, RowsReader } from '../../nodes/shared/answer';
import { rowsEndingInDelimiter } from '../../nodes/shared/functions/nonAgent/report';
import { field, records, rows } from '../../nodes/shared/answer';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { agentFunctions } from '../../nodes/shared/functions/agent';

type Spec = Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'>;

function outcome(text: string, spec: Spec, options: ParseOptions): unknown {
	try {
		return { parsed: parseAnswer(text, spec, options) };
	} catch (error) {
		if (!(error instanceof VicidialError)) throw error;
		return { error: error.kind, message: error.message };
	}
}

function expectSame(text: string, spec: Spec, options: ParseOptions = {}): void {
	const fast = outcome(text, spec, options);
	const general = outcome(text, spec, { ...options, bulkReader: false });
	if (!isSame(fast, general)) {
		throw new Error(
			`${spec.fn} ${JSON.stringify(options)} ${JSON.stringify(text.slice(0, 300))}:\nfast ${JSON.stringify(fast)}\ngeneral ${JSON.stringify(general)}`,
		);
	}
}

/** Deep equality that also tells -0 from 0 and checks key order. */
function isSame(a: unknown, b: unknown): boolean {
	if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
		return Object.is(a, b);
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	const keysA = Object.keys(a);
	const keysB = Object.keys(b);
	if (keysA.join('\u0000') !== keysB.join('\u0000')) return false;
	return keysA.every((key) =>
		isSame((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
	);
}

function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const bulkSpecs = [...nonAgentFunctions, ...agentFunctions].filter(
	(spec) => isRows(spec) || spec.answer.shape === 'records',
);

/** Rows of any kind (some shapes one entry has are rows with a twist). */
function isRows(spec: Spec): boolean {
	return 'delimiter' in spec.answer;
}

/** Made-up entries for what the real ones do not have: prefixes, optional and secret columns, every type. */
const madeUp: Spec[] = [
	{
		fn: 'x_rows',
		answer: rows('|', [
			field.integer('a'),
			field.text('b'),
			field.datetime('c'),
			field.decimal('d'),
			field.integerList('e'),
			{ name: 'f', type: 'string', optional: true },
		]),
	},
	{
		fn: 'x_prefix',
		answer: rows(',', [
			field.integer('id', { prefix: 'ID: ' }),
			field.skip('pw'),
			field.datetime('when'),
		]),
	},
	{
		fn: 'x_when',
		answer: rowsEndingInDelimiter('\t', [
			field.text('a', { when: { param: 'p', equals: 'Y' } }),
			field.integer('b', { when: { param: 'q', equals: 'Y', alwaysPrinted: true } }),
			field.datetime('c'),
		]),
	},
	{ fn: 'x_pct', answer: rows('|', [field.text('a'), field.percent('b')]) },
	{
		fn: 'x_records',
		answer: records([
			field.integer('lead_id'),
			field.decimal('gmt'),
			field.datetime('last'),
			field.integerList('ids'),
			field.datetime('c_iso'),
		]),
	},
	{ fn: 'x_records_bare', answer: records() },
];

function fieldsOf(spec: Spec): FieldSpec[] {
	if (isRows(spec) || spec.answer.shape === 'records') return spec.answer.fields;
	return [];
}

function valueFor(next: () => number, field: FieldSpec | undefined): string {
	const odd = [
		'',
		'-0',
		'007',
		'1.5',
		'-3',
		'12a',
		'2026-11-23 12:00:00',
		'0000-00-00 00:00:00',
		'2026-11-23 99:99:99',
		'2026-11-23',
		'3-4-5',
		'3--4',
		'ID: 12',
		'x|y',
		'a b',
		'SALE',
		'é',
		'1234567890123456',
		'12%',
		'\u2028',
		'NOTICE: x',
		' => ',
		// edges of the one-pass list and datetime readers
		'3-',
		'-',
		'1-2-',
		'12-1234567890123456',
		'2026-11-23 12:00:0x',
		'2026-11-23T12:00:00',
	];
	if (next() < 0.15 || !field) return odd[Math.floor(next() * odd.length)];
	const stamp = () =>
		`2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-2${Math.floor(next() * 9)} ${String(Math.floor(next() * 24)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:0${Math.floor(next() * 10)}`;
	switch (field.type) {
		case 'integer':
			return String(Math.floor(next() * 2000) - 100);
		case 'decimal':
			return next() < 0.5 ? '-5.00' : '5.5';
		case 'datetime':
			return stamp();
		case 'integerList':
			return `${Math.floor(next() * 99)}-${Math.floor(next() * 99)}`;
		case 'percent':
			return `${Math.floor(next() * 100)}%`;
		default:
			return (
				(field.prefix ?? '') +
				['SALE', 'NI', 'Linda', 'VDAD', '1001', 'webform-2026', ''][Math.floor(next() * 7)]
			);
	}
}

function rowsText(next: () => number, spec: Spec, fields: FieldSpec[], lines: number): string {
	const delimiter = isRows(spec) ? (spec.answer as RowsReader).delimiter : '|';
	const out: string[] = [];
	if (next() < 0.2) out.push(fields.map((f) => f.name).join(next() < 0.5 ? delimiter : ''));
	for (let i = 0; i < lines; i++) {
		const count = next() < 0.85 ? fields.length : fields.length + Math.floor(next() * 3) - 1;
		const cells = Array.from({ length: Math.max(count, 0) }, (_, k) => valueFor(next, fields[k]));
		let line = cells.join(delimiter);
		if (spec.answer.shape === 'rowsEndingInDelimiter' && next() < 0.8) line += delimiter;
		if (next() < 0.02) line += '\r';
		out.push(line);
	}
	return out.join('\n') + (next() < 0.95 ? '\n' : '');
}

function recordsText(next: () => number, fields: FieldSpec[], records: number): string {
	const keys = ['status', 'phone_number', 'first_name', ...fields.map((f) => f.name)];
	const out: string[] = [];
	for (let r = 1; r <= records; r++) {
		out.push(next() < 0.97 ? `;---------- START OF RECORD ${r} ----------` : '; START OF RECORD');
		const own = next() < 0.8 ? keys : keys.filter(() => next() < 0.8);
		for (const key of own) {
			const field = fields.find((f) => f.name === key);
			const name =
				next() < 0.03 ? ['__proto__', '9lives', 'a-b', key, 'x_iso'][Math.floor(next() * 5)] : key;
			out.push(`${name} =>${next() < 0.95 ? ' ' : ''}${valueFor(next, field)}`);
		}
	}
	return out.join('\n') + (next() < 0.95 ? '\n' : '');
}

describe('the fast reader of big answers gives what the general parser gives', () => {
	test('generated rows and key => value answers for every entry that has them, and made-up entries', () => {
		const next = random(20261207);
		const specs: Spec[] = [...bulkSpecs, ...madeUp];
		for (let round = 0; round < 3000; round++) {
			const spec = specs[round % specs.length];
			const fields = fieldsOf(spec);
			const text =
				spec.answer.shape === 'records'
					? recordsText(next, fields, 1 + Math.floor(next() * 4))
					: rowsText(next, spec, fields, 1 + Math.floor(next() * 5));
			const sent = Object.fromEntries(
				fields
					.filter((f) => f.when)
					.map((f) => [f.when!.param, next() < 0.5 ? f.when!.equals : 'N']),
			);
			expectSame(text, spec, {
				sent,
				utcOffsetHours: next() < 0.7 ? [-5, 5.5, 0][Math.floor(next() * 3)] : undefined,
			});
		}
	});

	test('a clean big answer is read by the fast reader and comes out the same', () => {
		const spec = nonAgentFunctions.find((s) => s.fn === 'phone_number_log')!;
		const text =
			Array.from(
				{ length: 2000 },
				(_, i) =>
					`31255${String(i % 50).padStart(5, '0')}|2026-11-2${i % 3} 1${i % 10}:0${i % 6}:1${i % 10}|101|${i}|SALE|AGENT|SALE|SRC1|1001`,
			).join('\n') + '\n';
		expectSame(text, spec, { utcOffsetHours: -5 });
		expectSame(text, spec, {});
	});

	test('records that change their keys part-way', () => {
		const spec = nonAgentFunctions.find((s) => s.fn === 'lead_status_search')!;
		const record = (n: number, extra: string[]) => [
			`;---------- START OF RECORD ${n} ----------`,
			`lead_id => ${n}`,
			'status => NI',
			...extra,
			'last_local_call_time => 2026-11-23 12:00:00',
			'rank => 0',
		];
		const lines = [
			...record(1, []),
			...record(2, []),
			...record(3, ['custom_one => a']),
			...record(4, ['custom_one => b']),
			...record(5, []),
			';---------- START OF RECORD 6 ----------',
			'lead_id => 6',
			...record(7, ['__proto__ => x', 'constructor => y']),
		];
		expectSame(lines.join('\n') + '\n', spec, { utcOffsetHours: 1 });
		expectSame([...record(1, []), ...record(2, ['status => B'])].join('\n') + '\n', spec, {});
	});

	test('every recorded real answer to an entry with rows or records', () => {
		const recorded = JSON.parse(
			fs.readFileSync(path.join(__dirname, '../conformance/recorded/real-answers.json'), 'utf8'),
		) as {
			scenarios: Array<{
				steps: Array<{
					request: { target: string; body: string | null };
					answer: { status: number; body: string };
				}>;
			}>;
		};
		let compared = 0;
		for (const step of recorded.scenarios.flatMap((s) => s.steps)) {
			const params = {
				...(step.request.body ? Object.fromEntries(new URLSearchParams(step.request.body)) : {}),
				...Object.fromEntries(new URL(step.request.target, 'http://x').searchParams),
			};
			const body = step.answer.body
				.replace(/<DATETIME:[^>]*>/g, '2026-11-23 12:00:00')
				.replace(/<DATE:[^>]*>/g, '2026-11-23');
			for (const spec of bulkSpecs.filter((s) => s.fn === params.function)) {
				expectSame(body, spec, { sent: params, utcOffsetHours: -5, httpCode: step.answer.status });
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(20);
	});
});
