/** Simulator handlers of the didDncHopper functions, and the input filters of the variables they read. */
import { ALNUM, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { addDid } from './addDid';
import { copyDid } from './copyDid';
import { addDncPhone, deleteDncPhone } from './dncPhone';
import { addFpgPhone, deleteFpgPhone } from './fpgPhone';
import { hopperBulkInsert } from './hopperBulkInsert';
import { hopperList } from './hopperList';
import { updateCidGroupEntry } from './updateCidGroupEntry';
import { updateDid } from './updateDid';
import { updatePresets } from './updatePresets';

export const handlers: Readonly<Record<string, NaHandler>> = {
	add_did: addDid,
	copy_did: copyDid,
	update_did: updateDid,
	add_dnc_phone: addDncPhone,
	delete_dnc_phone: deleteDncPhone,
	add_fpg_phone: addFpgPhone,
	delete_fpg_phone: deleteFpgPhone,
	hopper_list: hopperList,
	hopper_bulk_insert: hopperBulkInsert,
	update_presets: updatePresets,
	update_cid_group_entry: updateCidGroupEntry,
};

const DID = keep(':+*#._0-9a-zA-Z');
const DESCRIPTION = keep('\\- .,_0-9a-zA-Z');
/** The script filters these twice; what survives both is the stricter class. */
const notAll =
	(first: Filter, then: Filter): Filter =>
	(v) => {
		const once = first(v);
		return once === '---ALL---' ? once : then(once);
	};

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	did_pattern: DID,
	source_did_pattern: DID,
	new_dids: keep(':+,*#._0-9a-zA-Z'),
	did_description: DESCRIPTION,
	did_route: WORD,
	record_call: WORD,
	exten_context: WORD,
	voicemail_ext: keep('*#._0-9a-zA-Z'),
	phone_extension: WORD,
	menu_id: WORD,
	filter_clean_cid_number: DESCRIPTION,
	call_handle_method: keep('_0-9a-zA-Z'),
	agent_search_method: keep('_0-9a-zA-Z'),
	delete_did: ALNUM,
	preset_name: keep('\\- _0-9a-zA-Z'),
	preset_number: keep('*#._0-9a-zA-Z'),
	preset_dtmf: keep('\\- ,*#0-9a-zA-Z'),
	preset_hide_number: ALNUM,
	action: ALNUM,
	cid_group_id: WORD,
	cid_description: DESCRIPTION,
	areacode: notAll(WORD, keep('0-9a-zA-Z')),
};
