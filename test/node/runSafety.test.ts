/**
 * How one run of a node treats the server: a wrong password costs one failed login whatever the
 * item count, parallelism or Continue On Fail; a possibly cut answer says so; parameters read
 * once per run still follow each item's expressions.
 */
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { startTarget } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runNode, runVicidial } from './run';

const getAllInfo = (options: Record<string, unknown> = {}) => ({
	resource: 'lead',
	operation: 'getAllInfo',
	leadId: '={{ $json.lead }}',
	options,
});

describe('one run against the simulator', () => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	let before = 0;
	beforeEach(() => {
		target.reset();
		before = target.sim!.requests.length;
	});
	const sentNow = () => target.sim!.requests.slice(before);
	const loginsSent = () => sentNow().filter((r) => r.params.function !== 'version').length;

	test.each([
		[true, 1],
		[true, 20],
		[false, 4],
		[false, 20],
	])(
		'a wrong password, Continue On Fail %s, %i parallel: one request, the rest not sent',
		async (continueOnFail, concurrency) => {
			const items = Array.from({ length: 60 }, (_, i) => ({ lead: 1 + (i % 7) }));
			const result = await runVicidial({
				url: target.url,
				password: 'wrong-pass',
				parameters: getAllInfo({ concurrency }),
				items,
				continueOnFail,
			});
			expect(loginsSent()).toBe(1);
			if (!continueOnFail) {
				expect(result.error?.message).toMatch(/^Item 1: /);
				return;
			}
			expect(paired(result)).toEqual(items.map((_, i) => i));
			const [first, ...rest] = json(result);
			expect(first).toMatchObject({ errorKind: 'login' });
			for (const [i, item] of rest.entries()) {
				expect(item).toMatchObject({
					error: expect.stringMatching(new RegExp(`^Item ${i + 2}: `)),
					errorKind: 'login',
					outcome: 'not_sent',
				});
				expect(item.hint).toMatch(/Not sent to VICIdial/);
			}
		},
	);

	test('the Agent node: a wrong password is sent once for many agents', async () => {
		const items = Array.from({ length: 30 }, () => ({ agent: '1001' }));
		const result = await runNode(new VicidialAgent(), 'agent node', {
			url: target.url,
			password: 'wrong-pass',
			parameters: {
				resource: 'session',
				operation: 'pauseOrResume',
				agentUser: '={{ $json.agent }}',
				value: 'PAUSE',
				options: { concurrency: 10 },
			},
			items,
			continueOnFail: true,
		});
		expect(loginsSent()).toBe(1);
		expect(
			json(result)
				.slice(1)
				.every((item) => item.outcome === 'not_sent'),
		).toBe(true);
	});

	test('expressions are still read per item when the other parameters are read once', async () => {
		const items = [{ lead: 1 }, { lead: 2 }, { lead: 3 }];
		const result = await runVicidial({
			url: target.url,
			parameters: getAllInfo({ concurrency: 1 }),
			items,
		});
		expect(json(result).map((item) => item.lead_id)).toEqual([1, 2, 3]);
		const sent = sentNow().filter((r) => r.params.function === 'lead_all_info');
		expect(sent.map((r) => r.params.lead_id)).toEqual(['1', '2', '3']);
	});

	test('a search VICIdial cut at its row limit is marked capped', async () => {
		for (const list of ['101', '102']) {
			await runVicidial({
				url: target.url,
				parameters: { resource: 'lead', operation: 'add', phoneNumber: '3125550166', listId: list },
			});
		}
		const search = (records: number) =>
			runVicidial({
				url: target.url,
				parameters: {
					resource: 'lead',
					operation: 'searchByPhone',
					phoneNumber: '3125550166',
					additionalFields: { records },
				},
			});
		const [cut] = json(await search(2));
		expect(cut).toMatchObject({
			records_found: 2,
			capped: true,
			capped_hint: expect.stringMatching(/Max Leads/),
		});
		const [whole] = json(await search(3));
		expect(whole.capped).toBeUndefined();
	});
});
