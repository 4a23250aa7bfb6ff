/**
 * One parser for every VICIdial answer: text in, typed result out, or a VicidialError.
 * It throws nothing else, whatever the input (see the fuzz test).
 */
import type { AnswerSpec, FieldSpec, FunctionSpec } from './spec';
import { VicidialError, classifyError } from './errors';

export type FieldValue = string | number | number[];
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
	return /^\s*</.test(text) || /<(html|body|head|title|!doctype)\b/i.test(text);
}

/** Formats a UTC offset in hours (-5, 5.5, 0) as `-05:00`. */
export function isoOffset(hours: number): string {
	const sign = hours < 0 ? '-' : '+';
	const totalMinutes = Math.round(Math.abs(hours) * 60);
	const hh = String(Math.floor(totalMinutes / 60)).padStart(2, '0');
	const mm = String(totalMinutes % 60).padStart(2, '0');
	return `${sign}${hh}:${mm}`;
}

const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** A value that does not fit its column means the answer is not what we think it is. */
function misfit(field: FieldSpec, value: string): VicidialError {
	return new VicidialError('malformed', `The answer's field ${field.name} should be ${field.type === 'integerList' ? 'numbers joined by "-"' : 'a number'} but is "${value.slice(0, 40)}".`);
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
): ParsedRecord {
	if (values.length < fields.length) {
		throw new VicidialError(
			'malformed',
			`The answer is incomplete: ${where} has ${values.length} fields where ${fields.length} were expected (${fields
				.map((f) => f.name)
				.join(', ')}). The connection may have been cut.`,
		);
	}
	const last = fields[fields.length - 1];
	if (last?.rest && values.length > fields.length) values = [...values.slice(0, fields.length - 1), values.slice(fields.length - 1).join('|')];
	const record: ParsedRecord = {};
	fields.forEach((field, index) => {
		if (applies(field, sent)) typeValue(field, values[index], record, utcOffsetHours);
	});
	for (let index = fields.length; index < values.length; index++) record[`column_${index + 1}`] = values[index];
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
 * Parses one answer of one function.
 * @throws VicidialError for VICIdial's `ERROR:` answers and for anything unreadable.
 */
export function parseAnswer(text: string, spec: Pick<FunctionSpec, 'fn' | 'answer' | 'noRecords'>, options: ParseOptions = {}): ParsedAnswer {
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
		throw new VicidialError('http', `The server answered HTTP ${options.httpCode}${body.length === 0 ? ' with an empty body' : ''}.`, { httpCode: options.httpCode });
	}
	if (text.trim().length === 0) {
		throw new VicidialError('malformed', `VICIdial sent an empty answer to ${spec.fn}.`);
	}
	if (spec.answer.kind === 'lines' && /^\s*<PRE>/i.test(text)) {
		// a `lines` answer may come wrapped in <PRE>; without its closing tag it was cut
		if (!/<\/PRE>\s*$/i.test(text)) throw new VicidialError('malformed', `The answer to ${spec.fn} ends before its closing </PRE>; the connection may have been cut.`);
		text = text.replace(/^\s*<PRE>/i, '').replace(/<\/PRE>\s*$/i, '\n');
	}
	if (looksLikeHtml(text)) {
		throw new VicidialError('malformed', 'The server answered with an HTML page, not a VICIdial API answer.');
	}

	// VICIdial sometimes prints a status line right after other text, with no newline between.
	const lines = text
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.flatMap((line) => line.split(/(?<=.)(?=(?:SUCCESS|ERROR|NOTICE): )/));
	if (lines[lines.length - 1] === '') lines.pop();

	const notices: StatusLine[] = [];
	const successes: StatusLine[] = [];
	const bare: string[] = [];
	for (const line of lines) {
		const status = parseStatusLine(line, spec.fn);
		if (!status) {
			bare.push(line);
			continue;
		}
		if (status.status === 'ERROR') {
			const kind = classifyError(status.message, status.data);
			if (kind === 'noRecords' && spec.noRecords?.test(status.line) && options.emptyOnNoRecords) {
				return { outcome: 'nothing', message: status.message, records: [], notices, otherLines: [] };
			}
			throw new VicidialError(kind, `VICIdial: ${line}`, { data: status.data });
		}
		(status.status === 'NOTICE' ? notices : successes).push(status);
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
			if (successes.length === 0) {
				throw new VicidialError('malformed', `The answer to ${spec.fn} has no SUCCESS line: "${lines[0]?.slice(0, 120) ?? ''}".`);
			}
			const fields = printedFields(answer.fields, sent);
			const records = successes.map((s, index) => {
				// `a|b|` where three fields are due: the last one is empty (the parser took its `|` for a terminator)
				const values = s.data.length === fields.length - 1 && /\|\s*$/.test(s.line) ? [...s.data, ''] : s.data;
				return toRecord(values, fields, sent, utcOffsetHours, `SUCCESS line ${index + 1}`);
			});
			return { outcome: 'success', message: successes[0].message, records, notices, otherLines: bare };
		}
		case 'rows': {
			if (successes.length > 0) throw new VicidialError('malformed', `The answer to ${spec.fn} has an unexpected SUCCESS line.`);
			const fields = printedFields(answer.columns, sent);
			const rows = bare.length > 0 && isHeaderRow(bare[0], answer.columns, answer.delimiter) ? bare.slice(1) : bare;
			const records = rows.map((line, index) => toRecord(line.split(answer.delimiter), fields, sent, utcOffsetHours, `row ${index + 1}`));
			return { outcome: 'success', message: '', records, notices, otherLines: [] };
		}
		case 'records': {
			return { outcome: 'success', message: '', records: parseKeyValueRecords(bare), notices, otherLines: [] };
		}
		case 'lines': {
			return { outcome: 'success', message: '', records: [parseNamedLines(bare, answer.fields, spec.fn)], notices, otherLines: [] };
		}
	}
}
