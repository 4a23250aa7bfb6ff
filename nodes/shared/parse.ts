/**
 * One parser for every VICIdial answer: text in, typed result out, or a VicidialError.
 * It throws nothing else, whatever the input (see the fuzz test).
 */
import type { AnswerSpec, FieldSpec, FunctionEntry } from './entry';
import { VicidialError, classifyError } from './errors';
import { type ColumnUse, isoOffset, readKeyValueRecords, readRows } from './bulk';

export { isoOffset };

export type FieldValue = string | number | number[] | Record<string, number>;
export type ParsedRecord = Record<string, FieldValue>;

/** One `SUCCESS:`, `ERROR:` or `NOTICE:` line, split into its parts. */
export interface StatusLine {
	status: 'SUCCESS' | 'ERROR' | 'NOTICE';
	/** The function name VICIdial put before the message, if any (`add_lead`, `auth`). */
	function?: string;
	message: string;
	data: string[];
	line: string;
}

export interface ParsedAnswer {
	/** `nothing` when VICIdial said "no records" and the caller accepted that as empty. */
	outcome: 'success' | 'nothing';
	/** The message of a SUCCESS line, or of the "no records" error. */
	message: string;
	records: ParsedRecord[];
	notices: StatusLine[];
	/** Text beside a status answer that is neither SUCCESS nor NOTICE (add_lead prints its alt phones so). */
	otherLines: string[];
}

export interface ParseOptions {
	/** The parameters that were sent: some columns exist only for some options. */
	sent?: Record<string, string>;
	/** Server UTC offset in hours (VICIdial's TZNOW); adds `<field>_iso` to datetimes. */
	utcOffsetHours?: number;
	/** A "no records" error becomes an empty result. */
	emptyOnNoRecords?: boolean;
	/** The HTTP status; VICIdial answers 200 except for its teapot joke. */
	httpCode?: number;
	/**
	 * false: read big answers line by line too, without the fast reader of bulk.ts (the tests
	 * compare the two; the result is the same).
	 */
	bulkReader?: boolean;
}

const STATUS_LINE = /^(SUCCESS|ERROR|NOTICE):\s?(.*)$/;

/** Splits a status line into function, message and data fields. */
export function parseStatusLine(line: string, knownFunction?: string): StatusLine | undefined {
	const match = STATUS_LINE.exec(line);
	if (!match) return undefined;
	const status = match[1] as StatusLine['status'];
	let rest = match[2];
	let fn: string | undefined;
	const firstWord = /^([a-z][a-z0-9_]*) /.exec(rest);
	if (firstWord && (firstWord[1] === knownFunction || firstWord[1] === 'auth')) {
		fn = firstWord[1];
		rest = rest.slice(firstWord[0].length);
		// `SUCCESS: calls_in_queue_count - 3`: no message, the data follows the name directly
		if (rest.startsWith('- ')) rest = ` ${rest}`;
	}
	let message = rest;
	let dataText: string | undefined;
	const pipeAt = rest.indexOf(': |');
	const dashAt = rest.indexOf(' - ');
	if (pipeAt >= 0 && (dashAt < 0 || pipeAt < dashAt)) {
		message = rest.slice(0, pipeAt);
		dataText = rest.slice(pipeAt + 3);
	} else if (dashAt >= 0) {
		message = rest.slice(0, dashAt);
		dataText = rest.slice(dashAt + 3);
	}
	let data: string[] = [];
	if (dataText !== undefined) {
		const trimmed = dataText.replace(/\s+$/, '');
		data = trimmed.split('|');
		if (trimmed.endsWith('|')) data.pop();
	}
	return { status, function: fn, message: message.trim(), data, line };
}

/** An HTML page (a web server's own page, a login form) instead of an API answer. */
export function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text) || (text.includes('<') && /<(html|body|head|title|!doctype)\b/i.test(text));
}

