/**
 * What a PHP script run by `php -S` sends back: a status line, the server's own headers,
 * the script's header() list (a repeated header() moves to the end, like PHP's replace),
 * and the echoed body. Everything is a byte string.
 */

export const PHP_POWERED_BY = 'PHP/8.2.36';

export class PhpOutput {
	/** Set by header('HTTP/1.0 418 ...') or a fatal error; null = "<request protocol> 200 OK". */
	statusLine: string | null = null;
	readonly headers: Array<[string, string]> = [];
	body = '';

	echo(text: string): void {
		this.body += text;
	}

	/** PHP header(): a status line, or "Name: value" replacing any header of that name. */
	header(line: string): void {
		if (/^HTTP\//i.test(line)) {
			this.statusLine = line;
			return;
		}
		const colon = line.indexOf(':');
		if (colon < 0) return;
		const name = line.slice(0, colon);
		const value = line.slice(colon + 1).replace(/^[ \t]+/, '');
		const idx = this.headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
		if (idx >= 0) this.headers.splice(idx, 1);
		this.headers.push([name, value]);
	}

	/**
	 * An uncaught error (the mysqli exceptions of PHP 8): php -S answers 500 with whatever the
	 * script had printed so far (its output is buffered, so the status can still change).
	 */
	fatal(): void {
		this.statusLine = 'HTTP/1.0 500 Internal Server Error';
	}
}

/** The headers every VICIdial API script sets first. */
export function apiHeaders(out: PhpOutput): void {
	out.header('Content-type: text/html; charset=utf-8');
	out.header('Cache-Control: no-cache, must-revalidate');
	out.header('Pragma: no-cache');
}

export interface RawRequestInfo {
	httpVersion: string;
	host: string | undefined;
	method: string;
}

/** The full HTTP answer, as bytes, the way php -S frames it (no length, connection closes). */
export function serialize(out: PhpOutput, req: RawRequestInfo, date: Date): Buffer {
	const proto = req.httpVersion === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
	let head = `${out.statusLine ?? `${proto} 200 OK`}\r\n`;
	if (req.host !== undefined) head += `Host: ${req.host}\r\n`;
	head += `Date: ${date.toUTCString()}\r\nConnection: close\r\nX-Powered-By: ${PHP_POWERED_BY}\r\n`;
	for (const [n, v] of out.headers) head += `${n}: ${v}\r\n`;
	head += '\r\n';
	const body = req.method === 'HEAD' ? '' : out.body;
	return Buffer.from(head + body, 'latin1');
}

const NOT_FOUND_STYLE =
	'body { background-color: #fcfcfc; color: #333333; margin: 0; padding:0; }\n' +
	'h1 { font-size: 1.5em; font-weight: normal; background-color: #9999cc; min-height:2em; line-height:2em; border-bottom: 1px inset black; margin: 0; }\n' +
	'h1, p { padding-left: 10px; }\n' +
	'code.url { background-color: #eeeeee; font-family:monospace; padding:0 2px;}\n';

/** php -S's own 404 page for a path that is not one of the two API scripts. */
export function notFound(req: RawRequestInfo, escapedUri: string, date: Date): Buffer {
	const proto = req.httpVersion === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
	const body =
		`<!doctype html><html><head><title>404 Not Found</title><style>\n${NOT_FOUND_STYLE}</style>\n` +
		`</head><body><h1>Not Found</h1><p>The requested resource <code class="url">${escapedUri}</code> was not found on this server.</p></body></html>`;
	let head = `${proto} 404 Not Found\r\n`;
	if (req.host !== undefined) head += `Host: ${req.host}\r\n`;
	head += `Date: ${date.toUTCString()}\r\nConnection: close\r\nContent-Type: text/html; charset=UTF-8\r\n`;
	// a HEAD request gets an empty page and says so
	const page = req.method === 'HEAD' ? '' : body;
	head += `Content-Length: ${Buffer.byteLength(page, 'latin1')}\r\n\r\n`;
	return Buffer.from(head + page, 'latin1');
}
