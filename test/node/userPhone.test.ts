import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTestServer } from '../helpers/http-server';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidial } from './run';

// Test passwords from test/support/canaries.js: the leak check searches every output for them.
const AGENT_PASS = 'Canary-Pass-5150';
const PHONE_PASS = 'CanaryLock0ut';

const addUser = (fields: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation: 'add',
	agentUser: '7001',
	agentPass: AGENT_PASS,
	agentUserLevel: 1,
	agentFullName: 'New Agent',
	agentUserGroup: 'AGENTS',
	...fields,
});
const getUser = (agentUser: string, options: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation: 'get',
	agentUser,
	options,
});
const updateUser = (agentUser: string, additionalFields: Record<string, unknown>) => ({
	resource: 'user',
	operation: 'update',
	agentUser,
	additionalFields,
});
const addPhone = (fields: Record<string, unknown> = {}) => ({
	resource: 'phone',
	operation: 'add',
	extension: '2001',
	dialplanNumber: '2001',
	voicemailId: '2001',
	phoneLogin: '2001',
	phonePass: PHONE_PASS,
	serverIp: '127.0.0.1',
	protocol: 'SIP',
	registrationPassword: AGENT_PASS,
	phoneFullName: 'Desk 2001',
	localGmt: '-5.00',
	outboundCid: '3125550100',
	...fields,
});
const updatePhone = (extension: string, additionalFields: Record<string, unknown>) => ({
	resource: 'phone',
	operation: 'update',
	extension,
	serverIp: '127.0.0.1',
	additionalFields,
});

const noPassword = (value: unknown) => {
	expect(JSON.stringify(value)).not.toContain(AGENT_PASS);
	expect(JSON.stringify(value)).not.toContain(PHONE_PASS);
};

