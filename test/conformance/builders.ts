/**
 * Builders for conformance scenarios: they only assemble plain data (the corpus itself is
 * data). Shared by corpus.ts and the per-group scenario files in scenarios/.
 */
import type { Step } from './corpus';

// ---------------------------------------------------------------------------
// Builders (they only assemble plain data; the corpus itself is data)
// ---------------------------------------------------------------------------

export type Params = Record<string, string>;

export const PASS = '1234';
/** user 6666: every right */
export const ADMIN = '6666';
/** user 6667: api_allowed_functions=' version ' */
export const VERSION_ONLY = '6667';
/** user 6668: passes the API login, no function rights */
export const NO_RIGHTS = '6668';
/** user 6699: reserved for lockout tests */
export const LOCKOUT = '6699';

/** Non-agent API request: function, then credentials, then the rest. */
export function na(
	fn: string,
	extra: Params = {},
	user = ADMIN,
	pass = PASS,
	source = 'test',
): Step {
	return { endpoint: 'nonAgent', params: { function: fn, user, pass, source, ...extra } };
}

/** Non-agent API request with exactly these parameters, in this order. */
export function naRaw(params: Params, more: Partial<Step> = {}): Step {
	return { endpoint: 'nonAgent', params, ...more };
}

/** Agent API request: function, credentials, then the rest. */
export function ag(
	fn: string,
	extra: Params = {},
	user = ADMIN,
	pass = PASS,
	source = 'test',
): Step {
	return { endpoint: 'agent', params: { function: fn, user, pass, source, ...extra } };
}

export function agRaw(params: Params, more: Partial<Step> = {}): Step {
	return { endpoint: 'agent', params, ...more };
}

export function note(step: Step, text: string): Step {
	return { ...step, note: text };
}

export function get(step: Step): Step {
	return { ...step, method: 'GET' };
}

export function times<T>(n: number, make: (i: number) => T): T[] {
	return Array.from({ length: n }, (_, i) => make(i));
}

export const addLead = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('add_lead', extra, user, pass, source);
export const leadSearch = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('lead_search', extra, user, pass, source);
export const listInfo = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	na('list_info', extra, user, pass, source);
export const pause = (extra: Params, user = ADMIN, pass = PASS, source = 'test') =>
	ag('external_pause', extra, user, pass, source);

// Seed facts used below (see the harness README):
//   leads 1-7: schema demo leads, list 101, phone 7275551212, status NEW, no entry_date
//   leads 11-15: list 101, phones 3125550111..3125550115, vendor codes VLC11..VLC15,
//     entry_date 7 days ago; lead 11 alt_phone 3125550211, title Mr; lead 12 title Ms, alt_phone ''
//   lead 13: Robert Brown; lists 101 (active), 102 (inactive), 998, 999 all in TESTCAMP
//   system DNC 3125550199, campaign DNC 3125550198 (TESTCAMP); next lead id 16; next hopper id 3
export const DNC = '3125550199';
export const CAMP_DNC = '3125550198';
