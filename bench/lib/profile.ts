/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof` on n8n's bin): self time by file (package)
 * and by function, and inclusive time of the busiest functions, over the whole process and over
 * the window in which the node under test ran (its startTime and executionTime in n8n's run data).
 */
import * as fs from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

export interface ProfileSummary {
	file: string;
	totalCpuMs: number;
	windowMs: number;
	windowCpuMs: number;
	items: number;
	byFile: Array<{ file: string; ms: number }>;
	/** CPU ms in the window by part (PROFILE_PARTS), for the "where the time goes" table. */
	byPart: Record<ProfilePart, number>;
	bySelf: Array<{ fn: string; ms: number }>;
	byTotal: Array<{ fn: string; ms: number }>;
}

const IDLE = new Set(['(idle)', '(program)']);

/** Coarse parts of an n8n process's work on a request, by the package a sample's function is in. */
export const PROFILE_PARTS = {
	ours: 'this package (n8n-nodes-vicidial-suite)',
	expressions: "n8n's expressions and parameters (n8n-workflow, @n8n/expression-runtime)",
	request:
		"n8n's request helper and Node's HTTP (axios, @n8n/backend-network, node:net/http/streams)",
	gc: 'garbage collector',
	other: 'everything else (n8n-core, luxon, timers, …)',
} as const;
export type ProfilePart = keyof typeof PROFILE_PARTS;

const REQUEST_PACKAGES =
	/^(axios|@n8n\/backend-network|proxy-from-env|follow-redirects|form-data|node:(net|_http|http|https|url|dns|internal\/(streams|stream_base_commons|abort_controller|url|dns))|writev|close|connect|getaddrinfo)/;

function partOf(pkg: string): ProfilePart {
	if (pkg === 'n8n-nodes-vicidial-suite') return 'ours';
	if (pkg === 'n8n-workflow' || pkg === '@n8n/expression-runtime' || pkg === 'isolated-vm')
		return 'expressions';
	if (pkg === '(garbage collector)') return 'gc';
	if (REQUEST_PACKAGES.test(pkg)) return 'request';
	return 'other';
}

/** `…/node_modules/@n8n/foo/dist/x.js` → `@n8n/foo/dist/x.js`; node internals as they are. */
export function shortFile(url: string): string {
	if (!url) return '(native)';
	const clean = url.replace(/^file:\/\//, '');
	const i = clean.lastIndexOf('node_modules/');
	return i >= 0 ? clean.slice(i + 'node_modules/'.length) : clean;
}

/** The package a file belongs to (`n8n-core`, `@n8n/di`, `node:internal`, …). */
export function packageOf(url: string): string {
	const file = shortFile(url);
	if (file.startsWith('node:')) return file.split('/').slice(0, 2).join('/');
	if (file.startsWith('(')) return file;
	const parts = file.split('/');
	return file.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const fnKey = (node: ProfileNode) =>
	`${node.callFrame.functionName || '(anonymous)'} ${shortFile(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

export interface ProfileWindow {
	startEpochMs: number;
	durationMs: number;
	/** Date.now() * 1000 minus CLOCK_MONOTONIC in µs (process.hrtime), measured in the bench process: the clock is system-wide. */
	epochMinusMonotonicUs: number;
}

export function epochMinusMonotonicUs(): number {
	return Date.now() * 1000 - Number(process.hrtime.bigint() / 1000n);
}

export function summariseProfile(
	file: string,
	items: number,
	window: ProfileWindow,
	top = 20,
): ProfileSummary {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	// sample i lasted timeDeltas[i + 1] (the last one: a typical delta); it was taken at times[i] (µs, CLOCK_MONOTONIC)
	const durations = profile.samples.map(
		(_, i) => (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000,
	);
	const times: number[] = [];
	let t = profile.startTime;
	for (const delta of profile.timeDeltas) times.push((t += delta));
	// the node's own run (its startTime and executionTime from n8n's run data), on the profile's clock
	const from = window.startEpochMs * 1000 - window.epochMinusMonotonicUs;
	const to = from + window.durationMs * 1000;
	const inWindow = (i: number) => times[i] >= from && times[i] <= to;
	let totalCpuMs = 0;
	let windowMs = 0;
	let windowCpuMs = 0;
	const byFile = new Map<string, number>();
	const byPart: Record<ProfilePart, number> = {
		ours: 0,
		expressions: 0,
		request: 0,
		gc: 0,
		other: 0,
	};
	const bySelf = new Map<string, number>();
	const byTotal = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const node = byId.get(id)!;
		const ms = durations[i];
		const idle = IDLE.has(node.callFrame.functionName);
		if (!idle) totalCpuMs += ms;
		if (!inWindow(i)) return;
		windowMs += ms;
		if (idle) return;
		windowCpuMs += ms;
		const pkg =
			packageOf(node.callFrame.url) === '(native)'
				? node.callFrame.functionName
				: packageOf(node.callFrame.url);
		byFile.set(pkg, (byFile.get(pkg) ?? 0) + ms);
		byPart[partOf(pkg)] += ms;
		bySelf.set(fnKey(node), (bySelf.get(fnKey(node)) ?? 0) + ms);
		const seen = new Set<string>();
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
			const key = fnKey(byId.get(cur)!);
			if (seen.has(key) || byId.get(cur)!.callFrame.functionName === '(root)') continue;
			seen.add(key);
			byTotal.set(key, (byTotal.get(key) ?? 0) + ms);
		}
	});
	const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
	return {
		file,
		totalCpuMs,
		windowMs,
		windowCpuMs,
		items,
		byPart,
		byFile: sorted(byFile)
			.slice(0, top)
			.map(([f, ms]) => ({ file: f, ms })),
		bySelf: sorted(bySelf)
			.slice(0, top)
			.map(([fn, ms]) => ({ fn, ms })),
		byTotal: sorted(byTotal)
			.filter(([fn]) => !/^\((program|garbage collector)\)/.test(fn))
			.slice(0, top * 2)
			.map(([fn, ms]) => ({ fn, ms })),
	};
}

export function profileMarkdown(s: ProfileSummary): string {
	const per = (ms: number) => (ms / s.items).toFixed(3);
	const lines = [
		`Profile \`${s.file}\`: whole n8n process ${(s.totalCpuMs / 1000).toFixed(1)} s of CPU; while the node under test ran (its startTime + executionTime from the run data): ${(s.windowMs / 1000).toFixed(1)} s wall, ${(s.windowCpuMs / 1000).toFixed(1)} s CPU = ${per(s.windowCpuMs)} ms CPU per item (${s.items} items).`,
		'',
		'Self time by package, node window:',
		'',
		'| package / file | ms | ms per item | share |',
		'|---|---:|---:|---:|',
		...s.byFile.map(
			(r) =>
				`| ${r.file} | ${r.ms.toFixed(0)} | ${per(r.ms)} | ${((r.ms / s.windowCpuMs) * 100).toFixed(1)}% |`,
		),
		'',
		'Top self time by function, node window:',
		'',
		'| function (file:line) | ms | ms per item |',
		'|---|---:|---:|',
		...s.bySelf.map((r) => `| \`${r.fn}\` | ${r.ms.toFixed(0)} | ${per(r.ms)} |`),
		'',
		'Top inclusive (total) time by function, node window:',
		'',
		'| function (file:line) | ms | ms per item |',
		'|---|---:|---:|',
		...s.byTotal.map((r) => `| \`${r.fn}\` | ${r.ms.toFixed(0)} | ${per(r.ms)} |`),
	];
	return lines.join('\n');
}
