// n8n's strict mode requires eslint.config.mjs to be n8n's own config, which lints every .ts file
// with the rules of n8n's node sandbox (no Node imports or globals, no console...). Tests,
// benchmarks and scripts run in Node and Jest, never inside n8n, so each of their files names the
// sandbox rules it breaks in a first-line directive; every other rule still applies to them.
// `npm run lint:headers` writes those directives; `npm run lint` fails when one is missing or stale.
import { ESLint } from 'eslint';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SANDBOX_RULES = [
	'no-console',
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/no-hardcoded-secrets',
	'@n8n/community-nodes/require-node-api-error',
	'@n8n/community-nodes/no-deprecated-workflow-functions',
];
const REASON =
	"runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/";
const HEADER = /^\/\* eslint-disable ([^*]*?) -- runs in Node or Jest, never inside n8n[^*]*\*\/\n/;

const write = process.argv.includes('--write');
const files = execFileSync(
	'git',
	['ls-files', '--cached', '--others', '--exclude-standard', 'test', 'bench', 'scripts'],
	{
		encoding: 'utf8',
	},
)
	.split('\n')
	.filter((file) => file.endsWith('.ts'));

const eslint = new ESLint();
let wrong = 0;
for (const file of files) {
	const text = readFileSync(file, 'utf8');
	const body = text.replace(HEADER, '');
	const [result] = await eslint.lintText(body, { filePath: file });
	const broken = SANDBOX_RULES.filter((rule) =>
		result.messages.some((message) => message.ruleId === rule),
	);
	const wanted =
		broken.length > 0 ? `/* eslint-disable ${broken.join(', ')} -- ${REASON} */\n${body}` : body;
	if (wanted === text) continue;
	wrong++;
	if (write) writeFileSync(file, wanted);
	else
		console.error(
			`${file}: the sandbox-rule directive should be ${broken.length ? broken.join(', ') : 'absent'}`,
		);
}
if (wrong > 0 && !write) {
	console.error(`${wrong} file(s) need \`npm run lint:headers\``);
	process.exit(1);
}
console.log(write ? `${wrong} file(s) rewritten` : `${files.length} files checked`);
