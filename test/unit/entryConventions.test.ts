/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The conventions of the function files, for both APIs: an entry file serves one resource and is
 * named after it (lead.ts, leadInfo.ts); a file that exports no entry is a helper module
 * (common.ts, leadCheck.ts); together the entry files hold exactly the catalogue.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiName, FunctionEntry } from '../../nodes/shared/entry';
import { entriesOf } from '../../nodes/shared/functions';

const isEntry = (value: unknown): value is FunctionEntry =>
	typeof value === 'object' &&
	value !== null &&
	'fn' in value &&
	'resource' in value &&
	'params' in value;

/** The entries a module exports, one by one or in arrays. */
function exportedEntries(module: Record<string, unknown>): FunctionEntry[] {
	return Object.values(module).flatMap((value) =>
		Array.isArray(value) ? value.filter(isEntry) : isEntry(value) ? [value] : [],
	);
}

describe.each(['nonAgent', 'agent'] as ApiName[])('the %s function files', (api) => {
	const folder = join(__dirname, '../../nodes/shared/functions', api);
	const files = readdirSync(folder)
		.filter((name) => name.endsWith('.ts') && name !== 'index.ts')
		.map((name) => ({
			name: name.replace(/\.ts$/, ''),
			// eslint-disable-next-line @typescript-eslint/no-require-imports -- every function file, loaded by name
			entries: exportedEntries(require(join(folder, name)) as Record<string, unknown>),
		}));

	test.each(files.filter((f) => f.entries.length > 0).map((f) => [f.name, f.entries] as const))(
		'%s.ts serves one resource and is named after it',
		(name, entries) => {
			const resources = [...new Set(entries.map((e) => e.resource))];
			expect(resources).toHaveLength(1);
			expect(name.toLowerCase().startsWith(resources[0].toLowerCase())).toBe(true);
		},
	);

	test('the entry files hold the whole catalogue, each entry once', () => {
		const inFiles = new Set(files.flatMap((f) => f.entries));
		expect([...inFiles].sort(byKey)).toEqual([...entriesOf(api)].sort(byKey));
	});
});

describe('ID-like patterns', () => {
	// Spelled once, in nodes/shared/patterns.ts, with one hint per kind of ID.
	const wordRule = /\[(?:-_0-9a-zA-Z|-_0-9A-Za-z|A-Za-z0-9_-|a-zA-Z0-9_-)\]\+\$\//;
	const functions = join(__dirname, '../../nodes/shared/functions');
	const files = ['nonAgent', 'agent'].flatMap((api) =>
		readdirSync(join(functions, api)).map((name) => join(functions, api, name)),
	);
	test.each(files.map((file) => [file.slice(functions.length + 1), file]))(
		'%s does not spell out the ID characters',
		(_name, file) => {
			expect(readFileSync(file, 'utf8')).not.toMatch(wordRule);
		},
	);
});

describe('queued Agent commands', () => {
	// A queued command only flags the agent's screen, which acts at its next refresh: its description says so.
	test.each(
		entriesOf('agent')
			.filter((e) => e.queued)
			.map((e) => [`${e.resource}/${e.operation}`, e] as const),
	)('%s says when the screen acts', (_key, entry) => {
		expect(entry.description).toMatch(/next refresh|when the date is reached/);
	});
});

function byKey(a: FunctionEntry, b: FunctionEntry): number {
	return `${a.resource}/${a.operation}`.localeCompare(`${b.resource}/${b.operation}`);
}
