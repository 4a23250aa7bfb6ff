/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The HTTP side: a node:http server on 127.0.0.1 that frames its answers byte for byte like
 * `php -S` (status line, header order, no Content-Length, connection closed after each answer),
 * so the raw bytes are written to the socket ourselves.
 */
import * as fs from 'node:fs';
import http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { handleAgent } from './agent';
import {
	DEFAULT_HANG_MS,
	FaultController,
	as500,
	hangSocket,
	resetSocket,
	sleep,
	truncatedAnswer,
	type FaultCounts,
	type FaultSettings,
} from './faults';
import { SqlError } from './mysql';
import { handleNonAgent } from './nonAgent';
import type { RequestParams } from './params';
import {
	bytesToString,
	bytesToUtf8,
	htmlEscape,
	parseMultipart,
	parsePhpQuery,
	type PhpParams,
} from './php';
import { apiHeaders, notFound, PhpOutput, serialize, type RawRequestInfo } from './response';
import { SimState } from './state';

export interface SimulatorOptions {
	port?: number; // 0 or undefined = random free port; always binds 127.0.0.1
	clock?: () => Date; // the simulator's "now"; default () => new Date()
	/**
	 * Not part of the contract: recording_lookup prints recording locations on this simulator
	 * (http://127.0.0.1:<its port>/RECORDINGS/...) instead of the real harness's address, so node
	 * tests can download them. Off by default: conformance needs the real server's text.
	 */
	recordingsHere?: boolean;
}

/** The recordings the harness's web server serves from its www/RECORDINGS folder (the seed's MP3). */
const RECORDINGS_DIR = path.resolve(__dirname, '../fixtures/recordings');

