/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Rows only the dialer or the admin screens write (call ID logs, custom field tables), put into
 * the genuine server's database or the simulator's tables alike. A reset removes them again.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Table } from '../../db';
import type { SimState } from '../../state';

const STATE_DIR = process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real';

export function sql(statements: string): void {
	execFileSync('mariadb', [
		`--defaults-file=${path.join(STATE_DIR, 'my.cnf')}`,
		'-uroot',
		'asterisk',
		'-e',
		statements,
	]);
}

export interface Setup {
	real: string;
	sim: (state: SimState) => void;
}

/** Call ID log rows: [caller_code, uniqueid, lead_id or null, hours ago, table]. */
type CallRow = [
	string,
	string,
	number | null,
	number,
	'vicidial_log_extended' | 'vicidial_dial_log',
];

export const CALLS: CallRow[] = [
	['V1123090000000000013', '1735722013.1', 13, 0, 'vicidial_log_extended'],
	['M1123090000000000014', '1735722014.1', 14, 0, 'vicidial_log_extended'],
	['Y1123090000000000015', '1735722115.1', 15, 0, 'vicidial_log_extended'],
	['J1123090000000000011', '1735722111.1', 11, 0, 'vicidial_log_extended'],
	['S1123090000000000012', '1735722012.1', 12, 0, 'vicidial_log_extended'],
	['V1123090000000000099', '1735722099.1', 99, 0, 'vicidial_log_extended'],
	['V1123090000000000098', '1735722013.2', 13, 11, 'vicidial_log_extended'],
	['V1123090000000000097', '1735722097.1', null, 0, 'vicidial_log_extended'],
	['DC123090000000000013', '1735722013.1', 13, 0, 'vicidial_dial_log'],
];

/** Inbound calls are found by their exact call date: copy it from the inbound log. */
export function callSetup(): Setup {
	const real = CALLS.map(([code, uid, lead, hours, table]) => {
		const date = `COALESCE((SELECT call_date FROM vicidial_closer_log WHERE uniqueid='${uid}' LIMIT 1), NOW() - INTERVAL ${hours} HOUR)`;
		return `INSERT INTO ${table} (caller_code,uniqueid,lead_id,call_date,server_ip) SELECT '${code}','${uid}',${lead === null ? 'NULL' : lead},${date},'127.0.0.1';`;
	}).join('\n');
	return {
		real,
		sim: (state) => {
			for (const [code, uid, lead, hours, table] of CALLS) {
				const inbound = state.db.t('vicidial_closer_log').find((r) => r.uniqueid === uid);
				const when = new Date(state.now().getTime() - hours * 3600_000)
					.toISOString()
					.slice(0, 19)
					.replace('T', ' ');
				state.db.t(table).insert(
					{
						caller_code: code,
						uniqueid: uid,
						lead_id: lead,
						call_date: inbound?.call_date ?? when,
						server_ip: '127.0.0.1',
					},
					state.nowStr(),
				);
			}
		},
	};
}

/** Custom fields of list 101: two shown fields (ranked), a DISPLAY field, and values for lead 11 only. */
export function customFieldSetup(): Setup {
	const fields: Array<[string, string, number, number]> = [
		['colour', 'TEXT', 2, 1],
		['size', 'SELECT', 1, 1],
		['banner', 'DISPLAY', 1, 2],
	];
	const real = [
		...fields.map(
			([label, type, rank, order]) =>
				`INSERT INTO vicidial_lists_fields (list_id,field_label,field_name,field_type,field_rank,field_order) VALUES (101,'${label}','${label}','${type}',${rank},${order});`,
		),
		'CREATE TABLE custom_101 (lead_id INT(9) UNSIGNED PRIMARY KEY NOT NULL, colour VARCHAR(20), size VARCHAR(5), banner VARCHAR(30));',
		"INSERT INTO custom_101 VALUES (11,'red','L','two\\nlines\\tand a tab');",
	].join('\n');
	return {
		real,
		sim: (state) => {
			for (const [label, type, rank, order] of fields) {
				state.db.t('vicidial_lists_fields').insert(
					{
						list_id: 101,
						field_label: label,
						field_name: label,
						field_type: type,
						field_rank: rank,
						field_order: order,
					},
					state.nowStr(),
				);
			}
			const table = new Table('custom_101', [
				['lead_id', 'int(9) unsigned', null, 0],
				['colour', 'varchar(20)', null, 0],
				['size', 'varchar(5)', null, 0],
				['banner', 'varchar(30)', null, 0],
			]);
			table.insert(
				{ lead_id: 11, colour: 'red', size: 'L', banner: 'two\nlines\tand a tab' },
				state.nowStr(),
			);
			state.db.tables.set('custom_101', table);
		},
	};
}

