/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Memory: a tiny stub on 127.0.0.1 that answers `version` like VICIdial 2.14 and `phone_number_log`
 * with a big answer of `rows` rows, for the node-vs-HTTP-Request+Code comparison in real n8n.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PASS, API_SOURCE, API_USER, type FormTemplate } from './ops';

export interface Stub {
	url: string;
	bytes: number;
	requests: string[];
	close(): Promise<void>;
}

export const PHONE_LOG_TEMPLATE: FormTemplate = {
	path: '/vicidial/non_agent_api.php',
	fields: [
		['function', 'phone_number_log'],
		['stage', 'pipe'],
		['phone_number', '3125550113'],
		['type', 'OUT'],
		['user', API_USER],
		['pass', API_PASS],
		['source', API_SOURCE],
	],
	itemKeys: [],
	oncePerRun: [],
};

export async function startStub(rows: number): Promise<Stub> {
	const answer = Buffer.from(phoneLogText(rows));
	const requests: string[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const form = new URLSearchParams(Buffer.concat(chunks).toString());
			const fn = form.get('function') ?? '';
			requests.push(fn);
			res.setHeader('Content-Type', 'text/html; charset=UTF-8');
			if (fn === 'version') {
				const now = new Date();
				const date = now.toISOString().slice(0, 19).replace('T', ' ');
				res.end(
					`VERSION: 2.14-202|BUILD: 250720-1841|DATE: ${date}|EPOCH: ${Math.floor(now.getTime() / 1000)}|DST: 0|TZ: 0.00|TZNOW: 0.00|\n`,
				);
			} else if (fn === 'phone_number_log') {
				res.end(answer);
			} else {
				res.end(`ERROR: ${fn} not served by the bench stub\n`);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		bytes: answer.length,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** A phone_number_log answer of `rows` rows (also the memory test's answer). */
export function phoneLogText(rows: number): string {
	const statuses = ['SALE', 'NI', 'NA', 'DROP', 'CALLBK'];
	const parts: string[] = [];
	for (let i = 0; i < rows; i++) {
		const s = i % 60;
		const m = Math.floor(i / 60) % 60;
		const h = Math.floor(i / 3600) % 24;
		const day = 1 + (Math.floor(i / 86400) % 28);
		const stamp = `2026-11-${String(day).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
		parts.push(
			`31255${String(i % 100000).padStart(5, '0')}|${stamp}|101|${i % 300}|${statuses[i % 5]}|AGENT|${statuses[(i + 1) % 5]}|SRC${i % 7}|100${1 + (i % 3)}\n`,
		);
	}
	return parts.join('');
}
