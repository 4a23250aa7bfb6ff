/** lead_all_info: every column of the leads found by lead_id or phone number, optionally with custom field values. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import {
	customTable,
	delimiter,
	LEAD_COLUMNS,
	listVisible,
	logOutput,
	modifyLeadsUpTo,
	STANDARD_FIELDS,
	userAllowed,
	viewReports,
} from './common';

const HIDDEN_TYPES = ['DISPLAY', 'SCRIPT', 'SWITCH', 'BUTTON'];

/** The custom field labels and values of one lead, or a thrown SqlError where the script's SELECT is invalid. */
function customValues(
	c: NaContext,
	entryListId: string,
	leadId: string,
): { labels: string[]; values: string[] } {
	const labels = c.state.db
		.t('vicidial_lists_fields')
		.filter(
			(r) =>
				numEqStr(Number(r.list_id), entryListId) &&
				!HIDDEN_TYPES.some((t) => ciEq(r.field_type, t)) &&
				!STANDARD_FIELDS.some((f) => ciEq(r.field_label, f)),
		)
		.sort(
			(a, b) =>
				Number(a.field_rank) - Number(b.field_rank) ||
				Number(a.field_order) - Number(b.field_order),
		)
		.map((r) => s(r.field_label));
	// `SELECT <no columns> from custom_X` and a missing table are both SQL errors
	if (labels.length < 1) throw new SqlError('empty custom field list');
	const table = customTable(c.state, entryListId);
	if (!table) throw new SqlError(`custom_${entryListId} does not exist`);
	const columns = labels.map((label) => table.columns.find((col) => ciEq(col.name, label))?.name);
	if (columns.some((col) => col === undefined)) throw new SqlError('unknown custom column');
	const row = table.find((r) => numEqStr(Number(r.lead_id), leadId));
	if (!row) return { labels: [], values: [] };
	const hide = Number(c.state.user(c.user)?.admin_hide_lead_data ?? 0) > 0;
	const values = columns.map((col) => {
		const v = s(row[col as string]);
		return hide && v.length > 0 ? v.replace(/./g, 'X') : v;
	});
	return { labels, values };
}

export function leadAllInfo(c: NaContext): void {
	const { state, p } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, (r) => modifyLeadsUpTo(5)(r) && viewReports(r));
	if (allowed < 1) {
		c.say(
			`ERROR: lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const leadId = p.get('lead_id');
	const phone = p.get('phone_number');
	const phoneUsable = phone.length >= 6 && phone.length <= 19;
	if (leadId.length < 1 && !phoneUsable) {
		c.say(`ERROR: lead_all_info LEAD NOT FOUND: ${c.user}|${leadId}|${phone}\n`);
		return;
	}
	const { DL } = delimiter(p.get('stage'), true);
	const header = p.get('header') === 'YES';
	const customFields = p.get('custom_fields') === 'Y';
	const forceList = p.get('force_entry_list_id');
	const match: (r: Row) => boolean =
		leadId.length > 0
			? (r) => numEqStr(Number(r.lead_id), leadId)
			: (r) => ciEq(r.phone_number, phone);
	const leads = c.leadTable
		.filter(match)
		.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))
		.slice(0, 1000);

	let output = '';
	let noList = 0;
	let noListId = '';
	for (const lead of leads) {
		const entryListId = forceList.length > 0 ? forceList : s(lead.entry_list_id);
		const visible = listVisible(state, c.userGroup, lead.list_id);
		if (visible) {
			let cfHeader = '';
			let cfData = '';
			if (customFields) {
				const cf = customValues(c, entryListId, s(lead.lead_id));
				cfHeader = cf.labels.map((l) => `${DL}${l}`).join('');
				cfData = cf.values.map((v) => `${DL}${v}`).join('');
			}
			if (header)
				output += `${[...LEAD_COLUMNS, 'entry_list_id', 'lead_id'].join(DL)}${cfHeader}\n`;
			output += `${[...LEAD_COLUMNS.map((col) => s(lead[col])), s(lead.entry_list_id), s(lead.lead_id)].join(DL)}${cfData}\n`;
			logOutput(c, 'lead_all_info', output);
		} else {
			noList++;
			noListId = s(lead.list_id);
		}
		if (!visible && c.apiListRestrict > 0)
			c.say(`ERROR: lead_all_info LIST NOT FOUND: ${c.user}|${leadId}|${phone}\n`);
	}
	if (leads.length < 1) {
		c.say(`ERROR: lead_all_info LEAD NOT FOUND: ${c.user}|${leadId}|${phone}\n`);
		return;
	}
	if (output.length > 10) c.out.echo(output);
	else if (noList > 0)
		c.say(`ERROR: lead_all_info LIST NOT FOUND: ${c.user}|${leadId}|${phone}|${noListId}\n`);
}
