/** add_did: a new inbound DID with the optional settings that were sent. */
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRights } from './common';
import { didSettings } from './didFields';

export function addDid(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const allowed = hasRights(c, ['modify_inbound_dids'], 8, true);
	if (allowed < 1) {
		c.say(`ERROR: add_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |${c.user}|${allowed}\n`);
		return;
	}
	const pattern = p.get('did_pattern');
	if (pattern.length < 2 || pattern.length > 50) {
		c.say(`ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${pattern}\n`);
		return;
	}
	const dids = state.db.t('vicidial_inbound_dids');
	if (dids.count((r) => ciEq(r.did_pattern, pattern)) > 0) {
		c.say(`ERROR: add_did DID ALREADY EXISTS: |${c.user}|${pattern}\n`);
		return;
	}
	const values = didSettings(c, 'add_did');
	if (!values) return;
	dids.insert({ did_pattern: pattern, ...values }, state.nowStr());
	c.say(`SUCCESS: add_did DID HAS BEEN ADDED - ${c.user}|${pattern}\n`);
}
