/** Shared pieces of the didDncHopper handlers: user rights and the user group's campaign scope. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import type { SimState } from '../../state';
import { countUser, level, type NaContext } from '../context';

/** Rights columns as the function's permission query names them. */
export function hasRights(
	c: NaContext,
	cols: string[],
	minLevel: number,
	agentApi: boolean,
): number {
	return countUser(
		c,
		(r: Row) =>
			(!agentApi || r.vdc_agent_api_access === '1') &&
			cols.every((col) => r[col] === '1') &&
			level(r) >= minLevel &&
			r.active === 'Y',
	);
}

/** The user group row of the logged-in API user (`$LOGuser_group`). */
function groupOf(state: SimState, userGroup: string): Row | undefined {
	return state.db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, userGroup));
}

/**
 * `campaign_id IN(...)` of the user group's allowed campaigns, or null when the group allows
 * all (an unknown group reads as an empty, hence restricting, list).
 */
export function campaignScope(state: SimState, userGroup: string): string[] | null {
	const allowed = s(groupOf(state, userGroup)?.allowed_campaigns);
	if (/-ALL/i.test(allowed)) return null;
	return allowed.replace(/ -/g, '').split(' ');
}

/** `user_group IN('---ALL---',...)` of the admin-viewable groups, or null when unrestricted. */
export function viewableScope(
	state: SimState,
	userGroup: string,
	needsLength: boolean,
): string[] | null {
	const viewable = s(groupOf(state, userGroup)?.admin_viewable_groups);
	if (/--ALL--/i.test(viewable) || (needsLength && viewable.length <= 3)) return null;
	return ['---ALL---', ...viewable.replace(/ -/g, '').split(' ')];
}

export const inScope = (scope: string[] | null, value: string | null): boolean =>
	scope === null || scope.some((x) => ciEq(value, x));
