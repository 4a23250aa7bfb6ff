/**
 * update_cid_group_entry: read, add, update or delete the caller-ID entries (by area code or
 * state) of a CID group or a campaign, in vicidial_campaign_cid_areacodes.
 */
import { s, type Row } from '../../db';
import { ciEq, SqlError } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { campaignScope, hasRights, inScope, viewableScope } from './common';

const ci = (v: string | null): string => s(v).toUpperCase();

export function updateCidGroupEntry(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const db = state.db;
	const fn = 'update_cid_group_entry';
	const allowed = hasRights(c, ['modify_campaigns'], 8, true);
	if (allowed < 1) {
		c.say(
			`ERROR: ${fn} USER DOES NOT HAVE PERMISSION TO UPDATE CID GROUPS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const groupId = p.get('cid_group_id');
	const stage = p.get('stage');
	const areacode = p.get('areacode');
	if (
		groupId.length < 1 ||
		groupId.length > 20 ||
		stage.length < 3 ||
		stage.length > 6 ||
		areacode.length < 1 ||
		areacode.length > 9
	) {
		c.say(
			`ERROR: ${fn} YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${groupId}|${areacode}|${stage}\n`,
		);
		return;
	}
	const viewable = viewableScope(state, c.userGroup, false);
	if (
		db
			.t('vicidial_cid_groups')
			.count((r) => ciEq(r.cid_group_id, groupId) && inScope(viewable, r.user_group)) < 1
	) {
		const camps = campaignScope(state, c.userGroup);
		if (
			db
				.t('vicidial_campaigns')
				.count((r) => ciEq(r.campaign_id, groupId) && inScope(camps, r.campaign_id)) < 1
		) {
			c.say(`ERROR: ${fn} CID GROUP DOES NOT EXIST: |${c.user}|${groupId}\n`);
			return;
		}
	}
	const outboundCid = p.get('outbound_cid');
	const allAreas = areacode === '---ALL---';
	const allCids = outboundCid === '---ALL---' || outboundCid.length < 1;
	const entries = db.t('vicidial_campaign_cid_areacodes');
	const selected = (r: Row): boolean =>
		ciEq(r.campaign_id, groupId) &&
		(allAreas || ciEq(r.areacode, areacode)) &&
		(allCids || ciEq(r.outbound_cid, outboundCid));
	const listing = (): Row[] =>
		entries
			.filter(selected)
			.sort((a, b) =>
				ci(a.areacode) < ci(b.areacode)
					? -1
					: ci(a.areacode) > ci(b.areacode)
						? 1
						: ci(a.outbound_cid) < ci(b.outbound_cid)
							? -1
							: ci(a.outbound_cid) > ci(b.outbound_cid)
								? 1
								: 0,
			);
	const lines = (rows: Row[]): string =>
		rows
			.map(
				(r, i) =>
					`${i + 1}|${s(r.areacode)}|${s(r.outbound_cid)}|${s(r.active) === '' ? 'N' : s(r.active)}|${s(r.cid_description)}|${s(r.call_count_today)}\n`,
			)
			.join('');
	const noEntries = (): void =>
		c.say(`ERROR: ${fn} THIS CID GROUP HAS NO ENTRIES: |${c.user}|${groupId}\n`);
	const active = p.get('active');
	const description = p.get('cid_description');
	const now = state.nowStr();

	if (stage === 'INFO') {
		const rows = listing();
		if (rows.length < 1) return noEntries();
		c.say(
			`SUCCESS: ${fn} CID GROUP INFO AS FOLLOWS ${groupId}|${areacode}|${outboundCid}|${rows.length}\n${lines(rows)}`,
		);
	}
	if (stage === 'ADD') {
		if (allAreas) {
			c.say(
				`ERROR: ${fn} YOU MUST DEFINE AN AREACODE WHEN ADDING AND ENTRY: |${c.user}|${groupId}|${areacode}\n`,
			);
			return;
		}
		if (outboundCid.length < 4) {
			c.say(
				`ERROR: ${fn} YOU MUST DEFINE A CID NUMBER WHEN ADDING AND ENTRY: |${c.user}|${groupId}|${outboundCid}\n`,
			);
			return;
		}
		const same = (r: Row, area: string | null, cid: string | null): boolean =>
			ciEq(r.campaign_id, groupId) && ciEq(r.areacode, area) && ciEq(r.outbound_cid, cid);
		if (entries.count((r) => same(r, areacode, outboundCid)) > 0) {
			c.say(
				`ERROR: ${fn} THIS CID GROUP ENTRY ALREADY EXISTS: |${c.user}|${groupId}|${areacode}|${outboundCid}\n`,
			);
			return;
		}
		const row = entries.insert(
			{
				campaign_id: groupId,
				areacode,
				outbound_cid: outboundCid,
				active: active === 'Y' ? 'Y' : '',
				cid_description: description,
			},
			now,
		);
		entries.rows.pop();
		// the columns are shorter than the values checked: the stored key may exist already
		if (
			entries.count(
				(r) => ciEq(r.campaign_id, row.campaign_id) && same(r, row.areacode, row.outbound_cid),
			) > 0
		)
			throw new SqlError('duplicate key');
		entries.rows.push(row);
		c.say(
			`SUCCESS: ${fn} CID GROUP ENTRY HAS BEEN ADDED - ${c.user}|${groupId}|${areacode}|${outboundCid}|1\n`,
		);
	}
	if (stage === 'DELETE') {
		if (listing().length < 1) return noEntries();
		const count = entries.delete(selected);
		c.say(
			`SUCCESS: ${fn} CID GROUP ENTRIES HAVE BEEN DELETED - ${c.user}|${groupId}|${areacode}|${outboundCid}|${count}\n`,
		);
	}
	if (stage === 'UPDATE') {
		if (listing().length < 1) return noEntries();
		const values: Record<string, string> = {};
		let sqlLength = 0;
		if (active === 'Y' || active === 'N') {
			values.active = active === 'Y' ? 'Y' : '';
			sqlLength += `active='${values.active}'`.length;
		}
		if (description.length > 0) {
			values.cid_description = description;
			sqlLength += `cid_description='${description}'`.length;
		}
		if (sqlLength < 5) {
			c.say(
				`ERROR: ${fn} NO UPDATES WERE DEFINED: |${c.user}|${groupId}|${areacode}|${outboundCid}|${active}|${description}\n`,
			);
			return;
		}
		let changed = 0;
		for (const r of entries.filter(selected)) changed += entries.update(r, values, now);
		c.say(
			`SUCCESS: ${fn} CID GROUP ENTRIES HAVE BEEN UPDATED - ${c.user}|${groupId}|${areacode}|${outboundCid}|${changed}\n`,
		);
	}
}
