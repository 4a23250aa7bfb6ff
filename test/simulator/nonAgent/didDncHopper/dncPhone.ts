/**
 * add_dnc_phone / delete_dnc_phone: one number on the system DNC list (campaign
 * SYSTEM_INTERNAL) or on a campaign's DNC list. The campaign is not checked.
 */
import type { RowInput } from '../../db';
import { ciEq, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRights } from './common';

function dncPhone(c: NaContext, adding: boolean): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p, fn } = c;
	const db = state.db;
	const rights = adding ? ['modify_lists'] : ['modify_lists', 'delete_from_dnc'];
	const allowed = hasRights(c, rights, 8, false);
	if (allowed < 1) {
		c.say(
			`ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO ${adding ? 'ADD' : 'DELETE'} DNC NUMBERS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const phone = p.get('phone_number');
	const campaign = p.get('campaign_id');
	if (phone.length < 6 || campaign.length < 1) {
		c.say(`ERROR: ${fn} YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${phone}|${campaign}\n`);
		return;
	}
	const system = campaign === 'SYSTEM_INTERNAL';
	const table = db.t(system ? 'vicidial_dnc' : 'vicidial_campaign_dnc');
	const matches = (r: Record<string, string | null>): boolean =>
		ciEq(r.phone_number, phone) && (system || ciEq(r.campaign_id, campaign));
	const exists = table.count(matches);
	if (adding && exists > 0) {
		c.say(`ERROR: ${fn} DNC NUMBER ALREADY EXISTS: |${c.user}|${phone}|${campaign}\n`);
		return;
	}
	if (!adding && exists < 1) {
		c.say(`ERROR: ${fn} DNC NUMBER DOES NOT EXIST: |${c.user}|${phone}|${campaign}\n`);
		return;
	}
	const now = state.nowStr();
	if (adding) {
		const row: RowInput = system
			? { phone_number: phone }
			: { phone_number: phone, campaign_id: campaign };
		// the columns are shorter than what the check compared: the stored key may already exist
		const probe = table.insert(row, now);
		table.rows.pop();
		if (
			table.count(
				(r) =>
					ciEq(r.phone_number, probe.phone_number) &&
					(system || ciEq(r.campaign_id, probe.campaign_id)),
			) > 0
		) {
			throw new SqlError('duplicate key');
		}
		table.insert(row, now);
	} else {
		table.delete(matches);
	}
	db.t('vicidial_dnc_log').insert(
		{
			phone_number: phone,
			campaign_id: system ? '-SYSINT-' : campaign,
			action: adding ? 'add' : 'delete',
			action_date: now,
			user: c.user,
		},
		now,
	);
	c.say(
		`SUCCESS: ${fn} DNC NUMBER HAS BEEN ${adding ? 'ADDED' : 'DELETED'} - ${c.user}|${phone}|${campaign}\n`,
	);
}

export const addDncPhone = (c: NaContext): void => dncPhone(c, true);
export const deleteDncPhone = (c: NaContext): void => dncPhone(c, false);
