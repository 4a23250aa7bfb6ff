/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Byte-exact HTTP/1.x exchanges over a plain socket (no client normalisation), plus the
 * masking used to compare the simulator with the genuine server.
 */
import net from 'node:net';

export interface RawExchange {
	method?: string;
	/** path with optional query string, e.g. /agc/api.php?function=version */
	target: string;
	body?: string;
	contentType?: string | null;
	httpVersion?: '1.0' | '1.1';
}

export interface RawResponse {
	statusLine: string;
	headers: Array<[string, string]>;
	body: string; // latin1 byte string
	raw: Buffer;
}

export function rawRequest(
	baseUrl: string,
	ex: RawExchange,
	timeoutMs = 15000,
): Promise<RawResponse> {
	const u = new URL(baseUrl);
	const method = ex.method ?? (ex.body !== undefined ? 'POST' : 'GET');
	const body = Buffer.from(ex.body ?? '', 'utf8');
	let head = `${method} ${ex.target} HTTP/${ex.httpVersion ?? '1.1'}\r\nHost: ${u.host}\r\nConnection: close\r\n`;
	if (ex.body !== undefined) {
		const ct = ex.contentType === undefined ? 'application/x-www-form-urlencoded' : ex.contentType;
		if (ct !== null) head += `Content-Type: ${ct}\r\n`;
		head += `Content-Length: ${body.length}\r\n`;
	}
	head += '\r\n';
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		const sock = net.connect(Number(u.port || 80), u.hostname, () => {
			sock.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
		});
		sock.setTimeout(timeoutMs, () => sock.destroy(new Error('timeout')));
		sock.on('data', (c: Buffer) => chunks.push(c));
		sock.on('error', reject);
		sock.on('close', () => {
			const raw = Buffer.concat(chunks);
			const text = raw.toString('latin1');
			const end = text.indexOf('\r\n\r\n');
			if (end < 0) {
				reject(new Error(`no HTTP header in answer (${raw.length} bytes)`));
				return;
			}
			const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
			const headers = lines.map((l): [string, string] => {
				const i = l.indexOf(':');
				return [l.slice(0, i), l.slice(i + 1).trim()];
			});
			resolve({ statusLine, headers, body: text.slice(end + 4), raw });
		});
	});
}

/** Datetimes and epoch seconds change between two runs; nothing else may differ. */
export function maskVolatile(text: string): string {
	return text
		.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, '<DATETIME>')
		.replace(/(?<!\d)1[6-9]\d{8}(?!\d)/g, '<EPOCH>');
}

/** The comparable form of an answer: status line, headers without Host/Date, masked body. */
export function comparable(r: RawResponse): string {
	const headers = r.headers
		.filter(([n]) => !/^(host|date)$/i.test(n))
		.map(([n, v]) => `${n}: ${v}`);
	return [r.statusLine, ...headers, '', maskVolatile(r.body)].join('\n');
}
