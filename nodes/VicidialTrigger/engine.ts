/**
 * The trigger's bookkeeping, kept apart from VICIdial so it can be reasoned about (and tested)
 * on its own. Three kinds of event sources:
 * - log sources (leads reaching a status, recordings, DID calls, calls to numbers): rows with a
 *   server-local time, read one day at a time. A cursor plus the keys already emitted near it
 *   make every row come out once, even when rows are written late or a poll fails.
 * - level sources (queue size, hopper size): a number per key; an event on crossing a threshold,
 *   re-armed only after the value went back.
 * - snapshot sources (logged-in agents): the difference between two snapshots.
 * Every poll computes a whole new state and the caller stores it only when the poll succeeded,
 * so a failed poll changes nothing.
 */

/** Server-local "YYYY-MM-DD HH:MM:SS"; compares correctly as text. */
export type ServerTime = string;

export interface LogEvent {
	/** Unique per event, e.g. the recording id. */
	key: string;
	/** When it happened, server-local; events are emitted in this order. */
	time: ServerTime;
	/** False while the row is not final yet (a recording still running): held back, not lost. */
	ready?: boolean;
	json: Record<string, unknown>;
}

export interface LogState {
	kind: 'log';
	/** Server time of the last successful poll. */
	cursor: ServerTime;
	/** Keys emitted (or present at activation) whose time is within the settle window of the cursor. */
	seen: Record<string, ServerTime>;
	/** Rows at or before this time count as seen: set when `seen` had to be cut to its bound. */
	floor?: ServerTime;
}

export interface LogPollSettings {
	/** How late a row may appear with an earlier time (a call logged at its start, a status set at its end). */
	settleMinutes: number;
	/** Rows not final after this long are given up on, never emitted (so they cannot hold the cursor forever). */
	maxPendingHours: number;
	/** The most keys kept; the oldest go first. */
	maxSeen: number;
	/** Refuse to catch up over more days than this in one poll (each day is one request). */
	maxDays: number;
}

