/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Test setup: custom lead fields on for list 101, on the simulator (through its state) or on the
 * genuine server (through the mariadb client with $VICIDIAL_STATE/my.cnf). VICIdial needs three
 * things for them: system_settings.custom_fields_enabled='1', the field definitions in
 * vicidial_lists_fields, and a custom_<list> table with one column per field (plus lead_id).
 * The API cannot create any of them; a target reset removes them again.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import {
	defineCustomFields,
	type CustomFieldDefinition,
} from '../simulator/nonAgent/leadWrite/customFields';
import type { Target } from './targets';

export const CUSTOM_LIST = '101';

/** The fields the tests use: two text fields and a text area. */
export const CUSTOM_FIELDS: CustomFieldDefinition[] = [
	{ label: 'fav_color', name: 'Favorite Color', max: 50 },
	{ label: 'contract_no', name: 'Contract Number', max: 20 },
	{ label: 'notes_cf', name: 'Notes', type: 'AREA', max: 255 },
];

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The SQL that sets the genuine server up like defineCustomFields() sets up the simulator. */
export function customFieldsSql(listId = CUSTOM_LIST, fields = CUSTOM_FIELDS): string {
	const rows = fields
		.map(
			(f, i) =>
				`(${listId},${quote(f.label)},${quote(f.name)},${i + 1},${quote(f.type ?? 'TEXT')},${Math.min(f.max ?? 50, 50)},${f.max ?? 50},1)`,
		)
		.join(',');
	const columns = fields
		.map((f) => `\`${f.label}\` ${f.type === 'AREA' ? 'TEXT' : `VARCHAR(${f.max ?? 50})`}`)
		.join(', ');
	return [
		// an enum('0','1') column: the number 1 would pick its first member, '0'
		"UPDATE system_settings SET custom_fields_enabled='1';",
		`INSERT INTO vicidial_lists_fields (list_id,field_label,field_name,field_rank,field_type,field_size,field_max,field_order) VALUES ${rows};`,
		`CREATE TABLE custom_${listId} (lead_id INT(9) UNSIGNED PRIMARY KEY NOT NULL, ${columns}) ENGINE=MyISAM;`,
	].join('\n');
}

/** Turns custom fields on with CUSTOM_FIELDS for list 101 on this target (after its reset). */
export function enableCustomFields(
	target: Target,
	listId = CUSTOM_LIST,
	fields = CUSTOM_FIELDS,
): void {
	if (target.sim) {
		defineCustomFields(target.sim.state, listId, fields);
		return;
	}
	runSql(customFieldsSql(listId, fields));
}

/** Runs SQL on the genuine server's database (the private instance named by VICIDIAL_STATE). */
export function runSql(sql: string): string {
	const stateDir = process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real';
	return execFileSync(
		'mariadb',
		[`--defaults-file=${path.join(stateDir, 'my.cnf')}`, '-uroot', '-N', 'asterisk', '-e', sql],
		{ encoding: 'utf8' },
	);
}

/** Reads a custom table row as the database holds it (to check what was really stored). */
export function customRow(
	target: Target,
	leadId: number,
	listId = CUSTOM_LIST,
): Record<string, string | null> | undefined {
	if (target.sim) {
		const row = target.sim.state.db.tables
			.get(`custom_${listId}`)
			?.find((r) => r.lead_id === String(leadId));
		// the simulator keeps bytes as latin1 strings, like PHP: decode them as the UTF-8 they are
		return row
			? Object.fromEntries(
					Object.entries(row).map(([k, v]) => [
						k,
						v === null ? null : Buffer.from(String(v), 'latin1').toString('utf8'),
					]),
				)
			: undefined;
	}
	const out = runSql(`SELECT * FROM custom_${listId} WHERE lead_id=${leadId}`);
	if (out.trim() === '') return undefined;
	const names = ['lead_id', ...CUSTOM_FIELDS.map((f) => f.label)];
	const values = out.replace(/\n$/, '').split('\t');
	// the client's batch output escapes newline, tab, backslash and NUL
	const unescape = (v: string) =>
		v.replace(
			/\\([nt0\\])/g,
			(_m, c: string) => ({ n: '\n', t: '\t', '0': '\0', '\\': '\\' })[c] as string,
		);
	return Object.fromEntries(
		names.map((n, i) => [n, values[i] === 'NULL' ? null : unescape(values[i])]),
	);
}
