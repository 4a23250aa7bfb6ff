/**
 * Request parameters the way the VICIdial scripts read them: each name from the query string
 * when present there, else from the POST body; then each variable goes through its own
 * character filter (the scripts' preg_replace whitelists). Unknown/missing names read as ''.
 */
import { keepOnly, type PhpParams } from './php';

export type Filter = (v: string) => string;

/** keep only these characters (a regex class body) */
export const keep =
	(cls: string): Filter =>
	(v) =>
		keepOnly(v, cls);

/** keep only these characters, then turn '+' into ' ' */
export const keepPlus =
	(cls: string): Filter =>
	(v) =>
		keepOnly(v, cls).replace(/\+/g, ' ');

/** drop ; # " (free-text lead fields), then '+' into ' ' */
export const freeText: Filter = (v) => v.replace(/[;#"]/g, '').replace(/\+/g, ' ');

export const DIGITS = keep('0-9');
export const AZ = keep('A-Z');
export const ALNUM = keep('0-9a-zA-Z');
export const WORD = keep('\\-_0-9a-zA-Z'); // [-_0-9a-zA-Z]

export interface RequestParams {
	get: PhpParams;
	post: PhpParams;
}

export class ParamReader {
	constructor(
		private readonly req: RequestParams,
		private readonly filters: Readonly<Record<string, Filter>>,
	) {}

	/**
	 * The raw value as PHP assigns it (GET wins over POST), or undefined when not sent.
	 * An array parameter (name[]=...) reads as 'Array', what PHP prints for it; PHP would
	 * fail where it takes its length, which is not modelled.
	 */
	raw(name: string): string | undefined {
		for (const source of [this.req.get, this.req.post]) {
			if (source.has(name)) return source.get(name);
			for (const k of source.keys()) if (k.startsWith(`${name}[`)) return 'Array';
		}
		return undefined;
	}

	isSet(name: string): boolean {
		return this.raw(name) !== undefined;
	}

	/** The value after the script's filter for that variable ('' when not sent). */
	get(name: string): string {
		const v = this.raw(name) ?? '';
		const f = this.filters[name];
		return f ? f(v) : v;
	}

	/**
	 * The scripts' $query_string as far as a text search in it goes: the GET fields, then the
	 * POST fields (name=value joined by &), without ' " \\ and ;. Some functions look for field
	 * names anywhere in it, values included.
	 */
	queryString(): string {
		const part = (m: PhpParams) => [...m].map(([k, v]) => `${k}=${v}`).join('&');
		const get = part(this.req.get);
		const post = part(this.req.post);
		const joined = get && post.length > 2 ? `${get}&GET-AND-POST=Y&${post}` : get || post;
		return joined.replace(/['"\\;]/g, '');
	}

	/** The value of the last POST field (the scripts' `foreach ($_POST as $key=>$value)` leaves it in $value). */
	lastPostValue(): string | undefined {
		let last: string | undefined;
		for (const [k, v] of this.req.post) last = k.includes('[') ? 'Array' : v;
		return last;
	}
}
