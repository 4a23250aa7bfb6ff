/** Checks the listCampaign handlers share: the API user's rights and the campaigns its group may see. */
import { s, type Row } from '../../db';
import { ciEq } from '../../mysql';
import { allowedCampaigns } from '../listInfo';
import { level, type NaContext } from '../context';

/** `vdc_agent_api_access='1' and <flag>='1' and user_level >= 8 and active='Y'` on the API user. */
export function hasRight(c: NaContext, ...flags: string[]): boolean {
	const r = c.state.user(c.user);
	return (
		!!r &&
		r.vdc_agent_api_access === '1' &&
		flags.every((f) => r[f] === '1') &&
		level(r) >= 8 &&
		r.active === 'Y'
	);
}

/** The campaign with this id, if the API user's group may see it (`campaign_id='x' and campaign_id IN(...)`). */
export function visibleCampaign(c: NaContext, campaignId: string): Row | undefined {
	const camps = allowedCampaigns(c.state, c.userGroup);
	return c.state.db
		.t('vicidial_campaigns')
		.find(
			(r) =>
				ciEq(r.campaign_id, campaignId) &&
				(camps === null || camps.some((x) => ciEq(r.campaign_id, x))),
		);
}

/** Whether a row's campaign is one of the group's allowed campaigns. */
export function campaignAllowed(c: NaContext, campaignId: string | null): boolean {
	const camps = allowedCampaigns(c.state, c.userGroup);
	return camps === null || camps.some((x) => ciEq(campaignId, x));
}

/** The output delimiter `stage` picks (pipe unless csv or tab). */
export function delimiter(c: NaContext): string {
	const stage = c.p.get('stage');
	return stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
}

/** `ERROR: <fn> <reason>: |<user>|<data>` followed by the log, the usual refusal. */
export function refuse(c: NaContext, reason: string, data: string): void {
	c.say(`ERROR: ${c.fn} ${reason}: |${c.user}|${data}\n`);
}

export { s };
