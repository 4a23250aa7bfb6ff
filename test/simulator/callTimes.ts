/**
 * Call-time windows (vicidial_call_times): is "now" inside the calling hours of a lead whose
 * GMT offset is X? Times are HHMM numbers; a day with start=stop=0 uses the default window.
 */
import type { Row } from './db';
import { ciEq } from './mysql';
import type { SimState } from './state';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** HHMM and weekday at a GMT offset (hours) for the given instant. */
export function localHourMin(now: Date, offsetHours: number): { hhmm: number; day: number } {
	const d = new Date(now.getTime() + offsetHours * 3600 * 1000);
	return { hhmm: d.getUTCHours() * 100 + d.getUTCMinutes(), day: d.getUTCDay() };
}

export interface Window {
	default_start: number;
	default_stop: number;
	days: Array<[number, number]>;
}

export function windowOf(row: Row, prefix: 'ct' | 'sct'): Window {
	const n = (k: string): number => Number(row[`${prefix}_${k}`] ?? 0);
	return {
		default_start: n('default_start'),
		default_stop: n('default_stop'),
		days: DAYS.map((d) => [n(`${d}_start`), n(`${d}_stop`)] as [number, number]),
	};
}

export function inWindow(w: Window, hhmm: number, day: number): boolean {
	const [start, stop] = w.days[day];
	if (start === 0 && stop === 0) return hhmm >= w.default_start && hhmm < w.default_stop;
	return hhmm >= start && hhmm < stop;
}

export function callTime(state: SimState, id: string): Row | undefined {
	return state.db.t('vicidial_call_times').find((r) => ciEq(r.call_time_id, id));
}

/** The 104 offsets VICIdial tries, 13.00 down to -12.75, as '%.2f' strings. */
export function gmtGrid(): string[] {
	const out: string[] = [];
	for (let p = 13; p > -13; p -= 0.25) out.push(p.toFixed(2));
	return out;
}

/** Offsets (as numbers) whose local time is inside the window now. */
export function allowedOffsets(now: Date, w: Window | null): Set<number> {
	const set = new Set<number>();
	if (!w) return set; // a missing call time never matches: PHP compares against nulls
	for (const g of gmtGrid()) {
		const { hhmm, day } = localHourMin(now, Number(g));
		if (inWindow(w, hhmm, day)) set.add(Number(g));
	}
	return set;
}

/**
 * non_agent_api.php dialable_gmt(): can a lead at this offset (and state) be called now under
 * this call time? State rules listed in ct_state_call_times replace the window for that state.
 */
export function dialableGmt(
	state: SimState,
	callTimeId: string,
	gmtOffset: number,
	leadState: string,
): number {
	const ct = callTime(state, callTimeId);
	if (!ct) return 0;
	let w = windowOf(ct, 'ct');
	const stateRules = ct.ct_state_call_times ?? '';
	if (stateRules.length > 2 && leadState.length > 0) {
		const ids = stateRules.split('|').filter((x) => x.length > 0);
		const sct = state.db
			.t('vicidial_state_call_times')
			.find(
				(r) =>
					ids.some((id) => ciEq(r.state_call_time_id, id)) &&
					ciEq(r.state_call_time_state, leadState),
			);
		if (sct) w = windowOf(sct, 'sct');
	}
	const { hhmm, day } = localHourMin(state.now(), gmtOffset);
	return inWindow(w, hhmm, day) ? 1 : 0;
}
