/** add_phone and update_phone: phone (extension) rows of a server. */
import type { RowInput } from '../../db';
import { ciEq } from '../../mysql';
import { cmpStrNum, looseEq } from '../../php';
import type { NaContext } from '../context';
import { PHONE_GMT, inViewable, prologue, viewableGroups } from './common';

const PROTOCOLS = ['IAX2', 'SIP', 'Zap', 'EXTERNAL'];
const BLANK = '--BLANK--';

/** The Y/N webphone switches: taken only when they are one of the accepted values (any case). */
function webphoneChanges(c: NaContext): RowInput {
	const changes: RowInput = {};
	const take = (name: string, accepted: RegExp): void => {
		if (accepted.test(c.p.get(name))) changes[name] = c.p.get(name);
	};
	take('is_webphone', /^Y$|^N$|^Y_API_LAUNCH$/i);
	take('webphone_auto_answer', /^Y$|^N$/i);
	take('use_external_server_ip', /^Y$|^N$/i);
	take('on_hook_agent', /^Y$|^N$/i);
	return changes;
}

/** template_id: --BLANK-- empties it, else it must exist; false when refused (the answer ends). */
function templateChange(c: NaContext, changes: RowInput): boolean {
	const template = c.p.get('template_id');
	if (template.length <= 1) return true;
	if (/^--BLANK--$/i.test(template)) {
		changes.template_id = '';
		return true;
	}
	if (c.state.db.t('vicidial_conf_templates').count((r) => ciEq(r.template_id, template)) > 0) {
		changes.template_id = template;
		return true;
	}
	c.say(
		`ERROR: ${c.fn} TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |${c.user}|${c.p.get('phone_login')}|${template}\n`,
	);
	return false;
}

/** The servers the phone's configuration is rebuilt on. */
function rebuildConf(c: NaContext, serverIp: string): void {
	for (const r of c.state.db
		.t('servers')
		.filter(
			(r) =>
				r.generate_vicidial_conf === 'Y' &&
				r.active_asterisk_server === 'Y' &&
				ciEq(r.server_ip, serverIp),
		)) {
		c.state.db.t('servers').update(r, { rebuild_conf_files: 'Y' }, c.state.nowStr());
	}
}

export function addPhone(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	if (
		!prologue(c, (r) => r.ast_admin_access === '1', 'USER DOES NOT HAVE PERMISSION TO ADD PHONES')
	)
		return;
	const v = (name: string): string => p.get(name);
	const fields = [
		'extension',
		'dialplan_number',
		'voicemail_id',
		'phone_login',
		'phone_pass',
		'server_ip',
		'protocol',
		'registration_password',
		'phone_full_name',
		'local_gmt',
		'outbound_cid',
	];
	const minimum: Record<string, number> = { extension: 2, dialplan_number: 2 };
	if (fields.some((f) => v(f).length < (minimum[f] ?? 1)) || !PROTOCOLS.includes(v('protocol'))) {
		c.say(
			`ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${fields.map(v).join('|')}\n`,
		);
		return;
	}
	const serverIp = v('server_ip');
	const extension = v('extension');
	if (db.t('servers').count((r) => ciEq(r.server_ip, serverIp)) < 1) {
		c.say(`ERROR: add_phone SERVER DOES NOT EXIST: |${c.user}|${serverIp}\n`);
		return;
	}
	if (
		db.t('phones').count((r) => ciEq(r.extension, extension) && ciEq(r.server_ip, serverIp)) > 0
	) {
		c.say(
			`ERROR: add_phone PHONE ALREADY EXISTS ON THIS SERVER: |${c.user}|${serverIp}|${extension}\n`,
		);
		return;
	}
	if (db.t('phones').count((r) => ciEq(r.login, v('phone_login'))) > 0) {
		c.say(`ERROR: add_phone PHONE LOGIN ALREADY EXISTS: |${c.user}|${v('phone_login')}\n`);
		return;
	}
	if (!PHONE_GMT.some((g) => looseEq(v('local_gmt'), g))) {
		c.say(`ERROR: add_phone YOU MUST USE A VALID TIMEZONE: |${c.user}|${v('local_gmt')}\n`);
		return;
	}
	const extra = webphoneChanges(c);
	if (!templateChange(c, extra)) return;
	db.t('phones').insert(
		{
			extension,
			dialplan_number: v('dialplan_number'),
			voicemail_id: v('voicemail_id'),
			login: v('phone_login'),
			pass: v('phone_pass'),
			server_ip: serverIp,
			protocol: v('protocol'),
			conf_secret: v('registration_password'),
			fullname: v('phone_full_name'),
			local_gmt: v('local_gmt'),
			outbound_cid: v('outbound_cid'),
			phone_context: v('phone_context').length < 1 ? 'default' : v('phone_context'),
			email: v('email'),
			active: 'Y',
			status: 'ACTIVE',
			user_group: v('admin_user_group').length < 1 ? '---ALL---' : v('admin_user_group'),
			...extra,
		},
		state.nowStr(),
	);
	rebuildConf(c, serverIp);
	c.say(
		`SUCCESS: add_phone PHONE HAS BEEN ADDED - ${c.user}|${extension}|${serverIp}|${v('protocol')}|${v('dialplan_number')}\n`,
	);
}