const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** A value that does not fit its column means the answer is not what we think it is. */
function misfit(field: FieldSpec, value: string): VicidialError {
	const expected = { integerList: 'numbers joined by "-"', percent: 'a percentage', counts: 'counts as KEY-n,KEY-n' }[field.type as string] ?? 'a number';
	return new VicidialError('malformed', `The answer's field ${field.name} should be ${expected} but is "${value.slice(0, 40)}".`);
}

function typeValue(field: FieldSpec, value: string, record: ParsedRecord, utcOffsetHours?: number): void {
	switch (field.type) {
		case 'integer':
			if (value !== '' && !/^-?\d{1,15}$/.test(value)) throw misfit(field, value);
			record[field.name] = value === '' ? '' : Number(value);
			return;
		case 'decimal':
			if (value !== '' && !/^-?\d{1,15}(\.\d+)?$/.test(value)) throw misfit(field, value);
			record[field.name] = value === '' ? '' : Number(value);
			return;
		case 'integerList':
			if (value !== '' && !/^\d{1,15}(-\d{1,15})*$/.test(value)) throw misfit(field, value);
			record[field.name] = value === '' ? [] : value.split('-').map(Number);
			return;
		case 'percent': {
			const match = /^(-?\d{1,15}(?:\.\d+)?)%$/.exec(value);
			if (value !== '' && !match) throw misfit(field, value);
			record[field.name] = match ? Number(match[1]) : '';
			return;
		}
		case 'counts': {
			const counted: Record<string, number> = {};
			for (const part of value === '' ? [] : value.split(',')) {
				// a key may itself contain '-' (a status such as A-B): the count follows the last one
				const match = /^(.+)-(\d{1,15})$/.exec(part);
				if (!match) throw misfit(field, value);
				counted[match[1]] = Number(match[2]);
			}
			record[field.name] = counted;
			return;
		}
		case 'datetime': {
			record[field.name] = value;
			const match = DATETIME.exec(value);
			if (match && utcOffsetHours !== undefined && !value.startsWith('0000')) {
				record[`${field.name}_iso`] = `${match[1]}T${match[2]}${isoOffset(utcOffsetHours)}`;
			}
			return;
		}
		default:
			record[field.name] = value;
	}
}

function applies(field: FieldSpec, sent: Record<string, string>): boolean {
	return !field.when || sent[field.when.param] === field.when.equals;
}

/** Columns VICIdial prints for these sent parameters, in print order. */
export function printedFields(fields: FieldSpec[], sent: Record<string, string> = {}): FieldSpec[] {
	return fields.filter((f) => applies(f, sent) || f.when?.alwaysPrinted);
}

function toRecord(
	values: string[],
	fields: FieldSpec[],
	sent: Record<string, string>,
	utcOffsetHours: number | undefined,
	where: string,
	extraNames: string[] = [],
): ParsedRecord {
	const needed = fields.filter((f) => !f.optional).length;
	if (values.length < needed) {
		throw new VicidialError(
			'malformed',
			`The answer is incomplete: ${where} has ${values.length} fields where ${fields.length} were expected (${fields
				.map((f) => f.name)
				.join(', ')}). The connection may have been cut, or a value holds a line break or the delimiter, which VICIdial prints unescaped.`,
		);
	}
	const last = fields[fields.length - 1];
	if (last?.rest && values.length > fields.length) values = [...values.slice(0, fields.length - 1), values.slice(fields.length - 1).join('|')];
	const record: ParsedRecord = {};
	fields.forEach((field, index) => {
		const raw = values[index] ?? '';
		const value = field.prefix && raw.startsWith(field.prefix) ? raw.slice(field.prefix.length) : raw;
		if (applies(field, sent) && !field.secret) typeValue(field, value, record, utcOffsetHours);
	});
	for (let index = fields.length; index < values.length; index++) {
		const name = extraNames[index - fields.length];
		record[name !== undefined && name !== '' && !(name in record) ? name : `column_${index + 1}`] = values[index];
	}
	return record;
}

/**
 * A header row (header=YES) names the columns; the fields are still named by the entry.
 * VICIdial's lead_search header runs its names together with no delimiter.
 */
