/**
 * The columns an entry names in an answer, how a value is typed, and what a read answer is.
 * Every reader (the shared ones beside this file, the one-entry ones beside their entry) types
 * values here, so a number or a date reads the same in every answer.
 */
import { VicidialError } from '../errors';
import { isoOffset } from '../bulk';

/** How an output value is typed. */
export type FieldType =
	| 'string'
	| 'integer'
	| 'decimal'
	| 'datetime' // server local time, "YYYY-MM-DD HH:MM:SS"; an ISO companion is added when the offset is known
	| 'date'
	| 'integerList' // numbers joined by `-` (lead_search's lead ids)
	| 'percent' // a number printed with a `%` sign (`13.2%`): the number
	| 'counts'; // `KEY-n,KEY-n` (call_status_stats' calls by hour and by status): an object of numbers

export interface FieldSpec {
	name: string;
	type: FieldType;
	/**
	 * The column means something only when this parameter was sent with this value.
	 * Otherwise it is not printed, or, with `alwaysPrinted`, printed empty and dropped.
	 */
	when?: { param: string; equals: string; alwaysPrinted?: boolean };
	/** Text VICIdial prints before the value (`NEW URL ID: 7`), removed before typing. */
	prefix?: string;
	/** VICIdial prints this last column only when it has a value (agent_status's computer_ip); missing reads as ''. */
	optional?: boolean;
	/** The column is read past and left out of the output: an empty filler column, or a password VICIdial echoes. */
	skip?: boolean;
	/** The last field holds a value that may itself contain `|` (vm_message's audio list): it takes the rest of the line. */
	rest?: boolean;
}

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

/** What a reader knows of the call besides the text. */
export interface ReadContext {
	/** The VICIdial function, for messages. */
	fn: string;
	/** The parameters that were sent: some columns exist only for some options. */
	sent: Record<string, string>;
	/** Server UTC offset in hours; adds `<field>_iso` to datetimes. */
	utcOffsetHours?: number;
}

/** The error of an answer not shaped as its reader expects. */
export function malformed(message: string): VicidialError {
	return new VicidialError('malformed', message);
}

const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** A value that does not fit its column means the answer is not what we think it is. */
export function misfit(field: Pick<FieldSpec, 'name' | 'type'>, value: string): VicidialError {
	const expected =
		{
			integerList: 'numbers joined by "-"',
			percent: 'a percentage',
			counts: 'counts as KEY-n,KEY-n',
		}[field.type as string] ?? 'a number';
	return new VicidialError(
		'malformed',
		`The answer's field ${field.name} should be ${expected} but is "${value.slice(0, 40)}".`,
	);
}

/** Types `value` as `field` says and puts it (and a datetime's ISO companion) into `record`. */
export function typeValue(
	field: FieldSpec,
	value: string,
	record: ParsedRecord,
	utcOffsetHours?: number,
): void {
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

/** Whether the column means something for what was sent (see FieldSpec.when). */
export function applies(field: FieldSpec, sent: Record<string, string>): boolean {
	return !field.when || sent[field.when.param] === field.when.equals;
}

/** Whether the column's value goes into the output. */
export function kept(field: FieldSpec, sent: Record<string, string>): boolean {
	return applies(field, sent) && !field.skip;
}

/** Columns VICIdial prints for these sent parameters, in print order. */
export function printedFields(fields: FieldSpec[], sent: Record<string, string> = {}): FieldSpec[] {
	return fields.filter((f) => applies(f, sent) || f.when?.alwaysPrinted);
}

/**
 * One record from the values of a line, named by `fields` (the printed ones). Values past the
 * fields are kept, named by `extraNames` or `column_<n>`.
 */
export function toRecord(
	values: string[],
	fields: FieldSpec[],
	context: ReadContext,
	where: string,
	extraNames: string[] = [],
): ParsedRecord {
	const needed = fields.filter((f) => !f.optional).length;
	if (values.length < needed) {
		throw new VicidialError(
			'malformed',
			`The answer is incomplete: ${where} has ${values.length} fields where ${fields.length} were expected (${fields
				.map((f) => f.name)
				.join(
					', ',
				)}). The connection may have been cut, or a value holds a line break or the delimiter, which VICIdial prints unescaped.`,
		);
	}
	const last = fields[fields.length - 1];
	if (last?.rest && values.length > fields.length)
		values = [...values.slice(0, fields.length - 1), values.slice(fields.length - 1).join('|')];
	const record: ParsedRecord = {};
	fields.forEach((field, index) => {
		const raw = values[index] ?? '';
		const value =
			field.prefix && raw.startsWith(field.prefix) ? raw.slice(field.prefix.length) : raw;
		if (kept(field, context.sent)) typeValue(field, value, record, context.utcOffsetHours);
	});
	for (let index = fields.length; index < values.length; index++) {
		const name = extraNames[index - fields.length];
		record[name !== undefined && name !== '' && !(name in record) ? name : `column_${index + 1}`] =
			values[index];
	}
	return record;
}

// ---- the builders entries name their columns with, in the words of the parameter builders ----

type FieldOptions = Partial<Omit<FieldSpec, 'name' | 'type'>>;

function typed(type: FieldType) {
	return (name: string, options: FieldOptions = {}): FieldSpec => ({ name, type, ...options });
}

/** An answer's columns: `field.text('user')`, `field.integer('lead_id')`, `field.skip('filler')`. */
export const field = {
	text: typed('string'),
	integer: typed('integer'),
	decimal: typed('decimal'),
	date: typed('date'),
	datetime: typed('datetime'),
	integerList: typed('integerList'),
	percent: typed('percent'),
	counts: typed('counts'),
	/** A column VICIdial prints that the output leaves out: an empty filler, or an echoed password. */
	skip: (name: string): FieldSpec => ({ name, type: 'string', skip: true }),
};
