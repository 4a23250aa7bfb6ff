/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Jest, never inside n8n */
/**
 * The bench's CPU accounting: a profile's samples are told apart by part (ours, n8n's expressions,
 * n8n's request path, GC, the rest) only inside the node's window, and /proc CPU readings grow with work.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { epochMinusMonotonicUs, summariseProfile } from '../../bench/lib/profile';
import { matchingCpuMs, ownCpuMs, processCpuMs } from '../../bench/lib/cpu';

const frame = (id: number, url: string, functionName = 'f', children: number[] = []) => ({
	id,
	callFrame: { functionName, url, lineNumber: 0 },
	children,
});

describe('bench CPU accounting', () => {
	it('sums a profile by part, inside the window only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cpu-test-'));
		const file = path.join(dir, 'x.cpuprofile');
		const nm = 'file:///n8n/node_modules/';
		const nodes = [
			frame(1, '', '(root)', [2, 3, 4, 5, 6, 7]),
			frame(2, `${nm}n8n-nodes-vicidial-suite/dist/nodes/shared/execute.js`),
			frame(3, `${nm}@n8n/expression-runtime/dist/cjs/x.js`),
			frame(4, `${nm}axios/dist/node/axios.cjs`),
			frame(5, '', '(garbage collector)'),
			frame(6, `${nm}n8n-core/dist/x.js`),
			frame(7, 'node:net'),
		];
		// one sample a millisecond (deltas in µs); samples 0-5 fall in the window, 6-7 after it
		const samples = [2, 3, 4, 5, 6, 7, 2, 2];
		const startTime = 1_000_000;
		const profile = {
			nodes,
			samples,
			timeDeltas: samples.map(() => 1000),
			startTime,
			endTime: startTime + samples.length * 1000,
		};
		fs.writeFileSync(file, JSON.stringify(profile));
		// the window, on the profile's clock: from the first sample (t = 1001 µs) to the sixth (6001 µs)
		const epochMinusMonotonic = 5_000_000_000;
		const summary = summariseProfile(file, 2, {
			startEpochMs: (startTime + 1000 + epochMinusMonotonic) / 1000,
			durationMs: 5,
			epochMinusMonotonicUs: epochMinusMonotonic,
		});
		expect(summary.byPart).toEqual({ ours: 1, expressions: 1, request: 2, gc: 1, other: 1 });
		expect(summary.windowCpuMs).toBe(6);
		expect(summary.totalCpuMs).toBe(8);
		fs.rmSync(dir, { recursive: true, force: true });
		expect(Math.abs(epochMinusMonotonicUs() - epochMinusMonotonicUs())).toBeLessThan(1000);
	});

	it('reads CPU time from /proc that grows with work', () => {
		const since = process.cpuUsage();
		const before = processCpuMs(process.pid);
		// work until this process has used 60 ms of CPU (by Node's own count), however busy the machine
		const giveUp = Date.now() + 10_000;
		while (ownCpuMs(since) < 60 && Date.now() < giveUp) Math.sqrt(Math.random());
		expect(ownCpuMs(since)).toBeGreaterThanOrEqual(60);
		// /proc counts in 10 ms ticks
		expect(processCpuMs(process.pid) - before).toBeGreaterThanOrEqual(40);
		expect(processCpuMs(-1)).toBe(0);
		expect(matchingCpuMs((cmdline) => cmdline.startsWith(process.argv0))).toBeGreaterThan(0);
		expect(matchingCpuMs((cmdline) => cmdline === 'no process has this command line')).toBe(0);
	});
});
