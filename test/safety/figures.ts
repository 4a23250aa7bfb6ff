/* eslint-disable no-console -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Shared by the safety figure tests: reading a user's login counters and the leads from the
 * target (the simulator's state, or the genuine server's database), and printing one figure line.
 */
import type { IDataObject } from 'n8n-workflow';
import { runSql } from '../support/customFields';
import type { Target } from '../support/targets';

export interface LoginCounters {
	/** vicidial_users.failed_login_count: 10 in a row lock the user for 15 minutes. */
	failedLoginCount: number;
	/** vicidial_users.failed_login_attempts_today: every refused login, locked or not. */
	failedAttemptsToday: number;
}

export function loginCounters(target: Target, user: string): LoginCounters {
	if (target.sim) {
		const row = target.sim.state.user(user);
		return {
			failedLoginCount: Number(row?.failed_login_count ?? 0),
			failedAttemptsToday: Number(row?.failed_login_attempts_today ?? 0),
		};
	}
	const [count, attempts] = runSql(
		`SELECT failed_login_count, failed_login_attempts_today FROM vicidial_users WHERE user='${user}'`,
	)
		.trim()
		.split('\t');
	return { failedLoginCount: Number(count), failedAttemptsToday: Number(attempts) };
}

/** Leads per phone number among `phones` (list 101 or any list). */
export function leadsByPhone(target: Target, phones: readonly string[]): Map<string, number[]> {
	const wanted = new Set(phones);
	const found = new Map<string, number[]>();
	const add = (phone: string, leadId: number) => {
		if (!wanted.has(phone)) return;
		found.set(phone, [...(found.get(phone) ?? []), leadId]);
	};
	if (target.sim) {
		for (const row of target.sim.state.db.t('vicidial_list').rows)
			add(String(row.phone_number), Number(row.lead_id));
		return found;
	}
	const prefixes = [...new Set(phones.map((p) => p.slice(0, 6)))];
	const where = prefixes.map((p) => `phone_number LIKE '${p}%'`).join(' OR ');
	for (const line of runSql(`SELECT phone_number, lead_id FROM vicidial_list WHERE ${where}`).split(
		'\n',
	)) {
		if (!line.trim()) continue;
		const [phone, leadId] = line.split('\t');
		add(phone, Number(leadId));
	}
	return found;
}

/** One line for the closing note, greppable by its FIGURE prefix. */
export function figure(name: string, values: IDataObject): string {
	const line = `FIGURE ${name}: ${Object.entries(values)
		.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
		.join(' ')}`;
	console.log(line);
	return line;
}

/** The error text without the "Item N: " prefix, to compare the errors of different items. */
export const withoutItem = (message: unknown): string =>
	String(message ?? '').replace(/^Item \d+: /, '');
