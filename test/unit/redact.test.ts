import { REDACTED, redact, redactAnswer } from '../../nodes/shared/errors';

describe('redact', () => {
	test('the non-agent login error echoes the password: removed even when unknown', () => {
		expect(redact('ERROR: Login incorrect, please try again: |6666|s3cret!|BAD|')).toBe(
			`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|`,
		);
	});

	test("the agent API's login error carries the password twice, once in SQL", () => {
		const text =
			"ERROR: Invalid Username/Password: |6699|bad|0|1|BAD|0|api|SELECT count(*) from vicidial_users where user='6699' and pass='bad' and user_level > 0 and active='Y';|";
		const out = redact(text);
		expect(out).not.toMatch(/\|bad\||pass='bad'/);
		expect(out).toContain(`pass='${REDACTED}'`);
		expect(out).toContain('|0|1|BAD|');
	});

	test('a known secret is removed whole at the echo places, even holding regex characters or the delimiter', () => {
		expect(
			redact('ERROR: Login incorrect, please try again: |6666|p@ss.w*rd|BAD|', ['p@ss.w*rd']),
		).toBe(`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|`);
		expect(redact('ERROR: Login incorrect, please try again: |6666|a|b|BAD|', ['a|b'])).toBe(
			`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|`,
		);
		expect(redact("... where user='6666' and pass='it''s' and", ["it''s"])).toBe(
			`... where user='6666' and pass='${REDACTED}' and`,
		);
		expect(redact('user=6666&pass=a&b&source=n8n', ['a&b'])).toBe(
			`user=6666&pass=${REDACTED}&source=n8n`,
		);
	});

	test("a user's own value that contains the password stays intact, anywhere", () => {
		const values = [
			'41555501061234567890',
			'ERROR: add_lead INVALID PHONE NUMBER - 41555501061234567890|1234',
			'Item 1: "4155550106 1234" is not a phone number',
			'a p@ss.w*rd b',
		];
		for (const text of values) {
			expect(redact(text, ['1234'])).toBe(text);
			expect(redactAnswer(`${text}\n`, ['1234'])).toBe(`${text}\n`);
		}
		expect(redact('a p@ss.w*rd b', ['p@ss.w*rd'])).toBe('a p@ss.w*rd b');
	});

	test('other password keys: agent_pass=, phone_pass=, password=, "pass": but not words that merely end in pass', () => {
		expect(redact('agent_pass=abc&phone_pass=def&registration_password=ghi')).toBe(
			`agent_pass=${REDACTED}&phone_pass=${REDACTED}&registration_password=${REDACTED}`,
		);
		expect(redact('compass=north bypass=yes')).toBe('compass=north bypass=yes');
	});

	test("an item's own secret goes from an answer only as a whole | field", () => {
		const answer = 'SUCCESS: add_user USER HAS BEEN ADDED - 6666|newagent|Agent-Pass-77|1|Ann\n';
		expect(redactAnswer(answer, ['1234'], ['Agent-Pass-77'])).toBe(
			`SUCCESS: add_user USER HAS BEEN ADDED - 6666|newagent|${REDACTED}|1|Ann\n`,
		);
		expect(redactAnswer('SUCCESS: x - 77|Agent-Pass-77x|\n', [], ['Agent-Pass-77'])).toBe(
			'SUCCESS: x - 77|Agent-Pass-77x|\n',
		);
	});

	test('form bodies and query strings', () => {
		expect(redact('function=add_lead&user=6666&pass=1234&source=n8n')).toBe(
			`function=add_lead&user=6666&pass=${REDACTED}&source=n8n`,
		);
		expect(redact('pass=1234&user=6666')).toBe(`pass=${REDACTED}&user=6666`);
		expect(redact('{"user":"6666","pass":"1234"}')).toBe(`{"user":"6666","pass":"${REDACTED}"}`);
	});

	test('leaves ordinary answers alone', () => {
		const text = 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666';
		expect(redact(text, [''])).toBe(text);
	});

	test('answers: a numeric password does not eat data on success lines, but goes from ERROR lines', () => {
		const ok =
			'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125551234|101|16||6666\nNOTICE: add_lead ADDED TO HOPPER - 3125551234|6666|16|1\n';
		expect(redactAnswer(ok, ['1234'])).toBe(ok);
		expect(redactAnswer('3125551234|1|16\n', ['1234'])).toBe('3125551234|1|16\n');
		expect(
			redactAnswer('ERROR: add_lead INVALID PHONE NUMBER - 41555501061234567890\n', ['1234']),
		).toBe('ERROR: add_lead INVALID PHONE NUMBER - 41555501061234567890\n');
		expect(
			redactAnswer('ERROR: Login incorrect, please try again: |6666|1234|BAD|\n', ['1234']),
		).toBe(`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|\n`);
		expect(redactAnswer('ERROR: Login incorrect, please try again: |6666|secret|BAD|\n')).toBe(
			`ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|\n`,
		);
	});
});
