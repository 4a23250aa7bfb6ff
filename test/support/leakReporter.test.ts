/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// The leak check must be able to fail: a run whose tests all pass but whose output carries a
// test password exits non-zero.
test('the leak reporter fails a run that leaks a test password', () => {
	const root = path.resolve(__dirname, '../..');
	const result = spawnSync(
		process.execPath,
		[
			require.resolve('jest/bin/jest', { paths: [root] }),
			'--rootDir',
			root,
			'--roots',
			'<rootDir>/test/fixtures/leak',
			'--testMatch',
			'**/*.fixture.ts',
			'--testPathIgnorePatterns',
			'/node_modules/',
		],
		{ cwd: root, encoding: 'utf8', env: { ...process.env, LEAK_CAPTURE_DIR: '' } },
	);
	expect(result.stderr).toMatch(/1 passed, 1 total/);
	expect(result.stderr).toMatch(/PASSWORD LEAK CHECK FAILED/);
	expect(result.status).toBe(1);
}, 60_000);
