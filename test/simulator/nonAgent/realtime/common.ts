/** What the real-time functions share: the viewer's group limits, the delimiter, an agent's sub-status. */
import { s, type Row } from '../../db';
import { ciEq, ciKey } from '../../mysql';
import type { SimState } from '../../state';
import type { NaContext } from '../context';

/** The API user's group: which user groups and campaigns it may see (null = all). */
export interface Viewer {
	groups: string[] | null;
	campaigns: string[] | null;
}

export function viewerOf(c: NaContext): Viewer {
	const group = c.state.db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, c.userGroup));
	const viewable = s(group?.admin_viewable_groups);
	const allowed = s(group?.allowed_campaigns);
	const groups =
		/--ALL--/i.test(viewable) || viewable.length <= 3
			? null
			: ['---ALL---', ...viewable.replace(/ -/g, '').split(' ')];
	const campaigns = /-ALL/i.test(allowed) ? null : allowed.replace(/ -/g, '').split(' ');
	return { groups, campaigns };
}

/** `user_group IN(...)` of the viewer (true when the viewer sees every group). */
export const seesGroup = (v: Viewer, userGroup: string | null): boolean =>
	v.groups === null || v.groups.some((g) => ciEq(userGroup, g));

/** `x IN('a','b')` after the script turned "a|b" into a list. */
export const inList = (value: string | null, list: string[]): boolean =>
	list.some((item) => ciEq(value, item));

/** The output delimiter of stage=csv/tab/pipe (pipe otherwise). */
export function delimiterOf(stage: string): string {
	if (stage === 'csv') return ',';
	if (stage === 'tab') return '\t';
	return '|';
}

/** ORDER BY a text column under the _ci collation. */
export function byCi(column: string): (a: Row, b: Row) => number {
	return (a, b) => {
		const x = ciKey(s(a[column]));
		const y = ciKey(s(b[column]));
		return x < y ? -1 : x > y ? 1 : 0;
	};
}

/**
 * The finer state of a live agent that logged_in_agents (show_sub_status) and agent_status
 * print: pause code and RING / DISPO / PREVIEW / 3-WAY / PARK / DEAD / DIAL.
 * `leadId` is the lead to print (a previewed lead replaces the agent's lead_id).
 */
export function subStatus(
	state: SimState,
	agent: Row,
	chatCreator: string,
): { pauseCode: string; rtr: string; leadId: string } {
	const db = state.db;
	const status = s(agent.status);
	let leadId = s(agent.lead_id);
	const callerid = s(agent.callerid);
	const comments = s(agent.comments);
	const log = db
		.t('vicidial_agent_log')
		.find((r) => ciEq(r.user, agent.user) && Number(r.agent_log_id) === Number(agent.agent_log_id));
	const pauseCode = log ? s(log.sub_status) : '';
	let rtr = '';
	if (agent.on_hook_agent === 'Y' && s(agent.ring_callerid).length > 18) rtr = 'RING';
	if (status === 'PAUSED' && Number(leadId) > 0) rtr = 'DISPO';
	if (status === 'PAUSED' && Number(agent.preview_lead_id) > 0) {
		rtr = 'PREVIEW';
		leadId = s(agent.preview_lead_id);
	}
	if (status === 'INCALL') {
		if (
			Number(leadId) > 0 &&
			db
				.t('vicidial_live_agents')
				.count((r) => Number(r.lead_id) === Number(leadId) && ciEq(r.status, 'INCALL')) > 1
		)
			rtr = '3-WAY';
		if (db.t('parked_channels').count((r) => ciEq(r.channel_group, callerid)) > 0) {
			rtr = 'PARK';
		} else if (/CHAT/i.test(comments)) {
			// the script counts the rows of the wrong query here, so it always looks the chat up
			const chats = db
				.t('vicidial_live_chats')
				.filter((r) => ciEq(r.chat_creator, chatCreator) && s(r.lead_id) === leadId)
				.sort((a, b) => (s(a.chat_start_time) < s(b.chat_start_time) ? 1 : -1));
			const chatId = s(chats[0]?.chat_id);
			if (
				db
					.t('vicidial_chat_log')
					.count((r) => s(r.chat_id) === chatId && /has left chat$/i.test(s(r.message))) > 0
			)
				rtr = 'DEAD';
		} else if (!/EMAIL/i.test(comments)) {
			const calls = db.t('vicidial_auto_calls').filter((r) => ciEq(r.callerid, callerid));
			if (calls.length < 1) rtr = 'DEAD';
			else if (
				comments === 'MANUAL' &&
				s(calls[0].uniqueid).length < 5 &&
				s(calls[0].channel).length < 5
			)
				rtr = 'DIAL';
		}
	}
	return { pauseCode, rtr, leadId };
}
