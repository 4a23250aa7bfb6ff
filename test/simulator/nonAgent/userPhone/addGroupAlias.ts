/** add_group_alias: a caller ID agents may pick for manual calls. */
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';
import { prologue } from './common';

export function addGroupAlias(c: NaContext): void {
	const { p, state } = c;
	if (
		!prologue(
			c,
			(r) => r.ast_admin_access === '1',
			'USER DOES NOT HAVE PERMISSION TO ADD GROUP ALIASES',
		)
	)
		return;
	const number = p.get('caller_id_number');
	let aliasId = p.get('group_alias_id');
	let aliasName = p.get('group_alias_name');
	if (number.length < 6) {
		c.say(
			`ERROR: add_group_alias YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${aliasId}|${aliasName}|${number}\n`,
		);
		return;
	}
	if (aliasId.length < 2) aliasId = number;
	if (aliasName.length < 2) aliasName = number;
	const active = p.get('active').length < 1 ? 'Y' : p.get('active');
	const adminGroup = p.get('admin_user_group').length < 1 ? '---ALL---' : p.get('admin_user_group');
	aliasName = aliasName.replace(/\+/g, ' ');
	const callerName = p.get('caller_id_name').replace(/\+/g, ' ');
	const aliases = state.db.t('groups_alias');
	if (aliases.count((r) => ciEq(r.group_alias_id, aliasId)) > 0) {
		c.say(`ERROR: add_group_alias GROUP ALIAS ALREADY EXISTS: |${c.user}|${aliasId}|${number}\n`);
		return;
	}
	aliases.insert(
		{
			group_alias_id: aliasId,
			group_alias_name: aliasName,
			caller_id_number: number,
			caller_id_name: callerName,
			active,
			user_group: adminGroup,
		},
		state.nowStr(),
	);
	c.say(
		`SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - ${c.user}|${aliasId}|${aliasName}|${number}\n`,
	);
}
