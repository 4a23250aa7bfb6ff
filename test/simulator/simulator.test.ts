/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The simulator on its own (always runs), and against the genuine server when one answers
 * at VICIDIAL_REAL_URL (default http://127.0.0.1:8089; set it to "off" to skip).
 */
import { SEQUENCES } from './cases';
import { compareWithRetries, formatDiff, REAL_URL, realServerUp } from './compareReal';
import { startSimulator, type Simulator } from './index';
import { rawRequest, type RawResponse } from './rawHttp';

const NA = '/vicidial/non_agent_api.php';
const AG = '/agc/api.php';
const A = 'user=6666&pass=1234&source=test';
const T0 = new Date('2026-03-04T10:20:30Z');

describe('simulator', () => {
	let sim: Simulator;
	let now: Date;
	const post = (target: string, body: string): Promise<RawResponse> =>
		rawRequest(sim.url, { target, body });
	const na = async (body: string): Promise<string> => (await post(NA, body)).body;
	const ag = async (body: string): Promise<string> => (await post(AG, body)).body;

	beforeAll(async () => {
		now = T0;
		sim = await startSimulator({ clock: () => now });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(() => {
		now = T0;
		sim.reset();
		sim.faults(null);
	});

	it('answers version like VICIdial 2.14, framed like php -S', async () => {
		const r = await rawRequest(sim.url, { target: `${NA}?function=version` });
		expect(r.statusLine).toBe('HTTP/1.1 200 OK');
		expect(r.headers.map(([n]) => n)).toEqual([
			'Host',
			'Date',
			'Connection',
			'X-Powered-By',
			'Content-type',
			'Cache-Control',
			'Pragma',
		]);
		expect(r.headers.find(([n]) => n === 'Date')?.[1]).toBe('Wed, 04 Mar 2026 10:20:30 GMT');
		expect(r.body).toBe(
			'VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-03-04 10:20:30|EPOCH: 1772619630|DST: 0|TZ: 0.00|TZNOW: 0.00|\n',
		);
		expect(await ag('function=version')).toBe(
			'VERSION: 2.14-82|BUILD: 250122-1010|DATE: 2026-03-04 10:20:30|EPOCH: 1772619630\n',
		);
	});

	it('refuses coffee with 418 and unknown paths with the php -S 404 page', async () => {
		const tea = await post(NA, 'function=coffee');
		expect(tea.statusLine).toBe("HTTP/1.0 418 I'm a teapot");
		expect(tea.body).toBe("Coffee: coffee|Error 418 I'm a teapot");
		const missing = await rawRequest(sim.url, { target: '/vicidial/other.php?a=<b>' });
		expect(missing.statusLine).toBe('HTTP/1.1 404 Not Found');
		expect(missing.body).toContain('<code class="url">/vicidial/other.php?a=&lt;b&gt;</code>');
		expect(Number(missing.headers.find(([n]) => n === 'Content-Length')?.[1])).toBe(
			missing.raw.length - missing.raw.indexOf('\r\n\r\n') - 4,
		);
	});

	it('reports login errors as the real server does', async () => {
		expect(await na('function=lead_search&user=6666&pass=wrong&source=test')).toBe(
			'ERROR: Login incorrect, please try again: |6666|wrong|BAD|\n',
		);
		expect(await na('function=lead_search&user=1001&pass=1234&source=test')).toBe(
			'ERROR: Login incorrect, please try again: |1001|1234|BAD|\n',
		);
		expect(await na(`function=foo&${A}`)).toBe('ERROR: NO FUNCTION SPECIFIED\n');
		expect(
			await na('function=add_lead&user=6667&pass=1234&source=test&phone_number=3125550100'),
		).toBe('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|add_lead|\n');
		expect(
			await na('function=add_lead&user=6668&pass=1234&source=test&phone_number=3125550100'),
		).toBe('ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |6668|0|\n');
		expect(await ag('function=external_pause&source=test&user=6668&pass=1234')).toBe(
			'ERROR: Invalid Username/Password: |6668|1234|1|0|GOOD|\n',
		);
		expect(await ag('function=external_pause&source=test&user=6666&pass=bad')).toBe(
			"ERROR: Invalid Username/Password: |6666|bad|0|1|BAD|0|api|SELECT count(*) from vicidial_users where user='6666' and pass='bad' and user_level > 0 and active='Y' and ( (failed_login_count < 10) or (UNIX_TIMESTAMP(last_login_date) < 1772618730) );|\n",
		);
	});

	it('locks a user after 10 failed logins for 15 minutes', async () => {
		for (let i = 0; i < 10; i++) await na(`function=version2&user=6699&pass=bad${i}`);
		const locked = 'ERROR: Too many login attempts, try again in 15 minutes: |6699|LOCK|\n';
		expect(
			await na('function=lead_search&user=6699&pass=1234&source=test&phone_number=3125550111'),
		).toBe(locked);
		expect(await ag('function=foo&source=test&user=6699&pass=1234')).toBe(
			'ERROR: Invalid Username/Password: |6699|1234|0|1|LOCK|\n',
		);
		now = new Date(T0.getTime() + 901 * 1000);
		expect(
			await na('function=lead_search&user=6699&pass=1234&source=test&phone_number=3125550111'),
		).toBe('3125550111|1|11\n');
		sim.reset();
		expect(sim.state.user('6699')?.failed_login_count).toBe('0');
	});

	it('adds leads from id 16, finds them, and counts them in list_info', async () => {
		expect(
			await na(`function=add_lead&${A}&phone_number=3125550177&list_id=101&add_to_hopper=Y`),
		).toBe(
			'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\nNOTICE: add_lead ADDED TO HOPPER - 3125550177|16|3|6666\n',
		);
		expect(
			await na(
				`function=add_lead&${A}&phone_number=3125550177&list_id=101&duplicate_check=DUPLIST`,
			),
		).toBe('ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550177|101|16\n');
		expect(await na(`function=lead_search&${A}&phone_number=3125550177,3125550111`)).toBe(
			'3125550177|1|16\n3125550111|1|11\n',
		);
		expect(await na(`function=list_info&${A}&list_id=101&leads_counts=Y&dialable_count=Y`)).toBe(
			'101|Test list 101|TESTCAMP|Y|2026-03-04 10:20:30|2026-03-04 09:50:30|2099-12-31|0|13|8|8\n',
		);
		sim.reset();
		expect(await na(`function=add_lead&${A}&phone_number=3125550178&list_id=101`)).toContain(
			'|101|16||6666\n',
		);
	});

	it('answers 500 with the text printed so far when the real server would hit an SQL error', async () => {
		const r = await post(NA, `function=lead_search&${A}&search_method=LEAD_ID&lead_id=11`);
		expect(r.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
		expect(r.body).toBe('');
		const r2 = await post(
			NA,
			`function=add_lead&${A}&phone_number=3125550179&list_id=101&first_name=O'Brien`,
		);
		expect(r2.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
		expect(r2.body).toBe('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550179|101|16||6666\n');
	});

	it('sets external_pause on the live agent row only for logged-in agents', async () => {
		expect(await ag(`function=external_pause&${A}&agent_user=1002&value=PAUSE`)).toBe(
			'ERROR: agent_user is not logged in - 1002\n',
		);
		expect(await ag(`function=external_pause&${A}&agent_user=1003&value=RESUME`)).toBe(
			'ERROR: external_pause agent is not paused - RESUME|1003\n',
		);
		expect(await ag(`function=external_pause&${A}&agent_user=1001&value=RESUME`)).toBe(
			'SUCCESS: external_pause function set - RESUME|1772619630|1001\n',
		);
		const row = sim.state.db.t('vicidial_live_agents').find((r) => r.user === '1001');
		expect(row?.external_pause).toBe('RESUME!1772619630');
		expect(row?.status).toBe('PAUSED');
	});

	it('records every request with PHP-merged parameters', async () => {
		sim.requests.length = 0;
		await rawRequest(sim.url, {
			target: `${NA}?function=version&user=a+b`,
			body: 'user=c&x=%E2%82%AC',
		});
		expect(sim.requests).toEqual([
			{
				method: 'POST',
				path: NA,
				rawQuery: 'function=version&user=a+b',
				rawBody: 'user=c&x=%E2%82%AC',
				params: { function: 'version', user: 'a b', x: '€' },
			},
		]);
	});

	describe('faults', () => {
		it('adds latency', async () => {
			sim.faults({ latencyMs: 150 });
			const t = Date.now();
			await na('function=version');
			expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		});

		it('resets the connection, only for the listed functions and only `times` times', async () => {
			sim.faults({ resetConnection: true, functions: ['add_lead'], times: 1 });
			expect(await na('function=version')).toContain('VERSION:');
			await expect(
				na(`function=add_lead&${A}&phone_number=3125550177&list_id=101`),
			).rejects.toThrow();
			expect(await na(`function=add_lead&${A}&phone_number=3125550177&list_id=101`)).toContain(
				'|16||6666',
			);
		});

		it('truncates the body under a full Content-Length', async () => {
			sim.faults({ truncateBody: true });
			const r = await post(NA, 'function=version');
			const length = Number(r.headers.find(([n]) => n === 'Content-Length')?.[1]);
			expect(length).toBe(110);
			expect(Buffer.byteLength(r.body, 'latin1')).toBe(55);
		});

		it('answers an empty HTTP 500', async () => {
			sim.faults({ emptyHttp500: true });
			const r = await post(NA, 'function=version');
			expect(r.statusLine).toBe('HTTP/1.0 500 Internal Server Error');
			expect(r.body).toBe('');
			sim.faults(null);
			expect(await na('function=version')).toContain('VERSION:');
		});
	});
});

const realUp = !/^(off|none|0)?$/i.test(process.env.VICIDIAL_REAL_URL ?? 'on') && realServerUp();

(realUp ? describe : describe.skip)(`simulator = genuine VICIdial at ${REAL_URL}`, () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim.close();
	});

	for (const seq of SEQUENCES) {
		it(`${seq.name} (${seq.cases.length} requests)`, async () => {
			const diffs = await compareWithRetries(sim, seq);
			if (diffs.length > 0)
				throw new Error(`${diffs.length} answers differ:\n${diffs.map(formatDiff).join('\n')}`);
		}, 180000);
	}
});
