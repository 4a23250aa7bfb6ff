/** update_did: change the sent settings of an inbound DID, or delete it. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRights, inScope, viewableScope } from './common';
import { didSettings } from './didFields';

export function updateDid(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const allowed = hasRights(c, ['modify_inbound_dids'], 8, true);
	if (allowed < 1) {
		c.say(
			`ERROR: update_did USER DOES NOT HAVE PERMISSION TO UPDATE DIDS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	const pattern = p.get('did_pattern');
	if (pattern.length < 2 || pattern.length > 50) {
		c.say(`ERROR: update_did YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${pattern}\n`);
		return;
	}
	const dids = state.db.t('vicidial_inbound_dids');
	const scope = viewableScope(state, c.userGroup, false);
	const did = dids.find((r) => ciEq(r.did_pattern, pattern) && inScope(scope, r.user_group));
	if (!did) {
		c.say(`ERROR: update_did DID DOES NOT EXIST: |${c.user}|${pattern}\n`);
		return;
	}
	const didId = s(did.did_id);
	if (p.get('delete_did') === 'Y') {
		const mayDelete = state.user(c.user)?.delete_inbound_dids === '1';
		if (!mayDelete) {
			c.say(
				`ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |${c.user}|${allowed}\n`,
			);
			return;
		}
		const first = dids.find((r) => ciEq(r.did_pattern, pattern));
		dids.delete((r) => r === first);
		c.say(`SUCCESS: update_did DID HAS BEEN DELETED - ${c.user}|${pattern}|${didId}\n`);
		return;
	}
	const values = didSettings(c, 'update_did');
	if (!values) return;
	if (Object.keys(values).length === 0) {
		c.say(`NOTICE: update_did NO UPDATES DEFINED: |${c.user}|\n`);
		return;
	}
	for (const r of dids.filter((x) => ciEq(x.did_pattern, pattern)))
		dids.update(r, values, state.nowStr());
	c.say(`SUCCESS: update_did DID HAS BEEN UPDATED - ${c.user}|${pattern}\n`);
}
