/** add_fpg_phone / delete_fpg_phone: one number in a filter phone group. */
import { ciEq, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRights } from './common';

function fpgPhone(c: NaContext, adding: boolean): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p, fn } = c;
	const db = state.db;
	const allowed = hasRights(c, ['modify_lists'], 8, false);
	const verb = adding ? 'ADD' : 'DELETE';
	if (allowed < 1) {
		c.say(
			`ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO ${verb} FILTER PHONE GROUP NUMBERS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const phone = p.get('phone_number');
	const group = p.get('group');
	if (phone.length < 6 || group.length < 1) {
		c.say(`ERROR: ${fn} YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${phone}|${group}\n`);
		return;
	}
	if (db.t('vicidial_filter_phone_groups').count((r) => ciEq(r.filter_phone_group_id, group)) < 1) {
		c.say(`ERROR: ${fn} FILTER PHONE GROUP DOES NOT EXIST: |${c.user}|${group}\n`);
		return;
	}
	const numbers = db.t('vicidial_filter_phone_numbers');
	const matches = (r: Record<string, string | null>): boolean =>
		ciEq(r.phone_number, phone) && ciEq(r.filter_phone_group_id, group);
	const exists = numbers.count(matches);
	if (adding && exists > 0) {
		c.say(`ERROR: ${fn} FILTER PHONE GROUP NUMBER ALREADY EXISTS: |${c.user}|${phone}|${group}\n`);
		return;
	}
	if (!adding && exists < 1) {
		c.say(`ERROR: ${fn} FILTER PHONE GROUP NUMBER DOES NOT EXIST: |${c.user}|${phone}|${group}\n`);
		return;
	}
	const now = state.nowStr();
	if (adding) {
		const row = numbers.insert({ phone_number: phone, filter_phone_group_id: group }, now);
		numbers.rows.pop();
		if (
			numbers.count(
				(r) =>
					ciEq(r.phone_number, row.phone_number) &&
					ciEq(r.filter_phone_group_id, row.filter_phone_group_id),
			) > 0
		) {
			throw new SqlError('duplicate key');
		}
		numbers.rows.push(row);
	} else {
		numbers.delete(matches);
	}
	c.say(
		`SUCCESS: ${fn} FILTER PHONE GROUP NUMBER HAS BEEN ${verb === 'ADD' ? 'ADDED' : 'DELETED'} - ${c.user}|${phone}|${group}\n`,
	);
}

export const addFpgPhone = (c: NaContext): void => fpgPhone(c, true);
export const deleteFpgPhone = (c: NaContext): void => fpgPhone(c, false);
