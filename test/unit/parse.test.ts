/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { VicidialError } from '../../nodes/shared/errors';
import { isoOffset, parseAnswer, parseStatusLine } from '../../nodes/shared/parse';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { field, pairs, records, rows } from '../../nodes/shared/answer';

const entry = (fn: string, operation?: string): FunctionEntry => {
	const found = nonAgentFunctions.find(
		(s) => s.fn === fn && (!operation || s.operation === operation),
	);
	if (!found) throw new Error(`no entry ${fn}`);
	return found;
};

function expectVicidialError(
	run: () => unknown,
	kind: VicidialError['kind'],
	message?: RegExp,
): VicidialError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(VicidialError);
	const error = caught as VicidialError;
	expect(error.kind).toBe(kind);
	if (message) expect(error.message).toMatch(message);
	return error;
}

// Answers exactly as the VICIdial 2.14 server in ../shared/vicidial-real prints them.
describe('parseAnswer with real answers', () => {
	test('version: typed pairs, ISO date from TZNOW', () => {
		const text =
			'VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-23 12:45:25|EPOCH: 1795437925|DST: 0|TZ: -5.00|TZNOW: -5.00|\n';
		const parsed = parseAnswer(text, entry('version'), { utcOffsetHours: -5 });
		expect(parsed.records).toEqual([
			{
				version: '2.14-202',
				build: '250720-1841',
				date: '2026-11-23 12:45:25',
				date_iso: '2026-11-23T12:45:25-05:00',
				epoch: 1795437925,
				dst: 0,
				tz: -5,
				tznow: -5,
			},
		]);
	});

	test('add_lead success: fields in the order the server prints them', () => {
		const parsed = parseAnswer(
			'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\n',
			entry('add_lead'),
		);
		expect(parsed.outcome).toBe('success');
		expect(parsed.message).toBe('LEAD HAS BEEN ADDED');
		expect(parsed.records).toEqual([
			{ phone_number: '3125550177', list_id: 101, lead_id: 16, gmt_offset: '', user: '6666' },
		]);
		expect(parsed.notices).toEqual([]);
	});

	test('add_lead keeps every NOTICE line', () => {
		const text =
			'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16|-5.00|6666\n' +
			'NOTICE: add_lead ADDED TO HOPPER - 3125550177|6666|16|3\n' +
			'NOTICE: add_lead CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED - 3125550177|Y|0\n';
		const parsed = parseAnswer(text, entry('add_lead'));
		expect(parsed.records[0].gmt_offset).toBe(-5);
		expect(parsed.notices.map((n) => [n.message, n.data])).toEqual([
			['ADDED TO HOPPER', ['3125550177', '6666', '16', '3']],
			['CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED', ['3125550177', 'Y', '0']],
		]);
	});

	test('add_lead with alt phones: the NOTICE printed right after other text is still read', () => {
		const text =
			'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\n' +
			'7275551212|1|work7275551213|1|sister houseNOTICE: add_lead MULTI-ALT-PHONE NUMBERS LOADED - 2|16|6666\n';
		const parsed = parseAnswer(text, entry('add_lead'));
		expect(parsed.records[0].lead_id).toBe(16);
		expect(parsed.notices.map((n) => n.message)).toEqual(['MULTI-ALT-PHONE NUMBERS LOADED']);
		expect(parsed.otherLines).toEqual(['7275551212|1|work7275551213|1|sister house']);
	});

	test('HTTP 500 after a SUCCESS line says the write happened', () => {
		const error = expectVicidialError(
			() =>
				parseAnswer(
					'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\n',
					entry('add_lead'),
					{ httpCode: 500 },
				),
			'http',
			/failed part-way through \(HTTP 500\) after printing: SUCCESS: add_lead LEAD HAS BEEN ADDED/,
		);
		expect(error.mayHaveApplied).toBe(true);
	});

	test('add_lead duplicate is an error with its data', () => {
		const error = expectVicidialError(
			() =>
				parseAnswer(
					'ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550113|101|13\n',
					entry('add_lead'),
				),
			'duplicate',
			/DUPLICATE PHONE NUMBER IN LIST/,
		);
		expect(error.data).toEqual(['3125550113', '101', '13']);
	});

	test('lead_search rows, several lead ids per number', () => {
		const parsed = parseAnswer(
			'3125550113|1|13\n3125550114|2|19-14\n3125550199|0|\n',
			entry('lead_search', 'searchByPhone'),
		);
		expect(parsed.records).toEqual([
			{ search_key: '3125550113', records_found: 1, lead_ids: [13] },
			{ search_key: '3125550114', records_found: 2, lead_ids: [19, 14] },
			{ search_key: '3125550199', records_found: 0, lead_ids: [] },
		]);
	});

	test('lead_search "no matches": error, or empty result when asked', () => {
		const text = 'ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6666|||3125559999\n';
		expectVicidialError(
			() => parseAnswer(text, entry('lead_search', 'searchByPhone')),
			'noRecords',
		);
		const parsed = parseAnswer(text, entry('lead_search', 'searchByPhone'), {
			emptyOnNoRecords: true,
		});
		expect(parsed).toMatchObject({ outcome: 'nothing', records: [] });
	});

	test('list_info without counts drops the always-printed empty dialable column', () => {
		const text =
			'101|Test list 101|TESTCAMP|Y|2026-11-23 12:44:50|2026-11-23 12:14:50|2099-12-31|0|\n';
		const parsed = parseAnswer(text, entry('list_info'), {
			sent: { list_id: '101' },
			utcOffsetHours: 0,
		});
		expect(parsed.records).toEqual([
			{
				list_id: 101,
				list_name: 'Test list 101',
				campaign_id: 'TESTCAMP',
				active: 'Y',
				list_changedate: '2026-11-23 12:44:50',
				list_changedate_iso: '2026-11-23T12:44:50+00:00',
				list_lastcalldate: '2026-11-23 12:14:50',
				list_lastcalldate_iso: '2026-11-23T12:14:50+00:00',
				expiration_date: '2099-12-31',
				resets_today: 0,
			},
		]);
	});

	test('list_info with lead counts and dialable count', () => {
		const text =
			'101|Test list 101|TESTCAMP|Y|2026-11-23 12:44:50|2026-11-23 12:14:50|2099-12-31|0|5|0|2\n';
		const parsed = parseAnswer(text, entry('list_info'), {
			sent: { list_id: '101', leads_counts: 'Y', dialable_count: 'Y' },
		});
		expect(parsed.records[0]).toMatchObject({
			resets_today: 0,
			all_leads_count: 5,
			new_leads_count: 0,
			dialable_count: 2,
		});
	});

	test('login failure is classified, and the echoed password is kept out by the caller', () => {
		const error = expectVicidialError(
			() =>
				parseAnswer(
					'ERROR: Login incorrect, please try again: |6666|[redacted]|BAD|\n',
					entry('add_lead'),
				),
			'login',
		);
		expect(error.hint).toMatch(/user level 7/);
	});

	test.each([
		['ERROR: Too many login attempts, try again in 15 minutes: |6699|LOCK|\n', 'lockout'],
		[
			'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|add_lead|\n',
			'functionNotAllowed',
		],
		[
			'ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |6668|0|\n',
			'permission',
		],
		['ERROR: agent_user is not logged in - 1002\n', 'agentNotLoggedIn'],
		['ERROR: list_info LIST DOES NOT EXIST - 98762\n', 'noRecords'],
		['ERROR: add_lead INVALID PHONE NUMBER LENGTH - 72755|6666\n', 'invalid'],
		['ERROR: Invalid Source - t\n', 'invalid'],
		['ERROR: NO FUNCTION SPECIFIED\n', 'apiError'],
	])('classifies %j as %s', (text, kind) => {
		expectVicidialError(() => parseAnswer(text, entry('add_lead')), kind as VicidialError['kind']);
	});
});

