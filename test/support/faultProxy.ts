/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a VICIdial server (the genuine one, or
 * the simulator): it reads each request whole, decides by a seeded PRNG whether and how to
 * spoil it (the simulator's fault kinds, see ../simulator/faults.ts), and then
 * - for an `applied*` kind forwards the request, reads the server's whole answer, and loses or
 *   spoils it on the way back (empty HTTP 500, HTTP 500 with the real body, connection reset,
 *   truncated body, no answer past the client's timeout): the change IS made on the server;
 * - for a `notApplied*` kind answers the same way without forwarding: the change is NOT made;
 * - otherwise forwards it and passes the answer back unchanged.
 * It counts what it did per kind, and knows what it forwarded (function by function), so a
 * test can compare the server's data with what the client reported.
 *
 * Bounded: request bodies and answers have a size limit, a hang ends after `hangMs`, and the
 * proxy closes itself after `lifetimeMs` even if a test forgets to (timers are unref'd).
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
	DEFAULT_HANG_MS,
	FAULT_KINDS,
	as500,
	checkKinds,
	faultApplies,
	hangSocket,
	pickKind,
	resetSocket,
	seededRandom,
	truncatedAnswer,
	type FaultKind,
} from '../simulator/faults';

export { FAULT_KINDS, type FaultKind } from '../simulator/faults';

export interface FaultProxyFaults {
	/** Per-kind rate (0..1) for each matching request; the rates add up to at most 1. */
	kinds?: Partial<Record<FaultKind, number>>;
	/** Only requests whose `function` (query or form body) is listed (default: all). */
	functions?: string[];
	/** PRNG seed (default 1): the n-th matching request always gets the same decision. */
	seed?: number;
	/** At most this many faults (default: no limit). */
	times?: number;
}

export interface FaultProxyOptions extends FaultProxyFaults {
	/** The server behind the proxy, e.g. http://127.0.0.1:8129 (http only). */
	target: string;
	/** How long a hang keeps a socket open (default 120 s); keep it past the client's timeout. */
	hangMs?: number;
	/** The proxy closes itself after this long (default 15 minutes). */
	lifetimeMs?: number;
	/** Largest request body and largest answer passed on (default 8 MB each); larger is refused with 413 / 502. */
	maxBytes?: number;
	/** How long to wait for the server's answer (default 60 s); past it the client gets 504. */
	upstreamTimeoutMs?: number;
}

export type FaultProxyCounts = Record<FaultKind | 'forwarded' | 'passed' | 'refused', number>;

export interface FaultProxy {
	/** e.g. http://127.0.0.1:41234 (no trailing slash): use it as the Server URL. */
	url: string;
	port: number;
	/** What was done so far: each kind, `forwarded` (reached the server), `passed` (answered unchanged), `refused` (over a limit). */
	counts: FaultProxyCounts;
	/** Requests that reached the server, per VICIdial function. */
	forwardedByFunction: Record<string, number>;
	/** New faults (null: none); the PRNG restarts from the seed and the counts stay. */
	setFaults(faults: FaultProxyFaults | null): void;
	/** Counts back to zero. */
	resetCounts(): void;
	close(): Promise<void>;
}

function emptyCounts(): FaultProxyCounts {
	const counts = { forwarded: 0, passed: 0, refused: 0 } as FaultProxyCounts;
	for (const kind of FAULT_KINDS) counts[kind] = 0;
	return counts;
}

/** `function` of a request: the query first, then a form body (like PHP's merge). */
function functionOf(url: string, contentType: string, body: Buffer): string | undefined {
	const query = url.includes('?')
		? new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('function')
		: null;
	if (query !== null) return query;
	if (contentType.toLowerCase().startsWith('application/x-www-form-urlencoded'))
		return new URLSearchParams(body.toString('latin1')).get('function') ?? undefined;
	return undefined;
}

/** A whole answer as bytes, the way php -S frames them: no length, the connection closes. */
function rawAnswer(
	status: number,
	message: string,
	headers: http.IncomingHttpHeaders,
	body: Buffer,
): Buffer {
	let head = `HTTP/1.1 ${status} ${message}\r\n`;
	for (const [name, value] of Object.entries(headers)) {
		if (
			value === undefined ||
			/^(connection|content-length|transfer-encoding|keep-alive)$/i.test(name)
		)
			continue;
		for (const v of Array.isArray(value) ? value : [value]) head += `${name}: ${v}\r\n`;
	}
	head += 'Connection: close\r\n\r\n';
	return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

function plainAnswer(status: number, message: string, text: string): Buffer {
	return rawAnswer(
		status,
		message,
		{ 'content-type': 'text/plain; charset=utf-8' },
		Buffer.from(text, 'utf8'),
	);
}

// PHP's own fatal-error status line says HTTP/1.0
const EMPTY_500 = as500(
	rawAnswer(200, 'OK', { 'content-type': 'text/html; charset=utf-8' }, Buffer.alloc(0)),
	false,
);

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size <= max) chunks.push(c);
		});
		req.on('end', () => resolve(size <= max ? Buffer.concat(chunks) : undefined));
		req.on('error', reject);
	});
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
	const target = new URL(options.target);
	if (target.protocol !== 'http:') throw new Error('faultProxy: the target must be an http:// URL');
	const hangMs = options.hangMs ?? DEFAULT_HANG_MS;
	const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
	const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 60_000;
	const counts = emptyCounts();
	const forwardedByFunction: Record<string, number> = {};
	const sockets = new Set<Socket>();

	let faults: FaultProxyFaults | null = null;
	let random = seededRandom(1);
	let remaining: number | null = null;
	const setFaults = (next: FaultProxyFaults | null): void => {
		if (next?.kinds) checkKinds(next.kinds);
		faults = next
			? {
					...next,
					kinds: next.kinds ? { ...next.kinds } : undefined,
					functions: next.functions ? [...next.functions] : undefined,
				}
			: null;
		random = seededRandom(next?.seed ?? 1);
		remaining = next?.times ?? null;
	};
	setFaults(options);

	const decide = (fn: string | undefined): FaultKind | undefined => {
		if (!faults?.kinds) return undefined;
		if (faults.functions && !faults.functions.includes(fn ?? '')) return undefined;
		if (remaining !== null && remaining <= 0) return undefined;
		const kind = pickKind(faults.kinds, random());
		if (kind && remaining !== null) remaining--;
		return kind;
	};

	/** Sends the request on and reads the whole answer (bounded). */
	const forward = (
		req: http.IncomingMessage,
		body: Buffer,
		fn: string | undefined,
	): Promise<Buffer> =>
		new Promise((resolve) => {
			counts.forwarded++;
			const name = fn ?? '(none)';
			forwardedByFunction[name] = (forwardedByFunction[name] ?? 0) + 1;
			const headers = {
				...req.headers,
				host: target.host,
				connection: 'close',
				'content-length': String(body.length),
			};
			delete headers['transfer-encoding'];
			const upstream = http.request(
				{
					host: target.hostname,
					port: target.port || 80,
					method: req.method,
					path: req.url,
					headers,
					timeout: upstreamTimeoutMs,
				},
				(res) => {
					const chunks: Buffer[] = [];
					let size = 0;
					res.on('data', (c: Buffer) => {
						size += c.length;
						if (size <= maxBytes) chunks.push(c);
						else res.destroy();
					});
					res.on('end', () =>
						resolve(
							rawAnswer(
								res.statusCode ?? 502,
								res.statusMessage ?? '',
								res.headers,
								Buffer.concat(chunks),
							),
						),
					);
					res.on('error', () =>
						resolve(
							plainAnswer(502, 'Bad Gateway', 'faultProxy: the answer was too large or broke off'),
						),
					);
					res.on('close', () => {
						if (!res.complete)
							resolve(
								plainAnswer(
									502,
									'Bad Gateway',
									'faultProxy: the answer was too large or broke off',
								),
							);
					});
				},
			);
			upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
			upstream.on('error', (e) =>
				resolve(
					plainAnswer(
						e.message === 'timeout' ? 504 : 502,
						e.message === 'timeout' ? 'Gateway Timeout' : 'Bad Gateway',
						`faultProxy: ${e.message}`,
					),
				),
			);
			upstream.end(body);
		});

	async function onRequest(req: http.IncomingMessage): Promise<void> {
		const socket = req.socket;
		const body = await readBody(req, maxBytes);
		if (!body) {
			counts.refused++;
			socket.end(plainAnswer(413, 'Payload Too Large', 'faultProxy: request body over the limit'));
			return;
		}
		const fn = functionOf(req.url ?? '/', String(req.headers['content-type'] ?? ''), body);
		const kind = decide(fn);
		if (kind) counts[kind]++;
		// not applied: the server never sees the request
		if (kind === 'notAppliedReset') return resetSocket(socket);
		if (kind === 'notAppliedHang') return hangSocket(socket, hangMs);
		if (kind === 'notAppliedEmpty500') {
			socket.end(EMPTY_500);
			return;
		}
		const answer = await forward(req, body, fn);
		if (socket.destroyed) return;
		if (!kind || !faultApplies(kind)) {
			counts.passed++;
			socket.end(answer);
			return;
		}
		switch (kind) {
			case 'appliedReset':
				return resetSocket(socket);
			case 'appliedHang':
				return hangSocket(socket, hangMs);
			case 'appliedEmpty500':
				socket.end(as500(answer, false));
				return;
			case 'applied500Success':
				socket.end(as500(answer, true));
				return;
			case 'appliedTruncated':
				socket.write(truncatedAnswer(answer));
				socket.destroy();
				return;
			default:
				socket.end(answer);
		}
	}

	const server = http.createServer((req) => {
		onRequest(req).catch(() => req.socket.destroy());
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;

	let closing: Promise<void> | undefined;
	const close = (): Promise<void> =>
		(closing ??= new Promise<void>((resolve) => {
			clearTimeout(lifetime);
			for (const s of sockets) s.destroy();
			server.close(() => resolve());
		}));
	const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 15 * 60_000);
	lifetime.unref();

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		counts,
		forwardedByFunction,
		setFaults,
		resetCounts: () => {
			Object.assign(counts, emptyCounts());
			for (const k of Object.keys(forwardedByFunction)) delete forwardedByFunction[k];
		},
		close,
	};
}
