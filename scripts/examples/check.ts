/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Imports examples/*.json into a real n8n 2.41.1 (this checkout packed and installed) and runs each
 * once, against the simulator or a genuine VICIdial. Exits 1 when one fails.
 *
 *   node scripts/run-ts.js scripts/examples/check.ts [name ...]          (the simulator, in-process)
 *   VICIDIAL_REAL_URL=http://127.0.0.1:8089 node scripts/run-ts.js scripts/examples/check.ts --real
 *
 * --real uses the seed's API user 6666 (VICIDIAL_REAL_USER / VICIDIAL_REAL_PASSWORD override it)
 * and a one-minute pause limit, since a genuine server's clock cannot be moved.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchSimulator } from '../lib/simulator';
import type { SimulatorProcess as Simulator } from '../lib/simulator';
import { createN8n, ensureN8n, packThisBuild } from '../lib/realN8n';
import type { N8nInstance } from '../lib/realN8n';
import { checkExamples, importExamples, startNotificationCatcher } from './index';
import type { NotificationCatcher } from './index';

const say = (line: string) => console.log(`[examples] ${line}`);

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const real = args.includes('--real');
	const only = args.filter((a) => !a.startsWith('--'));
	if (real && !process.env.VICIDIAL_REAL_URL)
		throw new Error(
			'--real needs VICIDIAL_REAL_URL (bash test/support/real-instance.sh <n> prints it)',
		);
	let simulator: Simulator | undefined;
	let n8n: N8nInstance | undefined;
	let catcher: NotificationCatcher | undefined;
	let packDir: string | undefined;
	const started = Date.now();
	try {
		simulator = real ? undefined : await launchSimulator();
		const vicidial = real
			? {
					url: process.env.VICIDIAL_REAL_URL!,
					user: process.env.VICIDIAL_REAL_USER ?? '6666',
					password: process.env.VICIDIAL_REAL_PASSWORD ?? '1234',
				}
			: { url: simulator!.url, user: '6666', password: '1234' };
		const install = await ensureN8n(say);
		packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-pack-'));
		const tarball = packThisBuild(packDir, say);
		n8n = await createN8n({ install, tarball, progress: say });
		catcher = await startNotificationCatcher();
		const imported = await importExamples(n8n, {
			notifyUrl: catcher.url,
			vicidial,
			only: only.length > 0 ? only : undefined,
			pauseLimitMinutes: real ? 1 : undefined,
		});
		await n8n.start();
		await n8n.setupOwner({
			email: 'examples@example.com',
			firstName: 'Example',
			lastName: 'Owner',
			password: `Examples${Date.now()}`,
		});
		const ready = Date.now();
		say(
			`n8n ${n8n.version} ready in ${Math.round((ready - started) / 1000)} s; checking ${imported.examples.length} examples against ${real ? `VICIdial at ${vicidial.url}` : 'the simulator'}`,
		);
		const results = await checkExamples(n8n, { imported, catcher, vicidial, simulator, log: say });
		const failed = results.filter((r) => !r.ok);
		say(
			`${results.length - failed.length} of ${results.length} examples passed; checks took ${Math.round((Date.now() - ready) / 1000)} s (${results.map((r) => `${r.example} ${r.seconds} s`).join(', ')})`,
		);
		return failed.length === 0 ? 0 : 1;
	} finally {
		await n8n?.stop();
		await catcher?.close();
		await simulator?.close();
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`[examples] failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
