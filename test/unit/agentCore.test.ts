/** Core additions for the Agent API: error kinds, status lines without a message, flags sent only when on, wrapped lists. */
import { classifyError, VicidialError } from '../../nodes/shared/errors';
import { parseAnswer, parseStatusLine } from '../../nodes/shared/parse';
import { buildForm } from '../../nodes/shared/params';
import { flag, text } from '../../nodes/shared/entry';
import { field, status } from '../../nodes/shared/answer';
import { namedLines } from '../../nodes/shared/functions/agent/information';

describe('classifyError: Agent API texts', () => {
	const kind = (line: string) => {
		const status = parseStatusLine(line)!;
		return classifyError(status.message, status.data);
	};
	test.each([
		['ERROR: Invalid Username/Password: |6668|1234|1|0|GOOD|', 'noAgentApiAccess'],
		['ERROR: Invalid Username/Password: |6666|xx|0|1|BAD|0|api|SELECT 1;|', 'login'],
		['ERROR: Invalid Username/Password: |6699|1234|0|1|LOCK|', 'lockout'],
		['ERROR: Invalid Username/Password: |6666|1234|0|1|IPBLOCK|', 'ipBlocked'],
		['ERROR: agent_user is not logged in - 1002', 'agentNotLoggedIn'],
		['ERROR: user not logged in - 1002', 'agentNotLoggedIn'],
		['ERROR: pause_code error - agent is not paused - 1003', 'agentState'],
		['ERROR: external_pause agent is not paused - RESUME|1003', 'agentState'],
		['ERROR: agent_user does not have a lead on their screen - 1001', 'agentState'],
		['ERROR: no active lead found - 1001', 'agentState'],
		['ERROR: webphone_url error - webphone url is empty - 1001', 'agentState'],
		['ERROR: call_agent error - entry is empty - 1001', 'agentState'],
		['ERROR: no user found - 9999', 'noRecords'],
		['ERROR: user is not allowed to modify lead information - 1001|1001', 'permission'],
		['ERROR: pause_code not valid - TOOLONGX|1001', 'invalid'],
		['ERROR: no panels have been defined - 1001', 'invalid'],
		['ERROR: no fields have been defined - 1003', 'invalid'],
		['ERROR: ingroup_choices are required for ADD and REMOVE values - 1001|ADD|', 'invalid'],
	])('%s → %s', (line, expected) => {
		expect(kind(line)).toBe(expected);
	});
});

describe('status line with the data right after the function name', () => {
	test('SUCCESS: calls_in_queue_count - 3 (no newline)', () => {
		const parsed = parseAnswer('SUCCESS: calls_in_queue_count - 3', {
			fn: 'calls_in_queue_count',
			answer: status([field.integer('count')], { unterminated: true }),
		});
		expect(parsed.records).toEqual([{ count: 3 }]);
		expect(parsed.message).toBe('');
	});
	test('a last empty field before the end of the line is kept', () => {
		const spec = { fn: 'x', answer: status([field.text('a'), field.text('b'), field.text('c')]) };
		expect(parseAnswer('SUCCESS: x found - 1|2|\n', spec).records).toEqual([
			{ a: '1', b: '2', c: '' },
		]);
		expect(() => parseAnswer('SUCCESS: x found - 1\n', spec)).toThrow(VicidialError);
	});
});

describe('buildForm: flags with an empty false value, wrapped values', () => {
	const spec = {
		fn: 'refresh_panel',
		params: [
			flag('formreload', 'Form', { flagValues: ['1', ''] }),
			flag('scriptreload', 'Script', { flagValues: ['1', ''] }),
			text('ingroup_choices', 'In-Groups', { separator: ' ', wrap: [' ', ' -'] }),
		],
	};
	test('a false flag is not sent at all, a true one is', () => {
		expect(buildForm(spec, { formreload: false, scriptreload: true })).toEqual({
			function: 'refresh_panel',
			scriptreload: '1',
		});
	});
	test('a list is sent the way VICIdial writes it', () => {
		expect(buildForm(spec, { ingroup_choices: ['TESTIN', 'SALES'] })).toEqual({
			function: 'refresh_panel',
			ingroup_choices: ' TESTIN SALES -',
		});
	});
});

describe("answer kind 'lines' (the Agent API's webserver)", () => {
	const spec = {
		fn: 'webserver',
		answer: namedLines([field.integer('apache_processes'), field.integer('dst_timezone')]),
	};
	const apache =
		'<PRE>Webserver Data:\nset.timezone: America/New_York\nabbr.timezone: EDT\ndst.timezone: 1\nuname: Linux dev 6.1 #1 SMP 2024-01-01 10:11:12 x86_64\n' +
		'host name: dev\napache processes: 13\nsystem load average: 0.06\nmemory limit: 128M\n</PRE>\n';
	test('one record, names in snake_case, typed where the entry says', () => {
		expect(parseAnswer(apache, spec).records).toEqual([
			{
				set_timezone: 'America/New_York',
				abbr_timezone: 'EDT',
				dst_timezone: 1,
				uname: 'Linux dev 6.1 #1 SMP 2024-01-01 10:11:12 x86_64',
				host_name: 'dev',
				apache_processes: 13,
				system_load_average: '0.06',
				memory_limit: '128M',
			},
		]);
	});
	test('a cut answer (no closing </PRE>) and other HTML are refused', () => {
		expect(() => parseAnswer(apache.slice(0, 60), spec)).toThrow(/closing <\/PRE>/);
		expect(() => parseAnswer('<html><body>x</body></html>\n', spec)).toThrow(/HTML page/);
		expect(() => parseAnswer('Webserver Data:\n', spec)).toThrow(/no "name: value" lines/);
	});
	test('an empty value (ini_get not allowed: )', () => {
		expect(
			parseAnswer('<PRE>Webserver Data:\nhost name: a\nini_get not allowed: \n</PRE>\n', spec)
				.records,
		).toEqual([{ host_name: 'a', ini_get_not_allowed: '' }]);
	});
});
