/**
 * The answer shapes added for the lead information functions: rows whose header names extra
 * (custom field) columns, typed key => value records, a bare value, and KEY: a|b#KEY: ... parts.
 */
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer } from '../../nodes/shared/parse';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { field, records } from '../../nodes/shared/answer';
import {
	bareValue,
	rowsWithNamedExtras,
	sections,
} from '../../nodes/shared/functions/nonAgent/leadInfo';

function expectVicidialError(
	run: () => unknown,
	kind: VicidialError['kind'],
	message?: RegExp,
): void {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(VicidialError);
	expect((caught as VicidialError).kind).toBe(kind);
	if (message) expect((caught as VicidialError).message).toMatch(message);
}

const named: Pick<FunctionEntry, 'fn' | 'answer'> = {
	fn: 'lead_all_info',
	answer: rowsWithNamedExtras('|', [
		field.text('status'),
		field.integer('list_id'),
		field.datetime('last_local_call_time'),
		field.integer('lead_id'),
	]),
};

describe('rows with named extra columns', () => {
	test('no header: the known columns only', () => {
		expect(parseAnswer('NA|101|2026-11-23 13:36:58|11\n', named).records).toEqual([
			{ status: 'NA', list_id: 101, last_local_call_time: '2026-11-23 13:36:58', lead_id: 11 },
		]);
	});

	test('a header names the extra columns; each header applies to the rows after it', () => {
		const text = [
			'status|list_id|last_local_call_time|lead_id|colour|size',
			'NA|101||11|red|L',
			'status|list_id|last_local_call_time|lead_id',
			'NEW|102||7',
			'',
		].join('\n');
		expect(parseAnswer(text, named, { utcOffsetHours: 0 }).records).toEqual([
			{
				status: 'NA',
				list_id: 101,
				last_local_call_time: '',
				lead_id: 11,
				colour: 'red',
				size: 'L',
			},
			{ status: 'NEW', list_id: 102, last_local_call_time: '', lead_id: 7 },
		]);
	});

	test('ISO companions, and extras without a name or with a taken name keep their position', () => {
		const text =
			'status|list_id|last_local_call_time|lead_id||status\nNA|101|2026-11-23 13:36:58|11|x|y|z\n';
		expect(parseAnswer(text, named, { utcOffsetHours: -5 }).records).toEqual([
			{
				status: 'NA',
				list_id: 101,
				last_local_call_time: '2026-11-23 13:36:58',
				last_local_call_time_iso: '2026-11-23T13:36:58-05:00',
				lead_id: 11,
				column_5: 'x',
				column_6: 'y',
				column_7: 'z',
			},
		]);
	});

	test('a short row is incomplete, a wrong number a misfit', () => {
		expectVicidialError(() => parseAnswer('NA|101\n', named), 'malformed', /incomplete/);
		expectVicidialError(() => parseAnswer('NA|abc||11\n', named), 'malformed', /list_id/);
	});
});

describe('typed records', () => {
	const spec: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'lead_status_search',
		answer: records([
			field.integer('lead_id'),
			field.decimal('gmt_offset_now'),
			field.datetime('last_local_call_time'),
		]),
	};

	test('known fields typed, unknown (custom) fields kept as text', () => {
		const text = [
			';---------- START OF RECORD 1 ----------',
			'lead_id => 14',
			'status => NI',
			'gmt_offset_now => -5.00',
			'last_local_call_time => 2026-11-23 13:49:38',
			'colour => red',
			'',
		].join('\n');
		expect(parseAnswer(text, spec, { utcOffsetHours: 0 }).records).toEqual([
			{
				lead_id: 14,
				status: 'NI',
				gmt_offset_now: -5,
				last_local_call_time: '2026-11-23 13:49:38',
				colour: 'red',
				last_local_call_time_iso: '2026-11-23T13:49:38+00:00',
			},
		]);
	});

	test('"no results" is noRecords, or nothing when asked', () => {
		const text = 'ERROR: lead_status_search NO RESULTS FOUND: 6666||SALE|\n';
		expectVicidialError(
			() => parseAnswer(text, { ...spec, noRecords: /NO RESULTS FOUND/ }),
			'noRecords',
		);
		expect(
			parseAnswer(text, { ...spec, noRecords: /NO RESULTS FOUND/ }, { emptyOnNoRecords: true })
				.outcome,
		).toBe('nothing');
	});
});

