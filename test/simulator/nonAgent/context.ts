/** What every Non-Agent API function handler gets, and the checks most of them start with. */
import type { Row, Table } from '../db';
import { type ApiRequest, mayCall } from '../context';

export interface NaContext extends ApiRequest {
	ip: string;
	apiListRestrict: number;
	/** ' 101 102 ' when api_list_restrict applies to this function, else ' ' */
	allowedLists: string;
	/** archived_lead=Y switches lead reads to vicidial_list_archive */
	leadTable: Table;
	/** global pre-processing of the script */
	hopperPriority: string;
	addToHopper: string;
	usArea: string;
	usPrefix: string;
	/** server time zone values the script computes at start */
	dbServerGmt: string;
	serverGmt: string;
	/**
	 * The script's api_log() call. Its INSERT embeds $value, which in this script is only ever
	 * the last POST field's raw value (left over from a foreach): a stray quote or trailing
	 * backslash there makes the INSERT fail, so the answer stops and becomes an HTTP 500.
	 */
	log: () => void;
	/** echo a line, then api_log(), the pattern of nearly every answer line */
	say: (line: string) => void;
}

/** A handler prints its answer; it never needs to return anything (every path ends in exit). */
export type NaHandler = (c: NaContext) => void;

/** `if(strlen($source)<2)`: two lines, the second repeating the source between pipes. */
export function checkSource(c: NaContext): boolean {
	if (c.source.length >= 2) return true;
	c.say(`ERROR: Invalid Source - ${c.source}\n`);
	c.out.echo(`ERROR: Invalid Source: |${c.source}|\n`);
	return false;
}

/** The user's api_allowed_functions must list the function or ALL_FUNCTIONS. */
export function checkAllowedFunction(c: NaContext): boolean {
	if (mayCall(c)) return true;
	c.say(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |${c.user}|${c.fn}|\n`);
	return false;
}

/** `SELECT count(*) from vicidial_users where user='$user' and <cond>` */
export function countUser(c: NaContext, cond: (r: Row) => boolean): number {
	const r = c.state.user(c.user);
	return r && cond(r) ? 1 : 0;
}

export const level = (r: Row): number => Number(r.user_level ?? 0);
