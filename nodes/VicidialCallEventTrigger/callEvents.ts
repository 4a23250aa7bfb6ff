/**
 * The call URLs VICIdial itself sends: which variables each one can fill, how our URL for it is
 * built (with VICIdial's --A--name--B-- placeholders), and how an incoming request becomes a
 * typed item. Pure functions, so the URL a user pastes and the parsing of what VICIdial sends
 * back are tested together.
 *
 * How VICIdial sends them (VICIdial 2.14, as its public source behaves):
 * - Start, Dispo, Dead Call and Pause-Max URLs are requested by the web server's PHP with a plain
 *   GET. A leading VAR is removed, each known --A--name--B-- is replaced by the value trimmed and
 *   URL-encoded (PHP urlencode: space as +), placeholders it does not know stay as they are.
 *   Exception: dispo_name is encoded twice, so it arrives with + for spaces.
 * - No-Agent and Add Lead URLs are requested by a Perl script through wget (GET): values are put
 *   in as they are, only spaces become +. A value holding &, # or % therefore arrives cut or
 *   changed; nothing on our side can undo that.
 * - Agent screen events are posted by the agent's browser to a script on the VICIdial web server
 *   only (colons are stripped from the URL). VICIdial's extras/get2post.php, copied into agc/,
 *   forwards them to an outside address as a form POST; that is the URL we build for them.
 */
import { createHash, timingSafeEqual } from 'crypto';
import { flag, id, text as textParam } from '../shared/entry';
import type { EventEntry, EventParam } from '../shared/events';
import { LIST_SEPARATORS, rulesOf, setting, splitList } from '../shared/events';

export type CallEventName =
	| 'dispo'
	| 'start'
	| 'noAgent'
	| 'addLead'
	| 'deadCall'
	| 'pauseMax'
	| 'agentEvent';

/**
 * One call event as an entry: what VICIdial sends for it, and its settings (`params`: what to
 * receive; `registration`: how the node registers its URL), from which the editor fields and the
 * checks are generated (nodes/shared/events.ts). Adding an event is adding an entry to CALL_EVENTS.
 */
export interface CallEventEntry extends EventEntry {
	value: CallEventName;
	/** Where the URL goes in VICIdial. */
	setting: string;
	/** Settings of "Register in VICIdial" (events VICIdial holds several URLs of). */
	registration: EventParam[];
	/** update_alt_url's url_type, when VICIdial can hold several URLs of this kind (registration). */
	altUrlType?: 'dispo' | 'start' | 'noagent' | 'addlead';
	/** update_alt_url's entry_type for registration. */
	entryType?: 'campaign' | 'ingroup';
	/** Variables sent by default (the user may pick others). */
	defaults: string[];
	/** Every variable VICIdial fills for this event (besides custom lead fields where noted). */
	available: string[];
	/** Whether VICIdial fills custom lead field labels too. */
	customFields: boolean;
}

/** Lead variables VICIdial fills from the lead record for calls with an agent. */
const LEAD_VARIABLES = [
	'lead_id',
	'vendor_lead_code',
	'vendor_id',
	'source_id',
	'list_id',
	'list_name',
	'list_description',
	'entry_list_id',
	'gmt_offset_now',
	'phone_code',
	'phone_number',
	'title',
	'first_name',
	'middle_initial',
	'last_name',
	'address1',
	'address2',
	'address3',
	'city',
	'state',
	'province',
	'postal_code',
	'country_code',
	'gender',
	'date_of_birth',
	'alt_phone',
	'email',
	'security_phrase',
	'comments',
	'called_count',
	'rank',
	'owner',
	'entry_date',
];
/** Agent, session and call variables of the agent screen (Start, Dispo and Dead Call URLs). */
const AGENT_CALL_VARIABLES = [
	'user',
	'fullname',
	'user_group',
	'agent_email',
	'campaign',
	'phone_login',
	'original_phone_login',
	'fronter',
	'closer',
	'group',
	'channel_group',
	'SQLdate',
	'epoch',
	'uniqueid',
	'customer_zap_channel',
	'customer_server_ip',
	'server_ip',
	'SIPexten',
	'session_id',
	'phone',
	'parked_by',
	'dialed_number',
	'dialed_label',
	'camp_script',
	'in_script',
	'agent_log_id',
	'call_id',
	'closecallid',
	'xfercallid',
	'dispo',
	'talk_time',
	'talk_time_min',
	'user_custom_one',
	'user_custom_two',
	'user_custom_three',
	'user_custom_four',
	'user_custom_five',
	'camp_custom_one',
	'camp_custom_two',
	'camp_custom_three',
	'camp_custom_four',
	'camp_custom_five',
];
const DID_VARIABLES = [
	'did_id',
	'did_extension',
	'did_pattern',
	'did_description',
	'did_custom_one',
	'did_custom_two',
	'did_custom_three',
	'did_custom_four',
	'did_custom_five',
];

