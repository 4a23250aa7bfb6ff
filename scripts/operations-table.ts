/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Writes the README's operation tables from the function entries, so the documentation lists
 * exactly what the nodes do.  node scripts/run-ts.js scripts/operations-table.ts [--check]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FunctionEntry, ResourceSpec } from '../nodes/shared/entry';
import { splitDescription } from '../nodes/shared/properties';

interface NodeTable {
	marker: string;
	resources: ResourceSpec[];
	specs: FunctionEntry[];
}

export function operationsTable(resources: ResourceSpec[], specs: FunctionEntry[]): string {
	const rows = ['| Resource | Operation | VICIdial function | What it does |', '|---|---|---|---|'];
	for (const resource of resources) {
		for (const spec of specs
			.filter((s) => s.resource === resource.value)
			.sort((a, b) => a.name.localeCompare(b.name))) {
			const fn = spec.run ? `${spec.fn} (and more)` : spec.fn;
			const notes = [spec.writes ? 'writes' : '', spec.queued ? 'queued for the agent screen' : '']
				.filter((n) => n)
				.join(', ');
			const description = splitDescription(spec).text.replace(/\|/g, '\\|');
			rows.push(
				`| ${resource.name} | ${spec.name} | \`${fn}\` | ${description}${notes ? ` (${notes})` : ''} |`,
			);
		}
	}
	return rows.join('\n');
}

function tables(): NodeTable[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const vicidial = require('../nodes/shared/functions/nonAgent') as {
		resources: ResourceSpec[];
		nonAgentFunctions: FunctionEntry[];
	};
	const result: NodeTable[] = [
		{
			marker: 'vicidial-operations',
			resources: vicidial.resources,
			specs: vicidial.nonAgentFunctions,
		},
	];
	const agentPath = path.resolve(__dirname, '../nodes/shared/functions/agent/index.ts');
	if (fs.existsSync(agentPath)) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const agent = require('../nodes/shared/functions/agent') as {
			resources: ResourceSpec[];
			agentFunctions: FunctionEntry[];
		};
		result.push({
			marker: 'agent-operations',
			resources: agent.resources,
			specs: agent.agentFunctions,
		});
	}
	return result;
}

/** The README with every marked table replaced by the current one. */
export function renderReadme(readme: string): string {
	let out = readme;
	for (const table of tables()) {
		const start = `<!-- ${table.marker}:start -->`;
		const end = `<!-- ${table.marker}:end -->`;
		const from = out.indexOf(start);
		const to = out.indexOf(end);
		if (from < 0 || to < from) throw new Error(`README.md lacks the ${start} ... ${end} markers`);
		out = `${out.slice(0, from + start.length)}\n${operationsTable(table.resources, table.specs)}\n${out.slice(to)}`;
	}
	return out;
}

// Run as a script (through scripts/run-ts.js), not when a test imports it.
if (process.argv.slice(1, 3).some((arg) => arg.endsWith('operations-table.ts'))) {
	const file = path.resolve(__dirname, '../README.md');
	const current = fs.readFileSync(file, 'utf8');
	const next = renderReadme(current);
	if (process.argv.includes('--check')) {
		if (next !== current) {
			console.error('README.md operation tables are out of date: run npm run docs');
			process.exit(1);
		}
	} else {
		fs.writeFileSync(file, next);
		console.log('README.md operation tables written');
	}
}
