/** update_remote_agent: change a remote agent's lines, campaign or status. */
import type { Row, RowInput } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum } from '../../php';
import type { NaContext } from '../context';
import { allowedCampaigns } from '../listInfo';
import { inViewable, level, prologue, viewableGroups } from './common';

export function updateRemoteAgent(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	if (
		!prologue(
			c,
			(r) => r.modify_remoteagents === '1',
			'USER DOES NOT HAVE PERMISSION TO UPDATE REMOTE AGENTS',
		)
	)
		return;
	const agentUser = p.get('agent_user');
	if (agentUser.length < 2 || agentUser.length > 20) {
		c.say(
			`ERROR: update_remote_agent YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${agentUser}|\n`,
		);
		return;
	}
	const viewable = viewableGroups(c);
	const camps = allowedCampaigns(state, c.userGroup);
	const remote = db.t('vicidial_remote_agents').find((r) => ciEq(r.user_start, agentUser));
	if (!remote) {
		c.say(
			`ERROR: update_remote_agent REMOTE AGENT DOES NOT EXIST: |${c.user}|${p.get('server_ip')}\n`,
		);
		return;
	}
	const me = state.user(c.user);
	const apiLevel = level(me ?? {});
	const gt = Number(me?.modify_same_user_level ?? 0) < 1 ? '<' : '<=';
	const levelOk = (r: Row): boolean => (gt === '<' ? level(r) < apiLevel : level(r) <= apiLevel);
	if (
		!db
			.t('vicidial_users')
			.find((r) => ciEq(r.user, agentUser) && levelOk(r) && inViewable(viewable, r.user_group))
	) {
		c.say(
			`ERROR: update_remote_agent USER DOES NOT HAVE PERMISSION TO UPDATE THIS REMOTE AGENT: |${c.user}|${agentUser}|${gt}|${apiLevel}\n\n`,
		);
		return;
	}
	const changes: RowInput = {};
	const refuse = (what: string, data: string): void =>
		c.say(`ERROR: update_remote_agent ${what}, THIS IS AN OPTIONAL FIELD: |${c.user}|${data}\n`);
	const lines = p.get('number_of_lines');
	if (lines.length > 0) {
		if (cmpStrNum(lines, 999) > 0 || cmpStrNum(lines, 1) < 0) {
			refuse('YOU MUST USE A VALID NUMBER OF LINES', lines);
			return;
		}
		changes.number_of_lines = lines;
	}
	const campaign = p.get('campaign_id');
	if (campaign.length > 0) {
		const valid = db
			.t('vicidial_campaigns')
			.count(
				(r) =>
					ciEq(r.campaign_id, campaign) &&
					(camps === null || camps.some((x) => ciEq(r.campaign_id, x))),
			);
		if (campaign.length > 8 || valid < 1) {
			refuse('YOU MUST USE A VALID CAMPAIGN ID', `${campaign}|${valid}`);
			return;
		}
		changes.campaign_id = campaign;
	}
	const status = p.get('status');
	if (status.length > 0) {
		if (!/ACTIVE|INACTIVE/.test(status)) {
			refuse('STATUS MUST BE ACTIVE OR INACTIVE', status);
			return;
		}
		if (
			db
				.t('vicidial_remote_agents')
				.count((r) => ciEq(r.user_start, agentUser) && ciEq(r.status, status)) > 0
		) {
			c.say(
				`NOTICE: update_remote_agent REMOTE AGENT IS ALREADY ${status}: |${c.user}|${agentUser}\n`,
			);
		} else changes.status = status;
	}
	if (Object.keys(changes).length === 0) {
		c.say(`ERROR: update_remote_agent NO UPDATES DEFINED: |${c.user}|\n`);
		return;
	}
	for (const r of db.t('vicidial_remote_agents').filter((r) => ciEq(r.user_start, agentUser)))
		db.t('vicidial_remote_agents').update(r, changes, state.nowStr());
	c.say(`SUCCESS: update_remote_agent REMOTE AGENT HAS BEEN UPDATED - ${c.user}|${agentUser}|\n`);
}
