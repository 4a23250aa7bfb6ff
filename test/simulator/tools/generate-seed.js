#!/usr/bin/env node
// Regenerates ../schema.generated.ts and ../seed.generated.ts from the vicidial-real harness
// database. Run it right after `bash ../shared/vicidial-real/reset.sh` while nobody else uses
// the server:  node test/simulator/tools/generate-seed.js
// Reads with the mariadb client (VICIDIAL_STATE/my.cnf); writes only the two generated files.
// Only the tables the simulator's sources name (as a whole word, anywhere in a .ts file under
// test/simulator other than the generated ones) are modelled: the schema has 335 tables.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const STATE = process.env.VICIDIAL_STATE || '/tmp/vicidial-real';
const OUT = path.resolve(__dirname, '..');

/** tables the simulator models; the first group also gets its seed rows dumped */
const SEEDED = [
	'vicidial_users',
	'vicidial_user_groups',
	'vicidial_campaigns',
	'vicidial_campaign_statuses',
	'vicidial_campaign_agents',
	'vicidial_lists',
	'vicidial_inbound_groups',
	'vicidial_inbound_group_agents',
	'vicidial_inbound_dids',
	'vicidial_dnc',
	'vicidial_campaign_dnc',
	'vicidial_list',
	'vicidial_hopper',
	'vicidial_log',
	'vicidial_closer_log',
	'vicidial_did_log',
	'recording_log',
	'vicidial_agent_log',
	'vicidial_user_log',
	'vicidial_session_data',
	'web_client_sessions',
	'vicidial_live_agents',
	'vicidial_live_inbound_agents',
	'vicidial_auto_calls',
	'live_sip_channels',
	'phones',
	'servers',
	'system_settings',
	'vicidial_statuses',
	'vicidial_call_times',
	'vicidial_state_call_times',
	'vicidial_lead_filters',
];
/** modelled but empty after a reset, or filled by seed.ts itself (conference rooms) */
const EMPTY = [
	'vicidial_list_archive',
	'vicidial_list_alt_phones',
	'vicidial_callbacks',
	'vicidial_phone_codes',
	'vicidial_postal_codes',
	'vicidial_nanpa_prefix_codes',
	'vicidial_url_multi',
	'vicidial_conferences',
	'conferences',
];
/** rows added by other users between the reset and the dump are left out */
const WHERE = { vicidial_list: 'lead_id <= 15', vicidial_hopper: 'hopper_id <= 2' };

const unescape = (v) =>
	v.replace(/\\(.)/g, (m, c) => ({ n: '\n', t: '\t', 0: '\0', '\\': '\\' })[c] ?? m);
function query(sql) {
	const out = execFileSync(
		'mariadb',
		[`--defaults-file=${STATE}/my.cnf`, '-uroot', 'asterisk', '--batch', '-N', '-e', sql],
		{
			encoding: 'latin1',
			maxBuffer: 1 << 28,
		},
	);
	return out
		.split('\n')
		.filter((l) => l.length)
		.map((l) => l.split('\t').map(unescape));
}

/** Every word of the simulator's own sources (code, SQL in debug output, comments). */
function sourceWords(dir, words = new Set()) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) sourceWords(file, words);
		else if (file.endsWith('.ts') && !file.endsWith('.generated.ts'))
			for (const [word] of fs.readFileSync(file, 'utf8').matchAll(/\w+/g)) words.add(word);
	}
	return words;
}
const NAMED = sourceWords(OUT);

/** Every other table the simulator names, with the rows a reset leaves. */
const NOT_SEEDED_LOGS = ['vicidial_api_log', 'vicidial_api_urls', 'vicidial_admin_log'];
const OTHERS = query(
	`select table_name from information_schema.tables where table_schema='asterisk' order by table_name`,
)
	.map(([t]) => t)
	.filter((t) => NAMED.has(t) && !SEEDED.includes(t) && !EMPTY.includes(t));
for (const t of OTHERS) {
	if (NOT_SEEDED_LOGS.includes(t)) continue;
	if (Number(query(`select count(*) from \`${t}\``)[0][0]) > 0) SEEDED.push(t);
}

