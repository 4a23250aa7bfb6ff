/**
 * VICIdial's login check (functions.php user_authorization), shared by both APIs:
 * 10 failed logins in a row lock the user for 15 minutes, counted on the user row.
 */
import { ciEq, datetimeToEpoch } from './mysql';
import type { SimState } from './state';

export type AuthKey = 'GOOD' | 'BAD' | 'LOCK' | 'ERRSERVERS';

export const LOCK_TRIGGER_ATTEMPTS = 10;
export const LOCK_SECONDS = 900;

export interface AuthOptions {
	/** the user_level must be greater than this (REPORTS: 6, agent API: 0) */
	levelAbove: number;
	/** a good login stamps last_login_date and clears the failure count (non-agent API) */
	updateOnSuccess: boolean;
	/** agent API flavour: checks for an active asterisk server, other failed_last_type_today codes */
	agentApi: boolean;
	ip: string;
}

/** The epoch before which a lock has expired, as the login query computes it. */
export function lockOver(state: SimState): number {
	return state.epoch() - LOCK_SECONDS;
}

export function userAuthorization(
	state: SimState,
	userIn: string,
	passIn: string,
	opt: AuthOptions,
): AuthKey {
	const strip = (v: string): string => v.replace(/[|`&'"\\; ]/g, '');
	const user = strip(userIn);
	const pass = strip(passIn);
	const users = state.db.t('vicidial_users');
	const now = state.nowStr();
	const over = lockOver(state);
	const lastLogin = (r: Record<string, string | null>): number =>
		datetimeToEpoch(r.last_login_date ?? '');

	const good = users.count(
		(r) =>
			ciEq(r.user, user) &&
			ciEq(r.pass, pass) &&
			Number(r.user_level) > opt.levelAbove &&
			r.active === 'Y' &&
			(Number(r.failed_login_count) < LOCK_TRIGGER_ATTEMPTS || lastLogin(r) < over),
	);

	if (good < 1) {
		let key: AuthKey = 'BAD';
		const row = state.user(user);
		if (row) {
			const failed = Number(row.failed_login_count);
			const today = {
				failed_login_attempts_today: Number(row.failed_login_attempts_today) + 1,
				failed_login_count_today: Number(row.failed_login_count_today) + 1,
				failed_last_ip_today: opt.ip,
			};
			if (failed < LOCK_TRIGGER_ATTEMPTS) {
				users.update(
					row,
					{
						...today,
						failed_login_count: failed + 1,
						failed_last_type_today: opt.agentApi ? '01cBAD' : 'aBAD',
					},
					now,
				);
			} else if (over > lastLogin(row)) {
				users.update(
					row,
					{
						...today,
						last_login_date: now,
						failed_login_count: 1,
						failed_last_type_today: opt.agentApi ? '02cBAD' : 'aBAD',
					},
					now,
				);
			} else {
				key = 'LOCK';
				users.update(
					row,
					{
						failed_login_attempts_today: today.failed_login_attempts_today,
						failed_last_type_today: opt.agentApi ? '03cLOCK' : 'aLOCK',
					},
					now,
				);
			}
		}
		return key;
	}

	if (opt.agentApi) {
		const servers = state.db
			.t('servers')
			.count((r) => r.active === 'Y' && r.active_asterisk_server === 'Y');
		if (servers < 1) {
			const row = state.user(user);
			if (row)
				users.update(
					row,
					{
						failed_login_attempts_today: Number(row.failed_login_attempts_today) + 1,
						failed_last_type_today: '04cERRSERVERS',
					},
					now,
				);
			return 'ERRSERVERS';
		}
	}
	if (opt.updateOnSuccess) {
		const row = state.user(user);
		if (row)
			users.update(row, { last_login_date: now, last_ip: opt.ip, failed_login_count: 0 }, now);
	}
	return 'GOOD';
}
