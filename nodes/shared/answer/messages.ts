/**
 * SUCCESS/NOTICE lines that say different things for different outcomes (update_lead and kin):
 * each kind of line is recognised by its message and gives its own record.
 */
import type { AnswerReader } from './reader';
import {
	type FieldSpec,
	type ParsedRecord,
	kept,
	malformed,
	printedFields,
	typeValue,
} from './fields';

/**
 * One kind of line. `match` is tested against the line's message; a capture group 1, if any,
 * holds the data (for lines that put it after ": " instead of " - ").
 */
export interface MessageSpec {
	match: RegExp;
	/** What happened, in a word, e.g. `updated`: the record's `result`. */
	result: string;
	fields: FieldSpec[];
}

export interface MessagesReader extends AnswerReader {
	messages: MessageSpec[];
}

/** `answer: messages([...], { empty: 'unchanged' })`; `empty`: the result of an empty body (nothing was to be done). */
export function messages(kinds: MessageSpec[], options: { empty?: string } = {}): MessagesReader {
	const { empty } = options;
	return {
		shape: 'messages',
		itemsCarryMessage: true,
		messages: kinds,
		fields: kinds.flatMap((kind) => kind.fields),
		// Some writes print nothing at all when there was nothing to do.
		body: (text) =>
			text.length === 0 && empty !== undefined
				? {
						outcome: 'success',
						message: '',
						records: [{ result: empty }],
						notices: [],
						otherLines: [],
					}
				: undefined,
		read(lines, context) {
			const matched = lines.ordered.flatMap((line) => {
				for (const kind of kinds) {
					const match = kind.match.exec(line.message);
					if (match)
						return [
							{
								line,
								kind,
								data: match[1] !== undefined ? match[1].replace(/\|$/, '').split('|') : line.data,
							},
						];
				}
				return [];
			});
			// SUCCESS lines are the outcome (one per lead); without any, the first NOTICE line that describes one is.
			const chosen = matched.some((m) => m.line.status === 'SUCCESS')
				? matched.filter((m) => m.line.status === 'SUCCESS')
				: matched.slice(0, 1);
			if (chosen.length === 0)
				throw malformed(
					`The answer to ${context.fn} has no line this node knows: "${lines.all[0]?.slice(0, 120) ?? ''}".`,
				);
			// These lines end in a "|" of their own or not, so empty trailing fields may be missing: they read as ''.
			// (A cut answer is caught by the missing final newline.)
			const records = chosen.map(({ kind, data }) => {
				const record: ParsedRecord = { result: kind.result };
				printedFields(kind.fields, context.sent).forEach((field, i) => {
					if (kept(field, context.sent))
						typeValue(field, data[i] ?? '', record, context.utcOffsetHours);
				});
				return record;
			});
			return {
				outcome: 'success',
				message: chosen[0].line.message,
				records,
				notices: lines.notices,
				otherLines: lines.bare,
			};
		},
	};
}
