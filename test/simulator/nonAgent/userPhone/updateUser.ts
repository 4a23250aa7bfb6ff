/** update_user: delete a user, or change its fields, its campaign/in-group ranks and grades, and reset its password. */
import { s, type Row, type RowInput } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum, looseEq } from '../../php';
import type { NaContext } from '../context';
import { closerCampaigns, inViewable, level, prologue, viewableGroups } from './common';

/** What PHP's mail() left in error_get_last() on the harness: a warning from earlier in the script. */
const MAIL_FAILURE_TEXT = 'Undefined variable $login_problem';

const BLANK = '--BLANK--';

/** A loose check of PHP's FILTER_VALIDATE_EMAIL, enough for the addresses people use. */
const validEmail = (email: string): boolean =>
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
		email,
	);

export function updateUser(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	const now = state.nowStr();
	if (!prologue(c, (r) => r.modify_users === '1', 'USER DOES NOT HAVE PERMISSION TO UPDATE USERS'))
		return;
	const agentUser = p.get('agent_user');
	if (agentUser.length < 2 || agentUser.length > 20) {
		c.say(`ERROR: update_user YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${agentUser}|\n`);
		return;
	}
	const viewable = viewableGroups(c);
	const target = state.user(agentUser);
	if (!target) {
		c.say(`ERROR: update_user USER DOES NOT EXIST: |${c.user}|${p.get('server_ip')}\n`);
		return;
	}
	const me = state.user(c.user);
	const apiLevel = level(me ?? {});
	const sameLevel = Number(me?.modify_same_user_level ?? 0);
	const gt = sameLevel < 1 ? '<' : '<=';
	const levelOk = (r: Row): boolean => (gt === '<' ? level(r) < apiLevel : level(r) <= apiLevel);
	if (
		!db
			.t('vicidial_users')
			.find((r) => ciEq(r.user, agentUser) && levelOk(r) && inViewable(viewable, r.user_group))
	) {
		c.say(
			`ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |${c.user}|${agentUser}|${gt}|${apiLevel}\n\n`,
		);
		return;
	}
	if (p.get('delete_user') === 'Y') {
		const mayDelete =
			me &&
			me.vdc_agent_api_access === '1' &&
			me.delete_users === '1' &&
			me.modify_users === '1' &&
			level(me) >= 8 &&
			me.active === 'Y'
				? 1
				: 0;
		if (mayDelete < 1) {
			c.say(
				`ERROR: update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS: |${c.user}|${mayDelete}\n`,
			);
			return;
		}
		db.t('vicidial_users').delete((r) => ciEq(r.user, agentUser));
		c.say(`SUCCESS: update_user USER HAS BEEN DELETED - ${c.user}|${agentUser}|\n`);
		return;
	}

	const changes: RowInput = {};
	/** An invalid optional value: the answer names it and nothing is changed. */
	const refuse = (what: string, data: string): void =>
		c.say(`ERROR: update_user ${what}, THIS IS AN OPTIONAL FIELD: |${c.user}|${data}\n`);
	/** A text field that takes --BLANK-- to empty it and must fit min..max. */
	const blankable = (
		name: string,
		column: string,
		what: string,
		min: number,
		max: number,
	): boolean => {
		const value = p.get(name);
		if (value.length === 0) return true;
		if (value === BLANK) {
			changes[column] = '';
			return true;
		}
		if (value.length > max || value.length < min) {
			refuse(what, value);
			return false;
		}
		changes[column] = value;
		return true;
	};

	const agentPass = p.get('agent_pass');
	if (agentPass.length > 0) changes.pass = agentPass;
	if (!blankable('agent_full_name', 'full_name', 'YOU MUST USE A VALID FULL NAME', 1, 50)) return;
	const newLevel = p.get('agent_user_level');
	if (newLevel.length > 0) {
		if (
			cmpStrNum(newLevel, 9) > 0 ||
			cmpStrNum(newLevel, 1) < 0 ||
			cmpStrNum(newLevel, apiLevel) > 0 ||
			(looseEq(newLevel, String(apiLevel)) && sameLevel < 1)
		) {
			refuse('YOU MUST USE A VALID USER LEVEL', `${newLevel}|${apiLevel}|${sameLevel}`);
			return;
		}
		changes.user_level = newLevel;
	}
	const group = p.get('agent_user_group');
	if (group.length > 0) {
		const valid = db
			.t('vicidial_user_groups')
			.count((r) => ciEq(r.user_group, group) && inViewable(viewable, r.user_group));
		if (group.length > 20 || valid < 1) {
			refuse('YOU MUST USE A VALID USER GROUP', `${group}|${valid}`);
			return;
		}
		changes.user_group = group;
	}
	const phoneLogin = p.get('phone_login');
	if (phoneLogin.length > 0) {
		if (phoneLogin === BLANK) changes.phone_login = '';
		else {
			const phones = db.t('phones').count((r) => ciEq(r.login, phoneLogin));
			const aliases = db.t('phones_alias').count((r) => ciEq(r.alias_id, phoneLogin));
			if (phoneLogin.length > 20 || (phones < 1 && aliases < 1)) {
				refuse('YOU MUST USE A VALID PHONE LOGIN', `${phoneLogin}|${phones}|${aliases}`);
				return;
			}
			changes.phone_login = phoneLogin;
		}
	}
	if (!blankable('phone_pass', 'phone_pass', 'YOU MUST USE A VALID PHONE PASSWORD', 1, 20)) return;
	const hotkeys = p.get('hotkeys_active');
	if (hotkeys.length > 0) {
		if (cmpStrNum(hotkeys, 1) > 0 || cmpStrNum(hotkeys, 0) < 0) {
			refuse('YOU MUST USE A VALID HOTKEYS SETTING', hotkeys);
			return;
		}
		changes.hotkeys_active = hotkeys;
	}
	if (!blankable('voicemail_id', 'voicemail_id', 'YOU MUST USE A VALID VOICEMAIL ID', 2, 10))
		return;
	if (!blankable('email', 'email', 'YOU MUST USE A VALID EMAIL', 5, 100)) return;
	for (const [name, word] of [
		['custom_one', 'ONE'],
		['custom_two', 'TWO'],
		['custom_three', 'THREE'],
		['custom_four', 'FOUR'],
		['custom_five', 'FIVE'],
	]) {
		if (!blankable(name, name, `YOU MUST USE A VALID CUSTOM ${word}`, 0, 100)) return;
	}
	const active = p.get('active');
	if (active.length > 0) {
		if (active !== 'Y' && active !== 'N') {
			refuse('ACTIVE MUST BE Y OR N', active);
			return;
		}
		changes.active = active;
	}
	const wrapup = p.get('wrapup_seconds_override');
	if (wrapup.length > 0) {
		if (cmpStrNum(wrapup, -1) < 0 || cmpStrNum(wrapup, 9999) > 0) {
			refuse('wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999', wrapup);
			return;
		}
		changes.wrapup_seconds_override = wrapup;
	}
	const inGroups = p.get('in_groups');
	if (inGroups.length > 0) changes.closer_campaigns = closerCampaigns(inGroups);

	// campaign and in-group ranks/grades: done (and said in a NOTICE) before the user row changes
	if (!rankAndGrade(c, agentUser, 'campaign')) return;
	if (!rankAndGrade(c, agentUser, 'ingroup')) return;

	const reset = p.get('reset_password');
	if (reset.length > 0 && cmpStrNum(reset, 7) > 0) {
		let email = p.get('email');
		if (email.length < 5) email = s(state.user(agentUser)?.email);
		if (!validEmail(email))
			c.say(
				`NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - ${c.user}|${agentUser}|${email}\n`,
			);
		// the harness sends no mail: mail() fails
		else
			c.say(
				`NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - ${c.user}|${agentUser}|${email}|${MAIL_FAILURE_TEXT}\n`,
			);
	}

	if (Object.keys(changes).length === 0) {
		c.say(`ERROR: update_user NO UPDATES DEFINED: |${c.user}|\n`);
		return;
	}
	db.t('vicidial_users').update(target, { failed_login_count: 0, ...changes }, now);
	c.say(`SUCCESS: update_user USER HAS BEEN UPDATED - ${c.user}|${agentUser}|\n`);
}

