/**
 * MariaDB behaviour the genuine server shows through its answers: case-insensitive
 * utf8mb3_general_ci comparisons, string-to-number coercion, silent truncation and
 * clamping (the harness runs without strict mode), and how values embedded in the
 * PHP-built SQL strings are read back.
 *
 * Strings here are byte strings (see php.ts).
 */

/** A statement the real server would fail on: PHP 8 turns it into an uncaught exception (HTTP 500). */
export class SqlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SqlError';
	}
}

/** Collation key for utf8mb3_general_ci: case and accents ignored, trailing spaces ignored. */
export function ciKey(bytes: string): string {
	const text = Buffer.from(bytes.replace(/ +$/, ''), 'latin1').toString('utf8');
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase();
}

export function ciEq(a: string | null | undefined, b: string | null | undefined): boolean {
	if (a === null || a === undefined || b === null || b === undefined) return false;
	return ciKey(a) === ciKey(b);
}

/** MySQL string -> number coercion: the longest numeric prefix, else 0. */
export function toNumber(s: string): number {
	const m = /^[ \t\n\r]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(s);
	return m ? Number(m[1]) : 0;
}

/** `numeric_column = 'string'` as MySQL evaluates it (both sides as double). */
export function numEqStr(column: number, s: string): boolean {
	return column === toNumber(s);
}

/**
 * What a utf8mb3 column keeps of a byte string: valid 1..3 byte UTF-8 sequences stay,
 * every byte of anything else (4-byte characters, stray bytes) becomes '?'.
 */
export function toUtf8mb3(bytes: string): string {
	let out = '';
	let i = 0;
	while (i < bytes.length) {
		const b0 = bytes.charCodeAt(i);
		let len = 0;
		if (b0 < 0x80) len = 1;
		else if (b0 >= 0xc2 && b0 <= 0xdf) len = 2;
		else if (b0 >= 0xe0 && b0 <= 0xef) len = 3;
		let ok = len > 0 && i + len <= bytes.length;
		for (let k = 1; ok && k < len; k++) {
			const b = bytes.charCodeAt(i + k);
			if (b < 0x80 || b > 0xbf) ok = false;
		}
		if (ok && len === 3) {
			const b1 = bytes.charCodeAt(i + 1);
			if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) ok = false;
		}
		if (ok) {
			out += bytes.slice(i, i + len);
			i += len;
		} else {
			out += '?';
			i += 1;
		}
	}
	return out;
}

/** Characters of a (valid) UTF-8 byte string, each as its byte string. */
export function utf8Chars(bytes: string): string[] {
	const chars: string[] = [];
	let i = 0;
	while (i < bytes.length) {
		const b0 = bytes.charCodeAt(i);
		const len = b0 < 0x80 ? 1 : b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
		chars.push(bytes.slice(i, i + len));
		i += len;
	}
	return chars;
}

/** VARCHAR(n) store: charset conversion, then truncation to n characters. */
export function varchar(value: string, n: number): string {
	const chars = utf8Chars(toUtf8mb3(value));
	return chars.length > n ? chars.slice(0, n).join('') : chars.join('');
}

/** Integer column store: numeric prefix, rounded, clamped to the column range. */
export function intCol(value: string | number, min: number, max: number): number {
	const n = typeof value === 'number' ? value : toNumber(value);
	const r = n < 0 ? -Math.round(-n) : Math.round(n);
	return Math.min(max, Math.max(min, r));
}

/** DECIMAL(p,2) store, returned as MySQL prints it ('0.00', '-5.00'). */
export function decimal2(value: string | number, max = 99.99): string {
	let n = typeof value === 'number' ? value : toNumber(value);
	n = Math.min(max, Math.max(-max, n));
	const r = Math.round(Math.abs(n) * 100) / 100;
	const s = r.toFixed(2);
	return n < 0 && r !== 0 ? `-${s}` : s;
}

