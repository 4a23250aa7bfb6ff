/** add_user: a new vicidial_users row from the given fields. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';
import { autogenerateUser, closerCampaigns, inViewable, prologue, viewableGroups } from './common';

export function addUser(c: NaContext): void {
	const { p, state } = c;
	if (!prologue(c, (r) => r.modify_users === '1', 'USER DOES NOT HAVE PERMISSION TO ADD USERS'))
		return;
	let agentUser = p.get('agent_user');
	const agentPass = p.get('agent_pass');
	const agentLevel = p.get('agent_user_level');
	const fullName = p.get('agent_full_name');
	const group = p.get('agent_user_group');
	if (
		agentUser.length < 2 ||
		agentPass.length < 2 ||
		agentLevel.length < 1 ||
		fullName.length < 1 ||
		group.length < 1
	) {
		c.say(
			`ERROR: add_user YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${agentUser}|${agentPass}|${agentLevel}|${fullName}|${group}\n`,
		);
		return;
	}
	const me = state.user(c.user);
	const myLevel = Number(me?.user_level ?? 0);
	const sameLevel = Number(me?.modify_same_user_level ?? 0);
	const wanted = Number(agentLevel);
	if ((myLevel < 9 && myLevel <= wanted) || (sameLevel < 1 && myLevel >= 9 && myLevel === wanted)) {
		c.say(
			`ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS USER LEVEL: |${c.user}|${agentLevel}|${myLevel}\n`,
		);
		return;
	}
	const viewable = viewableGroups(c);
	if (
		!state.db
			.t('vicidial_user_groups')
			.find((r) => ciEq(r.user_group, group) && inViewable(viewable, r.user_group))
	) {
		c.say(`ERROR: add_user USER GROUP DOES NOT EXIST: |${c.user}|${group}\n`);
		return;
	}
	if (state.user(agentUser)) {
		c.say(`ERROR: add_user USER ALREADY EXISTS: |${c.user}|${agentUser}\n`);
		return;
	}
	if (/AUTOGENERA/.test(agentUser)) agentUser = autogenerateUser(c);
	const orDefault = (name: string, fallback: string): string =>
		p.get(name).length < 1 ? fallback : p.get(name);
	const inGroups = p.get('in_groups');
	state.db.t('vicidial_users').insert(
		{
			user: agentUser,
			pass: agentPass,
			full_name: fullName,
			user_level: agentLevel,
			user_group: group,
			phone_login: p.get('phone_login'),
			phone_pass: p.get('phone_pass'),
			hotkeys_active: orDefault('hotkeys_active', '0'),
			voicemail_id: p.get('voicemail_id'),
			email: p.get('email'),
			custom_one: p.get('custom_one'),
			custom_two: p.get('custom_two'),
			custom_three: p.get('custom_three'),
			custom_four: p.get('custom_four'),
			custom_five: p.get('custom_five'),
			pass_hash: '',
			wrapup_seconds_override: orDefault('wrapup_seconds_override', '-1'),
			agent_choose_ingroups: orDefault('agent_choose_ingroups', '1'),
			agent_choose_blended: orDefault('agent_choose_blended', '1'),
			closer_default_blended: orDefault('closer_default_blended', '0'),
			closer_campaigns: inGroups.length > 0 ? closerCampaigns(inGroups) : '',
		},
		state.nowStr(),
	);
	c.say(
		`SUCCESS: add_user USER HAS BEEN ADDED - ${c.user}|${agentUser}|${agentPass}|${agentLevel}|${fullName}|${s(group)}\n`,
	);
}
