/**
 * Reads the values a user gave for one function and turns them into VICIdial's form
 * fields, refusing bad values before anything is sent: VICIdial often accepts them
 * silently (a list id with letters becomes list 999).
 */
import type { FunctionEntry, ParamSpec, RequireRule, StoredRule } from './entry';
import { STORED } from './entry';
import type { CharacterPolicy, StoredChangeWarning } from './characters';
import {
	CHARACTER_POLICIES,
	changedChars,
	showChars,
	storedValue,
	transliterate,
	unsafeChars,
} from './characters';

export type { CharacterPolicy, StoredChangeWarning } from './characters';

/** How buildForm treats values VICIdial would store differently (see ParamSpec.stored). */
export interface BuildFormOptions {
	/** Characters VICIdial would drop or change: refuse the value (default), transliterate it, or send it as is. */
	characters?: CharacterPolicy;
	/** The server's non-Latin setting is on: letters of every script are kept (default: VICIdial's default, off). */
	nonLatin?: boolean;
	/** With `asIs`: one entry is pushed here for each value VICIdial will store differently. */
	warnings?: StoredChangeWarning[];
	/** The workflow's IANA time zone: a JavaScript Date (no offset of its own) is read in it (default UTC). */
	timezone?: string;
}

interface EncodeContext {
	characters: CharacterPolicy;
	nonLatin: boolean;
	warnings?: StoredChangeWarning[];
	timezone?: string;
}

const DEFAULT_CONTEXT: EncodeContext = { characters: 'refuse', nonLatin: false };

/**
 * The value of a field with a storage rule, after the character option: refused when VICIdial
 * would change it (default), transliterated, or kept with a warning saying what will be stored.
 */
function applyStored(
	rule: StoredRule,
	field: string,
	displayName: string,
	text: string,
	context: EncodeContext,
): string {
	const unsafe = unsafeChars(rule, text);
	if (unsafe.length > 0)
		throw new InvalidInputError(
			displayName,
			`contains characters that are never sent to VICIdial here (it would store them differently or fail on them): ${showChars(unsafe)}`,
		);
	const sent =
		context.characters === 'transliterate' ? transliterate(rule, text, context.nonLatin) : text;
	const changed = changedChars(rule, sent, context.nonLatin);
	if (changed.length === 0) {
		// Transliterated: the output says so, so that it tells what is stored.
		if (sent !== text) context.warnings?.push({ field, sent, stored: sent, given: text });
		return sent;
	}
	if (context.characters === 'asIs') {
		const stored = storedValue(rule, sent, context.nonLatin);
		if (stored === '' && rule.emptyRefused)
			throw new InvalidInputError(
				displayName,
				`would be stored as nothing (VICIdial drops all of it: ${showChars(changed)}), which updates and adds treat differently`,
			);
		context.warnings?.push({
			field,
			sent,
			stored,
			...(stored === '' && rule.emptyIgnored ? { leftUnchanged: true } : {}),
		});
		return sent;
	}
	const also =
		context.characters === 'transliterate' ? ' (no plain Latin spelling VICIdial keeps)' : '';
	throw new InvalidInputError(
		displayName,
		`contains characters VICIdial would drop or change${also}: ${showChars(changed)}`,
	);
}

/** A value the user gave is not acceptable. `field` is the display name. */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`"${field}" ${problem}`);
		this.name = 'InvalidInputError';
	}
}

// A date, or an ISO date-time as n8n's picker and $now give it (the wall-clock part is used).
const TIME_TAIL = '(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)';
const DATE = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME_TAIL}?$`);
const DATETIME = new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME_TAIL}$`);

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0)
	);
}

