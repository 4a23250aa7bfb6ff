/**
 * The declarative description of one VICIdial API function. Node properties, request
 * building, validation and answer parsing are all derived from these entries, so adding
 * a function means adding one entry.
 */

import type { AnswerReader } from './answer/reader';
import type { ParsedAnswer, ParsedRecord } from './answer/fields';

export type ApiName = 'nonAgent' | 'agent';

/** How a parameter is shown, checked and encoded. */
export type ParamKind =
	| 'text' // free text, optional length limits and pattern
	| 'digits' // a phone number: spaces, dashes, dots and brackets people type are removed, then only 0-9; kept as a string so leading zeros survive
	| 'id' // a numeric ID (lead, list, session...): only 0-9 after trimming, nothing removed (`1-2` is refused, never read as 12)
	| 'integer'
	| 'decimal'
	| 'flag' // a boolean in the UI, sent as flagValues (default Y/N)
	| 'choice' // one of `choices`
	| 'choices' // several of `choices`, joined with `separator`
	| 'date' // YYYY-MM-DD
	| 'datetime'; // YYYY-MM-DD HH:MM:SS

export interface Choice {
	name: string;
	value: string;
	description?: string;
}

export interface ParamSpec {
	/** VICIdial's own parameter name, sent as-is. */
	name: string;
	displayName: string;
	kind: ParamKind;
	description?: string;
	required?: boolean;
	/** Default shown in the editor; never sent unless the user keeps a required field's default. */
	default?: string | number | boolean;
	placeholder?: string;
	minLength?: number;
	maxLength?: number;
	min?: number;
	max?: number;
	/** Extra format rule, checked after the kind's own rule (ID-like rules: nodes/shared/patterns.ts). */
	pattern?: import('./patterns').Pattern;
	choices?: Choice[];
	/**
	 * What a flag sends for true and false. A false value of '' means "not sent at all"
	 * (for VICIdial switches that act on the parameter's mere presence).
	 */
	flagValues?: [string, string];
	/** Joins `choices` values, and separates several values given in one `digits`/`text` field. */
	separator?: string;
	/** Text sent before and after the encoded value, e.g. [' ', ' -'] for VICIdial's ` A B -` lists. */
	wrap?: [string, string];
	/** Main fields are shown directly; the others go under "Additional Fields". */
	main?: boolean;
	/**
	 * `dialing`: a dialer control (hopper, callback, DNC and duplicate checks, time zone method), shown
	 * under "Dialing Options" apart from the lead's own data, which then goes under "Lead Fields".
	 */
	group?: 'dialing';
	/**
	 * Offer the server's values as a dropdown (an expression still works). The value is still
	 * checked by `kind`. See nodes/shared/loaders/index.ts for what each loader lists.
	 */
	load?: LoaderName;
	/**
	 * A password the user gives for a record (a new agent's or a phone's): VICIdial may echo it,
	 * so its value is redacted from error messages and raw answers like the API password.
	 */
	secret?: boolean;
	/**
	 * What VICIdial does to this field's characters before it stores them (its input filter and
	 * its database column). Fields with a rule follow the node's "Characters VICIdial Would
	 * Change" option: refuse, transliterate, or send as is and report what will be stored.
	 */
	stored?: StoredRule;
	/** A colour: the editor offers n8n's colour picker; its `#rrggbb` is sent as VICIdial wants it (hex digits in capitals, no #). */
	color?: boolean;
	/** Text that may hold a YYYY-MM-DD date (callback_datetime besides NOW or 3DAYS): the date must exist. */
	calendar?: boolean;
}

/**
 * One field's storage rule, as data read from VICIdial's input filters (server default
 * use_non_latin=0) and its lead tables (utf8mb3 columns, no strict SQL mode). See
 * nodes/shared/characters.ts for how it is applied.
 */
