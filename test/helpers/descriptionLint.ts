/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Runs n8n's node-parameter lint rules (eslint-plugin-n8n-nodes-base) on the descriptions the
 * nodes generate at load time, which `npm run lint` never sees: each description is written out
 * as the source of a node (or credential) class and linted with ESLint's Node API.
 */
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsParser = require('@typescript-eslint/parser') as Linter.Parser;
// Under NODE_ENV=test (jest) the plugin takes every file for every kind of file (trigger, credential...):
// it reads the variable once, when loaded.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'lint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base') as {
	configs: Record<string, { rules: Linter.RulesRecord }>;
};
process.env.NODE_ENV = nodeEnv;

/** Rules about files, folders or execute() code, not about a description: they cannot apply to generated text. */
const NOT_ABOUT_DESCRIPTIONS = [
	/^n8n-nodes-base\/node-(dirname|filename)-against-convention$/,
	/^n8n-nodes-base\/node-resource-description-filename-against-convention$/,
	/^n8n-nodes-base\/node-execute-block-/,
	// off in the package's own lint config too (n8n's node-cli config): NodeConnectionTypes.Main is current
	/^n8n-nodes-base\/node-class-description-(inputs-wrong-regular-node|outputs-wrong)$/,
	/^n8n-nodes-base\/cred-class-field-documentation-url-miscased$/,
];

function rulesOf(set: 'nodes' | 'credentials'): Linter.RulesRecord {
	return Object.fromEntries(
		Object.entries(n8nNodesBase.configs[set].rules).filter(
			([name]) => !NOT_ABOUT_DESCRIPTIONS.some((rule) => rule.test(name)),
		),
	);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A value as a JavaScript literal with unquoted keys, the way node files are written (the rules read keys by name). */
export function toSource(value: unknown, indent = ''): string {
	const inner = `${indent}\t`;
	if (value === undefined) return 'undefined';
	if (value === null || typeof value === 'number' || typeof value === 'boolean')
		return String(value);
	if (typeof value === 'string')
		return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
	if (Array.isArray(value))
		return value.length === 0
			? '[]'
			: `[\n${value.map((v) => `${inner}${toSource(v, inner)},`).join('\n')}\n${indent}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(
			([, v]) => v !== undefined && typeof v !== 'function',
		);
		if (entries.length === 0) return '{}';
		return `{\n${entries.map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : `'${k}'`}: ${toSource(v, inner)},`).join('\n')}\n${indent}}`;
	}
	throw new Error(`Cannot write ${typeof value} as source`);
}

export interface Finding {
	rule: string;
	message: string;
	/** The source line the rule points at (the generated property's text). */
	line: string;
}

async function lint(code: string, filePath: string, rules: Linter.RulesRecord): Promise<Finding[]> {
	const eslint = new ESLint({
		overrideConfigFile: true,
		cwd: process.cwd(),
		overrideConfig: [
			{
				files: ['**/*.ts'],
				languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
				plugins: { 'n8n-nodes-base': n8nNodesBase as never },
				rules,
			},
		],
	});
	const [result] = await eslint.lintText(code, { filePath });
	const lines = code.split('\n');
	return result.messages.map((m) => ({
		rule: m.ruleId ?? 'parse',
		message: m.message,
		line: (lines[(m.line ?? 1) - 1] ?? '').trim(),
	}));
}

/** Lints a node's description, as if its file held it literally. `className` and `dir` name the virtual file as n8n's conventions want. */
export async function lintNodeDescription(
	className: string,
	description: object,
): Promise<Finding[]> {
	const code = `import type { INodeType, INodeTypeDescription } from 'n8n-workflow';\n\nexport class ${className} implements INodeType {\n\tdescription: INodeTypeDescription = ${toSource(description, '\t')};\n}\n`;
	return await lint(code, `nodes/${className}/${className}.node.ts`, rulesOf('nodes'));
}

/** Lints a credential's fields, as if its file held them literally. */
export async function lintCredential(
	className: string,
	credential: Record<string, unknown>,
): Promise<Finding[]> {
	const fields = ['name', 'displayName', 'icon', 'documentationUrl', 'properties']
		.filter((key) => credential[key] !== undefined)
		.map((key) => `\t${key} = ${toSource(credential[key], '\t')};\n`)
		.join('\n');
	const code = `import type { ICredentialType } from 'n8n-workflow';\n\nexport class ${className} implements ICredentialType {\n${fields}}\n`;
	return await lint(code, `credentials/${className}.credentials.ts`, rulesOf('credentials'));
}
