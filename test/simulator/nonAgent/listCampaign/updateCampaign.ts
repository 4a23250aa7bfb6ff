/** update_campaign: change a campaign's settings and dial statuses, and optionally empty its hopper. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum } from '../../php';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRight, refuse, visibleCampaign } from './shared';

const DIAL_METHODS = [
	'MANUAL',
	'RATIO',
	'INBOUND_MAN',
	'ADAPT_AVERAGE',
	'ADAPT_HARD_LIMIT',
	'ADAPT_TAPERED',
];
const SECONDARY_ORDERS = [
	'LEAD_ASCEND',
	'LEAD_DESCEND',
	'CALLTIME_ASCEND',
	'CALLTIME_DESCEND',
	'VENDOR_ASCEND',
	'VENDOR_DESCEND',
];

/** The list orders the script accepts (RANDOM ones pass this test but are refused earlier). */
function validListOrder(order: string): boolean {
	const keys = [
		'',
		' PHONE',
		' LAST NAME',
		' COUNT',
		' LAST CALL TIME',
		' RANK',
		' OWNER',
		' TIMEZONE',
	];
	const orders = new Set<string>(['RANDOM']);
	for (const key of keys) for (const way of ['DOWN', 'UP']) orders.add(`${way}${key}`);
	for (const key of [...keys, ' RANDOM']) {
		for (const nth of ['2nd', '3rd', '4th', '5th', '6th']) {
			if (key === ' RANDOM') orders.add(`RANDOM ${nth} NEW`);
			else for (const way of ['DOWN', 'UP']) orders.add(`${way}${key} ${nth} NEW`);
		}
	}
	return orders.has(order);
}

const XFER = [
	['one', 'ONE', 'xferconf_a_number'],
	['two', 'TWO', 'xferconf_b_number'],
	['three', 'THREE', 'xferconf_c_number'],
	['four', 'FOUR', 'xferconf_d_number'],
	['five', 'FIVE', 'xferconf_e_number'],
] as const;

const WEBFORMS = [
	['one', '1', 'web_form_address'],
	['two', '2', 'web_form_address_two'],
	['three', '3', 'web_form_address_three'],
] as const;

