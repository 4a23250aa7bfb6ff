/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

const realTime = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'realTime',
	operation,
	...fields,
});
const system = (operation: string, fields: Record<string, unknown> = {}) => ({
	resource: 'system',
	operation,
	...fields,
});

/** The two seeded agent sessions as Get Logged-In Agents returns them. */
const agent1001 = {
	user: '1001',
	campaign_id: 'TESTCAMP',
	session_id: '8600051',
	status: 'PAUSED',
	lead_id: 0,
	callerid: '',
	calls_today: 2,
	full_name: 'Agent One',
	user_group: 'AGENTS',
	user_level: 1,
};
const agent1003 = {
	user: '1003',
	campaign_id: 'TESTCAMP',
	session_id: '8600053',
	status: 'INCALL',
	lead_id: 12,
	callerid: 'V0101090000000000012',
	calls_today: 2,
	full_name: 'Agent Three',
	user_group: 'AGENTS',
	user_level: 1,
};

/**
 * Changes the live-agent table the way the dialer would (an agent resumes, logs out), on the
 * simulator's tables or, for the real server, in the private instance's database (VICIDIAL_STATE).
 * Returns false when the real server's database is not reachable from here.
 */
function driveAgents(
	target: Target,
	changes: Array<{ user: string; set?: Record<string, string>; logout?: boolean }>,
): boolean {
	if (target.sim) {
		const { state } = target.sim;
		const live = state.db.t('vicidial_live_agents');
		for (const change of changes) {
			if (change.logout) live.delete((r) => r.user === change.user);
			const row = live.find((r) => r.user === change.user);
			if (row && change.set) live.update(row, change.set, state.nowStr());
		}
		return true;
	}
	const stateDir = process.env.VICIDIAL_STATE;
	if (!stateDir) return false;
	const sql = changes
		.map((change) =>
			change.logout
				? `DELETE FROM vicidial_live_agents WHERE user='${change.user}';`
				: `UPDATE vicidial_live_agents SET ${Object.entries(change.set ?? {})
						.map(([k, v]) => `${k}='${v}'`)
						.join(',')} WHERE user='${change.user}';`,
		)
		.join(' ');
	execFileSync('mariadb', [
		`--defaults-file=${path.join(stateDir, 'my.cnf')}`,
		'-uroot',
		'asterisk',
		'-e',
		sql,
	]);
	return true;
}

/** Turns on central sound control, as an administrator would in System Settings. */
function soundControlOn(target: Target): boolean {
	if (target.sim) {
		target.sim.state.db.t('system_settings').rows[0].sounds_central_control_active = '1';
		return true;
	}
	const stateDir = process.env.VICIDIAL_STATE;
	if (!stateDir) return false;
	execFileSync('mariadb', [
		`--defaults-file=${path.join(stateDir, 'my.cnf')}`,
		'-uroot',
		'asterisk',
		'-e',
		"UPDATE system_settings SET sounds_central_control_active='1';",
	]);
	return true;
}

/** Puts a call in an in-group's queue (status LIVE: waiting for an agent), as the dialer would. */
function queueCall(target: Target, callerid: string): boolean {
	const call = {
		server_ip: '127.0.0.1',
		campaign_id: 'TESTIN',
		status: 'LIVE',
		lead_id: '11',
		uniqueid: '1735722999.1',
		callerid,
		channel: 'SIP/carrier-00000099',
		phone_code: '1',
		phone_number: '3125550111',
		call_type: 'IN',
	};
	if (target.sim) {
		target.sim.state.db.t('vicidial_auto_calls').insert(call, target.sim.state.nowStr());
		return true;
	}
	const stateDir = process.env.VICIDIAL_STATE;
	if (!stateDir) return false;
	const sql = `INSERT INTO vicidial_auto_calls SET ${Object.entries(call)
		.map(([k, v]) => `${k}='${v}'`)
		.join(',')}, call_time=NOW();`;
	execFileSync('mariadb', [
		`--defaults-file=${path.join(stateDir, 'my.cnf')}`,
		'-uroot',
		'asterisk',
		'-e',
		sql,
	]);
	return true;
}

