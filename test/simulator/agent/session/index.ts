/** Simulator handlers of the Agent API's session functions, and the input filters of the variables they read. */
import { ALNUM, AZ, DIGITS, keep, keepPlus, type Filter } from '../../params';
import type { AgHandler } from '../context';
import { changeIngroups } from './changeIngroups';
import { callsInQueueCount } from './callsInQueue';
import { stGetAgentActiveLead, stLoginLog } from './crmAgent';
import { externalAddLead } from './externalAddLead';
import { logout } from './logout';
import { pauseCode } from './pauseCode';
import { sendNotification } from './sendNotification';
import { callAgent, webphoneUrl } from './sessionInfo';
import { setTimerAction } from './setTimerAction';
import { refreshPanel, updateFields } from './updateFields';
import { webserver } from './webserver';

export const handlers: Readonly<Record<string, AgHandler>> = {
	logout,
	pause_code: pauseCode,
	change_ingroups: changeIngroups,
	call_agent: callAgent,
	send_notification: sendNotification,
	refresh_panel: refreshPanel,
	set_timer_action: setTimerAction,
	update_fields: updateFields,
	external_add_lead: externalAddLead,
	st_get_agent_active_lead: stGetAgentActiveLead,
	st_login_log: stLoginLog,
	webserver,
	webphone_url: webphoneUrl,
	calls_in_queue_count: callsInQueueCount,
};

/** drop ; and #, then '+' into ' ' (api.php's free-text fields) */
const semiHash: Filter = (v) => v.replace(/[;#]/g, '').replace(/\+/g, ' ');
const plusFirst =
	(cls: string): Filter =>
	(v) =>
		keep(cls)(v.replace(/\+/g, ' '));

/** Filters for variables not yet in AGENT_FILTERS (use_non_latin=0). */
export const filters: Readonly<Record<string, Filter>> = {
	vendor_id: semiHash,
	notes: plusFirst('\\- ._0-9a-zA-Z'),
	blended: AZ,
	ingroup_choices: plusFirst('\\- _0-9a-zA-Z'),
	set_as_default: AZ,
	phone_code: keep('0-9X'),
	phone_number: keep('*#0-9a-zA-Z'),
	vendor_lead_code: semiHash,
	source_id: semiHash,
	gmt_offset_now: keep('\\-_.0-9'),
	title: keep("\\- '_.0-9a-zA-Z"),
	first_name: keepPlus("\\- '+_.0-9a-zA-Z"),
	middle_initial: keep('0-9a-zA-Z'),
	last_name: keepPlus("\\- '+_.0-9a-zA-Z"),
	address1: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	address2: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	address3: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	city: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	state: keep('\\- 0-9a-zA-Z'),
	province: keepPlus("\\- '+._0-9a-zA-Z"),
	postal_code: (v) => keep('\\- ._0-9a-zA-Z')(keepPlus("\\- '+0-9a-zA-Z")(v)),
	country_code: AZ,
	gender: AZ,
	date_of_birth: keep('\\-0-9'),
	alt_phone: keepPlus("\\- '+_.0-9a-zA-Z"),
	email: keepPlus("\\- '+.:/@%_0-9a-zA-Z"),
	security_phrase: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	comments: semiHash,
	rank: DIGITS,
	owner: keepPlus("\\- '+.:/@_0-9a-zA-Z"),
	dnc_check: keep('\\-_0-9a-zA-Z'),
	campaign_dnc_check: keep('\\-_0-9a-zA-Z'),
	recipient: keep('\\-_0-9a-zA-Z'),
	recipient_type: keep('_a-zA-Z'),
	notification_date: keep('\\- :0-9'),
	notification_text: semiHash,
	notification_retry: keep('YNyn'),
	text_size: DIGITS,
	text_font: keep(',\\- a-zA-Z'),
	text_weight: keep(',a-zA-Z'),
	text_color: ALNUM,
	show_confetti: keep('YNyn'),
	duration: DIGITS,
	maxParticleCount: DIGITS,
	particleSpeed: DIGITS,
};
