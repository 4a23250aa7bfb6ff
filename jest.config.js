/** Fast tests: everything under test/ except the conformance suite (it needs the real server). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test', '<rootDir>/nodes', '<rootDir>/credentials'],
	testPathIgnorePatterns: ['/node_modules/', '/test/conformance/', '/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false } }] },
	testTimeout: 30000,
};
