/** add_phone_alias and update_phone_alias: one login name for several phones. */
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';
import { prologue } from './common';

/** The first login of a comma list with no phone, or undefined when all exist. */
function missingPhone(c: NaContext, logins: string): string | undefined {
	return logins
		.split(',')
		.find((login) => c.state.db.t('phones').count((r) => ciEq(r.login, login)) < 1);
}

export function addPhoneAlias(c: NaContext): void {
	const { p, state } = c;
	if (
		!prologue(
			c,
			(r) => r.ast_admin_access === '1',
			'USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES',
		)
	)
		return;
	const aliasId = p.get('alias_id');
	const aliasName = p.get('alias_name');
	const logins = p.get('phone_logins');
	if (aliasId.length < 2 || logins.length < 2 || aliasName.length < 1) {
		c.say(
			`ERROR: add_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${aliasId}|${aliasName}|${logins}\n`,
		);
		return;
	}
	const aliases = state.db.t('phones_alias');
	if (aliases.count((r) => ciEq(r.alias_id, aliasId)) > 0) {
		c.say(`ERROR: add_phone_alias PHONE ALIAS ALREADY EXISTS: |${c.user}|${aliasId}\n`);
		return;
	}
	const missing = missingPhone(c, logins);
	if (missing !== undefined) {
		c.say(`ERROR: add_phone_alias PHONE DOES NOT EXIST: |${c.user}|${missing}\n`);
		return;
	}
	aliases.insert({ alias_id: aliasId, alias_name: aliasName, logins_list: logins }, state.nowStr());
	c.say(
		`SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - ${c.user}|${aliasId}|${aliasName}|${logins}\n`,
	);
}

export function updatePhoneAlias(c: NaContext): void {
	const { p, state } = c;
	if (
		!prologue(
			c,
			(r) => r.ast_admin_access === '1',
			'USER DOES NOT HAVE PERMISSION TO UPDATE PHONE ALIASES',
		)
	)
		return;
	const aliasId = p.get('alias_id');
	const aliasName = p.get('alias_name');
	const logins = p.get('phone_logins');
	const del = p.get('delete_alias');
	if (aliasId.length < 2 || (logins.length < 2 && aliasName.length < 1 && del.length < 1)) {
		c.say(
			`ERROR: update_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${aliasId}|${aliasName}|${logins}\n`,
		);
		return;
	}
	const aliases = state.db.t('phones_alias');
	const alias = aliases.find((r) => ciEq(r.alias_id, aliasId));
	if (!alias) {
		c.say(`ERROR: update_phone_alias PHONE ALIAS DOES NOT EXIST: |${c.user}|${aliasId}\n`);
		return;
	}
	if (del === 'Y') {
		const me = state.user(c.user);
		const mayDelete =
			me &&
			me.vdc_agent_api_access === '1' &&
			me.ast_delete_phones === '1' &&
			Number(me.user_level) >= 8 &&
			me.active === 'Y'
				? 1
				: 0;
		if (mayDelete < 1) {
			c.say(
				`NOTICE: update_phone_alias USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES: |${c.user}|${mayDelete}\n`,
			);
			return;
		}
		aliases.delete((r) => ciEq(r.alias_id, aliasId));
		c.say(`SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN DELETED - ${c.user}|${aliasId}\n`);
		return;
	}
	const changes: Record<string, string> = {};
	if (aliasName.length > 0) {
		if (aliasName.length > 50 || aliasName.length < 2) {
			c.say(`ERROR: update_phone_alias YOU MUST USE A VALID ALIAS NAME: |${c.user}|${aliasName}\n`);
			return;
		}
		changes.alias_name = aliasName;
	}
	if (logins.length > 1) {
		const missing = missingPhone(c, logins);
		if (missing !== undefined) {
			c.say(`ERROR: update_phone_alias PHONE DOES NOT EXIST: |${c.user}|${missing}\n`);
			return;
		}
		changes.logins_list = logins;
	}
	if (Object.keys(changes).length === 0) {
		c.say(`NOTICE: update_phone_alias NO UPDATES DEFINED: |${c.user}|\n`);
		return;
	}
	aliases.update(alias, changes, state.nowStr());
	c.say(`SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - ${c.user}|${aliasId}|\n`);
}