export function updatePhone(c: NaContext): void {
	const { p, state } = c;
	const db = state.db;
	if (
		!prologue(
			c,
			(r) => r.ast_admin_access === '1',
			'USER DOES NOT HAVE PERMISSION TO UPDATE PHONES',
		)
	)
		return;
	const v = (name: string): string => p.get(name);
	const extension = v('extension');
	const serverIp = v('server_ip');
	if (extension.length < 2 || serverIp.length < 1) {
		c.say(
			`ERROR: update_phone YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|${extension}|${serverIp}\n`,
		);
		return;
	}
	const viewable = viewableGroups(c);
	if (db.t('servers').count((r) => ciEq(r.server_ip, serverIp)) < 1) {
		c.say(`ERROR: update_phone SERVER DOES NOT EXIST: |${c.user}|${serverIp}\n`);
		return;
	}
	const isPhone = (r: Record<string, string | null>): boolean =>
		ciEq(r.extension, extension) && ciEq(r.server_ip, serverIp);
	if (db.t('phones').count((r) => isPhone(r) && inViewable(viewable, r.user_group)) < 1) {
		c.say(
			`ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |${c.user}|${serverIp}|${extension}\n`,
		);
		return;
	}
	if (v('delete_phone') === 'Y') {
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
				`NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |${c.user}|${mayDelete}\n`,
			);
			return;
		}
		db.t('phones').delete(isPhone);
		rebuildConf(c, serverIp);
		c.say(`SUCCESS: update_phone PHONE HAS BEEN DELETED - ${c.user}|${extension}|${serverIp}|\n`);
		return;
	}
	const changes: RowInput = {};
	const refuse = (what: string, data: string): void =>
		c.say(`ERROR: update_phone ${what}: |${c.user}|${data}\n`);
	/** A length-checked value; `blank` lets --BLANK-- empty the column. */
	const sized = (
		name: string,
		column: string,
		what: string,
		min: number,
		max: number,
		blank: boolean,
	): boolean => {
		const value = v(name);
		if (value.length === 0) return true;
		if (blank && value === BLANK) {
			changes[column] = '';
			return true;
		}
		if (value.length > max || value.length < min) {
			refuse(what, value);
			return false;
		}
		changes[column] = value;
		return true;
	};
	const gmt = v('local_gmt');
	if (gmt.length > 0) {
		if (!PHONE_GMT.some((g) => looseEq(gmt, g))) {
			refuse('YOU MUST USE A VALID TIMEZONE', gmt);
			return;
		}
		changes.local_gmt = gmt;
	}
	if (!sized('email', 'email', 'YOU MUST USE A VALID EMAIL', 5, 300, true)) return;
	if (!sized('phone_context', 'phone_context', 'YOU MUST USE A VALID PHONE CONTEXT', 2, 30, true))
		return;
	if (!sized('phone_full_name', 'fullname', 'YOU MUST USE A VALID PHONE NAME', 2, 30, true)) return;
	if (
		!sized(
			'registration_password',
			'conf_secret',
			'YOU MUST USE A VALID REGISTRATION PASSWORD',
			2,
			30,
			true,
		)
	)
		return;
	const protocol = v('protocol');
	if (protocol.length > 0) {
		if (!PROTOCOLS.includes(protocol)) {
			refuse('YOU MUST USE A VALID PROTOCOL', protocol);
			return;
		}
		changes.protocol = protocol;
	}
	if (!sized('phone_pass', 'pass', 'YOU MUST USE A VALID PHONE PASSWORD', 2, 30, false)) return;
	const login = v('phone_login');
	if (login.length > 0) {
		// VICIdial's own check: another phone with this login on another extension AND another server
		if (
			db
				.t('phones')
				.count(
					(r) =>
						ciEq(r.login, login) && !ciEq(r.extension, extension) && !ciEq(r.server_ip, serverIp),
				) > 0
		) {
			refuse('LOGIN ALREADY EXISTS', login);
			return;
		}
		changes.login = login;
	}
	if (!sized('voicemail_id', 'voicemail_id', 'YOU MUST USE A VALID VOICEMAIL NUMBER', 2, 30, true))
		return;
	if (
		!sized(
			'dialplan_number',
			'dialplan_number',
			'YOU MUST USE A VALID DIALPLAN NUMBER',
			3,
			30,
			false,
		)
	)
		return;
	const active = v('active');
	if (active.length > 0) {
		if (active !== 'N' && active !== 'Y') {
			refuse('ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', active);
			return;
		}
		changes.active = active;
	}
	if (
		!sized(
			'outbound_cid',
			'outbound_cid',
			'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD',
			6,
			18,
			false,
		)
	)
		return;
	if (
		!sized(
			'admin_user_group',
			'user_group',
			'USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD',
			2,
			20,
			false,
		)
	)
		return;
	if (
		!sized(
			'outbound_alt_cid',
			'outbound_alt_cid',
			'OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD',
			6,
			18,
			true,
		)
	)
		return;
	const ring = v('phone_ring_timeout');
	if (ring.length > 0) {
		if (cmpStrNum(ring, 180) > 0 || cmpStrNum(ring, 2) < 0) {
			// VICIdial prints the alt caller ID here, not the timeout
			refuse(
				'PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD',
				v('outbound_alt_cid'),
			);
			return;
		}
		changes.phone_ring_timeout = ring;
	}
	const deleteVm = v('delete_vm_after_email');
	if (deleteVm.length > 0) {
		if (deleteVm !== 'N' && deleteVm !== 'Y') {
			refuse('DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD', deleteVm);
			return;
		}
		changes.delete_vm_after_email = deleteVm;
	}
	Object.assign(changes, webphoneChanges(c));
	if (!templateChange(c, changes)) return;
	// The update always has something to do (VICIdial also clears install_directory), so "no updates" never comes.
	for (const r of db.t('phones').filter(isPhone))
		db.t('phones').update(r, { install_directory: '', ...changes }, state.nowStr());
	rebuildConf(c, serverIp);
	c.say(`SUCCESS: update_phone PHONE HAS BEEN UPDATED - ${c.user}|${extension}|${serverIp}|\n`);
}
