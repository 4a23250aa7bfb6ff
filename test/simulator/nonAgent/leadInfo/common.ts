/** What the lead information handlers share: right checks, output delimiters, campaign limits, custom field tables. */
import { s, type Row, type Table } from '../../db';
import { ciEq, numEqStr, sqlLiteral } from '../../mysql';
import type { SimState } from '../../state';
import { level, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import { customTable as customFieldsTable } from '../leadWrite/customFields';

/** vdc_agent_api_access=1, active, user_level above `above`, plus the function's own rights. */
export function userAllowed(c: NaContext, above: number, extra: (r: Row) => boolean): number {
	const r = c.state.user(c.user);
	return r && r.vdc_agent_api_access === '1' && level(r) > above && r.active === 'Y' && extra(r)
		? 1
		: 0;
}

export const modifyLeadsUpTo =
	(max: number) =>
	(r: Row): boolean => {
		const v = s(r.modify_leads);
		return /^[1-9]$/.test(v) && Number(v) <= max;
	};

export const viewReports = (r: Row): boolean => r.view_reports === '1';

/** The output delimiter a `stage` names; anything else is a pipe (and the stage reads 'pipe'). */
export function delimiter(stage: string, withNewline: boolean): { DL: string; stage: string } {
	if (stage === 'csv') return { DL: ',', stage };
	if (stage === 'tab') return { DL: '\t', stage };
	if (withNewline && stage === 'newline') return { DL: '\n', stage };
	if (stage === 'pipe') return { DL: '|', stage };
	return { DL: '|', stage: 'pipe' };
}

/** `list_id='X' <allowed campaigns>`: does the list exist for this user's group? */
export function listVisible(state: SimState, userGroup: string, listId: string | null): boolean {
	const camps = allowedCampaigns(state, userGroup);
	return state.db
		.t('vicidial_lists')
		.rows.some(
			(r) =>
				numEqStr(Number(r.list_id), s(listId)) &&
				(camps === null || camps.some((x) => ciEq(r.campaign_id, x))),
		);
}

/**
 * echo the answer, then api_log() it: the script logs the answer itself as the result reason,
 * inside single quotes and unescaped, so a value with an apostrophe (O'Brien) or a trailing
 * backslash breaks the INSERT and the answer already printed goes out as an HTTP 500.
 */
export function sayLoggingOutput(c: NaContext, fn: string, output: string): void {
	c.out.echo(output);
	logOutput(c, fn, output);
}

/** The api_log() whose result reason carries the answer (see sayLoggingOutput). */
export function logOutput(c: NaContext, fn: string, output: string): void {
	sqlLiteral(`${fn} ${output}`, "'");
	c.log();
}

/**
 * A custom_<list_id> table, when one was created (the seed has none). One model for custom fields
 * across the simulator: the definitions in vicidial_lists_fields and the tables leadWrite/customFields.ts
 * creates and writes (add_lead, update_lead) are the ones read here.
 */
export function customTable(state: SimState, listId: string): Table | undefined {
	return customFieldsTable(state.db, listId);
}

/** The lead columns printed for a whole lead, in order. */
export const LEAD_COLUMNS = [
	'status',
	'user',
	'vendor_lead_code',
	'source_id',
	'list_id',
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
	'last_local_call_time',
	'rank',
	'owner',
];

/** Standard lead field names a custom field list never repeats. */
export const STANDARD_FIELDS = [
	'lead_id',
	'vendor_lead_code',
	'source_id',
	'list_id',
	'gmt_offset_now',
	'called_since_last_reset',
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
];
