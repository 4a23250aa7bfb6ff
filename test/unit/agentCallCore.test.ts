/** Core additions for the Agent API's call commands: error kinds, cross-parameter rules, NOTICE-only results. */
import { classifyError, VicidialError } from '../../nodes/shared/errors';
import { buildForm, InvalidInputError } from '../../nodes/shared/params';
import { parseAnswer, parseStatusLine } from '../../nodes/shared/parse';
import { choice, text } from '../../nodes/shared/entry';
import { field, status } from '../../nodes/shared/answer';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { callFunctions as callOnly } from '../../nodes/shared/functions/agent/call';
import { recordingFunctions, statusOrNotice } from '../../nodes/shared/functions/agent/recording';

/** The call and recording entries (one file each since each function file holds one resource). */
const callFunctions = [...callOnly, ...recordingFunctions];

describe('classifyError: call command texts', () => {
	const kind = (line: string, fn?: string) => {
		const status = parseStatusLine(line, fn)!;
		return classifyError(status.message, status.data);
	};
	test.each([
		['ERROR: agent_user is not paused - 1003', 'agentState'],
		['ERROR: agent_user does not have a live call - 1001', 'agentState'],
		['ERROR: agent_user is not on a phone call - 1001', 'agentState'],
		['ERROR: agent call is not inbound - 1003|V0101090000000000012', 'agentState'],
		['ERROR: current call does not match lead_id submitted - 1003', 'agentState'],
		['ERROR: no fronter found - 1003', 'agentState'],
		['ERROR: stop recording error - 1001|||||127.0.0.1|8600051|PAUSED', 'agentState'],
		['ERROR: agent_user has current active 3-way call - 1003|1|0|YES', 'agentState'],
		['ERROR: agent_user has previous active 3-way calls - 1003|1|0|YES', 'agentState'],
		['ERROR: agent_user is not allowed to place manual dial calls - 1003', 'notAllowed'],
		['ERROR: preview dialing not allowed on this campaign - 1001|TESTCAMP|DISABLED', 'notAllowed'],
		['ERROR: alt number dialing not allowed on this campaign - 1001|TESTCAMP|N', 'notAllowed'],
		['ERROR: outbound_cid is not allowed on this system - 1001|3125551212|DISABLED', 'notAllowed'],
		[
			'ERROR: phone_number is already in this agents manual dial queue - 1001|3125551212',
			'duplicate',
		],
		['ERROR: no active call found - V0000000000000000001', 'noRecords'],
		['ERROR: switch-to lead not found - 1003|99999|', 'noRecords'],
		['ERROR: group_alias is not valid - 1001|NOSUCH', 'invalid'],
		['ERROR: user is not allowed to modify lead information - 1001|1001', 'permission'],
	])('%s → %s', (line, expected) => {
		expect(kind(line)).toBe(expected);
	});
	test('an error inside the data part: audio_playback', () => {
		expect(
			kind(
				'ERROR: audio_playback error - no audio playing in agent session - 8600051|127.0.0.1|STOP|1001',
				'audio_playback',
			),
		).toBe('agentState');
	});
});

describe('FunctionEntry.requires: rules between parameters', () => {
	const spec: Pick<FunctionEntry, 'fn' | 'params' | 'fixed' | 'requires'> = {
		fn: 'transfer_conference',
		params: [
			choice('value', 'Action', {
				choices: [
					{ name: 'Blind Transfer', value: 'BLIND_TRANSFER' },
					{ name: 'Hang Up Both', value: 'HANGUP_BOTH' },
				],
			}),
			text('phone_number', 'Phone Number'),
			text('lead_id', 'Lead ID'),
			choice('consultative', 'Consultative', {
				choices: [
					{ name: 'Yes', value: 'YES' },
					{ name: 'No', value: 'NO' },
				],
			}),
		],
		requires: [
			{ if: { value: ['BLIND_TRANSFER'], consultative: ['NO', ''] }, need: ['phone_number'] },
			{ need: ['phone_number', 'lead_id'] },
		],
	};
	const error = (values: Record<string, unknown>) => {
		try {
			buildForm(spec, values);
		} catch (e) {
			return e as InvalidInputError;
		}
		throw new Error('no error');
	};
	test('a companion required by an action', () => {
		expect(error({ value: 'BLIND_TRANSFER', lead_id: '5' }).message).toBe(
			'"Phone Number" is required when "Action" is "Blind Transfer" and "Consultative" is "No" or empty',
		);
	});
	test('one of several', () => {
		expect(error({ value: 'HANGUP_BOTH' }).message).toBe('"Phone Number" or "Lead ID" is required');
	});
	test('rules that do not apply, or are met', () => {
		expect(buildForm(spec, { value: 'HANGUP_BOTH', lead_id: '5' })).toEqual({
			function: 'transfer_conference',
			value: 'HANGUP_BOTH',
			lead_id: '5',
		});
		expect(buildForm(spec, { value: 'BLIND_TRANSFER', consultative: 'YES', lead_id: '5' })).toEqual(
			{
				function: 'transfer_conference',
				value: 'BLIND_TRANSFER',
				consultative: 'YES',
				lead_id: '5',
			},
		);
	});
});

