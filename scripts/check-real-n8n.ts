/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run check:launcher`: proves scripts/lib/realN8n.ts runs two real n8n side by side.
 * Two ensureN8n calls at once (the install lock), one pack of this checkout, then two instances
 * started at the same time on free ports, each with its owner set up, a REST call, and a CLI
 * `execute` while its `n8n start` runs; after stop() none of their processes or ports remain.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createN8n, ensureN8n, packThisBuild, portTaken, type N8nInstance } from './lib/realN8n';

const say = (line: string) => console.log(`[check-real-n8n] ${line}`);

function fail(message: string): never {
	throw new Error(message);
}

const workflow = (id: string) => ({
	id,
	name: `launcher check ${id}`,
	active: false,
	nodes: [
		{
			id: 'a1',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'a2',
			name: 'Set',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: {
				assignments: { assignments: [{ id: 'x', name: 'instance', value: id, type: 'string' }] },
				options: {},
			},
		},
	],
	connections: { Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
	settings: {},
});

async function main(): Promise<void> {
	const [install, again] = await Promise.all([ensureN8n(say), ensureN8n(say)]);
	if (install.bin !== again.bin) fail('two ensureN8n calls disagree');
	say(`n8n ${install.version} on Node ${install.nodeVersion}`);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-real-n8n-pack-'));
	const tarball = packThisBuild(packDir, say);
	const instances: N8nInstance[] = [];
	const ports: number[] = [];
	const pids: number[] = [];
	try {
		for (let i = 0; i < 2; i++)
			instances.push(await createN8n({ install, tarball, progress: say }));
		const mains = await Promise.all(instances.map((n) => n.start()));
		ports.push(...mains.flatMap((m) => Object.values(m.ports)));
		pids.push(...mains.map((m) => m.pid));
		if (new Set(ports).size !== ports.length)
			fail(`two processes share a port: ${JSON.stringify(mains.map((m) => m.ports))}`);
		say(
			`both started: ${mains.map((m) => `${m.url} (pid ${m.pid}, ports ${JSON.stringify(m.ports)})`).join('; ')}`,
		);
		await Promise.all(
			instances.map(async (n, i) => {
				await n.setupOwner({
					email: `owner${i}@example.com`,
					firstName: 'Demo',
					lastName: `Owner${i}`,
					password: `Check-${i}-password1`,
				});
				const me = (await n.rest<{ data: { email: string } }>('GET', '/rest/login')).data;
				if (me.email !== `owner${i}@example.com`)
					fail(`instance ${i}: /rest/login is ${JSON.stringify(me)}`);
				const types = await n.rest<Array<{ name: string }>>('GET', '/types/nodes.json');
				if (!types.some((t) => t.name === 'n8n-nodes-vicidial-suite.vicidial'))
					fail(`instance ${i}: the VICIdial node is not loaded`);
			}),
		);
		say('owners set up, logged in, the VICIdial node is loaded in both');
		for (const [i, n] of instances.entries()) {
			n.importWorkflows([workflow(`launcherCheck0${i}`)]);
			const run = await n.execute(`launcherCheck0${i}`);
			if (run.error || run.nodes.Set?.items[0]?.instance !== `launcherCheck0${i}`)
				fail(
					`instance ${i}: execute beside start gave ${run.error ?? JSON.stringify(run.nodes)}\n${run.output.slice(-3000)}`,
				);
		}
		say('n8n execute ran beside each n8n start');
	} finally {
		await Promise.all(instances.map((n) => n.stop()));
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	for (const pid of pids) if (alive(pid)) fail(`process ${pid} still runs after stop()`);
	for (const port of ports)
		if (await portTaken(port)) fail(`port ${port} still taken after stop()`);
	say('after stop(): no process left, every port free');
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

main()
	.then(() => say('OK'))
	.catch((e: unknown) => {
		console.error(`[check-real-n8n] FAILED: ${e instanceof Error ? e.message : String(e)}`);
		process.exit(1);
	});
