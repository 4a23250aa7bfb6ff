/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Records where each node version stores its fields (test/unit/__parameterPaths__), the snapshot
 * test/unit/parameterPaths.test.ts compares against. Writes new versions and new paths; refuses a
 * change that moves or retypes a recorded path: that needs a new node version.
 *   node scripts/run-ts.js scripts/parameter-paths.ts [--check]   (npm run snapshot:params)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Vicidial } from '../nodes/Vicidial/Vicidial.node';
import { VicidialAgent } from '../nodes/VicidialAgent/VicidialAgent.node';
import { VicidialCallEventTrigger } from '../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { VicidialTrigger } from '../nodes/VicidialTrigger/VicidialTrigger.node';
import { SNAPSHOT_DIR, checkNode, formatSnapshot, snapshotFile } from './lib/parameterPaths';

const checkOnly = process.argv.includes('--check');
let refused = 0;
let stale = 0;
for (const nodeType of [
	new Vicidial(),
	new VicidialAgent(),
	new VicidialTrigger(),
	new VicidialCallEventTrigger(),
]) {
	const check = checkNode(nodeType);
	if (check.breaking.length > 0) {
		refused += check.breaking.length;
		for (const line of check.breaking) console.error(line);
		continue;
	}
	const changed = [
		...check.unrecorded.map((s) => `${s.node} v${s.version}: new version`),
		...check.added,
	];
	if (changed.length === 0) continue;
	stale += changed.length;
	for (const line of changed) console.log(line);
	if (checkOnly) continue;
	mkdirSync(SNAPSHOT_DIR, { recursive: true });
	for (const snapshot of check.current) {
		const file = snapshotFile(snapshot.node, snapshot.version);
		writeFileSync(file, formatSnapshot(snapshot));
		console.log(`wrote ${relative(process.cwd(), file)}`);
	}
}
if (refused > 0)
	console.error(
		`${refused} change(s) would empty fields of saved workflows: nothing written for those nodes.`,
	);
if (checkOnly && stale > 0)
	console.error(`${stale} change(s) not recorded: run npm run snapshot:params.`);
process.exitCode = refused > 0 || (checkOnly && stale > 0) ? 1 : 0;