function isHeaderRow(line: string, columns: FieldSpec[], delimiter: string): boolean {
	const names = columns.map((c) => c.name);
	if (line === names.join('')) return true;
	const tokens = line.split(delimiter).filter((token) => token !== '');
	return tokens[0] === names[0] && tokens.every((token) => names.includes(token));
}

function parsePairs(line: string, fields: FieldSpec[], utcOffsetHours?: number): ParsedRecord {
	const record: ParsedRecord = {};
	const byName = new Map(fields.map((f) => [f.name, f]));
	const parts = line.split('|').filter((part) => part.length > 0);
	// An answer that states the server's own offset (version's TZNOW) dates itself.
	const ownOffset = /^TZNOW: ?(-?\d{1,2}(\.\d+)?)$/.exec(parts.find((part) => part.startsWith('TZNOW:')) ?? '');
	if (utcOffsetHours === undefined && ownOffset) utcOffsetHours = Number(ownOffset[1]);
	for (const part of parts) {
		const match = /^([A-Z_]+): ?(.*)$/.exec(part);
		if (!match) throw new VicidialError('malformed', `The answer has an unreadable part "${part.slice(0, 80)}".`);
		const name = match[1].toLowerCase();
		typeValue(byName.get(name) ?? { name, type: 'string' }, match[2], record, utcOffsetHours);
	}
	const missing = fields.filter((f) => !(f.name in record)).map((f) => f.name);
	if (missing.length > 0) throw new VicidialError('malformed', `The answer is incomplete: ${missing.join(', ')} missing. The connection may have been cut.`);
	return record;
}

function parseKeyValueRecords(lines: string[]): ParsedRecord[] {
	const records: ParsedRecord[] = [];
	let current: ParsedRecord | undefined;
	for (const line of lines) {
		if (/^;-+ START OF RECORD/.test(line)) {
			current = {};
			records.push(current);
			continue;
		}
		const match = /^([A-Za-z0-9_]+) => ?(.*)$/.exec(line);
		if (!match || !current) throw new VicidialError('malformed', `The answer has an unreadable line "${line.slice(0, 80)}".`);
		current[match[1]] = match[2];
	}
	return records;
}

/** PHP's strnatcasecmp order: digit runs compare as numbers, letters without case. */
export function naturalCompare(a: string, b: string): number {
	const chunks = (text: string) => text.toLowerCase().match(/\d+|\D+/g) ?? [];
	const left = chunks(a);
	const right = chunks(b);
	for (let i = 0; i < Math.min(left.length, right.length); i++) {
		const x = left[i];
		const y = right[i];
		if (x === y) continue;
		if (/^\d/.test(x) && /^\d/.test(y)) {
			const difference = Number(x) - Number(y);
			if (difference !== 0) return difference;
		}
		return x < y ? -1 : 1;
	}
	return left.length - right.length;
}

/**
 * call_dispo_report's table. VICIdial prints the status names of the header in the order it met
 * them, but each row's counts in natural order of the names: the counts are named by the sorted,
 * de-duplicated header names, which is what they really are.
 */
function parseBreakdown(lines: string[], nameField: string, fn: string): ParsedRecord[] {
	const header = lines[0]?.split(',') ?? [];
	if (header[0] !== 'CAMPAIGN' || header[1] !== 'TOTAL CALLS') {
		throw new VicidialError('malformed', `The answer to ${fn} does not start with its CAMPAIGN,TOTAL CALLS header.`);
	}
	const statuses = [...new Set(header.slice(2))].sort(naturalCompare);
	return lines.slice(1).map((line, index) => {
		const cells = line.split(',');
		if (cells.length !== statuses.length + 2) {
			throw new VicidialError('malformed', `The answer is incomplete: row ${index + 1} has ${cells.length} fields where ${statuses.length + 2} were expected. The connection may have been cut.`);
		}
		const total = cells[1];
		if (!/^\d{1,15}$/.test(total)) throw misfit({ name: 'total_calls', type: 'integer' }, total);
		const record: ParsedRecord = { [nameField]: cells[0], total_calls: Number(total) };
		const byStatus: Record<string, number> = {};
		const shares: Record<string, number> = {};
		statuses.forEach((status, i) => {
			const match = /^(\d{1,15})(?: \((\d+(?:\.\d+)?)%\))?$/.exec(cells[i + 2]);
			if (!match) throw misfit({ name: status, type: 'integer' }, cells[i + 2]);
			byStatus[status] = Number(match[1]);
			if (match[2] !== undefined) shares[status] = Number(match[2]);
		});
		record.calls_by_status = byStatus;
		if (Object.keys(shares).length > 0) record.percent_by_status = shares;
		return record;
	});
}