/** Only letters, digits and _ in a variable name (VICIdial's own names, custom field labels). */
export const FIELD_NAME = /^[A-Za-z0-9_]{1,50}$/;

const customFields = setting(textParam, 'customFields', 'Custom Fields', {
	list: true,
	pattern: { regex: FIELD_NAME, hint: 'must be field labels (letters, digits and _ only)' },
	placeholder: 'favorite_color, appointment_date',
	description:
		'Labels of custom lead fields to receive, separated by commas (Dispo, Start and Dead Call URLs only)',
	refused: (value) => `has "${value}", which is not a field label (letters, digits and _ only)`,
});

const whenRegistering = { register: [true] };

/** Where the URL is registered: update_alt_url's campaign_id takes campaigns and in-groups alike. */
const owners = setting(textParam, 'owners', 'Campaigns or In-Groups', {
	...rulesOf('campaign', 'addAltUrl', 'campaign_id'),
	required: true,
	list: true,
	upperCase: true,
	placeholder: 'TESTCAMP',
	description:
		"IDs separated by commas: campaigns, or in-groups for the Add Lead URL. VICIdial only registers an in-group's URL when a campaign with the same ID exists as well.",
	missing: 'is required when "Register in VICIdial" is on',
	refused: (value) => `has "${value}", which is not a campaign or in-group ID`,
	showWhen: whenRegistering,
});

const lists = setting(id, 'lists', 'Only Lists', {
	maxLength: rulesOf('list', 'get', 'list_id').maxLength,
	list: true,
	placeholder: '101, 102',
	description: 'VICIdial calls the URL only for leads of these lists (empty: all)',
	refused: (value) => `has "${value}", which is not a list ID`,
	showWhen: whenRegistering,
});

/** Dispo URLs only: the statuses VICIdial calls for, and leave to make the campaign's URL ALT. */
const dispoRegistration: EventParam[] = [
	setting(textParam, 'statuses', 'Only Statuses', {
		...rulesOf('lead', 'searchByStatus', 'status'),
		list: true,
		upperCase: true,
		placeholder: 'SALE, APPT',
		description: 'VICIdial calls the URL only for these dispositions (empty: all)',
		refused: (value) => `has "${value}", which is not a status code`,
		showWhen: whenRegistering,
	}),
	setting(flag, 'switchToAlt', 'Set Campaign Dispo Call URL to ALT', {
		description:
			"Whether to set a campaign's Dispo Call URL to ALT when it is not (VICIdial holds several URLs only then). This REPLACES a single URL set there; leave off to be told instead.",
		showWhen: whenRegistering,
	}),
];

/** An event's settings follow from what VICIdial does: custom fields where it fills them, registration where it holds several URLs. */
function callEvent(event: Omit<CallEventEntry, 'params' | 'registration'>): CallEventEntry {
	const registration = !event.altUrlType
		? []
		: event.altUrlType === 'dispo'
			? [owners, dispoRegistration[0], lists, dispoRegistration[1]]
			: [owners, lists];
	return { ...event, params: event.customFields ? [customFields] : [], registration };
}

