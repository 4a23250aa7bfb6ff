/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Where a test suite runs: the simulator always; the genuine VICIdial server too when
 * VICIDIAL_REAL_URL is set (CI sets it after starting ../shared/vicidial-real). The same
 * tests and the same expected values apply to both: they share one seed.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';

export interface Target {
	name: 'simulator' | 'real VICIdial';
	url: string;
	/** Back to the seed state. */
	reset(): void;
	/** The simulator, for tests that inject faults or read the requests it received. */
	sim?: Simulator;
	close(): Promise<void>;
}

const configuredRealUrl = process.env.VICIDIAL_REAL_URL?.trim();
/** Unset, empty or "off": only the simulator. */
export const realServerUrl =
	configuredRealUrl && configuredRealUrl.toLowerCase() !== 'off' ? configuredRealUrl : undefined;

export async function startTarget(name: Target['name']): Promise<Target> {
	if (name === 'simulator') {
		const sim = await startSimulator();
		return { name, url: sim.url, sim, reset: () => sim.reset(), close: () => sim.close() };
	}
	if (!realServerUrl) throw new Error('VICIDIAL_REAL_URL is not set');
	const dir =
		process.env.VICIDIAL_REAL_DIR ?? path.resolve(__dirname, '../../../shared/vicidial-real');
	return {
		name,
		url: realServerUrl.replace(/\/+$/, ''),
		reset: () => {
			execFileSync('bash', [path.join(dir, 'reset.sh')], { stdio: 'ignore' });
		},
		close: async () => undefined,
	};
}

/** Target names for describe.each. */
export const targetNames: Array<Target['name']> = realServerUrl
	? ['simulator', 'real VICIdial']
	: ['simulator'];
