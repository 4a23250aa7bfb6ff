import { REDACTED, redact, redactAnswer } from '../../nodes/shared/errors';

describe('redact', () => {
	test('the non-agent login error echoes the password: removed even when unknown', () => {
		expect(redact('ERROR: Login incorrect, please try again: |6666|s3cret!|BAD|')).toBe(`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|`);
	});

	test("the agent API's login error carries the password twice, once in SQL", () => {
		const text =
			"ERROR: Invalid Username/Password: |6699|bad|0|1|BAD|0|api|SELECT count(*) from vicidial_users where user='6699' and pass='bad' and user_level > 0 and active='Y';|";
		const out = redact(text);
		expect(out).not.toMatch(/\|bad\||pass='bad'/);
		expect(out).toContain(`pass='${REDACTED}'`);
		expect(out).toContain('|0|1|BAD|');
	});

	test('every occurrence of a known secret, including regex characters', () => {
		expect(redact('a p@ss.w*rd b p@ss.w*rd', ['p@ss.w*rd'])).toBe(`a ${REDACTED} b ${REDACTED}`);
	});

	test('form bodies and query strings', () => {
		expect(redact('function=add_lead&user=6666&pass=1234&source=n8n')).toBe(`function=add_lead&user=6666&pass=${REDACTED}&source=n8n`);
		expect(redact('pass=1234&user=6666')).toBe(`pass=${REDACTED}&user=6666`);
		expect(redact('{"user":"6666","pass":"1234"}')).toBe(`{"user":"6666","pass":"${REDACTED}"}`);
	});

	test('leaves ordinary answers alone', () => {
		const text = 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666';
		expect(redact(text, ['']) ).toBe(text);
	});

	test('answers: a numeric password does not eat data on success lines, but goes from ERROR lines', () => {
		const ok = 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125551234|101|16||6666\nNOTICE: add_lead ADDED TO HOPPER - 3125551234|6666|16|1\n';
		expect(redactAnswer(ok, ['1234'])).toBe(ok);
		expect(redactAnswer('3125551234|1|16\n', ['1234'])).toBe('3125551234|1|16\n');
		expect(redactAnswer('ERROR: something echoed 1234 back\n', ['1234'])).toBe(`ERROR: something echoed ${REDACTED} back\n`);
		expect(redactAnswer('ERROR: Login incorrect, please try again: |6666|secret|BAD|\n')).toBe(`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|\n`);
	});
});
