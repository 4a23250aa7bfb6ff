/**
 * Bare delimited rows, one record per line, maybe after a header row (the lists, the logs, the
 * reports). Big plain answers go through the fast reader of bulk.ts.
 */
import { type ColumnUse, readRows } from '../bulk';
import type { AnswerLines, AnswerReader } from './reader';
import {
	type FieldSpec,
	type ParsedRecord,
	type ReadContext,
	applies,
	malformed,
	printedFields,
	toRecord,
} from './fields';

export type Delimiter = '|' | ',' | '\t';

/** A reader of delimited rows (`rows`, and the one-entry variants beside their entries). */
export interface RowsReader extends AnswerReader {
	delimiter: Delimiter;
}

/**
 * A header row (header=YES) names the columns; the fields are still named by the entry.
 * VICIdial's lead_search header runs its names together with no delimiter.
 */
export function isHeaderRow(line: string, columns: FieldSpec[], delimiter: string): boolean {
	const names = columns.map((c) => c.name);
	if (line === names.join('')) return true;
	const tokens = line.split(delimiter).filter((token) => token !== '');
	return tokens[0] === names[0] && tokens.every((token) => names.includes(token));
}

/** The records of bare rows, after a header row if there is one; `cells` splits a row. */
export function readRowLines(
	bare: string[],
	columns: FieldSpec[],
	delimiter: Delimiter,
	context: ReadContext,
	cells: (line: string) => string[] = (line) => line.split(delimiter),
): ParsedRecord[] {
	const fields = printedFields(columns, context.sent);
	const rows = bare.length > 0 && isHeaderRow(bare[0], columns, delimiter) ? bare.slice(1) : bare;
	return rows.map((line, index) => toRecord(cells(line), fields, context, `row ${index + 1}`));
}

/** The fast reader for rows (see bulk.ts); `trailingDelimiter`: every row ends with one more delimiter. */
export function readRowsFast(
	text: string,
	columns: FieldSpec[],
	delimiter: Delimiter,
	context: ReadContext,
	trailingDelimiter = false,
): ParsedRecord[] | undefined {
	const firstLine = text.slice(0, text.indexOf('\n'));
	const start = isHeaderRow(firstLine, columns, delimiter) ? firstLine.length + 1 : 0;
	// as printedFields() and toRecord() decide
	const use = columns.map(
		(field): ColumnUse =>
			applies(field, context.sent) ? (field.skip ? 1 : 2) : field.when?.alwaysPrinted ? 1 : 0,
	);
	return readRows(text, start, columns, use, delimiter, trailingDelimiter, context.utcOffsetHours);
}

/** Rows carry no SUCCESS line. */
export function expectNoSuccess(lines: AnswerLines, fn: string): void {
	if (lines.successes.length > 0)
		throw malformed(`The answer to ${fn} has an unexpected SUCCESS line.`);
}

/** `answer: rows('|', [field.text('user'), field.integer('user_level')])` */
export function rows(
	delimiter: Delimiter,
	columns: FieldSpec[],
	options: { unterminated?: boolean } = {},
): RowsReader {
	return {
		shape: 'rows',
		delimiter,
		fields: columns,
		...options,
		bulk: (text, context) => readRowsFast(text, columns, delimiter, context),
		read(lines, context) {
			expectNoSuccess(lines, context.fn);
			return {
				outcome: 'success',
				message: '',
				records: readRowLines(lines.bare, columns, delimiter, context),
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}
