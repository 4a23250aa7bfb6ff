/**
 * Masking of the values that legitimately differ between two runs of the
 * same request: the server's clock. Nothing else is masked (lead ids, hopper
 * ids, counts, fixed dates... must agree).
 *
 * Each clock value is replaced by its distance to the moment the request was
 * sent (the reference), so the masked answers still show *which* time the
 * server printed ("now", "7 days ago", "15 minutes ago"), not just that it
 * printed one:
 *
 *   `YYYY-MM-DD HH:MM:SS`  -> `<DATETIME:today>`, `<DATETIME:today-7d>`, `<DATETIME:today+2d>`
 *   `YYYY-MM-DD`           -> `<DATE:today>`, `<DATE:today-7d>`, ...
 *                             (calendar days, UTC, between the value and the reference)
 *   10-digit Unix epoch    -> `<EPOCH:now>`, `<EPOCH:now-15m>`, ...
 *                             (whole minutes between the value and the reference)
 *   `script runtime: N seconds` (debug output) -> `script runtime: <N> seconds`
 *
 * Only values near the reference are clock values: datetimes and dates within
 * 400 days of it, epochs within 2 days. Anything further away is fixed data
 * (an expiration date of 2099-12-31, a callback time sent as 2031-01-02
 * 10:30:00, a call uniqueid of 1735722011.1) and is left as is.
 *
 * The servers print their clock in UTC (the harness runs PHP and MariaDB in
 * UTC), so the values are read as UTC.
 */

const DAY_MS = 86_400_000;
/** Datetimes and dates further than this from the reference are fixed data, not clock values. */
export const DATE_WINDOW_DAYS = 400;
/** Epoch values further than this (seconds) from the reference are fixed data. */
export const EPOCH_WINDOW_SECONDS = 2 * 86_400;

const DATETIME_RE = /\b(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\b/g;
const DATE_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const EPOCH_RE = /\b\d{10}\b/g;
const RUNTIME_RE = /script runtime: \d+ seconds/g;

function utcMs(y: string, mo: string, d: string, h = '0', mi = '0', s = '0'): number | null {
	const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	const back = new Date(t);
	// reject impossible dates such as 2026-02-31 (Date.UTC would roll them over)
	if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d)
		return null;
	return t;
}

function dayOffset(valueMs: number, refMs: number): string {
	const n = Math.floor(valueMs / DAY_MS) - Math.floor(refMs / DAY_MS);
	return n === 0 ? 'today' : `today${n > 0 ? '+' : ''}${n}d`;
}

/** Mask the clock values in `text`, relative to `reference` (when the request was sent). */
export function maskText(text: string, reference: Date): string {
	const ref = reference.getTime();
	const refSec = Math.floor(ref / 1000);
	let out = text.replace(
		DATETIME_RE,
		(m, y: string, mo: string, d: string, h: string, mi: string, s: string) => {
			const t = utcMs(y, mo, d, h, mi, s);
			if (t === null || Math.abs(t - ref) > DATE_WINDOW_DAYS * DAY_MS) return m;
			return `<DATETIME:${dayOffset(t, ref)}>`;
		},
	);
	out = out.replace(DATE_RE, (m, y: string, mo: string, d: string) => {
		const t = utcMs(y, mo, d);
		if (t === null || Math.abs(t - ref) > DATE_WINDOW_DAYS * DAY_MS) return m;
		return `<DATE:${dayOffset(t, ref)}>`;
	});
	out = out.replace(EPOCH_RE, (m) => {
		const diff = Number(m) - refSec;
		if (Math.abs(diff) > EPOCH_WINDOW_SECONDS) return m;
		const minutes = Math.round(diff / 60);
		return minutes === 0 ? '<EPOCH:now>' : `<EPOCH:now${minutes > 0 ? '+' : ''}${minutes}m>`;
	});
	return out.replace(RUNTIME_RE, 'script runtime: <N> seconds');
}
