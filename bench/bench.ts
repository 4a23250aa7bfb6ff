/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run bench`: the VICIdial node in REAL n8n against a raw client and n8n's HTTP Request node,
 * side by side in one run, interleaved rounds, best of N, against the genuine VICIdial server and
 * the simulator; the parser against a naive one; peak memory of a 100,000-row answer; optionally a
 * CPU profile. Writes bench/results.md. `npm run bench -- --help` lists the options;
 * `npm run bench:ci` is the short gate (ratios only, never absolute times).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';
import { runNode, runVicidial } from '../scripts/lib/n8nHarness';
import { VicidialAgent } from '../nodes/VicidialAgent/VicidialAgent.node';
import {
	fmt,
	itemValues,
	log,
	mib,
	parseOptions,
	ROOT,
	shTry,
	type BenchOptions,
	type OpName,
	type TargetName,
} from './lib/common';
import { PHONE_LOG_TEMPLATE, startStub, type Stub } from './lib/memory';
import { setupN8n, type Execution, type N8n } from './lib/n8n';
import {
	API_PASS,
	API_SOURCE,
	API_USER,
	captureForm,
	formBody,
	OPS,
	type FormTemplate,
} from './lib/ops';
import { runParserBench, type ParserBenchResult } from './parser';
import {
	epochMinusMonotonicUs,
	profileMarkdown,
	PROFILE_PARTS,
	summariseProfile,
	type ProfilePart,
	type ProfileSummary,
} from './lib/profile';
import { runRaw } from './lib/raw';
import { ownCpuMs } from './lib/cpu';
import { realTarget, simTarget, type Target } from './lib/targets';
import {
	httpWorkflow,
	memoryHttpWorkflow,
	memoryNodeWorkflow,
	nodeWorkflow,
	UNDER_TEST,
	workflowId,
	type WorkflowJson,
} from './lib/workflows';

interface Measure {
	rate: number;
	ok: number;
	n: number;
	seconds: number;
	/** CPU ms per item of the server's processes during the variant. */
	serverCpu: number;
	/** CPU ms per item of the client, where the bench can see it (the raw client, in this process). */
	clientCpu?: number;
	note?: string;
}

type Variant = `raw@${number}` | `node@${number}` | 'http' | 'harness@4';

const results = new Map<string, Measure[]>();
const key = (target: TargetName, op: OpName, variant: Variant) => `${target}|${op}|${variant}`;
const credentialId = (target: TargetName | 'stub') =>
	({ real: 'bnCredReal000000', sim: 'bnCredSim0000000', stub: 'bnCredStub000000' })[target];
const wfId = (target: TargetName, op: OpName, variant: string) =>
	workflowId(`${target}${op}${variant}X`);

function credential(target: TargetName | 'stub', url: string): IDataObject {
	return {
		id: credentialId(target),
		name: credentialId(target),
		type: 'vicidialApi',
		data: {
			serverUrl: url,
			apiUser: API_USER,
			password: API_PASS,
			source: API_SOURCE,
			nonAgentPath: '/vicidial/non_agent_api.php',
			agentPath: '/agc/api.php',
			ignoreSslIssues: false,
		},
	};
}

/** Every round of every variant of one target and operation (of one kind of variant: `raw@`). */
function measuresOf(target: TargetName, op: OpName, variantPrefix = ''): Measure[] {
	const prefix = `${target}|${op}|${variantPrefix}`;
	return [...results].filter(([k]) => k.startsWith(prefix)).flatMap(([, ms]) => ms);
}

function best(k: string): Measure | undefined {
	const list = results.get(k);
	if (!list?.length) return undefined;
	return list.reduce((a, b) => (b.rate > a.rate ? b : a));
}

async function measure(
	o: BenchOptions,
	n8n: N8n,
	target: Target,
	op: OpName,
	variant: Variant,
	template: FormTemplate,
): Promise<Measure> {
	const def = OPS[op];
	if (target.name === 'real' || op === 'add') await target.reset();
	await warmUp(target);
	const before = op === 'add' ? await target.countLeads() : 0;
	const values = itemValues(op, o.n);
	let seconds: number;
	let okItems: number;
	let note: string | undefined;
	let clientCpu: number | undefined;
	const serverCpuBefore = target.cpuMs();
	if (variant.startsWith('raw@')) {
		const concurrency = Number(variant.slice(4));
		const bodies = values.map((v) => formBody(template, v));
		const cpuBefore = process.cpuUsage();
		const raw = await runRaw(target.url + template.path, bodies, concurrency, def.okAnswer);
		clientCpu = ownCpuMs(cpuBefore) / o.n;
		seconds = raw.seconds;
		okItems = raw.ok;
		if (raw.failed) note = `${raw.failed} failed: ${raw.firstFailure}`;
	} else if (variant === 'harness@4') {
		const options = {
			url: target.url,
			user: API_USER,
			password: API_PASS,
			source: API_SOURCE,
			parameters: def.nodeParameters(4),
			items: values.map((v) => ({ v })),
		};
		const start = performance.now();
		const result =
			op === 'agent'
				? await runNode(new VicidialAgent(), 'bench harness', options)
				: await runVicidial(options);
		seconds = (performance.now() - start) / 1000;
		okItems = result.items.filter((i) => def.okItem(i.json)).length;
		if (result.error) note = result.error.message;
	} else {
		const id =
			variant === 'http'
				? wfId(target.name, op, 'http')
				: wfId(target.name, op, `N${variant.slice(5)}`);
		const execution: Execution = await n8n.execute(id);
		const run = execution.nodes[UNDER_TEST];
		if (!run) {
			seconds = NaN;
			okItems = 0;
			note = execution.error ?? 'no run data';
		} else {
			seconds = run.executionTime / 1000;
			okItems = run.items.filter((item) =>
				variant === 'http'
					? typeof item.data === 'string' && def.okAnswer(item.data)
					: def.okItem(item),
			).length;
			if (run.error || execution.error) note = run.error ?? execution.error;
		}
	}
	const serverCpu = (target.cpuMs() - serverCpuBefore) / o.n;
	let ok = okItems;
	if (op === 'add') {
		ok = (await target.countLeads()) - before;
		if (ok !== okItems)
			note = `${note ? `${note}; ` : ''}${okItems} ok answers, ${ok} leads in the database`;
	}
	if (ok < o.n) note = `${note ? `${note}; ` : ''}only ${ok} of ${o.n}`;
	const m: Measure = { rate: ok / seconds, ok, n: o.n, seconds, serverCpu, clientCpu, note };
	const k = key(target.name, op, variant);
	results.set(k, [...(results.get(k) ?? []), m]);
	log(
		`${target.name} ${def.fn} ${variant}: ${ok}/${o.n} in ${fmt(seconds, 2)} s = ${fmt(m.rate)} /s${note ? ` (${note})` : ''}`,
	);
	return m;
}

/** A few untimed reads right after a reset, so the first timed variant does not pay for a cold server. */
async function warmUp(target: Target): Promise<void> {
	const body = new URLSearchParams({
		function: 'lead_all_info',
		user: API_USER,
		pass: API_PASS,
		source: API_SOURCE,
		lead_id: '11',
	}).toString();
	for (let i = 0; i < 4; i++) {
		const response = await fetch(`${target.url}/vicidial/non_agent_api.php`, {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		await response.text();
	}
}

function machine(): string[] {
	const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?';
	const mem = Number(/MemTotal:\s+(\d+)/.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
	return [
		`nproc ${os.cpus().length}`,
		cpu,
		`${(mem / 1024 / 1024).toFixed(1)} GiB RAM`,
		`load average at start ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	];
}