describe('parseAnswer refuses what is not a whole VICIdial answer', () => {
	test('empty 200 body', () => {
		expectVicidialError(() => parseAnswer('', entry('version')), 'malformed', /empty answer/);
	});
	test('empty HTTP 500', () => {
		expectVicidialError(
			() => parseAnswer('', entry('version'), { httpCode: 500 }),
			'http',
			/HTTP 500 with an empty body/,
		);
	});
	test('HTML page', () => {
		expectVicidialError(
			() => parseAnswer('<!DOCTYPE html><html><body>Welcome</body></html>', entry('list_info')),
			'malformed',
			/HTML/,
		);
	});
	test('404 page', () => {
		expectVicidialError(
			() => parseAnswer('Not Found', entry('list_info'), { httpCode: 404 }),
			'http',
			/404/,
		);
	});
	test('row cut short', () => {
		expectVicidialError(
			() => parseAnswer('101|Test list 101|TESTCAMP|Y|2026-11-23 12:44:50\n', entry('list_info')),
			'malformed',
			/incomplete/,
		);
	});
	test('answer ending mid-row', () => {
		expectVicidialError(
			() => parseAnswer('3125550113|1|13\n3125550114|1', entry('lead_search', 'searchByPhone')),
			'malformed',
		);
	});
	test('status answer without SUCCESS line', () => {
		expectVicidialError(() => parseAnswer('3125550177|101|16\n', entry('add_lead')), 'malformed');
	});
	test('SUCCESS line cut in its last field (no newline)', () => {
		expectVicidialError(
			() =>
				parseAnswer(
					'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||66',
					entry('add_lead'),
				),
			'malformed',
			/middle of a line/,
		);
	});
	test('version cut short', () => {
		expectVicidialError(
			() =>
				parseAnswer('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-23 12:4', entry('version')),
			'malformed',
		);
		expectVicidialError(
			() =>
				parseAnswer(
					'VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2026-11-23 12:45:25|\n',
					entry('version'),
				),
			'malformed',
			/epoch, dst, tz, tznow missing/,
		);
	});
	test('a value that does not fit its column', () => {
		expectVicidialError(
			() => parseAnswer('3125550113|abc|13\n', entry('lead_search', 'searchByPhone')),
			'malformed',
			/records_found should be a number but is "abc"/,
		);
		expectVicidialError(
			() => parseAnswer('3125550113|1|19-\n', entry('lead_search', 'searchByPhone')),
			'malformed',
			/lead_ids should be numbers/,
		);
	});
	test('SUCCESS line missing fields', () => {
		expectVicidialError(
			() =>
				parseAnswer('SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101\n', entry('add_lead')),
			'malformed',
		);
	});
});

