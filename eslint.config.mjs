// Lint as n8n verifies community nodes: eslint-plugin-n8n-nodes-base (community, credentials
// and nodes rule sets) plus @n8n/eslint-plugin-community-nodes (the rules of `n8n-node lint`).
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default [
	// What ships (nodes, credentials, package.json) is linted as n8n verifies it; tests,
	// benchmarks and scripts run in Node, not in n8n, and may use its globals.
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/**', 'bench/**', 'scripts/**', 'gulpfile.js', 'jest.config.js', 'eslint.config.mjs'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module', project: './tsconfig.json' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityRecommended.plugins },
		rules: { ...communityRecommended.rules },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityRecommended.plugins },
		rules: { ...n8nNodesBase.configs.community.rules, ...communityRecommended.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// as in n8n's own node-cli config: a URL is not a camelCase identifier
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// as in n8n's own node-cli config: NodeConnectionTypes.Main is the current form
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
