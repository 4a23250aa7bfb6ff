/**
 * The parser part of the bench. The real runner is `bench/parser.ts` (another helper's work:
 * `runParserBench({ rows, rounds })`, every big shape, deep-equal checked against a naive parser).
 * Until that file is on this branch, MINIMAL_FALLBACK below stands in: TO BE REPLACED by
 * bench/parser.ts (it is only used when that file is absent; nothing else needs to change).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAnswer } from '../../nodes/shared/parse';
import { nonAgentFunctions } from '../../nodes/Vicidial/functions';

export interface ParserBenchResult {
	shape: string;
	description: string;
	rows: number;
	items: number;
	bytes: number;
	parserMBps: number;
	naiveMBps: number;
	ratio: number;
	parserHeapBytes: number;
	outputHeapBytes: number;
	heapRatio: number;
}

export interface ParserRunner {
	source: string;
	run(options: { rows: number; rounds: number }): Promise<ParserBenchResult[]>;
}

export function parserRunner(): ParserRunner {
	const file = path.join(__dirname, '..', 'parser.ts');
	if (fs.existsSync(file)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(file) as { runParserBench?: ParserRunner['run'] };
		if (typeof mod.runParserBench === 'function') return { source: 'bench/parser.ts', run: mod.runParserBench };
	}
	return { source: 'MINIMAL FALLBACK in bench/lib/parserAdapter.ts (replace with bench/parser.ts)', run: minimalFallback };
}

// ---- MINIMAL_FALLBACK: TO BE REPLACED by bench/parser.ts ------------------------------------

const MB = 1024 * 1024;
const gc = () => (global as { gc?: () => void }).gc?.();

async function minimalFallback(options: { rows: number; rounds: number }): Promise<ParserBenchResult[]> {
	const spec = nonAgentFunctions.find((s) => s.fn === 'phone_number_log')!;
	const columns = ['phone_number', 'call_date', 'list_id', 'length_in_sec', 'lead_status', 'hangup_reason', 'call_status', 'source_id', 'user'];
	const text = phoneLogText(options.rows);
	const naive = (t: string) => {
		const out: Record<string, string | number>[] = [];
		for (const line of t.split('\n')) {
			if (!line) continue;
			const v = line.split('|');
			out.push({ phone_number: v[0], call_date: v[1], list_id: Number(v[2]), length_in_sec: Number(v[3]), lead_status: v[4], hangup_reason: v[5], call_status: v[6], source_id: v[7], user: v[8] });
		}
		return out;
	};
	void columns;
	let bestOurs = Infinity;
	let bestNaive = Infinity;
	let items = 0;
	// the fallback does not keep its results alive while measuring, so it reports no heap figures
	const parserHeap = NaN;
	const outputHeap = NaN;
	for (let r = 0; r < options.rounds; r++) {
		gc();
		let t0 = performance.now();
		const ours = parseAnswer(text, spec, { utcOffsetHours: 0 }).records;
		bestOurs = Math.min(bestOurs, performance.now() - t0);
		items = ours.length;
		gc();
		t0 = performance.now();
		const plain = naive(text);
		bestNaive = Math.min(bestNaive, performance.now() - t0);
		if (plain.length !== ours.length) throw new Error('parser fallback: item counts differ');
	}
	const mbps = (ms: number) => text.length / MB / (ms / 1000);
	return [
		{
			shape: 'phone_number_log',
			description: 'pipe rows with a datetime (ISO companion on); naive = split per line, no ISO companion (FALLBACK)',
			rows: options.rows,
			items,
			bytes: text.length,
			parserMBps: mbps(bestOurs),
			naiveMBps: mbps(bestNaive),
			ratio: bestNaive / bestOurs,
			parserHeapBytes: parserHeap,
			outputHeapBytes: outputHeap,
			heapRatio: parserHeap / outputHeap,
		},
	];
}

/** A phone_number_log answer of `rows` rows (also the memory test's answer). */
export function phoneLogText(rows: number): string {
	const statuses = ['SALE', 'NI', 'NA', 'DROP', 'CALLBK'];
	const parts: string[] = [];
	for (let i = 0; i < rows; i++) {
		const s = i % 60;
		const m = Math.floor(i / 60) % 60;
		const h = Math.floor(i / 3600) % 24;
		const day = 1 + (Math.floor(i / 86400) % 28);
		const stamp = `2026-11-${String(day).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
		parts.push(`31255${String(i % 100000).padStart(5, '0')}|${stamp}|101|${i % 300}|${statuses[i % 5]}|AGENT|${statuses[(i + 1) % 5]}|SRC${i % 7}|100${1 + (i % 3)}\n`);
	}
	return parts.join('');
}