export interface StoredRule {
	/**
	 * The characters kept, as the body of a regular-expression character class; every other
	 * character is dropped. `a-zA-Z` in it stands for "any letter" when the server's non-Latin
	 * setting is on. Absent: every character is kept except `drop`.
	 */
	keep?: string;
	/** Characters dropped, when `keep` is absent. */
	drop?: string;
	/** A `+` is stored as a space. */
	plusToSpace?: boolean;
	/**
	 * Characters never sent, whatever the option: VICIdial puts the value into its SQL without
	 * escaping, so they change other characters or break the statement (a backslash; a `"`
	 * where the filter keeps it).
	 */
	unsafe?: string;
	/** A line break that survives the filter is stored as the two characters `!N` (update_lead, batch_update_lead). */
	lineBreak?: string;
	/**
	 * The column keeps only characters of up to 3 UTF-8 bytes: each byte of an emoji or other
	 * character outside the Basic Multilingual Plane is stored as `?`.
	 */
	bmpOnly?: boolean;
	/** When nothing is left after the filter, the field is left as it was instead of emptied (update_lead, batch_update_lead). */
	emptyIgnored?: boolean;
	/** Nothing left after the filter is refused even when sending as is: the operation may update (field kept) or add (field empty). */
	emptyRefused?: boolean;
	/** A number: what is left after the filter is stored clamped to this range (rank: 0 to 32767). */
	clamp?: [number, number];
}

/** The storage rules VICIdial's lead fields share (non_agent_api.php and api.php; see each field). */
export const STORED = {
	/** vendor_lead_code, source_id, comments (Non-Agent API) */
	free: { drop: ';#"', plusToSpace: true, unsafe: '\\', bmpOnly: true },
	/** the same fields in the Agent API, which keeps `"` but then breaks its SQL on it */
	agentFree: { drop: ';#', plusToSpace: true, unsafe: '"\\', bmpOnly: true },
	/** first_name, last_name, alt_phone */
	name: { keep: "- '+_.0-9a-zA-Z", plusToSpace: true },
	/** title */
	title: { keep: "- '_.0-9a-zA-Z" },
	/** address1..3, city, security_phrase, owner */
	address: { keep: "- '+.:/@_0-9a-zA-Z", plusToSpace: true },
	/** province */
	province: { keep: "- '+._0-9a-zA-Z", plusToSpace: true },
	/** postal_code (the Agent API filters it twice: see agentPostalCode) */
	postalCode: { keep: "- '+0-9a-zA-Z", plusToSpace: true },
	agentPostalCode: { keep: '- +0-9a-zA-Z', plusToSpace: true },
	/** state */
	state: { keep: '- 0-9a-zA-Z' },
	/** email */
	email: { keep: "- '+.:/@%_0-9a-zA-Z", plusToSpace: true },
	/** multi_alt_phones */
	multiAltPhones: { keep: '- +!:_0-9a-zA-Z', plusToSpace: true },
	/** callback_comments: `+` is kept here */
	callbackComments: { keep: '- +.:/@_0-9a-zA-Z' },
	/** codes and IDs: middle_initial, country_code, campaign_id, callback_status, callback_user, user_field, status */
	code: { keep: '-_0-9a-zA-Z' },
	/** the Agent API's middle_initial */
	agentMiddleInitial: { keep: '0-9a-zA-Z' },
	/** the Agent API's country_code: capitals only, with or without the non-Latin setting */
	capitals: { keep: 'A-Z' },
	/** rank: digits only (a minus sign is dropped), a SMALLINT column */
	rank: { keep: '0-9', clamp: [0, 32767] },
	/** custom fields: `;` and `"` dropped, `+` a space; a backslash is read as an SQL escape */
	custom: { drop: ';"', plusToSpace: true, unsafe: '\\', bmpOnly: true },
} satisfies Record<string, StoredRule>;

/**
 * Dropdowns loaded from the server through an API function that lists them (`lists` is the List
 * ID locator's search). VICIdial 2.14's Non-Agent API has no function that lists statuses, users
 * or user groups, so those fields stay typed and validated, with no `load`.
 */
export type LoaderName = 'campaigns' | 'lists' | 'inGroups' | 'agents' | 'customFields';

/** The loaders the nodes have (nodes/shared/loaders/index.ts): a parameter loaded by one of them is a dropdown. */
export const DROPDOWN_LOADERS = [
	'campaigns',
	'inGroups',
	'agents',
] as const satisfies readonly LoaderName[];
export type DropdownLoader = (typeof DROPDOWN_LOADERS)[number];

export function isDropdown(param: Pick<ParamSpec, 'load'>): boolean {
	return param.load !== undefined && (DROPDOWN_LOADERS as readonly string[]).includes(param.load);
}

/**
 * A List ID parameter: the editor shows it as a resource locator ("From List" where VICIdial
 * can list lists, "By ID" always), whose value is read back as the plain ID.
 */
export function isListLocator(param: Pick<ParamSpec, 'load'>): boolean {
	return param.load === 'lists';
}

/** The ID inside a resource locator value ({ __rl, mode, value }); any other value as it is. */
export function locatorValue(value: unknown): unknown {
	if (
		value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		'value' in value &&
		'mode' in value
	)
		return (value as { value: unknown }).value;
	return value;
}

