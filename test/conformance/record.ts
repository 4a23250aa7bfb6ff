/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Records the genuine VICIdial server's (masked) answers to the whole corpus
 * into recorded/real-answers.json, so later work can read what the real
 * server says without running it.
 *
 *   node scripts/run-ts.js test/conformance/record.ts            # record
 *   node scripts/run-ts.js test/conformance/record.ts --twice    # record, record again, require identical answers
 *   node scripts/run-ts.js test/conformance/record.ts --check    # compare with the file, do not write it
 *
 * Needs the genuine server (bash ../shared/vicidial-real/start.sh); it is
 * reset before every scenario run, and every scenario is run (at least) twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { checkCorpus, corpus } from './corpus';
import {
	type Answer,
	type RecordedFile,
	RECORDED_FILE,
	REAL_DIR,
	REAL_URL,
	loadRecorded,
	probeRealSync,
	recordedRequest,
	resetReal,
	runSteps,
	sameAnswer,
	scenarioReport,
	send,
} from './harness';

/**
 * Each scenario is run from a reset until two runs in a row give the same
 * answers: someone else using the shared server in the middle of a run must
 * not end up in the recording.
 */
async function recordAll(): Promise<Answer[][]> {
	const all: Answer[][] = [];
	for (const scenario of corpus) {
		await resetReal();
		let previous = await runSteps(REAL_URL, scenario);
		for (let attempt = 1; ; attempt++) {
			await resetReal();
			const current = await runSteps(REAL_URL, scenario);
			if (current.every((a, i) => sameAnswer(a, previous[i]))) {
				all.push(current);
				break;
			}
			if (attempt >= 8)
				throw new Error(`scenario "${scenario.name}" gives different answers on every run`);
			const wait = Math.min(10, 2 ** (attempt - 1));
			console.warn(
				`scenario "${scenario.name}": two runs differ (someone else using the server?), again in ${wait} s`,
			);
			await new Promise((r) => setTimeout(r, wait * 1000));
			previous = current;
		}
	}
	return all;
}

function compare(
	expected: Answer[][],
	actual: Answer[][],
	labels: { expected: string; actual: string },
): string[] {
	const reports: string[] = [];
	corpus.forEach((scenario, s) => {
		const results = scenario.steps.map((step, i) => ({
			step,
			expected: expected[s][i],
			actual: actual[s][i],
			same: sameAnswer(expected[s][i], actual[s][i]),
		}));
		if (results.some((r) => !r.same)) reports.push(scenarioReport(scenario, results, labels));
	});
	return reports;
}

async function main(): Promise<void> {
	const args = new Set(process.argv.slice(2));
	checkCorpus();
	const probe = probeRealSync();
	if (!probe.ok) {
		throw new Error(
			`The genuine VICIdial server does not answer at ${REAL_URL} (${probe.detail}).\n` +
				`Start it with: bash ${path.join(REAL_DIR, 'start.sh')}`,
		);
	}
	const stepCount = corpus.reduce((n, s) => n + s.steps.length, 0);
	const t0 = Date.now();
	const answers = await recordAll();
	const t1 = Date.now();
	console.log(
		`recorded ${corpus.length} scenarios, ${stepCount} steps in ${((t1 - t0) / 1000).toFixed(1)} s`,
	);

	if (args.has('--twice')) {
		const again = await recordAll();
		const reports = compare(answers, again, {
			expected: 'real, first run',
			actual: 'real, second run',
		});
		if (reports.length) {
			console.error(reports.join('\n\n'));
			throw new Error(
				`${reports.length} scenarios gave different masked answers on a second run: the masking is not stable`,
			);
		}
		console.log(`second run identical (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
	}

	const version = await send(REAL_URL, { endpoint: 'nonAgent', params: { function: 'version' } });
	const agentVersion = await send(REAL_URL, { endpoint: 'agent', params: { function: 'version' } });
	const file: RecordedFile = {
		about:
			'Answers of the genuine VICIdial 2.14 server (../shared/vicidial-real, seed state before every scenario) ' +
			'to the conformance corpus (test/conformance/corpus.ts). Regenerate with ' +
			'`node scripts/run-ts.js test/conformance/record.ts`. Clock values are masked as described in test/conformance/mask.ts.',
		server: {
			nonAgentApi: version.body.split('|').slice(0, 2).join('|'),
			agentApi: agentVersion.body.split('|').slice(0, 2).join('|'),
		},
		masking:
			'<DATETIME:today-7d> = a YYYY-MM-DD HH:MM:SS datetime 7 calendar days (UTC) before the request; ' +
			'<DATE:...> the same for a YYYY-MM-DD date; <EPOCH:now-15m> = a Unix time 15 minutes before the request; ' +
			'script runtime: <N> seconds = debug run time. Values far from the request time are not masked.',
		scenarios: corpus.map((scenario, s) => ({
			name: scenario.name,
			steps: scenario.steps.map((step, i) => ({
				request: recordedRequest(step),
				answer: answers[s][i],
			})),
		})),
	};

	if (args.has('--check')) {
		const old = loadRecorded();
		const oldAnswers = corpus.map((scenario) => {
			const rec = old.scenarios.find((x) => x.name === scenario.name);
			if (!rec || rec.steps.length !== scenario.steps.length) {
				throw new Error(
					`recorded answers are out of date for scenario "${scenario.name}": record again`,
				);
			}
			return rec.steps.map((st) => st.answer);
		});
		const reports = compare(oldAnswers, answers, { expected: 'recorded', actual: 'real, now' });
		if (reports.length) {
			console.error(reports.join('\n\n'));
			throw new Error(`${reports.length} scenarios differ from ${RECORDED_FILE}`);
		}
		console.log(`identical to ${path.relative(process.cwd(), RECORDED_FILE)}`);
		return;
	}

	fs.mkdirSync(path.dirname(RECORDED_FILE), { recursive: true });
	fs.writeFileSync(RECORDED_FILE, JSON.stringify(file, null, '\t') + '\n');
	console.log(`wrote ${path.relative(process.cwd(), RECORDED_FILE)}`);
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : err);
	process.exitCode = 1;
});
