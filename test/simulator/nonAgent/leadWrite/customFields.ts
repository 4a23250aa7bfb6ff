/**
 * Custom lead fields as the simulator models them: the field definitions in vicidial_lists_fields
 * and one `custom_<list>` table per list, created on demand (see test/support/customFields.ts).
 */
import { Table, type Database, type Row } from '../../db';
import type { ParamReader, RequestParams } from '../../params';
import type { SimState } from '../../state';

/** The `SHOW TABLES LIKE "custom_<list>"` check. */
export function customTable(db: Database, listId: string): Table | undefined {
	return /^\d+$/.test(listId) ? db.tables.get(`custom_${listId}`) : undefined;
}

/** Field definitions of a list, in VICIdial's order (rank, order, label), duplicates left out. */
export function listFields(db: Database, listId: string): Row[] {
	return db
		.t('vicidial_lists_fields')
		.filter((r) => r.list_id === listId && r.field_duplicate !== 'Y')
		.sort(
			(a, b) =>
				Number(a.field_rank) - Number(b.field_rank) ||
				Number(a.field_order) - Number(b.field_order) ||
				String(a.field_label).localeCompare(String(b.field_label)),
		);
}

/** Types whose value is never stored. */
const NOT_STORED = ['DISPLAY', 'SCRIPT', 'BUTTON', 'SWITCH'];
/** Standard lead columns: a custom field with such a label lives in vicidial_list, not the custom table. */
const STANDARD = new Set(
	'lead_id vendor_lead_code source_id list_id gmt_offset_now called_since_last_reset phone_code phone_number title first_name middle_initial last_name address1 address2 address3 city state province postal_code country_code gender date_of_birth alt_phone email security_phrase comments called_count last_local_call_time rank owner'.split(
		' ',
	),
);

/** The value a field's request variable carries, cleaned the way the script cleans it (raw, not the global filters). */
function cleaned(p: ParamReader, label: string): string {
	return (p.raw(label) ?? '').replace(/\+/g, ' ').replace(/[;"]/g, '').replace(/\\$/, '');
}

/** The request in the order PHP saw it. */
function request(p: ParamReader): RequestParams {
	return (p as unknown as { req: RequestParams }).req;
}

/**
 * update_lead updates a field only if its name appears in the query string after "?" or "&":
 * with a POST-only request that string starts with the first POST field itself, so that one is missed.
 */
export function namedInQuery(p: ParamReader, label: string): boolean {
	const { get, post } = request(p);
	const getKeys = [...get.keys()];
	const postKeys = [...post.keys()];
	if (getKeys.slice(1).includes(label)) return true;
	if (getKeys.length > 0) return postKeys.includes(label);
	return postKeys.slice(1).includes(label);
}

/** The column values to store for a lead: every storable field (insert), or only the ones sent (update). */
export function customValues(
	db: Database,
	listId: string,
	p: ParamReader,
	onlySent: boolean,
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of listFields(db, listId)) {
		const label = String(field.field_label);
		if (onlySent && !namedInQuery(p, label)) continue;
		if (NOT_STORED.includes(String(field.field_type)) || STANDARD.has(label)) continue;
		const value = cleaned(p, label);
		values[label] = value === '--BLANK--' ? '' : value;
	}
	return values;
}

/** INSERT ... SET / UPDATE ... SET on a custom table; returns the affected rows. */
export function storeCustomValues(
	state: SimState,
	table: Table,
	leadId: string,
	values: Record<string, string>,
): number {
	const existing = table.find((r) => r.lead_id === leadId);
	if (existing) return table.update(existing, values, state.nowStr());
	table.insert({ lead_id: leadId, ...values }, state.nowStr());
	return 1;
}

export interface CustomFieldDefinition {
	label: string;
	name: string;
	/** VICIdial field type; TEXT unless given. */
	type?: string;
	/** maximum length (varchar size of the column) */
	max?: number;
}

/** Turns custom fields on and defines fields for a list (what the admin screens would do). */
export function defineCustomFields(
	state: SimState,
	listId: string,
	fields: CustomFieldDefinition[],
): void {
	const db = state.db;
	db.t('system_settings').rows[0].custom_fields_enabled = '1';
	fields.forEach((field, index) =>
		db.t('vicidial_lists_fields').insert(
			{
				list_id: listId,
				field_label: field.label,
				field_name: field.name,
				field_rank: index + 1,
				field_type: field.type ?? 'TEXT',
				field_size: Math.min(field.max ?? 50, 50),
				field_max: field.max ?? 50,
				field_order: 1,
			},
			state.nowStr(),
		),
	);
	const columns: Array<[string, string, string | null, 0]> = [
		['lead_id', 'int(9) unsigned', null, 0],
	];
	for (const field of fields)
		columns.push([
			field.label,
			field.type === 'AREA' ? 'text' : `varchar(${field.max ?? 50})`,
			null,
			0,
		]);
	db.tables.set(`custom_${listId}`, new Table(`custom_${listId}`, columns));
}