const HTML_ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The value of one `<td>` of a picker page: the picked ID, the text, or a swatch's colour. */
function cellValue(attributes: string, inner: string): string {
	const picked = /choose_file\('([^']*)',/.exec(inner);
	if (picked) return picked[1];
	const textValue = inner
		.replace(/<[^>]*>/g, '')
		.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity])
		.trim();
	if (textValue !== '') return textValue;
	return /bgcolor="([^"]*)"/i.exec(attributes)?.[1] ?? '';
}

/** Reads the rows of the HTML picker page (see AnswerSpec `htmlTable`). */
function parseHtmlTable(text: string, answer: Extract<AnswerSpec, { kind: 'htmlTable' }>): ParsedRecord[] {
	const records: ParsedRecord[] = [];
	const rows = text.match(/<tr bgcolor=[^>]*>[\s\S]*?<\/tr>/gi) ?? [];
	for (const row of rows) {
		const cells = [...row.matchAll(/<td([^>]*)>([\s\S]*?)(?=<td|<\/tr>)/gi)].map((m) => ({ attributes: m[1], inner: m[2].replace(/<\/td>\s*$/i, '') }));
		const continuation = answer.continuation;
		if (continuation) {
			const whole = cells.map((c) => c.inner.replace(/<[^>]*>/g, '')).join(' ');
			const at = whole.indexOf(`${continuation.label}:`);
			if (at >= 0 && !/^\d+$/.test(cellValue(cells[0]?.attributes ?? '', cells[0]?.inner ?? ''))) {
				const previous = records[records.length - 1];
				if (!previous) throw new VicidialError('malformed', `The list page has a "${continuation.label}" row before any record.`);
				previous[continuation.field] = whole
					.slice(at + continuation.label.length + 1)
					.split('&nbsp;')
					.map((part) => part.trim())
					.filter((part) => part !== '')
					.join(' ');
				continue;
			}
		}
		const values = cells.slice(1).map((c) => cellValue(c.attributes, c.inner));
		const record = toRecord(values, answer.columns, {}, undefined, `table row ${records.length + 1}`);
		if (continuation) record[continuation.field] = '';
		records.push(record);
	}
	return records;
}

/** A header row that starts with the entry's columns: the names of the columns after them. */
function extraHeaderNames(cells: string[], columns: FieldSpec[]): string[] | undefined {
	if (cells.length < columns.length || !columns.every((column, index) => cells[index] === column.name)) return undefined;
	return cells.slice(columns.length);
}

/** `rows` with `namedExtras`: each header row names the extra columns of the rows after it. */
function parseNamedRows(bare: string[], answer: Extract<AnswerSpec, { kind: 'rows' }>, sent: Record<string, string>, utcOffsetHours?: number): ParsedRecord[] {
	const fields = printedFields(answer.columns, sent);
	let extraNames: string[] = [];
	const records: ParsedRecord[] = [];
	for (const line of bare) {
		const cells = line.split(answer.delimiter);
		const names = extraHeaderNames(cells, fields);
		if (names) {
			extraNames = names;
			continue;
		}
		records.push(toRecord(cells, fields, sent, utcOffsetHours, `row ${records.length + 1}`, extraNames));
	}
	return records;
}

