/** update_alt_url: list, add or change the alternate URLs of a campaign's (in-group's, list's) call URL. */
import { s, type Row } from '../../db';
import { ciEq, numEqStr, sqlLiteral } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { delimiter, hasRight, refuse, visibleCampaign } from './shared';

const LIST_COLUMNS = [
	'url_id',
	'campaign_id',
	'entry_type',
	'active',
	'url_type',
	'url_rank',
	'url_statuses',
	'url_description',
	'url_lists',
	'url_call_length',
	'url_address',
];

/** Which table and column say whether this kind of URL of this record is set to ALT. */
const ALT_SWITCH: Record<
	string,
	{ section: string; table: string; key: string; columns: Record<string, string> }
> = {
	campaign: {
		section: 'CAMPAIGNS',
		table: 'vicidial_campaigns',
		key: 'campaign_id',
		columns: { dispo: 'dispo_call_url', start: 'start_call_url', noagent: 'na_call_url' },
	},
	ingroup: {
		section: 'INGROUPS',
		table: 'vicidial_inbound_groups',
		key: 'group_id',
		columns: {
			dispo: 'dispo_call_url',
			start: 'start_call_url',
			noagent: 'na_call_url',
			addlead: 'add_lead_url',
		},
	},
	list: {
		section: 'LISTS',
		table: 'vicidial_lists',
		key: 'list_id',
		columns: { noagent: 'na_call_url' },
	},
};