export const CALL_EVENTS: CallEventEntry[] = [
	callEvent({
		value: 'dispo',
		name: 'Call Dispositioned',
		setting: 'Dispo Call URL (campaign or in-group)',
		description: 'An agent set the outcome of a call, e.g. SALE',
		altUrlType: 'dispo',
		entryType: 'campaign',
		defaults: [
			'lead_id',
			'dispo',
			'talk_time',
			'phone_number',
			'user',
			'campaign',
			'list_id',
			'vendor_lead_code',
			'uniqueid',
			'call_id',
			'recording_id',
			'term_reason',
			'callback_datetime',
			'call_notes',
			'epoch',
		],
		available: [
			...LEAD_VARIABLES,
			...AGENT_CALL_VARIABLES,
			...DID_VARIABLES,
			'dispo_name',
			'talk_time_ms',
			'call_notes',
			'callback_lead_status',
			'callback_datetime',
			'term_reason',
			'recording_id',
			'recording_filename',
			'ig_custom_one',
			'ig_custom_two',
			'ig_custom_three',
			'ig_custom_four',
			'ig_custom_five',
		],
		customFields: true,
	}),
	callEvent({
		value: 'start',
		name: 'Call Started',
		setting: 'Start Call URL (campaign or in-group)',
		description: 'A call was sent to an agent',
		altUrlType: 'start',
		entryType: 'campaign',
		defaults: [
			'lead_id',
			'phone_number',
			'user',
			'campaign',
			'group',
			'list_id',
			'vendor_lead_code',
			'uniqueid',
			'call_id',
			'epoch',
		],
		available: [
			...LEAD_VARIABLES,
			...AGENT_CALL_VARIABLES,
			'did_id',
			'did_extension',
			'did_pattern',
			'did_description',
		],
		customFields: true,
	}),
	callEvent({
		value: 'noAgent',
		name: 'Call Not Handled by an Agent',
		setting: 'No Agent Call URL (campaign or in-group; auto-dial and inbound calls)',
		description: 'A call ended without an agent: drop, no answer, busy, timeout',
		altUrlType: 'noagent',
		entryType: 'campaign',
		defaults: [
			'lead_id',
			'phone_number',
			'status',
			'campaign',
			'list_id',
			'vendor_lead_code',
			'uniqueid',
			'call_id',
			'SQLdate',
		],
		available: [
			'lead_id',
			'entry_date',
			'modify_date',
			'status',
			'dispo',
			'user',
			'vendor_lead_code',
			'vendor_id',
			'source_id',
			'list_id',
			'list_name',
			'list_description',
			'phone_code',
			'phone_number',
			'title',
			'first_name',
			'middle_initial',
			'last_name',
			'address1',
			'address2',
			'address3',
			'city',
			'state',
			'province',
			'postal_code',
			'country_code',
			'gender',
			'date_of_birth',
			'alt_phone',
			'email',
			'security_phrase',
			'comments',
			'called_count',
			'last_local_call_time',
			'rank',
			'owner',
			'dialed_number',
			'dialed_label',
			'user_custom_one',
			'user_custom_two',
			'user_custom_three',
			'user_custom_four',
			'user_custom_five',
			'full_name',
			'launch_user',
			'did_id',
			'did_extension',
			'did_pattern',
			'did_description',
			'closecallid',
			'uniqueid',
			'call_id',
			'user_group',
			'campaign',
			'campaign_id',
			'group',
			'function',
			'SQLdate',
		],
		customFields: false,
	}),
	callEvent({
		value: 'addLead',
		name: 'Lead Added by an Inbound Call',
		setting: 'Add Lead URL (in-group)',
		description: 'An inbound call created a new lead',
		altUrlType: 'addlead',
		entryType: 'ingroup',
		defaults: [
			'lead_id',
			'vendor_lead_code',
			'list_id',
			'phone_number',
			'phone_code',
			'did_id',
			'did_extension',
			'did_pattern',
			'did_description',
			'uniqueid',
			'call_id',
		],
		available: [
			'lead_id',
			'vendor_lead_code',
			'vendor_id',
			'list_id',
			'list_name',
			'list_description',
			'phone_number',
			'phone_code',
			'did_id',
			'did_extension',
			'did_pattern',
			'did_description',
			'closecallid',
			'uniqueid',
			'call_id',
			'function',
			'SQLdate',
		],
		customFields: false,
	}),
	callEvent({
		value: 'deadCall',
		name: 'Customer Hung Up During a Call',
		setting: 'Dead Call Trigger URL (campaign)',
		description: 'The customer hung up while the agent was still on the call',
		defaults: [
			'lead_id',
			'phone_number',
			'user',
			'campaign',
			'list_id',
			'uniqueid',
			'call_id',
			'talk_time',
			'dead_time',
			'epoch',
		],
		available: [
			...LEAD_VARIABLES,
			...AGENT_CALL_VARIABLES,
			...DID_VARIABLES,
			'dispo_name',
			'talk_time_ms',
			'call_notes',
			'recording_id',
			'recording_filename',
			'dead_time',
			'ig_custom_one',
		],
		customFields: true,
	}),
	callEvent({
		value: 'pauseMax',
		name: 'Agent Paused Too Long',
		setting: 'Pause Max URL (campaign)',
		description:
			'An agent stayed paused longer than the campaign allows (only agent variables exist here)',
		defaults: ['user', 'fullname', 'campaign', 'user_group', 'agent_email', 'epoch'],
		available: [
			'user',
			'fullname',
			'campaign',
			'user_group',
			'agent_email',
			'phone_login',
			'original_phone_login',
			'SQLdate',
			'epoch',
			'server_ip',
			'SIPexten',
			'session_id',
			'agent_log_id',
			'user_custom_one',
			'user_custom_two',
			'user_custom_three',
			'user_custom_four',
			'user_custom_five',
			'camp_custom_one',
			'camp_custom_two',
			'camp_custom_three',
			'camp_custom_four',
			'camp_custom_five',
		],
		customFields: false,
	}),
	callEvent({
		value: 'agentEvent',
		name: 'Agent Screen Event',
		setting: 'Agent Push URL (System Settings), through get2post.php',
		description:
			'An event pushed by the agent screen, such as logged_in, state_paused or dispo_set',
		defaults: ['user', 'event', 'message', 'lead_id', 'counter'],
		available: ['user', 'event', 'message', 'lead_id', 'epoch', 'agent_log_id', 'counter'],
		customFields: false,
	}),
];

