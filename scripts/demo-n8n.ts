/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run demo`: the nodes in a real n8n, as a builder sees them.
 *   - n8n 2.41.1 and Node 24 fetched once into ~/.cache/n8n-e2e (N8N_E2E_CACHE), with progress;
 *   - this checkout built, packed and installed as n8n's community installer does;
 *   - the VICIdial simulator in its own process (or VICIDIAL_URL, VICIDIAL_USER, VICIDIAL_PASSWORD);
 *   - the credential "VICIdial account", the workflows of examples/ imported, the trigger ones active;
 *   - n8n on http://127.0.0.1:5678 (another free port when 5678 is taken) with an owner account;
 *   - live traffic on the simulator: a lead reaching SALE every minute, an agent pausing now and
 *     then, so the triggers fire; the notifications the examples send are printed (a local stand-in
 *     for Slack catches them). Ctrl-C stops everything.
 * `npm run demo -- --check`: the same set-up headless on free ports; every example runs once and is
 * checked (scripts/examples), a table is printed, exit 0 when all pass.
 * Options: --port 5678, --keep (keep n8n's work folder).
 * The VICIdial password is never printed.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCallUrl, callEventEntry } from '../nodes/VicidialCallEventTrigger/callEvents';
import { launchSimulator, type SimulatorProcess as Simulator } from './lib/simulator';
import {
	checkExamples,
	importExamples,
	startNotificationCatcher,
	type ExampleResult,
	type ImportedExamples,
	type VicidialLogin,
} from './examples';
import {
	createN8n,
	ensureN8n,
	packThisBuild,
	portTaken,
	sleep,
	type N8nInstance,
} from './lib/realN8n';

const OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Builder',
	password: 'Demo-password1',
};
/** The simulator's API user; its password is replaced by a random one for the run. */
const SIM_API_USER = '6666';

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const red = paint('31');

let secret = '';
/** Every line goes through here: the VICIdial password is masked wherever it would appear. */
function say(text = ''): void {
	console.log(secret ? text.split(secret).join('***') : text);
}
const progress = (line: string) => say(dim(`  ${line}`));

interface Options {
	check: boolean;
	port?: number;
	keep: boolean;
}

function parseOptions(argv: string[]): Options {
	const o: Options = { check: false, keep: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--check') o.check = true;
		else if (a === '--keep') o.keep = true;
		else if (a === '--port') o.port = Number(argv[++i]);
		else if (a === '--help' || a === '-h') {
			console.log('usage: npm run demo [-- --check] [-- --port 5678] [-- --keep]');
			process.exit(0);
		} else throw new Error(`unknown option ${a} (try --help)`);
	}
	if (o.port !== undefined && !(o.port > 0 && o.port < 65536))
		throw new Error('--port needs a port number');
	return o;
}

/** The genuine server from the environment, or the simulator (its own process) with a password of this run. */
async function vicidialServer(): Promise<{ login: VicidialLogin; simulator?: Simulator }> {
	const { VICIDIAL_URL: url, VICIDIAL_USER: user, VICIDIAL_PASSWORD: password } = process.env;
	if (url || user || password) {
		if (!url || !user || !password)
			throw new Error(
				'set all three of VICIDIAL_URL, VICIDIAL_USER and VICIDIAL_PASSWORD (or none, for the simulator)',
			);
		return { login: { url: url.replace(/\/+$/, ''), user, password } };
	}
	const simulator = await launchSimulator();
	const runPassword = `demo-${randomBytes(9).toString('hex')}`;
	if (!(await simulator.update('vicidial_users', { user: SIM_API_USER }, { pass: runPassword })))
		throw new Error(`the simulator has no user ${SIM_API_USER}`);
	return { login: { url: simulator.url, user: SIM_API_USER, password: runPassword }, simulator };
}

function table(results: ExampleResult[]): string {
	const width = Math.max(...results.map((r) => r.example.length), 7);
	const lines = [
		`${'example'.padEnd(width)}  result  seconds  what it did`,
		`${'-'.repeat(width)}  ------  -------  -----------`,
	];
	for (const r of results)
		lines.push(
			`${r.example.padEnd(width)}  ${r.ok ? green('ok    ') : red('FAIL  ')}  ${String(r.seconds).padStart(7)}  ${r.detail}`,
		);
	return lines.join('\n');
}

/**
 * What a running call center does to the simulator: every minute a lead's call ends with SALE (the
 * call log row and the lead's status as the dialer writes them, then the campaign's Dispo Call URL
 * called as VICIdial calls it); every few minutes agent 1003 pauses, and resumes later.
 */
function startTraffic(sim: Simulator, n8n: N8nInstance, imported: ImportedExamples): () => void {
	const saleExample = imported.examples.find((e) => e.name === 'sale-disposition-notify');
	const trigger = saleExample?.workflow.nodes.find(
		(n) => n.type === 'n8n-nodes-vicidial-suite.vicidialCallEventTrigger',
	);
	let tick = 0;
	let stopped = false;
	const leadIds = ['11', '12', '14', '15'];

	const sale = async () => {
		const lead = await sim.find('vicidial_list', { lead_id: leadIds[tick % leadIds.length] });
		if (!lead) return;
		const { text: now, epoch } = await sim.now();
		const uniqueid = `${epoch}.${tick}`;
		const talk = String(60 + ((tick * 37) % 240));
		await sim.insert('vicidial_log', {
			uniqueid,
			lead_id: Number(lead.lead_id),
			list_id: Number(lead.list_id),
			campaign_id: 'TESTCAMP',
			call_date: now,
			length_in_sec: Number(talk),
			status: 'SALE',
			phone_code: 1,
			phone_number: lead.phone_number,
			user: '1001',
			term_reason: 'AGENT',
		});
		await sim.update(
			'vicidial_list',
			{ lead_id: String(lead.lead_id) },
			{ status: 'SALE', last_local_call_time: now, user: '1001' },
		);
		say(
			`${dim(now)}  simulator: agent 1001 set SALE on lead ${lead.lead_id} (${lead.first_name} ${lead.last_name}, ${lead.phone_number}) after ${talk} s`,
		);
		if (!trigger?.webhookId) return;
		const spec = callEventEntry(String(trigger.parameters.event ?? 'dispo'));
		const chosen = (trigger.parameters.fields as string[] | undefined) ?? [];
		const values: Record<string, string> = {
			...Object.fromEntries(
				Object.entries(lead).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
			),
			dispo: 'SALE',
			talk_time: talk,
			user: '1001',
			campaign: 'TESTCAMP',
			uniqueid,
			call_id: `V${String(tick).padStart(19, '0')}`,
			term_reason: 'AGENT',
			epoch: String(epoch),
		};
		const template = buildCallUrl(
			n8n.webhookUrl(`${trigger.webhookId}/vicidial`),
			imported.secretToken,
			chosen.length > 0 ? chosen : spec.defaults,
			spec.value,
		).replace(/^VAR/, '');
		const url = template.replace(/--A--([A-Za-z0-9_]+)--B--/g, (_all, name: string) =>
			encodeURIComponent(values[name] ?? '').replace(/%20/g, '+'),
		);
		const answer = await fetch(url);
		if (!answer.ok) say(red(`  the Dispo Call URL answered HTTP ${answer.status}`));
	};

	const agent = async () => {
		const row = await sim.find('vicidial_live_agents', { user: '1003' });
		if (!row) return;
		const { text: now } = await sim.now();
		const pause = row.status !== 'PAUSED';
		await sim.update(
			'vicidial_live_agents',
			{ user: '1003' },
			{ status: pause ? 'PAUSED' : 'READY', last_state_change: now, last_update_time: now },
		);
		say(
			`${dim(now)}  simulator: agent 1003 ${pause ? 'paused (the paused-too-long alert fires after a minute)' : 'is ready again'}`,
		);
	};

	const loop = async () => {
		await sleep(5_000);
		while (!stopped) {
			try {
				await sale();
				if (tick % 3 === 0) await agent();
			} catch (e) {
				say(red(`  traffic: ${e instanceof Error ? e.message : String(e)}`));
			}
			tick++;
			for (let waited = 0; waited < 60_000 && !stopped; waited += 500) await sleep(500);
		}
	};
	void loop();
	return () => {
		stopped = true;
	};
}

async function main(): Promise<number> {
	const o = parseOptions(process.argv.slice(2));
	const started = Date.now();
	say(
		bold(
			o.check
				? 'VICIdial nodes in real n8n: checking every example (npm run demo -- --check)'
				: 'VICIdial nodes in real n8n (npm run demo)',
		),
	);
	const install = await ensureN8n(progress);
	say(`n8n ${install.version} on Node ${install.nodeVersion} (cache ${install.cache})`);

	const cleanups: Array<() => Promise<unknown> | unknown> = [];
	const cleanup = async () => {
		for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => undefined);
		cleanups.length = 0;
	};
	let interrupted = false;
	const onSignal = () => {
		if (interrupted) return;
		interrupted = true;
		say('\nstopping n8n, the simulator and the catcher...');
		void cleanup().then(() => process.exit(o.check ? 130 : 0));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	try {
		const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-demo-pack-'));
		cleanups.push(() => fs.rmSync(packDir, { recursive: true, force: true }));
		const tarball = packThisBuild(packDir, progress);

		const { login, simulator } = await vicidialServer();
		secret = login.password;
		if (simulator) cleanups.push(() => simulator.close());
		say(
			simulator
				? `VICIdial simulator on ${simulator.url} (API user ${login.user}, a password of this run)`
				: `VICIdial at ${login.url} (API user ${login.user})`,
		);
		const catcher = await startNotificationCatcher();
		cleanups.push(() => catcher.close());

		let port = o.port;
		if (!o.check && port === undefined) {
			port = 5678;
			if (await portTaken(port)) {
				say(`port 5678 is taken (another n8n?): using a free port instead`);
				port = undefined;
			}
		}
		const n8n = await createN8n({
			install,
			tarball,
			port,
			keep: o.keep,
			progress,
			env: { N8N_ENCRYPTION_KEY: `demo-${randomBytes(12).toString('hex')}` },
		});
		cleanups.push(() => n8n.stop());
		const imported = await importExamples(n8n, {
			notifyUrl: catcher.url,
			vicidial: login,
			// live: the paused-too-long alert after one minute, not ten
			pauseLimitMinutes: o.check ? undefined : 1,
		});
		const published = imported.examples.filter((e) => e.published);
		say(
			`imported ${imported.examples.length} example workflows (${published.length} active: ${published.map((e) => e.name).join(', ')}) and the credential "VICIdial account"`,
		);
		await n8n.start();
		await n8n.setupOwner(OWNER);
		say(`n8n is ready at ${n8n.url} (set up in ${Math.round((Date.now() - started) / 1000)} s)`);

		if (o.check) {
			const results = await checkExamples(n8n, {
				imported,
				catcher,
				vicidial: login,
				simulator,
				log: progress,
			});
			say();
			say(table(results));
			const failed = results.filter((r) => !r.ok);
			const missing = imported.examples.length === 0 ? ['no example was imported'] : [];
			say();
			say(
				failed.length + missing.length === 0
					? green(`all ${results.length} examples passed in n8n ${install.version}`)
					: red(
							`${failed.length} of ${results.length} examples failed${missing.length ? `; ${missing[0]}` : ''}`,
						),
			);
			return failed.length + missing.length === 0 ? 0 : 1;
		}

		say();
		say(bold(`Open ${n8n.url} and sign in as ${OWNER.email} / ${OWNER.password}`));
		say(
			'  Workflows: the examples; the active ones run by themselves. Executions: each run, node by node.',
		);
		say(`  Credentials → "VICIdial account" points at ${login.url}.`);
		for (const e of imported.examples.filter((x) => x.kind === 'webhook')) {
			const node = e.workflow.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger');
			if (node?.webhookId)
				say(
					`  Form of ${e.name}: ${n8n.webhookUrl(node.webhookId).replace(/\/webhook\/(?=[^/]+$)/, '/form/')}`,
				);
		}
		say(
			'Notifications the examples send (to a local stand-in for Slack) appear below. Ctrl-C stops everything.',
		);
		say();
		let shown = 0;
		const printer = setInterval(() => {
			for (; shown < catcher.messages.length; shown++) {
				const m = catcher.messages[shown];
				say(
					`${green('notification')} ${m.path.replace(/^\//, '')}: ${m.text ?? m.body.slice(0, 200)}`,
				);
			}
		}, 500);
		cleanups.push(() => clearInterval(printer));
		if (simulator) cleanups.push(startTraffic(simulator, n8n, imported));
		else
			say(
				dim(
					'(a genuine VICIdial: no simulated traffic; set the campaign\'s Dispo Call URL to the one "VICIdial Call Ended" shows in the editor)',
				),
			);
		await new Promise<never>(() => undefined);
		return 0;
	} finally {
		if (!interrupted) await cleanup();
	}
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		const message = e instanceof Error ? e.message : String(e);
		console.error(red(`demo failed: ${secret ? message.split(secret).join('***') : message}`));
		process.exit(1);
	},
);
