import { InvalidInputError, buildForm, encodeParam } from '../../nodes/shared/params';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { choices, date, datetime, digits, flag, integer, text } from '../../nodes/shared/entry';
import { refusal as problem } from '../helpers/entries';

const addLead = nonAgentFunctions.find((s) => s.fn === 'add_lead')!;
const listInfo = nonAgentFunctions.find((s) => s.fn === 'list_info')!;

describe('buildForm', () => {
	test('add_lead: function, required and given fields; empty ones are not sent', () => {
		const form = buildForm(addLead, {
			phone_number: '(312) 555-0177',
			list_id: '101',
			first_name: 'Ann',
			last_name: '',
			add_to_hopper: true,
			duplicate_check: ['DUPLIST', 'DUPCAMP'],
		});
		expect(form).toEqual({
			function: 'add_lead',
			phone_number: '3125550177',
			list_id: '101',
			first_name: 'Ann',
			add_to_hopper: 'Y',
			duplicate_check: 'DUPLIST-DUPCAMP',
		});
	});

	test('a missing required field is named', () => {
		expect(problem(() => buildForm(addLead, { list_id: '101' }))).toBe(
			'"Phone Number" is required',
		);
	});

	test('VICIdial would turn a list id with letters into list 999: refused here', () => {
		expect(
			problem(() => buildForm(addLead, { phone_number: '3125550177', list_id: '10a1' })),
		).toMatch(/"List ID" must be an ID made of digits only/);
	});

	test.each([
		[{ phone_number: '312555CALL', list_id: '101' }, /"Phone Number" must contain only digits/],
		[{ phone_number: '+13125550177', list_id: '101' }, /leading "\+"/],
		[{ phone_number: '31255', list_id: '101' }, /at least 6 digits/],
		[
			{ phone_number: '3125550177', list_id: '101', first_name: 'x'.repeat(31) },
			/"First Name" must be at most 30 characters, got 31/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', date_of_birth: '1975-13-01' },
			/"Date of Birth" must be a date as YYYY-MM-DD/,
		],
		[{ phone_number: '3125550177', list_id: '101', date_of_birth: '1975-02-30' }, /YYYY-MM-DD/],
		[
			{ phone_number: '3125550177', list_id: '101', hopper_priority: 100 },
			/"Hopper Priority" must be 99 or less/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', gender: 'X' },
			/"Gender" must be one of "U", "M", "F"/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', email: 'not-an-email' },
			/"Email" must be an email address/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', callback_datetime: 'tomorrow' },
			/"Callback Date Time"/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', callback_datetime: '2026-13-45 99:99:99' },
			/"Callback Date Time"/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', date_of_birth: '2026-02-03garbage' },
			/"Date of Birth" must be a date/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', duplicate_check: ['DUPLIST', 'DUPEVERYWHERE'] },
			/"Duplicate Check" must be one of/,
		],
		[
			{ phone_number: '3125550177', list_id: '101', comments: 'C:\\' },
			/"Comments" contains characters that are never sent to VICIdial here .*: "\\"$/,
		],
	])('refuses %j', (values, message) => {
		expect(problem(() => buildForm(addLead, values))).toMatch(message);
	});

	test('dates from the n8n date picker are sent as VICIdial dates', () => {
		const form = buildForm(addLead, {
			phone_number: '3125550177',
			list_id: '101',
			date_of_birth: '1975-03-13T00:00:00.000+01:00',
		});
		expect(form.date_of_birth).toBe('1975-03-13');
	});

	test('custom fields are sent by label with custom_fields=Y', () => {
		const form = buildForm(addLead, { phone_number: '3125550177', list_id: '101' }, [
			{ name: 'favorite_color', value: 'blue' },
		]);
		expect(form).toMatchObject({ favorite_color: 'blue', custom_fields: 'Y' });
		expect(
			problem(() =>
				buildForm(addLead, { phone_number: '3125550177', list_id: '101' }, [
					{ name: 'bad label', value: 'x' },
				]),
			),
		).toMatch(/field label/);
		expect(
			problem(() =>
				buildForm(addLead, { phone_number: '3125550177', list_id: '101' }, [
					{ name: 'pass', value: 'x' },
				]),
			),
		).toMatch(/standard field/);
		for (const control of ['DB', 'format', 'stage', 'Phone_Number']) {
			expect(
				problem(() =>
					buildForm(addLead, { phone_number: '3125550177', list_id: '101' }, [
						{ name: control, value: 'x' },
					]),
				),
			).toMatch(/API control parameter/);
		}
		expect(
			problem(() =>
				buildForm(listInfo, { list_id: '101' }, [{ name: 'favorite_color', value: 'x' }]),
			),
		).toMatch(/not accepted/);
	});

	test('fixed parameters of an entry are always sent', () => {
		const search = nonAgentFunctions.find((s) => s.operation === 'searchByPhone')!;
		expect(buildForm(search, { phone_number: '3125550113, 3125550114' })).toEqual({
			function: 'lead_search',
			search_method: 'PHONE_NUMBER',
			phone_number: '3125550113,3125550114',
		});
	});
});

describe('encodeParam by kind', () => {
	test('flags send their own values', () => {
		expect(encodeParam(flag('header', 'Header', { flagValues: ['YES', 'NO'] }), true)).toBe('YES');
		expect(encodeParam(flag('x', 'X'), false)).toBe('N');
		expect(() => encodeParam(flag('x', 'X'), 'maybe')).toThrow(InvalidInputError);
	});
	test('integers', () => {
		expect(encodeParam(integer('n', 'N'), '42')).toBe('42');
		expect(() => encodeParam(integer('n', 'N'), '4.2')).toThrow(/whole number/);
	});
	test('datetimes', () => {
		expect(encodeParam(datetime('d', 'D'), '2026-11-23T09:05')).toBe('2026-11-23 09:05:00');
		expect(encodeParam(datetime('d', 'D'), '2026-11-23 09:05:07')).toBe('2026-11-23 09:05:07');
		expect(() => encodeParam(datetime('d', 'D'), '2026-11-23 25:00:00')).toThrow(
			/YYYY-MM-DD HH:MM:SS/,
		);
		expect(encodeParam(date('d', 'D'), '2024-02-29')).toBe('2024-02-29');
		expect(encodeParam(date('d', 'D'), '2024-02-29T23:30:00.000-05:00')).toBe('2024-02-29');
		expect(encodeParam(datetime('d', 'D'), '2026-11-23T09:05:07.123+01:00')).toBe(
			'2026-11-23 09:05:07',
		);
		expect(() => encodeParam(datetime('d', 'D'), '2026-11-23')).toThrow(/YYYY-MM-DD HH:MM:SS/);
		expect(() => encodeParam(date('d', 'D'), '2023-02-29')).toThrow(InvalidInputError);
	});
	test('several values in one digits field', () => {
		expect(
			encodeParam(digits('p', 'P', { separator: ',', minLength: 6 }), '312-555-0113 , 3125550114'),
		).toBe('3125550113,3125550114');
	});
	test('choices from an expression string', () => {
		const spec = choices('c', 'C', {
			separator: '-',
			choices: [
				{ name: 'A', value: 'A' },
				{ name: 'B', value: 'B' },
			],
		});
		expect(encodeParam(spec, 'A, B')).toBe('A-B');
	});
	test('text refuses objects', () => {
		expect(() => encodeParam(text('t', 'T'), { a: 1 })).toThrow(/must be text/);
	});
});
