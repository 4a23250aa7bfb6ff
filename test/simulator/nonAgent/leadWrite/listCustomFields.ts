/** list_custom_fields: each list's summary with the labels of its custom fields. */
import { s } from '../../db';
import { ciEq, numEqStr } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import { customTable } from './customFields';

export function listCustomFields(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (Number(state.setting('custom_fields_enabled')) < 1) {
		c.say(`ERROR: CUSTOM LIST FIELDS ARE NOT ENABLED ON THIS SYSTEM: |${c.user}|${c.fn}|\n`);
		return;
	}
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.modify_lists === '1' && level(r) >= 8 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: list_custom_fields USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const listId = p.get('list_id');
	if (listId.length < 2 || listId.length > 14) {
		c.say(
			`ERROR: list_custom_fields YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${listId}|${p.get('list_name')}|${p.get('campaign_id')}\n`,
		);
		return;
	}
	const all = listId === '---ALL---';
	if (c.apiListRestrict > 0 && !all && !c.allowedLists.includes(` ${listId} `)) {
		c.say(`ERROR: list_custom_fields NOT AN ALLOWED LIST ID - ${listId}\n`);
		return;
	}
	const camps = allowedCampaigns(state, c.userGroup);
	const campOk = (campaignId: string | null): boolean =>
		camps === null || camps.some((x) => ciEq(campaignId, x));
	const lists = db.t('vicidial_lists');
	if (
		!all &&
		lists.count((r) => numEqStr(Number(r.list_id), listId) && campOk(r.campaign_id)) < 1
	) {
		c.say(`ERROR: list_custom_fields LIST DOES NOT EXIST: |${c.user}|${listId}\n`);
		return;
	}
	const restricted = c.apiListRestrict > 0 ? c.allowedLists : null;
	const chosen = lists
		.filter(
			(r) =>
				(all
					? restricted === null
						? Number(r.list_id) > 0
						: restricted.includes(` ${s(r.list_id)} `)
					: numEqStr(Number(r.list_id), listId)) && campOk(r.campaign_id),
		)
		.sort((a, b) => Number(a.list_id) - Number(b.list_id));
	const stage = p.get('stage');
	const DL = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
	let output = '';
	if (p.get('header') === 'YES')
		output += `${['list_id', 'list_name', 'campaign_id', 'active', 'list_changedate', 'list_lastcalldate', 'custom_fields_list_space_delimited'].join(DL)}\n`;
	const order = p.get('custom_order');
	// The script's label array is not cleared between lists: a sorted order repeats the last list's labels for a list without fields.
	const labels: string[] = [];
	for (const list of chosen) {
		const table = customTable(db, s(list.list_id));
		let inTableOrder: string[] = [];
		if (table) {
			inTableOrder = table.columns
				.map((col) => col.name)
				.filter((name) => name !== 'lead_id' && name.length > 0);
			inTableOrder.forEach((name, i) => (labels[i] = name));
		}
		let printed = inTableOrder.join(' ');
		if (order === 'alpha_up') printed = [...labels].sort().join(' ');
		if (order === 'alpha_down') printed = [...labels].sort().reverse().join(' ');
		output += `${[list.list_id, list.list_name, list.campaign_id, list.active, list.list_changedate, list.list_lastcalldate].map(s).join(DL)}${DL}${printed}\n`;
	}
	c.say(output);
}