export const DEFAULT_LOG_SETTINGS: LogPollSettings = {
	settleMinutes: 60,
	maxPendingHours: 24,
	maxSeen: 20_000,
	maxDays: 400,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses server-local text as if it were UTC (only differences and calendar days matter here). */
export function toClock(time: ServerTime): number {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(time);
	if (!match) throw new Error(`not a server time: "${time}"`);
	const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
	return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

export function fromClock(ms: number): ServerTime {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const dayOf = (time: ServerTime) => time.slice(0, 10);

/** Every calendar day from `from` to `to`, both included. */
export function daysBetween(from: ServerTime, to: ServerTime): string[] {
	const days: string[] = [];
	for (let t = toClock(dayOf(from)); t <= toClock(dayOf(to)); t += 86_400_000)
		days.push(dayOf(fromClock(t)));
	return days;
}

export interface LogPollResult {
	events: LogEvent[];
	state: LogState;
}

/**
 * One poll of a log source. `fetchDays` reads every row of the given days (it throws on any
 * failure, and then nothing changes). With no previous state the source starts at `startFrom`
 * (rows from then on are emitted) or, by default, now: rows already there are only remembered.
 */
export async function pollLog(
	previous: LogState | undefined,
	now: ServerTime,
	fetchDays: (days: string[]) => Promise<LogEvent[]>,
	settings: LogPollSettings = DEFAULT_LOG_SETTINGS,
	startFrom?: ServerTime,
): Promise<LogPollResult> {
	const settleMs = settings.settleMinutes * 60_000;
	const nowMs = toClock(now);
	const activating = previous === undefined;
	const cursor =
		previous?.cursor ?? (startFrom !== undefined && toClock(startFrom) < nowMs ? startFrom : now);
	const seen = { ...(previous?.seen ?? {}) };
	// Rows may appear late with an earlier time: read back over the settle window.
	const windowStart = toClock(cursor) - settleMs;
	const days = daysBetween(fromClock(windowStart), now);
	if (days.length > settings.maxDays) {
		throw new Error(
			`Catching up would read ${days.length} days of VICIdial logs (from ${days[0]}), more than the ${settings.maxDays} allowed in one poll. Deactivate and reactivate the workflow to start from now.`,
		);
	}
	const rows = await fetchDays(days);
	// Starting from a chosen time: what happened before it never comes out, not even once it leaves the cursor's reach.
	const startFloor =
		activating && startFrom !== undefined ? fromClock(toClock(cursor) - 1000) : undefined;
	const previousFloor = previous?.floor ?? startFloor;
	const floorMs = previousFloor !== undefined ? toClock(previousFloor) : -Infinity;
	const inWindow = rows.filter(
		(row) =>
			toClock(row.time) >= windowStart && toClock(row.time) > floorMs && toClock(row.time) <= nowMs,
	);
	const pendingLimit = nowMs - settings.maxPendingHours * 3_600_000;

	let events: LogEvent[];
	if (activating && startFrom === undefined) {
		// No flood: what exists at activation is remembered, not emitted. A row not final yet (a
		// recording still running) is not remembered: it becomes an event when it is final.
		for (const row of inWindow) if (row.ready !== false) seen[row.key] = row.time;
		events = [];
	} else {
		const fresh = inWindow.filter((row) => seen[row.key] === undefined);
		// A row still not final after maxPendingHours (a recording that never ended) is given up on.
		events = fresh
			.filter((row) => row.ready !== false)
			.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
		for (const row of events) seen[row.key] = row.time;
	}

	// The cursor may not pass a row that is still pending (unless it is too old to wait for).
	let nextCursorMs = nowMs;
	for (const row of inWindow) {
		if (row.ready === false && seen[row.key] === undefined && toClock(row.time) >= pendingLimit) {
			nextCursorMs = Math.min(nextCursorMs, toClock(row.time));
		}
	}
	const nextCursor = fromClock(Math.max(nextCursorMs, toClock(cursor)));
	const keepFrom = toClock(nextCursor) - settleMs;
	let kept = Object.entries(seen).filter(([, time]) => toClock(time) >= keepFrom);
	let floor =
		previousFloor !== undefined && toClock(previousFloor) >= keepFrom ? previousFloor : undefined;
	if (kept.length > settings.maxSeen) {
		// Too many keys: forget the oldest, and treat everything up to them as seen, so they cannot come twice.
		kept.sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
		floor = kept[settings.maxSeen][1];
		kept = kept.filter(([, time]) => time > (floor as string));
	}
	const state: LogState = { kind: 'log', cursor: nextCursor, seen: Object.fromEntries(kept) };
	if (floor !== undefined) state.floor = floor;
	return { events, state };
}

// ---- level sources ------------------------------------------------------------------------

export interface LevelState {
	kind: 'level';
	/** Per key: whether the value was past the threshold at the last poll. */
	past: Record<string, boolean>;
}

export interface LevelReading {
	key: string;
	value: number;
	json: Record<string, unknown>;
}

/**
 * Fires once when a value goes past the threshold (`direction` above: value > threshold; below:
 * value < threshold), then again only after it came back to `rearmAt` or better. A key seen for
 * the first time counts as "not past" unless this is the activation poll, where the current
 * situation is only remembered.
 */
export function pollLevel(
	previous: LevelState | undefined,
	readings: LevelReading[],
	threshold: number,
	direction: 'above' | 'below',
	rearmAt: number = threshold,
): { events: LevelReading[]; state: LevelState } {
	const past: Record<string, boolean> = {};
	const events: LevelReading[] = [];
	const isPast = (v: number) => (direction === 'above' ? v > threshold : v < threshold);
	const isBack = (v: number) => (direction === 'above' ? v <= rearmAt : v >= rearmAt);
	for (const reading of readings) {
		const was = previous?.past[reading.key];
		if (previous === undefined) {
			past[reading.key] = isPast(reading.value);
		} else if (was) {
			past[reading.key] = !isBack(reading.value);
		} else if (isPast(reading.value)) {
			past[reading.key] = true;
			events.push(reading);
		} else {
			past[reading.key] = false;
		}
	}
	return { events, state: { kind: 'level', past } };
}

// ---- snapshot sources (agents) --------------------------------------------------------------

export interface AgentSnapshot {
	user: string;
	status: string;
	json: Record<string, unknown>;
}

export interface AgentMemory {
	status: string;
	/** Server time the trigger first saw the agent in this status. */
	since: ServerTime;
	/** Whether "paused too long" was already sent for this pause. */
	alerted?: boolean;
}

export interface AgentState {
	kind: 'agents';
	agents: Record<string, AgentMemory>;
}

export type AgentChange = 'loggedIn' | 'loggedOut' | 'statusChanged' | 'pausedTooLong';

export interface AgentEvent {
	change: AgentChange;
	user: string;
	previousStatus?: string;
	status?: string;
	/** Server time since the agent is in this status, as far as the trigger saw. */
	since?: ServerTime;
	json: Record<string, unknown>;
}

/**
 * Compares the logged-in agents with the previous poll. The activation poll only remembers.
 * Paused time is measured from the first poll that saw the pause, so it is precise to one poll
 * interval.
 */
export function pollAgents(
	previous: AgentState | undefined,
	now: ServerTime,
	agents: AgentSnapshot[],
	pausedLimitMinutes?: number,
): { events: AgentEvent[]; state: AgentState } {
	const events: AgentEvent[] = [];
	const next: Record<string, AgentMemory> = {};
	const nowMs = toClock(now);
	for (const agent of agents) {
		const before = previous?.agents[agent.user];
		if (!before) {
			next[agent.user] = { status: agent.status, since: now };
			if (previous)
				events.push({
					change: 'loggedIn',
					user: agent.user,
					status: agent.status,
					since: now,
					json: agent.json,
				});
			continue;
		}
		if (before.status !== agent.status) {
			next[agent.user] = { status: agent.status, since: now };
			events.push({
				change: 'statusChanged',
				user: agent.user,
				previousStatus: before.status,
				status: agent.status,
				since: now,
				json: agent.json,
			});
			continue;
		}
		const memory: AgentMemory = { ...before };
		if (
			pausedLimitMinutes !== undefined &&
			agent.status === 'PAUSED' &&
			!before.alerted &&
			nowMs - toClock(before.since) >= pausedLimitMinutes * 60_000
		) {
			memory.alerted = true;
			events.push({
				change: 'pausedTooLong',
				user: agent.user,
				status: agent.status,
				since: before.since,
				json: agent.json,
			});
		}
		next[agent.user] = memory;
	}
	if (previous) {
		for (const [user, before] of Object.entries(previous.agents)) {
			if (!agents.some((a) => a.user === user))
				events.push({ change: 'loggedOut', user, previousStatus: before.status, json: { user } });
		}
	}
	return { events, state: { kind: 'agents', agents: next } };
}