/** `KEY: a|b#KEY: a|b|`: one record, each part's values named by its section. */
function parseSections(line: string, answer: Extract<AnswerSpec, { kind: 'sections' }>, fn: string, utcOffsetHours?: number): ParsedRecord {
	const record: ParsedRecord = {};
	for (const part of line.split(answer.separator)) {
		const match = /^([A-Z_]+): ?(.*)$/.exec(part);
		const section = match ? answer.sections.find((s) => s.key === match[1]) : undefined;
		if (!match || !section) throw new VicidialError('malformed', `The answer to ${fn} has an unreadable part "${part.slice(0, 80)}".`);
		const values = match[2].split('|');
		if (values.length < section.fields.length) {
			throw new VicidialError('malformed', `The answer is incomplete: its ${match[1]} part has ${values.length} fields where ${section.fields.length} were expected.`);
		}
		section.fields.forEach((field, index) => typeValue(field, values[index], record, utcOffsetHours));
	}
	return record;
}

/** One bare value (lead_field_info): the body as printed, which may be empty or span lines. */
function parseValue(text: string, answer: Extract<AnswerSpec, { kind: 'value' }>, sent: Record<string, string>, utcOffsetHours?: number): ParsedRecord {
	const record: ParsedRecord = {};
	for (const field of answer.echo ?? []) typeValue(field, sent[field.name] ?? '', record, utcOffsetHours);
	typeValue(answer.field, text, record, utcOffsetHours);
	return record;
}

/** `name: value` lines after an optional title line; names in snake_case. */
function parseNamedLines(lines: string[], fields: FieldSpec[], fn: string): ParsedRecord {
	const byName = new Map(fields.map((f) => [f.name, f]));
	const rows = lines.filter((line) => line.trim() !== '');
	if (rows.length > 0 && /:\s*$/.test(rows[0]) && !/: \S/.test(rows[0])) rows.shift();
	const record: ParsedRecord = {};
	for (const line of rows) {
		const match = /^([^:]+):(?: (.*))?$/.exec(line.trimEnd());
		if (!match) throw new VicidialError('malformed', `The answer to ${fn} has an unreadable line "${line.slice(0, 80)}".`);
		const name = match[1].trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
		typeValue(byName.get(name) ?? { name, type: 'string' }, match[2] ?? '', record);
	}
	if (Object.keys(record).length === 0) throw new VicidialError('malformed', `The answer to ${fn} has no "name: value" lines.`);
	return record;
}

/**
 * Big answers of rows or `key => value` records, when plainly well formed, are read by the fast
 * reader of bulk.ts; it gives up (undefined) on anything the code below treats specially.
 */
function readBulk(text: string, answer: AnswerSpec, sent: Record<string, string>, utcOffsetHours: number | undefined): ParsedRecord[] | undefined {
	if (answer.kind === 'records') return readKeyValueRecords(text, answer.fields ?? [], utcOffsetHours);
	if (answer.kind !== 'rows' || answer.namedExtras || answer.successFirst) return undefined;
	const firstLine = text.slice(0, text.indexOf('\n'));
	const start = isHeaderRow(firstLine, answer.columns, answer.delimiter) ? firstLine.length + 1 : 0;
	// as printedFields() and toRecord() decide
	const use = answer.columns.map((field): ColumnUse => (applies(field, sent) ? (field.secret ? 1 : 2) : field.when?.alwaysPrinted ? 1 : 0));
	return readRows(text, start, answer.columns, use, answer.delimiter, answer.trailingDelimiter === true, utcOffsetHours);
}

/**
 * Parses one answer of one function.
 * @throws VicidialError for VICIdial's `ERROR:` answers and for anything unreadable.
 */
