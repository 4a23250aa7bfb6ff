/**
 * One entry point for every VICIdial answer: text in, typed result out, or a VicidialError.
 * The envelope every answer shares is answer/envelope.ts; the entry's `answer` reads the rest.
 */
import { type ParseOptions, readAnswer } from './answer/envelope';
import type { AnsweringEntry } from './answer/reader';
import type { ParsedAnswer } from './answer/fields';

export { isoOffset } from './bulk';
export { looksLikeHtml, parseStatusLine, type ParseOptions } from './answer/envelope';
export type { FieldValue, ParsedAnswer, ParsedRecord, StatusLine } from './answer/fields';

/**
 * Parses one answer of one function.
 * @throws VicidialError for VICIdial's `ERROR:` answers and for anything unreadable.
 */
export function parseAnswer(
	text: string,
	entry: AnsweringEntry,
	options: ParseOptions = {},
): ParsedAnswer {
	return readAnswer(text, entry, options);
}