describe('status answers whose result is a NOTICE (noticeAnswers)', () => {
	const spec = {
		fn: 'recording',
		answer: statusOrNotice([
			field.text('agent_user'),
			field.integer('recording_id'),
			field.text('filename'),
		]),
	};
	test('the first NOTICE gives the fields', () => {
		const parsed = parseAnswer(
			'NOTICE: recording active - 1003|2|20250101-092000_3125550112_1003\n',
			spec,
		);
		expect(parsed.records).toEqual([
			{ agent_user: '1003', recording_id: 2, filename: '20250101-092000_3125550112_1003' },
		]);
		expect(parsed.message).toBe('active');
	});
	test('a SUCCESS line still wins, and an ERROR is still an error', () => {
		expect(parseAnswer('SUCCESS: recording function sent - 1001|3|x\n', spec).message).toBe(
			'function sent',
		);
		expect(() => parseAnswer('ERROR: agent_user is not logged in - 1002\n', spec)).toThrow(
			VicidialError,
		);
	});
	test('without the option a NOTICE alone is the general "VICIdial did nothing" error', () => {
		expect(() =>
			parseAnswer('NOTICE: recording active - 1003|2|x\n', {
				...spec,
				answer: status(spec.answer.fields),
			}),
		).toThrow(/^VICIdial: NOTICE: recording/);
	});
});

describe('a last field that takes the rest of the line (FieldSpec.rest)', () => {
	const spec = {
		fn: 'vm_message',
		answer: status([
			field.text('agent_user'),
			field.integer('lead_id'),
			field.text('audio_files', { rest: true }),
		]),
	};
	test('several values joined again with |', () => {
		expect(
			parseAnswer('SUCCESS: vm_message function set - 1003|12|EXship01|EXship02|EXship03|\n', spec)
				.records,
		).toEqual([{ agent_user: '1003', lead_id: 12, audio_files: 'EXship01|EXship02|EXship03' }]);
	});
	test('one value as it is', () => {
		expect(
			parseAnswer('SUCCESS: vm_message function set - 1003|12|EXship01|\n', spec).records,
		).toEqual([{ agent_user: '1003', lead_id: 12, audio_files: 'EXship01' }]);
	});
});

describe('the call entries of the VICIdial Agent node', () => {
	test.each(callFunctions.map((f) => [`${f.resource}/${f.operation}`, f] as const))(
		'%s: rules name its parameters, description names the function',
		(_name, spec) => {
			const known = new Set([...spec.params.map((p) => p.name), ...Object.keys(spec.fixed ?? {})]);
			for (const rule of spec.requires ?? []) {
				for (const name of [...Object.keys(rule.if ?? {}), ...rule.need])
					expect(known).toContain(name);
				for (const [name, values] of Object.entries(rule.if ?? {})) {
					const param = spec.params.find((p) => p.name === name);
					const allowed = param?.choices?.map((c) => c.value) ?? param?.flagValues ?? [];
					for (const value of values) if (value !== '') expect(allowed).toContain(value);
				}
			}
			expect(spec.description.endsWith(`(${spec.fn})`)).toBe(true);
			expect(spec.api).toBe('agent');
		},
	);
	test('operations are unique per resource', () => {
		const keys = callFunctions.map((f) => `${f.resource}/${f.operation}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
