/** `key => value` lines, records separated by `;---------- START OF RECORD n` (lead_status_search, the lead dumps). */
import { readKeyValueRecords } from '../bulk';
import type { AnswerReader } from './reader';
import { type FieldSpec, type ParsedRecord, malformed, typeValue } from './fields';

function readKeyValueLines(lines: string[]): ParsedRecord[] {
	const records: ParsedRecord[] = [];
	let current: ParsedRecord | undefined;
	for (const line of lines) {
		if (/^;-+ START OF RECORD/.test(line)) {
			current = {};
			records.push(current);
			continue;
		}
		const match = /^([A-Za-z0-9_]+) => ?(.*)$/.exec(line);
		if (!match || !current)
			throw malformed(`The answer has an unreadable line "${line.slice(0, 80)}".`);
		current[match[1]] = match[2];
	}
	return records;
}

/** `answer: records([field.integer('lead_id')])`: every key is kept; the fields named are typed. */
export function records(fields: FieldSpec[] = []): AnswerReader {
	return {
		shape: 'records',
		fields,
		bulk: (text, context) => readKeyValueRecords(text, fields, context.utcOffsetHours),
		read(lines, context) {
			const found = readKeyValueLines(lines.bare);
			for (const record of found) {
				for (const field of fields)
					if (typeof record[field.name] === 'string')
						typeValue(field, record[field.name] as string, record, context.utcOffsetHours);
			}
			return {
				outcome: 'success',
				message: '',
				records: found,
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}
