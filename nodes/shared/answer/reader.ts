/**
 * What an answer reader is: the envelope (envelope.ts) hands it the body and the sorted lines;
 * it gives the records. Entries name one through a builder (`rows(...)`, `status(...)`).
 */
import type { FieldSpec, ParsedAnswer, ParsedRecord, ReadContext, StatusLine } from './fields';

/** An answer's lines, sorted by what they are. */
export interface AnswerLines {
	/** Every line, in order. */
	all: string[];
	successes: StatusLine[];
	notices: StatusLine[];
	/** SUCCESS and NOTICE lines in order. */
	ordered: StatusLine[];
	/** Lines that are no status line. */
	bare: string[];
}

/**
 * How an entry's answer is read. Builders make them: the shared shapes beside this file
 * (`status`, `rows`, `records`...), a shape only one entry has beside that entry.
 */
export interface AnswerReader {
	/** What the answer looks like, in a word (`rows`, `status`...), for tools and tests. */
	shape: string;
	/** Every typed field the answer can have. */
	fields: FieldSpec[];
	/** The answer does not end with a newline (the Agent API's version); all others must. */
	unterminated?: boolean;
	/** Each output item carries the answer's message and its NOTICE lines (status lines saying what was done). */
	itemsCarryMessage?: boolean;
	/** The answer states the server's UTC offset itself (version's TZNOW): no need to ask for it. */
	datesItself?: boolean;
	/**
	 * A look at the whole body before anything else is checked (but the HTTP status): a result for
	 * a body that is no lines of text (a bare value, a web page of rows, nothing at all), or the
	 * body to read instead (unwrapped from `<PRE>`), or undefined to go on.
	 */
	body?(text: string, context: ReadContext): ParsedAnswer | string | undefined;
	/** The fast reader of big, plainly well-formed answers (bulk.ts); undefined: read the lines. */
	bulk?(text: string, context: ReadContext): ParsedRecord[] | undefined;
	/** An ERROR line after `before`: a result, or undefined for the usual error (it may also throw its own). */
	error?(error: StatusLine, before: AnswerLines, context: ReadContext): ParsedAnswer | undefined;
	/** The answer's lines, with no ERROR among them. */
	read(lines: AnswerLines, context: ReadContext): ParsedAnswer;
}

/** What the envelope needs to know of an entry. */
export interface AnsweringEntry {
	fn: string;
	answer: AnswerReader;
	/**
	 * VICIdial's "nothing found" error for a search: may become an empty result. An error line it
	 * matches counts as "no records" even when its wording is not a usual one.
	 */
	noRecords?: RegExp;
	/** Hint for an empty HTTP 500 answer. */
	serverErrorHint?: string;
}

/** Whether the answer has server datetimes that need the UTC offset for ISO companions. */
export function needsServerOffset(entry: { answer: AnswerReader }): boolean {
	return !entry.answer.datesItself && entry.answer.fields.some((f) => f.type === 'datetime');
}
