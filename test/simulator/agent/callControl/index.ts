/** Simulator handlers of the Agent API's callControl functions, and the input filters of the variables they read. */
import { AZ, DIGITS, keep, type Filter } from '../../params';
import type { AgHandler } from '../context';
import { externalDial, previewDialAction } from './dial';
import { forceFronterAudioStop, forceFronterLeave3way } from './fronter';
import { switchLead, vmMessage } from './leadSwitch';
import { raCallControl } from './raCallControl';
import { audioPlayback, recording } from './recording';
import { externalHangup, externalStatus, parkCall, sendDtmf } from './screenFlags';
import { transferConference } from './transfer';

export const handlers: Readonly<Record<string, AgHandler>> = {
	external_dial: externalDial,
	preview_dial_action: previewDialAction,
	external_hangup: externalHangup,
	external_status: externalStatus,
	send_dtmf: sendDtmf,
	park_call: parkCall,
	transfer_conference: transferConference,
	switch_lead: switchLead,
	vm_message: vmMessage,
	ra_call_control: raCallControl,
	force_fronter_leave_3way: forceFronterLeave3way,
	force_fronter_audio_stop: forceFronterAudioStop,
	recording,
	audio_playback: audioPlayback,
};

const WORD = keep('\\-_0-9a-zA-Z');
/** '+' into ' ', then keep these characters */
const plusThenKeep =
	(cls: string): Filter =>
	(v) =>
		keep(cls)(v.replace(/\+/g, ' '));

/** Filters for variables not yet in AGENT_FILTERS (the same variable may appear in both groups). */
/** phone_code, phone_number, vendor_id, vendor_lead_code and ingroup_choices are in session's table (one filter per variable). */
export const filters: Readonly<Record<string, Filter>> = {
	focus: WORD,
	preview: WORD,
	search: WORD,
	group_alias: keep('0-9a-zA-Z'),
	dial_prefix: keep('0-9a-zA-Z'),
	vtiger_callback: AZ,
	alt_dial: keep('0-9A-Z'),
	lead_id: DIGITS,
	dial_override: AZ,
	consultative: AZ,
	callback_datetime: plusThenKeep('\\- :._0-9a-zA-Z'),
	callback_type: AZ,
	callback_comments: plusThenKeep('\\- ._0-9a-zA-Z'),
	qm_dispo_code: keep('\\-._0-9a-zA-Z'),
	stage: (v) => v.replace(/['"\\;]/g, ''),
	status: WORD,
	dial_ingroup: WORD,
	cid_choice: WORD,
	outbound_cid: WORD,
	multi_dial_phones: keep(',0-9'),
	md_check: keep('0-9a-zA-Z'),
	tw_check: keep('0-9a-zA-Z'),
};