/** Variables VICIdial fills with a password: never asked for, never accepted as a custom field. */
export const SECRET_VARIABLES = /^(pass|phone_pass|orig_pass)$/i;

/** Whole numbers (an empty value becomes null). */
const INTEGER_FIELDS = new Set([
	'lead_id',
	'list_id',
	'entry_list_id',
	'talk_time',
	'talk_time_ms',
	'talk_time_min',
	'dead_time',
	'called_count',
	'recording_id',
	'epoch',
	'agent_log_id',
	'counter',
	'session_id',
	'closecallid',
	'xfercallid',
	'rank',
	'did_id',
]);
const DECIMAL_FIELDS = new Set(['gmt_offset_now']);
/** Encoded twice by VICIdial: + stands for a space even after decoding. */
const DOUBLE_ENCODED = new Set(['dispo_name']);

/** VICIdial keeps only these characters of a URL setting; the token must survive it. */
export const TOKEN_PATTERN = /^[A-Za-z0-9]{16,128}$/;
/** The query parameter that carries the secret (VICIdial cannot send headers). */
export const TOKEN_PARAMETER = 'n8n_token';

const UNFILLED = /^--A--[A-Za-z0-9_]+--B--$/i;

export function callEventEntry(name: string): CallEventEntry {
	const found = CALL_EVENTS.find((e) => e.value === name);
	if (!found) throw new Error(`Unknown call event "${name}"`);
	return found;
}

/** The query part: the token first, then one placeholder per field. */
function callQuery(token: string, fields: string[]): string {
	const secret = fields.find((f) => SECRET_VARIABLES.test(f));
	if (secret) throw new Error(`"${secret}" would make VICIdial put a password into the URL`);
	const bad = fields.find((f) => !FIELD_NAME.test(f));
	if (bad) throw new Error(`"${bad}" is not a VICIdial variable or custom field label`);
	return [`${TOKEN_PARAMETER}=${token}`, ...fields.map((f) => `${f}=--A--${f}--B--`)].join('&');
}

/**
 * The URL to put in VICIdial. Call URLs: VAR (VICIdial's marker for URLs with variables), the
 * webhook URL, the token and one placeholder per field. Agent screen events: get2post.php on the
 * VICIdial web server, told to post the same query to the webhook (its address without the
 * scheme, which get2post.php puts back from HTTPURLTOPOST or HTTPSURLTOPOST).
 */
