/** copy_did: new DIDs with every setting of an existing one. */
import { s, type RowInput } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, type NaContext } from '../context';
import { hasRights, inScope, viewableScope } from './common';

export function copyDid(c: NaContext): void {
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const { state, p } = c;
	const allowed = hasRights(c, ['modify_inbound_dids'], 8, true);
	if (allowed < 1) {
		c.say(`ERROR: copy_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |${c.user}|${allowed}\n`);
		return;
	}
	const source = p.get('source_did_pattern');
	const newDids = p.get('new_dids');
	if (source.length < 2 || source.length > 50 || newDids.length < 2 || newDids.length > 2000) {
		c.say(`ERROR: copy_did YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${source}|${newDids}\n`);
		return;
	}
	const dids = state.db.t('vicidial_inbound_dids');
	const scope = viewableScope(state, c.userGroup, false);
	if (dids.count((r) => ciEq(r.did_pattern, source) && inScope(scope, r.user_group)) < 1) {
		c.say(`ERROR: copy_did SOURCE DID DOES NOT EXIST: |${c.user}|${source}\n`);
		return;
	}
	const description = p.get('did_description');
	let inserts = 0;
	let failures = 0;
	for (const pattern of newDids.split(',')) {
		if (dids.count((r) => ciEq(r.did_pattern, pattern)) > 0) {
			c.say(`NOTICE: copy_did DID ALREADY EXISTS - ${c.user}|${pattern}\n`);
			failures++;
			continue;
		}
		if (description.length > 0 && (description.length > 50 || description.length < 6)) {
			c.say(
				`ERROR: copy_did DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |${c.user}|${description}\n`,
			);
			return;
		}
		// INSERT IGNORE ... SELECT: every column of the source but its id (none when it vanished)
		const from = dids.find((r) => ciEq(r.did_pattern, source));
		let added = 0;
		let didId = '0';
		if (from) {
			const copy: RowInput = { ...from, did_pattern: pattern };
			delete copy.did_id;
			if (description.length > 0) copy.did_description = description;
			const row = dids.insert(copy, state.nowStr());
			dids.rows.pop();
			dids.autoIncrement--;
			// the stored (truncated) pattern may collide with an existing one: ignored
			if (dids.count((r) => ciEq(r.did_pattern, row.did_pattern)) === 0) {
				dids.rows.push(row);
				dids.autoIncrement++;
				added = 1;
				didId = s(row.did_id);
			}
		}
		inserts += added;
		c.say(
			`NOTICE: copy_did DID HAS BEEN ADDED - ${c.user}|${pattern}|${source}|${didId}|${added}\n`,
		);
	}
	if (inserts > 0)
		c.say(`SUCCESS: copy_did DIDS HAVE BEEN ADDED - ${c.user}|${source}|${inserts}|${failures}\n`);
	else c.say(`ERROR: copy_did NO DIDS ADDED - ${c.user}|${source}|${inserts}|${failures}\n`);
}
