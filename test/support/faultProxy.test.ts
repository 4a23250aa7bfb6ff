/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The fault proxy in front of a server (the simulator; the genuine one too when VICIDIAL_REAL_URL is set). */
import { rawRequest } from '../simulator/rawHttp';
import { FAULT_KINDS, startFaultProxy, type FaultKind, type FaultProxy } from './faultProxy';
import { runSql } from './customFields';
import { startTarget, targetNames, type Target } from './targets';

const NA = '/vicidial/non_agent_api.php';
const addLead = (phone: string) =>
	`function=add_lead&user=6666&pass=1234&source=test&phone_number=${phone}&list_id=101`;

describe.each(targetNames)('fault proxy in front of the %s', (targetName) => {
	let target: Target;
	let proxy: FaultProxy;
	beforeAll(async () => {
		target = await startTarget(targetName);
		proxy = await startFaultProxy({ target: target.url, hangMs: 1500, lifetimeMs: 120_000 });
		// once: each test uses its own phone number
		target.reset();
	});
	afterAll(async () => {
		await proxy.close();
		await target.close();
	});
	beforeEach(() => {
		proxy.setFaults(null);
		proxy.resetCounts();
	});
	const leadsWithPhone = (phone: string): number =>
		target.sim
			? target.sim.state.db.t('vicidial_list').count((r) => r.phone_number === phone)
			: Number(runSql(`SELECT COUNT(*) FROM vicidial_list WHERE phone_number='${phone}'`).trim());
	const send = (body: string, timeoutMs = 5000) =>
		rawRequest(proxy.url, { target: NA, body }, timeoutMs);

	test('passes answers through unchanged', async () => {
		const direct = await rawRequest(target.url, { target: NA, body: 'function=version' });
		const through = await send('function=version');
		expect(through.statusLine.replace('HTTP/1.0', 'HTTP/1.1')).toBe(
			direct.statusLine.replace('HTTP/1.0', 'HTTP/1.1'),
		);
		expect(through.body.slice(0, 30)).toBe(direct.body.slice(0, 30));
		expect(proxy.counts).toMatchObject({ forwarded: 1, passed: 1 });
		expect(proxy.forwardedByFunction).toEqual({ version: 1 });
	});

	test.each(FAULT_KINDS.map((k, i) => [k, i] as const))('%s', async (kind: FaultKind, i) => {
		const phone = `31255591${String(i).padStart(2, '0')}`;
		proxy.setFaults({ kinds: { [kind]: 1 }, functions: ['add_lead'] });
		const answer = send(addLead(phone), 600).then(
			(r) => ({
				status: r.statusLine,
				body: r.body,
				length: r.headers.find(([n]) => /^content-length$/i.test(n))?.[1],
			}),
			(e: Error) => ({ error: e.message }),
		);
		const seen = await answer;
		switch (kind) {
			case 'appliedEmpty500':
			case 'notAppliedEmpty500':
				expect(seen).toEqual({
					status: 'HTTP/1.0 500 Internal Server Error',
					body: '',
					length: undefined,
				});
				break;
			case 'applied500Success':
				expect(seen).toMatchObject({
					status: 'HTTP/1.0 500 Internal Server Error',
					body: expect.stringMatching(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - /),
				});
				break;
			case 'appliedTruncated':
				expect(seen).toMatchObject({ body: expect.stringMatching(/^SUCCESS: add_lead/) });
				expect(Buffer.byteLength((seen as { body: string }).body, 'latin1')).toBe(
					Math.floor(Number((seen as { length: string }).length) / 2),
				);
				break;
			case 'appliedHang':
			case 'notAppliedHang':
				expect(seen).toEqual({ error: 'timeout' });
				break;
			default:
				expect(seen).toHaveProperty('error');
		}
		expect(proxy.counts[kind]).toBe(1);
		expect(leadsWithPhone(phone)).toBe(kind.startsWith('applied') ? 1 : 0);
		expect(proxy.forwardedByFunction.add_lead ?? 0).toBe(kind.startsWith('applied') ? 1 : 0);
		// other functions pass
		expect((await send('function=version')).body).toMatch(/^VERSION:/);
	});

	test('closes itself after its lifetime', async () => {
		const short = await startFaultProxy({ target: target.url, lifetimeMs: 200 });
		expect((await rawRequest(short.url, { target: NA, body: 'function=version' })).body).toMatch(
			/^VERSION:/,
		);
		await new Promise((resolve) => setTimeout(resolve, 400));
		await expect(
			rawRequest(short.url, { target: NA, body: 'function=version' }, 1000),
		).rejects.toThrow();
	});
});
