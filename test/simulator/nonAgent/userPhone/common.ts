/** What the user and phone handlers share: the caller's viewable user groups, the level rule, the check prologue. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';

/**
 * The API user's group's admin_viewable_groups as an `IN(...)` list, or null when every group is
 * viewable (`---ALL---` in it, or 3 characters or fewer).
 */
export function viewableGroups(c: NaContext): string[] | null {
	const group = c.state.db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, c.userGroup));
	const viewable = s(group?.admin_viewable_groups);
	if (/--ALL--/i.test(viewable) || viewable.length <= 3) return null;
	return ['---ALL---', ...viewable.replace(/ -/g, '').split(' ')];
}

/** `... and user_group IN(...)` for a row's column. */
export function inViewable(groups: string[] | null, value: string | null): boolean {
	return groups === null || groups.some((g) => ciEq(value, g));
}

/** Source, allowed function, then the function's own right: true when the handler may go on. */
export function prologue(c: NaContext, right: (r: Row) => boolean, refusal: string): boolean {
	if (!checkSource(c) || !checkAllowedFunction(c)) return false;
	const allowed = countUser(
		c,
		(r) => r.vdc_agent_api_access === '1' && right(r) && level(r) >= 8 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(`ERROR: ${c.fn} ${refusal}: |${c.user}|${allowed}\n`);
		return false;
	}
	return true;
}

/** The first free id from system_settings.auto_user_add_value, stepping by 7 (AUTOGENERATE users). */
export function autogenerateUser(c: NaContext): string {
	let candidate = Number(c.state.setting('auto_user_add_value') || 0);
	while (c.state.user(String(candidate))) candidate += 7;
	c.state.db
		.t('system_settings')
		.update(c.state.settings(), { auto_user_add_value: candidate }, c.state.nowStr());
	return String(candidate);
}

/** A user-list `in_groups` value (a|b) as closer_campaigns stores it (` a b -`). */
export const closerCampaigns = (inGroups: string): string => ` ${inGroups.replace(/\|/g, ' ')} -`;

/** The 33 offsets the phone functions accept, compared like PHP's `!=` (numerically). */
export const PHONE_GMT = [
	'12.75',
	'12.00',
	'11.00',
	'10.00',
	'9.50',
	'9.00',
	'8.00',
	'7.00',
	'6.50',
	'6.00',
	'5.75',
	'5.50',
	'5.00',
	'4.50',
	'4.00',
	'3.50',
	'3.00',
	'2.00',
	'1.00',
	'0.00',
	'-1.00',
	'-2.00',
	'-3.00',
	'-3.50',
	'-4.00',
	'-5.00',
	'-6.00',
	'-7.00',
	'-8.00',
	'-9.00',
	'-10.00',
	'-11.00',
	'-12.00',
];

export { level };
