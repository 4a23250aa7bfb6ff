/** lead_field_info: the bare value of one column of a lead (or of its custom fields table). */
import { s, type Table } from '../../db';
import { ciEq, numEqStr, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { customTable, listVisible, modifyLeadsUpTo, sayLoggingOutput, userAllowed } from './common';

/** `SELECT <field_name> from <table>`: a column name (any case), or an SQL error. */
function column(table: Table | undefined, name: string): string {
	const col = table?.columns.find((c) => ciEq(c.name, name));
	if (!col) throw new SqlError(`unknown column ${name}`);
	return col.name;
}

export function leadFieldInfo(c: NaContext): void {
	const { state, p } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, modifyLeadsUpTo(4));
	if (allowed < 1) {
		c.say(
			`ERROR: lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const leadId = p.get('lead_id');
	const fieldName = p.get('field_name');
	if (leadId.length < 1 || leadId.length > 11 || fieldName.length < 1) {
		c.say(`ERROR: lead_field_info INVALID SEARCH PARAMETERS: ${c.user}|${leadId}|${fieldName}\n`);
		return;
	}
	const lead = c.leadTable.find((r) => numEqStr(Number(r.lead_id), leadId));
	if (!lead) {
		c.say(`ERROR: lead_field_info LEAD NOT FOUND: ${c.user}|${leadId}\n`);
		return;
	}
	if (!listVisible(state, c.userGroup, lead.list_id)) {
		c.say(`ERROR: lead_field_info LIST NOT FOUND: ${c.user}|${leadId}|${s(lead.list_id)}\n`);
		return;
	}
	let value: string;
	if (p.get('custom_fields') === 'Y') {
		const listOverride = p.get('list_id');
		const entryListId = listOverride.length > 1 ? listOverride : s(lead.entry_list_id);
		const table = customTable(state, entryListId);
		const name = column(table, fieldName);
		const row = table?.find((r) => numEqStr(Number(r.lead_id), leadId));
		if (!row) {
			c.say(`ERROR: lead_field_info LIST FIELD NOT FOUND: ${c.user}|${leadId}\n`);
			return;
		}
		value = s(row[name]);
	} else {
		value = s(lead[column(c.leadTable, fieldName)]);
	}
	// the user's hide setting is read only on the custom field path
	const hide =
		p.get('custom_fields') === 'Y' && Number(state.user(c.user)?.admin_hide_lead_data ?? 0) > 0;
	if (hide && value.length > 0) value = value.replace(/./g, 'X');
	sayLoggingOutput(c, 'lead_field_info', value);
}