function describe(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function validDate(year: string, month: string, dayOfMonth: string): boolean {
	const y = Number(year);
	const m = Number(month);
	const d = Number(dayOfMonth);
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date or date-time value as text, the calendar date and clock time as the user wrote them:
 * - text (n8n's date picker, an ISO string with an offset): as written, the offset is not applied;
 * - a Luxon DateTime (n8n hands an expression's DateTime over as its ISO text): in its own zone;
 * - a JavaScript Date, which carries no offset: in the workflow's time zone (`timezone`, n8n's
 *   workflow setting, the zone $now uses), so `new Date()` is today where the workflow runs.
 */
function dateText(value: unknown, timezone: string | undefined): string {
	if (Object.prototype.toString.call(value) === '[object Date]') {
		const date = value as Date;
		if (Number.isNaN(date.getTime())) return 'Invalid Date';
		return wallClock(date, timezone ?? 'UTC');
	}
	const luxon = value as { isLuxonDateTime?: boolean; toISO?: () => string | null };
	if (
		luxon &&
		typeof luxon === 'object' &&
		luxon.isLuxonDateTime &&
		typeof luxon.toISO === 'function'
	)
		return luxon.toISO() ?? 'Invalid DateTime';
	return String(value).trim();
}

/** `YYYY-MM-DDTHH:MM:SS` of an instant in an IANA time zone. */
function wallClock(date: Date, timezone: string): string {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone: timezone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(date);
	} catch {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone: 'UTC',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(date);
	}
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Accepts what n8n's date picker, an expression or a person types; returns VICIdial's form. */
function toDate(param: ParamSpec, value: unknown, timezone?: string): string {
	const text = dateText(value, timezone);
	const match = DATE.exec(text);
	if (!match || !validDate(match[1], match[2], match[3]))
		throw new InvalidInputError(
			param.displayName,
			`must be a date as YYYY-MM-DD, got "${describe(value)}"`,
		);
	return `${match[1]}-${match[2]}-${match[3]}`;
}

function toDateTime(param: ParamSpec, value: unknown, timezone?: string): string {
	const text = dateText(value, timezone);
	const match = DATETIME.exec(text);
	const hour = match ? Number(match[4]) : 0;
	const minute = match ? Number(match[5]) : 0;
	const second = match && match[6] ? Number(match[6]) : 0;
	if (
		!match ||
		!validDate(match[1], match[2], match[3]) ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		throw new InvalidInputError(
			param.displayName,
			`must be a date and time as YYYY-MM-DD HH:MM:SS (VICIdial server time), got "${describe(value)}"`,
		);
	}
	return `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${match[6] ?? '00'}`;
}

function checkLength(param: ParamSpec, text: string, unit = 'characters'): void {
	const length = [...text].length;
	if (param.minLength !== undefined && length < param.minLength) {
		throw new InvalidInputError(
			param.displayName,
			`must be at least ${param.minLength} ${unit}, got ${length} ("${describe(text)}")`,
		);
	}
	if (param.maxLength !== undefined && length > param.maxLength) {
		throw new InvalidInputError(
			param.displayName,
			`must be at most ${param.maxLength} ${unit}, got ${length} ("${describe(text)}")`,
		);
	}
}

function toNumber(
	param: ParamSpec,
	value: unknown,
	integerOnly: boolean,
	context: EncodeContext = DEFAULT_CONTEXT,
): string {
	if (typeof value === 'object' || typeof value === 'boolean')
		throw new InvalidInputError(
			param.displayName,
			`must be ${integerOnly ? 'a whole number' : 'a number'}, got ${describe(value)}`,
		);
	const text = typeof value === 'number' ? String(value) : String(value).trim();
	const ok = integerOnly ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text);
	if (!ok || !Number.isFinite(Number(text))) {
		throw new InvalidInputError(
			param.displayName,
			`must be ${integerOnly ? 'a whole number' : 'a number'}, got "${describe(value)}"`,
		);
	}
	const number = Number(text);
	const stored = param.stored ? storedValue(param.stored, text, context.nonLatin) : text;
	if (param.stored && context.characters === 'asIs') {
		// Sent as given; VICIdial keeps the digits only and clamps them to its column.
		if (stored !== text) context.warnings?.push({ field: param.name, sent: text, stored });
		return text;
	}
	const would = param.stored && stored !== text ? ` (VICIdial would store ${stored})` : '';
	if (param.min !== undefined && number < param.min)
		throw new InvalidInputError(
			param.displayName,
			`must be ${param.min} or more, got ${text}${would}`,
		);
	if (param.max !== undefined && number > param.max)
		throw new InvalidInputError(
			param.displayName,
			`must be ${param.max} or less, got ${text}${would}`,
		);
	return text;
}

/** Digits only; spaces, dashes, dots and brackets people type in phone numbers are removed. */
function toDigits(param: ParamSpec, value: unknown): string {
	const parts = param.separator ? String(value).split(param.separator) : [String(value)];
	const cleaned = parts.map((part) => {
		const text = part.trim().replace(/[\s\-().]/g, '');
		if (text.startsWith('+')) {
			throw new InvalidInputError(
				param.displayName,
				`must be digits without a leading "+" (put the country code in Phone Code), got "${describe(part)}"`,
			);
		}
		if (!/^\d+$/.test(text))
			throw new InvalidInputError(
				param.displayName,
				`must contain only digits, got "${describe(part)}"`,
			);
		checkLength(param, text, 'digits');
		return text;
	});
	return cleaned.join(param.separator ?? '');
}

/** A numeric ID as VICIdial keeps it: digits only after trimming. Nothing is removed: `1-2` or `1 1` would reach another record. */
export const ID_PATTERN = /^\d+$/;

/** Whether `text` is a numeric ID of at most `maxDigits` digits (the triggers' list and lead IDs use the same rule). */
export function isId(text: string, maxDigits: number): boolean {
	return ID_PATTERN.test(text) && text.length <= maxDigits;
}

function toId(param: ParamSpec, value: unknown): string {
	if (typeof value === 'number' && !(Number.isSafeInteger(value) && value >= 0)) {
		throw new InvalidInputError(
			param.displayName,
			`must be an ID made of digits only, got ${describe(value)}`,
		);
	}
	if (typeof value === 'object' || typeof value === 'boolean')
		throw new InvalidInputError(
			param.displayName,
			`must be an ID made of digits only, got ${describe(value)}`,
		);
	const parts = param.separator ? String(value).split(param.separator) : [String(value)];
	const ids = parts.map((part) => {
		const text = part.trim();
		if (!ID_PATTERN.test(text))
			throw new InvalidInputError(
				param.displayName,
				`must be an ID made of digits only, got "${describe(part)}"`,
			);
		checkLength(param, text, 'digits');
		return text;
	});
	return ids.join(param.separator ?? '');
}

function toChoice(param: ParamSpec, value: unknown): string {
	const text = String(value);
	const allowed = (param.choices ?? []).map((c) => c.value);
	if (!allowed.includes(text)) {
		throw new InvalidInputError(
			param.displayName,
			`must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got "${describe(value)}"`,
		);
	}
	return text;
}

function toFlag(param: ParamSpec, value: unknown): string {
	const [yes, no] = param.flagValues ?? ['Y', 'N'];
	if (value === true || value === 'true' || value === yes) return yes;
	if (value === false || value === 'false' || value === no) return no;
	throw new InvalidInputError(param.displayName, `must be true or false, got "${describe(value)}"`);
}

/**
 * Converts one value, or throws InvalidInputError naming the field (never showing a secret value).
 * `options` steers fields with a storage rule (default: refuse what VICIdial would change).
 */
export function encodeParam(
	param: ParamSpec,
	value: unknown,
	options: BuildFormOptions = {},
): string {
	return param.secret ? toSecret(param, value) : encodeValue(param, value, encodeContext(options));
}

function encodeContext(options: BuildFormOptions): EncodeContext {
	const characters = options.characters ?? 'refuse';
	if (!CHARACTER_POLICIES.includes(characters)) {
		throw new InvalidInputError(
			'Characters VICIdial Would Change',
			`must be one of ${CHARACTER_POLICIES.map((p) => `"${p}"`).join(', ')}, got "${describe(characters)}"`,
		);
	}
	return {
		characters,
		nonLatin: options.nonLatin === true,
		warnings: options.warnings,
		timezone: options.timezone,
	};
}

/** A password: checked like text, but no message repeats what was given. */
function toSecret(param: ParamSpec, value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number')
		throw new InvalidInputError(param.displayName, 'must be text');
	const text = String(value);
	const length = [...text].length;
	if (param.minLength !== undefined && length < param.minLength)
		throw new InvalidInputError(
			param.displayName,
			`must be at least ${param.minLength} characters`,
		);
	if (param.maxLength !== undefined && length > param.maxLength)
		throw new InvalidInputError(param.displayName, `must be at most ${param.maxLength} characters`);
	if (param.pattern && !param.pattern.regex.test(text))
		throw new InvalidInputError(param.displayName, param.pattern.hint);
	return text;
}

/** The secret values of a built form (see ParamSpec.secret), to redact wherever VICIdial echoes them. */
export function secretValues(
	entry: Pick<FunctionEntry, 'params'>,
	form: Record<string, string>,
): string[] {
	return entry.params.filter((p) => p.secret && form[p.name]).map((p) => form[p.name]);
}

function encodeValue(param: ParamSpec, value: unknown, context: EncodeContext): string {
	// Text is never an array or object (a dropdown of several values is a field with a separator).
	if (
		param.kind === 'text' &&
		typeof value === 'object' &&
		!(Array.isArray(value) && param.separator)
	) {
		throw new InvalidInputError(
			param.displayName,
			`must be text, got ${Array.isArray(value) ? 'a list' : 'an object'}: ${describe(value)}`,
		);
	}
	// A multi-select dropdown (a loaded list) gives an array: VICIdial wants one joined value.
	if (Array.isArray(value) && param.kind !== 'choices')
		value = value.map((v) => String(v)).join(param.separator ?? ',');
	switch (param.kind) {
		case 'flag':
			return toFlag(param, value);
		case 'digits':
			return toDigits(param, value);
		case 'id':
			return toId(param, value);
		case 'integer':
			return toNumber(param, value, true, context);
		case 'decimal':
			return toNumber(param, value, false, context);
		case 'choice':
			return toChoice(param, value);
		case 'choices': {
			const list = Array.isArray(value)
				? value
				: String(value)
						.split(/[,\s]+/)
						.filter((v) => v !== '');
			return list.map((v) => toChoice(param, v)).join(param.separator ?? ',');
		}
		case 'date':
			return toDate(param, value, context.timezone);
		case 'datetime':
			return toDateTime(param, value, context.timezone);
		case 'text': {
			if (typeof value === 'object')
				throw new InvalidInputError(param.displayName, `must be text, got ${describe(value)}`);
			// n8n's colour picker gives #rrggbb
			if (
				param.color &&
				typeof value === 'string' &&
				/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value.trim())
			)
				value = value.trim().slice(1).toUpperCase();
			const text = param.stored
				? applyStored(param.stored, param.name, param.displayName, String(value), context)
				: String(value);
			checkLength(param, text);
			// VICIdial builds SQL by hand: a value ending in a backslash breaks it (HTTP 500).
			if (text.endsWith('\\'))
				throw new InvalidInputError(
					param.displayName,
					'must not end with a backslash (VICIdial cannot store it)',
				);
			if (param.pattern && !param.pattern.regex.test(text))
				throw new InvalidInputError(
					param.displayName,
					`${param.pattern.hint}, got "${describe(value)}"`,
				);
			const calendar = param.calendar ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
			if (calendar && !validDate(calendar[1], calendar[2], calendar[3])) {
				throw new InvalidInputError(
					param.displayName,
					`holds ${calendar[0]}, which is not a date of the calendar (VICIdial would store 0000-00-00)`,
				);
			}
			return text;
		}
	}
}

const CUSTOM_FIELD_LABEL = /^[A-Za-z0-9_]{1,50}$/;
/** Parameters that steer the API rather than carry lead data: never settable as a custom field. */
const CONTROL_PARAMETERS = [
	'function',
	'user',
	'pass',
	'source',
	'custom_fields',
	'format',
	'DB',
	'stage',
	'header',
	'value',
	'agent_user',
	'alt_user',
	'close_window_link',
];

/** A FunctionEntry.requires rule on the encoded form. */
function checkRule(
	entry: Pick<FunctionEntry, 'params' | 'fixed'>,
	rule: RequireRule,
	form: Record<string, string>,
): void {
	const applies = Object.entries(rule.if ?? {}).every(([name, values]) =>
		values.includes(form[name] ?? ''),
	);
	if (!applies || rule.need.some((name) => (form[name] ?? '') !== '')) return;
	const label = (name: string) => entry.params.find((p) => p.name === name)?.displayName ?? name;
	const when = Object.entries(rule.if ?? {})
		.filter(([name]) => !(name in (entry.fixed ?? {})))
		.map(([name, values]) => {
			const param = entry.params.find((p) => p.name === name);
			const shown = values.map((v) =>
				v === '' ? 'empty' : `"${param?.choices?.find((c) => c.value === v)?.name ?? v}"`,
			);
			return `"${label(name)}" is ${shown.join(' or ')}`;
		});
	const others = rule.need
		.slice(1)
		.map((name) => `or "${label(name)}" `)
		.join('');
	throw new InvalidInputError(
		label(rule.need[0]),
		`${others}is required${when.length > 0 ? ` when ${when.join(' and ')}` : ''}`,
	);
}

/**
 * Builds the form for one call from the user's values (keyed by VICIdial name).
 * Empty optional values are not sent; VICIdial then uses its own defaults.
 */
export function buildForm(
	entry: Pick<FunctionEntry, 'fn' | 'params' | 'fixed' | 'customFields' | 'requires'>,
	values: Record<string, unknown>,
	customFields: Array<{ name: string; value: unknown }> = [],
	options: BuildFormOptions = {},
): Record<string, string> {
	const context = encodeContext(options);
	const form: Record<string, string> = { function: entry.fn, ...(entry.fixed ?? {}) };
	for (const param of entry.params) {
		const value = values[param.name];
		if (isEmpty(value)) {
			if (param.required) throw new InvalidInputError(param.displayName, 'is required');
			continue;
		}
		const encoded = param.secret ? toSecret(param, value) : encodeValue(param, value, context);
		// a flag whose "false" is '' is left out: VICIdial reacts to the name alone
		if (param.kind === 'flag' && encoded === '') continue;
		form[param.name] = param.wrap ? `${param.wrap[0]}${encoded}${param.wrap[1]}` : encoded;
	}
	for (const rule of entry.requires ?? []) checkRule(entry, rule, form);
	if (customFields.length > 0) {
		if (!entry.customFields)
			throw new InvalidInputError('Custom Fields', `are not accepted by ${entry.fn}`);
		const known = new Set(
			[
				...entry.params.map((p) => p.name),
				...Object.keys(entry.fixed ?? {}),
				...CONTROL_PARAMETERS,
			].map((n) => n.toLowerCase()),
		);
		for (const { name, value } of customFields) {
			if (!CUSTOM_FIELD_LABEL.test(name)) {
				throw new InvalidInputError(
					'Custom Fields',
					`have a field name "${describe(name)}" that is not a VICIdial field label (letters, digits and _ only)`,
				);
			}
			if (known.has(name.toLowerCase()))
				throw new InvalidInputError(
					'Custom Fields',
					`use "${name}", which is a standard field or an API control parameter, not a custom field`,
				);
			if (value !== null && typeof value === 'object') {
				throw new InvalidInputError(
					`Custom Field ${name}`,
					`must be text, got ${Array.isArray(value) ? 'a list' : 'an object'}: ${describe(value)}`,
				);
			}
			form[name] =
				value === undefined || value === null
					? ''
					: applyStored(STORED.custom, name, `Custom Field ${name}`, String(value), context);
		}
		form.custom_fields = 'Y';
	}
	return form;
}
