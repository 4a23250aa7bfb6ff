/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Figures for issue 11, "Lockout": a wrong password costs at most ONE failed login per run,
 * whatever the item count, Parallel Requests or Continue On Fail, for the VICIdial node, the
 * Agent node, the VICIdial Trigger's poll, the Call Event Trigger's registration and the
 * credential test; the user is never locked by it. Items that were not sent carry the same
 * login error, paired, with outcome "not_sent".
 *
 * The simulator runs 10,000 items per configuration; the genuine server (VICIDIAL_REAL_URL) a
 * smaller run, read back from vicidial_users in its database.
 */
import type { IDataObject } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { pollOnce, runWebhookHook, testCredential } from '../helpers/n8n';
import { runVicidialAgent } from '../node/agentRun';
import { json, paired, runVicidial } from '../node/run';
import type { ExecuteNodeResult } from '../helpers/n8n';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { figure, leadsByPhone, loginCounters, withoutItem } from './figures';

const USER = '6699'; // the seed's user reserved for lockout tests
const WRONG = 'Wr0ngLockout#5';
const CONFIGS: Array<[boolean, number]> = [
	[false, 1],
	[false, 4],
	[false, 20],
	[true, 1],
	[true, 4],
	[true, 20],
];

const phones = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

describe.each(targetNames)('lockout figures against the %s', (targetName) => {
	let target: Target;
	const items = targetName === 'simulator' ? 10_000 : 200;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());

	const credentials = (password: string) => ({
		vicidialApi: { serverUrl: target.url, apiUser: USER, password, source: 'n8n' },
	});

	/** After a good login the user works: the run with the right password is not refused. */
	async function assertNotLocked(): Promise<boolean> {
		const result = await runVicidial({
			url: target.url,
			user: USER,
			password: '1234',
			parameters: {
				resource: 'lead',
				operation: 'searchByPhone',
				phoneNumber: '3125550111',
				options: { emptyOnNoRecords: true },
			},
		});
		return result.error === undefined;
	}

	/** Checks the output of a node run with a wrong password over `count` items; returns the figure values. */
	function checkNodeRun(result: ExecuteNodeResult, count: number, continueOnFail: boolean) {
		if (!continueOnFail) {
			expect(result.error).toBeDefined();
			expect(result.error?.message).toMatch(/user|password|login/i);
			return { stopped: 'error', message: JSON.stringify(withoutItem(result.error?.message)) };
		}
		expect(result.error).toBeUndefined();
		const out = json(result);
		expect(out).toHaveLength(count);
		expect(paired(result)).toEqual(Array.from({ length: count }, (_, i) => i));
		const sent = out.filter((j) => j.outcome !== 'not_sent');
		const notSent = out.filter((j) => j.outcome === 'not_sent');
		const loginError = withoutItem(sent[0]?.error ?? out[0]?.error);
		expect(loginError).toMatch(/user|password|login/i);
		for (const item of out) expect(withoutItem(item.error)).toContain(loginError);
		// writes: every error item says what happened to it; all but the one sent were not sent
		for (const item of out) expect(['not_sent', 'refused', 'unknown']).toContain(item.outcome);
		expect(notSent.length).toBeGreaterThanOrEqual(count - 1);
		return {
			sent: sent.length,
			not_sent: notSent.length,
			outcomes: [...new Set(out.map((j) => String(j.outcome)))].join('/'),
		};
	}

	/**
	 * One node run over `count` items with the wrong password, and its figure. On the simulator a
	 * 50-item probe of the same configuration runs first: a node that already spends more than one
	 * failed login there fails on the probe's figure, instead of spending minutes on 10,000 items
	 * (every one sent costs n8n's request path ~15 ms here) only to fail the same way.
	 */
	async function lockoutRun(
		label: string,
		count: number,
		continueOnFail: boolean,
		concurrency: number,
		run: (items: IDataObject[]) => Promise<ExecuteNodeResult>,
		makeItems: (count: number) => IDataObject[],
		leadsAdded: () => number,
	) {
		let size = count;
		let before = loginCounters(target, USER);
		let started = Date.now();
		let result: ExecuteNodeResult | undefined;
		if (target.sim && count > 1000) {
			const probe = await run(makeItems(50));
			if (loginCounters(target, USER).failedAttemptsToday - before.failedAttemptsToday > 1) {
				size = 50;
				result = probe;
			} else {
				target.reset();
				before = loginCounters(target, USER);
				started = Date.now();
			}
		}
		result ??= await run(makeItems(size));
		const seconds = (Date.now() - started) / 1000;
		const after = loginCounters(target, USER);
		const failedLogins = after.failedAttemptsToday - before.failedAttemptsToday;
		const added = leadsAdded();
		let shape: IDataObject;
		try {
			shape = checkNodeRun(result, size, continueOnFail);
		} catch (e) {
			// the first line of the failed expectation and what it received, e.g. an outcome that is not there
			const lines = (e as Error).message.split('\n').map((l) => l.trim());
			// eslint-disable-next-line no-control-regex -- strips the terminal colours of Jest's message
			const colours = /\u001b\[\d+m/g;
			shape = {
				shape: `WRONG (${lines[0]} ${lines.find((l) => l.startsWith('Received')) ?? ''})`.replace(
					colours,
					'',
				),
			};
		}
		const notLocked = await assertNotLocked();
		figure(`lockout ${target.name} ${label}`, {
			items: size,
			...(size !== count
				? { note: `probe only: ${count} items not attempted, the probe already failed` }
				: {}),
			continueOnFail: continueOnFail ? 'on' : 'off',
			parallel: concurrency,
			failed_logins: failedLogins,
			failed_login_count: after.failedLoginCount,
			locked: notLocked ? 'no' : 'YES',
			leads_added: added,
			...shape,
			seconds,
		});
		expect(failedLogins).toBeLessThanOrEqual(1);
		expect(after.failedLoginCount).toBeLessThanOrEqual(1);
		expect(notLocked).toBe(true);
		expect(added).toBe(0);
		expect(size).toBe(count);
		checkNodeRun(result, size, continueOnFail);
	}

	const leadItems = (count: number) => phones(count, '31260').map((phone) => ({ phone }));
	const leadsAdded = () => [...leadsByPhone(target, phones(items, '31260')).values()].flat().length;

	test.each(CONFIGS)(
		`VICIdial node, Lead → Add, ${items} items, Continue On Fail %s, %i parallel: at most one failed login`,
		async (continueOnFail, concurrency) => {
			await lockoutRun(
				'vicidial-node lead.add',
				items,
				continueOnFail,
				concurrency,
				async (list) =>
					await runVicidial({
						url: target.url,
						user: USER,
						password: WRONG,
						parameters: {
							resource: 'lead',
							operation: 'add',
							phoneNumber: '={{ $json.phone }}',
							listId: '101',
							options: { concurrency },
						},
						items: list,
						continueOnFail,
					}),
				leadItems,
				leadsAdded,
			);
		},
		600_000,
	);

	const agentItems = Math.min(items, 2000);
	test.each(CONFIGS)(
		`Agent node, Session → Pause or Resume, ${agentItems} items, Continue On Fail %s, %i parallel: at most one failed login`,
		async (continueOnFail, concurrency) => {
			await lockoutRun(
				'agent-node session.pauseOrResume',
				agentItems,
				continueOnFail,
				concurrency,
				async (list) =>
					await runVicidialAgent({
						url: target.url,
						user: USER,
						password: WRONG,
						parameters: {
							resource: 'session',
							operation: 'pauseOrResume',
							agentUser: '={{ $json.agent }}',
							value: 'PAUSE',
							options: { concurrency },
						},
						items: list,
						continueOnFail,
					}),
				(count) =>
					Array.from({ length: count }, (_, i) => ({ agent: ['1001', '1002', '1003'][i % 3] })),
				() => 0,
			);
		},
		600_000,
	);

	const POLLS: Array<[string, IDataObject]> = [
		['didCall', { event: 'didCall', did: '3125550100' }],
		['newRecording (3 agents)', { event: 'newRecording', agentUser: '1001, 1002, 1003' }],
		[
			'numberCall (5 numbers)',
			{
				event: 'numberCall',
				phoneNumbers: '3125550111, 3125550112, 3125550113, 3125550114, 3125550115',
				callType: 'ALL',
			},
		],
		['leadStatus (3 statuses)', { event: 'leadStatus', statuses: 'SALE, DNC, CALLBK' }],
		['agentState', { event: 'agentState' }],
		['queueThreshold (2 in-groups)', { event: 'queueThreshold', inGroups: 'TESTIN, TESTIN2' }],
	];

	test.each(POLLS)(
		'VICIdial Trigger poll, %s: at most one failed login',
		async (name, parameters) => {
			const before = loginCounters(target, USER);
			const result = await pollOnce({
				nodeType: new VicidialTrigger(),
				credentialTypes: [new VicidialApi()],
				credentials: credentials(WRONG),
				parameters: parameters as never,
			});
			const after = loginCounters(target, USER);
			const failedLogins = after.failedAttemptsToday - before.failedAttemptsToday;
			figure(`lockout ${target.name} trigger-poll ${name.split(' ')[0]}`, {
				failed_logins: failedLogins,
				failed_login_count: after.failedLoginCount,
				error: JSON.stringify(result.error?.message ?? ''),
			});
			expect(result.error?.message).toMatch(/user|password|login/i);
			expect(result.items).toBeNull();
			expect(failedLogins).toBeLessThanOrEqual(1);
		},
	);

	test('Call Event Trigger registration on 4 campaigns: at most one failed login', async () => {
		const before = loginCounters(target, USER);
		const result = await runWebhookHook({
			nodeType: new VicidialCallEventTrigger(),
			method: 'create',
			mode: 'trigger',
			parameters: {
				event: 'dispo',
				token: 'Zq7uV2mK9pX4rT8wLs3d',
				register: true,
				owners: 'TESTCAMP, CAMPB, CAMPC, CAMPD',
			} as never,
			credentialTypes: [new VicidialApi()],
			credentials: credentials(WRONG),
			staticData: {},
		});
		const after = loginCounters(target, USER);
		const failedLogins = after.failedAttemptsToday - before.failedAttemptsToday;
		figure(`lockout ${target.name} call-event-trigger create`, {
			failed_logins: failedLogins,
			failed_login_count: after.failedLoginCount,
			error: JSON.stringify(result.error?.message ?? ''),
		});
		expect(result.error).toBeDefined();
		expect(failedLogins).toBeLessThanOrEqual(1);
	});

	test('credential test: at most one failed login', async () => {
		const before = loginCounters(target, USER);
		const result = await testCredential({
			nodeType: new Vicidial(),
			credentialType: new VicidialApi(),
			testedBy: 'vicidialApiTest',
			data: credentials(WRONG).vicidialApi as never,
		});
		const after = loginCounters(target, USER);
		const failedLogins = after.failedAttemptsToday - before.failedAttemptsToday;
		figure(`lockout ${target.name} credential-test`, {
			failed_logins: failedLogins,
			status: result.status,
		});
		expect(result.status).toBe('Error');
		expect(failedLogins).toBeLessThanOrEqual(1);
	});
});
