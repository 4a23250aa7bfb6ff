/** external_add_lead: a new lead in the manual dial list of the agent's campaign. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { resolveAltUser } from '../externalPause';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, notLoggedIn, refuseFunction } from './common';

const LEAD_COLUMNS = [
	'source_id',
	'title',
	'first_name',
	'middle_initial',
	'last_name',
	'address1',
	'address2',
	'address3',
	'city',
	'state',
	'province',
	'postal_code',
	'country_code',
	'gender',
	'date_of_birth',
	'alt_phone',
	'email',
	'security_phrase',
	'comments',
];

export function externalAddLead(c: AgContext): AgResult {
	const { out, p, state } = c;
	const db = state.db;
	const phoneNumber = p.get('phone_number');
	// a POST request always has a $value (its last field), so phone_number is rarely used
	if (c.value.length < 1 && phoneNumber.length > 1) c.value = phoneNumber;
	const value = c.value;
	const phoneCode = p.get('phone_code');
	if (
		(c.agentUser.length < 2 && c.altUser.length < 2) ||
		phoneCode.length < 1 ||
		value.length < 2
	) {
		out.echo(
			`ERROR: external_add_lead not valid - ${value}|${phoneCode}|${c.agentUser}|${c.altUser}\n`,
		);
		return 'exit';
	}
	if (refuseFunction(c)) return 'exit';
	const vendorId = p.get('vendor_id');
	const vendorLeadCode = vendorId.length > 0 ? vendorId : p.get('vendor_lead_code');
	resolveAltUser(c, 1);
	const agent = liveAgent(c);
	if (!agent) return notLoggedIn(c);
	debugStmt(
		c,
		`select c.campaign_id,c.manual_dial_list_id from vicidial_campaigns c,vicidial_live_agents a where a.user='${c.agentUser}' and a.campaign_id=c.campaign_id;`,
	);
	const campaign = db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, agent.campaign_id));
	if (!campaign) {
		out.echo(`ERROR: campaign manual dial list undefined - ${value}||${c.agentUser}\n`);
		return 'continue';
	}
	const campaignId = s(campaign.campaign_id);
	const listId = s(campaign.manual_dial_list_id);
	const yes = (v: string) => v === 'YES' || v === 'Y';
	if (yes(p.get('dnc_check')))
		debugStmt(c, `|SELECT count(*) from vicidial_dnc where phone_number='${value}';|`);
	const inDnc =
		yes(p.get('dnc_check')) && db.t('vicidial_dnc').count((r) => ciEq(r.phone_number, value)) > 0;
	const dncCampaign =
		s(campaign.use_other_campaign_dnc).length > 0 ? s(campaign.use_other_campaign_dnc) : campaignId;
	if (yes(p.get('campaign_dnc_check')))
		debugStmt(
			c,
			`|SELECT count(*) from vicidial_campaign_dnc where phone_number='${value}' and campaign_id='${dncCampaign}';|`,
		);
	const inCampaignDnc =
		yes(p.get('campaign_dnc_check')) &&
		db
			.t('vicidial_campaign_dnc')
			.count((r) => ciEq(r.phone_number, value) && ciEq(r.campaign_id, dncCampaign)) > 0;
	if (inDnc) out.echo(`ERROR: add_lead PHONE NUMBER IN DNC - ${value}|${c.agentUser}\n`);
	if (inCampaignDnc)
		out.echo(
			`ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - ${value}|${campaignId}|${c.agentUser}\n`,
		);
	if (inDnc || inCampaignDnc) return 'continue';
	const now = state.nowStr();
	const fields: Record<string, string> = {};
	for (const column of LEAD_COLUMNS) fields[column] = p.get(column);
	const row = db.t('vicidial_list').insert(
		{
			phone_code: phoneCode,
			phone_number: value,
			list_id: listId,
			status: 'NEW',
			user: c.user,
			vendor_lead_code: vendorLeadCode,
			...fields,
			called_since_last_reset: 'N',
			entry_date: now,
			last_local_call_time: now,
			rank: p.get('rank'),
			owner: p.get('owner'),
		},
		now,
	);
	out.echo(
		`SUCCESS: lead added - ${value}|${campaignId}|${listId}|${s(row.lead_id)}|${c.agentUser}\n`,
	);
	return 'continue';
}
