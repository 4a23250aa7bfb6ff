/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Shared machinery of the conformance suite: sending a corpus step, masking
 * the answer, resetting the genuine server, comparing and reporting.
 * Used by conformance.test.ts and record.ts.
 */
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Agent, request } from 'undici';

import { ENDPOINT_PATHS, type Scenario, type Step } from './corpus';
import { maskText } from './mask';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');
export const REAL_URL = (process.env.VICIDIAL_REAL_URL || 'http://127.0.0.1:8089').replace(
	/\/+$/,
	'',
);
export const REAL_DIR = process.env.VICIDIAL_REAL_DIR
	? path.resolve(PROJECT_ROOT, process.env.VICIDIAL_REAL_DIR)
	: path.resolve(PROJECT_ROOT, '../shared/vicidial-real');
export const RECORDED_FILE = path.join(__dirname, 'recorded', 'real-answers.json');
export const REPORT_DIR = path.join(PROJECT_ROOT, '.conformance-report');

/** One answer, as compared: HTTP status, Content-Type header, body (masked). */
export interface Answer {
	status: number;
	contentType: string | null;
	body: string;
	/** Set when the body is not valid UTF-8: it is then kept byte for byte as latin1. */
	bodyEncoding?: 'latin1';
}

/** The request a step becomes, independent of the server it is sent to. */
export interface WireRequest {
	method: 'GET' | 'POST';
	/** path + query string, e.g. /agc/api.php?function=version */
	target: string;
	/** form body for POST, null for GET */
	body: string | null;
}

export function toWire(step: Step): WireRequest {
	const method = step.method ?? 'POST';
	const path_ = ENDPOINT_PATHS[step.endpoint];
	if (method === 'GET') {
		const qs = new URLSearchParams({ ...(step.query ?? {}) });
		for (const [k, v] of Object.entries(step.params)) qs.append(k, v);
		const q = qs.toString();
		return { method, target: q ? `${path_}?${q}` : path_, body: null };
	}
	const q = step.query ? new URLSearchParams(step.query).toString() : '';
	return {
		method,
		target: q ? `${path_}?${q}` : path_,
		body: new URLSearchParams(step.params).toString(),
	};
}

// Each request on a fresh connection: `php -S` closes its connections anyway,
// and reusing a socket the server has just closed would make flaky errors.
const dispatcher = new Agent({ pipelining: 0, connect: { timeout: 5_000 } });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The harness writes its own web address into the seed (recording locations): a private
 * instance (VICIDIAL_PORT) prints its port where the default instance prints 8089. Both sides
 * and the recording read as the default instance, so the recording does not depend on which
 * instance made it.
 */
const HARNESS_PORT = process.env.VICIDIAL_PORT;
function canonicalAddress(body: string): string {
	if (!HARNESS_PORT || !/^\d+$/.test(HARNESS_PORT) || HARNESS_PORT === '8089') return body;
	return body.split(`http://127.0.0.1:${HARNESS_PORT}/`).join('http://127.0.0.1:8089/');
}

/** Send one step to `baseUrl` and return the masked answer. */
export async function send(baseUrl: string, step: Step): Promise<Answer> {
	const wire = toWire(step);
	const sentAt = new Date();
	const res = await request(baseUrl + wire.target, {
		method: wire.method,
		dispatcher,
		headers: wire.body === null ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
		body: wire.body ?? undefined,
		headersTimeout: 30_000,
		bodyTimeout: 30_000,
	});
	const bytes = Buffer.from(await res.body.arrayBuffer());
	const ct = res.headers['content-type'];
	let body: string;
	let bodyEncoding: 'latin1' | undefined;
	try {
		body = utf8.decode(bytes);
	} catch {
		body = bytes.toString('latin1');
		bodyEncoding = 'latin1';
	}
	const answer: Answer = {
		status: res.statusCode,
		contentType: ct === undefined ? null : Array.isArray(ct) ? ct.join(', ') : ct,
		body: canonicalAddress(maskText(body, sentAt)),
	};
	if (bodyEncoding) answer.bodyEncoding = bodyEncoding;
	return answer;
}

