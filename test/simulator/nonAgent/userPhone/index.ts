/** Simulator handlers of the userPhone functions, and the input filters of the variables they read. */
import { ALNUM, AZ, DIGITS, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { addGroupAlias } from './addGroupAlias';
import { addUser } from './addUser';
import { copyUser } from './copyUser';
import { addPhoneAlias, updatePhoneAlias } from './phoneAliases';
import { addPhone, updatePhone } from './phones';
import { updateRemoteAgent } from './updateRemoteAgent';
import { updateUser } from './updateUser';
import { userDetails } from './userDetails';

export const handlers: Readonly<Record<string, NaHandler>> = {
	add_user: addUser,
	copy_user: copyUser,
	update_user: updateUser,
	user_details: userDetails,
	update_remote_agent: updateRemoteAgent,
	add_group_alias: addGroupAlias,
	add_phone: addPhone,
	update_phone: updatePhone,
	add_phone_alias: addPhoneAlias,
	update_phone_alias: updatePhoneAlias,
};

const NAME = keep('\\- +.:/@_0-9a-zA-Z');

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	agent_pass: WORD,
	agent_user_level: DIGITS,
	agent_full_name: NAME,
	agent_user_group: WORD,
	phone_pass: WORD,
	hotkeys_active: DIGITS,
	voicemail_id: ALNUM,
	custom_one: NAME,
	custom_two: NAME,
	custom_three: NAME,
	custom_four: NAME,
	custom_five: NAME,
	wrapup_seconds_override: keep('\\-0-9'),
	agent_choose_ingroups: DIGITS,
	agent_choose_blended: DIGITS,
	closer_default_blended: DIGITS,
	source_user: WORD,
	delete_user: AZ,
	campaign_rank: keep('\\-_0-9'),
	campaign_grade: DIGITS,
	camp_rg_only: DIGITS,
	ingroup_rank: keep('\\-_0-9'),
	ingroup_grade: DIGITS,
	ingrp_rg_only: DIGITS,
	group_id: keep('_0-9a-zA-Z'),
	reset_password: DIGITS,
	number_of_lines: DIGITS,
	group_alias_id: keep('_0-9a-zA-Z'),
	group_alias_name: keep('\\- +_0-9a-zA-Z'),
	caller_id_number: DIGITS,
	caller_id_name: keep('\\- +_0-9a-zA-Z'),
	admin_user_group: WORD,
	dialplan_number: keep('*#0-9a-zA-Z'),
	protocol: ALNUM,
	registration_password: WORD,
	phone_full_name: keep('\\- +._0-9a-zA-Z'),
	local_gmt: keep('\\-.0-9'),
	phone_context: WORD,
	is_webphone: WORD,
	webphone_auto_answer: WORD,
	use_external_server_ip: WORD,
	template_id: WORD,
	on_hook_agent: WORD,
	delete_phone: AZ,
	outbound_alt_cid: ALNUM,
	phone_ring_timeout: DIGITS,
	delete_vm_after_email: keep('a-zA-Z'),
	alias_id: WORD,
	alias_name: NAME,
	phone_logins: keep('\\-,_0-9a-zA-Z'),
	delete_alias: AZ,
};
