/** batch_update_lead: one set of field values on every listed lead that exists. */
import { s } from '../../db';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { leadChanges } from './updateLead';

export function batchUpdateLead(c: NaContext): void {
	const { state, p } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const modifyLeads = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			['1', '2', '3', '4'].includes(s(r.modify_leads)) &&
			level(r) > 7 &&
			r.active === 'Y',
	);
	if (modifyLeads < 1) {
		c.say(
			`ERROR: batch_update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${c.user}|${modifyLeads}|\n`,
		);
		return;
	}
	const records = p.get('records') || '1000';
	const leadIds = p.get('lead_ids');
	if (leadIds.length < 1) {
		c.say(`ERROR: batch_update_lead NO LEADS DEFINED - ${c.user}|${leadIds}\n`);
		return;
	}
	const listIdField = p.get('list_id_field');
	if (
		c.apiListRestrict > 0 &&
		listIdField !== '' &&
		Number(listIdField) >= 99 &&
		!c.allowedLists.includes(` ${listIdField} `)
	) {
		c.say(`ERROR: batch_update_lead NOT AN ALLOWED LIST ID - ${c.user}|${listIdField}\n`);
		return;
	}
	if (/Y/i.test(p.get('list_exists_check')) && listIdField.length > 0) {
		if (state.db.t('vicidial_lists').count((r) => Number(r.list_id) === Number(listIdField)) < 1) {
			c.say(
				`ERROR: batch_update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - ${c.user}|${listIdField}\n`,
			);
			return;
		}
	}
	// lead_id IN(...): the validation in front keeps this a plain list of numbers
	const wanted = leadIds.split(',').map(Number);
	const allowed = c.apiListRestrict > 0 ? c.allowedLists : null;
	const leads = c.leadTable;
	const found = leads
		.filter(
			(r) =>
				wanted.includes(Number(r.lead_id)) &&
				(allowed === null || allowed.includes(` ${s(r.list_id)} `)),
		)
		.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))
		.slice(0, Number(records));
	if (found.length < 1) {
		c.say(`ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |${c.user}|${leadIds}\n`);
		return;
	}
	const set = leadChanges(c);
	if (Object.keys(set).length < 1) return; // nothing to change: the script prints nothing
	let affected = 0;
	for (const lead of found) affected += leads.update(lead, set, state.nowStr());
	c.say(
		`SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - ${c.user}|${affected}|${found.length}|${found.map((r) => s(r.lead_id)).join(',')}\n`,
	);
}
