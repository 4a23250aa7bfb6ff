/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run test:conformance` entry point: runs the conformance jest suite with
 * its own configuration. Extra arguments go to jest, e.g.
 *
 *   npm run test:conformance -- -t "add_lead"
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });
const result = spawnSync(
	process.execPath,
	[
		jestBin,
		'--config',
		path.join(__dirname, 'jest.config.js'),
		'--runInBand',
		...process.argv.slice(2),
	],
	{ cwd: root, stdio: 'inherit', env: process.env },
);
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