export function parseAnswer(
	text: string,
	spec: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> & Partial<Pick<FunctionEntry, 'serverErrorHint'>>,
	options: ParseOptions = {},
): ParsedAnswer {
	const { sent = {}, utcOffsetHours } = options;
	if (typeof text !== 'string') throw new VicidialError('malformed', 'The server sent no text answer.');
	if (options.httpCode !== undefined && options.httpCode !== 200) {
		const body = text.trim();
		if (options.httpCode >= 500 && body.length > 0 && !looksLikeHtml(body)) {
			// PHP failed part-way: what VICIdial printed before the failure did happen.
			throw new VicidialError('http', `VICIdial failed part-way through (HTTP ${options.httpCode}) after printing: ${body.slice(0, 300)}`, {
				httpCode: options.httpCode,
				mayHaveApplied: true,
				hint: 'VICIdial stopped with an internal error. Anything it printed before that (a SUCCESS line, say) was done; check the record before running the item again.',
			});
		}
		// An empty 500 is VICIdial's own SQL failing; some functions know the usual reason.
		const hint = options.httpCode === 500 && body.length === 0 ? spec.serverErrorHint : undefined;
		throw new VicidialError('http', `The server answered HTTP ${options.httpCode}${body.length === 0 ? ' with an empty body' : ''}.`, { httpCode: options.httpCode, hint });
	}
	// A bare value is printed as it is: empty, or any text. Only a one-line ERROR answer or a web page is not a value.
	if (spec.answer.kind === 'value' && !/^(ERROR: [^\n]*\n)+$/.test(text)) {
		if (/<(html|body|head|!doctype)\b/i.test(text)) {
			throw new VicidialError('malformed', 'The server answered with an HTML page, not a VICIdial API answer.');
		}
		return { outcome: 'success', message: '', records: [parseValue(text, spec.answer, sent, utcOffsetHours)], notices: [], otherLines: [] };
	}
	if (text.length === 0 && spec.answer.kind === 'messages' && spec.answer.empty !== undefined) {
		// Some writes print nothing at all when there was nothing to do.
		return { outcome: 'success', message: '', records: [{ result: spec.answer.empty }], notices: [], otherLines: [] };
	}
	if (text.trim().length === 0) {
		throw new VicidialError('malformed', `VICIdial sent an empty answer to ${spec.fn}.`);
	}
	if (spec.answer.kind === 'htmlTable' && /id='selectframe'/.test(text) && !/^(ERROR|SUCCESS):/.test(text)) {
		return { outcome: 'success', message: '', records: parseHtmlTable(text, spec.answer), notices: [], otherLines: [] };
	}
	if (spec.answer.kind === 'lines' && /^\s*<PRE>/i.test(text)) {
		// a `lines` answer may come wrapped in <PRE>; without its closing tag it was cut
		if (!/<\/PRE>\s*$/i.test(text)) throw new VicidialError('malformed', `The answer to ${spec.fn} ends before its closing </PRE>; the connection may have been cut.`);
		text = text.replace(/^\s*<PRE>/i, '').replace(/<\/PRE>\s*$/i, '\n');
	}
	if (looksLikeHtml(text)) {
		throw new VicidialError('malformed', 'The server answered with an HTML page, not a VICIdial API answer.');
	}
	const bulk = options.bulkReader === false ? undefined : readBulk(text, spec.answer, sent, utcOffsetHours);
	if (bulk) return { outcome: 'success', message: '', records: bulk, notices: [], otherLines: [] };

	// VICIdial sometimes prints a status line right after other text, with no newline between.
	const lines = text
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.flatMap((line) => line.split(/(?<=.)(?=(?:SUCCESS|ERROR|NOTICE): )/));
	if (lines[lines.length - 1] === '') lines.pop();

	const notices: StatusLine[] = [];
	const successes: StatusLine[] = [];
	const ordered: StatusLine[] = [];
	const bare: string[] = [];
	for (const line of lines) {
		const status = parseStatusLine(line, spec.fn);
		if (!status) {
			bare.push(line);
			continue;
		}
		if (status.status === 'ERROR') {
			const answer = spec.answer;
			const suffice = answer.kind === 'status' ? answer.noticeResult : undefined;
			const done = suffice?.error.test(status.message) && successes.length === 0 ? notices.find((n) => suffice.notice.test(n.message)) : undefined;
			if (answer.kind === 'status' && done) {
				const fields = printedFields(answer.fields, sent);
				// The NOTICE's own extra values (ranks, grades) stay in `notices`.
				const record = toRecord(done.data.slice(0, fields.length), fields, sent, utcOffsetHours, 'the NOTICE line');
				return { outcome: 'success', message: done.message, records: [record], notices, otherLines: bare };
			}
			if (suffice?.error.test(status.message) && notices.length > 0) {
				// Nothing was done, and the NOTICE lines say why (a password reset that failed).
				throw new VicidialError(classifyError(status.message), `VICIdial: ${notices.map((n) => n.line).join(' then ')} then ${line}`, { data: status.data });
			}
			const kind = spec.noRecords?.test(status.line) ? 'noRecords' : classifyError(status.message, status.data);
			if (kind === 'noRecords' && spec.noRecords?.test(status.line) && options.emptyOnNoRecords) {
				return { outcome: 'nothing', message: status.message, records: [], notices, otherLines: [] };
			}
			throw new VicidialError(kind, `VICIdial: ${line}`, { data: status.data });
		}
		(status.status === 'NOTICE' ? notices : successes).push(status);
		ordered.push(status);
	}

	const answer: AnswerSpec = spec.answer;
	// VICIdial ends its answers with a newline (the Agent API's version is the one exception,
	// and its entry says so): without it the last line may have been cut.
	if (!text.endsWith('\n') && !answer.unterminated) {
		throw new VicidialError('malformed', `The answer to ${spec.fn} ends in the middle of a line; the connection may have been cut.`);
	}
	switch (answer.kind) {
		case 'pairs': {
			const line = bare.find((l) => /^[A-Z_]+: /.test(l));
			if (!line || bare.length !== 1) throw new VicidialError('malformed', `The answer to ${spec.fn} is not a list of KEY: value pairs.`);
			return { outcome: 'success', message: '', records: [parsePairs(line, answer.fields, utcOffsetHours)], notices, otherLines: [] };
		}
		case 'status': {
			if (successes.length === 0 && answer.noticeAnswers && notices.length > 0) successes.push(notices[0]);
			if (successes.length === 0 && answer.noticesSuffice && notices.length > 0) {
				return { outcome: 'success', message: notices[0].message, records: [{}], notices, otherLines: bare };
			}
			if (successes.length === 0 && answer.noticeOnlyFails && notices.length > 0) {
				const last = notices[notices.length - 1];
				throw new VicidialError(classifyError(last.message), `VICIdial: ${last.line}`, { data: last.data });
			}
			if (successes.length === 0 && notices.length > 0 && bare.length === 0) {
				// Only NOTICE lines: VICIdial did nothing and says why (update_did "NO UPDATES DEFINED").
				throw new VicidialError('invalid', `VICIdial: ${notices[0].line}`, {
					data: notices[0].data,
					hint: 'VICIdial did nothing and said why in its notice. For an update, give at least one field to change.',
				});
			}
			if (successes.length === 0) {
				throw new VicidialError('malformed', `The answer to ${spec.fn} has no SUCCESS line: "${lines[0]?.slice(0, 120) ?? ''}".`);
			}
			const fields = printedFields(answer.fields, sent);
			const records = successes.map((s, index) => {
				// `a|b|` where three fields are due: the last one is empty (the parser took its `|` for a terminator)
				const values = s.data.length === fields.length - 1 && /\|\s*$/.test(s.line) ? [...s.data, ''] : s.data;
				return toRecord(values, fields, sent, utcOffsetHours, `SUCCESS line ${index + 1}`);
			});
			const labels = answer.labels ?? [];
			if (labels.length === 0) return { outcome: 'success', message: successes[0].message, records, notices, otherLines: bare };
			const other: string[] = [];
			for (const line of bare) {
				const labelled = labels.find((l) => line.startsWith(`${l.label}: `) || line === `${l.label}:`);
				if (labelled) typeValue(labelled.field, line.slice(labelled.label.length + 2), records[0], utcOffsetHours);
				else if (line !== '') other.push(line);
			}
			const missing = labels.filter((l) => !(l.field.name in records[0])).map((l) => l.field.name);
			if (missing.length > 0) throw new VicidialError('malformed', `The answer is incomplete: ${missing.join(', ')} missing. The connection may have been cut.`);
			return { outcome: 'success', message: successes[0].message, records, notices, otherLines: other };
		}
		case 'rows': {
			if (answer.successFirst ? successes.length !== 1 || lines[0] !== successes[0].line : successes.length > 0) {
				throw new VicidialError('malformed', `The answer to ${spec.fn} has ${answer.successFirst ? 'no SUCCESS line before its rows' : 'an unexpected SUCCESS line'}.`);
			}
			if (answer.namedExtras) return { outcome: 'success', message: '', records: parseNamedRows(bare, answer, sent, utcOffsetHours), notices, otherLines: [] };
			const fields = printedFields(answer.columns, sent);
			const rows = bare.length > 0 && isHeaderRow(bare[0], answer.columns, answer.delimiter) ? bare.slice(1) : bare;
			const cells = (line: string) => line.split(answer.delimiter).slice(0, answer.trailingDelimiter && line.endsWith(answer.delimiter) ? -1 : undefined);
			const records = rows.map((line, index) => toRecord(cells(line), fields, sent, utcOffsetHours, `row ${index + 1}`));
			return { outcome: 'success', message: successes[0]?.message ?? '', records, notices, otherLines: [] };
		}
		case 'messages': {
			const matched = ordered.flatMap((line) => {
				for (const kind of answer.messages) {
					const match = kind.match.exec(line.message);
					if (match) return [{ line, kind, data: match[1] !== undefined ? match[1].replace(/\|$/, '').split('|') : line.data }];
				}
				return [];
			});
			// SUCCESS lines are the outcome (one per lead); without any, the first NOTICE line that describes one is.
			const chosen = matched.some((m) => m.line.status === 'SUCCESS') ? matched.filter((m) => m.line.status === 'SUCCESS') : matched.slice(0, 1);
			if (chosen.length === 0) {
				throw new VicidialError('malformed', `The answer to ${spec.fn} has no line this node knows: "${lines[0]?.slice(0, 120) ?? ''}".`);
			}
			// These lines end in a "|" of their own or not, so empty trailing fields may be missing: they read as ''.
			// (A cut answer is caught by the missing final newline above.)
			const records = chosen.map(({ kind, data }) => {
				const record: ParsedRecord = { result: kind.result };
				printedFields(kind.fields, sent).forEach((field, i) => {
					if (applies(field, sent)) typeValue(field, data[i] ?? '', record, utcOffsetHours);
				});
				return record;
			});
			return { outcome: 'success', message: chosen[0].line.message, records, notices, otherLines: bare };
		}
		case 'records': {
			const records = parseKeyValueRecords(bare);
			if (answer.fields) {
				const fields = answer.fields;
				for (const record of records) {
					for (const field of fields) if (typeof record[field.name] === 'string') typeValue(field, record[field.name] as string, record, utcOffsetHours);
				}
			}
			return { outcome: 'success', message: '', records, notices, otherLines: [] };
		}
		case 'value':
			// reached only for a one-line ERROR answer, which threw above
			throw new VicidialError('malformed', `The answer to ${spec.fn} is not a value.`);
		case 'sections': {
			if (successes.length > 0 || bare.length !== 1) throw new VicidialError('malformed', `The answer to ${spec.fn} is not one line of results.`);
			return { outcome: 'success', message: '', records: [parseSections(bare[0], answer, spec.fn, utcOffsetHours)], notices, otherLines: [] };
		}
		case 'breakdown': {
			if (successes.length > 0) throw new VicidialError('malformed', `The answer to ${spec.fn} has an unexpected SUCCESS line.`);
			return { outcome: 'success', message: '', records: parseBreakdown(bare, answer.nameField, spec.fn), notices, otherLines: [] };
		}

		case 'htmlTable':
			throw new VicidialError('malformed', `The answer to ${spec.fn} is not the list page VICIdial prints for it.`);
		case 'lines': {
			return { outcome: 'success', message: '', records: [parseNamedLines(bare, answer.fields, spec.fn)], notices, otherLines: [] };
		}
	}
}
