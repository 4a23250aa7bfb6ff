/** add_lead: insert a lead, with the optional checks, hopper, callback and alt-phone extras. */
import { dialableGmt } from '../callTimes';
import { s, type Row } from '../db';
import { ciEq, fmtDateTime, numEqStr, SqlError, sqlLiteral } from '../mysql';
import { cmpStrNum, looseEq } from '../php';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from './context';
import { lookupGmt } from './gmt';
import { insertCustomFields } from './leadWrite/updateLead';

/** duplicate_check day windows, tested in this order (a later match wins: 360DAY beats 60DAY) */
const DAY_WINDOWS: Array<[RegExp, number]> = [
	[/1DAY/i, 1],
	[/2DAY/i, 2],
	[/3DAY/i, 3],
	[/7DAY/i, 7],
	[/14DAY/i, 14],
	[/15DAY/i, 15],
	[/21DAY/i, 21],
	[/28DAY/i, 28],
	[/30DAY/i, 30],
	[/60DAY/i, 60],
	[/90DAY/i, 90],
	[/180DAY/i, 180],
	[/360DAY/i, 360],
];

export function addLead(c: NaContext): void {
	const { state, out, p } = c;
	const db = state.db;
	const now = state.now();
	const nowStr = state.nowStr();
	let listId = p.get('list_id').replace(/[^0-9]/g, '');
	if (!checkSource(c) || !checkAllowedFunction(c)) return;

	const modifyLeads = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			['1', '2', '3', '4'].includes(s(r.modify_leads)) &&
			level(r) > 7 &&
			r.active === 'Y',
	);
	if (modifyLeads < 1) {
		c.say(
			`ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |${c.user}|${modifyLeads}|\n`,
		);
		return;
	}
	const phone = p.get('phone_number');
	if (c.apiListRestrict > 0 && !c.allowedLists.includes(` ${listId} `)) {
		c.say(`ERROR: add_lead NOT AN ALLOWED LIST ID - ${phone}|${listId}\n`);
		return;
	}
	const lists = db.t('vicidial_lists');
	if (/Y/i.test(p.get('list_exists_check'))) {
		if (lists.count((r) => numEqStr(Number(r.list_id), listId)) < 1) {
			c.say(
				`ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - ${phone}|${listId}\n`,
			);
			return;
		}
	}
	const gender = p.get('gender') || 'U';
	const rank = p.get('rank') || '0';
	if (listId.length < 3) listId = '999';
	const phoneCode = p.get('phone_code') || '1';
	let nanpaCheck = p.get('nanpa_ac_prefix_check');
	let tzMethod = p.get('tz_method');
	const nanpaTable = db.t('vicidial_nanpa_prefix_codes');
	if (nanpaCheck === 'Y' || /NANPA/i.test(tzMethod)) {
		const loaded = nanpaTable.rows.length;
		if (loaded < 10) {
			nanpaCheck = 'N';
			tzMethod = tzMethod.replace(/NANPA/g, '');
			c.say(
				`NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - ${loaded}|${c.user}\n`,
			);
		}
	}

	// ---- phone number validation
	const phoneCodes = db.t('vicidial_phone_codes');
	let valid = 1;
	let reason = '';
	if (phone.length < 6 || phone.length > 16) {
		valid = 0;
		reason = 'add_lead INVALID PHONE NUMBER LENGTH';
	}
	if (p.get('usacan_prefix_check') === 'Y' && valid > 0) {
		if (cmpStrNum(phone.substr(3, 1), 2) < 0) {
			valid = 0;
			reason = 'add_lead INVALID PHONE NUMBER PREFIX';
		}
	}
	if (p.get('usacan_areacode_check') === 'Y' && valid > 0) {
		const ac = phone.slice(0, 3);
		valid = phoneCodes.count((r) => ciEq(r.areacode, ac) && ciEq(r.country_code, '1'));
		if (valid < 1 || phone.length !== 10) reason = 'add_lead INVALID PHONE NUMBER AREACODE';
	}
	if (nanpaCheck === 'Y' && valid > 0) {
		const ac = phone.slice(0, 3);
		const px = phone.slice(3, 6);
		valid = nanpaTable.count((r) => ciEq(r.areacode, ac) && ciEq(r.prefix, px));
		if (valid < 1) reason = 'add_lead INVALID PHONE NUMBER NANPA AREACODE PREFIX';
	}
	if (valid < 1) {
		c.say(`ERROR: ${reason} - ${phone}|${c.user}\n`);
		return;
	}

	let leadState = p.get('state');
	if (p.get('lookup_state') === 'Y' && leadState.length < 1) {
		const ac = phone.slice(0, 3);
		const pc = phoneCodes.find((r) => ciEq(r.country_code, phoneCode) && ciEq(r.areacode, ac));
		if (pc) leadState = s(pc.state);
	}

	// ---- DNC checks
	const areacodeWildcard = `${phone.slice(0, 3)}XXXXXXX`;
	const dncCheck = p.get('dnc_check');
	if (dncCheck === 'Y' || dncCheck === 'AREACODE') {
		const found = db
			.t('vicidial_dnc')
			.count(
				(r) =>
					ciEq(r.phone_number, phone) ||
					(dncCheck === 'AREACODE' && ciEq(r.phone_number, areacodeWildcard)),
			);
		if (found > 0) {
			c.say(`ERROR: add_lead PHONE NUMBER IN DNC - ${phone}|${c.user}\n`);
			return;
		}
	}
	const campaignId = p.get('campaign_id');
	const campDncCheck = p.get('campaign_dnc_check');
	if (campDncCheck === 'Y' || campDncCheck === 'AREACODE') {
		const camp = db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, campaignId));
		const other = s(camp?.use_other_campaign_dnc);
		const dncCampaign = other.length > 0 ? other : campaignId;
		const found = db
			.t('vicidial_campaign_dnc')
			.count(
				(r) =>
					(ciEq(r.phone_number, phone) ||
						(campDncCheck === 'AREACODE' && ciEq(r.phone_number, areacodeWildcard))) &&
					ciEq(r.campaign_id, dncCampaign),
			);
		if (found > 0) {
			c.say(`ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - ${phone}|${campaignId}|${c.user}\n`);
			return;
		}
	}

	// ---- duplicate checks
	const dup = p.get('duplicate_check');
	const title = p.get('title');
	const altPhone = p.get('alt_phone');
	const firstName = p.get('first_name');
	const lastName = p.get('last_name');
	if (duplicateFound(c, dup, { listId, phone, title, altPhone, firstName, lastName, now })) return;

	// ---- insert
	const gmt = lookupGmt(c, {
		phoneCode,
		tzMethod,
		postalCode: p.get('postal_code'),
		owner: p.get('owner'),
		state: leadState,
	});
	const callback = p.get('callback');
	const dq = (v: string): string => sqlLiteral(v, '"');
	const entryListId = p.get('entry_list_id');
	const vendorLeadCode = p.get('vendor_lead_code');
	const leadRow = db.t('vicidial_list').insert(
		{
			phone_code: phoneCode,
			phone_number: phone,
			list_id: listId,
			status: callback === 'Y' ? 'CBHOLD' : 'NEW',
			user: c.user,
			vendor_lead_code: dq(vendorLeadCode),
			source_id: dq(p.get('source_id')),
			gmt_offset_now: gmt ?? '',
			title,
			first_name: firstName,
			middle_initial: p.get('middle_initial'),
			last_name: lastName,
			address1: p.get('address1'),
			address2: p.get('address2'),
			address3: p.get('address3'),
			city: p.get('city'),
			state: leadState,
			province: p.get('province'),
			postal_code: p.get('postal_code'),
			country_code: p.get('country_code'),
			gender,
			date_of_birth: p.get('date_of_birth'),
			alt_phone: altPhone,
			email: p.get('email'),
			security_phrase: p.get('security_phrase'),
			comments: dq(p.get('comments')),
			called_since_last_reset: 'N',
			entry_date: nowStr,
			last_local_call_time: nowStr,
			rank,
			owner: p.get('owner'),
			entry_list_id: entryListId.length > 0 ? entryListId : '0',
		},
		nowStr,
	);
	const leadId = s(leadRow.lead_id);
	c.say(
		`SUCCESS: add_lead LEAD HAS BEEN ADDED - ${phone}|${listId}|${leadId}|${gmt ?? ''}|${c.user}\n`,
	);

	// ---- multi_alt_phones: "number_code_note!number_code_note..."
	const multi = p.get('multi_alt_phones');
	if (multi.length > 5) {
		let inserted = 0;
		multi.split('!').forEach((entry, i) => {
			const [number = '', code = '', note = ''] = entry.split('_');
			out.echo(`${number}|${code}|${note}`); // printed without a newline
			db.t('vicidial_list_alt_phones').insert(
				{
					lead_id: leadId,
					phone_code: code.length > 0 ? code : '1',
					phone_number: number,
					alt_phone_note: note,
					alt_phone_count: i + 1,
				},
				nowStr,
			);
			inserted++;
		});
		c.say(`NOTICE: add_lead MULTI-ALT-PHONE NUMBERS LOADED - ${inserted}|${leadId}|${c.user}\n`);
	}

	// ---- custom fields
	if (p.get('custom_fields') === 'Y')
		insertCustomFields(c, 'add_lead', phone, leadId, listId, listId);

	// ---- hopper
	if (c.addToHopper === 'Y') {
		const list = lists.find((r) => numEqStr(Number(r.list_id), listId));
		const camp = list
			? db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, s(list.campaign_id)))
			: undefined;
		let localCallTime = camp ? s(camp.local_call_time) : '';
		const listCallTime = camp && list ? list.local_call_time : null;
		if (listCallTime !== null && listCallTime !== '' && !/^campaign$/i.test(listCallTime))
			localCallTime = listCallTime;
		let dialable = 1;
		if (p.get('hopper_local_call_time_check') === 'Y')
			dialable = dialableGmt(state, localCallTime, Number(gmt ?? 0), leadState);
		if (dialable < 1) {
			c.say(
				`NOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - ${phone}|${leadId}|${gmt ?? ''}|${dialable}|${c.user}\n`,
			);
		} else {
			const hopper = db.t('vicidial_hopper').insert(
				{
					lead_id: leadId,
					campaign_id: camp ? s(camp.campaign_id) : '',
					status: 'READY',
					list_id: listId,
					gmt_offset_now: gmt ?? '',
					state: leadState,
					user: '',
					priority: c.hopperPriority,
					source: 'P',
					vendor_lead_code: dq(vendorLeadCode),
				},
				nowStr,
			);
			c.say(
				`NOTICE: add_lead ADDED TO HOPPER - ${phone}|${leadId}|${s(hopper.hopper_id)}|${c.user}\n`,
			);
		}
	}

	// ---- scheduled callback
	if (callback === 'Y') {
		const campCount = db.t('vicidial_campaigns').count((r) => ciEq(r.campaign_id, campaignId));
		if (campCount > 0) {
			let valid = 0;
			let userGroup = '';
			let cbType = p.get('callback_type');
			let cbUser = p.get('callback_user');
			if (cbType === 'USERONLY') {
				const u = state.user(cbUser);
				if (u) {
					userGroup = s(u.user_group);
					valid++;
				} else {
					c.say(
						`NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - ${leadId}|${campaignId}|${cbUser}|${cbType}\n`,
					);
				}
			} else {
				cbType = 'ANYONE';
				cbUser = '';
				valid++;
			}
			if (valid > 0) {
				let when = p.get('callback_datetime');
				if (when === 'NOW') when = nowStr;
				if (/\dDAYS$/i.test(when)) {
					const days = Number(when.replace(/[^0-9]/g, ''));
					when = fmtDateTime(new Date(now.getTime() + days * 86400000));
				}
				const cbStatus = p.get('callback_status') || 'CALLBK';
				db.t('vicidial_callbacks').insert(
					{
						lead_id: leadId,
						list_id: listId,
						campaign_id: campaignId,
						status: 'ACTIVE',
						entry_time: nowStr,
						callback_time: when,
						user: cbUser,
						recipient: cbType,
						comments: p.get('callback_comments'),
						user_group: userGroup,
						lead_status: cbStatus,
					},
					nowStr,
				);
				c.say(
					`NOTICE: add_lead SCHEDULED CALLBACK ADDED - ${leadId}|${campaignId}|${when}|${cbType}|${cbUser}|${cbStatus}\n`,
				);
			}
		} else {
			c.say(
				`NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - ${leadId}|${campaignId}\n`,
			);
		}
	}
	// apinewlead URLs (vicidial_url_multi) are not modelled: the seed defines none
}

