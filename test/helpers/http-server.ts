/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * A tiny node:http server on 127.0.0.1 for tests: records every request (method, path, query,
 * headers, raw body, parsed form body) and answers through a handler.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	/** Raw query string without '?', '' when there is none. */
	rawQuery: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** `body` parsed as application/x-www-form-urlencoded (empty for other content types). */
	form: Record<string, string>;
}

export interface HandlerResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: string | Buffer;
}

export type RequestHandler = (
	request: RecordedRequest,
) => HandlerResponse | string | Promise<HandlerResponse | string>;

export interface TestServer {
	/** e.g. http://127.0.0.1:41234 (no trailing slash). */
	url: string;
	requests: RecordedRequest[];
	setHandler(handler: RequestHandler): void;
	close(): Promise<void>;
}

export async function startTestServer(handler: RequestHandler = () => ''): Promise<TestServer> {
	let currentHandler = handler;
	const requests: RecordedRequest[] = [];

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const isForm = (req.headers['content-type'] ?? '').startsWith(
				'application/x-www-form-urlencoded',
			);
			const recorded: RecordedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				rawQuery: url.search.replace(/^\?/, ''),
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
				form: isForm ? Object.fromEntries(new URLSearchParams(body)) : {},
			};
			requests.push(recorded);
			Promise.resolve()
				.then(() => currentHandler(recorded))
				.then(
					(result) => {
						const response = typeof result === 'string' ? { body: result } : result;
						res.writeHead(response.status ?? 200, {
							'content-type': 'text/plain; charset=utf-8',
							...response.headers,
						});
						res.end(response.body ?? '');
					},
					(error: unknown) => {
						res.writeHead(500, { 'content-type': 'text/plain' });
						res.end(String(error));
					},
				);
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setHandler(next) {
			currentHandler = next;
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			);
		},
	};
}
