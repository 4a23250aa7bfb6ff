/** check_phone_number: number checks, DNC checks, then dialable flag and GMT offset per time zone method. */
import { dialableGmt } from '../../callTimes';
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum } from '../../php';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { lookupGmt } from '../gmt';
import { userAllowed } from './common';

export function checkPhoneNumber(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	if (userAllowed(c, 7, () => true) < 1) {
		// the message names a variable this function never sets
		c.say(
			`ERROR: check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS: |${c.user}||\n`,
		);
		return;
	}
	const callTimeId = p.get('local_call_time');
	if (!db.t('vicidial_call_times').rows.some((r) => ciEq(r.call_time_id, callTimeId))) {
		c.say(`ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |${c.user}|${callTimeId}|\n`);
		return;
	}
	const phone = p.get('phone_number');
	const phoneCode = p.get('phone_code') || '1';
	const tzMethod = p.get('tz_method') || 'AREACODE';
	const nanpaCheck = p.get('nanpa_ac_prefix_check') === 'Y';
	const nanpaRows = db.t('vicidial_nanpa_prefix_codes');
	if (nanpaCheck || /NANPA/i.test(tzMethod)) {
		if (nanpaRows.rows.length < 10) {
			c.say(
				`ERROR: check_phone_number NANPA options disabled, NANPA prefix data not loaded - ${nanpaRows.rows.length}|${c.user}\n`,
			);
			return;
		}
	}
	let valid = 1;
	let reason = '';
	if (phone.length < 6 || phone.length > 16) {
		valid = 0;
		reason = 'INVALID PHONE NUMBER LENGTH';
	}
	if (p.get('usacan_prefix_check') === 'Y' && valid > 0 && cmpStrNum(phone.slice(3, 4), 2) < 0) {
		valid = 0;
		reason = 'INVALID PHONE NUMBER PREFIX';
	}
	if (p.get('usacan_areacode_check') === 'Y' && valid > 0) {
		valid = db
			.t('vicidial_phone_codes')
			.count((r) => ciEq(r.areacode, phone.slice(0, 3)) && ciEq(r.country_code, '1'));
		if (valid < 1) reason = 'INVALID PHONE NUMBER AREACODE';
	}
	if (nanpaCheck && valid > 0) {
		valid = nanpaRows.count(
			(r) => ciEq(r.areacode, phone.slice(0, 3)) && ciEq(r.prefix, phone.slice(3, 6)),
		);
		if (valid < 1) reason = 'INVALID PHONE NUMBER NANPA AREACODE PREFIX';
	}
	if (valid < 1) {
		c.say(`ERROR: check_phone_number ${reason} - ${phone}|${c.user}\n`);
		return;
	}
	const areaMask = `${phone.slice(0, 3)}XXXXXXX`;
	const dnc = p.get('dnc_check');
	if (dnc === 'Y' || dnc === 'AREACODE') {
		const numbers = dnc === 'AREACODE' ? [phone, areaMask] : [phone];
		if (db.t('vicidial_dnc').rows.some((r) => numbers.some((n) => ciEq(r.phone_number, n)))) {
			c.say(`ERROR: check_phone_number PHONE NUMBER IN DNC - ${phone}|${c.user}\n`);
			return;
		}
	}
	const campDnc = p.get('campaign_dnc_check');
	const campaignId = p.get('campaign_id');
	if (campDnc === 'Y' || campDnc === 'AREACODE') {
		const camp = db.t('vicidial_campaigns').find((r) => ciEq(r.campaign_id, campaignId));
		const other = s(camp?.use_other_campaign_dnc);
		const dncCampaign = other.length > 0 ? other : campaignId;
		const numbers = campDnc === 'AREACODE' ? [phone, areaMask] : [phone];
		if (
			db
				.t('vicidial_campaign_dnc')
				.rows.some(
					(r) => ciEq(r.campaign_id, dncCampaign) && numbers.some((n) => ciEq(r.phone_number, n)),
				)
		) {
			c.say(
				`ERROR: check_phone_number PHONE NUMBER IN CAMPAIGN DNC - ${phone}|${campaignId}|${c.user}\n`,
			);
			return;
		}
	}
	const postal = p.get('postal_code');
	const leadState = p.get('state');
	const owner = p.get('owner');
	const lookup = (method: string): string => {
		const gmt = lookupGmt(c, {
			phoneCode,
			tzMethod: method,
			postalCode: postal,
			owner,
			state: leadState,
		});
		const dialable = dialableGmt(state, callTimeId, Number(gmt ?? 0) || 0, leadState);
		return `${dialable}|${gmt ?? ''}#`;
	};
	let line = '';
	if (/AREACODE/i.test(tzMethod)) line += `AREACODE: ${lookup('')}`;
	if (/POSTAL/i.test(tzMethod)) line += `POSTAL: ${postal.length === 5 ? lookup('POSTAL') : '0|#'}`;
	if (/TZCODE/i.test(tzMethod))
		line += `TZCODE: ${owner.length > 0 && owner.length < 7 ? lookup('TZCODE') : '0|#'}`;
	if (/NANPA/i.test(tzMethod)) line += `NANPA: ${lookup('NANPA')}`;
	c.say(`${line}PHONE: ${phone}|${phoneCode}|${postal}|${leadState}|${owner}|\n`);
}
