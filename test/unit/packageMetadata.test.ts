/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The package's links all lead to one GitHub repository: npm provenance and n8n's verification
 * compare package.json's repository with the repository that published, and users follow the
 * homepage, bug tracker and the credential's documentation link.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	repository: { type: string; url: string };
	homepage: string;
	bugs: { url: string };
	peerDependencies: Record<string, string>;
	devDependencies: Record<string, string>;
	files: string[];
};

/** The one place: package.json's repository, as npm writes it for GitHub. */
const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(
	pkg.repository.url,
)?.[1];

/** GitHub's anchor for a Markdown heading. */
function githubAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

test('repository is a git+https GitHub URL', () => {
	expect(pkg.repository.type).toBe('git');
	expect(repository).toBe('https://github.com/n8n-nodes-vicidial-suite/n8n-nodes-vicidial-suite');
});

test('homepage and bug tracker are that repository', () => {
	expect(pkg.homepage).toBe(`${repository}#readme`);
	expect(pkg.bugs.url).toBe(`${repository}/issues`);
});

test("the credential's documentation link is a section of that repository's README", () => {
	const url = new VicidialApi().documentationUrl;
	const [page, anchor] = url.split('#');
	expect(page).toBe(repository);
	const headings = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => githubAnchor(line.replace(/^#+ /, '')));
	expect(headings).toContain(anchor);
});

test('n8n-workflow is a peer as n8n requires ("*"), and the version tested is the one n8n 2.41.1 ships', () => {
	// @n8n/scan-community-package rejects any other peer range (valid-peer-dependencies)
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(pkg.devDependencies['n8n-workflow']).toBe('2.41.0');
});

test('the package ships the build and the changelog the README links to', () => {
	// npm packs README, LICENSE and package.json by itself, but not a changelog
	expect(pkg.files).toEqual(['dist', 'CHANGELOG.md']);
});
