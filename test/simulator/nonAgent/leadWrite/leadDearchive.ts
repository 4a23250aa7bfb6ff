/** lead_dearchive: move a lead from vicidial_list_archive back to vicidial_list. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';

export function leadDearchive(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.modify_leads === '1' && level(r) > 7 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: lead_dearchive USER DOES NOT HAVE PERMISSION TO MODIFY LEAD INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const leadId = p.get('lead_id');
	if (leadId.length < 1 || leadId.length > 11) {
		c.say(`ERROR: lead_dearchive INVALID SEARCH PARAMETERS: ${c.user}|${leadId}\n`);
		return;
	}
	const camps = allowedCampaigns(state, c.userGroup);
	const lists =
		camps === null
			? null
			: db
					.t('vicidial_lists')
					.filter((r) => camps.some((x) => ciEq(r.campaign_id, x)))
					.map((r) => s(r.list_id));
	const archive = db.t('vicidial_list_archive');
	const sameId = (r: Row): boolean => Number(r.lead_id) === Number(leadId);
	const archived = archive.find(
		(r) => sameId(r) && (lists === null || lists.length === 0 || lists.includes(s(r.list_id))),
	);
	if (!archived) {
		c.say(
			`ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: ${c.user}|${leadId}|${p.get('stage')}|${p.get('search_location')}\n`,
		);
		return;
	}
	const active = db.t('vicidial_list');
	if (active.find(sameId)) {
		c.say(
			`ERROR: lead_dearchive NON-ARCHIVED LEAD FOUND: ${c.user}|${leadId}|${s(archived.list_id)}\n`,
		);
		return;
	}
	active.insert({ ...archived }, state.nowStr());
	const removed = archive.delete((r) => s(r.lead_id) === s(archived.lead_id));
	c.say(`SUCCESS: lead_dearchive LEAD DE-ARCHIVED: ${c.user}|${leadId}|1|${removed}\n`);
}