/** ENUM store: case-insensitive match to a member, else '' (the error value). */
export function enumCol(value: string, members: readonly string[]): string {
	const k = ciKey(value);
	return members.find((m) => ciKey(m) === k) ?? '';
}

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validYmd(y: number, m: number, d: number): boolean {
	if (m > 12 || d > 31) return false;
	if (m === 0 || d === 0) return true; // zero parts are allowed without NO_ZERO_IN_DATE
	return d <= daysInMonth(y, m);
}

function pad(n: number, w: number): string {
	return String(n).padStart(w, '0');
}

function fullYear(y: string): number {
	const n = parseInt(y, 10);
	if (y.length > 2) return n;
	return n < 70 ? 2000 + n : 1900 + n;
}

/** DATE store, lenient like MariaDB in non-strict mode; invalid -> '0000-00-00'. */
export function dateCol(value: string): string {
	const v = value.trim();
	let m = /^(\d{2,4})[^0-9](\d{1,2})[^0-9](\d{1,2})$/.exec(v);
	if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
	if (!m) m = /^(\d{2})(\d{2})(\d{2})$/.exec(v);
	if (!m) return '0000-00-00';
	const y = fullYear(m[1]);
	const mo = parseInt(m[2], 10);
	const d = parseInt(m[3], 10);
	if (!validYmd(y, mo, d)) return '0000-00-00';
	return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** DATETIME store, lenient (any punctuation as delimiter); invalid -> zero datetime. */
export function datetimeCol(value: string): string {
	const zero = '0000-00-00 00:00:00';
	const v = value.trim();
	const m =
		/^(\d{2,4})[^0-9](\d{1,2})[^0-9](\d{1,2})(?:[^0-9]+(\d{1,2})(?:[^0-9](\d{1,2})(?:[^0-9](\d{1,2}))?)?)?(?:\.\d*)?$/.exec(
			v,
		);
	if (!m) {
		const c = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(v);
		if (!c) return zero;
		return datetimeCol(`${c[1]}-${c[2]}-${c[3]} ${c[4] ?? '00'}:${c[5] ?? '00'}:${c[6] ?? '00'}`);
	}
	const y = fullYear(m[1]);
	const mo = parseInt(m[2], 10);
	const d = parseInt(m[3], 10);
	const h = parseInt(m[4] ?? '0', 10);
	const mi = parseInt(m[5] ?? '0', 10);
	const s = parseInt(m[6] ?? '0', 10);
	if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return zero;
	return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
}

/**
 * The value MariaDB reads from `quote + value + quote` inside a PHP-built statement.
 * A value that ends the literal early (an unmatched quote, a trailing backslash) makes
 * the statement invalid: we treat every such case as a syntax error.
 */
export function sqlLiteral(value: string, quote: "'" | '"'): string {
	let out = '';
	for (let i = 0; i < value.length; i++) {
		const c = value[i];
		if (c === '\\') {
			if (i + 1 >= value.length) throw new SqlError('unterminated string literal');
			const n = value[++i];
			const map: Record<string, string> = {
				n: '\n',
				t: '\t',
				r: '\r',
				'0': '\0',
				b: '\b',
				Z: '\x1a',
			};
			if (n in map) out += map[n];
			else if (n === '%' || n === '_') out += `\\${n}`;
			else out += n;
		} else if (c === quote) {
			if (value[i + 1] === quote) {
				out += quote;
				i++;
			} else {
				throw new SqlError('string literal ended early');
			}
		} else {
			out += c;
		}
	}
	return out;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM:SS' in UTC (the harness runs PHP and MariaDB in UTC). */
export function fmtDateTime(d: Date): string {
	return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(
		d.getUTCMinutes(),
	)}:${p2(d.getUTCSeconds())}`;
}

export function fmtDate(d: Date): string {
	return fmtDateTime(d).slice(0, 10);
}

/** Parse a stored 'YYYY-MM-DD HH:MM:SS' (UTC) back to epoch seconds. */
export function datetimeToEpoch(s: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
	if (!m) return 0;
	return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) / 1000);
}
