/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * CPU time of processes from /proc, to say what one request costs each side: the server's PHP
 * workers and MariaDB, and the client. On a machine where client and server share the cores, the
 * client's CPU per request is what limits its throughput against the server's.
 */
import * as fs from 'node:fs';

const TICKS_PER_SECOND = 100;

/** utime + stime of one process in ms (0 when it is gone). */
export function processCpuMs(pid: number): number {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// fields after the command name (which may hold spaces) start at state
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
	} catch {
		return 0;
	}
}

/** Summed CPU ms of every process whose command line (arguments joined by spaces) `matches`. */
export function matchingCpuMs(matches: (cmdline: string) => boolean): number {
	let total = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let cmdline: string;
		try {
			cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
		} catch {
			continue;
		}
		if (matches(cmdline)) total += processCpuMs(Number(entry));
	}
	return total;
}

/** CPU ms the bench process itself used since `since` (process.cpuUsage). */
export function ownCpuMs(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
}
