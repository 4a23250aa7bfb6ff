/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Injected transport faults (see CONTRACT.md), applied per request.
 *
 * Two families:
 * - the fixed switches (latencyMs, resetConnection, truncateBody, emptyHttp500) hit every matching
 *   request until cleared or `times` runs out;
 * - `kinds`: each matching request draws once from a seeded PRNG and gets at most one fault kind,
 *   with the rate given per kind. The draw sequence depends only on the seed, so the n-th
 *   matching request always gets the same decision (with one request in flight a run is fully
 *   repeatable; with several, which item gets it may change, how many faults there are may not).
 *
 * The `applied*` kinds run the request first (the change is made in the state) and then lose or
 * spoil the answer: what a client sees when VICIdial did its work and the network or PHP failed
 * afterwards. The `notApplied*` kinds fail the same way without running the request.
 */

/** Every fault kind, in the order a draw walks them. */
export const FAULT_KINDS = [
	// the request runs, then the answer is lost or spoilt
	'appliedEmpty500', // HTTP 500 with an empty body
	'applied500Success', // HTTP 500 carrying the real answer (e.g. "SUCCESS: add_lead ...")
	'appliedReset', // the connection is reset instead of answering
	'appliedTruncated', // headers with the full Content-Length, half the body, then the socket closes
	'appliedHang', // no answer at all until hangMs (past the client's timeout), then the socket closes
	// the request does not run
	'notAppliedReset',
	'notAppliedEmpty500',
	'notAppliedHang',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const APPLIED_FAULT_KINDS: readonly FaultKind[] = FAULT_KINDS.filter((k) =>
	k.startsWith('applied'),
);
export const NOT_APPLIED_FAULT_KINDS: readonly FaultKind[] = FAULT_KINDS.filter((k) =>
	k.startsWith('notApplied'),
);

/** Whether the request runs before the fault hits. */
export function faultApplies(kind: FaultKind): boolean {
	return kind.startsWith('applied');
}

/** How long a hang keeps the socket open when nothing else is said. */
export const DEFAULT_HANG_MS = 120_000;

export interface FaultSettings {
	latencyMs?: number; // wait this long before answering
	resetConnection?: boolean; // destroy the socket without any answer
	truncateBody?: boolean; // send headers with the full Content-Length, then half the body, then destroy
	emptyHttp500?: boolean; // answer HTTP 500 with an empty body
	functions?: string[]; // only requests whose `function` is listed (default: all)
	times?: number; // how many matching requests are affected (default: until cleared)
	/** Per-kind rate (0..1) for each matching request; the rates of one request add up (at most 1). */
	kinds?: Partial<Record<FaultKind, number>>;
	/** Seed of the PRNG that draws the kinds (default 1). */
	seed?: number;
	/** How long a hang lasts before the socket is closed (default 120 s); keep it past the client's timeout. */
	hangMs?: number;
}

/** What to do to one request. */
export interface FaultDecision {
	latencyMs?: number;
	resetConnection?: boolean;
	truncateBody?: boolean;
	emptyHttp500?: boolean;
	/** A drawn kind (from `kinds`). */
	kind?: FaultKind;
	hangMs: number;
}

/** mulberry32: small, fast, good enough to spread faults; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Which kind (if any) a draw `u` in [0,1) selects with these rates. */
export function pickKind(
	kinds: Partial<Record<FaultKind, number>>,
	u: number,
): FaultKind | undefined {
	let edge = 0;
	for (const kind of FAULT_KINDS) {
		const rate = kinds[kind];
		if (!rate || rate <= 0) continue;
		edge += rate;
		if (u < edge) return kind;
	}
	return undefined;
}

export function checkKinds(kinds: Partial<Record<FaultKind, number>>): void {
	let total = 0;
	for (const [kind, rate] of Object.entries(kinds)) {
		if (!(FAULT_KINDS as readonly string[]).includes(kind))
			throw new Error(`unknown fault kind "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
		if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
			throw new Error(`fault rate of ${kind} must be a number from 0 to 1, got ${String(rate)}`);
		total += rate;
	}
	if (total > 1 + 1e-9) throw new Error(`fault rates add up to ${total}, more than 1`);
}

/** Counts of what was done, per kind (drawn kinds and the fixed switches). */
export type FaultCounts = Partial<
	Record<FaultKind | 'latency' | 'resetConnection' | 'truncateBody' | 'emptyHttp500', number>
>;

export class FaultController {
	private settings: FaultSettings | null = null;
	private remaining: number | null = null;
	private random: () => number = seededRandom(1);
	/** What was injected since the last set() (or reset via countsReset()). */
	counts: FaultCounts = {};

	set(settings: FaultSettings | null): void {
		if (settings?.kinds) checkKinds(settings.kinds);
		this.settings = settings
			? {
					...settings,
					functions: settings.functions ? [...settings.functions] : undefined,
					kinds: settings.kinds ? { ...settings.kinds } : undefined,
				}
			: null;
		this.remaining = settings?.times ?? null;
		this.random = seededRandom(settings?.seed ?? 1);
		this.counts = {};
	}

	private count(name: keyof FaultCounts): void {
		this.counts[name] = (this.counts[name] ?? 0) + 1;
	}

	/** The faults to apply to a request calling `fn`, counting it against `times`. */
	take(fn: string | undefined): FaultDecision | null {
		const f = this.settings;
		if (!f) return null;
		if (f.functions && !f.functions.includes(fn ?? '')) return null;
		let kind: FaultKind | undefined;
		if (f.kinds) {
			kind = pickKind(f.kinds, this.random());
			const fixed = f.latencyMs || f.resetConnection || f.truncateBody || f.emptyHttp500;
			// with only drawn kinds, a request that draws none is untouched and does not use up `times`
			if (!kind && !fixed) return null;
		}
		if (this.remaining !== null) {
			if (this.remaining <= 0) return null;
			this.remaining--;
			if (this.remaining <= 0) {
				this.settings = null;
				this.remaining = null;
			}
		}
		const decision: FaultDecision = { hangMs: f.hangMs ?? DEFAULT_HANG_MS };
		if (f.latencyMs) {
			decision.latencyMs = f.latencyMs;
			this.count('latency');
		}
		if (kind) {
			decision.kind = kind;
			this.count(kind);
			return decision;
		}
		for (const name of ['resetConnection', 'truncateBody', 'emptyHttp500'] as const) {
			if (f[name]) {
				decision[name] = true;
				this.count(name);
			}
		}
		return decision;
	}
}

export function sleep(ms: number): Promise<void> {
	// unref: a delayed answer nobody waits for any more must not keep the test process alive
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Resets (RST) a socket where the platform can, else just destroys it. */
export function resetSocket(socket: import('node:net').Socket): void {
	if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
	else socket.destroy();
}

/** Keeps a socket open without answering for `ms`, then closes it (unref'd: never holds a process). */
export function hangSocket(socket: import('node:net').Socket, ms: number): void {
	const timer = setTimeout(() => socket.destroy(), ms);
	timer.unref();
	socket.once('close', () => clearTimeout(timer));
}

/**
 * The answer `raw` (a whole HTTP answer: head, blank line, body) cut in half: the head plus a
 * Content-Length for the full body, then half of the body. Without the length the client could
 * not tell (the answers close the connection and carry no length).
 */
export function truncatedAnswer(raw: Buffer): Buffer {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw
		.subarray(0, split)
		.toString('latin1')
		.split('\r\n')
		.filter((line) => !/^content-length:/i.test(line))
		.join('\r\n');
	const rest = raw.subarray(split + 4);
	return Buffer.concat([
		Buffer.from(`${head}\r\nContent-Length: ${rest.length}\r\n\r\n`, 'latin1'),
		rest.subarray(0, Math.floor(rest.length / 2)),
	]);
}

/** The same answer with its status line replaced by HTTP 500 (the body is kept, or emptied). */
export function as500(raw: Buffer, keepBody: boolean): Buffer {
	const split = raw.indexOf('\r\n\r\n');
	const lines = raw.subarray(0, split).toString('latin1').split('\r\n');
	lines[0] = 'HTTP/1.0 500 Internal Server Error';
	const head = lines.filter((line) => !/^content-length:/i.test(line));
	const body = keepBody ? raw.subarray(split + 4) : Buffer.alloc(0);
	return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
