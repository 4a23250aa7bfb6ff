/**
 * The seed state, the same data as ../shared/vicidial-real/seed.sql applied on the installed
 * schema. Non-time values come from seed.generated.ts; here we add what seed.sql computes
 * from the clock: "now" and @t0 = max(today 00:00, now - 30 min), all in UTC.
 */
import { Database, type RowInput } from './db';
import { fmtDateTime } from './mysql';
import { SEED_ROWS } from './seed.generated';

/** Tables whose seed rows carry times; keyed by a natural key of the seed row. */
type TimeFill = Record<string, Record<string, (t: SeedTimes) => string | number | null>>;

export interface SeedTimes {
	now: Date;
	t0: Date;
	/** t0 + minutes (+ seconds), as 'YYYY-MM-DD HH:MM:SS' */
	at: (minutes: number, seconds?: number) => string;
	/** epoch seconds of t0 + minutes (+ seconds) */
	ep: (minutes: number, seconds?: number) => number;
	nowStr: string;
}

export function seedTimes(now: Date): SeedTimes {
	const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	const t0 = new Date(Math.max(midnight, Math.floor(now.getTime() / 1000) * 1000 - 30 * 60 * 1000));
	const ms = (m: number, sec = 0): number => t0.getTime() + m * 60000 + sec * 1000;
	return {
		now,
		t0,
		at: (m, sec = 0) => fmtDateTime(new Date(ms(m, sec))),
		ep: (m, sec = 0) => Math.floor(ms(m, sec) / 1000),
		nowStr: fmtDateTime(now),
	};
}

const NOW = (t: SeedTimes): string => t.nowStr;

/** Per table: natural key column, then key value -> time columns (as seed.sql sets them). */
const TIME_KEYS: Record<string, string> = {
	vicidial_list: 'lead_id',
	vicidial_lists: 'list_id',
	vicidial_inbound_groups: 'group_id',
	vicidial_log: 'uniqueid',
	vicidial_closer_log: 'uniqueid',
	vicidial_did_log: 'uniqueid',
	recording_log: 'recording_id',
	vicidial_agent_log: 'agent_log_id',
	vicidial_user_log: 'user',
	vicidial_session_data: 'user',
	web_client_sessions: 'extension',
	vicidial_live_agents: 'user',
	vicidial_live_inbound_agents: 'user',
	vicidial_auto_calls: 'uniqueid',
};

const lead = (
	entryDay: number,
	modifyMin: number,
	lastCallMin: number,
): Record<string, (t: SeedTimes) => string> => ({
	entry_date: (t) => t.at(entryDay * 24 * 60),
	modify_date: (t) => t.at(modifyMin),
	last_local_call_time: (t) => t.at(lastCallMin),
});

