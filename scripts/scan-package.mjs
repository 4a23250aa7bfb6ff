// n8n's verification scan (@n8n/scan-community-package) on this build before it is published.
// Its CLI only fetches packages from npm, so this runs its analyser the way the CLI does: the
// source leg on nodes/, credentials/ and package.json, the tarball leg on the compiled .js and the
// package.json of the `npm pack` tarball. It also checks that the tarball holds only what n8n loads.
//   node scripts/scan-package.mjs                      pack the current build (run `npm run build` first)
//   node scripts/scan-package.mjs --unpacked DIR [--source DIR]   scan an already unpacked package
// Exit status 1 when anything is found.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// What may ship: compiled JS, the codex files, icons, and the package's own documents.
const ALLOWED = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^CHANGELOG\.md$/,
	/^dist\/(nodes|credentials)\/.+\.js$/,
	/^dist\/nodes\/[^/]+\/[^/]+\.node\.json$/,
	/^dist\/icons\/[^/]+\.svg$/,
];
// Test code compiled by mistake would match the dist pattern above.
const FORBIDDEN = [/\.test\.js$/, /(^|\/)(test|tests|__tests__|fixtures)\//];

function listFiles(dir, prefix = '') {
	return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		return entry.isDirectory() ? listFiles(dir, relative) : [relative];
	});
}

/** Problems with the files of an unpacked package: dead weight, missing entry points, dangling references. */
export function checkContents(packageDir) {
	const files = listFiles(packageDir);
	const problems = [];
	for (const file of files) {
		if (
			!ALLOWED.some((pattern) => pattern.test(file)) ||
			FORBIDDEN.some((pattern) => pattern.test(file))
		)
			problems.push(
				`${file}: not something n8n loads (only dist JS, codex .node.json, icons, README, LICENSE, CHANGELOG, package.json)`,
			);
		if (file.endsWith('.js')) {
			const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(
				readFileSync(path.join(packageDir, file), 'utf8'),
			);
			if (map)
				problems.push(
					`${file}: points to a source map (${map[1]}); the package ships no maps or sources`,
				);
		}
	}
	for (const required of ['package.json', 'README.md', 'LICENSE'])
		if (!files.includes(required)) problems.push(`${required}: missing`);
	const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	for (const entry of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])])
		if (!files.includes(entry))
			problems.push(`${entry}: listed in package.json "n8n" but not in the package`);
	for (const file of files.filter((name) => name.endsWith('.js'))) {
		// icons are referenced as `file:<relative path>` from the node and credential classes
		for (const [, icon] of readFileSync(path.join(packageDir, file), 'utf8').matchAll(
			/['"]file:([^'"]+)['"]/g,
		)) {
			const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), icon));
			if (!files.includes(target))
				problems.push(`${file}: icon file:${icon} is not in the package`);
		}
	}
	return problems;
}

/** n8n's analyser, with the file patterns its CLI uses for each leg. */
async function analyse(sourceDir, packageDir) {
	// the scanner makes a temporary directory when it loads; keep it where it is removed afterwards
	const scratch = mkdtempSync(path.join(tmpdir(), 'scan-package-'));
	process.env.TMPDIR = scratch;
	try {
		const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		const source = await scanner.analyzePackage(sourceDir, scanner.SOURCE_FILE_PATTERNS);
		const tarball = await scanner.analyzePackage(packageDir, ['**/*.js', 'package.json']);
		return [
			{ leg: `source (${scanner.SOURCE_FILE_PATTERNS.join(', ')})`, ...source },
			{ leg: 'tarball (**/*.js, package.json)', ...tarball },
		];
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

function packCurrentBuild(workDir) {
	if (!existsSync(path.join(ROOT, 'dist'))) throw new Error('no dist/: run `npm run build` first');
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], {
			cwd: ROOT,
			encoding: 'utf8',
		}),
	);
	const unpacked = path.join(workDir, 'package');
	execFileSync('tar', ['-xzf', path.join(workDir, packed.filename), '-C', workDir]);
	console.log(
		`${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`,
	);
	return unpacked;
}

async function main() {
	const args = process.argv.slice(2);
	const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
	const workDir = mkdtempSync(path.join(tmpdir(), 'scan-package-work-'));
	try {
		const packageDir = option('--unpacked')
			? path.resolve(option('--unpacked'))
			: packCurrentBuild(workDir);
		const sourceDir = option('--source') ? path.resolve(option('--source')) : ROOT;
		if (!statSync(packageDir).isDirectory()) throw new Error(`${packageDir} is not a directory`);

		let failed = false;
		const problems = checkContents(packageDir);
		if (problems.length > 0) {
			failed = true;
			console.log(`❌ package contents:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
		} else
			console.log(
				'✅ package contents: only dist JS, codex files, icons, README, LICENSE, package.json',
			);

		for (const result of await analyse(sourceDir, packageDir)) {
			if (result.passed && result.message === 'No files found to analyze') {
				failed = true;
				console.log(`❌ @n8n/scan-community-package analysis, ${result.leg}: no files to analyse`);
			} else if (result.passed)
				console.log(`✅ @n8n/scan-community-package analysis, ${result.leg}: passed`);
			else {
				failed = true;
				console.log(`❌ @n8n/scan-community-package analysis, ${result.leg}: ${result.message}`);
				if (result.details) console.log(result.details);
			}
		}
		process.exitCode = failed ? 1 : 0;
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
}
