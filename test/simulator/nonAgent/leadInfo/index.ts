/** Simulator handlers of the leadInfo functions, and the input filters of the variables they read. */
import { ALNUM, AZ, keep, WORD, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { callidInfo } from './callidInfo';
import { cccLeadInfo } from './cccLeadInfo';
import { checkPhoneNumber } from './checkPhoneNumber';
import { leadAllInfo } from './leadAllInfo';
import { leadCallbackInfo } from './leadCallbackInfo';
import { leadFieldInfo } from './leadFieldInfo';
import { leadStatusSearch } from './leadStatusSearch';

export const handlers: Readonly<Record<string, NaHandler>> = {
	lead_all_info: leadAllInfo,
	lead_field_info: leadFieldInfo,
	lead_callback_info: leadCallbackInfo,
	lead_status_search: leadStatusSearch,
	ccc_lead_info: cccLeadInfo,
	callid_info: callidInfo,
	check_phone_number: checkPhoneNumber,
};

/** Filters for variables not yet in ../filters.ts (the same variable may appear in several groups). */
export const filters: Readonly<Record<string, Filter>> = {
	date: keep('\\-0-9'),
	detail: AZ,
	// use_non_latin=0 branch
	call_id: ALNUM,
	field_name: WORD,
	local_call_time: WORD,
};
