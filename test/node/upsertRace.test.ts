/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Lead → Create or Update from two separate Node processes (two n8n queue-mode workers) at the
 * same moment, for the same new phone number: the runs must converge to one lead per number.
 * Each worker runs the node through n8n-core (upsertRaceWorker.ts); both get the same start time
 * for every round. Against the simulator always, and the genuine server when VICIDIAL_REAL_URL is set.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';

const ROUNDS = 50;
const ROOT = path.resolve(__dirname, '../..');

interface Answer {
	phone: string;
	items: Array<Record<string, unknown>>;
	error?: string;
}

class Worker {
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiting: Array<(line: string) => void> = [];
	private readonly lines: string[] = [];

	constructor() {
		this.child = spawn(
			process.execPath,
			[path.join(ROOT, 'scripts/run-ts.js'), path.join(ROOT, 'test/node/upsertRaceWorker.ts')],
			{
				cwd: ROOT,
				env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
			},
		);
		this.child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
		readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
			const next = this.waiting.shift();
			if (next) next(line);
			else this.lines.push(line);
		});
	}

	next(): Promise<string> {
		const line = this.lines.shift();
		if (line !== undefined) return Promise.resolve(line);
		return new Promise((resolve) => this.waiting.push(resolve));
	}

	send(round: object): void {
		this.child.stdin.write(`${JSON.stringify(round)}\n`);
	}

	stop(): Promise<void> {
		return new Promise((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.stdin.end();
		});
	}
}

/** How many leads have this phone number in list 101 (lead_search through the API). */
async function leadsWith(url: string, phone: string): Promise<number[]> {
	const body = new URLSearchParams({
		function: 'lead_search',
		user: '6666',
		pass: '1234',
		source: 'test',
		phone_number: phone,
		search_location: 'LIST',
		list_id: '101',
	});
	const text = await (
		await fetch(`${url}/vicidial/non_agent_api.php`, { method: 'POST', body })
	).text();
	const line = text.split('\n').find((l) => l.startsWith(`${phone}|`));
	return line ? line.split('|')[2].split('-').map(Number) : [];
}

// Two processes for every target: starting one (n8n-core, transpiled on the fly) takes seconds.
let workers: Worker[] = [];
beforeAll(async () => {
	workers = [new Worker(), new Worker()];
	expect(await Promise.all(workers.map((w) => w.next()))).toEqual(['ready', 'ready']);
}, 90_000);
afterAll(async () => {
	await Promise.all(workers.map((w) => w.stop()));
});

describe.each(targetNames)(
	'Create or Update from two processes at once, against the %s',
	(targetName) => {
		let target: Target;
		beforeAll(async () => {
			target = await startTarget(targetName);
			target.reset();
		});
		afterAll(async () => target.close());

		test(`${ROUNDS} rounds, the same new phone number in both processes per round: one lead each time`, async () => {
			let duplicates = 0;
			let merged = 0;
			const problems: string[] = [];
			for (let round = 0; round < ROUNDS; round++) {
				const phone = `3125557${String(round).padStart(3, '0')}`;
				const at = Date.now() + 40;
				workers.forEach((worker, i) =>
					worker.send({ url: target.url, at, phone, name: `Racer${i}`, listId: '101' }),
				);
				const answers = (await Promise.all(workers.map((w) => w.next()))).map(
					(line) => JSON.parse(line) as Answer,
				);
				const leads = await leadsWith(target.url, phone);
				if (leads.length !== 1) duplicates++;
				for (const answer of answers)
					if (answer.error || answer.items.length !== 1)
						problems.push(`${phone}: ${answer.error ?? JSON.stringify(answer.items)}`);
				const items = answers.flatMap((a) => a.items);
				// Both items name the one lead that is left; a racer that merged says which lead it removed.
				if (!items.every((item) => item.lead_id === leads[0]))
					problems.push(`${phone}: items ${JSON.stringify(items)} but leads ${leads.join(',')}`);
				for (const item of items.filter((i) => i.merged_from !== undefined)) {
					merged++;
					expect(item).toMatchObject({ action: 'updated', merged_lead_removed: true });
					expect(item.merged_from).toBeGreaterThan(leads[0]);
				}
			}
			// Seen in the output of the test run: how often both processes really added at once.
			process.stdout.write(
				`upsert race against the ${targetName}: ${ROUNDS} rounds, ${merged} merged, ${duplicates} duplicates\n`,
			);
			expect(problems).toEqual([]);
			expect(duplicates).toBe(0);
		}, 120_000);
	},
);
