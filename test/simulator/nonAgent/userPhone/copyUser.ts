/** copy_user: a new user with the settings, campaign and in-group memberships of another. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';
import { autogenerateUser, inViewable, prologue, viewableGroups } from './common';

/** Columns the copy does not take from the source user (its own identity and login history). */
const NOT_COPIED = [
	'user_id',
	'user',
	'pass',
	'full_name',
	'pass_hash',
	'failed_login_count',
	'last_login_date',
	'last_ip',
];

export function copyUser(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	if (!prologue(c, (r) => r.modify_users === '1', 'USER DOES NOT HAVE PERMISSION TO COPY USERS'))
		return;
	let agentUser = p.get('agent_user');
	const agentPass = p.get('agent_pass');
	const sourceUser = p.get('source_user');
	const fullName = p.get('agent_full_name');
	if (
		agentUser.length < 2 ||
		agentPass.length < 2 ||
		sourceUser.length < 1 ||
		fullName.length < 1
	) {
		c.say(
			`ERROR: copy_user YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${agentUser}|${agentPass}|${sourceUser}|${fullName}\n`,
		);
		return;
	}
	const me = state.user(c.user);
	const myLevel = Number(me?.user_level ?? 0);
	const sameLevel = Number(me?.modify_same_user_level ?? 0);
	const source = state.user(sourceUser);
	// With no source row PHP compares with null, and neither refusal applies.
	const sourceLevel = source ? Number(source.user_level) : undefined;
	if (
		sourceLevel !== undefined &&
		((myLevel < 9 && myLevel <= sourceLevel) ||
			(sameLevel < 1 && myLevel >= 9 && myLevel === sourceLevel))
	) {
		c.say(
			`ERROR: copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS IN THIS USER LEVEL: |${c.user}|${sourceLevel}|${myLevel}\n`,
		);
		return;
	}
	const sourceGroup = s(source?.user_group);
	const viewable = viewableGroups(c);
	if (
		!db
			.t('vicidial_user_groups')
			.find((r) => ciEq(r.user_group, sourceGroup) && inViewable(viewable, r.user_group))
	) {
		c.say(`ERROR: copy_user USER GROUP DOES NOT EXIST: |${c.user}|${sourceGroup}\n`);
		return;
	}
	if (state.user(agentUser)) {
		c.say(`ERROR: copy_user USER ALREADY EXISTS: |${c.user}|${agentUser}\n`);
		return;
	}
	if (/AUTOGENERA/.test(agentUser)) agentUser = autogenerateUser(c);
	const now = state.nowStr();
	if (source) {
		const copied: Row = {};
		for (const [k, v] of Object.entries(source)) if (!NOT_COPIED.includes(k)) copied[k] = v;
		db.t('vicidial_users').insert(
			{ ...copied, user: agentUser, pass: agentPass, full_name: fullName, pass_hash: '' },
			now,
		);
		const sameUser = (r: Row): boolean => ciEq(r.user, sourceUser);
		for (const r of db.t('vicidial_inbound_group_agents').filter(sameUser)) {
			db.t('vicidial_inbound_group_agents').insert(
				{
					user: agentUser,
					group_id: r.group_id,
					group_rank: r.group_rank,
					group_weight: r.group_weight,
					calls_today: 0,
					group_type: r.group_type,
					daily_limit: r.daily_limit,
				},
				now,
			);
		}
		for (const r of db.t('vicidial_campaign_agents').filter(sameUser)) {
			db.t('vicidial_campaign_agents').insert(
				{
					user: agentUser,
					campaign_id: r.campaign_id,
					campaign_rank: r.campaign_rank,
					campaign_weight: r.campaign_weight,
					calls_today: 0,
				},
				now,
			);
		}
	}
	c.say(
		`SUCCESS: copy_user USER HAS BEEN COPIED - ${c.user}|${agentUser}|${agentPass}|${fullName}|${sourceUser}\n`,
	);
}