/** Whether a dropdown takes several values. */
export function isMultiple(param: Pick<ParamSpec, 'kind' | 'separator'>): boolean {
	return param.kind === 'choices' || param.separator !== undefined;
}

/**
 * n8n's name for a dropdown filled from the server, which also takes an ID typed or from an
 * expression: "Campaign ID" becomes "Campaign Name or ID", "In-Groups" "In-Group Names or IDs".
 */
export function dropdownName(displayName: string, multiple: boolean): string {
	const base = displayName.replace(/ IDs?$/, '');
	return multiple ? `${base.replace(/s$/, '')} Names or IDs` : `${base} Name or ID`;
}

export interface FunctionEntry {
	/** VICIdial function name, sent as `function`. */
	fn: string;
	api: ApiName;
	/** n8n resource value, e.g. `lead`. */
	resource: string;
	/** n8n operation value, e.g. `add`. */
	operation: string;
	/** Operation name in plain words, e.g. "Add". */
	name: string;
	/** Sentence-case action shown in the node's action list, e.g. "Add a lead". */
	action: string;
	description: string;
	/** Writes are never repeated automatically. */
	writes: boolean;
	/** Needs no login (version). */
	anonymous?: boolean;
	params: ParamSpec[];
	/** Sent with every call, e.g. a fixed output format the parser expects. */
	fixed?: Record<string, string>;
	/** How the answer is read: a reader of nodes/shared/answer/ (`rows(...)`, `status(...)`) or one beside the entry. */
	answer: AnswerReader;
	/**
	 * VICIdial's "nothing found" error for a search: may become an empty result. An error
	 * line it matches counts as "no records" even when its wording is not a usual one.
	 */
	noRecords?: RegExp;
	/**
	 * An Agent API command that only flags the agent's screen: the screen carries it out on its
	 * next refresh (about once a second), if the agent is still in a state that allows it. The
	 * output then says `queued: true` instead of pretending the action already happened.
	 */
	queued?: boolean;
	/** Hint for an empty HTTP 500 answer, when the function's own SQL fails for a known reason (a missing custom fields table, say). */
	serverErrorHint?: string;
	/**
	 * Rules between parameters, checked before sending: when every `if` parameter has one of
	 * its values ('' = not sent), at least one of `need` must be given.
	 */
	requires?: RequireRule[];
	/** Accepts custom lead fields by name (custom_fields=Y). */
	customFields?: boolean;
	/**
	 * An operation made of several calls (Lead Upsert, Recording Download). Its params still
	 * give the editor fields and the validation; `run` replaces the single call and parse.
	 * `fn` then names the main function and `answer` describes its answer.
	 */
	run?: (runtime: OperationRuntime, values: ItemValues) => Promise<OperationResult[]>;
	/**
	 * The calls `run` may make, by name: each step's form is built and checked by its entry's own
	 * buildForm with the item's, before any request of the run (`values.steps` hands them to `run`).
	 */
	steps?: Record<string, Step>;
	/** Rules of a composite operation between its fields and options, checked with the item's form before any request (throws InvalidInputError or a VicidialError). */
	check?: (item: StepInput) => void;
	/** Extra entries of the Options collection that only a composite operation reads (e.g. the binary property name). */
	runOptions?: import('n8n-workflow').INodeProperties[];
	/**
	 * Turns the answer's records into other items when the item's Options ask for it (a search's
	 * lead IDs into full lead records, with "Return Full Lead Records"): `option` names the boolean
	 * of `runOptions` that switches it on.
	 */
	expand?: {
		option: string;
		run: (
			runtime: OperationRuntime,
			records: ParsedRecord[],
			values: ItemValues,
		) => Promise<OperationResult[]>;
	};
	/**
	 * For a write whose answer did not prove the outcome (`outcome: "unknown"`): looks the record
	 * up, never re-sending, and says whether the write took effect. `sentAt` is the client's
	 * clock (ms) when the request was sent. Throws when the lookup itself cannot tell. Entries with
	 * it get the "Check Unknown Writes" option.
	 */
	verifyWrite?: (
		runtime: OperationRuntime,
		values: ItemValues,
		context: { sentAt: number },
	) => Promise<WriteCheck>;
	/**
	 * VICIdial returns at most `limit` rows (or, with `perRecord`, at most that many values in
	 * that field of each row; `param` overrides the limit when sent): a full answer may be cut.
	 */
	cap?: { limit: number; param?: string; perRecord?: string; hint: string };
}

