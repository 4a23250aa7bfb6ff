/** Simulator handlers of the listCampaign functions, and the input filters of the variables they read. */
import { AZ, DIGITS, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { agentCampaigns, campaignsList } from './campaignsList';
import { addList, updateList } from './lists';
import { updateAltUrl } from './updateAltUrl';
import { updateCampaign } from './updateCampaign';

export const handlers: Readonly<Record<string, NaHandler>> = {
	add_list: addList,
	update_list: updateList,
	campaigns_list: campaignsList,
	agent_campaigns: agentCampaigns,
	update_campaign: updateCampaign,
	update_alt_url: updateAltUrl,
};

const URL = keep('\\- %=+.:/@?&_0-9a-zA-Z');
const NAME = keep('\\- +.:/@?&_0-9a-zA-Z');

/** Filters of the variables only this group reads (use_non_latin=0; shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	entry_type: keep('_0-9a-zA-Z'),
	alt_url_id: keep('0-9A-Z'),
	url_type: keep('_0-9a-zA-Z'),
	url_rank: DIGITS,
	url_lists: keep('\\- 0-9A-Z'),
	url_call_length: DIGITS,
	url_address: URL,
	url_statuses: keep('\\- 0-9a-zA-Z'),
	url_description: keep(' \\.\\,-\\_0-9a-zA-Z'),
	auto_dial_level: keep('.0-9'),
	adaptive_maximum_level: keep('.0-9'),
	campaign_vdad_exten: DIGITS,
	hopper_level: DIGITS,
	reset_hopper: keep('NY'),
	dial_method: WORD,
	dial_timeout: DIGITS,
	lead_filter_id: WORD,
	xferconf_one: WORD,
	xferconf_two: WORD,
	xferconf_three: WORD,
	xferconf_four: WORD,
	xferconf_five: WORD,
	dispo_call_url: URL,
	webform_one: URL,
	webform_two: URL,
	webform_three: URL,
	web_form_address: URL,
	web_form_address_two: URL,
	web_form_address_three: URL,
	list_order: keep(' 0-9a-zA-Z'),
	list_order_randomize: WORD,
	list_order_secondary: WORD,
	dial_status_add: WORD,
	dial_status_remove: WORD,
	script: WORD,
	am_message: WORD,
	drop_inbound_group: WORD,
	reset_time: keep('\\-_0-9'),
	expiration_date: WORD,
	list_description: NAME,
	custom_fields_copy: DIGITS,
	custom_copy_method: WORD,
	reset_list: AZ,
	delete_list: AZ,
	delete_leads: AZ,
	ignore_agentdirect: AZ,
};
