/** server_refresh: flag every server to rebuild its configuration files. */
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';

export function serverRefresh(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) =>
			r.vdc_agent_api_access === '1' &&
			r.ast_admin_access === '1' &&
			level(r) >= 8 &&
			r.active === 'Y',
	);
	if (allowed < 1) {
		c.say(
			`ERROR: server_refresh USER DOES NOT HAVE PERMISSION TO REFRESH SERVERS: |${c.user}|${allowed}\n`,
		);
		return;
	}
	if (!/REFRESH/.test(p.get('stage'))) {
		// the script prints variables of another function here, never set in this one
		c.say(`ERROR: server_refresh YOU MUST USE ALL REQUIRED FIELDS: |${c.user}|||\n`);
		return;
	}
	const now = state.nowStr();
	const settings = state.settings();
	db.t('system_settings').update(settings, { reload_timestamp: now }, now);
	const servers = db.t('servers');
	let changed = 0;
	for (const server of servers.rows)
		changed += servers.update(server, { rebuild_conf_files: 'Y' }, now);
	db.t('vicidial_admin_log').insert(
		{
			event_date: now,
			user: c.user,
			ip_address: c.ip,
			event_section: 'SERVERS',
			event_type: 'OTHER',
			record_id: 'refresh',
			event_code: 'ADMIN API SERVERS REFRESH',
			event_sql: "UPDATE servers SET rebuild_conf_files=\\'Y\\'|",
			event_notes: `servers: ${changed}`,
		},
		now,
	);
	c.say(`SUCCESS: server_refresh SERVER REFRESH HAS BEEN TRIGGERED - ${c.user}|${changed}\n`);
}