/** The rank/grade block for campaigns or in-groups: false when a value was refused (the answer ends). */
function rankAndGrade(c: NaContext, agentUser: string, kind: 'campaign' | 'ingroup'): boolean {
	const { p, state } = c;
	const db = state.db;
	const rank = p.get(`${kind}_rank`);
	const grade = p.get(`${kind}_grade`);
	if (rank.length === 0 && grade.length === 0) return true;
	const label = kind === 'campaign' ? 'CAMPAIGN' : 'IN-GROUP';
	if (rank.length > 0 && (cmpStrNum(rank, 9) > 0 || cmpStrNum(rank, -9) < 0)) {
		c.say(
			`ERROR: update_user YOU MUST USE A VALID ${label} RANK, THIS IS AN OPTIONAL FIELD: |${c.user}|${rank}\n`,
		);
		return false;
	}
	if (grade.length > 0 && (cmpStrNum(grade, 10) > 0 || cmpStrNum(grade, 1) < 0)) {
		c.say(
			`ERROR: update_user YOU MUST USE A VALID ${label} GRADE, THIS IS AN OPTIONAL FIELD: |${c.user}|${grade}\n`,
		);
		return false;
	}
	const onlyOne = looseEq(p.get(kind === 'campaign' ? 'camp_rg_only' : 'ingrp_rg_only'), '1');
	const idParam = kind === 'campaign' ? 'campaign_id' : 'group_id';
	const only = p.get(idParam);
	const now = state.nowStr();
	const [members, targets, idColumn, rankColumn, weightColumn, gradeColumn, liveTable] =
		kind === 'campaign'
			? ([
					'vicidial_campaign_agents',
					'vicidial_campaigns',
					'campaign_id',
					'campaign_rank',
					'campaign_weight',
					'campaign_grade',
					'vicidial_live_agents',
				] as const)
			: ([
					'vicidial_inbound_group_agents',
					'vicidial_inbound_groups',
					'group_id',
					'group_rank',
					'group_weight',
					'group_grade',
					'vicidial_live_inbound_agents',
				] as const);
	const values: RowInput = {};
	if (rank.length > 0) {
		values[rankColumn] = rank;
		values[weightColumn] = rank;
	}
	if (grade.length > 0) values[gradeColumn] = grade;
	for (const t of db.t(targets).filter((r) => !onlyOne || ciEq(r[idColumn], only))) {
		const id = t[idColumn];
		const existing = db.t(members).find((r) => ciEq(r.user, agentUser) && ciEq(r[idColumn], id));
		if (existing) db.t(members).update(existing, values, now);
		else db.t(members).insert({ user: agentUser, [idColumn]: id, ...values }, now);
	}
	const liveWeight = kind === 'campaign' ? 'campaign_weight' : 'group_weight';
	for (const live of db
		.t(liveTable)
		.filter((r) => ciEq(r.user, agentUser) && (!onlyOne || ciEq(r[idColumn], only)))) {
		db.t(liveTable).update(live, { [liveWeight]: rank, [gradeColumn]: grade }, now);
	}
	const note = onlyOne
		? `|${only}|${p.get(kind === 'campaign' ? 'camp_rg_only' : 'ingrp_rg_only')}`
		: '';
	c.say(
		`NOTICE: update_user USER ${label} RANKS/GRADES HAVE BEEN UPDATED - ${c.user}|${agentUser}|${rank}|${grade}${note}\n`,
	);
	return true;
}
