/**
 * What every VICIdial answer shares, whatever its shape: the HTTP status, a web page instead of
 * an answer, an empty body, lines (a status line may be glued to the text before it), status
 * lines, ERROR lines and "no records", the final newline. The entry's reader does the rest.
 * Nothing but a VicidialError is thrown, whatever the input (see the fuzz test).
 */
import { VicidialError, classifyError } from '../errors';
import type { ParsedAnswer, ReadContext, StatusLine } from './fields';
import type { AnswerLines, AnsweringEntry } from './reader';

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
	return (
		/^\s*</.test(text) || (text.includes('<') && /<(html|body|head|title|!doctype)\b/i.test(text))
	);
}

/** The error of a web page where an answer was due. */
export function htmlPage(): VicidialError {
	return new VicidialError(
		'malformed',
		'The server answered with an HTML page, not a VICIdial API answer.',
	);
}

/** Refuses an answer VICIdial did not finish: an HTTP error (maybe after it printed something). */
function checkHttp(
	text: string,
	httpCode: number | undefined,
	serverErrorHint: string | undefined,
): void {
	if (httpCode === undefined || httpCode === 200) return;
	const body = text.trim();
	if (httpCode >= 500 && body.length > 0 && !looksLikeHtml(body)) {
		// PHP failed part-way: what VICIdial printed before the failure did happen.
		throw new VicidialError(
			'http',
			`VICIdial failed part-way through (HTTP ${httpCode}) after printing: ${body.slice(0, 300)}`,
			{
				httpCode,
				mayHaveApplied: true,
				hint: 'VICIdial stopped with an internal error. Anything it printed before that (a SUCCESS line, say) was done; check the record before running the item again.',
			},
		);
	}
	// An empty 500 is VICIdial's own SQL failing; some functions know the usual reason.
	const hint = httpCode === 500 && body.length === 0 ? serverErrorHint : undefined;
	throw new VicidialError(
		'http',
		`The server answered HTTP ${httpCode}${body.length === 0 ? ' with an empty body' : ''}.`,
		{ httpCode, hint },
	);
}

/** The lines of the text; VICIdial sometimes prints a status line right after other text, with no newline between. */
function splitLines(text: string): string[] {
	const lines = text
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.flatMap((line) => line.split(/(?<=.)(?=(?:SUCCESS|ERROR|NOTICE): )/));
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/**
 * Reads one answer of one entry.
 * @throws VicidialError for VICIdial's `ERROR:` answers and for anything unreadable.
 */
export function readAnswer(
	text: string,
	entry: AnsweringEntry,
	options: ParseOptions = {},
): ParsedAnswer {
	const reader = entry.answer;
	const context: ReadContext = {
		fn: entry.fn,
		sent: options.sent ?? {},
		utcOffsetHours: options.utcOffsetHours,
	};
	if (typeof text !== 'string')
		throw new VicidialError('malformed', 'The server sent no text answer.');
	checkHttp(text, options.httpCode, entry.serverErrorHint);
	const looked = reader.body?.(text, context);
	if (typeof looked === 'object') return looked;
	if (typeof looked === 'string') text = looked;
	if (text.trim().length === 0)
		throw new VicidialError('malformed', `VICIdial sent an empty answer to ${entry.fn}.`);
	if (looksLikeHtml(text)) throw htmlPage();
	const bulk = options.bulkReader === false ? undefined : reader.bulk?.(text, context);
	if (bulk) return { outcome: 'success', message: '', records: bulk, notices: [], otherLines: [] };

	const lines: AnswerLines = {
		all: splitLines(text),
		successes: [],
		notices: [],
		ordered: [],
		bare: [],
	};
	for (const line of lines.all) {
		const status = parseStatusLine(line, entry.fn);
		if (!status) {
			lines.bare.push(line);
			continue;
		}
		if (status.status === 'ERROR') {
			const handled = reader.error?.(status, lines, context);
			if (handled) return handled;
			const noRecords = entry.noRecords?.test(status.line) === true;
			if (noRecords && options.emptyOnNoRecords)
				return {
					outcome: 'nothing',
					message: status.message,
					records: [],
					notices: lines.notices,
					otherLines: [],
				};
			throw new VicidialError(
				noRecords ? 'noRecords' : classifyError(status.message, status.data),
				`VICIdial: ${line}`,
				{ data: status.data },
			);
		}
		(status.status === 'NOTICE' ? lines.notices : lines.successes).push(status);
		lines.ordered.push(status);
	}
	// VICIdial ends its answers with a newline (the Agent API's version is the one exception,
	// and its entry says so): without it the last line may have been cut.
	if (!text.endsWith('\n') && !reader.unterminated) {
		throw new VicidialError(
			'malformed',
			`The answer to ${entry.fn} ends in the middle of a line; the connection may have been cut.`,
		);
	}
	return reader.read(lines, context);
}
