/** user_details: one user's name, group, level and active flag as a delimited line. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { inViewable, viewableGroups } from './common';

export function userDetails(c: NaContext): void {
	const { p, state } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' && r.view_reports === '1' && level(r) > 6 && r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const agentUser = p.get('agent_user');
	if (agentUser.length < 1 || agentUser.length >= 100) {
		c.say(`ERROR: user_details INVALID SEARCH PARAMETERS: ${c.user}|${agentUser}\n`);
		return;
	}
	const stage = p.get('stage');
	const DL = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
	let output =
		p.get('header') === 'YES'
			? `${['user', 'full_name', 'user_group', 'user_level', 'active'].join(DL)}\n`
			: '';
	const viewable = viewableGroups(c);
	const row = state.db
		.t('vicidial_users')
		.find((r) => ciEq(r.user, agentUser) && inViewable(viewable, r.user_group));
	if (!row) {
		c.say(`ERROR: user_details USER NOT FOUND: ${c.user}|${agentUser}\n`);
		return;
	}
	output += `${[agentUser, s(row.full_name), s(row.user_group), s(row.user_level), s(row.active)].join(DL)}\n`;
	c.say(output);
}
