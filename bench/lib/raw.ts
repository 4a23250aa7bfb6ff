/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The raw client: undici POSTing the node's own form bodies, `concurrency` requests in flight. */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';

export interface RawRun {
	seconds: number;
	ok: number;
	failed: number;
	firstFailure?: string;
}

export async function runRaw(
	url: string,
	bodies: string[],
	concurrency: number,
	ok: (text: string) => boolean,
): Promise<RawRun> {
	const dispatcher = new Agent({ connections: concurrency, pipelining: 1 });
	let next = 0;
	let okCount = 0;
	let failed = 0;
	let firstFailure: string | undefined;
	const worker = async () => {
		while (next < bodies.length) {
			const body = bodies[next++];
			try {
				const response = await request(url, {
					method: 'POST',
					body,
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					dispatcher,
				});
				const text = await response.body.text();
				if (response.statusCode === 200 && ok(text)) okCount++;
				else {
					failed++;
					firstFailure ??= `HTTP ${response.statusCode}: ${text.slice(0, 200)}`;
				}
			} catch (error) {
				failed++;
				firstFailure ??= (error as Error).message;
			}
		}
	};
	const start = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - start) / 1000;
	await dispatcher.close();
	return { seconds, ok: okCount, failed, firstFailure };
}