export function updateCampaign(c: NaContext): void {
	const { p, state } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!hasRight(c, 'modify_campaigns')) {
		refuse(c, 'USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS', '0');
		return;
	}
	const campaignId = p.get('campaign_id');
	if (campaignId.length < 2 || campaignId.length > 8) {
		refuse(
			c,
			'YOU MUST USE ALL REQUIRED FIELDS',
			`${campaignId}|${p.get('campaign_name')}|${campaignId}`,
		);
		return;
	}
	const campaign = visibleCampaign(c, campaignId);
	if (!campaign) {
		refuse(c, 'CAMPAIGN DOES NOT EXIST', campaignId);
		return;
	}
	const optional = (reason: string, value: string): void =>
		refuse(c, `${reason}, THIS IS AN OPTIONAL FIELD`, value);
	const set: Record<string, string> = {};

	const limit = Number(state.setting('auto_dial_limit') || '0') + 0.001;
	const dialLevel = p.get('auto_dial_level');
	if (dialLevel.length > 0) {
		if (cmpStrNum(dialLevel, limit) > 0 || cmpStrNum(dialLevel, 0) < 0)
			return optional(`AUTO DIAL LEVEL MUST BE FROM 0 TO ${limit}`, dialLevel);
		set.auto_dial_level = dialLevel;
	}
	const dialMethod = p.get('dial_method');
	if (dialMethod.length > 0) {
		if (!DIAL_METHODS.includes(dialMethod)) return optional('DIAL METHOD IS NOT VALID', dialMethod);
		set.dial_method = dialMethod;
	}
	const adaptMax = p.get('adaptive_maximum_level');
	if (adaptMax.length > 0) {
		if (adaptMax.length > 5)
			return optional('ADAPT MAXIMUM DIAL LEVEL MUST BE FROM 1 TO 5 CHARACTERS', adaptMax);
		set.adaptive_maximum_level = adaptMax;
	}
	const vdadExten = p.get('campaign_vdad_exten');
	if (vdadExten.length > 0) {
		if (vdadExten.length > 20 || vdadExten.length < 3)
			return optional('ROUTING EXTENSION MUST BE FROM 3 TO 20 CHARACTERS', vdadExten);
		set.campaign_vdad_exten = vdadExten;
	}
	const hopperLevel = p.get('hopper_level');
	if (hopperLevel.length > 0) {
		if (cmpStrNum(hopperLevel, 5000) > 0 || cmpStrNum(hopperLevel, 1) < 0)
			return optional('HOPPER LEVEL MUST BE FROM 1 TO 2000', hopperLevel);
		set.hopper_level = hopperLevel;
	}
	const dialTimeout = p.get('dial_timeout');
	if (dialTimeout.length > 0) {
		if (cmpStrNum(dialTimeout, 120) > 0 || cmpStrNum(dialTimeout, 1) < 0)
			return optional('DIAL TIMEOUT MUST BE FROM 1 TO 120', dialTimeout);
		set.dial_timeout = dialTimeout;
	}
	const name = p.get('campaign_name');
	if (name.length > 0) {
		if (name.length > 40 || name.length < 6)
			return optional('CAMPAIGN NAME MUST BE FROM 6 TO 40 CHARACTERS', name);
		set.campaign_name = name;
	}
	const cid = p.get('outbound_cid');
	if (cid.length > 0) {
		if (cid.length > 20 || cid.length < 6)
			return optional('CAMPAIGN CID MUST BE FROM 6 TO 20 CHARACTERS', cid);
		set.campaign_cid = cid;
	}
	const filterId = p.get('lead_filter_id');
	if (filterId.length > 0) {
		if (filterId === '---NONE---') set.lead_filter_id = '';
		else {
			if (state.db.t('vicidial_lead_filters').count((r) => ciEq(r.lead_filter_id, filterId)) < 1) {
				return optional('CAMPAIGN LEAD FILTER MUST BE A VALID FILTER IN THE SYSTEM', filterId);
			}
			set.lead_filter_id = filterId;
		}
	}
	const active = p.get('active');
	if (active.length > 0) {
		if (active !== 'Y' && active !== 'N') return optional('ACTIVE MUST BE Y OR N', active);
		set.active = active;
	}
	for (const [suffix, word, column] of XFER) {
		const v = p.get(`xferconf_${suffix}`);
		if (v.length === 0) continue;
		if (v === '--BLANK--') set[column] = '';
		else if (v.length > 50) return optional(`TRANSFER CONF NUMBER ${word} IS NOT VALID`, v);
		else set[column] = v;
	}
	const dispoUrl = p.get('dispo_call_url');
	if (dispoUrl.length > 0) {
		if (dispoUrl === '--BLANK--') set.dispo_call_url = '';
		else if (dispoUrl.length < 3 || dispoUrl.length > 65000)
			return optional('DISPO CALL URL IS NOT VALID', dispoUrl);
		else set.dispo_call_url = dispoUrl;
	}
	for (const [suffix, n, column] of WEBFORMS) {
		const v = p.get(`webform_${suffix}`);
		if (v.length === 0) continue;
		if (v === '--BLANK--') set[column] = '';
		else if (v.length < 3 || v.length > 65000) return optional(`WENFORM ${n} URL IS NOT VALID`, v);
		else set[column] = v;
	}
	const listOrder = p.get('list_order');
	if (listOrder.length > 0) {
		// this API never lets a RANDOM order through
		if (/RANDOM/i.test(listOrder))
			return optional('LIST ORDER INCLUDING RANDOM ARE NOT ALLOWED', listOrder);
		if (!validListOrder(listOrder)) return optional('LIST ORDER IS NOT VALID', listOrder);
		set.lead_order = listOrder;
	}
	const randomize = p.get('list_order_randomize');
	if (randomize.length > 0) {
		if (randomize !== 'Y' && randomize !== 'N')
			return optional('LIST ORDER RANDOMIZE IS NOT VALID', randomize);
		set.lead_order_randomize = randomize;
	}
	const secondary = p.get('list_order_secondary');
	if (secondary.length > 0) {
		if (!SECONDARY_ORDERS.includes(secondary))
			return optional('LIST ORDER SECONDARY IS NOT VALID', secondary);
		set.lead_order_secondary = secondary;
	}
	let dialStatuses = '';
	const statusAdd = p.get('dial_status_add');
	if (statusAdd.length > 0) {
		if (statusAdd.length > 6) return optional('DIAL STATUS ADD IS NOT VALID', statusAdd);
		let current = s(campaign.dial_statuses);
		if (current.length > 248)
			return optional('DIAL STATUS ADD FAILURE, TOO MANY EXISTING DIAL STATUSES', statusAdd);
		if (current.length < 2) current = ' -';
		dialStatuses = ` ${statusAdd}${current}`;
	}
	const statusRemove = p.get('dial_status_remove');
	if (statusRemove.length > 0) {
		if (statusRemove.length > 6) return optional('DIAL STATUS REMOVE IS NOT VALID', statusRemove);
		let current = dialStatuses;
		if (current.length === 0) {
			current = s(campaign.dial_statuses);
			if (current.length < 1 || current === ' -')
				return optional('DIAL STATUS REMOVE FAILURE, NO EXISTING DIAL STATUSES SET', statusRemove);
		}
		const pattern = new RegExp(`\\s${statusRemove}\\s`, 'gi');
		if (!new RegExp(pattern.source, 'i').test(current))
			return optional('DIAL STATUS REMOVE FAILURE, NOT AN EXISTING DIAL STATUS', statusRemove);
		dialStatuses = current.replace(pattern, ' ');
	}
	if (dialStatuses.length > 0) set.dial_statuses = dialStatuses;

	const now = state.nowStr();
	if (Object.keys(set).length === 0) {
		c.say(`NOTICE: update_campaign NO UPDATES DEFINED: |${c.user}|\n`);
	} else {
		const campaigns = state.db.t('vicidial_campaigns');
		for (const row of campaigns.filter((r) => ciEq(r.campaign_id, campaignId)))
			campaigns.update(row, { campaign_changedate: now, ...set }, now);
		c.say(`SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - ${c.user}|${campaignId}\n`);
	}
	if (p.get('reset_hopper') === 'Y') {
		state.db.t('vicidial_hopper').delete((r) => ciEq(r.campaign_id, campaignId));
		c.say(`NOTICE: update_campaign HOPPER HAS BEEN RESET - ${c.user}|${campaignId}|\n`);
	}
}
