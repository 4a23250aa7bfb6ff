/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The servers the bench talks to, both on 127.0.0.1: the genuine VICIdial (../shared/vicidial-real,
 * at VICIDIAL_REAL_URL, reset with its reset.sh, leads counted in its MariaDB) and the simulator
 * (its CLI in a child process, restarted for a fresh seed, leads counted with list_info).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort, log, ROOT, sh, sleep, type TargetName } from './common';
import { matchingCpuMs, processCpuMs } from './cpu';
import { API_PASS, API_SOURCE, API_USER } from './ops';

export interface Target {
	name: TargetName;
	label: string;
	url: string;
	/** Back to the seed state (before each measured variant). */
	reset(): Promise<void>;
	/** Leads in vicidial_list. */
	countLeads(): Promise<number>;
	/** CPU ms the server's processes have used so far (deltas around a run give its cost). */
	cpuMs(): number;
	close(): Promise<void>;
}

function assertLocal(url: string): void {
	const host = new URL(url).hostname;
	if (host !== '127.0.0.1') throw new Error(`the bench only talks to 127.0.0.1, not ${host}`);
}

export function realDir(): string {
	const candidates = [
		process.env.VICIDIAL_REAL_DIR,
		path.join(ROOT, '..', 'shared', 'vicidial-real'),
		path.join(ROOT, '..', '..', 'shared', 'vicidial-real'),
	];
	for (const c of candidates)
		if (c && fs.existsSync(path.join(c, 'reset.sh'))) return path.resolve(c);
	throw new Error('cannot find ../shared/vicidial-real (set VICIDIAL_REAL_DIR)');
}

/** The genuine server at VICIDIAL_REAL_URL, or null when it is not set. */
export function realTarget(): Target | null {
	const url = process.env.VICIDIAL_REAL_URL?.replace(/\/+$/, '');
	if (!url) return null;
	assertLocal(url);
	const dir = realDir();
	// the instance the URL belongs to: VICIDIAL_STATE/DB_PORT as real-instance.sh prints them (CI: the defaults)
	const env = {
		...process.env,
		VICIDIAL_STATE: process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real',
		VICIDIAL_DB_PORT: process.env.VICIDIAL_DB_PORT ?? '3306',
		VICIDIAL_PORT: process.env.VICIDIAL_PORT ?? new URL(url).port,
	};
	if (env.VICIDIAL_PORT !== new URL(url).port)
		throw new Error(`VICIDIAL_PORT ${env.VICIDIAL_PORT} does not match VICIDIAL_REAL_URL ${url}`);
	const myCnf = path.join(env.VICIDIAL_STATE, 'my.cnf');
	// the PHP server and its workers, and this instance's MariaDB (/proc ends a command line with NUL, read as a space)
	const serverProcess = (cmdline: string) =>
		(cmdline.startsWith('php ') && cmdline.includes(` -S ${new URL(url).host} `)) ||
		cmdline.startsWith(`mariadbd --defaults-file=${myCnf} `);
	return {
		name: 'real',
		label: `genuine VICIdial 2.14 (${url}, state ${env.VICIDIAL_STATE})`,
		url,
		reset: async () => {
			sh('bash', [path.join(dir, 'reset.sh')], { env });
		},
		countLeads: async () =>
			Number(
				sh('mariadb', [
					`--defaults-file=${myCnf}`,
					'-uroot',
					'asterisk',
					'-N',
					'-e',
					'SELECT COUNT(*) FROM vicidial_list',
				]).trim(),
			),
		cpuMs: () => matchingCpuMs(serverProcess),
		close: async () => {
			// leave the seed state for whatever runs next (CI's other tests)
			sh('bash', [path.join(dir, 'reset.sh')], { env });
		},
	};
}

/** The simulator's CLI in its own process (so it does not share the bench's event loop). */
export async function simTarget(): Promise<Target> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let child: ChildProcess | null = null;
	const stop = async () => {
		if (!child || child.exitCode !== null) return;
		const done = new Promise((r) => child!.once('exit', r));
		child.kill('SIGTERM');
		await Promise.race([done, sleep(3000)]);
		if (child.exitCode === null) child.kill('SIGKILL');
		child = null;
	};
	const start = async () => {
		await stop();
		const proc = spawn(
			process.execPath,
			[
				path.join(ROOT, 'scripts', 'run-ts.js'),
				path.join(ROOT, 'test', 'simulator', 'cli.ts'),
				'--port',
				String(port),
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		child = proc;
		let output = '';
		await new Promise<void>((resolve, reject) => {
			const onData = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('listening on')) resolve();
			};
			proc.stdout!.on('data', onData);
			proc.stderr!.on('data', onData);
			proc.once('exit', (code) => reject(new Error(`simulator exited (${code}): ${output}`)));
		});
	};
	await start();
	log(`simulator on ${url} (pid ${child!.pid})`);
	const countLeads = async () => {
		const body = new URLSearchParams({
			function: 'list_info',
			user: API_USER,
			pass: API_PASS,
			source: API_SOURCE,
			list_id: '101',
			leads_counts: 'Y',
		});
		const text = await (
			await fetch(`${url}/vicidial/non_agent_api.php`, { method: 'POST', body })
		).text();
		const count = Number(text.split('|')[8]);
		if (!Number.isFinite(count)) throw new Error(`list_info: ${text}`);
		return count;
	};
	return {
		name: 'sim',
		label: `simulator (test/simulator/cli.ts, ${url})`,
		url,
		reset: start,
		countLeads,
		cpuMs: () => (child?.pid ? processCpuMs(child.pid) : 0),
		close: stop,
	};
}