/** Applies a setup to the real server's database, or to the simulator's state when given. */
export function applySetup(setup: Setup, sim?: SimState): void {
	if (sim) setup.sim(sim);
	else sql(setup.real);
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Leads 13 and 14 copied to the archive, lead 14 renamed there. */
export function archiveSetup(): Setup {
	return {
		real: "INSERT INTO vicidial_list_archive SELECT * FROM vicidial_list WHERE lead_id IN(13,14); UPDATE vicidial_list_archive SET first_name='Archived' WHERE lead_id=14;",
		sim: (state) => {
			const archive = state.db.t('vicidial_list_archive');
			for (const lead of state.db
				.t('vicidial_list')
				.filter((r) => r.lead_id === '13' || r.lead_id === '14')) {
				const row = archive.insert({ ...lead }, state.nowStr());
				if (row.lead_id === '14') row.first_name = 'Archived';
			}
		},
	};
}

/** Callbacks of lead 11: one archived, two current (inserted out of id order), one with a comma in its time zone. */
export function callbackSetup(): Setup {
	const rows: Array<Record<string, string | number | null>> = [
		{
			callback_id: 4,
			lead_id: 11,
			list_id: 101,
			campaign_id: 'TESTCAMP',
			status: 'INACTIVE',
			entry_time: '2031-01-01 09:00:00',
			callback_time: '2031-01-05 10:00:00',
			user: '1001',
			recipient: 'USERONLY',
			comments: 'archived one',
			user_group: 'AGENTS',
			lead_status: 'CALLBK',
			customer_timezone: '',
			customer_time: null,
		},
		{
			callback_id: 7,
			lead_id: 11,
			list_id: 101,
			campaign_id: 'TESTCAMP',
			status: 'ACTIVE',
			entry_time: '2031-01-02 09:00:00',
			callback_time: '2031-01-09 11:00:00',
			user: '',
			recipient: 'ANYONE',
			comments: 'later',
			user_group: '',
			lead_status: 'TCALLB',
			customer_timezone: 'USA-EST-Y-Eastern, US Time Zone',
			customer_time: '2031-01-09 06:00:00',
		},
		{
			callback_id: 5,
			lead_id: 11,
			list_id: 101,
			campaign_id: 'TESTCAMP',
			status: 'LIVE',
			entry_time: '2031-01-02 08:00:00',
			callback_time: '2031-01-08 11:00:00',
			user: '1002',
			recipient: 'USERONLY',
			comments: 'earlier id',
			user_group: 'AGENTS',
			lead_status: 'CALLBK',
			customer_timezone: '',
			customer_time: null,
		},
	];
	const values = (r: Record<string, string | number | null>): string =>
		Object.values(r)
			.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`))
			.join(',');
	const columns = Object.keys(rows[0]).join(',');
	return {
		real: [
			`INSERT INTO vicidial_callbacks_archive (${columns}) VALUES (${values(rows[0])});`,
			`INSERT INTO vicidial_callbacks (${columns}) VALUES (${values(rows[1])}),(${values(rows[2])});`,
		].join('\n'),
		sim: (state) => {
			state.db.t('vicidial_callbacks_archive').insert(rows[0], state.nowStr());
			state.db.t('vicidial_callbacks').insert(rows[1], state.nowStr());
			state.db.t('vicidial_callbacks').insert(rows[2], state.nowStr());
		},
	};
}

/** More SALE calls today: outbound leads 12, 14, 12 again and 15; inbound 14 (found outbound already) and 11. */
export function moreCallsSetup(): Setup {
	const day = today();
	const outbound: Array<[string, number, string]> = [
		['1735800001.1', 12, '00:00:10'],
		['1735800002.1', 14, '00:00:30'],
		['1735800003.1', 12, '00:00:40'],
		['1735800004.1', 15, '00:00:20'],
	];
	const inbound: Array<[string, number, string]> = [
		['1735800011.1', 14, '00:00:50'],
		['1735800012.1', 11, '00:00:05'],
	];
	return {
		real: [
			...outbound.map(
				([uid, lead, time]) =>
					`INSERT INTO vicidial_log (uniqueid,lead_id,list_id,campaign_id,call_date,status,phone_code,phone_number,user) VALUES ('${uid}',${lead},101,'TESTCAMP','${day} ${time}','SALE','1','31255501${lead}','1001');`,
			),
			...inbound.map(
				([uid, lead, time]) =>
					`INSERT INTO vicidial_closer_log (uniqueid,lead_id,list_id,campaign_id,call_date,status,phone_code,phone_number,user) VALUES ('${uid}',${lead},101,'TESTIN','${day} ${time}','SALE','1','31255501${lead}','1001');`,
			),
		].join('\n'),
		sim: (state) => {
			for (const [uid, lead, time] of outbound) {
				state.db.t('vicidial_log').insert(
					{
						uniqueid: uid,
						lead_id: lead,
						list_id: 101,
						campaign_id: 'TESTCAMP',
						call_date: `${day} ${time}`,
						status: 'SALE',
						phone_code: '1',
						phone_number: `31255501${lead}`,
						user: '1001',
					},
					state.nowStr(),
				);
			}
			for (const [uid, lead, time] of inbound) {
				state.db.t('vicidial_closer_log').insert(
					{
						uniqueid: uid,
						lead_id: lead,
						list_id: 101,
						campaign_id: 'TESTIN',
						call_date: `${day} ${time}`,
						status: 'SALE',
						phone_code: '1',
						phone_number: `31255501${lead}`,
						user: '1001',
					},
					state.nowStr(),
				);
			}
		},
	};
}

/** Changes to user 6666 (and its group): rights and limits the seed users do not have. */
export function userSetup(user: Record<string, string>, group: Record<string, string> = {}): Setup {
	const set = (values: Record<string, string>): string =>
		Object.entries(values)
			.map(([k, v]) => `${k}='${v}'`)
			.join(',');
	return {
		real: [
			...(Object.keys(user).length > 0
				? [`UPDATE vicidial_users SET ${set(user)} WHERE user='6666';`]
				: []),
			...(Object.keys(group).length > 0
				? [`UPDATE vicidial_user_groups SET ${set(group)} WHERE user_group='ADMIN';`]
				: []),
		].join('\n'),
		sim: (state) => {
			const u = state.user('6666');
			if (u) state.db.t('vicidial_users').update(u, user, state.nowStr());
			const g = state.db.t('vicidial_user_groups').find((r) => r.user_group === 'ADMIN');
			if (g && Object.keys(group).length > 0)
				state.db.t('vicidial_user_groups').update(g, group, state.nowStr());
		},
	};
}

/** Several setups in one. */
export function combined(...setups: Setup[]): Setup {
	return {
		real: setups.map((s) => s.real).join('\n'),
		sim: (state) => setups.forEach((s) => s.sim(state)),
	};
}
