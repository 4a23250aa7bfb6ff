/**
 * The workflows of examples/*.json in a real n8n: importExamples loads them as a user would (with
 * only what a run without internet must change: the notification URL, a secret token), and
 * checkExamples runs each once and judges it by what it did: on VICIdial (read back through the
 * API, not through n8n), at the notification catcher, and in n8n's execution list.
 *
 *   const catcher = await startNotificationCatcher();
 *   const imported = await importExamples(n8n, { notifyUrl: catcher.url, vicidial });
 *   await n8n.start();                       // activates the published (trigger) examples
 *   const results = await checkExamples(n8n, { imported, catcher, vicidial, simulator });
 */
import { randomBytes } from 'node:crypto';
import type { SimulatorProcess as Simulator } from '../lib/simulator';
import type { NotificationCatcher } from './catcher';
import { CHECKS } from './checks';
import type { VicidialLogin } from './vicidial';
import type { WorkflowJson } from './workflows';
import { EXAMPLE_CREDENTIAL, kindOf, readExamples, setSetting, setting } from './workflows';

export { startNotificationCatcher } from './catcher';
export type { CaughtMessage, NotificationCatcher } from './catcher';
export type { VicidialLogin } from './vicidial';
export {
	EXAMPLES_DIR,
	EXAMPLE_CREDENTIAL,
	kindOf,
	readExamples,
	setting,
	settingsNode,
} from './workflows';
export type { WorkflowJson, WorkflowNode } from './workflows';

/** What the examples need of a real n8n (scripts/lib/realN8n.ts gives more). */
export interface ExampleN8n {
	importWorkflows(workflows: object[]): unknown;
	importCredentials(credentials: object[]): unknown;
	/** Marks a workflow active for the next `start()` (n8n publish:workflow). */
	publish(id: string): unknown;
	/** `n8n execute --id`: the output items of each node by name. */
	execute(id: string): Promise<ExecutedRun>;
	/** n8n's REST API as the owner (path from /rest/...); answers the parsed JSON, with or without n8n's {data} wrapper. */
	rest(method: string, path: string, body?: unknown): Promise<unknown>;
	/** The production URL of a webhook path (http://host:port/webhook/<path>). */
	webhookUrl(path: string): string;
}

export interface ExecutedRun {
	nodes: Record<string, { items: Array<Record<string, unknown>>; error?: string }>;
	error?: string;
}

export interface ImportOptions {
	/** Every example's Settings → notifyUrl becomes this URL plus /<example name>. */
	notifyUrl: string;
	/** When given, the credential "VICIdial account" is imported with this login. */
	vicidial?: VicidialLogin;
	/** Secret Token for the call event trigger (default: random, as a user must set one). */
	secretToken?: string;
	/** The paused-too-long example's Pause Limit (default: the example's 10 minutes). */
	pauseLimitMinutes?: number;
	/** Only these examples (file names without .json). */
	only?: string[];
}

export interface ImportedExample {
	/** File name without .json, e.g. "web-form-to-lead". */
	name: string;
	file: string;
	id: string;
	/** How it starts: by hand (execute), by an HTTP request (webhook, form) or by VICIdial (trigger). */
	kind: 'manual' | 'webhook' | 'trigger';
	/** Published, so `start()` activates it. */
	published: boolean;
	/** The workflow as imported (after the changes above). */
	workflow: WorkflowJson;
}

export interface ImportedExamples {
	examples: ImportedExample[];
	notifyUrl: string;
	secretToken: string;
	pauseLimitMinutes?: number;
}

export interface CheckContext {
	imported: ImportedExamples;
	catcher: NotificationCatcher;
	/** The server the credential points at: checks read the results back from it. */
	vicidial: VicidialLogin;
	/**
	 * The simulator (scripts/lib/simulator.ts) the credential points at. Without it the server is taken to be a
	 * genuine VICIdial: the paused-too-long check then waits in real time (set pauseLimitMinutes: 1
	 * at import), and checks that need the simulator's state say so in their detail.
	 */
	simulator?: Simulator;
	only?: string[];
	/** How long one check waits for an execution or a notification (default 30 s). */
	timeoutMs?: number;
	log?: (line: string) => void;
}

export interface ExampleResult {
	example: string;
	ok: boolean;
	detail: string;
	seconds: number;
}

/** Imports every example (and the credential when given a login) and publishes the ones that start by themselves. */
export async function importExamples(
	n8n: ExampleN8n,
	options: ImportOptions,
): Promise<ImportedExamples> {
	const secretToken = options.secretToken ?? randomBytes(24).toString('hex');
	if (options.vicidial) {
		await n8n.importCredentials([
			{
				...EXAMPLE_CREDENTIAL,
				type: 'vicidialApi',
				data: {
					serverUrl: options.vicidial.url,
					apiUser: options.vicidial.user,
					password: options.vicidial.password,
					source: 'n8n',
				},
			},
		]);
	}
	const examples: ImportedExample[] = [];
	for (const { name, file, workflow } of readExamples(options.only)) {
		if (setting(workflow, 'notifyUrl') !== undefined)
			setSetting(workflow, 'notifyUrl', `${options.notifyUrl.replace(/\/+$/, '')}/${name}`);
		for (const node of workflow.nodes) {
			// The examples ship without a token: a token printed in a public file protects nothing.
			if (node.type === 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger')
				node.parameters.token = secretToken;
			if (
				node.type === 'n8n-nodes-vicidial-suite.vicidialTrigger' &&
				node.parameters.event === 'agentState' &&
				options.pauseLimitMinutes !== undefined
			) {
				node.parameters.pausedMinutes = options.pauseLimitMinutes;
			}
		}
		const kind = kindOf(workflow);
		examples.push({ name, file, id: workflow.id, kind, published: kind !== 'manual', workflow });
	}
	await n8n.importWorkflows(examples.map((e) => e.workflow));
	for (const example of examples) if (example.published) await n8n.publish(example.id);
	return {
		examples,
		notifyUrl: options.notifyUrl,
		secretToken,
		pauseLimitMinutes: options.pauseLimitMinutes,
	};
}

/** Runs each imported example once and checks what it did. Never throws for a failing example. */
export async function checkExamples(
	n8n: ExampleN8n,
	context: CheckContext,
): Promise<ExampleResult[]> {
	const results: ExampleResult[] = [];
	const selected = context.imported.examples.filter(
		(e) => !context.only || context.only.includes(e.name),
	);
	// Checks that move the simulator's clock go last, so they cannot disturb the others.
	const ordered = [...selected].sort(
		(a, b) =>
			Number(CHECKS[a.name]?.movesClock ?? false) - Number(CHECKS[b.name]?.movesClock ?? false),
	);
	for (const example of ordered) {
		const started = Date.now();
		const check = CHECKS[example.name];
		let ok = false;
		let detail: string;
		if (!check) {
			detail = 'no check is written for this example';
		} else {
			try {
				detail = await check.run({
					n8n,
					example,
					...context,
					timeoutMs: context.timeoutMs ?? 30_000,
				});
				ok = true;
			} catch (error) {
				detail = error instanceof Error ? error.message : String(error);
			}
		}
		const result = {
			example: example.name,
			ok,
			detail,
			seconds: Math.round((Date.now() - started) / 100) / 10,
		};
		context.log?.(`${ok ? 'ok  ' : 'FAIL'} ${example.name} (${result.seconds} s): ${detail}`);
		results.push(result);
	}
	return results;
}
