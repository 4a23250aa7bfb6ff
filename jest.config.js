/** Fast tests: everything under test/ except the conformance suite (it needs the real server). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testPathIgnorePatterns: ['/node_modules/', '/test/conformance/', '/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false } }] },
	reporters: ['default', '<rootDir>/test/support/leakReporter.js'],
	testTimeout: 30000,
};
