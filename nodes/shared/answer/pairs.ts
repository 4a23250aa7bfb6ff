/** One line of `KEY: value|KEY: value|` (version, in both APIs). */
import type { AnswerReader } from './reader';
import { type FieldSpec, type ParsedRecord, malformed, typeValue } from './fields';

function readPairs(line: string, fields: FieldSpec[], utcOffsetHours?: number): ParsedRecord {
	const record: ParsedRecord = {};
	const byName = new Map(fields.map((f) => [f.name, f]));
	const parts = line.split('|').filter((part) => part.length > 0);
	// An answer that states the server's own offset (version's TZNOW) dates itself.
	const ownOffset = /^TZNOW: ?(-?\d{1,2}(\.\d+)?)$/.exec(
		parts.find((part) => part.startsWith('TZNOW:')) ?? '',
	);
	if (utcOffsetHours === undefined && ownOffset) utcOffsetHours = Number(ownOffset[1]);
	for (const part of parts) {
		const match = /^([A-Z_]+): ?(.*)$/.exec(part);
		if (!match) throw malformed(`The answer has an unreadable part "${part.slice(0, 80)}".`);
		const name = match[1].toLowerCase();
		typeValue(byName.get(name) ?? { name, type: 'string' }, match[2], record, utcOffsetHours);
	}
	const missing = fields.filter((f) => !(f.name in record)).map((f) => f.name);
	if (missing.length > 0)
		throw malformed(
			`The answer is incomplete: ${missing.join(', ')} missing. The connection may have been cut.`,
		);
	return record;
}

/** `answer: pairs([field.text('version'), field.datetime('date')])`: keys in lower case; keys not named are kept as text. */
export function pairs(fields: FieldSpec[], options: { unterminated?: boolean } = {}): AnswerReader {
	return {
		shape: 'pairs',
		fields,
		datesItself: true,
		...options,
		read(lines, context) {
			const line = lines.bare.find((l) => /^[A-Z_]+: /.test(l));
			if (!line || lines.bare.length !== 1)
				throw malformed(`The answer to ${context.fn} is not a list of KEY: value pairs.`);
			return {
				outcome: 'success',
				message: '',
				records: [readPairs(line, fields, context.utcOffsetHours)],
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}
