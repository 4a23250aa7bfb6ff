/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * One "n8n process" of the Create or Update race test (upsertRace.test.ts): runs the Vicidial node
 * through n8n-core's WorkflowExecute (test/helpers/n8n) in its own Node process. It reads one
 * JSON line per round, `{ url, at, phone, name, listId, searchLocation }`, waits until the wall-clock time
 * `at` (both workers get the same one), runs Lead → Create or Update against `url` and prints one
 * JSON line. Started with `node scripts/run-ts.js test/node/upsertRaceWorker.ts`.
 */
import * as readline from 'node:readline';
import { json, runVicidial } from './run';

interface Round {
	url: string;
	at: number;
	phone: string;
	name: string;
	listId: string;
	searchLocation?: string;
}

async function startAt(at: number): Promise<void> {
	const early = at - Date.now() - 3;
	if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
	while (Date.now() < at) {
		// spin the last few milliseconds: both processes start within about one
	}
}

async function play(round: Round): Promise<void> {
	await startAt(round.at);
	const result = await runVicidial({
		url: round.url,
		parameters: {
			resource: 'lead',
			operation: 'upsert',
			searchMethod: 'PHONE_NUMBER',
			listId: round.listId,
			phoneNumber: round.phone,
			firstName: round.name,
			additionalFields: round.searchLocation ? { searchLocation: round.searchLocation } : {},
		},
	});
	process.stdout.write(
		`${JSON.stringify({ phone: round.phone, items: json(result), error: result.error?.message })}\n`,
	);
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
	const round = JSON.parse(line) as Round;
	queue = queue
		.then(() => play(round))
		.catch((error: unknown) => {
			process.stdout.write(
				`${JSON.stringify({ phone: round.phone, items: [], error: String(error) })}\n`,
			);
		});
});
lines.on('close', () => {
	void queue.then(() => process.exit(0));
});
process.stdout.write('ready\n');
