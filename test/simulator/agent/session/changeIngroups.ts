/**
 * change_ingroups: records a new in-group selection for a logged-in agent (external_ingroups,
 * for the screen), keeps vicidial_live_inbound_agents in step, optionally saves it as the
 * user's default.
 */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { debugStmt, type AgContext, type AgResult } from '../context';
import {
	apiUserHas,
	debugComment,
	liveAgent,
	notLoggedIn,
	refuseFunction,
	updateLive,
} from './common';

/** " A B -" → ['A', 'B']: the words after the first one, without the closing dash. */
function groupsOf(list: string): string[] {
	return list.replace(/-$/, '').split(' ').slice(1);
}

export function changeIngroups(c: AgContext): AgResult {
	const { out, state, p } = c;
	const db = state.db;
	const value = c.value.replace(/[^A-Z]/g, '');
	const blended = p.get('blended');
	let choices = p.get('ingroup_choices');
	if (blended.length < 2 || c.agentUser.length < 2 || value.length < 3) {
		out.echo(`ERROR: change_ingroups not valid - ${value}|${blended}|${choices}|${c.agentUser}\n`);
		return 'continue';
	}
	c.value = value;
	if (refuseFunction(c)) return 'exit';
	const agent = liveAgent(c);
	if (!agent) return notLoggedIn(c);
	const campaign = db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, agent.campaign_id));
	const joined = (condition: string) =>
		debugStmt(
			c,
			`select count(*) from vicidial_live_agents vla, vicidial_campaigns vc where user='${c.agentUser}' and ${condition} and vla.campaign_id=vc.campaign_id;`,
		);
	joined("campaign_allow_inbound='Y'");
	if (!campaign || !ciEq(campaign.campaign_allow_inbound, 'Y')) {
		out.echo(`ERROR: campaign does not allow inbound calls - ${c.agentUser}\n`);
		return 'continue';
	}
	if (!apiUserHas(c, 'change_agent_campaign', ['1'])) {
		out.echo(`ERROR: user is not allowed to change agent in-groups - ${c.user}\n`);
		return 'continue';
	}
	if (blended === 'YES') joined("dial_method IN('MANUAL','INBOUND_MAN')");
	if (blended === 'YES' && ['MANUAL', 'INBOUND_MAN'].some((m) => ciEq(campaign.dial_method, m))) {
		out.echo(
			`ERROR: campaign dial_method does not allow outbound autodial - ${c.agentUser}|${blended}\n`,
		);
		return 'exit';
	}
	const readCloser = () =>
		debugStmt(c, `select closer_campaigns from vicidial_live_agents where user='${c.agentUser}';`);
	readCloser();
	const original = s(agent.closer_campaigns);
	const inGroups = db.t('vicidial_inbound_groups');
	if (choices.length > 0) {
		for (const group of groupsOf(choices)) {
			if (group.length > 1)
				debugStmt(c, `SELECT count(*) FROM vicidial_inbound_groups where group_id='${group}';`);
			if (group.length > 1 && !inGroups.find((r) => ciEq(r.group_id, group))) {
				out.echo(`ERROR: ingroup does not exist - ${c.agentUser}|${group}|${choices}\n`);
				return 'exit';
			}
		}
	}
	if (choices.length < 1 && (value === 'ADD' || value === 'REMOVE')) {
		out.echo(
			`ERROR: ingroup_choices are required for ADD and REMOVE values - ${c.agentUser}|${value}|${choices}\n`,
		);
		return 'exit';
	}
	const current = original.replace(/-$/, '').split(' ');
	if (value === 'ADD' || value === 'REMOVE') readCloser();
	if (value === 'ADD') {
		const merged = [...current];
		for (const group of groupsOf(choices)) {
			if (group.length > 1 && !current.some((g) => g.length > 1 && g === group)) merged.push(group);
		}
		choices = ` ${merged.filter((g) => g.length > 1).join(' ')}${merged.some((g) => g.length > 1) ? ' ' : ''}-`;
	}
	if (value === 'REMOVE') {
		let list = original;
		for (const group of groupsOf(choices)) {
			if (group.length > 1 && current.some((g) => g.length > 1 && g === group))
				list = list.split(` ${group} `).join(' ');
		}
		choices = list;
	}
	const externalBlended = blended === 'YES' ? '1' : '0';
	const now = state.nowStr();
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_ingroups='${choices}',external_blended='${externalBlended}',external_igb_set_user='${c.user}',manager_ingroup_set='SET' where user='${c.agentUser}';`,
	);
	updateLive(c, {
		external_ingroups: choices,
		external_blended: externalBlended,
		external_igb_set_user: c.user,
		manager_ingroup_set: 'SET',
	});

	const liveInbound = db.t('vicidial_live_inbound_agents');
	let leftOver = original;
	for (const group of groupsOf(choices)) {
		if (group.length <= 1) continue;
		const member = db
			.t('vicidial_inbound_group_agents')
			.find((r) => ciEq(r.user, c.agentUser) && ciEq(r.group_id, group));
		const stats = {
			group_weight: member ? s(member.group_weight) : '0',
			group_grade: member ? s(member.group_grade) : '0',
			calls_today: member ? s(member.calls_today) : '0',
			calls_today_filtered: member ? s(member.calls_today_filtered) : '0',
			daily_limit: member ? s(member.daily_limit) : '-1',
		};
		debugStmt(
			c,
			`SELECT group_weight,calls_today,group_grade,calls_today_filtered,daily_limit FROM vicidial_inbound_group_agents where user='${c.agentUser}' and group_id='${group}';`,
		);
		const w = `group_weight='${stats.group_weight}',group_grade='${stats.group_grade}',calls_today='${stats.calls_today}',calls_today_filtered='${stats.calls_today_filtered}'`;
		debugComment(
			c,
			`INSERT IGNORE INTO vicidial_live_inbound_agents set user='${c.agentUser}',group_id='${group}',${w},last_call_time='${now}',last_call_finish='${now}',last_call_time_filtered='${now}',last_call_finish_filtered='${now}',daily_limit='${stats.daily_limit}' ON DUPLICATE KEY UPDATE ${w},daily_limit='${stats.daily_limit}';`,
		);
		const existing = liveInbound.find((r) => ciEq(r.user, c.agentUser) && ciEq(r.group_id, group));
		if (existing) liveInbound.update(existing, stats, now);
		else
			liveInbound.insert(
				{
					user: c.agentUser,
					group_id: group,
					...stats,
					last_call_time: now,
					last_call_finish: now,
					last_call_time_filtered: now,
					last_call_finish_filtered: now,
				},
				now,
			);
		leftOver = leftOver.split(` ${group} `).join(' ');
	}
	for (const group of groupsOf(leftOver)) {
		if (group.length > 1)
			debugComment(
				c,
				`DELETE FROM vicidial_live_inbound_agents WHERE user='${c.agentUser}' and group_id='${group}';`,
			);
		if (group.length > 1)
			liveInbound.delete((r) => ciEq(r.user, c.agentUser) && ciEq(r.group_id, group));
	}
	let defaultNote = '';
	if (p.get('set_as_default') === 'YES') {
		const users = db.t('vicidial_users');
		for (const r of users.filter((x) => ciEq(x.user, c.agentUser)))
			users.update(r, { closer_campaigns: choices, closer_default_blended: externalBlended }, now);
		db.t('vicidial_admin_log').insert(
			{
				event_date: now,
				user: c.user,
				ip_address: '127.0.0.1',
				event_section: 'USERS',
				event_type: 'MODIFY',
				record_id: c.agentUser,
				event_code: 'API MODIFY USER',
				event_sql: '',
				event_notes: '',
			},
			now,
		);
		defaultNote = 'User settings set as default';
	}
	out.echo(
		`SUCCESS: change_ingroups function set - ${c.user}|${c.agentUser}|${choices}|${blended}|${defaultNote}\n`,
	);
	return 'continue';
}
