/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * One check per example: make the event the example waits for, then judge the example by what it
 * did (the lead on VICIdial, the message at the catcher, the execution in n8n). Each returns a
 * one-line account of what it saw, or throws with what was missing.
 */
import { randomInt } from 'node:crypto';
import { buildCallUrl, callEventEntry } from '../../nodes/VicidialCallEventTrigger/callEvents';
import type { SimulatorProcess as Simulator } from '../lib/simulator';
import type { NotificationCatcher } from './catcher';
import type { ExampleN8n, ImportedExample, ImportedExamples } from './index';
import type { WorkflowNode } from './workflows';
import { setting } from './workflows';
import type { VicidialLogin } from './vicidial';
import { leadById, leadsByPhone, nonAgentCall } from './vicidial';

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
	return (
		run.example.workflow.nodes.find((n) => n.type === type) ??
		fail(`the example has no ${type} node`)
	);
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
export async function executionsOf(
	n8n: ExampleN8n,
	workflowId: string,
): Promise<ExecutionSummary[]> {
	const answer = (await n8n.rest(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=50`,
	)) as {
		data?: { results?: ExecutionSummary[] };
		results?: ExecutionSummary[];
	};
	// n8n wraps its REST answers in {data}; a launcher may have taken the wrapper off.
	return (
		answer.data?.results ??
		answer.results ??
		fail(`n8n's execution list answered ${JSON.stringify(answer).slice(0, 200)}`)
	);
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
	return fail(
		`waited ${run.timeoutMs / 1000} s for ${count} finished execution(s) of the workflow, saw ${seen.length} (${seen.map((e) => e.status).join(', ') || 'none'})`,
	);
}

function allSucceeded(executions: ExecutionSummary[]): void {
	const bad = executions.filter((e) => e.status !== 'success');
	if (bad.length > 0)
		fail(`execution ${bad.map((e) => `${e.id} ended with ${e.status}`).join(', ')}`);
}

/** The URL n8n serves a Form Trigger's form at: the webhook URL with /form/ for /webhook/. */
function formUrl(n8n: ExampleN8n, node: WorkflowNode): string {
	const webhookUrl = n8n.webhookUrl(node.webhookId ?? fail(`"${node.name}" has no webhookId`));
	return webhookUrl.replace(/\/webhook\/(?=[^/]+$)/, '/form/');
}

/**
 * A request to a webhook or form of an example. n8n may answer before it has activated every
 * workflow: a 404 "not registered" is tried again until the check's timeout.
 */
export async function callWebhook(
	run: CheckRun,
	url: string,
	init: () => RequestInit,
): Promise<Response> {
	const deadline = Date.now() + run.timeoutMs;
	for (;;) {
		const answer = await fetch(url, init());
		if (answer.status !== 404 || Date.now() > deadline) return answer;
		await answer.arrayBuffer();
		await sleep(500);
	}
}

async function submitForm(
	run: CheckRun,
	url: string,
	values: Array<string | Blob>,
): Promise<Response> {
	return await callWebhook(run, url, () => {
		const form = new FormData();
		values.forEach((value, index) =>
			typeof value === 'string'
				? form.append(`field-${index}`, value)
				: form.append(`field-${index}`, value, 'leads.csv'),
		);
		return { method: 'POST', body: form };
	});
}

/**
 * Sends what VICIdial sends for a call URL: the URL the node shows (buildCallUrl, the same code)
 * with each --A--name--B-- replaced by the value, URL-encoded as VICIdial's PHP does.
 */
async function callAsVicidial(
	run: CheckRun,
	values: Record<string, string>,
	token = run.imported.secretToken,
): Promise<Response> {
	const trigger = nodeOfType(run, 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger');
	const spec = callEventEntry(String(trigger.parameters.event ?? 'dispo'));
	const chosen = (trigger.parameters.fields as string[] | undefined) ?? [];
	const fields = chosen.length > 0 ? chosen : spec.defaults;
	const webhookUrl = run.n8n.webhookUrl(
		`${trigger.webhookId ?? fail('the call event trigger has no webhookId')}/vicidial`,
	);
	const template = buildCallUrl(webhookUrl, token, fields, spec.value).replace(/^VAR/, '');
	const url = template.replace(/--A--([A-Za-z0-9_]+)--B--/g, (_all, name: string) =>
		encodeURIComponent(values[name] ?? '').replace(/%20/g, '+'),
	);
	return await callWebhook(run, url, () => ({}));
}

const webFormToLead: ExampleCheck = {
	async run(run) {
		const form = nodeOfType(run, 'n8n-nodes-base.formTrigger');
		const phone = freshPhone();
		const typed = `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`;
		// First Name, Last Name, Phone, Email, Message (the form's order); Müller tests the transliteration.
		const answer = await submitForm(run, formUrl(run.n8n, form), [
			'Anna',
			'Müller',
			typed,
			'anna.mueller@example.com',
			'Please call after 5 pm',
		]);
		if (!answer.ok)
			fail(`the form answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		allSucceeded(await waitForExecutions(run, 1));
		const leads = await leadsByPhone(run.vicidial, phone);
		if (leads.length !== 1)
			fail(`VICIdial has ${leads.length} leads with ${phone} after one form submission`);
		const [lead] = leads;
		const expected = {
			first_name: 'Anna',
			last_name: 'Muller',
			email: 'anna.mueller@example.com',
			comments: 'Please call after 5 pm',
			list_id: '101',
		};
		const wrong = Object.entries(expected).filter(([key, value]) => lead[key] !== value);
		if (wrong.length > 0)
			fail(
				`lead ${lead.lead_id} has ${wrong.map(([key]) => `${key}="${lead[key]}"`).join(', ')}; expected ${wrong.map(([, value]) => `"${value}"`).join(', ')}`,
			);
		// The same number again: refused by the duplicate check, so still one lead.
		const again = await submitForm(run, formUrl(run.n8n, form), ['Anna', 'Müller', phone, '', '']);
		if (!again.ok) fail(`the second submission answered HTTP ${again.status}`);
		await waitForExecutions(run, 2);
		const after = await leadsByPhone(run.vicidial, phone);
		if (after.length !== 1)
			fail(
				`a second submission of ${phone} made ${after.length} leads (the duplicate check should refuse it)`,
			);
		return `form posted as "${typed}" → lead ${lead.lead_id} in list 101 (Anna Muller, email and comments set); a second submission of the number added no lead`;
	},
};

const saleDispositionNotify: ExampleCheck = {
	async run(run) {
		// The seed's sale: lead 13, agent 1001, TESTCAMP, 95 s. Lead fields come from the server.
		const lead =
			(await leadById(run.vicidial, '13')) ??
			fail('VICIdial has no lead 13 (the seed lead with a SALE)');
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
		if (wrongToken.status !== 401)
			fail(`a request with a wrong token got HTTP ${wrongToken.status}, not 401`);
		const sale = await callAsVicidial(run, call);
		if (!sale.ok)
			fail(`the dispo call URL answered HTTP ${sale.status}: ${(await sale.text()).slice(0, 200)}`);
		const message = await run.catcher.waitFor(
			(m) => m.path === `/${run.example.name}` && (m.text ?? '').includes('lead 13'),
			run.timeoutMs,
		);
		if (!message)
			fail(
				`no notification reached ${run.imported.notifyUrl}/${run.example.name} within ${run.timeoutMs / 1000} s`,
			);
		for (const part of ['1001', lead.phone_number, 'TESTCAMP', '95 s'])
			if (!message.text!.includes(part)) fail(`the notification "${message.text}" lacks "${part}"`);
		// Another disposition: the workflow runs and stops at "Is It a Sale?".
		const before = run.catcher.messages.filter((m) => m.path === `/${run.example.name}`).length;
		const other = await callAsVicidial(run, {
			...call,
			lead_id: '14',
			dispo: 'NI',
			user: '1003',
			talk_time: '42',
		});
		if (!other.ok) fail(`the NI call answered HTTP ${other.status}`);
		allSucceeded(await waitForExecutions(run, 2));
		const after = run.catcher.messages.filter((m) => m.path === `/${run.example.name}`).length;
		if (after !== before) fail('an NI disposition was notified too');
		return `wrong token → 401, not run; SALE of lead 13 → "${message.text}"; NI of lead 14 → run, no notification`;
	},
};

const crmContactToLead: ExampleCheck = {
	async run(run) {
		const webhook = nodeOfType(run, 'n8n-nodes-base.webhook');
		const url = run.n8n.webhookUrl(String(webhook.parameters.path));
		const crmId = `CRM${randomInt(100000, 999999)}`;
		const contact = {
			id: crmId,
			firstName: 'Ines',
			lastName: 'Okafor',
			phone: freshPhone(),
			email: 'ines.okafor@example.com',
		};
		const post = async (body: object) => {
			const answer = await callWebhook(run, url, () => ({
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			}));
			const text = await answer.text();
			if (!answer.ok) fail(`the webhook answered HTTP ${answer.status}: ${text.slice(0, 200)}`);
			return JSON.parse(text) as { lead_id?: unknown; action?: unknown };
		};
		const first = await post(contact);
		if (first.action !== 'added' || !first.lead_id)
			fail(
				`the first post answered ${JSON.stringify(first)}, expected action "added" and a lead_id`,
			);
		const second = await post({ ...contact, email: 'ines@okafor.example.com' });
		if (second.action !== 'updated' || String(second.lead_id) !== String(first.lead_id))
			fail(
				`the second post answered ${JSON.stringify(second)}, expected "updated" for lead ${String(first.lead_id)}`,
			);
		const lead =
			(await leadById(run.vicidial, String(first.lead_id))) ??
			fail(`VICIdial has no lead ${String(first.lead_id)}`);
		const expected = {
			vendor_lead_code: crmId,
			phone_number: contact.phone,
			first_name: 'Ines',
			last_name: 'Okafor',
			email: 'ines@okafor.example.com',
		};
		const wrong = Object.entries(expected).filter(([key, value]) => lead[key] !== value);
		if (wrong.length > 0)
			fail(
				`lead ${lead.lead_id} has ${wrong.map(([key, value]) => `${key}="${lead[key]}" (expected "${value}")`).join(', ')}`,
			);
		const holders = await leadsByPhone(run.vicidial, contact.phone);
		if (holders.length !== 1)
			fail(`${holders.length} leads hold ${contact.phone} after a create and an update`);
		return `contact ${crmId} → {"action":"added","lead_id":${String(first.lead_id)}}; changed email → {"action":"updated"} on the same lead; VICIdial has one lead with the new email`;
	},
};

const agentPausedTooLong: ExampleCheck = {
	movesClock: true,
	async run(run) {
		const trigger = nodeOfType(run, 'n8n-nodes-vicidial-suite.vicidialTrigger');
		const limitMinutes = Number(trigger.parameters.pausedMinutes ?? 10);
		const path = `/${run.example.name}`;
		const sim = run.simulator;
		let waitMs: number;
		if (sim) {
			// The pause is timed by VICIdial's clock (the version function): after the activation
			// poll has seen agent 1001 paused, move the simulator's clock past the limit; the next
			// poll (n8n polls at the start of each minute) must fire.
			const deadline = Date.now() + run.timeoutMs;
			const polled = async () =>
				(await sim.requests()).some((r) => r.params.function === 'logged_in_agents');
			while (!(await polled()) && Date.now() < deadline) await sleep(200);
			if (!(await polled()))
				fail('the trigger never asked VICIdial for the logged-in agents (is the workflow active?)');
			const shift = (limitMinutes + 1) * 60_000;
			await sim.shiftClock(shift);
			waitMs = 65_000 + run.timeoutMs;
		} else {
			// A genuine server: wait in real time (import with pauseLimitMinutes: 1 to keep it short).
			waitMs = (limitMinutes + 1) * 60_000 + 30_000 + run.timeoutMs;
		}
		try {
			const message = await run.catcher.waitFor(
				(m) => m.path === path && (m.text ?? '').includes('(1001,'),
				waitMs,
			);
			if (!message)
				fail(`no "paused too long" alert for agent 1001 within ${Math.round(waitMs / 1000)} s`);
			const others = run.catcher.messages.filter(
				(m) => m.path === path && !(m.text ?? '').includes('(1001,'),
			);
			if (others.length > 0)
				fail(`alerts for agents that are not paused: ${others.map((m) => m.text).join(' | ')}`);
			allSucceeded(await waitForExecutions(run, 1));
			return `agent 1001 paused (seed); ${sim ? `clock moved ${limitMinutes + 1} min on` : `${limitMinutes} min waited`} → "${message.text}"; none for 1003 (in a call)`;
		} finally {
			await sim?.shiftClock(0);
		}
	},
};

/** The CSV a user would upload: two new leads and one row VICIdial must refuse. */
const csvRows = (phones: string[]) =>
	[
		'phone,first_name,last_name,email',
		`${phones[0]},Jonas,Weiß,jonas@example.com`,
		`${phones[1]},Aiko,Tanaka,aiko@example.com`,
		'12,Bad,Number,',
	].join('\n') + '\n';

const csvFileToLeads: ExampleCheck = {
	async run(run) {
		const form = nodeOfType(run, 'n8n-nodes-base.formTrigger');
		const phones = [freshPhone(), freshPhone()];
		const answer = await submitForm(run, formUrl(run.n8n, form), [
			new Blob([csvRows(phones)], { type: 'text/csv' }),
		]);
		if (!answer.ok)
			fail(`the form answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		allSucceeded(await waitForExecutions(run, 1));
		const found = await Promise.all(
			phones.map(async (phone) => await leadsByPhone(run.vicidial, phone)),
		);
		const problems = found
			.map((leads, i) => (leads.length === 1 ? '' : `${leads.length} leads with ${phones[i]}`))
			.filter((p) => p);
		if (problems.length > 0) fail(problems.join('; '));
		if (found[0][0].last_name !== 'Weiss' || found[1][0].first_name !== 'Aiko')
			fail(
				`the leads read ${found[0][0].first_name} ${found[0][0].last_name}, ${found[1][0].first_name} ${found[1][0].last_name}`,
			);
		if ((await leadsByPhone(run.vicidial, '12')).length > 0)
			fail('the row with the phone number "12" became a lead');
		return `3-row CSV uploaded → leads ${found[0][0].lead_id} (Jonas Weiss) and ${found[1][0].lead_id} (Aiko Tanaka) in list 101; the row with phone "12" refused, the run still a success`;
	},
};

const dailyDispositionReport: ExampleCheck = {
	async run(run) {
		const result = await run.n8n.execute(run.example.id);
		if (result.error) fail(`the run failed: ${result.error}`);
		const report =
			result.nodes["Today's Dispositions"]?.items ?? fail('no output from "Today\'s Dispositions"');
		const message = await run.catcher.waitFor(
			(m) => m.path === `/${run.example.name}`,
			run.timeoutMs,
		);
		if (!message?.text) fail('no report reached the notification URL');
		// The figures must be VICIdial's own: compare with call_dispo_report asked directly.
		const direct = (
			await nonAgentCall(run.vicidial, 'call_dispo_report', {
				campaigns: 'ALLCAMPAIGNS',
				status_breakdown: '1',
			})
		)
			.trim()
			.split('\n');
		const header = direct[0].split(',');
		const rows = direct.slice(1).map((line) => line.split(','));
		if (rows.length === 0 || header[1] !== 'TOTAL CALLS')
			fail(`VICIdial's own report reads "${direct.join(' / ').slice(0, 200)}"`);
		for (const row of rows) {
			const expected = `${row[0]}: ${row[1]} calls (${header
				.slice(2)
				.map((status, i) => [status, row[i + 2]])
				.filter(([, count]) => count !== '0' && count !== undefined)
				.map(([status, count]) => `${status} ${count}`)
				.join(', ')}`;
			if (!message.text.includes(expected))
				fail(`the report "${message.text}" lacks "${expected}"`);
		}
		return `${report.length} report rows → "${message.text.replace(/\n/g, ' / ')}" (matches VICIdial's call_dispo_report)`;
	},
};

const chatPauseResume: ExampleCheck = {
	async run(run) {
		const webhook = nodeOfType(run, 'n8n-nodes-base.webhook');
		const url = run.n8n.webhookUrl(String(webhook.parameters.path));
		const token = String(
			setting(run.example.workflow, 'chatToken') ?? fail('the Settings node has no chatToken'),
		);
		const say = async (text: string, sentToken = token) => {
			const answer = await callWebhook(run, url, () => ({
				method: 'POST',
				body: new URLSearchParams({
					token: sentToken,
					user_name: 'supervisor',
					command: '/agent',
					text,
				}),
			}));
			const body = await answer.text();
			if (!answer.ok) fail(`"${text}" answered HTTP ${answer.status}: ${body.slice(0, 200)}`);
			return (JSON.parse(body) as { text?: string }).text ?? '';
		};
		const externalPause = async () =>
			(await run.simulator?.find('vicidial_live_agents', { user: '1001' }))?.external_pause ??
			undefined;
		const paused = await say('pause 1001');
		if (!/^Agent 1001: pause sent/.test(paused)) fail(`"pause 1001" got the reply "${paused}"`);
		if (run.simulator && !String(await externalPause()).startsWith('PAUSE!'))
			fail(
				`after "pause 1001" VICIdial's external_pause for 1001 is "${String(await externalPause())}"`,
			);
		const resumed = await say('resume 1001');
		if (!/^Agent 1001: resume sent/.test(resumed)) fail(`"resume 1001" got the reply "${resumed}"`);
		if (run.simulator && !String(await externalPause()).startsWith('RESUME!'))
			fail(
				`after "resume 1001" VICIdial's external_pause for 1001 is "${String(await externalPause())}"`,
			);
		const notLoggedIn = await say('pause 1002');
		if (!/^Agent 1002: .*not logged in/i.test(notLoggedIn))
			fail(`"pause 1002" (not logged in) got the reply "${notLoggedIn}"`);
		const usage = await say('dance 1001');
		if (!/^Usage/.test(usage)) fail(`"dance 1001" got the reply "${usage}"`);
		const refused = await say('pause 1001', 'wrong-token');
		if (!/^Not allowed/.test(refused)) fail(`a wrong token got the reply "${refused}"`);
		return `"pause 1001" → "${paused}"${run.simulator ? ' (external_pause PAUSE! on the server)' : ''}; "resume 1001" → resume sent; "pause 1002" → "${notLoggedIn}"; "dance 1001" → usage; wrong token → not allowed`;
	},
};

export const CHECKS: Record<string, ExampleCheck> = {
	'web-form-to-lead': webFormToLead,
	'crm-contact-to-lead': crmContactToLead,
	'sale-disposition-notify': saleDispositionNotify,
	'agent-paused-too-long-alert': agentPausedTooLong,
	'csv-file-to-leads': csvFileToLeads,
	'daily-disposition-report': dailyDispositionReport,
	'chat-pause-resume-agent': chatPauseResume,
};