function ratio(a: Measure | undefined, b: Measure | undefined): number {
	return a && b ? a.rate / b.rate : NaN;
}

function cell(m: Measure | undefined): string {
	if (!m) return '-';
	return `${fmt(m.rate)}${m.ok < m.n ? ` (${m.ok}/${m.n} ok)` : ''}`;
}

function allRounds(k: string): string {
	return (results.get(k) ?? []).map((m) => fmt(m.rate)).join(', ');
}

interface Check {
	what: string;
	value: number;
	min: number;
}

async function main(): Promise<void> {
	const o = parseOptions(process.argv.slice(2));
	const started = new Date();
	const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
	log(
		`${command}: n=${o.n} rounds=${o.rounds} concurrency=${o.concurrencies.join(',')} ops=${o.ops.join(',')} targets=${o.targets.join(',')}`,
	);
	const machineLines = machine();
	const commit = shTry('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
	const dirty = shTry('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'])
		? ' (with uncommitted changes)'
		: '';
	const pkgVersion = (
		JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
	).version;

	// the bodies the node sends, so the raw client and the HTTP Request node send the same ones
	const templates = {} as Record<OpName, FormTemplate>;
	for (const op of o.ops) templates[op] = await captureForm(OPS[op]);

	const targets: Target[] = [];
	for (const name of o.targets) {
		if (name === 'real') {
			const real = realTarget();
			if (real) targets.push(real);
			else log('VICIDIAL_REAL_URL is not set: skipping the genuine server');
		} else targets.push(await simTarget());
	}
	if (!targets.length) throw new Error('no target');
	let stub: Stub | null = null;
	const n8n = await setupN8n({ keep: o.keep });
	const profiles: Array<{ label: string; summary: ProfileSummary }> = [];
	let parserResults: ParserBenchResult[] = [];
	let parserSource = '';
	const memory: Array<{ label: string; execution: Execution; items: number }> = [];
	try {
		const credentials = targets.map((t) => credential(t.name, t.url));
		if (o.memoryRows > 0) {
			stub = await startStub(o.memoryRows);
			credentials.push(credential('stub', stub.url));
		}
		n8n.importCredentials(credentials);
		const workflows: WorkflowJson[] = [];
		for (const t of targets) {
			for (const op of o.ops) {
				const concurrencies = [
					...new Set([
						...o.concurrencies,
						...(o.profile && op === o.profileOp ? [o.profileConcurrency] : []),
					]),
				];
				for (const c of concurrencies)
					workflows.push(
						nodeWorkflow(wfId(t.name, op, `N${c}`), OPS[op], o.n, c, credentialId(t.name)),
					);
				workflows.push(httpWorkflow(wfId(t.name, op, 'http'), OPS[op], o.n, t.url, templates[op]));
			}
		}
		if (stub) {
			workflows.push(memoryNodeWorkflow(workflowId('memoryNodeX'), credentialId('stub')));
			workflows.push(
				memoryHttpWorkflow(
					workflowId('memoryHttpX'),
					stub.url + PHONE_LOG_TEMPLATE.path,
					PHONE_LOG_TEMPLATE,
				),
			);
		}
		n8n.importWorkflows(workflows);
		log(`imported ${workflows.length} workflows into n8n ${n8n.version} (${n8n.userFolder})`);

		parserSource = 'bench/parser.ts';
		const parserBest = new Map<string, ParserBenchResult>();
		for (let round = 1; round <= o.rounds; round++) {
			log(`round ${round} of ${o.rounds}`);
			for (const target of targets) {
				for (const op of o.ops) {
					const variants: Variant[] = [];
					for (const c of o.concurrencies) variants.push(`raw@${c}`, `node@${c}`);
					variants.push('http');
					if (o.harness && target.name === 'sim' && op === 'add') variants.push('harness@4');
					for (const v of variants) await measure(o, n8n, target, op, v, templates[op]);
				}
			}
			if (o.parserRows > 0) {
				for (const r of await runParserBench({ rows: o.parserRows, rounds: 3 })) {
					const prev = parserBest.get(r.shape);
					// best of the rounds for each parser separately
					const merged = prev
						? {
								...r,
								parserMBps: Math.max(prev.parserMBps, r.parserMBps),
								naiveMBps: Math.max(prev.naiveMBps, r.naiveMBps),
							}
						: r;
					merged.ratio = merged.parserMBps / merged.naiveMBps;
					parserBest.set(r.shape, merged);
				}
				log(
					`parser (${parserSource}): ${[...parserBest.values()].map((r) => `${r.shape} ${fmt(r.parserMBps)} MB/s (${fmt(r.ratio, 2)}x naive)`).join('; ')}`,
				);
			}
		}
		parserResults = [...parserBest.values()];

		if (stub) {
			for (const [label, id] of [
				['VICIdial node (Report → Get Phone Number Log)', workflowId('memoryNodeX')],
				['HTTP Request (defaults) + Code node splitting rows', workflowId('memoryHttpX')],
			] as const) {
				const execution = await n8n.execute(id);
				const items = execution.nodes[UNDER_TEST]?.items.length ?? 0;
				memory.push({ label, execution, items });
				log(
					`memory ${label}: ${items} items, n8n peak RSS ${mib(execution.hwmMainKb * 1024)}, its child processes ${mib(execution.hwmChildrenKb * 1024)}${execution.error ? ` (${execution.error})` : ''}`,
				);
			}
		}

		if (o.profile) {
			// the node at concurrency 1, then the HTTP Request node doing the same work, each under --cpu-prof
			const target = targets[0];
			for (const [label, variant] of [
				[`VICIdial node, Parallel Requests ${o.profileConcurrency}`, `N${o.profileConcurrency}`],
				['HTTP Request node, defaults', 'http'],
			]) {
				await target.reset();
				await warmUp(target);
				const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-bench-profile-'));
				const execution = await n8n.execute(wfId(target.name, o.profileOp, variant), {
					cpuProfileDir: dir,
				});
				const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
				const run = execution.nodes[UNDER_TEST];
				if (!file || !run || execution.error) {
					log(`profile of ${label} failed: ${execution.error ?? 'no .cpuprofile written'}`);
					continue;
				}
				const window = {
					startEpochMs: run.startTime,
					durationMs: run.executionTime,
					epochMinusMonotonicUs: epochMinusMonotonicUs(),
				};
				const summary = summariseProfile(path.join(dir, file), o.n, window);
				profiles.push({ label, summary });
				log(
					`profile of ${label}: ${path.join(dir, file)}; ${fmt(summary.windowCpuMs / o.n, 3)} ms CPU per item`,
				);
			}
		}
	} finally {
		for (const t of targets) await t.close();
		await stub?.close();
		await n8n.cleanup();
	}

	// ---- report ---------------------------------------------------------------------------
	const checks: Check[] = [];
	const md: string[] = [];
	md.push('# Benchmark results', '');
	md.push(
		`Run ${started.toISOString()} → ${new Date().toISOString()}, command: \`${command}\``,
		'',
	);
	md.push(
		`- Machine: ${machineLines.join('; ')}; load average at end ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	);
	md.push(
		`- Versions: bench and raw client on Node ${process.version} (undici ${undiciVersion()}); n8n ${n8n.version} on Node ${n8n.nodeVersion}; n8n-nodes-vicidial-suite ${pkgVersion} at ${commit}${dirty}, built and packed from this checkout, installed under the n8n user folder's .n8n/nodes`,
	);
	md.push(`- Targets: ${targets.map((t) => t.label).join('; ')}`);
	md.push(
		`- ${o.n} items per variant, ${o.rounds} interleaved round(s), best round shown (all rounds in the last column). Before each variant the genuine server is reset (reset.sh) and the simulator restarted for add_lead, then 4 untimed lead_all_info reads warm the server; added leads are counted in the database (genuine) or with list_info (simulator).`,
	);
	md.push('');
	md.push('What each variant is:', '');
	md.push(
		'- **raw**: undici in the bench process POSTing the exact form bodies the node sends (captured from the node), `c` requests in flight; time = first send to last answer.',
	);
	md.push(
		"- **node**: our node in real n8n (`n8n execute --id`, Manual Trigger → Code node making the items → the node with Options → Parallel Requests = c); time = the node's own `executionTime` from the run data n8n prints (`--rawOutput`).",
	);
	md.push(
		"- **HTTP Request**: n8n's HTTP Request node 4.5 at its defaults (no batching: it sends every item at once), POST form-urlencoded with the same fields, user and pass typed into the body; same timing.",
	);
	md.push(
		'- Rates are successes per second: leads actually added (database count) for add_lead, answers with data for lead_all_info, SUCCESS answers for external_pause.',
	);
	md.push('');
	for (const t of targets) {
		for (const op of o.ops) {
			const def = OPS[op];
			md.push(`## ${def.label}, ${t.name === 'real' ? 'genuine VICIdial' : 'simulator'}`, '');
			md.push(
				'| variant | raw client /s | node in n8n /s | node / raw | rounds (raw; node) |',
				'|---|---:|---:|---:|---|',
			);
			for (const c of o.concurrencies) {
				const raw = best(key(t.name, op, `raw@${c}`));
				const node = best(key(t.name, op, `node@${c}`));
				const r = ratio(node, raw);
				md.push(
					`| concurrency ${c} | ${cell(raw)} | ${cell(node)} | ${fmt(r, 2)} | ${allRounds(key(t.name, op, `raw@${c}`))}; ${allRounds(key(t.name, op, `node@${c}`))} |`,
				);
				if (c === 4)
					checks.push({
						what: `${t.name} ${def.fn}: node / raw at concurrency 4`,
						value: r,
						min: o.minNodeVsRaw,
					});
			}
			const http = best(key(t.name, op, 'http'));
			const nodeDefault = best(key(t.name, op, 'node@4'));
			const rHttp = ratio(nodeDefault, http);
			md.push(
				`| HTTP Request node (defaults) | | ${cell(http)} | node (default 4) / HTTP Request = **${fmt(rHttp, 2)}** | ${allRounds(key(t.name, op, 'http'))} |`,
			);
			if (nodeDefault)
				checks.push({
					what: `${t.name} ${def.fn}: node (4) / HTTP Request node`,
					value: rHttp,
					min: o.minNodeVsHttp,
				});
			const harness = best(key(t.name, op, 'harness@4'));
			if (harness)
				md.push(
					`| test harness, in-process WorkflowExecute (the old \`npm run bench\`), 4 | | ${cell(harness)} | vs raw@4: ${fmt(ratio(harness, best(key(t.name, op, 'raw@4'))), 2)} | ${allRounds(key(t.name, op, 'harness@4'))} |`,
				);
			const notes = [...results]
				.filter(([k]) => k.startsWith(`${t.name}|${op}|`))
				.flatMap(([k, ms]) => ms.filter((m) => m.note).map((m) => `${k.split('|')[2]}: ${m.note}`));
			if (notes.length) md.push('', ...notes.map((n) => `- note: ${n}`));
			md.push('');
		}
	}
	if (parserResults.length) {
		md.push(
			`## Parser (${parserSource}), ${o.parserRows} rows per shape, best of 3 per round × ${o.rounds} round(s)`,
			'',
		);
		md.push(
			'| shape | MB | items | parser MB/s | naive MB/s | parser / naive | heap / output items |',
			'|---|---:|---:|---:|---:|---:|---:|',
		);
		for (const r of parserResults)
			md.push(
				`| ${r.shape}: ${r.description} | ${fmt(r.bytes / 1024 / 1024)} | ${r.items} | ${fmt(r.parserMBps)} | ${fmt(r.naiveMBps)} | ${fmt(r.ratio, 2)} | ${fmt(r.heapRatio, 2)} |`,
			);
		md.push('');
	}
	if (memory.length) {
		md.push(
			`## Memory: a ${o.memoryRows}-row phone_number_log answer (${fmt((stub?.bytes ?? 0) / 1024 / 1024)} MB) in real n8n`,
			'',
		);
		md.push(
			"Peak RSS (VmHWM) of the `n8n execute` process, read at its exit and sampled every 100 ms; child processes (n8n's task runner, which runs Code nodes) are listed apart as the sum of their own peaks. Both runs include n8n printing the run data.",
			'',
		);
		md.push(
			'| workflow | items out | n8n process peak | + child processes | node time |',
			'|---|---:|---:|---:|---:|',
		);
		for (const m of memory)
			md.push(
				`| ${m.label} | ${m.items} | ${mib(m.execution.hwmMainKb * 1024)} | ${mib(m.execution.hwmChildrenKb * 1024)} | ${fmt((m.execution.nodes[UNDER_TEST]?.executionTime ?? NaN) / 1000, 2)} s${m.execution.error ? ` (${m.execution.error})` : ''} |`,
			);
		md.push('');
	}
	if (results.size > 0) md.push(...cpuSection(o, targets, profiles));
	for (const { label, summary } of profiles)
		md.push(
			`## CPU profile: ${label}, ${OPS[o.profileOp].fn}, ${targets[0].name}`,
			'',
			profileMarkdown(summary),
			'',
		);
	md.push('## Ratio checks (what `npm run bench:ci` enforces)', '');
	for (const c of checks)
		md.push(
			`- ${c.value >= c.min ? 'PASS' : 'FAIL'} ${c.what} = ${fmt(c.value, 2)} (needs >= ${c.min})`,
		);
	md.push('');
	const text = md.join('\n');
	console.log(`\n${text}`);
	if (o.out) {
		fs.writeFileSync(o.out, text);
		log(`wrote ${path.relative(ROOT, o.out)}`);
	}
	if (o.ci) {
		const failed = checks.filter((c) => !(c.value >= c.min));
		const incomplete = [...results.values()].flat().filter((m) => m.ok < m.n);
		if (!checks.length) throw new Error('bench:ci measured nothing to check');
		if (failed.length || incomplete.length) {
			console.error(
				`bench:ci FAILED: ${failed.map((c) => `${c.what} = ${fmt(c.value, 2)} < ${c.min}`).join('; ')}${incomplete.length ? `; ${incomplete.length} variant(s) incomplete` : ''}`,
			);
			process.exit(1);
		}
		log('bench:ci passed');
	}
}