const TIMES: TimeFill = {
	'vicidial_list:11': lead(-7, 1, 1),
	'vicidial_list:12': lead(-7, 20, 20),
	'vicidial_list:13': lead(-7, 5, 3),
	'vicidial_list:14': lead(-7, 9, 8),
	'vicidial_list:15': lead(-7, 12, 11),
	'vicidial_lists:101': { list_changedate: NOW, list_lastcalldate: (t) => t.at(0) },
	'vicidial_lists:102': { list_changedate: NOW },
	'vicidial_inbound_groups:TESTIN': { group_calldate: (t) => t.at(0) },
	'vicidial_log:1735722011.1': {
		call_date: (t) => t.at(1),
		start_epoch: (t) => t.ep(1),
		end_epoch: (t) => t.ep(1) + 30,
	},
	'vicidial_log:1735722013.1': {
		call_date: (t) => t.at(3),
		start_epoch: (t) => t.ep(3),
		end_epoch: (t) => t.ep(3) + 95,
	},
	'vicidial_log:1735722014.1': {
		call_date: (t) => t.at(8),
		start_epoch: (t) => t.ep(8),
		end_epoch: (t) => t.ep(8) + 42,
	},
	'vicidial_log:1735722012.1': {
		call_date: (t) => t.at(20),
		start_epoch: (t) => t.ep(20),
		end_epoch: () => null,
	},
	'vicidial_closer_log:1735722115.1': {
		call_date: (t) => t.at(11),
		start_epoch: (t) => t.ep(11),
		end_epoch: (t) => t.ep(11) + 65,
	},
	'vicidial_closer_log:1735722111.1': {
		call_date: (t) => t.at(14),
		start_epoch: (t) => t.ep(14),
		end_epoch: (t) => t.ep(14) + 30,
	},
	'vicidial_did_log:1735722115.1': { call_date: (t) => t.at(11) },
	'vicidial_did_log:1735722111.1': { call_date: (t) => t.at(14) },
	'recording_log:1': {
		start_time: (t) => t.at(3),
		start_epoch: (t) => t.ep(3),
		end_time: (t) => t.at(3, 95),
		end_epoch: (t) => t.ep(3) + 95,
	},
	'recording_log:2': { start_time: (t) => t.at(20), start_epoch: (t) => t.ep(20) },
	'vicidial_agent_log:1': {
		event_time: (t) => t.at(0),
		pause_epoch: (t) => t.ep(0),
		wait_epoch: (t) => t.ep(0) + 60,
		talk_epoch: (t) => t.ep(3),
		dispo_epoch: (t) => t.ep(3) + 95,
	},
	'vicidial_agent_log:2': {
		event_time: (t) => t.at(6),
		pause_epoch: (t) => t.ep(6),
		wait_epoch: (t) => t.ep(6) + 30,
		talk_epoch: (t) => t.ep(11),
		dispo_epoch: (t) => t.ep(11) + 65,
	},
	'vicidial_agent_log:3': { event_time: (t) => t.at(13), pause_epoch: (t) => t.ep(13) },
	'vicidial_agent_log:4': {
		event_time: (t) => t.at(2),
		pause_epoch: (t) => t.ep(2),
		wait_epoch: (t) => t.ep(2) + 20,
	},
	'vicidial_agent_log:5': {
		event_time: (t) => t.at(2, 20),
		pause_epoch: (t) => t.ep(2) + 20,
		wait_epoch: (t) => t.ep(2) + 20,
		talk_epoch: (t) => t.ep(8),
		dispo_epoch: (t) => t.ep(8) + 42,
	},
	'vicidial_agent_log:6': {
		event_time: (t) => t.at(9),
		pause_epoch: (t) => t.ep(9),
		wait_epoch: (t) => t.ep(9),
		talk_epoch: (t) => t.ep(20),
	},
	'vicidial_user_log:1001': { event_date: (t) => t.at(0), event_epoch: (t) => t.ep(0) },
	'vicidial_user_log:1003': { event_date: (t) => t.at(2), event_epoch: (t) => t.ep(2) },
	'vicidial_session_data:1001': { login_time: (t) => t.at(0) },
	'vicidial_session_data:1003': { login_time: (t) => t.at(2) },
	'web_client_sessions:SIP/1001': { start_time: (t) => t.at(0) },
	'web_client_sessions:SIP/1003': { start_time: (t) => t.at(2) },
	'vicidial_live_agents:1001': {
		last_call_time: (t) => t.at(11),
		last_update_time: NOW,
		last_call_finish: (t) => t.at(12),
		last_state_change: (t) => t.at(13),
		last_inbound_call_time: (t) => t.at(11),
		last_inbound_call_finish: (t) => t.at(12),
	},
	'vicidial_live_agents:1003': {
		last_call_time: (t) => t.at(20),
		last_update_time: NOW,
		last_call_finish: (t) => t.at(9),
		last_state_change: (t) => t.at(20),
		last_inbound_call_time: () => null,
		last_inbound_call_finish: () => null,
	},
	'vicidial_live_inbound_agents:1001': {
		last_call_time: (t) => t.at(11),
		last_call_finish: (t) => t.at(12),
	},
	'vicidial_live_inbound_agents:1003': {
		last_call_time: (t) => t.at(2),
		last_call_finish: (t) => t.at(2),
	},
	'vicidial_auto_calls:1735722012.1': { call_time: (t) => t.at(20), last_update_time: NOW },
};

/** Columns every row of a table gets from seed.sql's NOW() (or its ON UPDATE timestamp). */
const ALL_ROWS_NOW: Record<string, string[]> = {
	vicidial_users: ['last_login_date'],
	system_settings: ['reload_timestamp'],
};

/** Build the whole seed database for the given "now". */
export function buildSeed(now: Date): Database {
	const db = new Database();
	const t = seedTimes(now);
	for (const [table, rows] of Object.entries(SEED_ROWS)) {
		const tbl = db.t(table);
		const keyCol = TIME_KEYS[table];
		for (const seedRow of rows) {
			const values: RowInput = { ...seedRow };
			for (const c of ALL_ROWS_NOW[table] ?? []) values[c] = t.nowStr;
			const fill = keyCol ? TIMES[`${table}:${seedRow[keyCol] ?? ''}`] : undefined;
			if (fill) for (const [col, f] of Object.entries(fill)) values[col] = f(t);
			tbl.insert(values, t.nowStr);
		}
	}
	// conference rooms of first_server_install; seed.sql puts 1001 and 1003 in theirs
	for (let c = 8600001; c <= 8600049; c++)
		db.t('conferences').insert({ conf_exten: c, server_ip: '127.0.0.1' }, t.nowStr);
	for (let c = 8600051; c <= 8600299; c++) {
		const ext = c === 8600051 ? 'SIP/1001' : c === 8600053 ? 'SIP/1003' : null;
		db.t('vicidial_conferences').insert(
			{ conf_exten: c, server_ip: '127.0.0.1', extension: ext, leave_3way: '0' },
			t.nowStr,
		);
	}
	// explicit AUTO_INCREMENT values of seed.sql
	db.t('vicidial_list').autoIncrement = 16;
	db.t('recording_log').autoIncrement = 3;
	db.t('vicidial_agent_log').autoIncrement = 7;
	return db;
}
