/**
 * The HTML picker page some list functions print (ingroup_list, vm_list...): one record per
 * `<tr bgcolor=...>` row; the numbering cell is skipped, a cell's value is the ID its link picks,
 * else its text, else (a colour swatch) its bgcolor.
 */
import type { AnswerReader } from './reader';
import { type FieldSpec, type ParsedRecord, malformed, toRecord } from './fields';

const HTML_ENTITIES: Record<string, string> = {
	'&nbsp;': ' ',
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
};

/** The value of one `<td>` of a picker page: the picked ID, the text, or a swatch's colour. */
function cellValue(attributes: string, inner: string): string {
	const picked = /choose_file\('([^']*)',/.exec(inner);
	if (picked) return picked[1];
	const textValue = inner
		.replace(/<[^>]*>/g, '')
		.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity])
		.trim();
	if (textValue !== '') return textValue;
	return /bgcolor="([^"]*)"/i.exec(attributes)?.[1] ?? '';
}

/** A row that starts with `label` adds its text to the previous record's `field` (moh_list's files). */
export interface Continuation {
	label: string;
	field: string;
}

function readTable(
	text: string,
	columns: FieldSpec[],
	continuation: Continuation | undefined,
): ParsedRecord[] {
	const records: ParsedRecord[] = [];
	const rows = text.match(/<tr bgcolor=[^>]*>[\s\S]*?<\/tr>/gi) ?? [];
	for (const row of rows) {
		const cells = [...row.matchAll(/<td([^>]*)>([\s\S]*?)(?=<td|<\/tr>)/gi)].map((m) => ({
			attributes: m[1],
			inner: m[2].replace(/<\/td>\s*$/i, ''),
		}));
		if (continuation) {
			const whole = cells.map((c) => c.inner.replace(/<[^>]*>/g, '')).join(' ');
			const at = whole.indexOf(`${continuation.label}:`);
			if (at >= 0 && !/^\d+$/.test(cellValue(cells[0]?.attributes ?? '', cells[0]?.inner ?? ''))) {
				const previous = records[records.length - 1];
				if (!previous)
					throw malformed(`The list page has a "${continuation.label}" row before any record.`);
				previous[continuation.field] = whole
					.slice(at + continuation.label.length + 1)
					.split('&nbsp;')
					.map((part) => part.trim())
					.filter((part) => part !== '')
					.join(' ');
				continue;
			}
		}
		const values = cells.slice(1).map((c) => cellValue(c.attributes, c.inner));
		const record = toRecord(
			values,
			columns,
			{ fn: '', sent: {} },
			`table row ${records.length + 1}`,
		);
		if (continuation) record[continuation.field] = '';
		records.push(record);
	}
	return records;
}

/** `answer: htmlTable([field.text('group_id'), field.text('group_name')])` */
export function htmlTable(
	columns: FieldSpec[],
	options: { continuation?: Continuation } = {},
): AnswerReader {
	return {
		shape: 'htmlTable',
		fields: columns,
		body: (text) =>
			/id='selectframe'/.test(text) && !/^(ERROR|SUCCESS):/.test(text)
				? {
						outcome: 'success',
						message: '',
						records: readTable(text, columns, options.continuation),
						notices: [],
						otherLines: [],
					}
				: undefined,
		read: (_lines, context) => {
			throw malformed(`The answer to ${context.fn} is not the list page VICIdial prints for it.`);
		},
	};
}
