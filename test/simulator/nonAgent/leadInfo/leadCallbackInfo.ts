/** lead_callback_info: a lead's scheduled callbacks, archived ones first, each table in callback_id order. */
import { s, type Row } from '../../db';
import { numEqStr } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import { delimiter, listVisible, sayLoggingOutput, userAllowed, viewReports } from './common';

const HEADER = [
	'lead_id',
	'callback_type',
	'recipient',
	'callback_status',
	'lead_status',
	'callback_date',
	'entry_date',
	'user',
	'list_id',
	'campaign_id',
	'user_group',
	'customer_timezone',
	'customer_time',
	'comments',
];

export function leadCallbackInfo(c: NaContext): void {
	const { state, p } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = userAllowed(c, 6, viewReports);
	if (allowed < 1) {
		c.say(
			`ERROR: lead_callback_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const leadId = p.get('lead_id');
	if (leadId.length < 1 || leadId.length > 11) {
		c.say(`ERROR: lead_callback_info INVALID SEARCH PARAMETERS: ${c.user}|${leadId}\n`);
		return;
	}
	const { DL, stage } = delimiter(p.get('stage'), true);
	const header = p.get('header');
	const location = p.get('search_location');
	const restricted = allowedCampaigns(state, c.userGroup) !== null && c.apiListRestrict > 0;
	let output = header === 'YES' ? `${HEADER.join(DL)}\n` : '';

	const print = (rows: Row[], type: string): boolean => {
		for (const r of rows.sort((a, b) => Number(a.callback_id) - Number(b.callback_id))) {
			if (restricted && !listVisible(state, c.userGroup, r.list_id)) {
				c.say(`ERROR: lead_callback_info LEAD NOT FOUND: |${c.user}|${allowed}|\n`);
				return false;
			}
			const timezone = s(r.customer_timezone).replace(/,/g, '-');
			output +=
				[
					leadId,
					type,
					r.recipient,
					r.status,
					r.lead_status,
					r.callback_time,
					r.entry_time,
					r.user,
					r.list_id,
					r.campaign_id,
					r.user_group,
					timezone,
					r.customer_time,
					r.comments,
				]
					.map((v) => s(v))
					.join(DL) + '\n';
		}
		return true;
	};
	const ofLead = (r: Row): boolean => numEqStr(Number(r.lead_id), leadId);
	if (location === 'ARCHIVE' || location === 'ALL') {
		if (!print(state.db.t('vicidial_callbacks_archive').filter(ofLead), 'ARCHIVE')) return;
	}
	if (location === 'CURRENT' || location === 'ALL' || location === '') {
		if (!print(state.db.t('vicidial_callbacks').filter(ofLead), 'CURRENT')) return;
	}
	const enough =
		((header === 'NO' || header === '') && output.length > 10) ||
		(header === 'YES' && output.length > 170);
	if (enough) sayLoggingOutput(c, 'lead_callback_info', output);
	else
		c.say(
			`ERROR: lead_callback_info CALLBACK NOT FOUND: ${c.user}|${leadId}|${stage}|${location}\n`,
		);
}