// The same tests, with the same expected values, against the simulator and (with VICIDIAL_REAL_URL) the real server.
describe.each(targetNames)('User and Phone against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });
	/** On the simulator: no request reached it since `from`. */
	const nothingSentSince = (from: number) => {
		if (target.sim) expect(target.sim.requests.length).toBe(from);
	};
	const requestCount = () => target.sim?.requests.length ?? 0;

	test('User → Add: the new user without its password, then User → Get reads it', async () => {
		const result = await run({ parameters: addUser() });
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				user: '6666',
				agent_user: '7001',
				agent_user_level: 1,
				agent_full_name: 'New Agent',
				agent_user_group: 'AGENTS',
				message: 'USER HAS BEEN ADDED',
				notices: [],
			},
		]);
		noPassword(result.items);
		expect(json(await run({ parameters: getUser('7001') }))).toEqual([
			{ user: '7001', full_name: 'New Agent', user_group: 'AGENTS', user_level: 1, active: 'Y' },
		]);
	});

	test('User → Add: the raw answer has the echoed password redacted', async () => {
		const result = await run({
			parameters: { ...addUser({ agentUser: '7002' }), options: { includeRaw: true } },
		});
		expect(json(result)[0].rawAnswer).toBe(
			'SUCCESS: add_user USER HAS BEEN ADDED - 6666|7002|[redacted]|1|New Agent|AGENTS\n',
		);
		noPassword(result.items);
	});

	test('User → Add: AUTOGENERATE takes the next free number', async () => {
		const [item] = json(
			await run({
				parameters: addUser({
					agentUser: 'AUTOGENERATE',
					additionalFields: { email: 'auto@example.com', inGroups: ['TESTIN'] },
				}),
			}),
		);
		expect(item).toMatchObject({ agent_user: '101', message: 'USER HAS BEEN ADDED' });
	});

	test('User → Add: an existing user is a VICIdial error', async () => {
		const result = await run({ parameters: addUser({ agentUser: '1001' }) });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: add_user USER ALREADY EXISTS: |6666|1001',
		);
		// n8n logs and stores an error with its node: the password parameter is masked there
		expect((result.error as NodeApiError).node.parameters).toMatchObject({
			agentUser: '1001',
			agentPass: '[redacted]',
		});
		noPassword([result.error?.message, result.errorData]);
	});

	test('User → Add: a bad password is refused before sending, without repeating it', async () => {
		const before = requestCount();
		const result = await run({ parameters: addUser({ agentPass: 'Wr0ngCanary!' }) });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe(
			'Item 1: "Agent Password" may contain only letters, digits, - and _ (VICIdial drops other characters)',
		);
		expect(JSON.stringify(result.errorData ?? null)).not.toContain('Wr0ngCanary');
		nothingSentSince(before);
	});

	test('User → Add: a level out of range is refused before sending', async () => {
		const before = requestCount();
		const result = await run({ parameters: addUser({ agentUserLevel: 10 }) });
		expect(result.error?.message).toBe('Item 1: "User Level" must be 9 or less, got 10');
		nothingSentSince(before);
	});

	test('User → Add, Continue On Fail: items keep their order and pairing', async () => {
		const result = await run({
			parameters: addUser({ agentUser: '={{ $json.user }}' }),
			items: [{ user: '7001' }, { user: 'bad user' }, { user: '1001' }, { user: '7002' }],
			continueOnFail: true,
		});
		expect(paired(result)).toEqual([0, 1, 2, 3]);
		expect(json(result)).toEqual([
			expect.objectContaining({ agent_user: '7001', message: 'USER HAS BEEN ADDED' }),
			{
				error:
					'Item 2: "Agent User" must be a VICIdial user ID (letters, digits, - and _), got "bad user"',
				hint: expect.stringContaining('Nothing was sent'),
				errorKind: 'invalidInput',
				outcome: 'not_sent',
			},
			{
				error: 'Item 3: VICIdial: ERROR: add_user USER ALREADY EXISTS: |6666|1001',
				hint: 'VICIdial found an existing record and refused to add another (duplicate check).',
				errorKind: 'duplicate',
				outcome: 'refused',
			},
			expect.objectContaining({ agent_user: '7002', message: 'USER HAS BEEN ADDED' }),
		]);
		noPassword(result.items);
	});

	test('User → Copy: a new user from another, without its password', async () => {
		const result = await run({
			parameters: {
				resource: 'user',
				operation: 'copy',
				agentUser: '7101',
				agentPass: AGENT_PASS,
				agentFullName: 'Copy of One',
				sourceUser: '1001',
			},
		});
		expect(json(result)).toEqual([
			{
				user: '6666',
				agent_user: '7101',
				agent_full_name: 'Copy of One',
				source_user: '1001',
				message: 'USER HAS BEEN COPIED',
				notices: [],
			},
		]);
		noPassword(result.items);
		expect(json(await run({ parameters: getUser('7101') }))).toEqual([
			{ user: '7101', full_name: 'Copy of One', user_group: 'AGENTS', user_level: 1, active: 'Y' },
		]);
	});

	test('User → Copy: an unknown source user', async () => {
		const result = await run({
			parameters: {
				resource: 'user',
				operation: 'copy',
				agentUser: '7101',
				agentPass: AGENT_PASS,
				agentFullName: 'Copy',
				sourceUser: 'NOSUCH',
			},
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error: 'Item 1: VICIdial: ERROR: copy_user USER GROUP DOES NOT EXIST: |6666|',
				hint: 'VICIdial found nothing for these values.',
				errorKind: 'noRecords',
				outcome: 'refused',
			},
		]);
	});

	test('User → Update: fields, then User → Get shows them', async () => {
		const result = await run({
			parameters: updateUser('1001', {
				agentPass: AGENT_PASS,
				agentFullName: 'Agent Uno',
				agentUserLevel: 7,
				active: false,
			}),
		});
		expect(json(result)).toEqual([
			{ user: '6666', agent_user: '1001', message: 'USER HAS BEEN UPDATED', notices: [] },
		]);
		expect(json(await run({ parameters: getUser('1001') }))).toEqual([
			{ user: '1001', full_name: 'Agent Uno', user_group: 'AGENTS', user_level: 7, active: 'N' },
		]);
	});

	test('User → Update: ranks alone are a success, told by the NOTICE line', async () => {
		const result = await run({
			parameters: updateUser('1001', {
				campaignRank: 5,
				campaignGrade: 3,
				campRgOnly: true,
				campaignId: 'TESTCAMP',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(json(result)).toEqual([
			{
				user: '6666',
				agent_user: '1001',
				message: 'USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED',
				notices: [
					{
						message: 'USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED',
						data: ['6666', '1001', '5', '3', 'TESTCAMP', '1'],
						text: 'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1001|5|3|TESTCAMP|1',
					},
				],
			},
		]);
	});

	test('User → Update: a password reset without an email address says so', async () => {
		const [item] = json(
			await run({
				parameters: updateUser('1001', { resetPassword: 8, agentFullName: 'Agent One' }),
			}),
		);
		expect(item).toMatchObject({
			message: 'USER HAS BEEN UPDATED',
			notices: [
				expect.objectContaining({ message: 'USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED' }),
			],
		});
	});

	test('User → Update: a password reset alone that fails is an error that says why', async () => {
		const result = await run({ parameters: updateUser('1001', { resetPassword: 8 }) });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1001| then ERROR: update_user NO UPDATES DEFINED: |6666|',
		);
	});

	test('User → Update: an unknown user and nothing to update are VICIdial errors', async () => {
		const result = await run({
			parameters: updateUser('={{ $json.user }}', {}),
			items: [{ user: 'NOSUCH' }, { user: '1001' }],
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error: 'Item 1: VICIdial: ERROR: update_user USER DOES NOT EXIST: |6666|',
				hint: 'VICIdial found nothing for these values.',
				errorKind: 'noRecords',
				outcome: 'refused',
			},
			{
				error: 'Item 2: VICIdial: ERROR: update_user NO UPDATES DEFINED: |6666|',
				hint: 'VICIdial answered with an error.',
				errorKind: 'apiError',
				outcome: 'refused',
			},
		]);
		expect(paired(result)).toEqual([0, 1]);
	});

	test('User → Update: an email VICIdial would change (a "+" becomes a space) is refused before sending', async () => {
		const before = requestCount();
		const result = await run({ parameters: updateUser('1001', { email: 'ann+work@example.com' }) });
		expect(result.error?.message).toBe(
			'Item 1: "Email" must be an email address of letters, digits and - . _ % (VICIdial drops or changes other characters), or --BLANK--, got "ann+work@example.com"',
		);
		nothingSentSince(before);
	});

	test('User → Update: delete, then User → Get finds nothing', async () => {
		expect(json(await run({ parameters: updateUser('1003', { deleteUser: true }) }))).toEqual([
			{ user: '6666', agent_user: '1003', message: 'USER HAS BEEN DELETED', notices: [] },
		]);
		const gone = await run({ parameters: getUser('1003') });
		expect(gone.error?.message).toBe(
			'Item 1: VICIdial: ERROR: user_details USER NOT FOUND: 6666|1003',
		);
		expect(json(await run({ parameters: getUser('1003', { emptyOnNoRecords: true }) }))).toEqual(
			[],
		);
	});

	test('User → Get: the user as given, with typed level', async () => {
		expect(json(await run({ parameters: getUser('6666') }))).toEqual([
			{ user: '6666', full_name: 'API Admin', user_group: 'ADMIN', user_level: 9, active: 'Y' },
		]);
	});

	test('User → Update Remote Agent: no such remote agent', async () => {
		const result = await run({
			parameters: {
				resource: 'user',
				operation: 'updateRemoteAgent',
				agentUser: '1001',
				status: 'ACTIVE',
			},
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_remote_agent REMOTE AGENT DOES NOT EXIST: |6666|',
		);
	});

	test('User → Add Group Alias: added, then a duplicate', async () => {
		const parameters = {
			resource: 'user',
			operation: 'addGroupAlias',
			callerIdNumber: '3125550101',
			groupAliasId: 'SALES_LINE',
			additionalFields: {
				groupAliasName: 'Sales Line',
				callerIdName: 'ACME Sales',
				active: false,
				adminUserGroup: 'AGENTS',
			},
		};
		expect(json(await run({ parameters }))).toEqual([
			{
				user: '6666',
				group_alias_id: 'SALES_LINE',
				group_alias_name: 'Sales Line',
				caller_id_number: '3125550101',
				message: 'GROUP ALIAS HAS BEEN ADDED',
				notices: [],
			},
		]);
		const again = await run({ parameters });
		expect(again.error?.message).toBe(
			'Item 1: VICIdial: ERROR: add_group_alias GROUP ALIAS ALREADY EXISTS: |6666|SALES_LINE|3125550101',
		);
	});

	test('User → Add Group Alias: a short caller ID is refused before sending', async () => {
		const before = requestCount();
		const result = await run({
			parameters: { resource: 'user', operation: 'addGroupAlias', callerIdNumber: '31255' },
		});
		expect(result.error?.message).toBe(
			'Item 1: "Caller ID Number" must be at least 6 characters, got 5 ("31255")',
		);
		nothingSentSince(before);
	});

	test('Phone → Add: the phone, without its passwords; then a user may log in with it', async () => {
		const result = await run({
			parameters: addPhone({ additionalFields: { isWebphone: 'Y', templateId: 'SIP_generic' } }),
		});
		expect(json(result)).toEqual([
			{
				user: '6666',
				extension: '2001',
				server_ip: '127.0.0.1',
				protocol: 'SIP',
				dialplan_number: '2001',
				message: 'PHONE HAS BEEN ADDED',
				notices: [],
			},
		]);
		noPassword(result.items);
		expect(json(await run({ parameters: updateUser('1001', { phoneLogin: '2001' }) }))).toEqual([
			{ user: '6666', agent_user: '1001', message: 'USER HAS BEEN UPDATED', notices: [] },
		]);
	});

	test('Phone → Add: unknown server and taken login are VICIdial errors', async () => {
		const result = await run({
			parameters: addPhone({ serverIp: '={{ $json.server }}', phoneLogin: '={{ $json.login }}' }),
			items: [
				{ server: '10.0.0.9', login: '2001' },
				{ server: '127.0.0.1', login: '1001' },
			],
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error: 'Item 1: VICIdial: ERROR: add_phone SERVER DOES NOT EXIST: |6666|10.0.0.9',
				hint: 'VICIdial found nothing for these values.',
				errorKind: 'noRecords',
				outcome: 'refused',
			},
			{
				error: 'Item 2: VICIdial: ERROR: add_phone PHONE LOGIN ALREADY EXISTS: |6666|1001',
				hint: 'VICIdial found an existing record and refused to add another (duplicate check).',
				errorKind: 'duplicate',
				outcome: 'refused',
			},
		]);
		noPassword(result.items);
	});

	test('Phone → Add: a time zone VICIdial does not know is refused before sending', async () => {
		const before = requestCount();
		const result = await run({ parameters: addPhone({ localGmt: '-5.50' }) });
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toMatch(
			/^Item 1: "GMT Offset" must be one of "12.75", .*got "-5.50"$/,
		);
		nothingSentSince(before);
	});

	test('Phone → Update: settings, and a too short registration password refused before sending', async () => {
		const result = await run({
			parameters: updatePhone('1001', {
				registrationPassword: AGENT_PASS,
				phoneFullName: 'Desk One',
				active: false,
				phoneRingTimeout: 30,
				localGmt: '1.00',
			}),
		});
		expect(json(result)).toEqual([
			{
				user: '6666',
				extension: '1001',
				server_ip: '127.0.0.1',
				message: 'PHONE HAS BEEN UPDATED',
				notices: [],
			},
		]);
		const before = requestCount();
		const refused = await run({ parameters: updatePhone('1001', { registrationPassword: 'r' }) });
		expect(refused.error?.message).toBe(
			'Item 1: "Registration Password" must be at least 2 characters',
		);
		expect((refused.error as NodeOperationError).node.parameters.additionalFields).toEqual({
			registrationPassword: '[redacted]',
		});
		nothingSentSince(before);
	});

	test('Phone → Update: an unknown phone, and a delete', async () => {
		const missing = await run({ parameters: updatePhone('9999', {}) });
		expect(missing.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6666|127.0.0.1|9999',
		);
		expect(json(await run({ parameters: updatePhone('1003', { deletePhone: true }) }))).toEqual([
			{
				user: '6666',
				extension: '1003',
				server_ip: '127.0.0.1',
				message: 'PHONE HAS BEEN DELETED',
				notices: [],
			},
		]);
	});

	test('Phone → Add Alias and Update Alias', async () => {
		const added = await run({
			parameters: {
				resource: 'phone',
				operation: 'addAlias',
				aliasId: 'desks',
				aliasName: 'Front Desks',
				phoneLogins: '1001,1002',
			},
		});
		expect(json(added)).toEqual([
			{
				user: '6666',
				alias_id: 'desks',
				alias_name: 'Front Desks',
				phone_logins: '1001,1002',
				message: 'PHONE ALIAS HAS BEEN ADDED',
				notices: [],
			},
		]);
		const updated = await run({
			parameters: {
				resource: 'phone',
				operation: 'updateAlias',
				aliasId: 'desks',
				aliasName: 'All Desks',
				phoneLogins: '1001,1002,1003',
			},
		});
		expect(json(updated)).toEqual([
			{ user: '6666', alias_id: 'desks', message: 'PHONE ALIAS HAS BEEN UPDATED', notices: [] },
		]);
		const unknown = await run({
			parameters: {
				resource: 'phone',
				operation: 'updateAlias',
				aliasId: 'desks',
				phoneLogins: '1003,nophone',
			},
		});
		expect(unknown.error?.message).toBe(
			'Item 1: VICIdial: ERROR: update_phone_alias PHONE DOES NOT EXIST: |6666|nophone',
		);
		// a NOTICE with no SUCCESS after it is a failure, not an unreadable answer
		const nothing = await run({
			parameters: {
				resource: 'phone',
				operation: 'updateAlias',
				aliasId: 'desks',
				additionalFields: { deleteAlias: false },
			},
		});
		expect(nothing.error).toBeInstanceOf(NodeApiError);
		expect(nothing.error?.message).toBe(
			'Item 1: VICIdial: NOTICE: update_phone_alias NO UPDATES DEFINED: |6666|',
		);
		const deleted = await run({
			parameters: {
				resource: 'phone',
				operation: 'updateAlias',
				aliasId: 'desks',
				additionalFields: { deleteAlias: true },
			},
		});
		expect(json(deleted)).toEqual([
			{ user: '6666', alias_id: 'desks', message: 'PHONE ALIAS HAS BEEN DELETED', notices: [] },
		]);
	});

	test('permissions: 6667 may not call the function, 6668 lacks the right', async () => {
		const notAllowed = await run({ user: '6667', parameters: addPhone(), continueOnFail: true });
		expect(json(notAllowed)).toEqual([
			{
				error:
					'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6667|add_phone|',
				hint: expect.stringMatching(/API Allowed Functions/),
				errorKind: 'functionNotAllowed',
				outcome: 'refused',
			},
		]);
		const noRight = await run({ user: '6668', parameters: addUser(), continueOnFail: true });
		expect(json(noRight)).toEqual([
			{
				error:
					'Item 1: VICIdial: ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS: |6668|0',
				hint: expect.stringMatching(/permission/),
				errorKind: 'permission',
				outcome: 'refused',
			},
		]);
	});

	test("a wrong API password is redacted, and so is the new user's", async () => {
		const result = await run({ user: '6699', password: 'Wr0ngCanary', parameters: addUser() });
		expect(result.error?.message).toBe(
			'Item 1: VICIdial: ERROR: Login incorrect, please try again: |6699|[redacted]|BAD|',
		);
		noPassword([result.error?.message, result.errorData]);
	});
});

