/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The VICIdial simulator (test/simulator) in a process of its own, for the demos, the example
 * checks and the bench: they talk to it over HTTP like to a genuine server, and over the child's
 * IPC channel for what a genuine server only lets its dialer do (rows the dialer writes, its
 * clock, the requests it received). The simulator side of this protocol is test/simulator/control.ts.
 *
 *   const sim = await launchSimulator();          // node scripts/run-ts.js test/simulator/cli.ts --port 0 --control
 *   await sim.update('vicidial_users', { user: '6666' }, { pass: 'secret' });
 *   const sent = await sim.requests();
 *   await sim.close();
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export type SimulatorRow = Record<string, string | null>;
export type SimulatorValues = Record<string, string | number | null>;
/** Rows whose columns equal these values (compared as text). */
export type SimulatorWhere = Record<string, string | number>;

/** One HTTP request the simulator received (test/simulator/server.ts RecordedRequest). */
export interface SimulatorRequest {
	method: string;
	path: string;
	rawQuery: string;
	rawBody: string;
	params: Record<string, string>;
}

export type SimulatorCommand =
	| { op: 'requests' }
	| { op: 'shiftClock'; ms: number }
	| { op: 'now' }
	| { op: 'find'; table: string; where: SimulatorWhere }
	| { op: 'insert'; table: string; values: SimulatorValues }
	| { op: 'update'; table: string; where: SimulatorWhere; values: SimulatorValues };

export type SimulatorMessage = { ready: string } | { id: number; result?: unknown; error?: string };

export interface SimulatorProcess {
	url: string;
	pid: number;
	/** Every request received so far, in order. */
	requests(): Promise<SimulatorRequest[]>;
	/** The simulator's clock runs `ms` ahead of the real one (0: back to real time). */
	shiftClock(ms: number): Promise<void>;
	/** The simulator's "now": MariaDB NOW() text and PHP date("U"). */
	now(): Promise<{ text: string; epoch: number }>;
	find(table: string, where: SimulatorWhere): Promise<SimulatorRow | undefined>;
	insert(table: string, values: SimulatorValues): Promise<SimulatorRow>;
	/** Updates the first matching row like the dialer would (ON UPDATE timestamps move); its new state. */
	update(
		table: string,
		where: SimulatorWhere,
		values: SimulatorValues,
	): Promise<SimulatorRow | undefined>;
	close(): Promise<void>;
}

/** Starts test/simulator/cli.ts on a free port and resolves once it listens. */
export async function launchSimulator(): Promise<SimulatorProcess> {
	const child: ChildProcess = fork(
		path.join(ROOT, 'scripts', 'run-ts.js'),
		[path.join(ROOT, 'test', 'simulator', 'cli.ts'), '--port', '0', '--control'],
		{
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		},
	);
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
	});
	const pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	let nextId = 1;
	let exited = false;
	const url = await new Promise<string>((resolve, reject) => {
		child.on('message', (message: SimulatorMessage) => {
			if ('ready' in message) return resolve(message.ready);
			const waiting = pending.get(message.id);
			pending.delete(message.id);
			if (message.error !== undefined) waiting?.reject(new Error(`simulator: ${message.error}`));
			else waiting?.resolve(message.result);
		});
		child.once('exit', (code) => {
			exited = true;
			const error = new Error(`simulator exited (${code}): ${stderr.trim()}`);
			for (const waiting of pending.values()) waiting.reject(error);
			pending.clear();
			reject(error);
		});
	});
	const exit = new Promise<void>((resolve) =>
		exited ? resolve() : child.once('exit', () => resolve()),
	);
	// Ctrl-C or an early exit of the caller must not leave the simulator behind.
	const killOnExit = () => child.kill();
	process.once('exit', killOnExit);

	const send = <T>(command: SimulatorCommand): Promise<T> =>
		new Promise<T>((resolve, reject) => {
			if (exited) return reject(new Error(`simulator exited: ${stderr.trim()}`));
			const id = nextId++;
			pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			child.send({ id, ...command });
		});

	return {
		url,
		pid: child.pid!,
		requests: () => send<SimulatorRequest[]>({ op: 'requests' }),
		shiftClock: (ms) => send<void>({ op: 'shiftClock', ms }),
		now: () => send<{ text: string; epoch: number }>({ op: 'now' }),
		find: (table, where) => send<SimulatorRow | undefined>({ op: 'find', table, where }),
		insert: (table, values) => send<SimulatorRow>({ op: 'insert', table, values }),
		update: (table, where, values) =>
			send<SimulatorRow | undefined>({ op: 'update', table, where, values }),
		close: async () => {
			process.removeListener('exit', killOnExit);
			if (!exited) child.kill('SIGTERM');
			await exit;
		},
	};
}