describe('a bare value', () => {
	const spec: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'lead_field_info',
		answer: bareValue(field.text('value'), [field.integer('lead_id'), field.text('field_name')]),
	};
	const sent = { lead_id: '11', field_name: 'first_name' };

	test('printed without a newline, empty, or over several lines', () => {
		expect(parseAnswer('John', spec, { sent }).records).toEqual([
			{ lead_id: 11, field_name: 'first_name', value: 'John' },
		]);
		expect(parseAnswer('', spec, { sent }).records).toEqual([
			{ lead_id: 11, field_name: 'first_name', value: '' },
		]);
		expect(parseAnswer('line one\nline two\n', spec, { sent }).records[0].value).toBe(
			'line one\nline two\n',
		);
	});

	test('ERROR lines are errors; an HTTP error or a web page is not a value', () => {
		expectVicidialError(
			() => parseAnswer('ERROR: lead_field_info LEAD NOT FOUND: 6666|99\n', spec, { sent }),
			'noRecords',
			/LEAD NOT FOUND/,
		);
		expectVicidialError(
			() => parseAnswer('ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n', spec, { sent }),
			'invalid',
		);
		expectVicidialError(() => parseAnswer('', spec, { sent, httpCode: 500 }), 'http', /HTTP 500/);
		expectVicidialError(
			() => parseAnswer('<html><body>Login</body></html>', spec, { sent }),
			'malformed',
			/HTML/,
		);
	});
});

describe('KEY: a|b# parts', () => {
	const spec: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'check_phone_number',
		answer: sections('#', [
			{
				key: 'AREACODE',
				fields: [field.integer('areacode_dialable'), field.decimal('areacode_gmt_offset')],
			},
			{
				key: 'TZCODE',
				fields: [field.integer('tzcode_dialable'), field.decimal('tzcode_gmt_offset')],
			},
			{
				key: 'PHONE',
				fields: [field.text('phone_number'), field.text('phone_code'), field.text('postal_code')],
			},
		]),
	};

	test('only the parts printed, typed', () => {
		expect(
			parseAnswer('AREACODE: 1|-6#TZCODE: 0|#PHONE: 3125551212|1|60601|\n', spec).records,
		).toEqual([
			{
				areacode_dialable: 1,
				areacode_gmt_offset: -6,
				tzcode_dialable: 0,
				tzcode_gmt_offset: '',
				phone_number: '3125551212',
				phone_code: '1',
				postal_code: '60601',
			},
		]);
	});

	test('unknown parts, short parts, several lines and cut answers are malformed', () => {
		expectVicidialError(
			() => parseAnswer('SOMETHING: 1|#PHONE: 1|1|1|\n', spec),
			'malformed',
			/unreadable part/,
		);
		expectVicidialError(
			() => parseAnswer('AREACODE: 1#PHONE: 3125551212|1||\n', spec),
			'malformed',
			/incomplete/,
		);
		expectVicidialError(
			() => parseAnswer('AREACODE: 1|#PHONE: 3125551212|1||\nmore\n', spec),
			'malformed',
			/one line/,
		);
		expectVicidialError(
			() => parseAnswer('AREACODE: 1|#PHONE: 3125551212|1||', spec),
			'malformed',
			/middle of a line/,
		);
		expectVicidialError(
			() => parseAnswer('ERROR: check_phone_number PHONE NUMBER IN DNC - 3125550199|6666\n', spec),
			'apiError',
		);
	});
});

test("a reader's fields list the typed fields of every shape", () => {
	expect(named.answer.fields.map((f) => f.name)).toEqual([
		'status',
		'list_id',
		'last_local_call_time',
		'lead_id',
	]);
	expect(records().fields).toEqual([]);
	expect(
		bareValue(field.text('value'), [field.integer('lead_id')]).fields.map((f) => f.name),
	).toEqual(['value', 'lead_id']);
});

test("an empty HTTP 500 gets the entry's own hint when it has one", () => {
	const spec = {
		fn: 'lead_field_info',
		answer: bareValue(field.text('value')),
		serverErrorHint: 'No such field.',
	};
	let caught: unknown;
	try {
		parseAnswer('', spec, { httpCode: 500 });
	} catch (error) {
		caught = error;
	}
	expect(caught).toBeInstanceOf(VicidialError);
	expect((caught as VicidialError).hint).toBe('No such field.');
	expect((caught as VicidialError).kind).toBe('http');
	try {
		parseAnswer('', { ...spec, serverErrorHint: undefined }, { httpCode: 500 });
	} catch (error) {
		caught = error;
	}
	expect((caught as VicidialError).hint).toMatch(/Server URL/);
});