describe('other answer shapes', () => {
	const csvSpec: FunctionEntry = {
		...entry('list_info'),
		answer: rows(',', [field.integer('id'), field.text('name'), field.datetime('changed')]),
	};
	const tabSpec: FunctionEntry = {
		...csvSpec,
		answer: rows('\t', [field.integer('id'), field.text('name'), field.datetime('changed')]),
	};
	const recordsSpec: FunctionEntry = { ...csvSpec, answer: records() };

	test('comma rows, with and without a header row', () => {
		const rows = '101,Test list 101,2026-11-23 12:00:00\n102,Other,\n';
		const expected = [
			{ id: 101, name: 'Test list 101', changed: '2026-11-23 12:00:00' },
			{ id: 102, name: 'Other', changed: '' },
		];
		expect(parseAnswer(rows, csvSpec).records).toEqual(expected);
		expect(parseAnswer(`id,name,changed\n${rows}`, csvSpec).records).toEqual(expected);
	});

	test('tab rows keep commas and pipes in values', () => {
		expect(parseAnswer('7\tSmith, John | Jr\t2026-11-23 12:00:00\n', tabSpec).records).toEqual([
			{ id: 7, name: 'Smith, John | Jr', changed: '2026-11-23 12:00:00' },
		]);
	});

	test("list_info's header row, and lead_search's run-together one", () => {
		const text =
			'list_id|list_name|campaign_id|active|list_changedate|list_lastcalldate|expiration_date|resets_today\n102|Test list 102|TESTCAMP|N|2026-11-23 12:00:00||2099-12-31|0|\n';
		expect(parseAnswer(text, entry('list_info')).records).toEqual([
			expect.objectContaining({ list_id: 102, active: 'N' }),
		]);
		expect(
			parseAnswer(
				'search_keyrecords_foundlead_ids\n3125550113|1|13\n',
				entry('lead_search', 'searchByPhone'),
			).records,
		).toEqual([{ search_key: '3125550113', records_found: 1, lead_ids: [13] }]);
	});

	test('key => value records', () => {
		const text =
			';---------- START OF RECORD 1 ----------\nlead_id => 13\nstatus => SALE\naddress2 => \n;---------- START OF RECORD 2 ----------\nlead_id => 14\nstatus => NI\n';
		expect(parseAnswer(text, recordsSpec).records).toEqual([
			{ lead_id: '13', status: 'SALE', address2: '' },
			{ lead_id: '14', status: 'NI' },
		]);
		expectVicidialError(
			() => parseAnswer('lead_id => 13\n', recordsSpec),
			'malformed',
			/unreadable line/,
		);
	});
});

