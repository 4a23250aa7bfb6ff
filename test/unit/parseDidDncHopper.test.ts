/** The two parser additions the didDncHopper functions need. */
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer } from '../../nodes/shared/parse';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { field, rows, status } from '../../nodes/shared/answer';
import { rowsAfterSuccess } from '../../nodes/shared/functions/nonAgent/campaignSettings';

const info: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
	fn: 'update_cid_group_entry',
	answer: rowsAfterSuccess([
		field.integer('entry'),
		field.text('areacode'),
		field.text('outbound_cid'),
	]),
	noRecords: /HAS NO ENTRIES/,
};

const hopper: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
	fn: 'hopper_list',
	answer: rows('|', [field.integer('hopper_order'), field.integer('lead_id')]),
	noRecords: /NO LEADS IN THE HOPPER/,
};

function thrown(fn: () => unknown): VicidialError {
	try {
		fn();
	} catch (error) {
		return error as VicidialError;
	}
	throw new Error('nothing thrown');
}

describe('rows after a SUCCESS line (successFirst)', () => {
	test('the SUCCESS line becomes the message, the rows the records', () => {
		const parsed = parseAnswer(
			'SUCCESS: update_cid_group_entry CID GROUP INFO AS FOLLOWS TESTCAMP|---ALL---||2\n1|312|3125550600\n2|FL|7275550602\n',
			info,
		);
		expect(parsed.message).toBe('CID GROUP INFO AS FOLLOWS TESTCAMP|---ALL---||2');
		expect(parsed.records).toEqual([
			{ entry: 1, areacode: '312', outbound_cid: '3125550600' },
			{ entry: 2, areacode: 'FL', outbound_cid: '7275550602' },
		]);
	});

	test('rows without their SUCCESS line, or with a second one, are not trusted', () => {
		expect(thrown(() => parseAnswer('1|312|3125550600\n', info)).kind).toBe('malformed');
		expect(
			thrown(() =>
				parseAnswer(
					'1|312|3125550600\nSUCCESS: update_cid_group_entry CID GROUP INFO AS FOLLOWS X|312||1\n',
					info,
				),
			).kind,
		).toBe('malformed');
		expect(thrown(() => parseAnswer('SUCCESS: a - 1\nSUCCESS: b - 2\n', info)).kind).toBe(
			'malformed',
		);
	});

	test('plain rows still refuse a SUCCESS line', () => {
		expect(thrown(() => parseAnswer('SUCCESS: hopper_list X - 1\n0|11\n', hopper)).kind).toBe(
			'malformed',
		);
	});
});

describe("an entry's noRecords pattern decides what 'nothing found' is", () => {
	test('an unusual wording becomes noRecords, and an empty result when asked', () => {
		const text =
			'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|TESTCAMP\n';
		expect(thrown(() => parseAnswer(text, hopper)).kind).toBe('noRecords');
		expect(parseAnswer(text, hopper, { emptyOnNoRecords: true })).toMatchObject({
			outcome: 'nothing',
			records: [],
		});
		const none = 'ERROR: update_cid_group_entry THIS CID GROUP HAS NO ENTRIES: |6666|TESTCAMP\n';
		expect(parseAnswer(none, info, { emptyOnNoRecords: true }).outcome).toBe('nothing');
	});

	test('other errors keep their own kind', () => {
		expect(
			thrown(() =>
				parseAnswer('ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|NOPE\n', hopper),
			).kind,
		).toBe('noRecords');
		expect(
			thrown(() =>
				parseAnswer(
					'ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |6668|0|\n',
					hopper,
				),
			).kind,
		).toBe('permission');
	});
});

describe('a status answer with only NOTICE lines', () => {
	const updateDid: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
		fn: 'update_did',
		answer: status([field.text('user'), field.text('did_pattern')]),
	};

	test('is VICIdial refusing to do nothing, with its notice', () => {
		const error = thrown(() =>
			parseAnswer('NOTICE: update_did NO UPDATES DEFINED: |6666|\n', updateDid),
		);
		expect(error.kind).toBe('invalid');
		expect(error.message).toBe('VICIdial: NOTICE: update_did NO UPDATES DEFINED: |6666|');
		expect(error.data).toEqual(['6666']);
		expect(error.hint).toMatch(/at least one field/);
	});

	test('other text without a SUCCESS line is still unreadable', () => {
		expect(thrown(() => parseAnswer('NOTICE: update_did X - 1\nsome text\n', updateDid)).kind).toBe(
			'malformed',
		);
		expect(thrown(() => parseAnswer('some text\n', updateDid)).kind).toBe('malformed');
	});
});
