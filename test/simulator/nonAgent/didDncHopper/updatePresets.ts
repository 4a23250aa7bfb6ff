/** update_presets: list, add, update or delete a campaign's transfer presets (vicidial_xfer_presets). */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { campaignScope, hasRights, inScope } from './common';

/** `ORDER BY preset_name` under the case-insensitive collation. */
const byName = (a: Record<string, string | null>, b: Record<string, string | null>): number => {
	const x = s(a.preset_name).toUpperCase();
	const y = s(b.preset_name).toUpperCase();
	return x < y ? -1 : x > y ? 1 : 0;
};

export function updatePresets(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const db = state.db;
	const allowed = hasRights(c, ['modify_campaigns'], 8, true);
	if (allowed < 1) {
		c.say(
			`ERROR: update_presets USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const campaignId = p.get('campaign_id');
	if (campaignId.length < 2 || campaignId.length > 8) {
		c.say(
			`ERROR: update_presets YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${campaignId}|${p.get('campaign_name')}|${campaignId}\n`,
		);
		return;
	}
	const scope = campaignScope(state, c.userGroup);
	if (
		db
			.t('vicidial_campaigns')
			.count((r) => ciEq(r.campaign_id, campaignId) && inScope(scope, r.campaign_id)) < 1
	) {
		c.say(`ERROR: update_presets CAMPAIGN DOES NOT EXIST: |${c.user}|${campaignId}\n`);
		return;
	}
	const presets = db.t('vicidial_xfer_presets');
	const ofCampaign = () => presets.filter((r) => ciEq(r.campaign_id, campaignId)).sort(byName);
	const action = p.get('action');
	if (action === 'LIST') {
		const stage = p.get('stage');
		const DL = stage === 'csv' ? ',' : stage === 'tab' ? '\t' : '|';
		let output =
			p.get('header') === 'YES'
				? ['preset_name', 'campaign_id', 'preset_number', 'preset_hide_number', 'preset_dtmf'].join(
						DL,
					) + '\n'
				: '';
		const rows = ofCampaign().slice(0, 1000);
		for (const r of rows) {
			output +=
				[r.preset_name, r.campaign_id, r.preset_number, r.preset_hide_number, r.preset_dtmf]
					.map(s)
					.join(DL) + '\n';
		}
		c.say(
			rows.length < 1
				? `NOTICE: update_presets LIST, No Records Found - ${c.user}|${campaignId}|0\n`
				: output,
		);
		return;
	}
	let presetName = p.get('preset_name');
	if (action !== 'NEW') {
		if (
			presets.count((r) => ciEq(r.campaign_id, campaignId) && ciEq(r.preset_name, presetName)) < 1
		) {
			const firstTwo = ofCampaign().slice(0, 2);
			if (firstTwo.length < 2) {
				// with at most one preset, that one is meant (none: an empty name)
				presetName = s(firstTwo[0]?.preset_name);
			} else {
				c.say(
					`ERROR: update_presets PRESET NAME DOES NOT EXIST: |${c.user}|${presetName}|${campaignId}|${firstTwo.length}\n`,
				);
				return;
			}
		}
	}
	const values: Record<string, string> = {};
	const hide = p.get('preset_hide_number');
	if (hide.length > 0) {
		if (hide !== 'Y' && hide !== 'N') {
			c.say(
				`ERROR: update_presets PRESET HIDE NUMBER MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |${c.user}|${hide}\n`,
			);
			return;
		}
	}
	const number = p.get('preset_number');
	if (number.length > 0) {
		if (number.length > 50) {
			c.say(
				`ERROR: update_presets PRESET NUMBER IS NOT VALID, THIS IS AN OPTIONAL FIELD: |${c.user}|${number}\n`,
			);
			return;
		}
		values.preset_number = number;
	}
	const dtmf = p.get('preset_dtmf');
	if (dtmf.length > 0) {
		if (dtmf === '--BLANK--') values.preset_dtmf = '';
		else if (dtmf.length > 50) {
			c.say(
				`ERROR: update_presets PRESET DTMF IS NOT VALID, THIS IS AN OPTIONAL FIELD: |${c.user}|${dtmf}\n`,
			);
			return;
		} else values.preset_dtmf = dtmf;
	}
	if (hide.length > 0) values.preset_hide_number = hide;
	const now = state.nowStr();
	if (Object.keys(values).length === 0 || action === 'DELETE') {
		if (action === 'DELETE') {
			presets.delete((r) => ciEq(r.campaign_id, campaignId) && ciEq(r.preset_name, presetName));
			c.say(
				`SUCCESS: update_presets PRESET HAS BEEN DELETED - ${c.user}|${presetName}|${campaignId}\n`,
			);
		} else {
			c.say(`NOTICE: update_presets NO UPDATES DEFINED: |${c.user}|\n`);
		}
		return;
	}
	if (action === 'NEW') {
		presets.insert({ campaign_id: campaignId, preset_name: presetName, ...values }, now);
		c.say(
			`SUCCESS: update_presets PRESET HAS BEEN ADDED - ${c.user}|NEW PRESET: ${presetName}|${campaignId}\n`,
		);
		return;
	}
	for (const r of presets.filter(
		(x) => ciEq(x.campaign_id, campaignId) && ciEq(x.preset_name, presetName),
	))
		presets.update(r, values, now);
	c.say(
		`SUCCESS: update_presets PRESET HAS BEEN UPDATED - ${c.user}|${presetName}|${campaignId}\n`,
	);
}
