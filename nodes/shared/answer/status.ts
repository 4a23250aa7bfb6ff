/**
 * `SUCCESS: <function> <message> - a|b|c`: one record per SUCCESS line, its values named by
 * position, NOTICE lines kept beside (most writes and the Agent API's commands).
 */
import { VicidialError, classifyError } from '../errors';
import type { AnswerLines, AnswerReader } from './reader';
import {
	type FieldSpec,
	type ParsedAnswer,
	type ReadContext,
	malformed,
	printedFields,
	toRecord,
} from './fields';

export interface StatusOptions {
	/**
	 * Answers made of NOTICE lines only are a success too (update_list's reset or delete,
	 * "NO UPDATES DEFINED"): one record without fields, the first notice as its message.
	 */
	noticesSuffice?: boolean;
	/** A NOTICE with no SUCCESS line after it is a refusal (update_phone's delete without the right). */
	noticeOnlyFails?: boolean;
	/**
	 * An ERROR (`error`) that only says nothing was left to do after a NOTICE (`notice`) that
	 * did something (update_user's "NO UPDATES DEFINED" after a rank change): that NOTICE is
	 * the result and gives the fields; all NOTICE lines stay in `notices`.
	 */
	noticeResult?: { error: RegExp; notice: RegExp };
	/** The answer does not end with a newline (some Agent API commands). */
	unterminated?: boolean;
}

export interface StatusReader extends AnswerReader, StatusOptions {
	shape: 'status';
}

/** The records of the SUCCESS lines, the first one's message. */
export function readSuccessLines(
	lines: AnswerLines,
	fields: FieldSpec[],
	context: ReadContext,
): ParsedAnswer {
	const printed = printedFields(fields, context.sent);
	const records = lines.successes.map((s, index) => {
		// `a|b|` where three fields are due: the last one is empty (the parser took its `|` for a terminator)
		const values =
			s.data.length === printed.length - 1 && /\|\s*$/.test(s.line) ? [...s.data, ''] : s.data;
		return toRecord(values, printed, context, `SUCCESS line ${index + 1}`);
	});
	return {
		outcome: 'success',
		message: lines.successes[0].message,
		records,
		notices: lines.notices,
		otherLines: lines.bare,
	};
}

/** `answer: status([field.text('user'), field.integer('list_id')], { noticesSuffice: true })` */
export function status(fields: FieldSpec[], options: StatusOptions = {}): StatusReader {
	const { noticesSuffice, noticeOnlyFails, noticeResult } = options;
	return {
		shape: 'status',
		fields,
		itemsCarryMessage: true,
		...options,
		error(error, before, context) {
			if (!noticeResult?.error.test(error.message)) return undefined;
			const done =
				before.successes.length === 0
					? before.notices.find((n) => noticeResult.notice.test(n.message))
					: undefined;
			if (done) {
				const printed = printedFields(fields, context.sent);
				// The NOTICE's own extra values (ranks, grades) stay in `notices`.
				const record = toRecord(
					done.data.slice(0, printed.length),
					printed,
					context,
					'the NOTICE line',
				);
				return {
					outcome: 'success',
					message: done.message,
					records: [record],
					notices: before.notices,
					otherLines: before.bare,
				};
			}
			if (before.notices.length > 0) {
				// Nothing was done, and the NOTICE lines say why (a password reset that failed).
				throw new VicidialError(
					classifyError(error.message),
					`VICIdial: ${before.notices.map((n) => n.line).join(' then ')} then ${error.line}`,
					{ data: error.data },
				);
			}
			return undefined;
		},
		read(lines, context) {
			const { successes, notices, bare } = lines;
			if (successes.length === 0 && noticesSuffice && notices.length > 0) {
				return {
					outcome: 'success',
					message: notices[0].message,
					records: [{}],
					notices,
					otherLines: bare,
				};
			}
			if (successes.length === 0 && noticeOnlyFails && notices.length > 0) {
				const last = notices[notices.length - 1];
				throw new VicidialError(classifyError(last.message), `VICIdial: ${last.line}`, {
					data: last.data,
				});
			}
			if (successes.length === 0 && notices.length > 0 && bare.length === 0) {
				// Only NOTICE lines: VICIdial did nothing and says why (update_did "NO UPDATES DEFINED").
				throw new VicidialError('invalid', `VICIdial: ${notices[0].line}`, {
					data: notices[0].data,
					hint: 'VICIdial did nothing and said why in its notice. For an update, give at least one field to change.',
				});
			}
			if (successes.length === 0)
				throw malformed(
					`The answer to ${context.fn} has no SUCCESS line: "${lines.all[0]?.slice(0, 120) ?? ''}".`,
				);
			return readSuccessLines(lines, fields, context);
		},
	};
}
