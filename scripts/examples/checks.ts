/**
 * One check per example: make the event the example waits for, then judge the example by what it
 * did (the lead on VICIdial, the message at the catcher, the execution in n8n). Each returns a
 * one-line account of what it saw, or throws with what was missing.
 */
import { randomInt } from 'node:crypto';
import { buildCallUrl, eventSpec } from '../../nodes/VicidialCallEventTrigger/callEvents';
import type { Simulator } from '../../test/simulator';
import type { NotificationCatcher } from './catcher';
import type { ExampleN8n, ImportedExample, ImportedExamples, WorkflowNode } from './index';
import type { VicidialLogin } from './vicidial';
import { leadById, leadsByPhone } from './vicidial';

export interface CheckRun {
	n8n: ExampleN8n;
	example: ImportedExample;
	imported: ImportedExamples;
	catcher: NotificationCatcher;
	vicidial: VicidialLogin;
	simulator?: Simulator;
	timeoutMs: number;
	log?: (line: string) => void;
}

export interface ExampleCheck {
	/** Moves the simulator's clock: run after the others. */
	movesClock?: boolean;
	run(run: CheckRun): Promise<string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message: string): never {
	throw new Error(message);
}

function nodeOfType(run: CheckRun, type: string): WorkflowNode {
	return run.example.workflow.nodes.find((n) => n.type === type) ?? fail(`the example has no ${type} node`);
}

/** A phone number no seed lead has (the seed uses 31255501xx; 3125550198/99 are on DNC lists). */
export function freshPhone(): string {
	return `31255${randomInt(60000, 99999)}`;
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode?: string;
}