/** What a write check found out (see FunctionEntry.verifyWrite). */
export type WriteCheck =
	| { outcome: 'applied'; json: Record<string, unknown> }
	| { outcome: 'not_applied' };

/** See FunctionEntry.requires. */
export interface RequireRule {
	if?: Record<string, string[]>;
	need: string[];
}

/** One item's values, validated and encoded: the VICIdial form (without credentials). */
export interface ItemValues {
	form: Record<string, string>;
	itemIndex: number;
	/** The item's Options collection, as the user set it (the `runOptions` among them). */
	options: Record<string, unknown>;
	/** The forms of the entry's `steps` this item makes, built and checked with the item's form. */
	steps?: Record<string, Record<string, string>>;
}

/** The form of one of the entry's steps, built with the item's before the run. */
export function stepForm(values: ItemValues, name: string): Record<string, string> {
	const form = values.steps?.[name];
	if (!form) throw new Error(`The step "${name}" was not prepared for this item`);
	return form;
}

/** What a step's values are made from: the item as the user gave it and as it was encoded. */
export interface StepInput {
	/** The item's values by VICIdial name, before encoding (what buildForm takes). */
	values: Record<string, unknown>;
	/** The item's form, encoded and checked. */
	form: Record<string, string>;
	options: Record<string, unknown>;
}

/** One call of a composite operation (see FunctionEntry.steps). */
export interface Step {
	entry: FunctionEntry;
	/**
	 * The values of the call (VICIdial names) for buildForm of `entry`, or undefined when this item
	 * does not make it. May throw InvalidInputError (or a VicidialError) for a rule of the operation.
	 */
	values(item: StepInput): Record<string, unknown> | undefined;
	/** The item's custom fields go with this call too. */
	customFields?: boolean;
}

/** What a composite operation may do. Every call goes through the one transport and parser. */
export interface OperationRuntime {
	/** Calls an entry with a ready form (VICIdial names); throws VicidialError like a plain operation. */
	call(
		entry: FunctionEntry,
		form: Record<string, string>,
		options?: { emptyOnNoRecords?: boolean },
	): Promise<ParsedAnswer>;
	/** Calls an entry and gives its items as its own operation would (message and notices kept). */
	items(entry: FunctionEntry, form: Record<string, string>): Promise<OperationResult[]>;
	/** Downloads a file (a recording) through n8n's request helpers; never sends the API password. */
	download(
		url: string,
		options?: { maxBytes?: number },
	): Promise<{ body: Buffer; contentType?: string; fileName: string }>;
	/** Stores a downloaded file as n8n binary data. */
	binary(
		body: Buffer,
		fileName: string,
		mimeType?: string,
	): Promise<import('n8n-workflow').IBinaryData>;
	/** Server UTC offset in hours, when known (for ISO companions). */
	utcOffsetHours(): Promise<number | undefined>;
}

export interface OperationResult {
	json: Record<string, unknown>;
	binary?: Record<string, import('n8n-workflow').IBinaryData>;
}

export interface ResourceSpec {
	value: string;
	name: string;
	description?: string;
}

// ---- small builders so entries read like the API documentation they replace ----
// A parameter builder is named after its ParamKind: text, digits, id, integer, decimal, flag, choice, choices, date, datetime.

type ParamOptions = Partial<Omit<ParamSpec, 'name' | 'displayName' | 'kind'>>;

function param(kind: ParamKind) {
	return (name: string, displayName: string, options: ParamOptions = {}): ParamSpec => ({
		name,
		// a dropdown is named as n8n names them, in the editor and in error messages alike
		displayName: isDropdown(options)
			? dropdownName(displayName, isMultiple({ kind, separator: options.separator }))
			: displayName,
		kind,
		...options,
	});
}

export const text = param('text');
export const digits = param('digits');
/** A numeric ID: digits only after trimming; nothing is cleaned away. */
export const id = param('id');
export const integer = param('integer');
export const decimal = param('decimal');
export const flag = param('flag');
export const choice = param('choice');
export const choices = param('choices');
export const date = param('date');
export const datetime = param('datetime');

/** Marks dialer controls (see ParamSpec.group). */
export function dialing(params: ParamSpec[]): ParamSpec[] {
	return params.map((p) => ({ ...p, group: 'dialing' }));
}

/** Turns `phone_number` into `phoneNumber`, the n8n parameter name. */
export function camelName(vicidialName: string): string {
	return vicidialName.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
