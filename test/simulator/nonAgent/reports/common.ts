/** What the report functions share: their permission check, their output delimiter, LIKE prefixes. */
import { ciKey } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';

/** Source, allowed function, then `vdc_agent_api_access, view_reports, level > 6, active` with the function's own refusal text. */
export function mayReport(c: NaContext, refusal: string): boolean {
	if (!checkSource(c) || !checkAllowedFunction(c)) return false;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.view_reports === '1' && level(r) > 6 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(`ERROR: ${c.fn} ${refusal}: |${c.user}|${allowed}|\n`);
		return false;
	}
	return true;
}

/** The call-stats functions: no source check, level 9 and view_reports, one refusal text for both. */
export function mayViewStats(c: NaContext): boolean {
	if (!checkAllowedFunction(c)) return false;
	const allowed = countUser(c, (r) => r.view_reports === '1' && level(r) > 8 && r.active === 'Y');
	if (allowed < 1) {
		c.say(
			`ERROR: call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS: |${c.user}|${allowed}|\n`,
		);
		return false;
	}
	return true;
}

/** stage=csv/tab/pipe, anything else a pipe. */
export function delimiter(stage: string): string {
	return stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
}

/** `column LIKE "prefix%"` under a case-insensitive collation; `_` in the prefix matches any one character. */
export function likePrefix(value: string | null, prefix: string): boolean {
	if (value === null) return false;
	const pattern = prefix
		.split('')
		.map((ch) => (ch === '_' ? '.' : ch === '%' ? '.*' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${pattern}`, 'is').test(value);
}

/** A datetime column compared with a literal, as MariaDB compares these well-formed strings. */
export function within(value: string | null, from: string, to: string): boolean {
	return value !== null && value >= from && value <= to;
}

/** PHP strnatcasecmp: digit runs compare as numbers, letters without case. */
export function natCaseCmp(a: string, b: string): number {
	const chunks = (text: string) => text.toLowerCase().match(/\d+|\D+/g) ?? [];
	const left = chunks(a);
	const right = chunks(b);
	for (let i = 0; i < Math.min(left.length, right.length); i++) {
		const x = left[i];
		const y = right[i];
		if (x === y) continue;
		if (/^\d/.test(x) && /^\d/.test(y) && Number(x) !== Number(y)) return Number(x) - Number(y);
		return x < y ? -1 : 1;
	}
	return left.length - right.length;
}

/** ORDER BY under the case-insensitive collation, stable for equal keys. */
export function orderBy<T>(rows: T[], ...keys: Array<(row: T) => string>): T[] {
	return rows
		.map((row, i) => ({ row, i }))
		.sort((a, b) => {
			for (const key of keys) {
				const x = ciKey(key(a.row));
				const y = ciKey(key(b.row));
				if (x !== y) return x < y ? -1 : 1;
			}
			return a.i - b.i;
		})
		.map(({ row }) => row);
}