interface DupInput {
	listId: string;
	phone: string;
	title: string;
	altPhone: string;
	firstName: string;
	lastName: string;
	now: Date;
}

/** The duplicate_check options, in the script's order; prints the error and returns true on a hit. */
function duplicateFound(c: NaContext, dup: string, d: DupInput): boolean {
	const db = c.state.db;
	const leads = db.t('vicidial_list');
	let since: string | null = null;
	if (DAY_WINDOWS.some(([re]) => re.test(dup))) {
		let days = 30;
		for (const [re, n] of DAY_WINDOWS) if (re.test(dup)) days = n;
		since = fmtDateTime(new Date(d.now.getTime() - days * 86400000));
	}
	const recent = (r: Row): boolean =>
		since === null || (r.entry_date !== null && r.entry_date > since);
	const inList = (r: Row): boolean => numEqStr(Number(r.list_id), d.listId);

	// lists of the list's campaign, for the *CAMP options; none found = "IN()" = SQL error
	let campLists: string[] | null = null;
	if (/CAMP/i.test(dup)) {
		const list = db.t('vicidial_lists').find((r) => numEqStr(Number(r.list_id), d.listId));
		if (list) {
			const same = db.t('vicidial_lists').filter((r) => ciEq(r.campaign_id, s(list.campaign_id)));
			if (same.length > 0) campLists = same.map((r) => s(r.list_id));
		}
	}
	const inCamp = (r: Row): boolean =>
		campLists !== null && campLists.some((l) => numEqStr(Number(r.list_id), l));
	const first = (pred: (r: Row) => boolean): Row | undefined => leads.find(pred);
	const needCamp = (): void => {
		if (campLists === null) throw new SqlError('list_id IN() is empty');
	};
	const err = (reason: string, data: string): true => {
		c.say(`ERROR: add_lead ${reason} - ${data}\n`);
		return true;
	};
	const phoneEq = (r: Row): boolean => ciEq(r.phone_number, d.phone);
	const phoneOrAlt = (r: Row): boolean =>
		ciEq(r.phone_number, d.phone) || ciEq(r.alt_phone, d.phone);
	const dupType = (r: Row): string => (looseEq(d.phone, s(r.phone_number)) ? 'PHONE' : 'ALT');
	const q = (v: string): string => sqlLiteral(v, "'");

	if (/DUPLIST/i.test(dup)) {
		const r = first((x) => phoneEq(x) && inList(x) && recent(x));
		if (r) return err('DUPLICATE PHONE NUMBER IN LIST', `${d.phone}|${d.listId}|${s(r.lead_id)}`);
	}
	if (/DUPCAMP/i.test(dup)) {
		needCamp();
		const r = first((x) => phoneEq(x) && inCamp(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS',
				`${d.phone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}`,
			);
	}
	if (/DUPSYS/i.test(dup)) {
		const r = first((x) => phoneEq(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE PHONE NUMBER IN SYSTEM',
				`${d.phone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}`,
			);
	}
	if (/DUPPHONEALTLIST/i.test(dup)) {
		const r = first((x) => phoneOrAlt(x) && inList(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE PHONE NUMBER IN LIST',
				`${d.phone}|${d.listId}|${s(r.lead_id)}|${dupType(r)}`,
			);
	}
	if (/DUPPHONEALTCAMP/i.test(dup)) {
		needCamp();
		const r = first((x) => phoneOrAlt(x) && inCamp(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS',
				`${d.phone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}|${dupType(r)}`,
			);
	}
	if (/DUPPHONEALTSYS/i.test(dup)) {
		const r = first((x) => phoneOrAlt(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE PHONE NUMBER IN SYSTEM',
				`${d.phone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}|${dupType(r)}`,
			);
	}
	// these values sit in '...' literals: a stray quote breaks the statement
	const titleAlt = (x: Row): boolean =>
		ciEq(x.title, q(d.title)) && ciEq(x.alt_phone, q(d.altPhone));
	const checkTitleAlt = (): void => {
		q(d.title);
		q(d.altPhone);
	};
	const checkNames = (): void => {
		q(d.firstName);
		q(d.lastName);
	};
	if (/DUPTITLEALTPHONELIST/i.test(dup)) {
		checkTitleAlt();
		const r = first((x) => titleAlt(x) && inList(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE TITLE ALT_PHONE IN LIST',
				`${d.title}|${d.altPhone}|${d.listId}|${s(r.lead_id)}`,
			);
	}
	if (/DUPTITLEALTPHONECAMP/i.test(dup)) {
		checkTitleAlt();
		needCamp();
		const r = first((x) => titleAlt(x) && inCamp(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE TITLE ALT_PHONE IN CAMPAIGN LISTS',
				`${d.title}|${d.altPhone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}`,
			);
	}
	if (/DUPTITLEALTPHONESYS/i.test(dup)) {
		checkTitleAlt();
		const r = first((x) => titleAlt(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE TITLE ALT_PHONE IN SYSTEM',
				`${d.title}|${d.altPhone}|${d.listId}|${s(r.lead_id)}|${s(r.list_id)}`,
			);
	}
	const namePhone = (x: Row): boolean =>
		ciEq(x.first_name, q(d.firstName)) && ciEq(x.last_name, q(d.lastName)) && phoneEq(x);
	const names = `${d.firstName}|${d.lastName}|${d.phone}|${d.listId}`;
	if (/DUPNAMEPHONELIST/i.test(dup)) {
		checkNames();
		const r = first((x) => namePhone(x) && recent(x) && inList(x));
		if (r) return err('DUPLICATE NAME PHONE IN LIST', `${names}|${s(r.lead_id)}`);
	}
	if (/DUPNAMEPHONECAMP/i.test(dup)) {
		checkNames();
		needCamp();
		const r = first((x) => namePhone(x) && inCamp(x) && recent(x));
		if (r)
			return err(
				'DUPLICATE NAME PHONE IN CAMPAIGN LISTS',
				`${names}|${s(r.lead_id)}|${s(r.list_id)}`,
			);
	}
	if (/DUPNAMEPHONESYS/i.test(dup)) {
		checkNames();
		const r = first((x) => namePhone(x) && recent(x));
		if (r) return err('DUPLICATE NAME PHONE IN SYSTEM', `${names}|${s(r.lead_id)}|${s(r.list_id)}`);
	}
	return false;
}