describe.each(targetNames)('Real-time and system lists against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test('Real-Time → Get Logged-In Agents: one typed item per agent', async () => {
		const result = await run({ parameters: realTime('getLoggedInAgents') });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([agent1001, agent1003]);
	});

	test('Real-Time → Get Logged-In Agents with sub-status, filtered by campaign and user group', async () => {
		const result = await run({
			parameters: realTime('getLoggedInAgents', {
				campaigns: ['TESTCAMP'],
				userGroups: 'AGENTS',
				additionalFields: { showSubStatus: true },
			}),
		});
		expect(json(result)).toEqual([
			{ ...agent1001, pause_code: 'BREAK', sub_status: '' },
			{ ...agent1003, pause_code: '', sub_status: '' },
		]);
	});

	test('Real-Time → Get Logged-In Agents: nobody in the campaign is an error, or no items on request', async () => {
		const failed = await run({
			parameters: realTime('getLoggedInAgents', { campaigns: 'NOCAMP' }),
		});
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toBe(
			'Item 1: VICIdial: ERROR: logged_in_agents NO LOGGED IN AGENTS: 6666|',
		);
		const empty = await run({
			parameters: realTime('getLoggedInAgents', {
				campaigns: 'NOCAMP',
				options: { emptyOnNoRecords: true },
			}),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
	});

	test('Real-Time → Get Agent Status: an agent in a call, with the lead and phone', async () => {
		const result = await run({ parameters: realTime('getAgentStatus', { agentUser: '1003' }) });
		expect(json(result)).toEqual([
			{
				status: 'INCALL',
				callerid: 'V0101090000000000012',
				lead_id: 12,
				campaign_id: 'TESTCAMP',
				calls_today: 2,
				full_name: 'Agent Three',
				user_group: 'AGENTS',
				user_level: 1,
				pause_code: '',
				real_time_sub_status: '',
				phone_number: '3125550112',
				vendor_lead_code: 'VLC12',
				session_id: '8600053',
			},
		]);
	});

	test('Real-Time → Get Agent Status: the computer IP column is empty when VICIdial prints none', async () => {
		const [item] = json(
			await run({
				parameters: realTime('getAgentStatus', {
					agentUser: '1001',
					additionalFields: { includeIp: true },
				}),
			}),
		);
		expect(item).toMatchObject({
			status: 'PAUSED',
			pause_code: 'BREAK',
			lead_id: 0,
			session_id: '8600051',
			computer_ip: '',
		});
	});

	test('Real-Time → Get Agent Status: an agent who is not logged in is a NodeApiError', async () => {
		const result = await run({ parameters: realTime('getAgentStatus', { agentUser: '1002' }) });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: agent_status AGENT NOT LOGGED IN: 6666|1002',
		);
	});

	test('Real-Time → Get User Group Status and Get In-Group Status: typed counters', async () => {
		expect(
			json(
				await run({
					parameters: realTime('getUserGroupStatus', { userGroups: ['AGENTS', 'ADMIN'] }),
				}),
			),
		).toEqual([
			{
				user_groups: 'AGENTS ADMIN',
				calls_waiting: 0,
				agents_logged_in: 2,
				agents_in_calls: 1,
				agents_waiting: 0,
				agents_paused: 1,
				agents_in_dead_calls: 0,
				agents_in_dispo: 0,
				agents_in_dial: 0,
			},
		]);
		expect(
			json(await run({ parameters: realTime('getInGroupStatus', { inGroups: 'TESTIN' }) })),
		).toEqual([
			{
				in_groups: 'TESTIN',
				total_calls: 0,
				calls_waiting: 0,
				agents_logged_in: 2,
				agents_in_calls: 1,
				agents_waiting: 0,
				agents_paused: 1,
				agents_in_dispo: 0,
				agents_in_dial: 0,
			},
		]);
	});

	test('the answers follow the live-agent table: an agent resumes, another logs out', async () => {
		if (
			!driveAgents(target, [
				{ user: '1001', set: { status: 'READY' } },
				{ user: '1003', logout: true },
			])
		)
			return;
		expect(json(await run({ parameters: realTime('getLoggedInAgents') }))).toEqual([
			{ ...agent1001, status: 'READY' },
		]);
		expect(
			json(await run({ parameters: realTime('getUserGroupStatus', { userGroups: 'AGENTS' }) })),
		).toEqual([
			{
				user_groups: 'AGENTS',
				calls_waiting: 0,
				agents_logged_in: 1,
				agents_in_calls: 0,
				agents_waiting: 1,
				agents_paused: 0,
				agents_in_dead_calls: 0,
				agents_in_dispo: 0,
				agents_in_dial: 0,
			},
		]);
		const gone = await run({
			parameters: realTime('getAgentStatus', { agentUser: '1003' }),
			continueOnFail: true,
		});
		expect(json(gone)).toEqual([
			expect.objectContaining({
				error: 'Item 1: VICIdial: ERROR: agent_status AGENT NOT LOGGED IN: 6666|1003',
				errorKind: 'agentNotLoggedIn',
			}),
		]);
	});

	test('an agent paused with a lead on screen is dispositioning; a call without a live channel is dead', async () => {
		if (
			!driveAgents(target, [
				{ user: '1001', set: { lead_id: '13' } },
				{ user: '1003', set: { callerid: 'V0000000000000000099' } },
			])
		)
			return;
		const items = json(
			await run({
				parameters: realTime('getLoggedInAgents', { additionalFields: { showSubStatus: true } }),
			}),
		);
		expect(items.map((i) => [i.user, i.status, i.lead_id, i.sub_status])).toEqual([
			['1001', 'PAUSED', 13, 'DISPO'],
			['1003', 'INCALL', 12, 'DEAD'],
		]);
		expect(
			json(await run({ parameters: realTime('getUserGroupStatus', { userGroups: 'AGENTS' }) }))[0],
		).toMatchObject({
			agents_in_dispo: 1,
			agents_in_dead_calls: 1,
			agents_paused: 0,
			agents_in_calls: 0,
		});
	});

	test('a call waiting in an in-group shows in both counters', async () => {
		if (!queueCall(target, 'Y0101090000000000011')) return;
		expect(
			json(
				await run({
					parameters: realTime('getInGroupStatus', { inGroups: ['TESTIN', 'AGENTDIRECT'] }),
				}),
			),
		).toEqual([
			{
				in_groups: 'TESTIN AGENTDIRECT',
				total_calls: 1,
				calls_waiting: 1,
				agents_logged_in: 2,
				agents_in_calls: 1,
				agents_waiting: 0,
				agents_paused: 1,
				agents_in_dispo: 0,
				agents_in_dial: 0,
			},
		]);
		expect(
			json(await run({ parameters: realTime('getUserGroupStatus', { userGroups: 'AGENTS' }) }))[0],
		).toMatchObject({ calls_waiting: 1, agents_logged_in: 2 });
		expect(
			json(await run({ parameters: realTime('getInGroupStatus', { inGroups: 'AGENTDIRECT' }) }))[0],
		).toMatchObject({ total_calls: 0, calls_waiting: 0, agents_logged_in: 0 });
	});

	test('Real-Time → Get Agent In-Groups: the labelled lines become fields', async () => {
		expect(
			json(await run({ parameters: realTime('getAgentInGroups', { agentUser: '1001' }) })),
		).toEqual([
			{
				agent_user: '1001',
				stage: 'text',
				selected_ingroups: ' TESTIN -',
				outbound_autodial: 'N',
				manager_override: 'N',
				manager: '',
				message: '',
				notices: [],
			},
		]);
		const result = await run({ parameters: realTime('getAgentInGroups', { agentUser: '1002' }) });
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: agent_ingroup_info INVALID USER ID - 1002|6666',
		);
	});

	test('Real-Time → Monitor a Call: the monitoring call is queued', async () => {
		const result = await run({
			parameters: realTime('monitorCall', {
				sessionId: '8600051',
				serverIp: '127.0.0.1',
				phoneLogin: '1002',
			}),
		});
		expect(json(result)).toEqual([
			{
				phone_login: '1002',
				dial_string: '127*000*000*001*08600051',
				dialplan_number: '1002',
				session_id: '8600051',
				manager_id: 1,
				user: '6666',
				message: 'HAS BEEN LAUNCHED',
				notices: [],
			},
		]);
		const bad = await run({
			parameters: realTime('monitorCall', {
				sessionId: '1',
				serverIp: '127.0.0.1',
				phoneLogin: '1002',
			}),
		});
		expect(bad.error).toBeInstanceOf(NodeApiError);
		expect(bad.error?.message).toBe(
			'Item 1: VICIdial: ERROR: blind_monitor INVALID SESSION ID - 1|127.0.0.1|6666',
		);
	});

	test('Real-Time → Refresh Servers', async () => {
		expect(json(await run({ parameters: realTime('refreshServers') }))).toEqual([
			{
				user: '6666',
				servers_changed: 0,
				message: 'SERVER REFRESH HAS BEEN TRIGGERED',
				notices: [],
			},
		]);
		const refused = await run({ user: '6668', parameters: realTime('refreshServers') });
		expect(refused.error?.message).toBe(
			'Item 1: VICIdial: ERROR: server_refresh USER DOES NOT HAVE PERMISSION TO REFRESH SERVERS: |6668|0',
		);
	});

	test('System → List In-Groups, Call Menus, Voicemail Boxes, Settings Containers: the HTML list becomes items', async () => {
		expect(json(await run({ parameters: system('listInGroups') }))).toEqual([
			{ group_id: 'AGENTDIRECT', group_name: 'Single Agent Direct Queue', group_color: 'white' },
			{
				group_id: 'AGENTDIRECT_CHAT',
				group_name: 'Agent Direct Queue for Chats',
				group_color: '#FFFFFF',
			},
			{ group_id: 'TESTIN', group_name: 'Test In-Group', group_color: 'blue' },
		]);
		expect(json(await run({ parameters: system('listCallMenus') }))).toEqual([
			{ menu_id: '2FA_say_auth_code', menu_name: '2FA_say_auth_code' },
			{
				menu_id: 'default---agent',
				menu_name: 'agent phones restricted to only internal extensions',
			},
			{ menu_id: 'defaultlog', menu_name: 'logging of all outbound calls from agent phones' },
		]);
		const boxes = json(await run({ parameters: system('listVoicemail') }));
		expect(boxes).toHaveLength(5);
		expect(boxes[0]).toEqual({ voicemail_id: '1001', name: '1001 - Agent One phone', email: '' });
		expect(boxes[3]).toEqual({ voicemail_id: '102', name: 'gs102 - Test Admin Phone', email: '' });
		const containers = json(
			await run({ parameters: system('listSettingsContainers', { type: 'OTHER' }) }),
		);
		expect(containers).toHaveLength(9);
		expect(containers[0]).toEqual({
			container_id: 'AGENT_CALLBACK_EMAIL ',
			container_notes: 'Scheduled callback email alert settings',
		});
		expect(
			json(await run({ parameters: system('listSettingsContainers', { type: 'NOSUCH' }) })),
		).toEqual([]);
	});

	test('System → List Sounds and List Music On Hold: central sound control is off in the seed', async () => {
		const sounds = await run({ parameters: system('listSounds', { stage: 'name' }) });
		expect(sounds.error).toBeInstanceOf(NodeApiError);
		expect(sounds.error?.message).toBe(
			'Item 1: VICIdial: ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |6666|0|',
		);
		const moh = await run({ parameters: system('listMusicOnHold') });
		expect(moh.error?.message).toBe(
			'Item 1: VICIdial: ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |6666|0|',
		);
	});

	test('System → List Music On Hold and List Sounds with central sound control on (an empty audio store)', async () => {
		if (!soundControlOn(target)) return;
		expect(json(await run({ parameters: system('listMusicOnHold') }))).toEqual([
			{ moh_id: 'default', moh_name: 'Default Music On Hold', random: 'N', files: 'conf' },
		]);
		// The seed's audio store is empty: VICIdial fails sorting an empty file list.
		const sounds = await run({ parameters: system('listSounds', { stage: 'size' }) });
		expect(sounds.error).toBeInstanceOf(NodeApiError);
		expect(sounds.error?.message).toBe(
			'Item 1: VICIdial failed with an internal error (HTTP 500) and sent no answer.',
		);
	});

	test('Continue On Fail: agent statuses for several items, errors in place, paired in order', async () => {
		const result = await run({
			parameters: realTime('getAgentStatus', { agentUser: '={{ $json.agent }}' }),
			items: [{ agent: '1001' }, { agent: '1002' }, { agent: 'bad agent' }, { agent: '1003' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2, 3]);
		const [first, second, third, fourth] = json(result);
		expect(first).toMatchObject({ status: 'PAUSED', session_id: '8600051' });
		expect(second).toMatchObject({
			error: 'Item 2: VICIdial: ERROR: agent_status AGENT NOT LOGGED IN: 6666|1002',
		});
		expect(third).toMatchObject({
			error:
				'Item 3: "Agent Name or ID" must be a VICIdial user ID (letters, digits, - and _), got "bad agent"',
			errorKind: 'invalidInput',
		});
		expect(fourth).toMatchObject({ status: 'INCALL', lead_id: 12 });
	});
});

