import { parseAnswer } from '../../nodes/shared/parse';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { type MessagesReader, field, messages } from '../../nodes/shared/answer';
import { updateLead } from '../../nodes/shared/functions/nonAgent/lead';

const spec: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
	fn: 'update_lead',
	answer: messages(
		[
			{
				match: /^LEAD HAS BEEN UPDATED$/,
				result: 'updated',
				fields: [field.text('user'), field.integer('lead_id'), field.integer('affected_rows')],
			},
			{
				match: /^CUSTOM FIELDS VALUES UPDATED$/,
				result: 'customFieldsUpdated',
				fields: [field.text('phone_number'), field.integer('lead_id')],
			},
			{
				match: /^LEAD DE-ARCHIVED: (.*)$/,
				result: 'restored',
				fields: [field.text('user'), field.integer('lead_id')],
			},
		],
		{ empty: 'unchanged' },
	),
};

describe('messages answers', () => {
	test('SUCCESS lines are the records; NOTICE lines stay notices', () => {
		const parsed = parseAnswer(
			'NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |16|101|101|101|1\nSUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|16|1|||\n',
			spec,
		);
		expect(parsed.records).toEqual([
			{ result: 'updated', user: '6666', lead_id: 16, affected_rows: 1 },
		]);
		expect(parsed.message).toBe('LEAD HAS BEEN UPDATED');
		expect(parsed.notices.map((n) => n.message)).toEqual(['CUSTOM FIELDS VALUES UPDATED']);
	});
	test('without a SUCCESS line, a known NOTICE line is the record', () => {
		expect(
			parseAnswer('NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |16|101|101|101|1\n', spec)
				.records,
		).toEqual([{ result: 'customFieldsUpdated', phone_number: '', lead_id: 16 }]);
	});
	test('data after ": " is read through the capture group', () => {
		expect(
			parseAnswer('SUCCESS: update_lead LEAD DE-ARCHIVED: 6666|3|1|1\n', spec).records,
		).toEqual([{ result: 'restored', user: '6666', lead_id: 3 }]);
	});
	test('an empty answer is "nothing to do" only where the entry says so', () => {
		expect(parseAnswer('', spec).records).toEqual([{ result: 'unchanged' }]);
		expect(() =>
			parseAnswer('', { ...spec, answer: messages((spec.answer as MessagesReader).messages) }),
		).toThrow(/empty answer/);
	});
	test('empty trailing fields VICIdial leaves out read as empty; a cut line is an error', () => {
		expect(
			parseAnswer('SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|16|\n', spec).records,
		).toEqual([{ result: 'updated', user: '6666', lead_id: 16, affected_rows: '' }]);
		expect(() => parseAnswer('SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|16', spec)).toThrow(
			/middle of a line/,
		);
	});
	test('unknown lines and ERROR lines are errors', () => {
		expect(() => parseAnswer('NOTICE: update_lead SOMETHING ELSE - 1\n', spec)).toThrow(
			/no line this node knows/,
		);
		expect(() =>
			parseAnswer('ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|99||\n', spec),
		).toThrow(/NO MATCHES FOUND/);
	});
});

describe("update_lead's callback and hopper lines (real answers)", () => {
	// A group in a line's pattern would be taken for the line's data: these must not capture.
	const real = (body: string) => parseAnswer(body, updateLead).records;
	test('callback set, not set', () => {
		expect(
			real(
				'NOTICE: update_lead SCHEDULED CALLBACK ADDED - 12|TESTCAMP|2030-01-02 10:00:00|ANYONE||CALLBK\n',
			),
		).toEqual([
			{
				result: 'callbackSet',
				lead_id: 12,
				campaign_id: 'TESTCAMP',
				callback_datetime: '2030-01-02 10:00:00',
				callback_type: 'ANYONE',
				callback_user: '',
				callback_status: 'CALLBK',
			},
		]);
		expect(
			real('NOTICE: update_lead SCHEDULED CALLBACK UPDATED - 12|||USERONLY|1001|TCALLB\n')[0],
		).toMatchObject({ result: 'callbackSet', lead_id: 12, callback_user: '1001' });
		expect(
			real('NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - 13|NOPE\n'),
		).toEqual([{ result: 'callbackNotSet', lead_id: 13 }]);
	});
	test('hopper unchanged', () => {
		expect(
			real('NOTICE: update_lead NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER - |14|6666\n'),
		).toEqual([{ result: 'hopperUnchanged', phone_number: '', lead_id: '14' }]);
	});
});
