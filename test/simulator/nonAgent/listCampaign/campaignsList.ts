/** campaigns_list and agent_campaigns: the campaigns a user may see, and those an agent may log in to. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { allowedCampaigns } from '../listInfo';
import { checkAllowedFunction, checkSource, level, type NaContext } from '../context';
import { campaignAllowed, delimiter } from './shared';

/** `vdc_agent_api_access='1' and view_reports='1' and user_level > 7 and active='Y'` (+ extra flags). */
function mayView(c: NaContext, ...flags: string[]): boolean {
	const r = c.state.user(c.user);
	return (
		!!r &&
		r.vdc_agent_api_access === '1' &&
		r.view_reports === '1' &&
		level(r) > 7 &&
		flags.every((f) => r[f] === '1') &&
		r.active === 'Y'
	);
}

const CAMPAIGN_HEADER = [
	'campaign_id',
	'campaign_name',
	'active',
	'user_group',
	'dial_method',
	'dial_level',
	'lead_order',
	'dial_statuses',
	'dial_timeout',
	'dial_prefix',
	'manual_dial_prefix',
	'three_way_dial_prefix',
];
const CAMPAIGN_COLUMNS = [
	'campaign_id',
	'campaign_name',
	'active',
	'user_group',
	'dial_method',
	'auto_dial_level',
	'lead_order',
	'dial_statuses',
	'dial_timeout',
	'dial_prefix',
	'manual_dial_prefix',
	'three_way_dial_prefix',
];

export function campaignsList(c: NaContext): void {
	const { p, state } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!mayView(c)) {
		c.say(
			`ERROR: campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${c.user}|0|\n`,
		);
		return;
	}
	const campaignId = p.get('campaign_id');
	const DL = delimiter(c);
	let output = p.get('header') === 'YES' ? `${CAMPAIGN_HEADER.join(DL)}\n` : '';
	const rows = state.db
		.t('vicidial_campaigns')
		.filter(
			(r) =>
				['Y', 'N'].some((a) => ciEq(r.active, a)) &&
				campaignAllowed(c, r.campaign_id) &&
				(campaignId.length === 0 || ciEq(r.campaign_id, campaignId)),
		);
	for (const r of rows) {
		const values = CAMPAIGN_COLUMNS.map((col) => s(r[col]));
		values[7] = values[7].replace(/^ | -$/gi, '');
		output += `${values.join(DL)}\n`;
	}
	if (rows.length === 0) {
		c.say(`ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: ${c.user}|\n`);
		return;
	}
	c.out.echo(output);
	c.log();
}

export function agentCampaigns(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!mayView(c, 'modify_users')) {
		c.say(
			`ERROR: agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${c.user}|0|\n`,
		);
		return;
	}
	const agentUser = p.get('agent_user');
	const group = db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, c.userGroup));
	const viewable = s(group?.admin_viewable_groups);
	const groupVisible = (userGroup: string | null): boolean => {
		if (/--ALL--/i.test(viewable) || viewable.length <= 3) return true;
		return ['---ALL---', ...viewable.replace(/ -/g, '').split(' ')].some((g) => ciEq(userGroup, g));
	};
	const agent = db
		.t('vicidial_users')
		.find((r) => ciEq(r.user, agentUser) && groupVisible(r.user_group));
	if (!agent) {
		c.say(`ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |${c.user}|${agentUser}\n`);
		return;
	}
	const agentCamps = allowedCampaigns(state, s(agent.user_group));
	const campaignId = p.get('campaign_id');
	const campaigns = db
		.t('vicidial_campaigns')
		.filter(
			(r: Row) =>
				ciEq(r.active, 'Y') &&
				(agentCamps === null || agentCamps.some((x) => ciEq(r.campaign_id, x))) &&
				(campaignId.length === 0 || ciEq(r.campaign_id, campaignId)),
		);
	if (campaigns.length === 0) {
		c.say(
			`ERROR: agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS: ${agentUser}|${c.user}|\n`,
		);
		return;
	}
	const closers = campaigns
		.flatMap((r) => s(r.closer_campaigns).replace(/-$/, '').split(' '))
		.filter((id) => id !== '');
	let ingroups = '';
	if (closers.length > 0) {
		const skipDirect = p.get('ignore_agentdirect') === 'Y';
		ingroups = db
			.t('vicidial_inbound_groups')
			.filter(
				(r) =>
					ciEq(r.active, 'Y') &&
					closers.some((id) => ciEq(r.group_id, id)) &&
					!(skipDirect && /^AGENTDIRECT/i.test(s(r.group_id))),
			)
			.map((r) => s(r.group_id))
			.join('-');
	}
	const DL = delimiter(c);
	let output =
		p.get('header') === 'YES' ? `user${DL}allowed_campaigns_list${DL}allowed_ingroups_list\n` : '';
	output += `${agentUser}${DL}${campaigns.map((r) => s(r.campaign_id)).join('-')}${DL}${ingroups}\n`;
	c.out.echo(output);
	c.log();
}
