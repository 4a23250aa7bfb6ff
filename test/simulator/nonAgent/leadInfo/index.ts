/** Simulator handlers of the leadInfo functions, and the input filters of the variables they read. */
import { WORD, type Filter } from '../../params';
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

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	// filtered twice: the first class is the narrower one, so only it shows
	field_name: WORD,
};
