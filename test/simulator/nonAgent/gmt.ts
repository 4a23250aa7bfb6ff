/**
 * The GMT offset add_lead gives a new lead (lookup_gmt_api): by postal code, owner time-zone
 * code or NANPA prefix when tz_method asks, else by country/area code. The harness has no
 * phone-code, postal-code or NANPA data, so the usual answer is "no offset" (null, printed as
 * an empty field). DST range adjustments are not modelled: they only apply to found rows.
 */
import { s } from '../db';
import { ciEq, ciKey } from '../mysql';
import { looseEq } from '../php';
import type { NaContext } from './context';

export interface GmtInput {
	phoneCode: string;
	tzMethod: string;
	postalCode: string;
	owner: string;
	state: string;
}

const clean = (v: string | null): string => s(v).replace(/\+/g, '');

export function lookupGmt(c: NaContext, a: GmtInput): string | null {
	const db = c.state.db;
	const phoneCodes = db.t('vicidial_phone_codes');
	let gmt: string | null = null;
	let found = 0;
	if (/POSTAL/i.test(a.tzMethod) && a.postalCode.length > 4 && a.phoneCode === '1') {
		const prefix = ciKey(a.postalCode);
		const r = db
			.t('vicidial_postal_codes')
			.find((x) => ciEq(x.country_code, a.phoneCode) && ciKey(s(x.postal_code)).startsWith(prefix));
		if (r) {
			gmt = clean(r.GMT_offset);
			found++;
		}
	}
	if (a.tzMethod === 'TZCODE' && a.owner.length > 1) {
		gmt = '0';
		const r = phoneCodes.find((x) => ciEq(x.tz_code, a.owner) && ciEq(x.country_code, a.phoneCode));
		if (r) {
			gmt = clean(r.GMT_offset);
			found++;
		}
	}
	if (/NANPA/i.test(a.tzMethod) && c.usArea.length > 2 && c.usPrefix.length > 2) {
		const r = db
			.t('vicidial_nanpa_prefix_codes')
			.find((x) => ciEq(x.areacode, c.usArea) && ciEq(x.prefix, c.usPrefix));
		if (r) {
			gmt = clean(r.GMT_offset);
			found++;
		}
	}
	if (found < 1) {
		let processed = 0;
		const byArea = (): void => {
			const r = phoneCodes.find(
				(x) => ciEq(x.country_code, a.phoneCode) && ciEq(x.areacode, c.usArea),
			);
			if (r) {
				gmt = clean(r.GMT_offset);
				processed++;
			}
		};
		if (looseEq(a.phoneCode, '1')) byArea();
		if (looseEq(a.phoneCode, '52')) byArea();
		if (looseEq(a.phoneCode, '61')) {
			const r = phoneCodes.find((x) => ciEq(x.country_code, a.phoneCode) && ciEq(x.state, a.state));
			if (r) {
				gmt = clean(r.GMT_offset);
				processed++;
			}
		}
		if (!processed) {
			const r = phoneCodes.find((x) => ciEq(x.country_code, a.phoneCode));
			if (r) gmt = clean(r.GMT_offset);
		}
	}
	return gmt;
}
