/**
 * Core additions for the user and phone functions: passwords the user gives for a record
 * (ParamSpec.secret, FieldSpec.secret) and answers whose NOTICE lines are the result or the
 * refusal (noticesSuffice, noticeOnlyFails).
 */
import { VicidialError } from '../../nodes/shared/errors';
import { InvalidInputError, buildForm, encodeParam, secretValues } from '../../nodes/shared/params';
import { parseAnswer } from '../../nodes/shared/parse';
import { paramProperty } from '../../nodes/shared/properties';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { text } from '../../nodes/shared/entry';
import { field, status } from '../../nodes/shared/answer';

const password = text('agent_pass', 'Agent Password', {
	minLength: 2,
	maxLength: 10,
	secret: true,
	pattern: { regex: /^[a-z0-9]+$/i, hint: 'must contain only letters and digits' },
});

function invalid(run: () => unknown): InvalidInputError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInputError);
		return error as InvalidInputError;
	}
	throw new Error('no error');
}

describe('secret parameters', () => {
	test('valid values pass unchanged', () => {
		expect(encodeParam(password, 'Secret99')).toBe('Secret99');
	});

	test.each([
		['x', '"Agent Password" must be at least 2 characters'],
		['Canary-Pass-5150', '"Agent Password" must be at most 10 characters'],
		['bad pass', '"Agent Password" must contain only letters and digits'],
	])('a refused value %p is not repeated in the message', (value, message) => {
		const error = invalid(() => encodeParam(password, value));
		expect(error.message).toBe(message);
		expect(error.message).not.toContain(value);
	});

	test('an object is refused without printing it', () => {
		expect(invalid(() => encodeParam(password, { pass: 'Wr0ngCanary' })).message).toBe(
			'"Agent Password" must be text',
		);
	});

	test('secretValues lists only the secret parameters that were sent', () => {
		const spec = {
			fn: 'add_user',
			params: [
				text('agent_user', 'User'),
				password,
				text('phone_pass', 'Phone Password', { secret: true }),
			],
		};
		const form = buildForm(spec, { agent_user: 'u1', agent_pass: 'Secret99' });
		expect(secretValues(spec, form)).toEqual(['Secret99']);
	});

	test('the editor field masks the value', () => {
		expect(paramProperty(password).typeOptions).toEqual({ password: true });
		expect(paramProperty(text('agent_user', 'User')).typeOptions).toBeUndefined();
	});
});

const addUser: Pick<FunctionEntry, 'fn' | 'answer'> = {
	fn: 'add_user',
	answer: status([
		field.text('user'),
		field.text('agent_user'),
		field.skip('agent_pass'),
		field.integer('agent_user_level'),
	]),
};

test('a secret column is read past and left out', () => {
	const parsed = parseAnswer(
		'SUCCESS: add_user USER HAS BEEN ADDED - 6666|7001|Secret99|1\n',
		addUser,
	);
	expect(parsed.records).toEqual([{ user: '6666', agent_user: '7001', agent_user_level: 1 }]);
	expect(JSON.stringify(parsed)).not.toContain('Secret99');
});

describe('NOTICE lines as the result', () => {
	const updateUser: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'update_user',
		answer: status([field.text('user'), field.text('agent_user')], {
			noticeResult: { error: /NO UPDATES DEFINED/, notice: /HAVE BEEN UPDATED/ },
		}),
	};

	test('"no updates" after a NOTICE that did something is a success', () => {
		const parsed = parseAnswer(
			'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1001|5|\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
			updateUser,
		);
		expect(parsed.outcome).toBe('success');
		expect(parsed.message).toBe('USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED');
		expect(parsed.records).toEqual([{ user: '6666', agent_user: '1001' }]);
		expect(parsed.notices).toHaveLength(1);
	});

	test('a NOTICE that did not do anything does not make it a success', () => {
		expect(() =>
			parseAnswer(
				'NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1001|\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
				updateUser,
			),
		).toThrow(
			'VICIdial: NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1001| then ERROR: update_user NO UPDATES DEFINED: |6666|',
		);
	});

	test('the NOTICE that did something gives the result, all stay as notices', () => {
		const parsed = parseAnswer(
			'NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1001|\nNOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - 6666|1001|2|\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
			updateUser,
		);
		expect(parsed.message).toBe('USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED');
		expect(parsed.notices.map((n) => n.message)).toEqual([
			'USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED',
			'USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED',
		]);
	});

	test('"no updates" alone stays an error', () => {
		expect(() =>
			parseAnswer('ERROR: update_user NO UPDATES DEFINED: |6666|\n', updateUser),
		).toThrow(VicidialError);
	});

	test('another error after a NOTICE stays an error', () => {
		expect(() =>
			parseAnswer(
				'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1001|5|\nERROR: update_user YOU MUST USE A VALID IN-GROUP RANK, THIS IS AN OPTIONAL FIELD: |6666|99\n',
				updateUser,
			),
		).toThrow(/IN-GROUP RANK/);
	});

	test('without the option, such an answer is an error as before', () => {
		const plain = { fn: 'update_user', answer: status([field.text('user')]) };
		expect(() =>
			parseAnswer(
				'NOTICE: update_user X - 6666|1001\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
				plain,
			),
		).toThrow(/NO UPDATES DEFINED/);
	});
});

describe('a NOTICE with no SUCCESS as a refusal', () => {
	const updatePhone: Pick<FunctionEntry, 'fn' | 'answer'> = {
		fn: 'update_phone',
		answer: status([field.text('user'), field.text('extension'), field.text('server_ip')], {
			noticeOnlyFails: true,
		}),
	};

	test('is a VicidialError of the kind its text says', () => {
		let caught: unknown;
		try {
			parseAnswer(
				'NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6666|0\n',
				updatePhone,
			);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(VicidialError);
		expect((caught as VicidialError).kind).toBe('permission');
		expect((caught as VicidialError).message).toBe(
			'VICIdial: NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6666|0',
		);
		expect((caught as VicidialError).data).toEqual(['6666', '0']);
	});

	test('a SUCCESS line still wins', () => {
		expect(
			parseAnswer(
				'NOTICE: update_phone SOMETHING - 1\nSUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|1001|127.0.0.1|\n',
				updatePhone,
			).records,
		).toEqual([{ user: '6666', extension: '1001', server_ip: '127.0.0.1' }]);
	});

	test('without the option it is the general "VICIdial did nothing" error, quoting the notice', () => {
		const plain = { fn: 'update_phone', answer: status([field.text('user')]) };
		expect(() => parseAnswer('NOTICE: update_phone X: |6666|0\n', plain)).toThrow(
			expect.objectContaining({
				kind: 'invalid',
				message: 'VICIdial: NOTICE: update_phone X: |6666|0',
			}),
		);
	});
});
