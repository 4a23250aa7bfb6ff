/**
 * Every answer of the agentSession conformance scenarios (the simulator answers byte for byte
 * like the real server there) to a request the VICIdial Agent node's entries could send goes
 * through the parser: typed records, or a classified VicidialError, never "malformed".
 */
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer } from '../../nodes/shared/parse';
import { encodeParam } from '../../nodes/shared/params';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { agentFunctions } from '../../nodes/shared/functions/agent';
import { scenarios } from '../conformance/scenarios/agentSession';
import { startSimulator, type Simulator } from '../simulator';

const LOGIN = new Set(['function', 'user', 'pass', 'source']);

/** The entry that could have sent exactly these parameters, if any. */
function entryFor(params: Record<string, string>): FunctionEntry | undefined {
	return agentFunctions.find((spec) => {
		if (spec.fn !== params.function) return false;
		const allowed = new Set([
			...LOGIN,
			...spec.params.map((p) => p.name),
			...Object.keys(spec.fixed ?? {}),
		]);
		if (!Object.keys(params).every((key) => allowed.has(key))) return false;
		for (const param of spec.params) {
			if (params[param.name] === undefined) {
				if (param.required) return false;
				continue;
			}
			try {
				const encoded = encodeParam(param, params[param.name]);
				const wrapped = param.wrap ? `${param.wrap[0]}${encoded}${param.wrap[1]}` : encoded;
				if (wrapped !== params[param.name] && encoded !== params[param.name]) return false;
			} catch {
				return false;
			}
		}
		return Object.entries(spec.fixed ?? {}).every(([key, value]) => params[key] === value);
	});
}

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());

test.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
	sim.reset();
	let checked = 0;
	for (const step of scenario.steps) {
		const response = await fetch(`${sim.url}/agc/api.php`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(step.params).toString(),
		});
		const body = await response.text();
		const spec = entryFor(step.params);
		if (!spec) continue;
		checked++;
		try {
			const parsed = parseAnswer(body, spec, { sent: step.params, httpCode: response.status });
			expect(parsed.records.length).toBeGreaterThan(0);
		} catch (error) {
			expect(error).toBeInstanceOf(VicidialError);
			// webserver fails with HTTP 500 under php -S; everything else is an answer we can read
			expect({ fn: spec.fn, kind: (error as VicidialError).kind, body }).not.toMatchObject({
				kind: 'malformed',
			});
			if ((error as VicidialError).kind === 'http') expect(spec.fn).toBe('webserver');
		}
	}
	expect(checked).toBeGreaterThan(0);
});
