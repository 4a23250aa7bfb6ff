/**
 * Finding out, without sending a write again, whether a lead write whose answer was lost took
 * effect: the `verifyWrite` of Lead → Add, and the check Create or Update makes of its own add.
 *
 * The rule for "our" lead (add_lead). VICIdial may hold other leads with the same number in the
 * list (add_lead without a duplicate check adds a second one), so a lead counts as the one this
 * request added only when all of these hold:
 * 1. it has the phone number sent, is in the list sent, and, when one was sent, has the vendor
 *    lead code sent (lead_all_info by phone number, which prints every such lead);
 * 2. every lead field sent holds the value sent, compared on letters and digits only (VICIdial
 *    drops some characters from lead text with its default settings: `Müller` is stored `Mller`);
 * 3. it was entered no earlier than the server's clock at sending, less a margin: the server's
 *    clock is read with `version` after the failure, and the time since sending is subtracted
 *    (entry_date, read with lead_field_info, and version's date are both the server's local time).
 * No lead passes: `not_applied`. One or more pass: `applied`, with the highest lead ID (the newest
 * lead; the others are listed in `matching_lead_ids`).
 *
 * Limits: a lead with the same number and the same values entered by someone else within the
 * margin (2 s plus the version call's round trip) before the request counts as ours; a request the
 * server was still running when the check ran (a timeout while the server waited on its
 * database) can add its lead after the check said `not_applied`; a change of the server's clock
 * (DST) between sending and checking shifts the window. When a lookup fails, the check throws and
 * the write stays unknown.
 */
import { VicidialError } from '../../errors';
import { buildForm } from '../../params';
import type { ParsedRecord } from '../../parse';
import type { ItemValues, OperationRuntime, WriteCheck } from '../../entry';
import { versionFunction } from '../../version';
import { findEntry } from '../find';
import { leadInfoFunctions } from './leadInfo';

/** Lead fields compared between what was sent and what VICIdial stored (when sent and not empty). */
export const COMPARED_FIELDS = [
	'vendor_lead_code',
	'source_id',
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
	'owner',
] as const;

/** Allowance for the server clock reading (whole seconds) and entry_date's whole seconds. */
const CLOCK_MARGIN_MS = 2000;
/** At most this many candidate leads have their entry date read. */
const MAX_CANDIDATES = 10;

/** Letters and digits only, lower case: what survives VICIdial's filtering of lead text. */
export function comparable(value: unknown): string {
	return String(value ?? '')
		.replace(/[^0-9A-Za-z]/g, '')
		.toLowerCase();
}

/** Whether a stored lead (lead_all_info columns) holds the values of `form` that VICIdial stores as given. */
export function holdsSentValues(lead: ParsedRecord, form: Record<string, string>): boolean {
	for (const name of COMPARED_FIELDS) {
		const sent = form[name];
		if (sent === undefined || sent === '' || sent === '--BLANK--') continue;
		if (comparable(sent) !== comparable(lead[name])) return false;
	}
	return true;
}

/** "YYYY-MM-DD HH:MM:SS" as a number, read as if it were UTC (only differences matter). */
function naiveMs(text: unknown): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(String(text ?? ''));
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

function naiveText(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The server's local time, as VICIdial writes entry_date, at which a lead sent at `sentAt`
 * (client clock, ms) could have been entered at the earliest.
 */
export async function serverTimeAtSend(runtime: OperationRuntime, sentAt: number): Promise<string> {
	const asked = Date.now();
	const answer = await runtime.call(versionFunction, { function: versionFunction.fn });
	const received = Date.now();
	const now = naiveMs(answer.records[0]?.date);
	if (now === undefined)
		throw new VicidialError('malformed', 'The server time could not be read from version', {
			hint: 'The write stays unknown: check the lead by hand.',
		});
	return naiveText(now - (received - sentAt) - (received - asked) - CLOCK_MARGIN_MS);
}

/** Every lead with this phone number (newest first, up to 1000), all columns. */
export async function leadsWithPhone(
	runtime: OperationRuntime,
	phone: string,
): Promise<ParsedRecord[]> {
	const entry = findEntry(leadInfoFunctions, 'lead', 'getAllInfo');
	return (
		await runtime.call(entry, buildForm(entry, { phone_number: phone }), { emptyOnNoRecords: true })
	).records;
}

/** One lead's columns, or undefined when it does not exist (any more). */
export async function leadById(
	runtime: OperationRuntime,
	leadId: number,
): Promise<ParsedRecord | undefined> {
	const entry = findEntry(leadInfoFunctions, 'lead', 'getAllInfo');
	return (
		await runtime.call(entry, buildForm(entry, { lead_id: String(leadId) }), {
			emptyOnNoRecords: true,
		})
	).records[0];
}

/** A lead's entry date (server local time), through lead_field_info. */
export async function entryDate(
	runtime: OperationRuntime,
	leadId: number,
): Promise<string | undefined> {
	const entry = findEntry(leadInfoFunctions, 'lead', 'getField');
	const answer = await runtime.call(
		entry,
		buildForm(entry, { lead_id: String(leadId), field_name: 'entry_date' }),
		{ emptyOnNoRecords: true },
	);
	const value = answer.records[0]?.value;
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The verifyWrite of add_lead: see the rule at the top of this file. */
export async function verifyAddLead(
	runtime: OperationRuntime,
	values: ItemValues,
	context: { sentAt: number },
): Promise<WriteCheck> {
	const form = values.form;
	const phone = form.phone_number ?? '';
	const list = Number(form.list_id);
	if (phone === '' || !Number.isFinite(list)) {
		throw new VicidialError(
			'invalid',
			'The lead cannot be looked up without its phone number and list ID',
			{ hint: 'The write stays unknown: check the lead by hand.' },
		);
	}
	const since = await serverTimeAtSend(runtime, context.sentAt);
	const candidates = (await leadsWithPhone(runtime, phone))
		.filter(
			(lead) =>
				String(lead.phone_number) === phone &&
				Number(lead.list_id) === list &&
				holdsSentValues(lead, form),
		)
		.map((lead) => Number(lead.lead_id))
		.sort((a, b) => b - a)
		.slice(0, MAX_CANDIDATES);
	const ours: Array<{ leadId: number; entryDate: string }> = [];
	for (const leadId of candidates) {
		const entered = await entryDate(runtime, leadId);
		if (entered !== undefined && entered >= since) ours.push({ leadId, entryDate: entered });
	}
	if (ours.length === 0) return { outcome: 'not_applied' };
	const json: Record<string, unknown> = {
		lead_id: ours[0].leadId,
		phone_number: phone,
		list_id: list,
		entry_date: ours[0].entryDate,
	};
	if (ours.length > 1) json.matching_lead_ids = ours.map((o) => o.leadId);
	return { outcome: 'applied', json };
}

/** Whether a VicidialError leaves the outcome of a write open (the transport's `outcome`). */
export function outcomeUnknown(error: unknown): error is VicidialError {
	if (!(error instanceof VicidialError)) return false;
	return error.outcome === 'unknown';
}

/** The same error, now known not to have been applied (its `outcome` says so). */
export function notAppliedError(error: VicidialError, what: string): VicidialError {
	const checked = new VicidialError(
		error.kind,
		`${error.message}. A lookup found that ${what} was not made: it is safe to run the item again.`,
		{
			hint: error.hint,
			data: error.data,
			httpCode: error.httpCode,
			mayHaveApplied: false,
			outcome: 'not_applied',
		},
	);
	return checked;
}
