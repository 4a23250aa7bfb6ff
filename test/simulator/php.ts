/**
 * PHP runtime semantics the VICIdial scripts rely on, re-implemented in TypeScript.
 *
 * All request data is kept as "byte strings": JS strings whose char codes are the raw
 * bytes (latin1 decoding), so that byte-oriented PCRE filters and echoes round-trip
 * exactly like PHP does, whatever the client sent.
 */

/** Ordered parameter map with PHP's duplicate-key rule: the last value wins, the first position stays. */
export type PhpParams = Map<string, string>;

export function bytesToString(buf: Buffer): string {
	return buf.toString('latin1');
}

export function stringToBytes(s: string): Buffer {
	return Buffer.from(s, 'latin1');
}

/** Byte string -> readable JS string (UTF-8 decoding), for logs and recorded requests. */
export function bytesToUtf8(s: string): string {
	return Buffer.from(s, 'latin1').toString('utf8');
}

/** JS string (any Unicode) -> byte string of its UTF-8 encoding. */
export function utf8ToBytes(s: string): string {
	return Buffer.from(s, 'utf8').toString('latin1');
}

/** PHP urldecode(): '+' is a space, %XX decoded when both digits are hex, anything else kept. */
export function urlDecode(s: string): string {
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === '+') {
			out += ' ';
		} else if (c === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
			out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			out += c;
		}
	}
	return out;
}

/**
 * PHP's parse_str() / $_GET / $_POST filling, simplified: arrays (`a[]=`) are kept under
 * their full name so they never match a plain parameter name.
 */
export function parsePhpQuery(raw: string, into: PhpParams = new Map()): PhpParams {
	if (raw.length === 0) return into;
	for (const part of raw.split('&')) {
		if (part.length === 0) continue;
		const eq = part.indexOf('=');
		const rawKey = eq >= 0 ? part.slice(0, eq) : part;
		const rawVal = eq >= 0 ? part.slice(eq + 1) : '';
		let key = urlDecode(rawKey);
		// PHP drops leading spaces of names and turns ' ' and '.' into '_'
		key = key.replace(/^ +/, '');
		if (key.length === 0) continue;
		const bracket = key.indexOf('[');
		if (bracket < 0) key = key.replace(/[ .]/g, '_');
		else key = key.slice(0, bracket).replace(/[ .]/g, '_') + key.slice(bracket);
		const nul = key.indexOf('\0');
		if (nul >= 0) key = key.slice(0, nul);
		if (key.length === 0) continue;
		into.set(key, urlDecode(rawVal));
	}
	return into;
}

const WS = '[ \\t\\n\\r\\v\\f]*';
const NUMERIC_RE = new RegExp(`^${WS}[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?${WS}$`);

/** PHP 8 is_numeric() for strings (leading and trailing whitespace allowed). */
export function isNumeric(s: string): boolean {
	return NUMERIC_RE.test(s);
}

/** PHP `$a == $b` for two strings (PHP 8: numeric strings compare as numbers). */
export function looseEq(a: string, b: string): boolean {
	if (isNumeric(a) && isNumeric(b)) return Number(a.trim()) === Number(b.trim());
	return a === b;
}

/** PHP 8 comparison of a string with an int/float: -1, 0 or 1 (the `<`, `>` operators). */
export function cmpStrNum(s: string, n: number): number {
	if (isNumeric(s)) {
		const v = Number(s.trim());
		return v < n ? -1 : v > n ? 1 : 0;
	}
	// non-numeric string: the number is compared as a string
	return strcmp(s, String(n));
}

export function strcmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** PHP's (int) / numeric use of a string in arithmetic on well-formed input (leading number, else 0). */
export function phpIntval(s: string): number {
	const m = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(s);
	return m ? parseInt(m[1], 10) : 0;
}

/** Keep only the characters of a regex class body, like preg_replace('/[^class]/', '', $v). */
export function keepOnly(value: string, classBody: string): string {
	return value.replace(new RegExp(`[^${classBody}]`, 'g'), '');
}

/**
 * multipart/form-data fields as PHP puts them in $_POST (file parts go to $_FILES and are
 * skipped). The body is a byte string.
 */
export function parseMultipart(
	body: string,
	contentType: string,
	into: PhpParams = new Map(),
): PhpParams {
	const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!m) return into;
	const boundary = `--${m[1] ?? m[2]}`;
	for (const part of body.split(boundary).slice(1)) {
		if (part.startsWith('--')) break;
		const sep = part.indexOf('\r\n\r\n');
		if (sep < 0) continue;
		const head = part.slice(0, sep);
		const disp = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head);
		if (!disp || /content-disposition:[^\r\n]*?\bfilename=/i.test(head)) continue;
		into.set(disp[1], part.slice(sep + 4).replace(/\r\n$/, ''));
	}
	return into;
}

/** HTML escaping as php -S does it in its 404 page (htmlspecialchars, ENT_QUOTES). */
export function htmlEscape(s: string): string {
	return s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#039;');
}