export function buildCallUrl(
	webhookUrl: string,
	token: string,
	fields: string[],
	event: CallEventName = 'dispo',
): string {
	const query = callQuery(token, fields);
	if (event === 'agentEvent') {
		const https = /^https:\/\//i.test(webhookUrl);
		const address = webhookUrl.replace(/^https?:\/\//i, '');
		return `${agentPushPrefix(https)}${address}${address.includes('?') ? '&' : '?'}${query}`;
	}
	return `VAR${webhookUrl}${webhookUrl.includes('?') ? '&' : '?'}${query}`;
}

/** The field names that were asked for: chosen variables plus custom field labels, de-duplicated. */
export function requestedFields(fields: string[], customFields: string[]): string[] {
	return [...new Set([...fields, ...customFields].map((f) => f.trim()).filter((f) => f !== ''))];
}

/**
 * The token a node uses: the one typed, else the one generated for it. n8n gives every node a
 * random ID (a version 4 UUID) when it is created; its letters and digits are that token, so a
 * new trigger is protected without anyone typing one. A node whose ID is not random enough (a
 * hand-written workflow) gives no token and must be given one.
 */
export function effectiveToken(typed: unknown, nodeId: unknown): string {
	const token = typeof typed === 'string' ? typed.trim() : '';
	if (token !== '') return token;
	const generated = String(nodeId ?? '').replace(/[^A-Za-z0-9]/g, '');
	return generated.length >= 32 ? generated : '';
}

/**
 * The webhook path n8n shows in the node's "Webhook URLs" panel: the real path plus the query
 * VICIdial must send (token and placeholders), so the Production URL shown there is the call URL
 * with nothing to fill in by hand (buildCallUrl puts VAR in front of it). The editor evaluates it
 * with the node's current parameters, so it follows every change at once. It must never throw:
 * n8n evaluates it on activation too.
 */
export function callUrlPathExpression(path: string): string {
	const defaults = JSON.stringify(
		Object.fromEntries(CALL_EVENTS.map((e) => [e.value, e.defaults])),
	);
	const withCustom = JSON.stringify(CALL_EVENTS.filter((e) => e.customFields).map((e) => e.value));
	const token = `(String($parameter["token"] || "").trim() || (String($nodeId || "").replace(/[^A-Za-z0-9]/g, "").length >= 32 ? String($nodeId || "").replace(/[^A-Za-z0-9]/g, "") : ""))`;
	const chosen = `(Array.isArray($parameter["fields"]) && $parameter["fields"].length ? $parameter["fields"] : (${defaults}[$parameter["event"]] || []))`;
	// the editor splits Custom Fields as the node does
	const custom = `(${withCustom}.includes($parameter["event"]) ? String($parameter["customFields"] || "").split(/${LIST_SEPARATORS.source}/) : [])`;
	const fields = `${chosen}.concat(${custom}).map(f => String(f).trim()).filter((f, i, all) => f !== "" && all.indexOf(f) === i && !/^(pass|phone_pass|orig_pass)$/i.test(f))`;
	return `={{ "${path}?${TOKEN_PARAMETER}=" + ${token} + ${fields}.map(f => "&" + f + "=--A--" + f + "--B--").join("") }}`;
}

/** What goes before the Production URL for agent screen events (get2post.php posts to it). */
export function agentPushPrefix(https: boolean): string {
	return `get2post.php?uniqueid=--A--epoch--B--.--A--agent_log_id--B--&type=event&${https ? 'HTTPSURLTOPOST' : 'HTTPURLTOPOST'}=`;
}

/** Compares without leaking, through timing, how much of the token was right. */
export function tokenMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

// ---- IP allow-list -------------------------------------------------------------------------

function ipv4ToBigInt(ip: string): bigint | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255))
		return undefined;
	return parts.reduce((acc, p) => (acc << 8n) + BigInt(Number(p)), 0n);
}

