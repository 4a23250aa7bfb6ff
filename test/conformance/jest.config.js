// Jest configuration of the conformance suite (run it with run.ts or
// `npx jest --config test/conformance/jest.config.js`).
// TypeScript is only transpiled here (isolatedModules); `npm run typecheck` checks the types.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/conformance/**/*.test.ts'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{
				tsconfig: {
					module: 'commonjs',
					target: 'es2022',
					lib: ['es2022'],
					esModuleInterop: true,
					resolveJsonModule: true,
					isolatedModules: true,
					types: ['node', 'jest'],
				},
			},
		],
	},
	moduleFileExtensions: ['ts', 'js', 'json'],
	// one scenario at a time: both servers hold state, and the genuine one is shared
	maxWorkers: 1,
	testTimeout: 120000,
	verbose: true,
};