function runReset(script: string): Promise<void> {
	return new Promise((resolve, reject) => {
		execFile('bash', [script], { timeout: 120_000 }, (err, _stdout, stderr) => {
			if (err)
				reject(
					new Error(
						`reset of the real VICIdial server failed (bash ${script}): ${err.message}\n${stderr}`,
					),
				);
			else resolve();
		});
	});
}

/**
 * Restore the genuine server's seed state (reset.sh, well under a second).
 * A reset can fail when someone else resets the same server at the same
 * moment; it is then tried again, up to six times.
 */
export async function resetReal(): Promise<void> {
	const script = path.join(REAL_DIR, 'reset.sh');
	for (let attempt = 1; ; attempt++) {
		try {
			return await runReset(script);
		} catch (err) {
			if (attempt >= 6) throw err;
			await new Promise((r) => setTimeout(r, 400 * attempt));
		}
	}
}

/**
 * Whether the genuine server answers `version` (checked synchronously, so the
 * test file can decide at load time whether to run, fail or skip).
 */
export function probeRealSync(url = REAL_URL): { ok: boolean; detail: string } {
	const script = `
		const http = require('node:http');
		const req = http.get(process.argv[1] + '/vicidial/non_agent_api.php?function=version', { timeout: 4000 }, (res) => {
			let b = ''; res.on('data', (c) => (b += c));
			res.on('end', () => { process.stdout.write(res.statusCode + ' ' + b); process.exit(0); });
		});
		req.on('timeout', () => { req.destroy(new Error('timeout after 4 s')); });
		req.on('error', (e) => { process.stdout.write('ERR ' + e.message); process.exit(1); });`;
	const r = spawnSync(process.execPath, ['-e', script, url], { encoding: 'utf8', timeout: 10_000 });
	const out = (r.stdout || '').trim();
	if (r.status === 0 && /^200 VERSION: 2\.14/.test(out)) return { ok: true, detail: out };
	return { ok: false, detail: out || r.error?.message || `exit ${r.status}` };
}

// ---------------------------------------------------------------------------
// Comparison and reports
// ---------------------------------------------------------------------------

export function sameAnswer(a: Answer, b: Answer): boolean {
	return a.status === b.status && a.contentType === b.contentType && a.body === b.body;
}

