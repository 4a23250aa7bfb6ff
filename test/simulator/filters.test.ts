/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The input filters of both API scripts: each script filters every variable once, for all its
 * functions, so the simulator must have exactly one filter per variable (a variable defined by
 * two groups would make the later group's filter win for the other group's functions too), and
 * that filter must do what the script does with it (use_non_latin=0).
 *
 * The second check reads the genuine scripts' filter statements at run time (from
 * ../shared/vicidial-real, or VICIDIAL_REAL_DIR) and runs them, translated to JavaScript regular
 * expressions, on probe strings; it is skipped when the sources are not at hand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { AGENT_FILTER_TABLES } from './agent';
import { NON_AGENT_FILTER_TABLES } from './nonAgent';
import type { Filter } from './params';

type Tables = Readonly<Record<string, Readonly<Record<string, Filter>>>>;

const REAL_DIR =
	process.env.VICIDIAL_REAL_DIR ?? path.resolve(__dirname, '../../../shared/vicidial-real');

const SCRIPTS: Array<{ name: string; tables: Tables; file: string }> = [
	{
		name: 'non_agent_api.php',
		tables: NON_AGENT_FILTER_TABLES,
		file: 'src/www/vicidial/non_agent_api.php',
	},
	{ name: 'agc/api.php', tables: AGENT_FILTER_TABLES, file: 'src/www/agc/api.php' },
];

function merged(tables: Tables): Record<string, Filter> {
	return Object.assign({}, ...Object.values(tables)) as Record<string, Filter>;
}

/** PHP string literal body to its value (single- or double-quoted; only the escapes these lines use). */
function phpString(quote: string, body: string): string {
	return quote === "'" ? body.replace(/\\(['\\])/g, '$1') : body.replace(/\\(["\\$])/g, '$1');
}

/**
 * The script-wide filter chain of each variable: the preg_replace assignments from the DB
 * filter to the end of the use_non_latin < 1 branch, in order. A step guarded by
 * `if ($same_var != 'x')` skips that value. Variables with steps guarded by another variable
 * are left out (not modelled).
 */
function scriptFilters(source: string): Map<string, Filter> {
	const lines = source.split('\n');
	const start = lines.findIndex((l) => /^\$DB\s*=\s*preg_replace/.test(l));
	const branch = lines.findIndex((l, i) => i > start && /^if \(\$non_latin < 1\)/.test(l));
	const end = lines.findIndex((l, i) => i > branch && /^else\s*$/.test(l));
	if (start < 0 || branch < 0 || end < 0) throw new Error('filter section not found');
	const chains = new Map<string, Filter[]>();
	const skipped = new Set<string>();
	let guard: { name: string; value: string } | undefined;
	for (const line of lines.slice(start, end)) {
		const cond = /^\s*if \(\$(\w+) != '([^']*)'\)/.exec(line);
		if (cond) {
			guard = { name: cond[1], value: cond[2] };
			continue;
		}
		const m =
			/^\s*\{?\$(\w+)\s*=\s*preg_replace\s*\((['"])\/(.*)\/([iu]*)\2\s*,\s*(['"])(.*?)\5\s*,\s*\$(\w+)\)/.exec(
				line,
			);
		const g = guard;
		guard = undefined;
		if (!m) continue;
		const [, name, q, pattern, flags, q2, replacement, from] = m;
		if (from !== name) throw new Error(`unexpected filter line: ${line}`);
		const re = new RegExp(phpString(q, pattern), `g${flags.replace('u', '')}`);
		const to = phpString(q2, replacement);
		let step: Filter = (v) => v.replace(re, to);
		if (g) {
			if (g.name !== name) skipped.add(name);
			const plain = step;
			const except = g.value;
			step = (v) => (v === except ? v : plain(v));
		}
		chains.set(name, [...(chains.get(name) ?? []), step]);
	}
	const out = new Map<string, Filter>();
	for (const [name, steps] of chains)
		if (!skipped.has(name)) out.set(name, (v) => steps.reduce((acc, f) => f(acc), v));
	return out;
}

let everyByte = '';
for (let i = 1; i < 256; i++) everyByte += String.fromCharCode(i);
const PROBES = [everyByte, '---ALL---', 'a+b c', 'é中', 'O\'Brien; "x" #1 --BLANK--'];

describe.each(SCRIPTS)('$name input filters', ({ tables, file }) => {
	it('define each variable once, in one table', () => {
		const owners = new Map<string, string[]>();
		for (const [table, filters] of Object.entries(tables)) {
			for (const name of Object.keys(filters))
				owners.set(name, [...(owners.get(name) ?? []), table]);
		}
		const twice = [...owners]
			.filter(([, where]) => where.length > 1)
			.map(([name, where]) => `${name}: ${where.join(', ')}`);
		expect(twice).toEqual([]);
	});

	const sourcePath = path.join(REAL_DIR, file);
	const available = fs.existsSync(sourcePath);
	(available ? it : it.skip)('do what the script does with each variable', () => {
		const script = scriptFilters(fs.readFileSync(sourcePath, 'latin1'));
		expect(script.size).toBeGreaterThan(50);
		const ours = merged(tables);
		const wrong: string[] = [];
		for (const [name, ourFilter] of Object.entries(ours)) {
			const theirs = script.get(name);
			if (!theirs) {
				wrong.push(`${name}: the script does not filter it`);
				continue;
			}
			for (const probe of PROBES) {
				const [a, b] = [theirs(probe), ourFilter(probe)];
				if (a !== b) {
					wrong.push(
						`${name}: ${JSON.stringify(probe.slice(0, 20))}... gives ${JSON.stringify(b)}, the script ${JSON.stringify(a)}`,
					);
					break;
				}
			}
		}
		expect(wrong).toEqual([]);
	});
});
