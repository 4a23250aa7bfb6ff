/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * A stand-in for a Slack incoming webhook on 127.0.0.1: it keeps every POST it gets and answers
 * `ok` as Slack does, so the examples' notifications can be checked without internet.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CaughtMessage {
	/** The part of the URL after the catcher's address: one path per example. */
	path: string;
	body: string;
	/** `body` read as JSON, when it is JSON. */
	json?: unknown;
	/** Slack's `text` field of the JSON body. */
	text?: string;
	at: number;
}

export interface NotificationCatcher {
	/** e.g. http://127.0.0.1:40123 (no trailing slash); an example's notifyUrl is this plus a path. */
	url: string;
	messages: CaughtMessage[];
	/** The first message (already caught or still to come) that matches, or undefined after timeoutMs. */
	waitFor(
		match: (message: CaughtMessage) => boolean,
		timeoutMs: number,
	): Promise<CaughtMessage | undefined>;
	close(): Promise<void>;
}

export async function startNotificationCatcher(): Promise<NotificationCatcher> {
	const messages: CaughtMessage[] = [];
	const waiters = new Set<() => void>();
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			const text =
				json && typeof json === 'object' && typeof (json as { text?: unknown }).text === 'string'
					? (json as { text: string }).text
					: undefined;
			messages.push({ path: request.url ?? '/', body, json, text, at: Date.now() });
			response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			for (const wake of waiters) wake();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		messages,
		async waitFor(match, timeoutMs) {
			const found = messages.find(match);
			if (found) return found;
			return await new Promise((resolve) => {
				const wake = () => {
					const hit = messages.find(match);
					if (hit) finish(hit);
				};
				const timer = setTimeout(() => finish(undefined), timeoutMs);
				const finish = (result: CaughtMessage | undefined) => {
					clearTimeout(timer);
					waiters.delete(wake);
					resolve(result);
				};
				waiters.add(wake);
			});
		},
		async close() {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