/** n8n's executions of one workflow, newest first (REST, as the editor's execution list). */
export async function executionsOf(n8n: ExampleN8n, workflowId: string): Promise<ExecutionSummary[]> {
	const answer = (await n8n.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=50`)) as {
		data?: { results?: ExecutionSummary[] };
	};
	return answer.data?.results ?? [];
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Waits until the workflow has `count` finished executions; returns them (newest first). */
export async function waitForExecutions(run: CheckRun, count: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + run.timeoutMs;
	let seen: ExecutionSummary[] = [];
	while (Date.now() < deadline) {
		seen = (await executionsOf(run.n8n, run.example.id)).filter((e) => FINISHED.has(e.status));
		if (seen.length >= count) return seen;
		await sleep(300);
	}
	return fail(`waited ${run.timeoutMs / 1000} s for ${count} finished execution(s) of the workflow, saw ${seen.length} (${seen.map((e) => e.status).join(', ') || 'none'})`);
}

function allSucceeded(executions: ExecutionSummary[]): void {
	const bad = executions.filter((e) => e.status !== 'success');
	if (bad.length > 0) fail(`execution ${bad.map((e) => `${e.id} ended with ${e.status}`).join(', ')}`);
}

/** The URL n8n serves a Form Trigger's form at: the webhook URL with /form/ for /webhook/. */
function formUrl(n8n: ExampleN8n, node: WorkflowNode): string {
	const webhookUrl = n8n.webhookUrl(node.webhookId ?? fail(`"${node.name}" has no webhookId`));
	return webhookUrl.replace(/\/webhook\/(?=[^/]+$)/, '/form/');
}

async function submitForm(url: string, values: string[]): Promise<Response> {
	const form = new FormData();
	values.forEach((value, index) => form.append(`field-${index}`, value));
	return await fetch(url, { method: 'POST', body: form });
}

/**
 * Sends what VICIdial sends for a call URL: the URL the node shows (buildCallUrl, the same code)
 * with each --A--name--B-- replaced by the value, URL-encoded as VICIdial's PHP does.
 */
async function callAsVicidial(run: CheckRun, values: Record<string, string>, token = run.imported.secretToken): Promise<Response> {
	const trigger = nodeOfType(run, 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger');
	const spec = eventSpec(String(trigger.parameters.event ?? 'dispo'));
	const chosen = (trigger.parameters.fields as string[] | undefined) ?? [];
	const fields = chosen.length > 0 ? chosen : spec.defaults;
	const webhookUrl = run.n8n.webhookUrl(`${trigger.webhookId ?? fail('the call event trigger has no webhookId')}/vicidial`);
	const template = buildCallUrl(webhookUrl, token, fields, spec.value).replace(/^VAR/, '');
	const url = template.replace(/--A--([A-Za-z0-9_]+)--B--/g, (_all, name: string) => encodeURIComponent(values[name] ?? '').replace(/%20/g, '+'));
	return await fetch(url);
}

const webFormToLead: ExampleCheck = {
	async run(run) {
		const form = nodeOfType(run, 'n8n-nodes-base.formTrigger');
		const phone = freshPhone();
		const typed = `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;
		// First Name, Last Name, Phone, Email, Message (the form's order); Müller tests the transliteration.
		const answer = await submitForm(formUrl(run.n8n, form), ['Anna', 'Müller', typed, 'anna.mueller@example.com', 'Please call after 5 pm']);
		if (!answer.ok) fail(`the form answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		allSucceeded(await waitForExecutions(run, 1));
		const leads = await leadsByPhone(run.vicidial, phone);
		if (leads.length !== 1) fail(`VICIdial has ${leads.length} leads with ${phone} after one form submission`);
		const [lead] = leads;
		const expected = { first_name: 'Anna', last_name: 'Muller', email: 'anna.mueller@example.com', comments: 'Please call after 5 pm', list_id: '101' };
		const wrong = Object.entries(expected).filter(([key, value]) => lead[key] !== value);
		if (wrong.length > 0) fail(`lead ${lead.lead_id} has ${wrong.map(([key]) => `${key}="${lead[key]}"`).join(', ')}; expected ${wrong.map(([, value]) => `"${value}"`).join(', ')}`);
		// The same number again: refused by the duplicate check, so still one lead.
		const again = await submitForm(formUrl(run.n8n, form), ['Anna', 'Müller', phone, '', '']);
		if (!again.ok) fail(`the second submission answered HTTP ${again.status}`);
		await waitForExecutions(run, 2);
		const after = await leadsByPhone(run.vicidial, phone);
		if (after.length !== 1) fail(`a second submission of ${phone} made ${after.length} leads (the duplicate check should refuse it)`);
		return `form posted as "${typed}" → lead ${lead.lead_id} in list 101 (Anna Muller, email and comments set); a second submission of the number added no lead`;
	},
};

const saleDispositionNotify: ExampleCheck = {
	async run(run) {
		// The seed's sale: lead 13, agent 1001, TESTCAMP, 95 s. Lead fields come from the server.
		const lead = (await leadById(run.vicidial, '13')) ?? fail('VICIdial has no lead 13 (the seed lead with a SALE)');
		const call = {
			lead_id: '13',
			dispo: 'SALE',
			talk_time: '95',
			phone_number: lead.phone_number,
			user: '1001',
			campaign: 'TESTCAMP',
			list_id: lead.list_id,
			vendor_lead_code: lead.vendor_lead_code,
			uniqueid: '1735722013.1',
			call_id: 'V0101090300000000013',
			recording_id: '1',
			term_reason: 'AGENT',
			epoch: String(Math.floor(Date.now() / 1000)),
		};
		const wrongToken = await callAsVicidial(run, call, 'x'.repeat(32));
		if (wrongToken.status !== 401) fail(`a request with a wrong token got HTTP ${wrongToken.status}, not 401`);
		const sale = await callAsVicidial(run, call);
		if (!sale.ok) fail(`the dispo call URL answered HTTP ${sale.status}: ${(await sale.text()).slice(0, 200)}`);
		const message = await run.catcher.waitFor((m) => m.path === `/${run.example.name}` && (m.text ?? '').includes('lead 13'), run.timeoutMs);
		if (!message) fail(`no notification reached ${run.imported.notifyUrl}/${run.example.name} within ${run.timeoutMs / 1000} s`);
		for (const part of ['1001', lead.phone_number, 'TESTCAMP', '95 s']) if (!message.text!.includes(part)) fail(`the notification "${message.text}" lacks "${part}"`);
		// Another disposition: the workflow runs and stops at "Is It a Sale?".
		const before = run.catcher.messages.filter((m) => m.path === `/${run.example.name}`).length;
		const other = await callAsVicidial(run, { ...call, lead_id: '14', dispo: 'NI', user: '1003', talk_time: '42' });
		if (!other.ok) fail(`the NI call answered HTTP ${other.status}`);
		allSucceeded(await waitForExecutions(run, 2));
		const after = run.catcher.messages.filter((m) => m.path === `/${run.example.name}`).length;
		if (after !== before) fail('an NI disposition was notified too');
		return `wrong token → 401, not run; SALE of lead 13 → "${message.text}"; NI of lead 14 → run, no notification`;
	},
};

export const CHECKS: Record<string, ExampleCheck> = {
	'web-form-to-lead': webFormToLead,
	'sale-disposition-notify': saleDispositionNotify,
};
