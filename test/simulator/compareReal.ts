/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Runs the request sequences of cases.ts against the simulator and the genuine server and
 * reports every difference (after masking). Used by simulator.test.ts; also runnable:
 *   node scripts/run-ts.js test/simulator/compareReal.ts [sequence-name-filter]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SEQUENCES, type Sequence } from './cases';
import { comparable, rawRequest } from './rawHttp';
import type { Simulator } from './server';

export const REAL_URL = (process.env.VICIDIAL_REAL_URL ?? 'http://127.0.0.1:8089').replace(
	/\/$/,
	'',
);
const RESET_SCRIPT = process.env.VICIDIAL_REAL_RESET ?? '/work/shared/vicidial-real/reset.sh';

/** Synchronous probe, so a test file can decide at load time whether to skip. */
export function realServerUp(url = REAL_URL): boolean {
	if (!existsSync(RESET_SCRIPT)) return false;
	const probe = `require('http').get(${JSON.stringify(`${url}/vicidial/non_agent_api.php?function=version`)},
		(r) => { let b=''; r.on('data', (c) => b += c); r.on('end', () => process.exit(/^VERSION: 2\\.14/.test(b) ? 0 : 1)); })
		.on('error', () => process.exit(1)).setTimeout(3000, function () { this.destroy(); process.exit(1); });`;
	return spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0;
}

/** reset.sh; a reset racing with another user's reset fails on duplicate keys, so retry. */
export function resetReal(attempts = 5): void {
	for (let i = 1; ; i++) {
		try {
			execFileSync('bash', [RESET_SCRIPT], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60000 });
			return;
		} catch (e) {
			if (i >= attempts) throw e;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500 * i);
		}
	}
}

export interface Difference {
	sequence: string;
	name: string;
	real: string;
	sim: string;
}

/** Runs one sequence from the seed on both servers; returns the differences and the number of cases. */
export async function compareSequence(sim: Simulator, seq: Sequence): Promise<Difference[]> {
	resetReal();
	sim.reset();
	const diffs: Difference[] = [];
	for (const c of seq.cases) {
		const real = comparable(await rawRequest(REAL_URL, c));
		const mine = comparable(await rawRequest(sim.url, c));
		if (real !== mine) diffs.push({ sequence: seq.name, name: c.name, real, sim: mine });
	}
	return diffs;
}

/**
 * Other users of the shared real server can change its state mid-sequence, so a sequence
 * with differences is run again (from a fresh reset) before its differences count.
 */
export async function compareWithRetries(
	sim: Simulator,
	seq: Sequence,
	attempts = 5,
): Promise<Difference[]> {
	let diffs: Difference[] = [];
	for (let i = 0; i < attempts; i++) {
		if (i > 0) await new Promise((r) => setTimeout(r, 1000 * i));
		diffs = await compareSequence(sim, seq);
		if (diffs.length === 0) break;
	}
	resetReal();
	return diffs;
}

export function formatDiff(d: Difference): string {
	return `--- ${d.sequence} / ${d.name}\n[real]\n${d.real}\n[simulator]\n${d.sim}\n`;
}

if (process.argv[1] === __filename) {
	void (async () => {
		const { startSimulator } = await import('./server');
		const sim = await startSimulator();
		const filter = process.argv[2] ?? '';
		let total = 0;
		let bad = 0;
		for (const seq of SEQUENCES.filter((s) => s.name.includes(filter))) {
			const diffs = await compareWithRetries(sim, seq, Number(process.env.ATTEMPTS ?? 1));
			total += seq.cases.length;
			bad += diffs.length;
			for (const d of diffs) console.log(formatDiff(d));
		}
		console.log(`${total - bad}/${total} requests identical`);
		await sim.close();
	})();
}
