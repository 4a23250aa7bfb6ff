/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * scripts/scan-package.mjs (run in .ci/run on the packed build) fails on what n8n's verification
 * scan rejects and on dead weight in the tarball. Proven on a small unpacked package: it passes
 * as written, and each bad file added to a copy makes the scan fail, naming it.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const realPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<
	string,
	unknown
>;

const NODE_JS = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Demo = void 0;
class Demo {
	constructor() {
		this.description = {
			displayName: 'Demo', name: 'demo', icon: 'file:../../icons/demo.svg', group: ['transform'], version: 1,
			description: 'Passes its items on', defaults: { name: 'Demo' }, inputs: ['main'], outputs: ['main'], properties: [],
		};
	}
	async execute() {
		return [this.getInputData()];
	}
}
exports.Demo = Demo;
`;

let work: string;

/** A minimal package shaped like ours: this package.json with one node of its own. */
function writeGoodPackage(dir: string): void {
	mkdirSync(path.join(dir, 'dist/nodes/Demo'), { recursive: true });
	mkdirSync(path.join(dir, 'dist/icons'), { recursive: true });
	const n8n = {
		n8nNodesApiVersion: 1,
		strict: true,
		credentials: [],
		nodes: ['dist/nodes/Demo/Demo.node.js'],
	};
	const shipped: Record<string, unknown> = { ...realPackage, n8n };
	delete shipped.devDependencies;
	delete shipped.scripts;
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify(shipped, null, 2));
	writeFileSync(path.join(dir, 'README.md'), '# demo\n');
	writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
	writeFileSync(path.join(dir, 'dist/nodes/Demo/Demo.node.js'), NODE_JS);
	writeFileSync(
		path.join(dir, 'dist/icons/demo.svg'),
		'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
	);
}

type Scan = { status: number; output: string };

function scan(dir: string): Promise<Scan> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[path.join(ROOT, 'scripts/scan-package.mjs'), '--unpacked', dir, '--source', dir],
			{ cwd: ROOT },
			(error, stdout, stderr) =>
				resolve({ status: error ? Number(error.code) : 0, output: stdout + stderr }),
		);
	});
}

/** Each case is the good package with one change; all are scanned at once (each scan loads ESLint). */
const cases: Record<string, (dir: string) => void> = {
	good: () => undefined,
	restricted: (d) =>
		writeFileSync(
			path.join(d, 'dist/nodes/Demo/helper.js'),
			`"use strict";\nconst { execSync } = require("child_process");\nexports.run = () => execSync(process.env.CMD);\n`,
		),
	peer: (d) => {
		const file = path.join(d, 'package.json');
		const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		writeFileSync(
			file,
			JSON.stringify({ ...pkg, peerDependencies: { 'n8n-workflow': '^2.41.0' } }, null, 2),
		);
	},
	weight: (d) => {
		const node = path.join(d, 'dist/nodes/Demo/Demo.node.js');
		writeFileSync(node, `${readFileSync(node, 'utf8')}//# sourceMappingURL=Demo.node.js.map\n`);
		writeFileSync(
			`${node}.map`,
			'{"version":3,"sources":["../../../nodes/Demo/Demo.node.ts"],"mappings":""}',
		);
		writeFileSync(path.join(d, 'dist/nodes/Demo/Demo.test.js'), '"use strict";\n');
		mkdirSync(path.join(d, 'nodes'));
		writeFileSync(path.join(d, 'nodes/Demo.node.ts'), 'export {};\n');
		rmSync(path.join(d, 'dist/icons/demo.svg'));
	},
	missing: (d) => rmSync(path.join(d, 'dist/nodes/Demo/Demo.node.js')),
};
const results: Record<string, Scan> = {};

beforeAll(async () => {
	work = mkdtempSync(path.join(tmpdir(), 'scan-package-test-'));
	const good = path.join(work, 'good');
	writeGoodPackage(good);
	await Promise.all(
		Object.entries(cases).map(async ([name, change]) => {
			const dir = path.join(work, `case-${name}`);
			cpSync(good, dir, { recursive: true });
			change(dir);
			results[name] = await scan(dir);
		}),
	);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the small package passes both legs of the analysis and the contents check', () => {
	const { status, output } = results.good;
	expect(output).toContain('✅ package contents');
	expect(output).toContain('✅ @n8n/scan-community-package analysis, source');
	expect(output).toContain('✅ @n8n/scan-community-package analysis, tarball');
	expect(status).toBe(0);
});

test('code n8n does not allow in a node (child_process, process.env) fails the scan', () => {
	const { status, output } = results.restricted;
	expect(output).toMatch(
		/❌ @n8n\/scan-community-package analysis, tarball[^\n]*ESLint violations found/,
	);
	expect(output).toContain('helper.js');
	expect(output).toContain('@n8n/community-nodes/no-restricted-imports');
	expect(status).toBe(1);
});

test('a peer range other than "*" for n8n-workflow fails the scan', () => {
	const { status, output } = results.peer;
	expect(output).toContain('@n8n/community-nodes/valid-peer-dependencies');
	expect(status).toBe(1);
});

test('dead weight fails the contents check: a source map, a compiled test, a stray source file, a missing icon', () => {
	const { status, output } = results.weight;
	expect(output).toContain('❌ package contents');
	expect(output).toContain(
		'dist/nodes/Demo/Demo.node.js: points to a source map (Demo.node.js.map)',
	);
	expect(output).toContain('dist/nodes/Demo/Demo.node.js.map: not something n8n loads');
	expect(output).toContain('dist/nodes/Demo/Demo.test.js: not something n8n loads');
	expect(output).toContain('nodes/Demo.node.ts: not something n8n loads');
	expect(output).toContain('icon file:../../icons/demo.svg is not in the package');
	expect(status).toBe(1);
});

test('an entry point listed in package.json but missing from the package fails', () => {
	const { status, output } = results.missing;
	expect(output).toContain(
		'dist/nodes/Demo/Demo.node.js: listed in package.json "n8n" but not in the package',
	);
	expect(status).toBe(1);
});