describe('Real-time: bad input never reaches the simulator', () => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test.each([
		[
			'an agent with a space',
			realTime('getAgentStatus', { agentUser: '10 01' }),
			'"Agent Name or ID" must be a VICIdial user ID',
		],
		[
			'in-groups with a quote',
			realTime('getInGroupStatus', { inGroups: "TESTIN'" }),
			'"In-Group Names or IDs" must be IDs',
		],
		[
			'a server IP that is a name',
			realTime('monitorCall', {
				sessionId: '8600051',
				serverIp: 'vicidial.local',
				phoneLogin: '1002',
			}),
			'"Server IP" must be an IPv4 address',
		],
		[
			'a session ID with letters',
			realTime('monitorCall', { sessionId: '86000x', serverIp: '127.0.0.1', phoneLogin: '1002' }),
			'"Session ID" must be an ID made of digits only',
		],
		[
			'a container type with a space',
			system('listSettingsContainers', { type: 'OTHER X' }),
			'"Container Type" must be a container type',
		],
	])('%s', async (_name, parameters, message) => {
		const before = target.sim!.requests.length;
		const result = await run({ parameters });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain(message);
		expect(target.sim!.requests.length).toBe(before);
	});

	test('the fixed output options are sent with every call', async () => {
		const before = target.sim!.requests.length;
		await run({ parameters: realTime('getLoggedInAgents') });
		const [request] = target.sim!.requests.slice(before);
		expect(request.rawBody).toBe(
			'function=logged_in_agents&stage=pipe&header=NO&user=6666&pass=1234&source=n8n',
		);
	});
});
