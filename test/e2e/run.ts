/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run test:n8n`: the packed package of this checkout in a real n8n (2.41.1 on Node 24, cached
 * by scripts/lib/realN8n.ts) runs test/e2e/workflow.json headless against the simulator; check.js
 * checks the outputs. Every port is a free one, so it runs beside any other n8n or simulator.
 * First run: minutes (the n8n install); E2E_KEEP=1 keeps the work folder. On failure the reason
 * and the last lines of the logs go to stderr, and the work folder is kept.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
	createN8n,
	ensureN8n,
	freePort,
	packThisBuild,
	ROOT,
	sleep,
	spawnTracked,
	stopTracked,
	tail,
	type N8nInstance,
} from '../../scripts/lib/realN8n';

const say = (line: string) => console.error(`[test:n8n] ${line}`);

async function waitSimulator(url: string, logFile: string): Promise<void> {
	for (let i = 0; i < 150; i++) {
		try {
			const res = await fetch(`${url}/vicidial/non_agent_api.php`, {
				method: 'POST',
				body: new URLSearchParams({ function: 'version' }),
			});
			if ((await res.text()).includes('VERSION')) return;
		} catch {
			// not listening yet
		}
		await sleep(200);
	}
	throw new Error(`the simulator did not start:\n${tail(fs.readFileSync(logFile, 'utf8'), 20)}`);
}

async function main(): Promise<number> {
	const install = await ensureN8n(say);
	say(`n8n ${install.version} on Node ${install.nodeVersion}`);
	let n8n: N8nInstance | undefined;
	let simulator: ReturnType<typeof spawnTracked> | undefined;
	let failed = true;
	try {
		const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-pack-'));
		const tarball = packThisBuild(packDir, say);
		n8n = await createN8n({
			install,
			tarball,
			keep: true,
			env: { N8N_ENCRYPTION_KEY: 'e2e-only-key' },
		});
		fs.renameSync(packDir, path.join(n8n.work, 'pack'));
		say(`work folder ${n8n.work}`);

		const simPort = await freePort();
		const simLog = path.join(n8n.work, 'simulator.log');
		simulator = spawnTracked(
			process.execPath,
			[
				path.join(ROOT, 'scripts', 'run-ts.js'),
				path.join(ROOT, 'test', 'simulator', 'cli.ts'),
				'--port',
				String(simPort),
			],
			{ cwd: ROOT, env: process.env, logFile: simLog },
		);
		const simUrl = `http://127.0.0.1:${simPort}`;
		await waitSimulator(simUrl, simLog);
		say(`simulator on ${simUrl}`);

		n8n.importCredentials([
			{
				id: 'vicidialE2eCred1',
				name: 'VICIdial e2e',
				type: 'vicidialApi',
				data: {
					serverUrl: simUrl,
					apiUser: '6666',
					password: '1234',
					source: 'n8n',
					nonAgentPath: '/vicidial/non_agent_api.php',
					agentPath: '/agc/api.php',
					ignoreSslIssues: false,
				},
			},
		]);
		n8n.importWorkflows(JSON.parse(fs.readFileSync(path.join(__dirname, 'workflow.json'), 'utf8')));
		const execution = await n8n.execute('vicidialE2e00001', { keepOutput: true });
		const outFile = path.join(n8n.work, 'out.json');
		fs.writeFileSync(outFile, execution.output);
		const check = spawnSync(process.execPath, [path.join(__dirname, 'check.js'), outFile], {
			encoding: 'utf8',
		});
		process.stdout.write(check.stdout);
		if (check.status !== 0) {
			say(`check.js failed (exit ${check.status}):\n${check.stderr}`);
			if (execution.error) say(`n8n reported: ${execution.error}`);
			say(`last lines of the n8n output:\n${tail(execution.output, 25)}`);
			say(`last lines of the simulator log:\n${tail(fs.readFileSync(simLog, 'utf8'), 10)}`);
			return 1;
		}
		failed = false;
		return 0;
	} finally {
		if (simulator) await stopTracked(simulator, 3000);
		if (n8n) {
			await n8n.stop();
			if (!failed && !process.env.E2E_KEEP) fs.rmSync(n8n.work, { recursive: true, force: true });
			else say(`kept ${n8n.work}`);
		}
	}
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		say(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	},
);
