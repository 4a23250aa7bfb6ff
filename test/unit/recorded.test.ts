/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Every answer the real VICIdial server gave in the conformance corpus (recorded in
 * test/conformance/recorded) to a request our entries could send (the VICIdial node's for the
 * Non-Agent API, the VICIdial Agent node's for the Agent API), through the parser: a
 * success becomes typed records, an ERROR a classified VicidialError, never anything else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer } from '../../nodes/shared/parse';
import { encodeParam } from '../../nodes/shared/params';
import type { FunctionEntry } from '../../nodes/shared/entry';
import type { StatusReader } from '../../nodes/shared/answer';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { agentFunctions } from '../../nodes/shared/functions/agent';

interface RecordedStep {
	request: { endpoint: string; target: string; body: string | null; note?: string };
	answer: { status: number; body: string };
}
const recorded = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../conformance/recorded/real-answers.json'), 'utf8'),
) as {
	scenarios: Array<{ name: string; steps: RecordedStep[] }>;
};

const LOGIN = new Set(['function', 'user', 'pass', 'source']);

/** What the server read: a parameter from the query string if there, else from the POST body. */
function serverParams(request: RecordedStep['request']): Record<string, string> {
	const query = Object.fromEntries(new URL(request.target, 'http://recorded').searchParams);
	const body = request.body ? Object.fromEntries(new URLSearchParams(request.body)) : {};
	return { ...body, ...query };
}

/** The entry (of the node for that endpoint) that could have sent exactly these parameters (names and values it accepts), if any. */
function entryFor(endpoint: string, params: Record<string, string>): FunctionEntry | undefined {
	const api = endpoint === 'agent' ? 'agent' : 'nonAgent';
	return (api === 'agent' ? agentFunctions : nonAgentFunctions).find((spec) => {
		if (spec.api !== api || spec.fn !== params.function) return false;
		const allowed = new Set([
			...LOGIN,
			...spec.params.map((p) => p.name),
			...Object.keys(spec.fixed ?? {}),
		]);
		if (!Object.keys(params).every((key) => allowed.has(key))) return false;
		for (const param of spec.params) {
			if (params[param.name] === undefined) {
				// the Agent node always sends its required parameters
				if (api === 'agent' && param.required) return false;
				continue;
			}
			try {
				const encoded = encodeParam(param, params[param.name]);
				const wrapped = param.wrap ? `${param.wrap[0]}${encoded}${param.wrap[1]}` : encoded;
				if (encoded !== params[param.name] && wrapped !== params[param.name]) return false;
			} catch {
				return false;
			}
		}
		return Object.entries(spec.fixed ?? {}).every(
			([key, value]) =>
				(params[key] ?? (key === 'search_method' ? 'PHONE_NUMBER' : undefined)) === value,
		);
	});
}

const cases = recorded.scenarios.flatMap((scenario) =>
	scenario.steps
		.filter(
			(step) => ['nonAgent', 'agent'].includes(step.request.endpoint) && step.answer.status !== 418,
		)
		.map((step) => ({
			scenario: scenario.name,
			step,
			sent: serverParams(step.request),
			spec: entryFor(step.request.endpoint, serverParams(step.request)),
		}))
		.filter(
			(
				c,
			): c is {
				scenario: string;
				step: RecordedStep;
				sent: Record<string, string>;
				spec: FunctionEntry;
			} => c.spec !== undefined,
		),
);

test('the recording holds enough answers to mean something', () => {
	expect(cases.length).toBeGreaterThan(100);
	for (const fn of ['version', 'add_lead', 'lead_search', 'list_info'])
		expect(cases.some((c) => c.spec.fn === fn)).toBe(true);
	expect(cases.filter((c) => c.spec.api === 'agent').length).toBeGreaterThan(50);
});

/** The recording masks clock values; put plausible ones back so typed fields can be checked. */
const unmask = (text: string) =>
	text
		.replace(/<DATETIME:[^>]*>/g, '2026-11-23 12:00:00')
		.replace(/<DATE:[^>]*>/g, '2026-11-23')
		.replace(/<EPOCH:[^>]*>/g, '1795437925');

const onlyNotices = (body: string) =>
	body.split('\n').every((line) => line === '' || line.startsWith('NOTICE: '));

test.each(cases.map((c) => [`${c.scenario}: ${c.spec.fn} ${JSON.stringify(c.sent)}`, c] as const))(
	'%s',
	(_name, { step, spec, sent }) => {
		const status = step.answer.status;
		const body = unmask(step.answer.body);
		const statusReader = spec.answer.shape === 'status' ? (spec.answer as StatusReader) : undefined;
		let parsed: ReturnType<typeof parseAnswer> | undefined;
		let failure: unknown;
		try {
			parsed = parseAnswer(body, spec, { sent, httpCode: status });
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) {
			expect(failure).toBeInstanceOf(VicidialError);
			const error = failure as VicidialError;
			// An entry may say that a NOTICE with no SUCCESS after it is a refusal (update_phone's delete);
			// and a status answer of NOTICE lines only is VICIdial saying it did nothing ("NO UPDATES
			// DEFINED"), unless the entry says such notices are the result.
			const noticeRefusal =
				statusReader !== undefined &&
				/^NOTICE: /m.test(body) &&
				(statusReader.noticeOnlyFails === true ||
					(statusReader.noticesSuffice !== true && onlyNotices(body)));
			if (status !== 200) expect(error.kind).toBe('http');
			else if (/^ERROR: /m.test(body) || noticeRefusal) expect(error.kind).not.toBe('malformed');
			else throw new Error(`a 200 answer without ERROR was refused: ${error.message}`);
			return;
		}
		expect(status).toBe(200);
		// An entry may say that an ERROR after a NOTICE that did something is a success (update_user's ranks alone).
		const suffice = statusReader?.noticeResult;
		if (/^ERROR: /m.test(body))
			expect(
				suffice !== undefined && parsed!.notices.some((n) => suffice.notice.test(n.message)),
			).toBe(true);
		// A list may be empty: a NOTICE that nothing was found instead of rows, or a picker page without rows.
		const emptyList =
			('delimiter' in spec.answer && onlyNotices(body) && /No Records Found/i.test(body)) ||
			(spec.answer.shape === 'htmlTable' && !/<tr bgcolor/i.test(body));
		if (emptyList) {
			expect(parsed!.records).toEqual([]);
			return;
		}
		expect(parsed!.records.length).toBeGreaterThan(0);
		for (const record of parsed!.records) {
			if (spec.fn === 'add_lead') expect(typeof record.lead_id).toBe('number');
			if (spec.fn === 'lead_search') expect(typeof record.records_found).toBe('number');
			if (spec.fn === 'list_info') expect(typeof record.list_id).toBe('number');
			if (spec.fn === 'version') expect(record.version).toMatch(/^2\.14/);
		}
	},
);
