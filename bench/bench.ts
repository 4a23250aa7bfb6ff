/**
 * `npm run bench`: how fast the parser reads big answers, and how the VICIdial node runs many
 * items through n8n's real WorkflowExecute against the simulator (time and memory).
 * Figures vary by machine; compare runs on the same one.
 */
import { performance } from 'node:perf_hooks';
import { parseAnswer } from '../nodes/shared/parse';
import { nonAgentFunctions } from '../nodes/Vicidial/functions';
import { startSimulator } from '../test/simulator';
import { runVicidial } from '../test/node/run';

const searchSpec = nonAgentFunctions.find((s) => s.operation === 'searchByPhone')!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function benchParser(rows: number, rounds: number) {
	const text = Array.from({ length: rows }, (_, i) => `31255${String(i).padStart(5, '0')}|2|${i}-${i + 1}`).join('\n') + '\n';
	parseAnswer(text, searchSpec);
	const start = performance.now();
	for (let r = 0; r < rounds; r++) parseAnswer(text, searchSpec);
	const ms = (performance.now() - start) / rounds;
	console.log(`parser: lead_search answer of ${rows} rows (${mb(text.length)}): ${ms.toFixed(1)} ms per parse, ${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s`);
}

async function benchNode(items: number, concurrency: number) {
	const sim = await startSimulator();
	try {
		const input = Array.from({ length: items }, (_, i) => ({ phone: `31277${String(i).padStart(5, '0')}` }));
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		const start = performance.now();
		const result = await runVicidial({
			url: sim.url,
			parameters: { resource: 'lead', operation: 'add', phoneNumber: '={{ $json.phone }}', listId: '101', options: { concurrency } },
			items: input,
		});
		const seconds = (performance.now() - start) / 1000;
		if (result.error || result.items.length !== items) throw new Error(`bench run failed: ${result.error?.message ?? result.items.length}`);
		const heapAfter = process.memoryUsage().heapUsed;
		console.log(
			`node: ${items} × Lead → Add through WorkflowExecute, ${concurrency} in flight: ${seconds.toFixed(2)} s, ${Math.round(items / seconds)} items/s, heap +${mb(heapAfter - heapBefore)}, rss ${mb(process.memoryUsage().rss)}`,
		);
	} finally {
		await sim.close();
	}
}

async function main() {
	benchParser(10_000, 20);
	benchParser(100_000, 5);
	await benchNode(1_000, 1);
	await benchNode(1_000, 4);
	await benchNode(5_000, 4);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
