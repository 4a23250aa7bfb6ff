/** Simulator handlers of the leadWrite functions, and the input filters of the variables they read. */
import { ALNUM, AZ, DIGITS, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { batchUpdateLead } from './batchUpdateLead';
import { leadDearchive } from './leadDearchive';
import { listCustomFields } from './listCustomFields';
import { updateLead } from './updateLead';
import { updateLogEntry } from './updateLogEntry';

export const handlers: Readonly<Record<string, NaHandler>> = {
	update_lead: updateLead,
	batch_update_lead: batchUpdateLead,
	lead_dearchive: leadDearchive,
	update_log_entry: updateLogEntry,
	list_custom_fields: listCustomFields,
};

/** Filters for variables not yet in ../filters.ts (the same variable may appear in several groups). */
export const filters: Readonly<Record<string, Filter>> = {
	user_field: WORD,
	called_count: DIGITS,
	no_update: AZ,
	delete_lead: AZ,
	delete_cf_data: AZ,
	reset_lead: AZ,
	update_phone_number: AZ,
	group: keep('\\-|_0-9a-zA-Z'),
	call_id: ALNUM,
	custom_order: WORD,
};