// What only the simulator can show: states the seed lacks (a remote agent, a user without the delete right).
describe('User and Phone: states beyond the seed (simulator)', () => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget('simulator');
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const sim = () => target.sim!;
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	test('User → Update Remote Agent: updated, then "already active" is a success too', async () => {
		sim().state.db.t('vicidial_remote_agents').insert(
			{
				user_start: '1001',
				number_of_lines: 1,
				server_ip: '127.0.0.1',
				conf_exten: '8300',
				status: 'INACTIVE',
				campaign_id: 'TESTCAMP',
			},
			sim().state.nowStr(),
		);
		const parameters = {
			resource: 'user',
			operation: 'updateRemoteAgent',
			agentUser: '1001',
			status: 'ACTIVE',
			additionalFields: { numberOfLines: 3 },
		};
		expect(json(await run({ parameters }))).toEqual([
			{ user: '6666', agent_user: '1001', message: 'REMOTE AGENT HAS BEEN UPDATED', notices: [] },
		]);
		expect(sim().state.db.t('vicidial_remote_agents').rows[0]).toMatchObject({
			status: 'ACTIVE',
			number_of_lines: '3',
		});
		const again = await run({ parameters: { ...parameters, additionalFields: {} } });
		expect(json(again)).toEqual([
			{
				user: '6666',
				agent_user: '1001',
				message: 'REMOTE AGENT IS ALREADY ACTIVE',
				notices: [
					{
						message: 'REMOTE AGENT IS ALREADY ACTIVE',
						data: ['6666', '1001'],
						text: 'NOTICE: update_remote_agent REMOTE AGENT IS ALREADY ACTIVE: |6666|1001',
					},
				],
			},
		]);
	});

	test('User → Update Remote Agent: the status is left alone unless chosen', async () => {
		sim()
			.state.db.t('vicidial_remote_agents')
			.insert(
				{ user_start: '1002', number_of_lines: 1, server_ip: '127.0.0.1', status: 'INACTIVE' },
				sim().state.nowStr(),
			);
		const first = sim().requests.length;
		const result = await run({
			parameters: {
				resource: 'user',
				operation: 'updateRemoteAgent',
				agentUser: '1002',
				additionalFields: { numberOfLines: 2, campaignId: 'TESTCAMP' },
			},
		});
		expect(json(result)).toEqual([
			{ user: '6666', agent_user: '1002', message: 'REMOTE AGENT HAS BEEN UPDATED', notices: [] },
		]);
		const [request] = sim().requests.slice(first);
		expect(request.params).toEqual({
			function: 'update_remote_agent',
			user: '6666',
			pass: '1234',
			source: 'n8n',
			agent_user: '1002',
			number_of_lines: '2',
			campaign_id: 'TESTCAMP',
		});
		expect(sim().state.db.t('vicidial_remote_agents').rows[0]).toMatchObject({
			status: 'INACTIVE',
			number_of_lines: '2',
			campaign_id: 'TESTCAMP',
		});
	});

	test('Phone → Update: a delete without "Delete Phones" is a permission error', async () => {
		sim()
			.state.db.t('vicidial_users')
			.update(sim().state.user('6666')!, { ast_delete_phones: '0' }, sim().state.nowStr());
		const result = await run({
			parameters: updatePhone('1003', { deletePhone: true }),
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error:
					'Item 1: VICIdial: NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6666|0',
				hint: expect.stringMatching(/permission/),
				errorKind: 'permission',
				outcome: 'refused',
			},
		]);
	});

	test('what reaches VICIdial: the password as given, the fixed output format', async () => {
		const first = sim().requests.length;
		await run({ parameters: addUser() });
		await run({ parameters: getUser('1001') });
		const [add, get] = sim()
			.requests.slice(first)
			.filter((r) => r.params.function !== 'version');
		expect(add.params).toMatchObject({
			function: 'add_user',
			agent_user: '7001',
			agent_pass: AGENT_PASS,
			agent_user_level: '1',
			agent_full_name: 'New Agent',
			agent_user_group: 'AGENTS',
		});
		expect(get.params).toMatchObject({
			function: 'user_details',
			agent_user: '1001',
			stage: 'pipe',
			header: 'NO',
		});
	});
});

// A server that echoes the new user's password in an error (VICIdial does so for a missing field).
test('an echoed agent password is redacted from errors, like the API password', async () => {
	const server = await startTestServer(
		(request) =>
			`ERROR: add_user YOU MUST USE ALL REQUIRED FIELDS: |6666|7001|${request.form.agent_pass}|1|New Agent|\n`,
	);
	try {
		const result = await runVicidial({
			url: server.url,
			parameters: addUser(),
			continueOnFail: true,
		});
		expect(json(result)).toEqual([
			{
				error:
					'Item 1: VICIdial: ERROR: add_user YOU MUST USE ALL REQUIRED FIELDS: |6666|7001|[redacted]|1|New Agent|',
				hint: expect.any(String),
				errorKind: 'invalid',
				outcome: 'refused',
			},
		]);
		noPassword(result.items);
	} finally {
		await server.close();
	}
});