function ipv6ToBigInt(ip: string): bigint | undefined {
	if (!ip.includes(':')) return undefined;
	let address = ip;
	// an IPv4 tail (::ffff:10.0.0.1)
	const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (v4) {
		const n = ipv4ToBigInt(v4[1]);
		if (n === undefined) return undefined;
		address = `${address.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
	}
	const halves = address.split('::');
	if (halves.length > 2) return undefined;
	const head = halves[0] ? halves[0].split(':') : [];
	const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
	const missing = 8 - head.length - tail.length;
	if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
	const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
	return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as its IPv4 address. */
function normaliseIp(ip: string): { v: 4 | 6; n: bigint } | undefined {
	const trimmed = ip.trim().replace(/^\[|\]$/g, '');
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
	const v4 = ipv4ToBigInt(mapped ? mapped[1] : trimmed);
	if (v4 !== undefined) return { v: 4, n: v4 };
	const v6 = ipv6ToBigInt(trimmed);
	return v6 !== undefined ? { v: 6, n: v6 } : undefined;
}

export interface IpRule {
	v: 4 | 6;
	network: bigint;
	bits: number;
}

/** Parses "10.0.0.0/8, 192.168.1.5, ::1"; throws naming the first entry that is not an IP or CIDR. */
export function parseAllowList(text: string): IpRule[] {
	return splitList(text).map((entry) => {
		const [address, prefix] = entry.split('/');
		const ip = normaliseIp(address);
		const max = ip?.v === 4 ? 32 : 128;
		const bits = prefix === undefined ? max : Number(prefix);
		if (
			!ip ||
			!Number.isInteger(bits) ||
			bits < 0 ||
			bits > max ||
			(prefix !== undefined && !/^\d{1,3}$/.test(prefix))
		) {
			throw new Error(`"${entry}" is not an IP address or CIDR range`);
		}
		const shift = BigInt(max - bits);
		return { v: ip.v, network: (ip.n >> shift) << shift, bits };
	});
}

export function ipAllowed(ip: string | undefined, rules: IpRule[]): boolean {
	if (rules.length === 0) return true;
	const parsed = ip ? normaliseIp(ip) : undefined;
	if (!parsed) return false;
	return rules.some((rule) => {
		if (rule.v !== parsed.v) return false;
		const shift = BigInt((rule.v === 4 ? 32 : 128) - rule.bits);
		return (parsed.n >> shift) << shift === rule.network;
	});
}

// ---- incoming requests ---------------------------------------------------------------------

export interface ParsedCall {
	json: Record<string, unknown>;
	/** Fields whose placeholder VICIdial left as it was (the variable does not exist for this call). */
	unfilled: string[];
}

function firstValue(value: unknown): string | undefined {
	if (Array.isArray(value)) return firstValue(value[0]);
	if (value === undefined || value === null) return undefined;
	return typeof value === 'string' ? value : typeof value === 'object' ? undefined : String(value);
}

/**
 * Turns what VICIdial sent (query string and/or form body, already URL-decoded with + as space)
 * into typed fields. Placeholders VICIdial did not fill are left out (and listed), values are
 * trimmed as VICIdial trims them, numbers become numbers, empty numbers null, and the token
 * never reaches the item.
 */
export function parseCallRequest(
	event: CallEventName,
	received: Record<string, unknown>,
	fields: string[],
): ParsedCall {
	const json: Record<string, unknown> = { call_event: event };
	const unfilled: string[] = [];
	const names =
		fields.length > 0 ? fields : Object.keys(received).filter((k) => FIELD_NAME.test(k));
	for (const name of names) {
		if (name === TOKEN_PARAMETER || SECRET_VARIABLES.test(name)) continue;
		const raw = firstValue(received[name]);
		if (raw === undefined) continue;
		let value = raw.trim();
		if (UNFILLED.test(value)) {
			unfilled.push(name);
			continue;
		}
		if (DOUBLE_ENCODED.has(name)) value = value.replace(/\+/g, ' ');
		if (INTEGER_FIELDS.has(name))
			json[name] = /^-?\d+$/.test(value) ? Number(value) : value === '' ? null : value;
		else if (DECIMAL_FIELDS.has(name))
			json[name] = /^[-+]?\d+(\.\d+)?$/.test(value) ? Number(value) : value === '' ? null : value;
		else json[name] = value;
	}
	if (unfilled.length > 0) json.unfilled_fields = unfilled;
	return { json, unfilled };
}
