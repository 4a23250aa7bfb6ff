/** How entries describe their answers: the field builders and the shared readers. */
export {
	field,
	type FieldSpec,
	type FieldType,
	type ParsedAnswer,
	type ParsedRecord,
	type FieldValue,
	type StatusLine,
	type ReadContext,
} from './fields';
export { type AnswerReader, type AnswerLines, needsServerOffset } from './reader';
export type { ParseOptions } from './envelope';
export { status, type StatusReader, type StatusOptions } from './status';
export { rows, type RowsReader, type Delimiter } from './rows';
export { records } from './records';
export { pairs } from './pairs';
export { messages, type MessageSpec, type MessagesReader } from './messages';
export { htmlTable } from './htmlTable';

// the pieces a reader beside its entry builds with
export { malformed, misfit, printedFields, toRecord, typeValue } from './fields';
export { htmlPage } from './envelope';
export { readSuccessLines } from './status';
export { expectNoSuccess, readRowLines, readRowsFast } from './rows';
