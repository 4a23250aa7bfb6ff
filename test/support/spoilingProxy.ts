/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * A small HTTP proxy in front of a VICIdial server (the simulator or the genuine one) that spoils
 * the answers of chosen functions: the "applied" kinds let the request reach the server first and
 * then lose or cut its answer, the "not applied" kinds fail without passing the request on. Other
 * requests pass through unchanged. For tests of writes whose outcome the answer does not prove.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type SpoilKind =
	| 'appliedEmpty500'
	| 'appliedReset'
	| 'appliedTruncated'
	| 'notAppliedEmpty500'
	| 'notAppliedReset';

export interface SpoilingProxy {
	url: string;
	/** Spoil the next `times` requests calling `fn` (default 1). */
	spoil(fn: string, kind: SpoilKind, times?: number): void;
	/** Runs `hook` once, before the next request calling `fn` is passed on (another writer getting there first). */
	before(fn: string, hook: () => Promise<void>): void;
	/** How many requests per function reached the server. */
	forwarded: Record<string, number>;
	/** Every function asked, in order, spoilt or not. */
	asked: string[];
	close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export async function startSpoilingProxy(upstream: string): Promise<SpoilingProxy> {
	const rules = new Map<string, { kind: SpoilKind; remaining: number }>();
	const forwarded: Record<string, number> = {};
	const asked: string[] = [];
	const hooks = new Map<string, () => Promise<void>>();
	const sockets = new Set<Socket>();

	const server = http.createServer((req, res) => {
		void (async () => {
			const body = await readBody(req);
			const url = req.url ?? '/';
			const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
			const fn =
				new URLSearchParams(body.toString('latin1')).get('function') ??
				new URLSearchParams(query).get('function') ??
				'';
			asked.push(fn);
			const rule = rules.get(fn);
			const kind = rule && rule.remaining > 0 ? rule.kind : undefined;
			if (rule && kind) rule.remaining--;
			if (kind === 'notAppliedReset') return void req.socket.destroy();
			if (kind === 'notAppliedEmpty500')
				return void res.writeHead(500, { 'Content-Length': '0' }).end();
			const hook = hooks.get(fn);
			hooks.delete(fn);
			if (hook) await hook();
			forwarded[fn] = (forwarded[fn] ?? 0) + 1;
			const headers: Record<string, string> = {};
			if (req.headers['content-type'])
				headers['content-type'] = String(req.headers['content-type']);
			const answer = await fetch(`${upstream}${url}`, {
				method: req.method,
				headers,
				body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
			});
			const text = Buffer.from(await answer.arrayBuffer());
			if (kind === 'appliedReset') return void req.socket.destroy();
			if (kind === 'appliedEmpty500')
				return void res.writeHead(500, { 'Content-Length': '0' }).end();
			if (kind === 'appliedTruncated') {
				res.writeHead(200, {
					'Content-Type': 'text/html; charset=utf-8',
					'Content-Length': String(text.length),
				});
				res.write(text.subarray(0, Math.floor(text.length / 2)));
				return void setTimeout(() => req.socket.destroy(), 20);
			}
			res.writeHead(answer.status, {
				'Content-Type': answer.headers.get('content-type') ?? 'text/html; charset=utf-8',
				'Content-Length': String(text.length),
			});
			res.end(text);
		})().catch(() => req.socket.destroy());
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		spoil: (fn, kind, times = 1) => rules.set(fn, { kind, remaining: times }),
		before: (fn, hook) => hooks.set(fn, hook),
		forwarded,
		asked,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}