describe('status lines', () => {
	test('splits function, message and piped data', () => {
		expect(
			parseStatusLine(
				'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|add_lead|',
				'add_lead',
			),
		).toMatchObject({
			status: 'ERROR',
			function: 'auth',
			message: 'USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION',
			data: ['6667', 'add_lead'],
		});
	});
	test('line without data', () => {
		expect(parseStatusLine('ERROR: NO FUNCTION SPECIFIED')).toMatchObject({
			message: 'NO FUNCTION SPECIFIED',
			data: [],
		});
	});
	test('ISO offsets', () => {
		expect([isoOffset(0), isoOffset(-5), isoOffset(5.5), isoOffset(-3.5)]).toEqual([
			'+00:00',
			'-05:00',
			'+05:30',
			'-03:30',
		]);
	});
});

describe('fuzz: the parser throws only VicidialError', () => {
	// A small deterministic generator, so a failure can be replayed.
	function random(seed: number) {
		let state = seed >>> 0;
		return () => {
			state = (state * 1664525 + 1013904223) >>> 0;
			return state / 2 ** 32;
		};
	}
	const pieces = [
		'SUCCESS: ',
		'ERROR: ',
		'NOTICE: ',
		'VERSION: ',
		'|',
		'||',
		'\n',
		'\r\n',
		' - ',
		': |',
		'add_lead ',
		'lead_search ',
		'<html>',
		'12',
		'-5.00',
		'2026-11-23 12:00:00',
		';---------- START OF RECORD 1 ----------',
		' => ',
		'NO MATCHES FOUND',
		'Login incorrect',
		'\u0000',
		'é',
		'\t',
		',',
		'x',
	];
	// every entry, and every answer shape and delimiter
	const fuzzSpecs: FunctionEntry[] = [
		...nonAgentFunctions,
		...(['|', ',', '\t'] as const).map(
			(delimiter): FunctionEntry => ({
				...nonAgentFunctions[0],
				answer: rows(delimiter, [field.integer('a'), field.text('b'), field.datetime('c')]),
			}),
		),
		{ ...nonAgentFunctions[0], answer: records() },
		{ ...nonAgentFunctions[0], answer: pairs([], { unterminated: true }) },
	];
	test('10,000 random answers against every entry and shape', () => {
		const next = random(20261123);
		for (let round = 0; round < 10_000; round++) {
			let text = '';
			const length = Math.floor(next() * 12);
			for (let i = 0; i < length; i++) {
				text +=
					next() < 0.8
						? pieces[Math.floor(next() * pieces.length)]
						: String.fromCharCode(Math.floor(next() * 0x2ff));
			}
			const spec = fuzzSpecs[round % fuzzSpecs.length];
			try {
				parseAnswer(text, spec, {
					sent: { leads_counts: next() < 0.5 ? 'Y' : 'N' },
					emptyOnNoRecords: next() < 0.5,
					utcOffsetHours: next() < 0.5 ? 0 : undefined,
					httpCode: next() < 0.9 ? 200 : 500,
				});
			} catch (error) {
				if (!(error instanceof VicidialError))
					throw new Error(`round ${round}: ${JSON.stringify(text)} threw ${String(error)}`);
			}
		}
	});
});
