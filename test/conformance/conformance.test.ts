/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Conformance suite: the simulator must answer the whole corpus exactly like
 * the genuine VICIdial 2.14 server (HTTP status, Content-Type, body byte for
 * byte once clock values are masked). One jest test per corpus scenario.
 *
 * Environment:
 *   VICIDIAL_REAL_URL       genuine server (default http://127.0.0.1:8089)
 *   VICIDIAL_REAL_DIR       its harness folder, for reset.sh (default ../shared/vicidial-real from the project root)
 *   CONFORMANCE_ALLOW_SKIP  =1: skip (instead of fail) when the genuine server does not answer
 *   CONFORMANCE_TARGET      simulator (default) | real: compare the genuine server with itself
 *                           (two runs with a reset between them; proves the masking is stable)
 *   CONFORMANCE_EXPECTED    live (default) | recorded: take the genuine answers from
 *                           recorded/real-answers.json instead of the live server
 *   CONFORMANCE_ATTEMPTS    how many times a scenario with differences is run again from a fresh
 *                           reset before its differences count (default 3 with the live server,
 *                           1 with recorded answers): other users of the shared genuine server can
 *                           change its state in the middle of a scenario. Late passes are reported.
 *
 * A report of every difference is also written to .conformance-report/report.txt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { checkCorpus, corpus, type Scenario } from './corpus';
import {
	type Answer,
	type StepResult,
	REAL_DIR,
	REAL_URL,
	RECORDED_FILE,
	REPORT_DIR,
	loadRecorded,
	probeRealSync,
	resetReal,
	describeRequest,
	sameAnswer,
	scenarioReport,
	send,
} from './harness';

/** The part of the simulator contract (test/simulator/CONTRACT.md) this suite uses. */
interface SimulatorLike {
	url: string;
	reset(): void;
	close(): Promise<void>;
}

const TARGET = (process.env.CONFORMANCE_TARGET || 'simulator').toLowerCase();
const EXPECTED = (process.env.CONFORMANCE_EXPECTED || 'live').toLowerCase();
const ALLOW_SKIP = process.env.CONFORMANCE_ALLOW_SKIP === '1';
const ATTEMPTS = Math.max(
	1,
	Number(process.env.CONFORMANCE_ATTEMPTS || (EXPECTED === 'recorded' ? 1 : 3)) || 1,
);

if (!['simulator', 'real'].includes(TARGET))
	throw new Error(`CONFORMANCE_TARGET must be simulator or real, not ${TARGET}`);
if (!['live', 'recorded'].includes(EXPECTED))
	throw new Error(`CONFORMANCE_EXPECTED must be live or recorded, not ${EXPECTED}`);
if (TARGET === 'real' && EXPECTED === 'recorded') {
	throw new Error(
		'CONFORMANCE_TARGET=real compares the live server with itself; it cannot use CONFORMANCE_EXPECTED=recorded',
	);
}

checkCorpus();

const labels = {
	expected: EXPECTED === 'recorded' ? 'real VICIdial (recorded, masked)' : 'real VICIdial (masked)',
	actual: TARGET === 'real' ? 'real VICIdial, second run (masked)' : 'simulator (masked)',
};

const needsLive = EXPECTED === 'live';
const probe = needsLive ? probeRealSync() : { ok: true, detail: 'not needed' };
const unavailableMessage =
	`The genuine VICIdial server does not answer at ${REAL_URL} (${probe.detail}).\n` +
	`Start it first: bash ${path.join(REAL_DIR, 'start.sh')}\n` +
	'(or set VICIDIAL_REAL_URL; CONFORMANCE_ALLOW_SKIP=1 skips this suite instead of failing; ' +
	'CONFORMANCE_EXPECTED=recorded compares with recorded/real-answers.json without the server)';

const reports: string[] = [];
const notes: string[] = [];
let scenariosRun = 0;
let stepsCompared = 0;
let stepsDiffering = 0;

function writeReport(): void {
	fs.mkdirSync(REPORT_DIR, { recursive: true });
	const header =
		`VICIdial conformance: ${labels.expected} vs ${labels.actual}\n` +
		`${scenariosRun} of ${corpus.length} scenarios run; ${stepsCompared} steps compared, ${stepsDiffering} differ; ` +
		`${reports.length} scenarios failed\n` +
		(notes.length ? `\nNotes:\n${notes.map((n) => `  ${n}`).join('\n')}\n` : '');
	fs.writeFileSync(path.join(REPORT_DIR, 'report.txt'), [header, ...reports].join('\n\n') + '\n');
}

/**
 * A scenario that differed, then passed on a later attempt: say which side
 * changed its answer (the real server: someone else used it; the simulator:
 * it is not deterministic) and keep the earlier differences for review.
 */
function lateNote(
	scenario: Scenario,
	attempt: number,
	failures: string[],
	earlier: StepResult[][],
	final: StepResult[],
): string {
	let realChanged = 0;
	let simChanged = 0;
	for (const run of earlier) {
		run.forEach((r, i) => {
			if (r.same) return;
			if (!sameAnswer(r.expected, final[i].expected)) realChanged++;
			if (!sameAnswer(r.actual, final[i].actual)) simChanged++;
		});
	}
	const who =
		simChanged > 0
			? `the ${labels.actual} changed ${simChanged} answer(s) between attempts: NOT DETERMINISTIC?`
			: `only the ${labels.expected} changed its answers (${realChanged}): someone else used the real server`;
	const details = earlier
		.map((run, k) => scenarioReport(scenario, run, labels).replace(/^/, `[attempt ${k + 1}] `))
		.join('\n\n')
		.replace(/\n/g, '\n    ');
	return `"${scenario.name}" passed on attempt ${attempt} (${failures.join('; ')}); ${who}\n    ${details}`;
}

/** Send a step, naming the step and the server in any transport error. */
async function sendStep(
	baseUrl: string,
	scenario: Scenario,
	index: number,
	serverLabel: string,
): Promise<Answer> {
	const step = scenario.steps[index];
	try {
		return await send(baseUrl, step);
	} catch (err) {
		throw new Error(
			`step ${index + 1} of ${scenario.steps.length} (${describeRequest(step).join(' | ')}) to the ${serverLabel}: ` +
				(err instanceof Error ? err.message : String(err)),
		);
	}
}

async function runAll(baseUrl: string, scenario: Scenario, serverLabel: string): Promise<Answer[]> {
	const answers: Answer[] = [];
	for (let i = 0; i < scenario.steps.length; i++)
		answers.push(await sendStep(baseUrl, scenario, i, serverLabel));
	return answers;
}

function loadSimulatorModule(): {
	startSimulator: (options?: { port?: number }) => Promise<SimulatorLike>;
} {
	const dir = path.resolve(__dirname, '../simulator');
	try {
		// computed path: the suite does not depend on the simulator's types to compile
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
		return require(path.join(dir, 'index')) as {
			startSimulator: (options?: { port?: number }) => Promise<SimulatorLike>;
		};
	} catch (err) {
		throw new Error(
			`cannot load the simulator (${path.join(dir, 'index.ts')}): ${err instanceof Error ? err.message : String(err)}`,
		);
	}
}

describe('VICIdial conformance', () => {
	if (!probe.ok) {
		if (ALLOW_SKIP) {
			console.warn(`[conformance] skipped: ${unavailableMessage}`);
			for (const scenario of corpus) test.skip(scenario.name, () => undefined);
		} else {
			test('the genuine VICIdial server answers', () => {
				throw new Error(unavailableMessage);
			});
		}
		return;
	}

	let sim: SimulatorLike | undefined;
	let recorded: Map<string, Answer[]> | undefined;

	beforeAll(async () => {
		if (TARGET === 'simulator') {
			sim = await loadSimulatorModule().startSimulator({ port: 0 });
		}
		if (EXPECTED === 'recorded') {
			const file = loadRecorded();
			recorded = new Map(file.scenarios.map((s) => [s.name, s.steps.map((st) => st.answer)]));
		}
	});

	afterAll(async () => {
		await sim?.close();
		writeReport();
	});

	async function expectedAnswers(scenario: Scenario): Promise<Answer[]> {
		if (recorded) {
			const answers = recorded.get(scenario.name);
			if (!answers || answers.length !== scenario.steps.length) {
				throw new Error(
					`${RECORDED_FILE} has no answers for this scenario as it is now: record again with ` +
						'`node scripts/run-ts.js test/conformance/record.ts`',
				);
			}
			return answers;
		}
		await resetReal();
		return runAll(REAL_URL, scenario, 'real server');
	}

	/** One run of a scenario from a fresh reset of both sides. */
	async function runOnce(scenario: Scenario): Promise<StepResult[]> {
		let expected: Answer[];
		let actual: Answer[];
		if (TARGET === 'real') {
			expected = await expectedAnswers(scenario);
			await resetReal();
			actual = await runAll(REAL_URL, scenario, 'real server (second run)');
		} else if (recorded) {
			expected = await expectedAnswers(scenario);
			sim!.reset();
			actual = await runAll(sim!.url, scenario, 'simulator');
		} else {
			// both reset, then the same step to each, one at a time, so both see the same clock
			await resetReal();
			sim!.reset();
			expected = [];
			actual = [];
			for (let i = 0; i < scenario.steps.length; i++) {
				expected.push(await sendStep(REAL_URL, scenario, i, 'real server'));
				actual.push(await sendStep(sim!.url, scenario, i, 'simulator'));
			}
		}
		return scenario.steps.map((step, i) => ({
			step,
			expected: expected[i],
			actual: actual[i],
			same: sameAnswer(expected[i], actual[i]),
		}));
	}

	for (const scenario of corpus) {
		test(scenario.name, async () => {
			scenariosRun++;
			const failures: string[] = [];
			const earlierDiffs: StepResult[][] = [];
			let last: StepResult[] | undefined;
			for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
				if (attempt > 1) await new Promise((r) => setTimeout(r, 2000 * (attempt - 1)));
				try {
					last = await runOnce(scenario);
				} catch (err) {
					last = undefined;
					failures.push(`attempt ${attempt}: ${err instanceof Error ? err.message : String(err)}`);
					continue;
				}
				const differing = last.filter((r) => !r.same).length;
				if (differing === 0) {
					stepsCompared += last.length;
					if (attempt > 1) {
						const note = lateNote(scenario, attempt, failures, earlierDiffs, last);
						notes.push(note);
						process.stderr.write(`[conformance] ${note.split('\n')[0]}\n`);
					}
					return;
				}
				earlierDiffs.push(last);
				failures.push(`attempt ${attempt}: ${differing} of ${last.length} steps differ`);
			}
			let report: string;
			if (last) {
				stepsCompared += last.length;
				stepsDiffering += last.filter((r) => !r.same).length;
				report = scenarioReport(scenario, last, labels);
				if (ATTEMPTS > 1)
					report += `\n\n(${failures.join('; ')}; the report shows the last attempt)`;
			} else {
				report = `Scenario "${scenario.name}" could not be run:\n${failures.join('\n')}`;
			}
			reports.push(report);
			const err = new Error(report);
			err.stack = report; // the report is the whole message; a JS stack adds nothing
			throw err;
		});
	}
});
