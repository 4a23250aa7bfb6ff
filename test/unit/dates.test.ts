/**
 * Dates (issue 11, item 6): a callback on 2026-02-30 was stored as 0000-00-00, and a JavaScript
 * Date for a date-only field was read in UTC (1990-02-03T00:30+02:00 became 1990-02-02).
 */
import { buildForm } from '../../nodes/shared/params';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { agentFunctions } from '../../nodes/shared/functions/agent';
import { entry, refusal } from '../helpers/entries';

const spec = entry;
const addLead = spec('add_lead');
const base = { phone_number: '3125550177', list_id: '101' };

describe('calendar dates', () => {
	test.each([
		'2026-02-30 10:00:00',
		'2026-02-29 10:00:00',
		'2026-04-31 09:00:00',
		'2026-13-01 09:00:00',
	])('callback date %p is refused', (value) => {
		expect(refusal(() => buildForm(addLead, { ...base, callback_datetime: value }))).toMatch(
			/^"Callback Date Time" /,
		);
		expect(
			refusal(() =>
				buildForm(spec('update_lead', 'update'), { lead_id: '11', callback_datetime: value }),
			),
		).toMatch(/^"Callback Date Time" /);
	});

	test('2026-02-30 names the date that does not exist', () => {
		expect(
			refusal(() => buildForm(addLead, { ...base, callback_datetime: '2026-02-30 10:00:00' })),
		).toBe(
			'"Callback Date Time" holds 2026-02-30, which is not a date of the calendar (VICIdial would store 0000-00-00)',
		);
	});

	test('real dates, leap days, NOW and 3DAYS are accepted', () => {
		for (const value of ['2028-02-29 10:00:00', '2026-12-31 23:59:59', 'NOW', '3DAYS']) {
			expect(buildForm(addLead, { ...base, callback_datetime: value }).callback_datetime).toBe(
				value,
			);
		}
	});

	test.each(['1990-02-30', '1990-02-29', '1990-00-10'])('date of birth %p is refused', (value) => {
		expect(refusal(() => buildForm(addLead, { ...base, date_of_birth: value }))).toMatch(
			/^"Date of Birth" must be a date/,
		);
	});
});

describe('the calendar date the user wrote', () => {
	test('text with an offset: the date as written, not shifted to UTC', () => {
		expect(
			buildForm(addLead, { ...base, date_of_birth: '1990-02-03T00:30+02:00' }).date_of_birth,
		).toBe('1990-02-03');
		expect(
			buildForm(addLead, { ...base, date_of_birth: '1990-02-03T23:30:00-05:00' }).date_of_birth,
		).toBe('1990-02-03');
	});

	test("a Luxon DateTime's ISO text (what n8n hands over): its own zone", () => {
		expect(
			buildForm(addLead, { ...base, date_of_birth: '1990-02-03T00:30:00.000+02:00' }).date_of_birth,
		).toBe('1990-02-03');
	});

	test('a Luxon-like DateTime object: its own zone', () => {
		const dateTime = { isLuxonDateTime: true, toISO: () => '1990-02-03T00:30:00.000+02:00' };
		expect(buildForm(addLead, { ...base, date_of_birth: dateTime }).date_of_birth).toBe(
			'1990-02-03',
		);
	});

	test("a JavaScript Date (no offset of its own): the workflow's time zone", () => {
		const date = new Date('1990-02-03T00:30:00+02:00'); // 1990-02-02T22:30Z
		expect(
			buildForm(addLead, { ...base, date_of_birth: date }, [], { timezone: 'Africa/Johannesburg' })
				.date_of_birth,
		).toBe('1990-02-03');
		expect(
			buildForm(addLead, { ...base, date_of_birth: date }, [], { timezone: 'America/New_York' })
				.date_of_birth,
		).toBe('1990-02-02');
		expect(buildForm(addLead, { ...base, date_of_birth: date }).date_of_birth).toBe('1990-02-02'); // no zone given: UTC
	});

	test("a JavaScript Date for a date and time: the workflow's wall clock", () => {
		const transfer = agentFunctions.find((s) =>
			s.params.some((p) => p.kind === 'datetime'),
		) as FunctionEntry;
		const param = transfer.params.find((p) => p.kind === 'datetime')!;
		const values: Record<string, unknown> = { [param.name]: new Date('2026-03-01T22:15:00Z') };
		for (const p of transfer.params)
			if (p.required && p.name !== param.name)
				values[p.name] =
					p.kind === 'choice' ? p.choices![0].value : p.kind === 'flag' ? false : '1001';
		expect(buildForm(transfer, values, [], { timezone: 'Africa/Johannesburg' })[param.name]).toBe(
			'2026-03-02 00:15:00',
		);
	});

	test('an invalid Date is refused', () => {
		expect(refusal(() => buildForm(addLead, { ...base, date_of_birth: new Date('nope') }))).toMatch(
			/^"Date of Birth" must be a date/,
		);
	});
});
