/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** Small helpers shared by the bench parts: options, shell, ports, formatting. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export type OpName = 'add' | 'read' | 'agent';
export type TargetName = 'real' | 'sim';

export interface BenchOptions {
	/** Items per measured variant (add_lead, lead_all_info, external_pause each). */
	n: number;
	/** Interleaved rounds; the best round of each variant counts. */
	rounds: number;
	concurrencies: number[];
	ops: OpName[];
	targets: TargetName[];
	/** Rows of the memory test's answer; 0 skips it. */
	memoryRows: number;
	/** Rows per shape for the parser part; 0 skips it. */
	parserRows: number;
	/** Also run the node in-process through the test harness (the old `npm run bench`). */
	harness: boolean;
	profile: boolean;
	/** The operation profiled with --profile. */
	profileOp: OpName;
	/** Parallel Requests of the profiled node run. */
	profileConcurrency: number;
	ci: boolean;
	/** Where results.md goes; '' = do not write. */
	out: string;
	/** Thresholds the CI mode checks. */
	minNodeVsRaw: number;
	minNodeVsHttp: number;
	keep: boolean;
}

const HELP = `usage: npm run bench -- [options]
  --n 2000              items per variant (add_lead, lead_all_info, external_pause)
  --rounds 2            interleaved rounds, best counts
  --concurrency 1,4,8   Parallel Requests / raw client concurrency
  --ops add,read,agent  which operations
  --targets real,sim    real = genuine VICIdial at VICIDIAL_REAL_URL (skipped when unset), sim = simulator
  --memory-rows 100000  rows of the memory test answer (0 = skip)
  --parser-rows 100000  rows of each parser shape (0 = skip)
  --no-harness          skip the in-process test-harness run (the old bench)
  --profile             also run the node at concurrency 1 (add_lead) under node --cpu-prof and summarise
  --profile-op read     profile that operation instead (add, read, agent)
  --profile-concurrency 8  profile the node at that Parallel Requests instead of 1
  --out bench/results.md  ('' = do not write)
  --ci                  short gate: --n 300 --rounds 1 --concurrency 4 --memory-rows 0 --parser-rows 0
                        --no-harness --out '' --targets real (sim without VICIDIAL_REAL_URL), exits 1 when the node is below 0.9x raw (concurrency 4)
                        or below the HTTP Request node, in the same run
  --keep                keep the n8n user folder and logs`;

export function parseOptions(argv: string[]): BenchOptions {
	const ci = argv.includes('--ci');
	const o: BenchOptions = {
		n: ci ? 300 : 2000,
		rounds: ci ? 1 : 2,
		concurrencies: ci ? [4] : [1, 4, 8],
		ops: ['add', 'read', 'agent'],
		// the CI gate uses the genuine server when .ci/run started one, else the simulator
		targets: ci ? [process.env.VICIDIAL_REAL_URL ? 'real' : 'sim'] : ['real', 'sim'],
		memoryRows: ci ? 0 : 100_000,
		parserRows: ci ? 0 : 100_000,
		harness: !ci,
		profile: false,
		profileOp: 'add',
		profileConcurrency: 1,
		ci,
		out: ci ? '' : path.join(ROOT, 'bench', 'results.md'),
		minNodeVsRaw: 0.9,
		minNodeVsHttp: 1,
		keep: false,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${a} needs a value`);
			return v;
		};
		const list = (): string[] =>
			next()
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
		switch (a) {
			case '--ci':
				break;
			case '--n':
				o.n = Number(next());
				break;
			case '--rounds':
				o.rounds = Number(next());
				break;
			case '--concurrency':
				o.concurrencies = list().map(Number);
				break;
			case '--ops':
				o.ops = list() as OpName[];
				break;
			case '--targets':
				o.targets = list() as TargetName[];
				break;
			case '--memory-rows':
				o.memoryRows = Number(next());
				break;
			case '--parser-rows':
				o.parserRows = Number(next());
				break;
			case '--no-harness':
				o.harness = false;
				break;
			case '--profile':
				o.profile = true;
				break;
			case '--profile-concurrency':
				o.profileConcurrency = Number(next());
				break;
			case '--profile-op':
				o.profile = true;
				o.profileOp = next() as OpName;
				break;
			case '--out':
				o.out = next();
				if (o.out) o.out = path.resolve(o.out);
				break;
			case '--keep':
				o.keep = true;
				break;
			case '--help':
			case '-h':
				console.log(HELP);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${a}\n${HELP}`);
		}
	}
	if (!(o.n > 0) || !(o.rounds > 0) || o.concurrencies.some((c) => !(c >= 1 && c <= 20)))
		throw new Error(`bad options\n${HELP}`);
	for (const op of o.ops)
		if (!['add', 'read', 'agent'].includes(op)) throw new Error(`unknown op ${op}`);
	for (const t of o.targets)
		if (!['real', 'sim'].includes(t)) throw new Error(`unknown target ${t}`);
	return o;
}

export { freePort, sleep } from '../../scripts/lib/realN8n';

export function sh(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
	return execFileSync(command, args, {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
}

export function shTry(command: string, args: string[]): string {
	const r = spawnSync(command, args, { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : '';
}

export function log(message: string): void {
	console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export const fmt = (value: number, digits = 1) =>
	Number.isFinite(value) ? value.toFixed(digits) : '-';
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** The items of one variant: the value that changes per item. */
export function itemValues(op: OpName, n: number): string[] {
	if (op === 'add') return Array.from({ length: n }, (_, i) => `3129${String(i).padStart(6, '0')}`);
	if (op === 'read') return Array.from({ length: n }, (_, i) => String(11 + (i % 5)));
	return Array.from({ length: n }, () => '1001');
}
