/**
 * Applies a field's StoredRule (nodes/shared/entry.ts): which characters VICIdial would drop or
 * change, what it would store, and a small transliteration to plain Latin letters. Pure
 * functions on strings, no knowledge of any VICIdial function.
 */
import type { StoredRule } from './entry';

/** What the node does with characters VICIdial would drop or change (the "Characters VICIdial Would Change" option). */
export type CharacterPolicy = 'refuse' | 'transliterate' | 'asIs';

export const CHARACTER_POLICIES: readonly CharacterPolicy[] = ['refuse', 'transliterate', 'asIs'];

/** A value sent as is that VICIdial will store differently (output field `changed_by_vicidial`). */
export interface StoredChangeWarning {
	/** VICIdial's field name (or a custom field's label). */
	field: string;
	sent: string;
	/** What VICIdial is expected to store. */
	stored: string;
	/** The value as the user gave it, when the node transliterated it before sending (`Müller` sent as `Muller`). */
	given?: string;
	/** Nothing is left after VICIdial's filter and it then leaves the field as it was (update_lead, batch_update_lead). */
	leftUnchanged?: boolean;
}

const classCache = new Map<string, RegExp>();

/** The rule's kept characters as one regex testing a single character. */
function keptClass(rule: StoredRule, nonLatin: boolean): RegExp | undefined {
	if (rule.keep === undefined) return undefined;
	const key = `${nonLatin ? 'u' : 'l'}${rule.keep}`;
	let regex = classCache.get(key);
	if (!regex) {
		// In the rule a `-` first, or between other signs, is a literal; escape what a class would read otherwise.
		const body = rule.keep.replace(/^-/, '\\-').replace(/([\]/^])/g, '\\$1');
		regex = new RegExp(`^[${nonLatin ? body.replace('a-zA-Z', '\\p{L}') : body}]$`, 'u');
		classCache.set(key, regex);
	}
	return regex;
}

/** Whether VICIdial keeps this one character as it is. */
export function keepsChar(rule: StoredRule, char: string, nonLatin = false): boolean {
	if (rule.unsafe?.includes(char)) return false;
	if (rule.plusToSpace && char === '+') return false;
	if (rule.lineBreak !== undefined && char === '\n') return false;
	if (rule.bmpOnly && char.codePointAt(0)! > 0xffff) return false;
	const kept = keptClass(rule, nonLatin);
	if (kept) return kept.test(char);
	return !(rule.drop ?? '').includes(char);
}

/** What VICIdial stores for `value` under this rule (the characters it drops removed, `+` a space...). */
export function storedValue(rule: StoredRule, value: string, nonLatin = false): string {
	let out = '';
	for (const char of value) {
		if (
			char === '+' &&
			rule.plusToSpace &&
			(rule.keep === undefined || keptClass(rule, nonLatin)!.test('+'))
		)
			out += ' ';
		else if (
			char === '\n' &&
			rule.lineBreak !== undefined &&
			keepsCharIgnoringLineBreak(rule, char, nonLatin)
		)
			out += rule.lineBreak;
		else if (rule.bmpOnly && char.codePointAt(0)! > 0xffff)
			out += '?'.repeat(Buffer.byteLength(char, 'utf8'));
		else if (keepsChar(rule, char, nonLatin)) out += char;
	}
	if (rule.clamp) {
		if (out === '') return String(Math.max(rule.clamp[0], 0));
		return String(Math.min(rule.clamp[1], Math.max(rule.clamp[0], Number(out))));
	}
	return out;
}

function keepsCharIgnoringLineBreak(rule: StoredRule, char: string, nonLatin: boolean): boolean {
	return keepsChar({ ...rule, lineBreak: undefined }, char, nonLatin);
}

/** The characters of `value` VICIdial would drop or change, each once, in order. */
export function changedChars(rule: StoredRule, value: string, nonLatin = false): string[] {
	const found: string[] = [];
	for (const char of value)
		if (!keepsChar(rule, char, nonLatin) && !found.includes(char)) found.push(char);
	return found;
}

/** The characters VICIdial cannot be sent at all under this rule, each once. */
export function unsafeChars(rule: StoredRule, value: string): string[] {
	const found: string[] = [];
	for (const char of value)
		if (rule.unsafe?.includes(char) && !found.includes(char)) found.push(char);
	return found;
}

/** Letters NFD does not split into a base letter and marks. */
const LATIN_MAP: Record<string, string> = {
	ß: 'ss',
	ẞ: 'SS',
	Ø: 'O',
	ø: 'o',
	Æ: 'AE',
	æ: 'ae',
	Œ: 'OE',
	œ: 'oe',
	Ð: 'D',
	ð: 'd',
	Þ: 'Th',
	þ: 'th',
	Ł: 'L',
	ł: 'l',
	Đ: 'D',
	đ: 'd',
	Ħ: 'H',
	ħ: 'h',
	ı: 'i',
	Ŀ: 'L',
	ŀ: 'l',
	Ŋ: 'N',
	ŋ: 'n',
	ĸ: 'k',
	ſ: 's',
	Ŧ: 'T',
	ŧ: 't',
	'\u2018': "'",
	'\u2019': "'",
	'\u201A': "'",
	'\u2032': "'",
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u00A0': ' ',
	'\u2007': ' ',
	'\u202F': ' ',
};

/** One character as plain Latin (`ü` → `u`, `ß` → `ss`), or undefined when there is no such spelling. */
function transliterateChar(char: string): string | undefined {
	if (LATIN_MAP[char] !== undefined) return LATIN_MAP[char];
	const base = char.normalize('NFD').replace(/\p{M}+/gu, '');
	if (base !== char && base !== '') return [...base].map((c) => LATIN_MAP[c] ?? c).join('');
	return undefined;
}

/**
 * Replaces each character VICIdial would change by its plain Latin spelling when VICIdial keeps
 * that spelling (`Müller` → `Muller`, `Ødegård` → `Odegard`); others are left for the caller to refuse.
 */
export function transliterate(rule: StoredRule, value: string, nonLatin = false): string {
	let out = '';
	for (const char of value) {
		if (keepsChar(rule, char, nonLatin)) {
			out += char;
			continue;
		}
		const latin = transliterateChar(char);
		out +=
			latin !== undefined && [...latin].every((c) => keepsChar(rule, c, nonLatin)) ? latin : char;
	}
	return out;
}

/** Characters shown in a message: quoted, with invisible ones named. */
export function showChars(chars: string[]): string {
	const names: Record<string, string> = {
		'\n': 'line break',
		'\r': 'carriage return',
		'\t': 'tab',
		' ': 'space',
		'\u00A0': 'no-break space',
	};
	return chars
		.slice(0, 10)
		.map(
			(c) =>
				names[c] ??
				(/\p{C}/u.test(c)
					? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
					: `"${c}"`),
		)
		.join(', ')
		.concat(chars.length > 10 ? ` and ${chars.length - 10} more` : '');
}