const schema = {};
const rows = {};
for (const table of [...SEEDED, ...EMPTY, ...OTHERS.filter((t) => !SEEDED.includes(t))].filter(
	(t) => NAMED.has(t),
)) {
	const cols = query(
		`select column_name, column_type, ifnull(column_default,'NULL'), is_nullable, extra from information_schema.columns ` +
			`where table_schema='asterisk' and table_name='${table}' order by ordinal_position`,
	).map(([name, type, d, nullable, extra]) => {
		let def;
		if (d === 'NULL') def = null;
		else if (/^'.*'$/s.test(d)) def = d.slice(1, -1).replace(/''/g, "'").replace(/\\\\/g, '\\');
		else if (/current_timestamp/i.test(d)) def = '__NOW__';
		else def = d;
		// NOT NULL without a default: the type's implicit default
		if (def === null && nullable === 'NO') {
			const firstEnum = /^enum\('([^']*)'/.exec(type);
			def = /int|decimal|float|double/.test(type)
				? '0'
				: /^datetime/.test(type)
					? '0000-00-00 00:00:00'
					: /^date/.test(type)
						? '0000-00-00'
						: firstEnum
							? firstEnum[1]
							: '';
		}
		return [name, type, def, /auto_increment/.test(extra) ? 1 : /on update/i.test(extra) ? 2 : 0];
	});
	schema[table] = cols;
	if (!SEEDED.includes(table)) continue;
	const select = cols.map(([n]) => `ifnull(\`${n}\`,'@@NULL@@')`).join(',');
	const where = WHERE[table] ? ` where ${WHERE[table]}` : '';
	rows[table] = query(`select ${select} from \`${table}\`${where}`).map((vals) => {
		const r = {};
		vals.forEach((v, i) => {
			const [n, type, def] = cols[i];
			// clock-relative values are set by seed.ts
			if (/^(datetime|timestamp)/.test(type) || /_epoch$/.test(n)) return;
			const val = v === '@@NULL@@' ? null : v;
			if (val !== def) r[n] = val;
		});
		return r;
	});
}

const q = (v) => (v === null ? 'null' : JSON.stringify(v));
let s = `/**
 * GENERATED by tools/generate-seed.js from the vicidial-real harness database (schema version 1728):
 * the column list of every table the simulator models (those its sources name), as [name, column type, default, extra]
 * (extra: 1 = auto_increment, 2 = ON UPDATE current_timestamp). Column types and defaults are
 * protocol facts (they decide truncation, clamping and what a fresh row holds). Regenerate
 * rather than edit by hand.
 */
export type ColumnSpec = readonly [name: string, type: string, defaultValue: string | null, extra: 0 | 1 | 2];

export const SCHEMA: Readonly<Record<string, readonly ColumnSpec[]>> = {\n`;
for (const [t, cols] of Object.entries(schema)) {
	s += `\t${t}: [\n`;
	for (const c of cols) s += `\t\t[${q(c[0])}, ${q(c[1])}, ${q(c[2])}, ${c[3]}],\n`;
	s += '\t],\n';
}
s += '};\n';
fs.writeFileSync(path.join(OUT, 'schema.generated.ts'), s);

let r = `/**
 * GENERATED by tools/generate-seed.js from the vicidial-real harness database right after
 * reset.sh: the seed rows of seed.sql plus the rows the schema install brings (users VDAD/VDCL,
 * leads 1-7 of list 101 with phone 7275551212, lists 998/999, statuses, call times, ...).
 * Only values that differ from the column default are listed. Date/time and *_epoch columns
 * are left out: seed.ts sets them relative to the simulator clock, like seed.sql does relative
 * to NOW(). Regenerate rather than edit by hand.
 */
export type SeedRow = Readonly<Record<string, string | null>>;

export const SEED_ROWS: Readonly<Record<string, readonly SeedRow[]>> = {\n`;
for (const [t, list] of Object.entries(rows)) {
	r += `\t${t}: [\n`;
	for (const row of list) {
		const fields = Object.entries(row).map(
			([k, v]) => `${/^[a-z_][a-z0-9_]*$/i.test(k) ? k : q(k)}: ${q(v)}`,
		);
		r += `\t\t{ ${fields.join(', ')} },\n`;
	}
	r += '\t],\n';
}
r += '};\n';
fs.writeFileSync(path.join(OUT, 'seed.generated.ts'), r);
console.log(
	Object.entries(rows)
		.map(([k, v]) => `${k}:${v.length}`)
		.join(' '),
);
