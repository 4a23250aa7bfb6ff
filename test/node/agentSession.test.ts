/** The VICIdial Agent node's session, lead-on-screen and information operations, through n8n's WorkflowExecute. */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidialAgent } from './agentRun';

const EPOCH = expect.any(Number);

describe.each(targetNames)(
	'VICIdial Agent node (session, lead on screen, information) against the %s',
	(targetName) => {
		let target: Target;
		beforeAll(async () => {
			target = await startTarget(targetName);
		});
		afterAll(async () => target.close());
		beforeEach(() => target.reset());
		const run = (options: Omit<Parameters<typeof runVicidialAgent>[0], 'url'>) =>
			runVicidialAgent({ url: target.url, ...options });
		const session = (operation: string, fields: Record<string, unknown>) => ({
			resource: 'session',
			operation,
			...fields,
		});
		const lead = (operation: string, fields: Record<string, unknown>) => ({
			resource: 'leadOnScreen',
			operation,
			...fields,
		});
		const info = (operation: string, fields: Record<string, unknown> = {}) => ({
			resource: 'information',
			operation,
			...fields,
		});
		/** The error of a run that must fail with VICIdial's answer. */
		const apiError = (result: Awaited<ReturnType<typeof run>>) => {
			expect(result.error).toBeInstanceOf(NodeApiError);
			return result.error as NodeApiError;
		};
		/** Runs and checks that the simulator received no Agent API request meanwhile. */
		const runSendingNothing = async (options: Parameters<typeof run>[0]) => {
			const before = target.sim?.requests.length ?? 0;
			const result = await run(options);
			if (target.sim)
				expect(target.sim.requests.slice(before).filter((r) => r.path === '/agc/api.php')).toEqual(
					[],
				);
			return result;
		};

		test('Information → Get Version: the Agent API version, no login needed', async () => {
			const result = await run({ parameters: info('getVersion'), password: 'wrong-password' });
			expect(json(result)).toEqual([
				{
					version: '2.14-82',
					build: '250122-1010',
					date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
					epoch: EPOCH,
				},
			]);
		});

		test('Agent Session → Pause or Resume: queued for a logged-in agent', async () => {
			const result = await run({
				parameters: session('pauseOrResume', { agentUser: '1001', value: 'PAUSE' }),
			});
			expect(json(result)).toEqual([
				{
					value: 'PAUSE',
					epoch: EPOCH,
					agent_user: '1001',
					queued: true,
					message: 'function set',
					notices: [],
				},
			]);
		});

		test('Agent Session → Pause or Resume: an agent in a call cannot be resumed (agent state)', async () => {
			const error = apiError(
				await run({ parameters: session('pauseOrResume', { agentUser: '1003', value: 'RESUME' }) }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: external_pause agent is not paused - RESUME|1003',
			);
			expect(error.description).toMatch(/^The agent's session does not allow this command now/);
		});

		test('Agent Session → Pause or Resume: an agent not logged in', async () => {
			const error = apiError(
				await run({ parameters: session('pauseOrResume', { agentUser: '1002', value: 'PAUSE' }) }),
			);
			expect(error.message).toBe('Item 1: VICIdial: ERROR: agent_user is not logged in - 1002');
			expect(error.description).toBe('The agent is not logged in to the VICIdial agent screen.');
		});

		test('a user without Agent API access gets its own hint', async () => {
			const error = apiError(
				await run({ parameters: session('logOut', { agentUser: '1001' }), user: '6668' }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: Invalid Username/Password: |6668|[redacted]|1|0|GOOD|',
			);
			expect(error.description).toMatch(
				/this user may not use the Agent API: set "Agent API Access" to 1/,
			);
		});

		test('a user without the function in its allowed functions', async () => {
			const error = apiError(
				await run({
					parameters: session('setPauseCode', { agentUser: '1001', value: 'BREAK' }),
					user: '6667',
				}),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - BREAK|6667|pause_code|ADMIN',
			);
			expect(error.description).toMatch(/API Allowed Functions/);
		});

		test('Agent Session → Set Pause Code: queued for a paused agent; refused for an agent in a call', async () => {
			expect(
				json(
					await run({ parameters: session('setPauseCode', { agentUser: '1001', value: 'LUNCH' }) }),
				),
			).toEqual([{ agent_user: '1001', queued: true, message: 'function sent', notices: [] }]);
			const error = apiError(
				await run({ parameters: session('setPauseCode', { agentUser: '1003', value: 'LUNCH' }) }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: pause_code error - agent is not paused - 1003',
			);
			expect((error.errorResponse as { kind: string }).kind).toBe('agentState');
		});

		test('Agent Session → Set Pause Code: a code over 6 characters is refused before sending', async () => {
			const result = await runSendingNothing({
				parameters: session('setPauseCode', { agentUser: '1001', value: 'TOOLONG' }),
			});
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error?.message).toBe(
				'Item 1: "Pause Code" must be at most 6 characters, got 7 ("TOOLONG")',
			);
		});

		test('Agent Session → Log Out: queued, with value LOGOUT sent', async () => {
			expect(json(await run({ parameters: session('logOut', { agentUser: '1001' }) }))).toEqual([
				{
					value: 'LOGOUT',
					epoch: EPOCH,
					agent_user: '1001',
					queued: true,
					message: 'function set',
					notices: [],
				},
			]);
		});

		test('Agent Session → Change In-Groups: add, as VICIdial lists them; and saved as default', async () => {
			const added = await run({
				parameters: session('changeInGroups', {
					agentUser: '1001',
					value: 'ADD',
					blended: true,
					ingroupChoices: ['TESTIN'],
				}),
			});
			expect(json(added)).toEqual([
				{
					user: '6666',
					agent_user: '1001',
					ingroup_choices: ' TESTIN -',
					blended: 'YES',
					queued: true,
					message: 'function set',
					notices: [],
				},
			]);
			const saved = await run({
				parameters: session('changeInGroups', {
					agentUser: '1003',
					value: 'CHANGE',
					blended: false,
					ingroupChoices: [],
					additionalFields: { setAsDefault: true },
				}),
			});
			expect(json(saved)).toEqual([
				{
					user: '6666',
					agent_user: '1003',
					ingroup_choices: '',
					blended: 'NO',
					default_note: 'User settings set as default',
					queued: true,
					message: 'function set',
					notices: [],
				},
			]);
		});

		test('Agent Session → Change In-Groups: an agent as API user lacks the right', async () => {
			const error = apiError(
				await run({
					parameters: session('changeInGroups', {
						agentUser: '1001',
						value: 'CHANGE',
						blended: true,
						ingroupChoices: ['TESTIN'],
					}),
					user: '1001',
				}),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: user is not allowed to change agent in-groups - 1001',
			);
			expect((error.errorResponse as { kind: string }).kind).toBe('permission');
		});

		test('Agent Session → Call Agent Phone: the session has no login call to repeat', async () => {
			const error = apiError(
				await run({ parameters: session('callAgentPhone', { agentUser: '1001' }) }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: call_agent error - entry is empty - 1001',
			);
			expect((error.errorResponse as { kind: string }).kind).toBe('agentState');
		});

		test('Agent Session → Send Notification: disabled in the seed system settings', async () => {
			const error = apiError(
				await run({
					parameters: session('sendNotification', {
						recipientType: 'USER',
						recipient: '1001',
						notificationText: 'Hello',
					}),
				}),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: Agent API Notifications are disabled on this system - 0',
			);
		});

		test('Agent Session → Refresh Panels: only the chosen panels are sent', async () => {
			const result = await run({
				parameters: session('refreshPanels', {
					agentUser: '1001',
					scriptreload: true,
					formreload: false,
					callbacksreload: true,
				}),
			});
			expect(json(result)).toEqual([
				{
					user: '6666',
					agent_user: '1001',
					agent_rows_updated: 1,
					panels: 'scriptreload,callbacksreload',
					queued: true,
					message: 'request sent',
					notices: [],
				},
			]);
			if (target.sim)
				expect(Object.keys(target.sim.requests.at(-1)!.params)).not.toContain('formreload');
		});

		test('Agent Session → Refresh Panels: no panel chosen is invalid input', async () => {
			const error = apiError(
				await run({ parameters: session('refreshPanels', { agentUser: '1001' }) }),
			);
			expect(error.message).toBe('Item 1: VICIdial: ERROR: no panels have been defined - 1001');
			expect((error.errorResponse as { kind: string }).kind).toBe('invalid');
		});

		test('Agent Session → Set Timer Action: queued for the agent', async () => {
			const result = await run({
				parameters: session('setTimerAction', {
					agentUser: '1003',
					value: 'MESSAGE_ONLY',
					notes: 'call ends soon',
					rank: 15,
				}),
			});
			expect(json(result)).toEqual([
				{
					user: '6666',
					agent_user: '1003',
					action: 'MESSAGE_ONLY',
					notes: 'call ends soon',
					seconds: 15,
					queued: true,
					message: 'lead updated',
					notices: [],
				},
			]);
		});

		test('Agent Session → Log CRM Login: found by custom_three; an unknown id', async () => {
			expect(
				json(
					await run({ parameters: session('logCrmLogin', { value: '1001', vendorId: 'TEAM 7' }) }),
				),
			).toEqual([{ user: '1001', message: 'user found', notices: [] }]);
			const error = apiError(
				await run({ parameters: session('logCrmLogin', { value: '9999', vendorId: 'TEAM7' }) }),
			);
			expect(error.message).toBe('Item 1: VICIdial: ERROR: no user found - 9999');
			expect((error.errorResponse as { kind: string }).kind).toBe('noRecords');
		});

		test('Lead on Screen → Update Fields, then Get Active Lead reads them back', async () => {
			const updated = await run({
				parameters: lead('updateFields', {
					agentUser: '1003',
					firstName: 'Ann',
					additionalFields: { city: 'Evanston', vendorLeadCode: 'V-12' },
				}),
			});
			expect(json(updated)).toEqual([
				{
					user: '6666',
					agent_user: '1003',
					lead_id: 12,
					lead_rows_updated: 1,
					agent_rows_updated: 1,
					fields: 'city,first_name,vendor_lead_code',
					values: 'city="Evanston",first_name="Ann",vendor_lead_code="V-12"',
					message: 'lead updated',
					notices: [],
				},
			]);
			expect(
				json(await run({ parameters: lead('getActiveLead', { value: '1003', vendorId: 'T1' }) })),
			).toEqual([
				{
					user: '1003',
					phone_number: '3125550112',
					lead_id: 12,
					vendor_lead_code: 'V-12',
					province: '',
					security_phrase: '',
					source_id: 'SRC1',
					message: 'lead found',
					notices: [],
				},
			]);
		});

		test('Lead on Screen → Update Fields: a value holding a field name is refused (VICIdial would blank that field)', async () => {
			const result = await runSendingNothing({
				parameters: lead('updateFields', { agentUser: '1003', firstName: 'Frank' }),
			});
			expect(result.error).toBeInstanceOf(NodeOperationError);
			expect(result.error?.message).toMatch(
				/^Item 1: "First Name" must not contain a lead field name such as "city", "state", "title" or "rank".*got "Frank"$/,
			);
		});

		test('Lead on Screen → Update Fields: characters VICIdial would change follow the option, and the output tells what is stored', async () => {
			const refused = await runSendingNothing({
				parameters: lead('updateFields', { agentUser: '1003', firstName: 'Zoë' }),
			});
			expect(refused.error?.message).toBe(
				'Item 1: "First Name" contains characters VICIdial would drop or change: "ë"',
			);
			const latin = await run({
				parameters: lead('updateFields', {
					agentUser: '1003',
					firstName: 'Zoë',
					options: { characters: 'transliterate' },
				}),
			});
			expect(json(latin)[0]).toMatchObject({
				values: 'first_name="Zoe"',
				changed_by_vicidial: [{ field: 'first_name', given: 'Zoë', sent: 'Zoe', stored: 'Zoe' }],
			});
			const asIs = await run({
				parameters: lead('updateFields', {
					agentUser: '1003',
					lastName: 'Ann|Marie',
					additionalFields: { rank: -5 },
					options: { characters: 'asIs' },
				}),
			});
			expect(json(asIs)[0]).toMatchObject({
				values: 'last_name="AnnMarie",rank="5"',
				changed_by_vicidial: [
					{ field: 'last_name', sent: 'Ann|Marie', stored: 'AnnMarie' },
					{ field: 'rank', sent: '-5', stored: '5' },
				],
			});
			const quote = await runSendingNothing({
				parameters: lead('updateFields', {
					agentUser: '1003',
					additionalFields: { comments: 'say "hi"' },
					options: { characters: 'asIs' },
				}),
			});
			expect(quote.error?.message).toMatch(
				/^Item 1: "Comments" contains characters that are never sent to VICIdial here .*: """$/,
			);
		});

		test('Lead on Screen → Update Fields: an agent with no lead on the screen', async () => {
			const error = apiError(
				await run({ parameters: lead('updateFields', { agentUser: '1001', firstName: 'Bob' }) }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: agent_user does not have a lead on their screen - 1001',
			);
			expect((error.errorResponse as { kind: string }).kind).toBe('agentState');
		});

		test('Lead on Screen → Add Lead: into the campaign manual dial list, phone number sent as value', async () => {
			const result = await run({
				parameters: lead('addLead', {
					agentUser: '1001',
					value: '312-555-0177',
					phoneCode: '1',
					firstName: 'Ann',
				}),
			});
			expect(json(result)).toEqual([
				{
					phone_number: '3125550177',
					campaign_id: 'TESTCAMP',
					list_id: 101,
					lead_id: 16,
					agent_user: '1001',
					message: 'lead added',
					notices: [],
				},
			]);
		});

		test('Lead on Screen → Add Lead: DNC check', async () => {
			const error = apiError(
				await run({
					parameters: lead('addLead', {
						agentUser: '1001',
						value: '3125550199',
						phoneCode: '1',
						additionalFields: { dncCheck: true },
					}),
				}),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: add_lead PHONE NUMBER IN DNC - 3125550199|1001',
			);
		});

		test('Lead on Screen → Get Active Lead: a paused agent has none; an agent not logged in', async () => {
			const none = apiError(
				await run({ parameters: lead('getActiveLead', { value: '1001', vendorId: 'T1' }) }),
			);
			expect(none.message).toBe('Item 1: VICIdial: ERROR: no active lead found - 1001');
			expect((none.errorResponse as { kind: string }).kind).toBe('agentState');
			const out = apiError(
				await run({ parameters: lead('getActiveLead', { value: '1002', vendorId: 'T1' }) }),
			);
			expect((out.errorResponse as { kind: string }).kind).toBe('agentNotLoggedIn');
		});

		test('Information → Get Webphone URL: the session has none', async () => {
			const error = apiError(
				await run({ parameters: info('getWebphoneUrl', { agentUser: '1001' }) }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: webphone_url error - webphone url is empty - 1001',
			);
			expect((error.errorResponse as { kind: string }).kind).toBe('agentState');
		});

		test('Information → Get Web Server Info: refused without the right; HTTP 500 where PHP runs without Apache (the reference harness)', async () => {
			const refused = apiError(await run({ parameters: info('getWebServer'), user: '6667' }));
			expect(refused.message).toBe(
				'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 6667|webserver|ADMIN',
			);
			const failed = apiError(await run({ parameters: info('getWebServer') }));
			expect(failed.message).toBe(
				'Item 1: VICIdial failed with an internal error (HTTP 500) and sent no answer.',
			);
		});

		test('Information → Get Calls in Queue: a count, from an answer without a final newline', async () => {
			expect(
				json(await run({ parameters: info('getCallsInQueue', { agentUser: '1003' }) })),
			).toEqual([{ calls_in_queue: 0, message: '', notices: [] }]);
		});

		test('Continue On Fail: several agents, errors as items, in order and paired', async () => {
			const result = await run({
				parameters: session('pauseOrResume', {
					agentUser: '={{ $json.agent }}',
					value: '={{ $json.action }}',
				}),
				items: [
					{ agent: '1001', action: 'PAUSE' },
					{ agent: '1002', action: 'PAUSE' },
					{ agent: 'bad agent!', action: 'PAUSE' },
					{ agent: '1003', action: 'RESUME' },
					{ agent: '1003', action: 'PAUSE' },
				],
				continueOnFail: true,
			});
			expect(paired(result)).toEqual([0, 1, 2, 3, 4]);
			const [first, second, third, fourth, fifth] = json(result);
			expect(first).toEqual({
				value: 'PAUSE',
				epoch: EPOCH,
				agent_user: '1001',
				queued: true,
				message: 'function set',
				notices: [],
			});
			expect(second).toEqual({
				error: 'Item 2: VICIdial: ERROR: agent_user is not logged in - 1002',
				hint: 'The agent is not logged in to the VICIdial agent screen.',
				errorKind: 'agentNotLoggedIn',
				outcome: 'refused',
			});
			expect(third).toEqual({
				error:
					'Item 3: "Agent Name or ID" must be a VICIdial user ID (letters, digits, - and _), got "bad agent!"',
				hint: expect.stringContaining('Nothing was sent'),
				errorKind: 'invalidInput',
				outcome: 'not_sent',
			});
			expect(fourth).toMatchObject({
				error: 'Item 4: VICIdial: ERROR: external_pause agent is not paused - RESUME|1003',
				errorKind: 'agentState',
			});
			expect(fifth).toEqual({
				value: 'PAUSE',
				epoch: EPOCH,
				agent_user: '1003',
				queued: true,
				message: 'function set',
				notices: [],
			});
		});
	},
);

/** Paths the seed cannot reach on the real server (settings, session data): the simulator's tables are set first. */
describe('VICIdial Agent node: paths that need other data than the seed (simulator)', () => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const db = () => target.sim!.state.db;
	const run = (parameters: IDataObject) => runVicidialAgent({ url: target.url, parameters });
	const liveRow = (user: string) =>
		db()
			.t('vicidial_live_agents')
			.find((r) => r.user === user)!;

	test('Send Notification with notifications enabled: queued, with the options as VICIdial stores them', async () => {
		db().t('system_settings').rows[0].agent_notifications = '1';
		const result = await run({
			resource: 'session',
			operation: 'sendNotification',
			recipientType: 'USER',
			recipient: '1001',
			notificationText: 'Ten minutes to closing',
			showConfetti: true,
			additionalFields: { textWeight: ['bold', 'italic'], textColor: '9900FF', duration: 4 },
		});
		expect(json(result)).toEqual([
			{
				recipient: '1001',
				recipient_type: 'USER',
				notification_id: 1,
				queued: true,
				message: 'notification queued',
				notices: [],
			},
		]);
		expect(db().t('vicidial_agent_notifications').rows[0]).toMatchObject({
			notification_text: 'Ten minutes to closing',
			text_weight: 'bold,italic',
			text_color: '#9900FF',
			show_confetti: 'Y',
			confetti_options: '4,2350,2',
			notification_status: 'QUEUED',
		});
	});

	test('queued commands only set the columns the agent screen reads', async () => {
		await run({ resource: 'session', operation: 'logOut', agentUser: '1001' });
		await run({
			resource: 'session',
			operation: 'setPauseCode',
			agentUser: '1001',
			value: 'LUNCH',
		});
		await run({
			resource: 'session',
			operation: 'setTimerAction',
			agentUser: '1003',
			value: 'WEBFORM',
			notes: 'open it',
			rank: 30,
		});
		expect(liveRow('1001')).toMatchObject({
			status: 'PAUSED',
			external_pause: 'LOGOUT',
			external_pause_code: 'LUNCH',
			pause_code: 'BREAK',
		});
		expect(liveRow('1003')).toMatchObject({
			status: 'INCALL',
			external_timer_action: 'WEBFORM',
			external_timer_action_message: 'open it',
			external_timer_action_seconds: '30',
		});
	});

	test('Get Webphone URL and Call Agent Phone with session data', async () => {
		const session = db()
			.t('vicidial_session_data')
			.find((r) => r.user === '1001')!;
		session.webphone_url = 'https://phone.example.com/webphone.php?ext=1001';
		// the 19 values of a vicidial_manager row
		session.agent_login_call = [
			'',
			'',
			'',
			'NEW',
			'N',
			'127.0.0.1',
			'',
			'Originate',
			'TESTCALL',
			'Channel: SIP/1001',
			'Context: default',
			'Exten: 8600099',
			'Priority: 1',
			'Callerid: TESTCALL',
			'',
			'',
			'',
			'',
			'',
		].join('|');
		expect(
			json(await run({ resource: 'information', operation: 'getWebphoneUrl', agentUser: '1001' })),
		).toEqual([{ url: 'https://phone.example.com/webphone.php?ext=1001' }]);
		expect(
			json(await run({ resource: 'session', operation: 'callAgentPhone', agentUser: '1001' })),
		).toEqual([{ agent_user: '1001', message: 'function sent', notices: [] }]);
		// the call goes to the agent's own conference
		expect(db().t('vicidial_manager').rows.at(-1)).toMatchObject({
			status: 'NEW',
			action: 'Originate',
			cmd_line_d: 'Exten:  8600051',
		});
	});
});
