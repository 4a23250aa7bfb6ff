/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run test:queue`: the package in real n8n 2.41.1 in queue mode (Redis, PostgreSQL, one main
 * process, two workers, one webhook processor) against the genuine VICIdial server
 * (VICIDIAL_REAL_URL; when unset a private instance is started with test/support/real-instance.sh).
 * Checks what queue mode could break: a write split over executions on both workers, the cross-process
 * Upsert, the poll trigger across a restart of the main process, the Call Event Trigger through the
 * webhook processor and its registration, one failed login per execution. Exits 1 on any violation.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { createN8n, ensureN8n, freePort, packThisBuild, sleep } from '../../scripts/lib/realN8n';
import type { N8nInstance, StartedN8n } from '../../scripts/lib/realN8n';
import {
	BULK_ADD,
	CALL_EVENT,
	CALL_EVENT_TOKEN,
	GOOD_CREDENTIAL,
	POLL,
	UPSERT,
	WRONG_CREDENTIAL,
	WRONG_PASSWORD,
	ALL,
} from './workflows';

const ROOT = path.resolve(__dirname, '..', '..');
const REAL_DIR = path.resolve(
	process.env.VICIDIAL_REAL_DIR ?? path.join(ROOT, '..', 'shared', 'vicidial-real'),
);
const INSTANCE = process.env.VICIDIAL_QUEUE_INSTANCE ?? '1';
const ENCRYPTION_KEY = 'queue-mode-test-key-same-on-every-process';
const WORKER_CONCURRENCY = 5;
const LOCKOUT_USER = '6699';

type Row = Record<string, unknown>;
const violations: string[] = [];
const figures: Array<[string, string, string]> = [];
const t0 = Date.now();
const log = (line: string) =>
	process.stderr.write(`[queue ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

function check(what: string, ok: boolean, detail: string): void {
	figures.push([what, detail, ok ? 'ok' : 'FAIL']);
	if (!ok) violations.push(`${what}: ${detail}`);
	log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${detail}`);
}

// ---------------------------------------------------------------- the genuine server

let realUrl = process.env.VICIDIAL_REAL_URL;
let startedInstance = false;
function startRealServer(): void {
	if (realUrl) return;
	const out = execFileSync('bash', [path.join(ROOT, 'test/support/real-instance.sh'), INSTANCE], {
		encoding: 'utf8',
		env: { ...process.env, VICIDIAL_REAL_DIR: REAL_DIR },
	});
	for (const [, key, value] of out.matchAll(/(\w+)=(\S+)/g)) process.env[key] = value;
	realUrl = process.env.VICIDIAL_REAL_URL;
	startedInstance = true;
}
const sql = (query: string): string =>
	execFileSync(
		'mariadb',
		[
			`--defaults-file=${path.join(process.env.VICIDIAL_STATE ?? '/tmp/vicidial-real', 'my.cnf')}`,
			'-uroot',
			'-N',
			'asterisk',
			'-e',
			query,
		],
		{ encoding: 'utf8' },
	);
const resetServer = () =>
	execFileSync('bash', [path.join(REAL_DIR, 'reset.sh')], { stdio: 'ignore' });

/** Lead ids per phone among phones starting with `prefix`. */
function leadsWithPrefix(prefix: string): Map<string, number[]> {
	const found = new Map<string, number[]>();
	for (const line of sql(
		`SELECT phone_number, lead_id FROM vicidial_list WHERE phone_number LIKE '${prefix}%'`,
	).split('\n')) {
		if (!line.trim()) continue;
		const [phone, id] = line.split('\t');
		found.set(phone, [...(found.get(phone) ?? []), Number(id)]);
	}
	return found;
}
function failedLogins(user: string): { today: number; count: number } {
	const [count, today] = sql(
		`SELECT failed_login_count, failed_login_attempts_today FROM vicidial_users WHERE user='${user}'`,
	)
		.trim()
		.split('\t');
	return { today: Number(today), count: Number(count) };
}

// ---------------------------------------------------------------- n8n's database: executions

let pg: { host: string; port: string; db: string; user: string };
const psql = (query: string): string =>
	execFileSync(
		'psql',
		['-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', pg.db, '-At', '-F', '\t', '-c', query],
		{ encoding: 'utf8', env: { ...process.env, PGPASSWORD: 'n8n' } },
	);

const versionIdOf = (workflowId: string) =>
	psql(`SELECT "versionId" FROM workflow_entity WHERE id='${workflowId}'`).trim();

// n8n stores execution data with `flatted`; read it with n8n's own copy.
let flattedParse: (text: string) => unknown;

interface ExecutionRow {
	id: string;
	status: string;
	finished: boolean;
}
function executionsOf(workflowId: string): ExecutionRow[] {
	return psql(
		`SELECT id, status, finished FROM execution_entity WHERE "workflowId"='${workflowId}' ORDER BY id`,
	)
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => {
			const [id, status, finished] = l.split('\t');
			return { id, status, finished: finished === 't' };
		});
}
/** Per node name: the items of its first run, and its error. */
function executionData(id: string): { nodes: Record<string, Row[]>; errors: string[] } {
	const text = psql(`SELECT data FROM execution_data WHERE "executionId"=${Number(id)}`);
	const data = flattedParse(text.replace(/\n$/, '')) as {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Row }>> }; error?: { message: string } }>
			>;
			error?: { message: string };
		};
	};
	const nodes: Record<string, Row[]> = {};
	const errors: string[] = [];
	for (const [name, runs] of Object.entries(data.resultData.runData)) {
		nodes[name] = (runs[0]?.data?.main?.[0] ?? []).map((i) => i.json);
		if (runs[0]?.error) errors.push(runs[0].error.message);
	}
	if (data.resultData.error && errors.length === 0) errors.push(data.resultData.error.message);
	return { nodes, errors };
}
const DONE = new Set(['success', 'error', 'crashed', 'canceled']);
async function waitExecutions(
	workflowId: string,
	count: number,
	timeoutMs: number,
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = executionsOf(workflowId);
		if (rows.length >= count && rows.every((r) => DONE.has(r.status))) return rows;
		if (Date.now() > deadline) return rows;
		await sleep(500);
	}
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
	for (const deadline = Date.now() + timeoutMs; !condition() && Date.now() < deadline; )
		await sleep(500);
}

// ---------------------------------------------------------------- which worker ran what

let workers: StartedN8n[] = [];
/** Execution ids each worker's log says it started ("Worker started execution N"). */
function workerSplit(ids: string[]): number[] {
	const wanted = new Set(ids);
	return workers.map((w) => {
		const seen = new Set<string>();
		for (const m of w.log().matchAll(/Worker started execution (\d+)/g))
			if (wanted.has(m[1])) seen.add(m[1]);
		return seen.size;
	});
}

// ---------------------------------------------------------------- the poll trigger's events

/** A call to the DID the poll trigger watches, as the dialer logs it. */
const didCall = (uniqueid: string, caller: string) =>
	sql(
		`INSERT INTO vicidial_did_log (uniqueid,channel,server_ip,caller_id_number,caller_id_name,extension,call_date,did_id,did_route) VALUES ('${uniqueid}','SIP/carrier-1','127.0.0.1','${caller}','QUEUE CALLER','3125550100',NOW(),2,'IN_GROUP');`,
	);
/** The callers of every DID call the poll trigger's executions carried. */
const pollCallers = (): string[] =>
	executionsOf(POLL.id)
		.filter((r) => r.status === 'success')
		.flatMap((r) =>
			(executionData(r.id).nodes['VICIdial Trigger'] ?? []).map((j) => String(j.caller_id_number)),
		);

// ---------------------------------------------------------------- the run

const phones = (prefix: string, count: number) =>
	Array.from(
		{ length: count },
		(_, i) => `${prefix}${String(i).padStart(10 - prefix.length, '0')}`,
	);

async function post(url: string, body: unknown): Promise<number> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await res.text();
	return res.status;
}

async function main(): Promise<void> {
	startRealServer();
	log(`genuine VICIdial at ${realUrl}`);
	resetServer();

	const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-services-'));
	const services = path.join(ROOT, 'test/queue/services.sh');
	let n8n: N8nInstance | undefined;
	let failed = true;
	try {
		const envLine = execFileSync('bash', [services, 'start', stateDir], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const servicesEnv = Object.fromEntries(
			[...envLine.matchAll(/(\w+)=(\S+)/g)].map(([, k, v]) => [k, v]),
		);
		pg = {
			host: servicesEnv.DB_POSTGRESDB_HOST,
			port: servicesEnv.DB_POSTGRESDB_PORT,
			db: servicesEnv.DB_POSTGRESDB_DATABASE,
			user: servicesEnv.DB_POSTGRESDB_USER,
		};
		log(`Redis on ${servicesEnv.QUEUE_BULL_REDIS_PORT}, PostgreSQL on ${pg.port}`);

		const install = await ensureN8n(log);
		flattedParse = (
			createRequire(path.join(install.cache, 'n8n', 'node_modules', 'n8n', 'package.json'))(
				'flatted',
			) as { parse: (t: string) => unknown }
		).parse;
		const tarball = packThisBuild(path.join(stateDir, 'pack'), log);
		const webhookPort = await freePort();
		const webhookBase = `http://127.0.0.1:${webhookPort}`;
		n8n = await createN8n({
			install,
			tarball,
			progress: log,
			keep: true,
			parentDir: stateDir,
			env: {
				...servicesEnv,
				EXECUTIONS_MODE: 'queue',
				N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
				// the URL VICIdial (and anyone) calls: the webhook processor, not the main process
				WEBHOOK_URL: `${webhookBase}/`,
				EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
				EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
				// (de)activations go through n8n's publication outbox, polled every 15 s by default
				N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
			},
		});
		const credentialData = (password: string, user: string) => ({
			serverUrl: realUrl,
			apiUser: user,
			password,
			source: 'n8nqueue',
			nonAgentPath: '/vicidial/non_agent_api.php',
			agentPath: '/agc/api.php',
			ignoreSslIssues: false,
		});
		n8n.importCredentials([
			{
				id: GOOD_CREDENTIAL,
				name: 'VICIdial queue',
				type: 'vicidialApi',
				data: credentialData('1234', '6666'),
			},
			{
				id: WRONG_CREDENTIAL,
				name: 'VICIdial queue wrong password',
				type: 'vicidialApi',
				data: credentialData('Wr0ngQueue#7', LOCKOUT_USER),
			},
		]);
		n8n.importWorkflows(ALL as never);

		// main: enqueues, runs the triggers; production webhooks only on the webhook processor
		const mainEnv = { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' };
		let mainProcess = await n8n.start(['start'], { env: mainEnv });
		await n8n.setupOwner({
			email: 'queue@example.com',
			firstName: 'Queue',
			lastName: 'Test',
			password: 'QueueTest1234',
		});
		const [worker1, worker2, webhook] = await Promise.all([
			n8n.start(['worker', `--concurrency=${WORKER_CONCURRENCY}`]),
			n8n.start(['worker', `--concurrency=${WORKER_CONCURRENCY}`]),
			n8n.start(['webhook'], { port: webhookPort }),
		]);
		workers = [worker1, worker2];
		log(
			`main ${mainProcess.url}, workers pid ${workers.map((w) => w.pid).join(' and ')}, webhook processor ${webhook.url}`,
		);
		const hookUrl = (p: string) => `${webhookBase}/webhook/${p}`;
		// activated as the editor does (n8n applies it through its publication outbox, a moment later)
		for (const wf of ALL)
			await n8n.rest('POST', `/rest/workflows/${wf.id}/activate`, {
				versionId: versionIdOf(wf.id),
			});
		// the webhook processor serves a webhook once main has activated its workflow: probes without items
		const probes = new Map<string, Set<string>>();
		for (const wf of [BULK_ADD, UPSERT, WRONG_PASSWORD]) {
			const webhookPath = String((wf.nodes[0].parameters as Row).path);
			for (const deadline = Date.now() + 90_000; ; ) {
				const status = await post(hookUrl(webhookPath), { leads: [] }).catch(() => 0);
				if (status === 200) break;
				if (Date.now() > deadline)
					throw new Error(
						`the webhook processor does not serve ${webhookPath} (last answer ${status})`,
					);
				await sleep(500);
			}
			await waitExecutions(wf.id, 1, 30_000);
			probes.set(wf.id, new Set(executionsOf(wf.id).map((e) => e.id)));
		}
		const notProbe = (workflowId: string) => (r: ExecutionRow) =>
			!probes.get(workflowId)?.has(r.id);

		// the poll trigger's first event: it fires at the next full minute, while the bulk add runs
		didCall('1800000101.1', '3125550181');
		const firstCallAt = Date.now();

		// 1. bulk Lead → Add: 2,000 items over 40 executions
		{
			const list = phones('31270', 2000);
			const per = 50;
			const started = Date.now();
			const statuses = await Promise.all(
				Array.from({ length: list.length / per }, (_, i) =>
					post(hookUrl('queue-bulk-add'), {
						leads: list.slice(i * per, (i + 1) * per).map((phone) => ({ phone })),
					}),
				),
			);
			const rows = (
				await waitExecutions(
					BULK_ADD.id,
					(probes.get(BULK_ADD.id)?.size ?? 0) + list.length / per,
					600_000,
				)
			).filter(notProbe(BULK_ADD.id));
			const seconds = (Date.now() - started) / 1000;
			const split = workerSplit(rows.map((r) => r.id));
			const items = rows.map((r) => executionData(r.id).nodes.VICIdial ?? []);
			const added = items
				.flat()
				.filter((j) => j.outcome === 'applied' || j.lead_id !== undefined).length;
			const leads = leadsWithPrefix('31270');
			const once = list.filter((p) => leads.get(p)?.length === 1).length;
			const twice = [...leads.values()].filter((ids) => ids.length > 1).length;
			check(
				'bulk add: webhook calls accepted',
				statuses.every((s) => s === 200),
				`${statuses.filter((s) => s === 200).length}/${statuses.length} answered 200`,
			);
			check(
				'bulk add: executions',
				rows.length === list.length / per && rows.every((r) => r.status === 'success'),
				`${rows.length} executions, ${rows.filter((r) => r.status === 'success').length} success, ${seconds.toFixed(1)} s`,
			);
			check(
				'bulk add: split over both workers',
				split.every((n) => n > 0) && split.reduce((a, b) => a + b, 0) === rows.length,
				`worker 1 ran ${split[0]}, worker 2 ran ${split[1]}`,
			);
			check('bulk add: items reported added', added === list.length, `${added}/${list.length}`);
			check(
				'bulk add: every lead on the server exactly once',
				once === list.length && twice === 0,
				`${once}/${list.length} once, ${list.length - leads.size} missing, ${twice} duplicated`,
			);
		}

		// 2. the same phones upserted from executions on both workers at once
		{
			const list = phones('31271', 25);
			const runs = 16;
			const statuses = await Promise.all(
				Array.from({ length: runs }, (_, r) =>
					post(hookUrl('queue-upsert'), {
						leads: list.map((phone) => ({ phone, name: `Run${r}` })),
					}),
				),
			);
			const rows = (
				await waitExecutions(UPSERT.id, (probes.get(UPSERT.id)?.size ?? 0) + runs, 600_000)
			).filter(notProbe(UPSERT.id));
			const split = workerSplit(rows.map((r) => r.id));
			const leads = leadsWithPrefix('31271');
			const duplicates = [...leads.values()].reduce((s, ids) => s + ids.length - 1, 0);
			const outcomes = rows.flatMap((r) => executionData(r.id).nodes.VICIdial ?? []);
			const actions = new Map<string, number>();
			for (const j of outcomes)
				actions.set(
					String(j.action ?? j.outcome ?? j.error),
					(actions.get(String(j.action ?? j.outcome ?? j.error)) ?? 0) + 1,
				);
			check(
				'upsert: executions',
				statuses.every((s) => s === 200) &&
					rows.length === runs &&
					rows.every((r) => r.status === 'success'),
				`${rows.length} executions x ${list.length} items, ${rows.filter((r) => r.status === 'success').length} success (${[...actions].map(([a, n]) => `${a} ${n}`).join(', ')})`,
			);
			check(
				'upsert: both workers at once',
				split.every((n) => n > 0),
				`worker 1 ran ${split[0]}, worker 2 ran ${split[1]}`,
			);
			const merged = outcomes.filter((j) => j.merged_from !== undefined).length;
			check(
				'upsert: 0 duplicates',
				leads.size === list.length && duplicates === 0,
				`${leads.size}/${list.length} phones hold a lead, ${duplicates} duplicates (${merged} same-moment adds from the other worker merged)`,
			);
		}

		// 3a. the poll trigger (every minute; the first DID call went in before the bulk add)
		{
			await waitFor(() => pollCallers().includes('3125550181'), 90_000);
			const first = pollCallers();
			check(
				'poll trigger: one new event, one execution',
				first.length === 1 && first[0] === '3125550181' && executionsOf(POLL.id).length === 1,
				`${executionsOf(POLL.id).length} execution, callers ${JSON.stringify(first)} after ${((Date.now() - firstCallAt) / 1000).toFixed(0)} s`,
			);
			log('restarting the main process (a DID call comes in while it is down)');
			await mainProcess.stop();
			didCall('1800000102.1', '3125550182');
			mainProcess = await n8n.start(['start'], { env: mainEnv, port: mainProcess.port });
		}

		// 4. the Call Event Trigger through the webhook processor; its registration
		{
			const entries = () =>
				sql(
					`SELECT url_id, active, url_description, url_address FROM vicidial_url_multi WHERE campaign_id='TESTCAMP' AND url_type='dispo' AND url_description LIKE 'n8n %'`,
				)
					.split('\n')
					.filter((l) => l.trim())
					.map((l) => {
						const [id, active, description, address] = l.split('\t');
						return { id, active, description, address };
					});
			await waitFor(() => entries().some((e) => e.active === 'Y'), 60_000);
			const afterActivation = entries();
			check(
				'call events: one entry after activation and a main restart',
				afterActivation.length === 1 &&
					afterActivation[0].active === 'Y' &&
					afterActivation[0].address.startsWith(`VAR${webhookBase}/webhook/`),
				`${afterActivation.length} entry, active ${afterActivation.map((e) => e.active).join('')}, ${afterActivation[0]?.address.slice(0, 60) ?? ''}...`,
			);
			const address = afterActivation[0]?.address ?? '';
			// as VICIdial's PHP does: VAR dropped, each --A--name--B-- replaced by the urlencoded value
			const phpEncode = (v: string) =>
				encodeURIComponent(v)
					.replace(/%20/g, '+')
					.replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
			const events = Array.from({ length: 12 }, (_, i) => ({
				lead_id: String(11 + (i % 5)),
				dispo: i % 2 ? 'SALE' : 'NI',
				phone_number: `31255501${String(10 + i)}`,
				user: '1001',
				campaign: 'TESTCAMP',
				list_id: '101',
				uniqueid: `17000001${i}.1`,
				talk_time: String(30 + i),
				call_notes: `note ${i} & more`,
			}));
			const urlFor = (values: Record<string, string>) =>
				address
					.replace(/^VAR/, '')
					.replace(/--A--(\w+)--B--/g, (_, name: string) => phpEncode(values[name] ?? ''));
			const before = executionsOf(CALL_EVENT.id).length;
			const answers = await Promise.all(events.map(async (e) => (await fetch(urlFor(e))).status));
			const bad = await fetch(
				urlFor(events[0]).replace(CALL_EVENT_TOKEN, 'WrongToken0123456789xx'),
			);
			const rows = await waitExecutions(CALL_EVENT.id, before + events.length, 60_000);
			await sleep(3000);
			const got = executionsOf(CALL_EVENT.id)
				.slice(before)
				.flatMap((r) => executionData(r.id).nodes['VICIdial Call Event Trigger'] ?? []);
			const perEvent = events.map(
				(e) => got.filter((j) => String(j.uniqueid) === e.uniqueid).length,
			);
			const notesOk = events.every((e) =>
				got.some(
					(j) =>
						String(j.uniqueid) === e.uniqueid &&
						j.call_notes === e.call_notes &&
						String(j.lead_id) === e.lead_id,
				),
			);
			const split = workerSplit(rows.slice(before).map((r) => r.id));
			check(
				'call events: each request runs once',
				answers.every((s) => s === 200) &&
					perEvent.every((n) => n === 1) &&
					got.length === events.length &&
					notesOk,
				`${events.length} requests (200: ${answers.filter((s) => s === 200).length}), runs per event ${JSON.stringify([...new Set(perEvent)])}, ${got.length} items, values intact ${notesOk}; workers ${split.join('/')}`,
			);
			check(
				'call events: a wrong token starts nothing',
				bad.status === 401 && executionsOf(CALL_EVENT.id).length === before + events.length,
				`answer ${bad.status}`,
			);

			const cycle: string[] = [];
			let oneEntry = true;
			for (const step of ['deactivate', 'activate', 'deactivate', 'activate', 'deactivate']) {
				const wantActive = step === 'activate' ? 'Y' : 'N';
				await n8n.rest(
					'POST',
					`/rest/workflows/${CALL_EVENT.id}/${step}`,
					step === 'activate' ? { versionId: versionIdOf(CALL_EVENT.id) } : {},
				);
				await waitFor(() => entries().some((e) => e.active === wantActive), 60_000);
				await sleep(2000); // a second entry would show up now
				const now = entries();
				cycle.push(`${step}: ${now.length} entry ${now.map((e) => e.active).join('')}`);
				if (
					now.length !== 1 ||
					now[0].active !== wantActive ||
					now[0].id !== afterActivation[0]?.id
				)
					oneEntry = false;
			}
			check('call events: activate/deactivate leaves one entry', oneEntry, cycle.join('; '));
		}

		// 5. a wrong password in a queue-mode bulk run: at most one failed login per execution
		{
			const runs = 6;
			const before = failedLogins(LOCKOUT_USER);
			const list = phones('31272', 100);
			const statuses = await Promise.all(
				Array.from({ length: runs }, () =>
					post(hookUrl('queue-wrong-password'), { leads: list.map((phone) => ({ phone })) }),
				),
			);
			const rows = (
				await waitExecutions(
					WRONG_PASSWORD.id,
					(probes.get(WRONG_PASSWORD.id)?.size ?? 0) + runs,
					300_000,
				)
			).filter(notProbe(WRONG_PASSWORD.id));
			const after = failedLogins(LOCKOUT_USER);
			const spent = after.today - before.today;
			const errors = rows.map((r) => executionData(r.id).errors[0] ?? '');
			const split = workerSplit(rows.map((r) => r.id));
			check(
				'wrong password: executions fail with the login error',
				statuses.every((s) => s === 200) &&
					rows.length === runs &&
					rows.every((r) => r.status === 'error') &&
					errors.every((e) => /user|password|login/i.test(e)),
				`${rows.length} executions x ${list.length} items, ${rows.filter((r) => r.status === 'error').length} error; workers ${split.join('/')}; "${errors[0]?.slice(0, 80)}"`,
			);
			check(
				'wrong password: at most one failed login per execution',
				spent >= 1 && spent <= runs && after.count <= runs,
				`${spent} failed logins for ${runs} executions (failed_login_count ${after.count}); leads added ${leadsWithPrefix('31272').size}`,
			);
			check(
				'wrong password: nothing added',
				leadsWithPrefix('31272').size === 0,
				`${leadsWithPrefix('31272').size} leads`,
			);
		}
		// 3b. the poll trigger after the restart: the call made while main was down, then a new one, each once
		{
			await waitFor(() => pollCallers().includes('3125550182'), 90_000);
			didCall('1800000103.1', '3125550183');
			await waitFor(() => pollCallers().includes('3125550183'), 90_000);
			// one more poll (on the minute) may not bring anything again
			await sleep(70_000 - (Date.now() % 60_000));
			const all = pollCallers();
			const counts = ['3125550181', '3125550182', '3125550183'].map(
				(c) => all.filter((x) => x === c).length,
			);
			check(
				'poll trigger: after a main restart, each event once',
				counts.every((n) => n === 1) && all.length === 3,
				`per event ${JSON.stringify(counts)} (before, during, after the restart), ${all.length} items in ${executionsOf(POLL.id).length} executions; workers ${workerSplit(executionsOf(POLL.id).map((r) => r.id)).join('/')}`,
			);
		}
		failed = false;
	} finally {
		if (n8n) await n8n.stop();
		execFileSync('bash', [services, 'stop', stateDir], { stdio: 'ignore' });
		if (violations.length > 0 || failed || process.env.QUEUE_KEEP)
			log(`logs kept in ${stateDir} (n8n: ${n8n?.work ?? 'not started'})`);
		else fs.rmSync(stateDir, { recursive: true, force: true });
		// the seed again for whoever uses the server next (user 6699 keeps failed logins otherwise)
		if (realUrl) resetServer();
		if (startedInstance)
			execFileSync('bash', [path.join(ROOT, 'test/support/real-instance.sh'), INSTANCE, 'stop'], {
				stdio: 'ignore',
				env: { ...process.env, VICIDIAL_REAL_DIR: REAL_DIR },
			});
	}
}

function summary(): void {
	const width = Math.max(...figures.map(([w]) => w.length));
	process.stdout.write(
		`\nqueue mode: n8n 2.41.1, 1 main, 2 workers (concurrency ${WORKER_CONCURRENCY}), 1 webhook processor, Redis, PostgreSQL; genuine VICIdial at ${realUrl}\n`,
	);
	for (const [what, detail, verdict] of figures)
		process.stdout.write(`${verdict.padEnd(4)}  ${what.padEnd(width)}  ${detail}\n`);
	process.stdout.write(
		`${violations.length === 0 ? 'all checks passed' : `${violations.length} violation(s)`} in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
	);
}

main().then(
	() => {
		summary();
		process.exit(violations.length === 0 ? 0 : 1);
	},
	(error: unknown) => {
		violations.push('the run stopped on an error');
		summary();
		process.stderr.write(
			`test:queue failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
		);
		process.exit(1);
	},
);
