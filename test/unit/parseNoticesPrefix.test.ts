import { parseAnswer } from '../../nodes/shared/parse';
import { VicidialError, classifyError } from '../../nodes/shared/errors';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { field, status } from '../../nodes/shared/answer';

const withNotices: Pick<FunctionEntry, 'fn' | 'answer'> = {
	fn: 'update_list',
	answer: status([field.text('user'), field.integer('list_id')], { noticesSuffice: true }),
};
const strict: Pick<FunctionEntry, 'fn' | 'answer'> = {
	fn: 'update_list',
	answer: status([field.text('user'), field.integer('list_id')]),
};

describe('status answers made of notices only (noticesSuffice)', () => {
	test('a NOTICE-only answer is one record without fields, the first notice as message', () => {
		const parsed = parseAnswer(
			'NOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|101|\nNOTICE: update_list LIST HAS BEEN DELETED - 6666|101|1\n',
			withNotices,
		);
		expect(parsed.records).toEqual([{}]);
		expect(parsed.message).toBe('LEADS IN LIST HAVE BEEN RESET');
		expect(parsed.notices.map((n) => n.message)).toEqual([
			'LEADS IN LIST HAVE BEEN RESET',
			'LIST HAS BEEN DELETED',
		]);
	});
	test('a SUCCESS line still gives the typed record', () => {
		const parsed = parseAnswer(
			'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|101\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|101|\n',
			withNotices,
		);
		expect(parsed.records).toEqual([{ user: '6666', list_id: 101 }]);
		expect(parsed.message).toBe('LIST HAS BEEN UPDATED');
	});
	test('without the option a NOTICE-only answer is malformed', () => {
		expect(() => parseAnswer('NOTICE: update_list NO UPDATES DEFINED: |6666|\n', strict)).toThrow(
			VicidialError,
		);
	});
	test('an ERROR stays an error', () => {
		expect(() =>
			parseAnswer('ERROR: update_list LIST DOES NOT EXIST: |6666|555\n', withNotices),
		).toThrow(/LIST DOES NOT EXIST/);
	});
	test('an answer with neither SUCCESS nor NOTICE is malformed', () => {
		expect(() => parseAnswer('hello\n', withNotices)).toThrow(/no SUCCESS line/);
	});
});

describe('field prefixes', () => {
	const spec: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'update_alt_url',
		answer: status([
			field.text('user'),
			field.integer('url_id', { prefix: 'NEW URL ID: ' }),
			field.text('url_type'),
		]),
	};
	test('the prefix is removed before typing', () => {
		const parsed = parseAnswer(
			'SUCCESS: update_alt_url ALT URL HAS BEEN ADDED - 6666|NEW URL ID: 7|dispo\n',
			spec,
		);
		expect(parsed.records).toEqual([{ user: '6666', url_id: 7, url_type: 'dispo' }]);
	});
	test('a value without the prefix is typed as it is', () => {
		expect(parseAnswer('SUCCESS: update_alt_url X - 6666|8|dispo\n', spec).records).toEqual([
			{ user: '6666', url_id: 8, url_type: 'dispo' },
		]);
	});
	test('a value that is not a number after the prefix is malformed', () => {
		expect(() =>
			parseAnswer('SUCCESS: update_alt_url X - 6666|NEW URL ID: x|dispo\n', spec),
		).toThrow(/url_id should be a number/);
	});
});

describe('campaign list errors that mean "nothing found"', () => {
	test.each([
		'campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS',
		'agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS',
	])('%s is noRecords', (message) => {
		expect(classifyError(message)).toBe('noRecords');
	});
});