export function updateAltUrl(c: NaContext): void {
	const { p, state } = c;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (!hasRight(c, 'modify_campaigns')) {
		refuse(c, 'USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS', '0');
		return;
	}
	const campaignId = p.get('campaign_id');
	if (campaignId.length < 2 || campaignId.length > 20) {
		refuse(
			c,
			'YOU MUST USE ALL REQUIRED FIELDS',
			`${campaignId}|${p.get('campaign_name')}|${campaignId}`,
		);
		return;
	}
	if (!visibleCampaign(c, campaignId)) {
		refuse(c, 'CAMPAIGN DOES NOT EXIST', campaignId);
		return;
	}
	const entryType = p.get('entry_type');
	const urlType = p.get('url_type');
	let altUrlId = p.get('alt_url_id');
	const urls = state.db.t('vicidial_url_multi');
	const ofThisKind = (r: Row): boolean =>
		ciEq(r.campaign_id, campaignId) && ciEq(r.entry_type, entryType) && ciEq(r.url_type, urlType);

	if (altUrlId === 'LIST') {
		const DL = delimiter(c);
		const rows = urls
			.filter(ofThisKind)
			.sort((a, b) => Number(a.url_id) - Number(b.url_id))
			.slice(0, 1000);
		if (rows.length < 1) {
			c.out.echo(
				`NOTICE: update_alt_url LIST, No Records Found - ${c.user}|${urlType}|${entryType}|${campaignId}|0\n`,
			);
		} else {
			let output = p.get('header') === 'YES' ? `${LIST_COLUMNS.join(DL)}\n` : '';
			for (const r of rows) output += `${LIST_COLUMNS.map((col) => s(r[col])).join(DL)}\n`;
			c.out.echo(output);
		}
		c.log();
		return;
	}

	const target = ALT_SWITCH[entryType];
	if (!target) {
		refuse(c, 'NO ENTRY TYPE DEFINED:', `${entryType}|${campaignId}`);
		return;
	}
	const column = Object.prototype.hasOwnProperty.call(target.columns, urlType)
		? target.columns[urlType]
		: undefined;
	if (!column) {
		refuse(c, 'NO VALID URL TYPE DEFINED:', `${urlType}|${entryType}|${campaignId}`);
		return;
	}
	const keyMatches = (r: Row): boolean =>
		entryType === 'list'
			? numEqStr(Number(r.list_id), campaignId)
			: ciEq(r[target.key], campaignId);
	if (state.db.t(target.table).count((r) => keyMatches(r) && ciEq(r[column], 'ALT')) < 1) {
		refuse(
			c,
			`${target.section} ${urlType} URL IS NOT SET TO ALT`,
			`${urlType}|${entryType}|${campaignId}`,
		);
		return;
	}

	if (altUrlId !== 'NEW') {
		if (urls.count((r) => ofThisKind(r) && numEqStr(Number(r.url_id), altUrlId)) < 1) {
			// an unknown id still works when the record has at most one URL of this kind: that one is changed
			const first = urls
				.filter(ofThisKind)
				.sort((a, b) => Number(a.url_id) - Number(b.url_id))
				.slice(0, 2);
			if (first.length >= 2) {
				refuse(
					c,
					'ALT URL ID DOES NOT EXIST',
					`${altUrlId}|${urlType}|${entryType}|${campaignId}|${first.length}`,
				);
				return;
			}
			altUrlId = s(first[0]?.url_id);
		}
	}

	const changes: Record<string, string> = {};
	const active = p.get('active');
	if (active.length > 0) {
		if (active !== 'Y' && active !== 'N') {
			refuse(c, 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', active);
			return;
		}
		changes.active = active;
	}
	const address = p.get('url_address');
	if (address.length > 0) {
		if (address === '--BLANK--') changes.url_address = '';
		else if (address.length < 5 || address.length > 65000) {
			refuse(c, 'URL ADDRESS IS NOT VALID, THIS IS AN OPTIONAL FIELD', address);
			return;
		} else changes.url_address = address;
	}
	const rank = p.get('url_rank');
	if (rank.length > 0) {
		if (rank.length > 5) {
			refuse(c, 'URL RANK IS NOT VALID, THIS IS AN OPTIONAL FIELD', rank);
			return;
		}
		changes.url_rank = rank;
	}
	const callLength = p.get('url_call_length');
	if (callLength.length > 0) {
		if (callLength.length > 5) {
			refuse(c, 'URL CAL LENGTH IS NOT VALID, THIS IS AN OPTIONAL FIELD', callLength);
			return;
		}
		changes.url_call_length = callLength;
	}
	const statuses = p.get('url_statuses');
	if (statuses.length > 0) {
		if (statuses.length > 1000) {
			refuse(c, 'URL STATUSES IS NOT VALID, THIS IS AN OPTIONAL FIELD', statuses);
			return;
		}
		changes.url_statuses = statuses;
	}
	const description = p.get('url_description');
	if (description.length > 0) {
		if (description === '--BLANK--') changes.url_description = '';
		else if (description.length > 255) {
			refuse(c, 'URL DESCRIPTION IS NOT VALID, THIS IS AN OPTIONAL FIELD', description);
			return;
		} else changes.url_description = description;
	}
	const lists = p.get('url_lists');
	if (lists.length > 0) {
		if (lists === '--BLANK--') changes.url_lists = '';
		else if (lists.length > 1000) {
			refuse(c, 'URL LISTS IS NOT VALID, THIS IS AN OPTIONAL FIELD', lists);
			return;
		} else changes.url_lists = lists;
	}
	if (Object.keys(changes).length === 0) {
		c.say(`NOTICE: update_alt_url NO UPDATES DEFINED: |${c.user}|\n`);
		return;
	}
	// the description goes into the statement unescaped: a backslash there is read by MariaDB
	if (changes.url_description) changes.url_description = sqlLiteral(changes.url_description, "'");
	const now = state.nowStr();
	if (altUrlId === 'NEW') {
		const row = urls.insert(
			{ campaign_id: campaignId, entry_type: entryType, url_type: urlType, ...changes },
			now,
		);
		c.say(
			`SUCCESS: update_alt_url ALT URL HAS BEEN ADDED - ${c.user}|NEW URL ID: ${s(row.url_id)}|${urlType}|${entryType}|${campaignId}\n`,
		);
		return;
	}
	for (const r of urls.filter(
		(row) => ciEq(row.campaign_id, campaignId) && numEqStr(Number(row.url_id), altUrlId),
	))
		urls.update(r, changes, now);
	c.say(
		`SUCCESS: update_alt_url ALT URL HAS BEEN UPDATED - ${c.user}|${altUrlId}|${urlType}|${entryType}|${campaignId}\n`,
	);
}
