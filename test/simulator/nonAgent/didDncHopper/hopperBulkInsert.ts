/**
 * hopper_bulk_insert: queue existing leads in the hopper of their list's campaign, one NOTICE
 * per requested id, then a summary line.
 */
import { dialableGmt } from '../../callTimes';
import { s, type Row } from '../../db';
import { ciEq, numEqStr, SqlError, sqlLiteral } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { campaignScope, hasRights, inScope } from './common';

export function hopperBulkInsert(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const db = state.db;
	const allowed = hasRights(c, ['modify_campaigns'], 8, true);
	if (allowed < 1) {
		c.say(
			`ERROR: hopper_bulk_insert USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE HOPPER: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const leadIds = p.get('lead_ids');
	const scope = campaignScope(state, c.userGroup);
	let listScope: number[] | null = null;
	if (scope !== null) {
		listScope = db
			.t('vicidial_lists')
			.filter((r) => inScope(scope, r.campaign_id))
			.map((r) => Number(r.list_id));
		if (listScope.length < 1) listScope = [9];
	}
	// `lead_id IN(<lead_ids>)`: the filtered value goes into the SQL as it is
	if (!/^\d+(,\d+)*$/.test(leadIds)) throw new SqlError('lead_id IN() is invalid');
	const wanted = leadIds.split(',');
	const found = db
		.t('vicidial_list')
		.filter(
			(r) =>
				wanted.some((id) => numEqStr(Number(r.lead_id), id)) &&
				(listScope === null || listScope.includes(Number(r.list_id))),
		)
		.sort((a, b) => Number(b.lead_id) - Number(a.lead_id))
		.slice(0, 1000);
	const hopper = db.t('vicidial_hopper');
	let notices = '';
	let added = 0;
	let errors = 0;
	let lastHopperId = '';
	for (const id of wanted) {
		// the script compares the stored id with the requested text: "012" does not find lead 12
		const lead: Row | undefined = found.find((r) => s(r.lead_id) === id);
		let done = false;
		if (lead) {
			const leadId = s(lead.lead_id);
			if (hopper.count((h) => s(h.lead_id) === leadId) > 0) {
				notices += `NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - ${leadId}\n`;
				errors++;
				done = true;
			} else {
				const list = db
					.t('vicidial_lists')
					.find((r) => numEqStr(Number(r.list_id), s(lead.list_id)));
				const camp = list
					? db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, list.campaign_id))
					: undefined;
				if (!list || !camp) {
					// this notice does not end the search, so the lead is reported as not found as well
					notices += `NOTICE: hopper_bulk_insert CAMPAIGN DOES NOT EXIST - ${s(lead.list_id)}|${leadId}\n`;
					errors++;
				} else {
					let callTime = s(camp.local_call_time);
					const own = list.local_call_time;
					if (own !== null && own !== '' && !/^campaign$/i.test(own)) callTime = own;
					const gmt = s(lead.gmt_offset_now);
					const leadState = s(lead.state);
					const dialable =
						p.get('hopper_local_call_time_check') === 'Y'
							? dialableGmt(state, callTime, Number(gmt), leadState)
							: 1;
					if (dialable < 1) {
						notices += `NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME, - ${leadId}|${gmt}|${leadState}|${dialable}\n`;
						errors++;
					} else {
						const row = hopper.insert(
							{
								lead_id: leadId,
								campaign_id: s(camp.campaign_id),
								status: 'READY',
								list_id: s(lead.list_id),
								gmt_offset_now: gmt,
								state: leadState,
								user: '',
								priority: c.hopperPriority,
								source: 'P',
								vendor_lead_code: sqlLiteral(s(lead.vendor_lead_code), '"'),
							},
							state.nowStr(),
						);
						lastHopperId = s(row.hopper_id);
						notices += `NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - ${s(lead.phone_number)}|${leadId}|${lastHopperId}|${c.user}\n`;
						added++;
					}
					done = true;
				}
			}
		}
		if (!done)
			notices += `NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - ${id}\n`;
	}
	const notFound = (notices.match(/LEAD NOT FOUND/g) ?? []).length;
	if (notices.length <= 10) return;
	c.out.echo(notices);
	if (added > 0)
		c.say(
			`SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - ${added}|${errors}|${lastHopperId}|${c.user}\n`,
		);
	else
		c.say(
			`ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - ${errors}|${notFound}|${c.user}\n`,
		);
}
