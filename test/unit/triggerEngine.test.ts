import { daysBetween, pollAgents, pollLevel, pollLog } from '../../nodes/VicidialTrigger/engine';
import type { LogEvent, LogState } from '../../nodes/VicidialTrigger/engine';
import { logFetcher, requestValues } from '../../nodes/VicidialTrigger/events';
import type { Client } from '../../nodes/shared/client';

/** A fake log: rows by time; `fetchDays` returns the rows of the asked days and counts calls. */
function fakeLog(rows: LogEvent[]) {
	const asked: string[][] = [];
	return {
		rows,
		asked,
		fetchDays: async (days: string[]) => {
			asked.push(days);
			return rows.filter((r) => days.includes(r.time.slice(0, 10)));
		},
	};
}
const row = (key: string, time: string, ready?: boolean): LogEvent => ({
	key,
	time,
	ready,
	json: { key },
});
const keys = (events: LogEvent[]) => events.map((e) => e.key);

describe('log sources', () => {
	test('activation remembers what is there and emits nothing; later rows come once, in time order', async () => {
		const log = fakeLog([row('old', '2026-11-23 09:00:00'), row('recent', '2026-11-23 09:50:00')]);
		const first = await pollLog(undefined, '2026-11-23 10:00:00', log.fetchDays);
		expect(first.events).toEqual([]);
		log.rows.push(row('b', '2026-11-23 10:00:30'), row('a', '2026-11-23 10:00:10'));
		const second = await pollLog(first.state, '2026-11-23 10:01:00', log.fetchDays);
		expect(keys(second.events)).toEqual(['a', 'b']);
		const third = await pollLog(second.state, '2026-11-23 10:02:00', log.fetchDays);
		expect(third.events).toEqual([]);
	});

	test('a row written late with an earlier time (within the settle window) still comes, once', async () => {
		const log = fakeLog([]);
		let state = (await pollLog(undefined, '2026-11-23 10:00:00', log.fetchDays)).state;
		state = (await pollLog(state, '2026-11-23 10:05:00', log.fetchDays)).state;
		log.rows.push(row('late', '2026-11-23 09:58:00'));
		const result = await pollLog(state, '2026-11-23 10:06:00', log.fetchDays);
		expect(keys(result.events)).toEqual(['late']);
		expect((await pollLog(result.state, '2026-11-23 10:07:00', log.fetchDays)).events).toEqual([]);
	});

	test('a failed poll leaves the state as it was and the next poll catches up', async () => {
		const log = fakeLog([]);
		const start = (await pollLog(undefined, '2026-11-23 10:00:00', log.fetchDays)).state;
		log.rows.push(row('x', '2026-11-23 10:01:00'));
		await expect(
			pollLog(start, '2026-11-23 10:02:00', async () => Promise.reject(new Error('down'))),
		).rejects.toThrow('down');
		const result = await pollLog(start, '2026-11-23 10:03:00', log.fetchDays);
		expect(keys(result.events)).toEqual(['x']);
	});

	test('midnight: the poll after midnight reads both days and loses nothing', async () => {
		const log = fakeLog([]);
		let state = (await pollLog(undefined, '2026-11-23 23:58:00', log.fetchDays)).state;
		log.rows.push(row('before', '2026-11-23 23:59:30'), row('after', '2026-11-24 00:00:20'));
		const result = await pollLog(state, '2026-11-24 00:01:00', log.fetchDays);
		expect(keys(result.events)).toEqual(['before', 'after']);
		expect(log.asked.at(-1)).toEqual(['2026-11-23', '2026-11-24']);
		state = result.state;
		expect((await pollLog(state, '2026-11-24 00:02:00', log.fetchDays)).events).toEqual([]);
	});

	test('a three-day outage: every day is read once and every row comes once', async () => {
		const log = fakeLog([]);
		const state = (await pollLog(undefined, '2026-11-20 12:00:00', log.fetchDays)).state;
		log.rows.push(
			row('d20', '2026-11-20 18:00:00'),
			row('d21', '2026-11-21 08:00:00'),
			row('d22', '2026-11-22 23:00:00'),
			row('d23', '2026-11-23 07:00:00'),
		);
		const result = await pollLog(state, '2026-11-23 09:00:00', log.fetchDays);
		expect(keys(result.events)).toEqual(['d20', 'd21', 'd22', 'd23']);
		expect(log.asked.at(-1)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
	});

	test('"start from" a past time emits the rows since then, and only those', async () => {
		const log = fakeLog([
			row('before', '2026-11-22 07:59:59'),
			row('since', '2026-11-22 08:00:00'),
			row('today', '2026-11-23 09:00:00'),
		]);
		const result = await pollLog(
			undefined,
			'2026-11-23 10:00:00',
			log.fetchDays,
			undefined,
			'2026-11-22 08:00:00',
		);
		expect(keys(result.events)).toEqual(['since', 'today']);
	});

	test('"start from" a recent time: rows just before it never come, not on the next polls either', async () => {
		const log = fakeLog([
			row('before', '2026-11-23 09:41:00'),
			row('since', '2026-11-23 09:44:00'),
		]);
		const first = await pollLog(
			undefined,
			'2026-11-23 10:00:00',
			log.fetchDays,
			undefined,
			'2026-11-23 09:42:00',
		);
		expect(keys(first.events)).toEqual(['since']);
		const second = await pollLog(
			first.state,
			'2026-11-23 10:01:00',
			log.fetchDays,
			undefined,
			'2026-11-23 09:42:00',
		);
		expect(second.events).toEqual([]);
		log.rows.push(
			row('late-before', '2026-11-23 09:30:00'),
			row('late-since', '2026-11-23 09:50:00'),
		);
		const third = await pollLog(second.state, '2026-11-23 10:02:00', log.fetchDays);
		expect(keys(third.events)).toEqual(['late-since']);
	});

	test('a row not final at activation (a recording running) comes once it is final', async () => {
		const log = fakeLog([
			row('done', '2026-11-23 09:50:00'),
			row('running', '2026-11-23 09:55:00', false),
		]);
		const first = await pollLog(undefined, '2026-11-23 10:00:00', log.fetchDays);
		expect(first.events).toEqual([]);
		log.rows[1] = row('running', '2026-11-23 09:55:00', true);
		const second = await pollLog(first.state, '2026-11-23 10:05:00', log.fetchDays);
		expect(keys(second.events)).toEqual(['running']);
		expect((await pollLog(second.state, '2026-11-23 10:06:00', log.fetchDays)).events).toEqual([]);
	});

	test('a row that is not final holds the cursor back until it is, then comes once', async () => {
		const log = fakeLog([]);
		let state = (await pollLog(undefined, '2026-11-23 10:00:00', log.fetchDays)).state;
		log.rows.push(row('rec', '2026-11-23 10:01:00', false));
		let result = await pollLog(state, '2026-11-23 10:02:00', log.fetchDays);
		expect(result.events).toEqual([]);
		expect(result.state.cursor).toBe('2026-11-23 10:01:00');
		// three hours later, still running; the settle window alone would have dropped it
		result = await pollLog(result.state, '2026-11-23 13:00:00', log.fetchDays);
		expect(result.events).toEqual([]);
		log.rows[0] = row('rec', '2026-11-23 10:01:00', true);
		result = await pollLog(result.state, '2026-11-23 13:01:00', log.fetchDays);
		expect(keys(result.events)).toEqual(['rec']);
		state = result.state;
		expect(state.cursor).toBe('2026-11-23 13:01:00');
	});

	test('the remembered keys stay bounded: only the settle window is kept, at most maxSeen', async () => {
		const many = Array.from({ length: 50 }, (_, i) =>
			row(`k${i}`, `2026-11-23 10:00:${String(i).padStart(2, '0')}`),
		);
		const log = fakeLog(many);
		const start: LogState = {
			kind: 'log',
			cursor: '2026-11-23 09:59:00',
			seen: { ancient: '2026-11-01 00:00:00' },
		};
		const result = await pollLog(start, '2026-11-23 10:01:00', log.fetchDays, {
			settleMinutes: 60,
			maxPendingHours: 24,
			maxSeen: 10,
			maxDays: 400,
		});
		expect(result.events).toHaveLength(50);
		expect(Object.keys(result.state.seen).length).toBeLessThanOrEqual(10);
		expect(result.state.seen.ancient).toBeUndefined();
		// the forgotten keys do not come again
		expect(
			(
				await pollLog(result.state, '2026-11-23 10:02:00', log.fetchDays, {
					settleMinutes: 60,
					maxPendingHours: 24,
					maxSeen: 10,
					maxDays: 400,
				})
			).events,
		).toEqual([]);
	});

	test('refuses to read more days than allowed in one poll', async () => {
		const state: LogState = { kind: 'log', cursor: '2025-01-01 00:00:00', seen: {} };
		await expect(pollLog(state, '2026-11-23 10:00:00', fakeLog([]).fetchDays)).rejects.toThrow(
			/more than the 400 allowed/,
		);
	});

	test('daysBetween spans month ends and leap days', () => {
		expect(daysBetween('2028-02-28 23:00:00', '2028-03-01 01:00:00')).toEqual([
			'2028-02-28',
			'2028-02-29',
			'2028-03-01',
		]);
	});
});

describe('level sources', () => {
	const reading = (key: string, value: number) => ({ key, value, json: { key, value } });

	test('fires once on crossing, again only after going back', () => {
		let step = pollLevel(undefined, [reading('Q', 5)], 3, 'above');
		expect(step.events).toEqual([]); // activation only remembers
		step = pollLevel(step.state, [reading('Q', 2)], 3, 'above');
		expect(step.events).toEqual([]);
		step = pollLevel(step.state, [reading('Q', 4)], 3, 'above');
		expect(step.events.map((e) => e.value)).toEqual([4]);
		step = pollLevel(step.state, [reading('Q', 9)], 3, 'above');
		expect(step.events).toEqual([]);
		step = pollLevel(step.state, [reading('Q', 3)], 3, 'above');
		expect(step.events).toEqual([]);
		step = pollLevel(step.state, [reading('Q', 4)], 3, 'above');
		expect(step.events.map((e) => e.value)).toEqual([4]);
	});

	test('below: the hopper running low, with a re-arm level (hysteresis)', () => {
		let step = pollLevel(undefined, [reading('C', 50)], 10, 'below', 20);
		step = pollLevel(step.state, [reading('C', 9)], 10, 'below', 20);
		expect(step.events).toHaveLength(1);
		step = pollLevel(step.state, [reading('C', 15)], 10, 'below', 20);
		step = pollLevel(step.state, [reading('C', 5)], 10, 'below', 20);
		expect(step.events).toHaveLength(0); // never got back to 20
		step = pollLevel(step.state, [reading('C', 25)], 10, 'below', 20);
		step = pollLevel(step.state, [reading('C', 8)], 10, 'below', 20);
		expect(step.events).toHaveLength(1);
	});
});

describe('agent snapshots', () => {
	const agent = (user: string, status: string) => ({ user, status, json: { user, status } });

	test('log in, status change, paused too long (once per pause), log out', () => {
		let step = pollAgents(undefined, '2026-11-23 10:00:00', [agent('1001', 'PAUSED')], 5);
		expect(step.events).toEqual([]);
		step = pollAgents(
			step.state,
			'2026-11-23 10:01:00',
			[agent('1001', 'PAUSED'), agent('1002', 'READY')],
			5,
		);
		expect(step.events.map((e) => [e.change, e.user])).toEqual([['loggedIn', '1002']]);
		step = pollAgents(
			step.state,
			'2026-11-23 10:05:00',
			[agent('1001', 'PAUSED'), agent('1002', 'INCALL')],
			5,
		);
		expect(step.events.map((e) => [e.change, e.user, e.previousStatus, e.status])).toEqual([
			['pausedTooLong', '1001', undefined, 'PAUSED'],
			['statusChanged', '1002', 'READY', 'INCALL'],
		]);
		step = pollAgents(
			step.state,
			'2026-11-23 10:30:00',
			[agent('1001', 'PAUSED'), agent('1002', 'INCALL')],
			5,
		);
		expect(step.events).toEqual([]);
		step = pollAgents(step.state, '2026-11-23 10:31:00', [agent('1002', 'INCALL')], 5);
		expect(step.events.map((e) => [e.change, e.user, e.previousStatus])).toEqual([
			['loggedOut', '1001', 'PAUSED'],
		]);
	});
});

describe('all recordings: who is asked, and each recording once', () => {
	/** A fake client: agent_stats_export answers `users`, recording_lookup the recordings of a user and day. */
	function fakeClient(
		users: string[],
		recordings: Array<{ id: number; user: string; start: string; location?: string }>,
	) {
		const calls: string[] = [];
		const client = {
			async call(spec: { fn: string }, values: Record<string, unknown> = {}) {
				calls.push(
					`${spec.fn} ${String(values.agent_user ?? (values.lead_id !== undefined ? `lead ${String(values.lead_id)}` : values.datetime_start))}${values.date ? ` ${String(values.date)}` : ''}`,
				);
				if (spec.fn === 'agent_stats_export') return { records: users.map((user) => ({ user })) };
				const agent = String(values.agent_user).toUpperCase();
				return {
					records: recordings
						.filter(
							(r) => r.user.toUpperCase() === agent && r.start.startsWith(String(values.date)),
						)
						.map((r) => ({
							recording_id: r.id,
							user: r.user,
							start_time: r.start,
							location: r.location ?? `rec_${r.id}.mp3`,
						})),
				};
			},
		};
		return { client: client as unknown as Client, calls };
	}
	const settings = { agentUser: [], extraUsers: [], leadId: '' };

	test('the window of a day starts at noon the day before, across months and leap days', () => {
		expect(requestValues.activeUsers('2026-03-01')).toEqual({
			datetime_start: '2026-02-28 12:00:00',
			datetime_end: '2026-03-01 23:59:59',
		});
		expect(requestValues.activeUsers('2028-03-01')).toEqual({
			datetime_start: '2028-02-29 12:00:00',
			datetime_end: '2028-03-01 23:59:59',
		});
		expect(requestValues.activeUsers('2027-01-01')).toEqual({
			datetime_start: '2026-12-31 12:00:00',
			datetime_end: '2027-01-01 23:59:59',
		});
	});

	test('agents of the log, then VDAD, then the extra users, each once whatever the case; IDs recording_lookup ignores are skipped', async () => {
		// "vdad" in the agent log is VDAD (VICIdial compares user IDs without case): asked once
		const { client, calls } = fakeClient(
			['1001', 'vdad', '42', 'a.b', '1003'],
			[
				{ id: 7, user: 'VDAD', start: '2026-11-23 10:00:00' },
				{ id: 8, user: '1001', start: '2026-11-23 10:05:00', location: '' },
				{ id: 9, user: 'GATEWAY', start: '2026-11-23 10:01:00' },
			],
		);
		const rows = await logFetcher(client, 'newRecording', {
			...settings,
			extraUsers: ['GATEWAY', 'Vdad'],
		})(['2026-11-23']);
		expect(calls).toEqual([
			'agent_stats_export 2026-11-22 12:00:00',
			'recording_lookup 1001 2026-11-23',
			'recording_lookup vdad 2026-11-23',
			'recording_lookup 1003 2026-11-23',
			'recording_lookup GATEWAY 2026-11-23',
		]);
		expect(rows.map((r) => [r.key, r.time, r.ready])).toEqual([
			['8', '2026-11-23 10:05:00', false],
			['7', '2026-11-23 10:00:00', true],
			['9', '2026-11-23 10:01:00', true],
		]);
	});

	test('a recording returned for two days is one event', async () => {
		const { client } = fakeClient([], []);
		const twice = {
			...client,
			call: async (spec: { fn: string }) =>
				spec.fn === 'agent_stats_export'
					? { records: [] }
					: {
							records: [
								{ recording_id: 9, user: 'VDAD', start_time: '2026-11-23 23:59:59', location: 'x' },
							],
						},
		} as unknown as Client;
		const rows = await logFetcher(twice, 'newRecording', settings)(['2026-11-23', '2026-11-24']);
		expect(rows.map((r) => r.key)).toEqual(['9']);
	});

	test('explicit agents or a lead: no agent_stats_export', async () => {
		const { client, calls } = fakeClient(['1001'], []);
		await logFetcher(client, 'newRecording', { ...settings, agentUser: ['1002'] })(['2026-11-23']);
		await logFetcher(client, 'newRecording', { ...settings, leadId: '12' })(['2026-11-23']);
		expect(calls).toEqual([
			'recording_lookup 1002 2026-11-23',
			'recording_lookup lead 12 2026-11-23',
		]);
	});
});