/** A static file under /RECORDINGS/, framed like php -S frames a static file; undefined when there is none. */
function recordingFile(decodedPath: string, info: RawRequestInfo, date: Date): Buffer | undefined {
	const match = /^\/RECORDINGS\/([A-Za-z0-9_./-]+)$/.exec(decodedPath);
	if (!match || match[1].split('/').includes('..')) return undefined;
	const file = path.join(RECORDINGS_DIR, match[1]);
	if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined;
	const body = info.method === 'HEAD' ? Buffer.alloc(0) : fs.readFileSync(file);
	const type = file.endsWith('.mp3')
		? 'audio/mpeg'
		: file.endsWith('.wav')
			? 'audio/x-wav'
			: 'application/octet-stream';
	const proto = info.httpVersion === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
	let head = `${proto} 200 OK\r\n`;
	if (info.host !== undefined) head += `Host: ${info.host}\r\n`;
	head += `Date: ${date.toUTCString()}\r\nConnection: close\r\nContent-Type: ${type}\r\nContent-Length: ${fs.statSync(file).size}\r\n\r\n`;
	return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

export interface RecordedRequest {
	method: string;
	path: string;
	rawQuery: string;
	rawBody: string;
	params: Record<string, string>; // merged like PHP: query first, POST fills what the query lacks
}

export interface Simulator {
	url: string; // e.g. http://127.0.0.1:34567 (no trailing slash)
	port: number;
	reset(): void; // back to the seed state (same as ../shared/vicidial-real/reset.sh)
	faults(settings: FaultSettings | null): void; // null clears
	/** What the faults set last did so far, per kind (empty after faults(...)). */
	faultCounts(): FaultCounts;
	requests: RecordedRequest[]; // every request received, in order
	setClock(clock: () => Date): void;
	close(): Promise<void>;
	/** Not part of the contract: the in-memory state, for white-box tests. */
	state: SimState;
}

type ScriptHandler = (state: SimState, req: RequestParams, out: PhpOutput, ip: string) => void;

const SCRIPTS: Array<[RegExp, ScriptHandler]> = [
	[/^\/vicidial\/non_agent_api\.php(\/.*)?$/, handleNonAgent],
	[/^\/agc\/api\.php(\/.*)?$/, handleAgent],
];

/** rawurldecode() of the path, as php -S does before looking for the script file. */
function decodePath(p: string): string {
	return p.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function toRecord(get: PhpParams, post: PhpParams): Record<string, string> {
	const merged: Record<string, string> = {};
	for (const [k, v] of get) merged[bytesToUtf8(k)] = bytesToUtf8(v);
	for (const [k, v] of post) if (!get.has(k)) merged[bytesToUtf8(k)] = bytesToUtf8(v);
	return merged;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	let clock: () => Date = options.clock ?? (() => new Date());
	const state = new SimState(() => clock());
	const faults = new FaultController();
	const requests: RecordedRequest[] = [];
	const sockets = new Set<Socket>();

	async function onRequest(req: http.IncomingMessage): Promise<void> {
		const socket = req.socket;
		const body = await readBody(req);
		const url = req.url ?? '/';
		const qi = url.indexOf('?');
		const rawPath = qi >= 0 ? url.slice(0, qi) : url;
		const rawQuery = qi >= 0 ? url.slice(qi + 1) : '';
		const method = (req.method ?? 'GET').toUpperCase();
		const get = parsePhpQuery(rawQuery);
		const rawContentType = String(req.headers['content-type'] ?? '');
		const contentType = rawContentType.toLowerCase();
		let post: PhpParams = new Map();
		if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded'))
			post = parsePhpQuery(bytesToString(body));
		else if (method === 'POST' && contentType.startsWith('multipart/form-data'))
			post = parseMultipart(bytesToString(body), rawContentType);
		requests.push({
			method,
			path: rawPath,
			rawQuery,
			rawBody: body.toString('utf8'),
			params: toRecord(get, post),
		});

		const info: RawRequestInfo = { httpVersion: req.httpVersion, host: req.headers.host, method };
		const fault = faults.take(get.get('function') ?? post.get('function'));
		if (fault?.latencyMs) await sleep(fault.latencyMs);
		const kind = fault?.kind;
		const hangMs = fault?.hangMs ?? DEFAULT_HANG_MS;
		// the faults that strike before the request runs: nothing is changed
		if (fault?.resetConnection || kind === 'notAppliedReset') {
			resetSocket(socket);
			return;
		}
		if (kind === 'notAppliedHang') {
			hangSocket(socket, hangMs);
			return;
		}
		const empty500 = (): Buffer => {
			const out = new PhpOutput();
			apiHeaders(out);
			out.fatal();
			return serialize(out, info, clock());
		};
		let answer: Buffer;
		if (fault?.emptyHttp500 || kind === 'notAppliedEmpty500') {
			answer = empty500();
		} else {
			const script = SCRIPTS.find(([re]) => re.test(decodePath(rawPath)));
			const file = script ? undefined : recordingFile(decodePath(rawPath), info, clock());
			if (file) {
				answer = file;
			} else if (!script) {
				answer = notFound(info, htmlEscape(url), clock());
			} else {
				const out = new PhpOutput();
				try {
					script[1](
						state,
						{ get, post },
						out,
						(socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
					);
				} catch (e) {
					// an SQL error is an uncaught exception in PHP 8; anything else is a simulator bug
					if (!(e instanceof SqlError)) console.error('vicidial simulator: handler error', e);
					out.fatal();
				}
				answer = serialize(out, info, clock());
			}
		}
		// the faults that strike after the request ran: the change is made, the answer is lost or spoilt
		switch (kind) {
			case 'appliedReset':
				resetSocket(socket);
				return;
			case 'appliedHang':
				hangSocket(socket, hangMs);
				return;
			case 'appliedEmpty500':
				answer = empty500();
				break;
			case 'applied500Success':
				answer = as500(answer, true);
				break;
			default:
				break;
		}
		if (fault?.truncateBody || kind === 'appliedTruncated') {
			socket.write(truncatedAnswer(answer));
			socket.destroy();
			return;
		}
		socket.end(answer);
	}

	const server = http.createServer((req) => {
		onRequest(req).catch((e: unknown) => {
			console.error('vicidial simulator: request failed', e);
			req.socket.destroy();
		});
	});
	server.on('connection', (s: Socket) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	if (options.recordingsHere) state.recordingsUrl = `http://127.0.0.1:${port}`;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		reset: () => state.reset(),
		faults: (s) => faults.set(s),
		faultCounts: () => ({ ...faults.counts }),
		requests,
		setClock: (c) => {
			clock = c;
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
		state,
	};
}