/** What one item costs in CPU on each side, and the throughput ceiling that follows on this machine. */
function cpuSection(
	o: BenchOptions,
	targets: Target[],
	profiles: Array<{ label: string; summary: ProfileSummary }>,
): string[] {
	const md: string[] = ['## Where the CPU goes, per item', ''];
	md.push(
		"Server: CPU of the server's processes (PHP workers and MariaDB, or the simulator) during each variant, per item, median over the variants. Raw client: this process's CPU during its runs, per item, median. n8n: CPU of the `n8n execute` process while the node under test ran (from the CPU profiles below).",
		'',
	);
	md.push('| target, operation | server ms/item | raw client ms/item |', '|---|---:|---:|');
	const median = (values: number[]) => {
		const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
		return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
	};
	for (const t of targets)
		for (const op of o.ops) {
			const all = measuresOf(t.name, op);
			const server = median(all.map((m) => m.serverCpu));
			const client = median(all.flatMap((m) => (m.clientCpu === undefined ? [] : [m.clientCpu])));
			md.push(`| ${t.name}, ${OPS[op].fn} | ${fmt(server, 3)} | ${fmt(client, 3)} |`);
		}
	if (profiles.length) {
		const parts = Object.keys(PROFILE_PARTS) as ProfilePart[];
		md.push('', `n8n's CPU per item, ${OPS[o.profileOp].fn} on ${targets[0].name}, by part:`, '');
		md.push(
			`| part | ${profiles.map((p) => p.label).join(' | ')} |`,
			`|---|${profiles.map(() => '---:').join('|')}|`,
		);
		for (const part of parts)
			md.push(
				`| ${PROFILE_PARTS[part]} | ${profiles.map((p) => fmt(p.summary.byPart[part] / p.summary.items, 3)).join(' | ')} |`,
			);
		md.push(
			`| **total** | ${profiles.map((p) => `**${fmt(p.summary.windowCpuMs / p.summary.items, 3)}**`).join(' | ')} |`,
		);
		// n8n runs a node's requests on one thread: at full use, the node's rate is bound by that thread's CPU per item
		const t = targets[0];
		const rawBest = Math.max(...measuresOf(t.name, o.profileOp, 'raw@').map((m) => m.rate));
		md.push(
			'',
			"n8n runs a node's work on one thread, so its busy share while the node ran tells whether that thread is the limit; at 100 % the rate cannot pass 1000 / (n8n ms per item), and even with none of this package's own CPU it could not pass 1000 / (n8n ms per item − this package's):",
			'',
			'| run | n8n thread busy | bound by n8n | bound without this package | best raw client rate in this run |',
			'|---|---:|---:|---:|---:|',
		);
		for (const { label, summary } of profiles) {
			const perItem = summary.windowCpuMs / summary.items;
			const ours = summary.byPart.ours / summary.items;
			md.push(
				`| ${label} | ${fmt((summary.windowCpuMs / summary.windowMs) * 100, 0)} % | ${fmt(1000 / perItem)}/s | ${fmt(1000 / (perItem - ours))}/s | ${Number.isFinite(rawBest) ? `${fmt(rawBest)}/s` : '-'} |`,
			);
		}
	}
	md.push('');
	return md;
}

function undiciVersion(): string {
	try {
		return (
			JSON.parse(
				fs.readFileSync(path.join(ROOT, 'node_modules', 'undici', 'package.json'), 'utf8'),
			) as { version: string }
		).version;
	} catch {
		return '?';
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
