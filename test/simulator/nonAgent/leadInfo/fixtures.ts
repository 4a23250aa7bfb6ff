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
	execFileSync('mariadb', [`--defaults-file=${path.join(STATE_DIR, 'my.cnf')}`, '-uroot', 'asterisk', '-e', statements]);
}

export interface Setup {
	real: string;
	sim: (state: SimState) => void;
}

/** Call ID log rows: [caller_code, uniqueid, lead_id or null, hours ago, table]. */
type CallRow = [string, string, number | null, number, 'vicidial_log_extended' | 'vicidial_dial_log'];

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
				const when = new Date(state.now().getTime() - hours * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
				state.db.t(table).insert({ caller_code: code, uniqueid: uid, lead_id: lead, call_date: inbound?.call_date ?? when, server_ip: '127.0.0.1' }, state.nowStr());
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
		...fields.map(([label, type, rank, order]) => `INSERT INTO vicidial_lists_fields (list_id,field_label,field_name,field_type,field_rank,field_order) VALUES (101,'${label}','${label}','${type}',${rank},${order});`),
		'CREATE TABLE custom_101 (lead_id INT(9) UNSIGNED PRIMARY KEY NOT NULL, colour VARCHAR(20), size VARCHAR(5), banner VARCHAR(30));',
		"INSERT INTO custom_101 VALUES (11,'red','L','two\\nlines\\tand a tab');",
	].join('\n');
	return {
		real,
		sim: (state) => {
			for (const [label, type, rank, order] of fields) {
				state.db.t('vicidial_lists_fields').insert({ list_id: 101, field_label: label, field_name: label, field_type: type, field_rank: rank, field_order: order }, state.nowStr());
			}
			const table = new Table('custom_101', [
				['lead_id', 'int(9) unsigned', null, 0],
				['colour', 'varchar(20)', null, 0],
				['size', 'varchar(5)', null, 0],
				['banner', 'varchar(30)', null, 0],
			]);
			table.insert({ lead_id: 11, colour: 'red', size: 'L', banner: 'two\nlines\tand a tab' }, state.nowStr());
			state.db.tables.set('custom_101', table);
		},
	};
}

/** Applies a setup to the real server's database, or to the simulator's state when given. */
export function applySetup(setup: Setup, sim?: SimState): void {
	if (sim) setup.sim(sim);
	else sql(setup.real);
}