/** Make invisible differences visible: tabs, CRs and other control characters, trailing blanks. */
function visible(line: string): string {
	let s = line.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
	// eslint-disable-next-line no-control-regex -- control characters are what this shows
	const controls = /[\x00-\x08\x0b-\x1f\x7f]/g;
	s = s.replace(controls, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
	return s.replace(/ +$/, (sp) => '\u2423'.repeat(sp.length));
}

/** Minimal line diff (LCS), unified style without hunks: ' ' same, '-' expected only, '+' actual only. */
export function lineDiff(expected: string, actual: string): string[] {
	const split = (t: string) => {
		const lines = t.split('\n');
		const noEol = lines[lines.length - 1] !== '';
		if (!noEol) lines.pop();
		return { lines: lines.map(visible), noEol: noEol && t.length > 0 };
	};
	const e = split(expected);
	const a = split(actual);
	const E = e.lines;
	const A = a.lines;
	if (E.length * A.length > 4_000_000) {
		return [...E.map((l) => `-${l}`), ...A.map((l) => `+${l}`)];
	}
	const dp: number[][] = Array.from({ length: E.length + 1 }, () =>
		new Array<number>(A.length + 1).fill(0),
	);
	for (let i = E.length - 1; i >= 0; i--) {
		for (let j = A.length - 1; j >= 0; j--) {
			dp[i][j] = E[i] === A[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
		}
	}
	const out: string[] = [];
	let i = 0;
	let j = 0;
	while (i < E.length || j < A.length) {
		if (i < E.length && j < A.length && E[i] === A[j]) {
			out.push(` ${E[i]}`);
			i++;
			j++;
		} else if (i < E.length && (j === A.length || dp[i + 1][j] >= dp[i][j + 1])) {
			out.push(`-${E[i]}`);
			i++;
		} else {
			out.push(`+${A[j]}`);
			j++;
		}
	}
	if (e.noEol !== a.noEol) {
		out.push(e.noEol ? '-\\ No newline at end of body' : '+\\ No newline at end of body');
	} else if (e.noEol) {
		out.push(' \\ No newline at end of body');
	}
	if (E.length === 0 && A.length === 0 && !e.noEol && !a.noEol) out.push(' (empty body)');
	return out;
}

export function describeRequest(step: Step): string[] {
	const w = toWire(step);
	const lines = [`${w.method} ${w.target}`];
	if (w.body !== null) lines.push(`body: ${w.body}`);
	if (step.note) lines.push(`note: ${step.note}`);
	return lines;
}

export function formatAnswer(a: Answer): string {
	return [`HTTP ${a.status}`, `Content-Type: ${a.contentType ?? '(none)'}`, '', a.body].join('\n');
}

/** A unified-style report of one differing step. */
export function formatStepDiff(
	stepIndex: number,
	stepCount: number,
	step: Step,
	expected: Answer,
	actual: Answer,
	labels: { expected: string; actual: string },
): string {
	const out: string[] = [];
	out.push(`step ${stepIndex + 1} of ${stepCount}: ${describeRequest(step).join('\n    ')}`);
	out.push(`--- ${labels.expected}`);
	out.push(`+++ ${labels.actual}`);
	if (expected.status !== actual.status)
		out.push('@@ HTTP status @@', `-${expected.status}`, `+${actual.status}`);
	else out.push(`@@ HTTP status @@ ${expected.status} (same)`);
	if (expected.contentType !== actual.contentType) {
		out.push(
			'@@ Content-Type @@',
			`-${expected.contentType ?? '(none)'}`,
			`+${actual.contentType ?? '(none)'}`,
		);
	} else out.push(`@@ Content-Type @@ ${expected.contentType ?? '(none)'} (same)`);
	if (expected.body !== actual.body)
		out.push(
			'@@ body @@ (tabs shown as \\t, trailing blanks as \u2423)',
			...lineDiff(expected.body, actual.body),
		);
	else out.push('@@ body @@ (same)');
	return out.join('\n');
}

export interface StepResult {
	step: Step;
	expected: Answer;
	actual: Answer;
	same: boolean;
}

/** Run a scenario's steps against a target that was reset just before. */
export async function runSteps(baseUrl: string, scenario: Scenario): Promise<Answer[]> {
	const answers: Answer[] = [];
	for (const step of scenario.steps) answers.push(await send(baseUrl, step));
	return answers;
}

export function scenarioReport(
	scenario: Scenario,
	results: StepResult[],
	labels: { expected: string; actual: string },
): string {
	const bad = results.map((r, i) => ({ r, i })).filter(({ r }) => !r.same);
	const head = `Scenario "${scenario.name}": ${bad.length} of ${results.length} steps differ`;
	return [
		head,
		...bad.map(({ r, i }) =>
			formatStepDiff(i, results.length, r.step, r.expected, r.actual, labels),
		),
	].join('\n\n');
}

// ---------------------------------------------------------------------------
// Recorded answers
// ---------------------------------------------------------------------------

/** A request is stored once, as sent (its parameters are in target and body). */
export interface RecordedStep {
	request: WireRequest & { endpoint: Step['endpoint']; note?: string };
	answer: Answer;
}

export interface RecordedFile {
	about: string;
	server: { nonAgentApi: string; agentApi: string };
	masking: string;
	scenarios: Array<{ name: string; steps: RecordedStep[] }>;
}

export function recordedRequest(step: Step): RecordedStep['request'] {
	const r: RecordedStep['request'] = { endpoint: step.endpoint, ...toWire(step) };
	if (step.note) r.note = step.note;
	return r;
}

export function loadRecorded(file = RECORDED_FILE): RecordedFile {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as RecordedFile;
}
