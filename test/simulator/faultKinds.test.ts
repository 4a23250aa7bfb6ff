/**
 * The simulator's drawn fault kinds: the `applied*` kinds make the change and then lose or
 * spoil the answer, the `notApplied*` kinds fail alike without making it; the PRNG is seeded.
 */
import { FAULT_KINDS, pickKind, seededRandom, type FaultKind } from './faults';
import { startSimulator, type Simulator } from './index';
import { rawRequest } from './rawHttp';

const NA = '/vicidial/non_agent_api.php';
const addLead = (phone: string) =>
	`function=add_lead&user=6666&pass=1234&source=test&phone_number=${phone}&list_id=101`;

describe('simulator fault kinds', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(() => {
		sim.reset();
		sim.faults(null);
	});
	const leadsWithPhone = (phone: string) =>
		sim.state.db.t('vicidial_list').count((r) => r.phone_number === phone);
	const send = (body: string, timeoutMs = 5000) =>
		rawRequest(sim.url, { target: NA, body }, timeoutMs);

	const expectations: Record<
		FaultKind,
		{ applied: boolean; check: (r: Promise<Awaited<ReturnType<typeof send>>>) => Promise<void> }
	> = {
		appliedEmpty500: {
			applied: true,
			check: async (r) => {
				const answer = await r;
				expect(answer.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
				expect(answer.body).toBe('');
			},
		},
		applied500Success: {
			applied: true,
			check: async (r) => {
				const answer = await r;
				expect(answer.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
				expect(answer.body).toMatch(
					/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125559\d+\|101\|16\|/,
				);
			},
		},
		appliedReset: { applied: true, check: async (r) => expect(r).rejects.toThrow() },
		appliedTruncated: {
			applied: true,
			check: async (r) => {
				const answer = await r;
				const length = Number(answer.headers.find(([n]) => n === 'Content-Length')?.[1]);
				expect(Buffer.byteLength(answer.body, 'latin1')).toBe(Math.floor(length / 2));
				expect(answer.body).toMatch(/^SUCCESS: add_lead/);
			},
		},
		appliedHang: { applied: true, check: async (r) => expect(r).rejects.toThrow(/timeout/) },
		notAppliedReset: { applied: false, check: async (r) => expect(r).rejects.toThrow() },
		notAppliedEmpty500: {
			applied: false,
			check: async (r) => {
				const answer = await r;
				expect(answer.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
				expect(answer.body).toBe('');
			},
		},
		notAppliedHang: { applied: false, check: async (r) => expect(r).rejects.toThrow(/timeout/) },
	};

	test.each(FAULT_KINDS.map((k, i) => [k, i] as const))('%s', async (kind, i) => {
		const phone = `31255590${String(i).padStart(2, '0')}`;
		sim.faults({ kinds: { [kind]: 1 }, functions: ['add_lead'], hangMs: 2000 });
		await expectations[kind].check(send(addLead(phone), 300));
		expect(sim.faultCounts()).toEqual({ [kind]: 1 });
		expect(leadsWithPhone(phone)).toBe(expectations[kind].applied ? 1 : 0);
		// other functions are untouched
		expect((await send('function=version')).body).toMatch(/^VERSION:/);
	});

	test('rates and seed: the same seed gives the same faults, and about the asked share', async () => {
		const kinds = { appliedEmpty500: 0.1, notAppliedEmpty500: 0.1 };
		const run = async (seed: number) => {
			sim.faults({ kinds, seed, functions: ['version'] });
			const statuses: string[] = [];
			for (let i = 0; i < 60; i++) statuses.push((await send('function=version')).statusLine);
			return { statuses, counts: sim.faultCounts() };
		};
		const first = await run(42);
		const second = await run(42);
		expect(second).toEqual(first);
		const faulted = first.statuses.filter((s) => s.includes('500')).length;
		expect(faulted).toBe(
			(first.counts.appliedEmpty500 ?? 0) + (first.counts.notAppliedEmpty500 ?? 0),
		);
		expect(faulted).toBeGreaterThan(3);
		expect(faulted).toBeLessThan(25);
		expect((await run(43)).statuses).not.toEqual(first.statuses);
	});

	test('times limits the drawn faults; bad rates are refused', async () => {
		sim.faults({ kinds: { notAppliedEmpty500: 1 }, times: 2 });
		const statuses: string[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await send('function=version')).statusLine);
		expect(statuses).toEqual([
			'HTTP/1.0 500 Internal Server Error',
			'HTTP/1.0 500 Internal Server Error',
			'HTTP/1.1 200 OK',
			'HTTP/1.1 200 OK',
		]);
		expect(() => sim.faults({ kinds: { appliedReset: 0.7, appliedHang: 0.7 } })).toThrow(
			/more than 1/,
		);
		expect(() => sim.faults({ kinds: { nonsense: 0.1 } as never })).toThrow(/unknown fault kind/);
	});

	test('pickKind walks the kinds in order; the PRNG is in [0, 1)', () => {
		expect(pickKind({ appliedReset: 0.2, notAppliedHang: 0.3 }, 0.1)).toBe('appliedReset');
		expect(pickKind({ appliedReset: 0.2, notAppliedHang: 0.3 }, 0.45)).toBe('notAppliedHang');
		expect(pickKind({ appliedReset: 0.2, notAppliedHang: 0.3 }, 0.5)).toBeUndefined();
		const random = seededRandom(7);
		const values = Array.from({ length: 1000 }, random);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		expect(seededRandom(7)()).toBe(values[0]);
	});
});
