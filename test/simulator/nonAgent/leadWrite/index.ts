/** Simulator handlers of the leadWrite functions, and the input filters of the variables they read. */
import { AZ, DIGITS, WORD, type Filter } from '../../params';
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

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	user_field: WORD,
	called_count: DIGITS,
	no_update: AZ,
	delete_lead: AZ,
	delete_cf_data: AZ,
	reset_lead: AZ,
	update_phone_number: AZ,
	custom_order: WORD,
};
