/** The VICIdial Agent node's call, recording and audio operations, through n8n's WorkflowExecute. */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, paired, runVicidialAgent } from './agentRun';

const EPOCH = expect.any(Number);
const CALL_ID = 'V0101090000000000012';
const QUEUED = { queued: true, notices: [] };

describe.each(targetNames)(
	'VICIdial Agent node (call, recording and audio) against the %s',
	(targetName) => {
		let target: Target;
		beforeAll(async () => {
			target = await startTarget(targetName);
		});
		afterAll(async () => target.close());
		beforeEach(() => target.reset());
		const run = (options: Omit<Parameters<typeof runVicidialAgent>[0], 'url'>) =>
			runVicidialAgent({ url: target.url, ...options });
		const call = (operation: string, fields: Record<string, unknown>) => ({
			resource: 'call',
			operation,
			...fields,
		});
		const rec = (operation: string, fields: Record<string, unknown>) => ({
			resource: 'recording',
			operation,
			...fields,
		});
		const apiError = (result: Awaited<ReturnType<typeof run>>) => {
			expect(result.error).toBeInstanceOf(NodeApiError);
			return result.error as NodeApiError;
		};
		const kind = (error: NodeApiError) => (error.errorResponse as { kind: string }).kind;
		/** Runs and checks that no Agent API request reached the simulator; returns the refusal. */
		const refusedBeforeSending = async (parameters: Parameters<typeof run>[0]['parameters']) => {
			const before = target.sim?.requests.length ?? 0;
			const result = await run({ parameters });
			if (target.sim)
				expect(target.sim.requests.slice(before).filter((r) => r.path === '/agc/api.php')).toEqual(
					[],
				);
			expect(result.error).toBeInstanceOf(NodeOperationError);
			return result.error!.message;
		};
		const dial = { search: true, preview: false, focus: false };

		test("Call → Dial: a number on a paused agent's screen, queued", async () => {
			const result = await run({
				parameters: call('dial', {
					agentUser: '1001',
					value: '3125551212',
					phoneCode: '1',
					...dial,
					additionalFields: { vendorId: 'CRM-7' },
				}),
			});
			expect(json(result)).toEqual([
				{
					phone_number: '3125551212',
					agent_user: '1001',
					phone_code: '1',
					search: 'YES',
					preview: 'NO',
					focus: 'NO',
					vendor_id: 'CRM-7',
					epoch: EPOCH,
					dial_prefix: '',
					group_alias: '',
					caller_id_number: '',
					alt_dial: '',
					message: 'function set',
					...QUEUED,
				},
			]);
		});

		test("Call → Dial: a lead's alt phone; an unknown dial in-group is a NOTICE", async () => {
			const alt = await run({
				parameters: call('dial', {
					agentUser: '1001',
					leadId: 11,
					...dial,
					additionalFields: { altDial: 'ALT' },
				}),
			});
			expect(json(alt)[0]).toMatchObject({
				phone_number: '3125550211',
				phone_code: '1',
				alt_dial: 'ALT',
				queued: true,
			});
			const notice = await run({
				parameters: call('dial', {
					agentUser: '1001',
					value: '3125551212',
					...dial,
					additionalFields: { dialIngroup: 'NOSUCH' },
				}),
			});
			expect(json(notice)[0].notices).toEqual([
				{
					message: 'defined dial_ingroup not found',
					data: ['NOSUCH'],
					text: 'NOTICE: defined dial_ingroup not found - NOSUCH',
				},
			]);
		});

		test('Call → Dial: an agent on a call is not paused; a caller ID the system does not allow', async () => {
			const busy = apiError(
				await run({
					parameters: call('dial', { agentUser: '1003', value: '3125551212', ...dial }),
				}),
			);
			expect(busy.message).toBe('Item 1: VICIdial: ERROR: agent_user is not paused - 1003');
			expect(kind(busy)).toBe('agentState');
			const cid = apiError(
				await run({
					parameters: call('dial', {
						agentUser: '1001',
						value: '3125551212',
						...dial,
						additionalFields: { outboundCid: '3125550000' },
					}),
				}),
			);
			expect(cid.message).toBe(
				'Item 1: VICIdial: ERROR: outbound_cid is not allowed on this system - 1001|3125550000|DISABLED',
			);
			expect(kind(cid)).toBe('notAllowed');
			expect(cid.description).toMatch(/Outbound Call Any CID/);
		});

		test('Call → Dial: neither number nor lead, or a search without a number, is refused before sending', async () => {
			expect(await refusedBeforeSending(call('dial', { agentUser: '1001', ...dial }))).toBe(
				'Item 1: "Phone Number" or "Lead ID" is required',
			);
			expect(
				await refusedBeforeSending(
					call('dial', {
						agentUser: '1001',
						leadId: 11,
						...dial,
						additionalFields: { altDial: 'SEARCH' },
					}),
				),
			).toBe(
				'Item 1: "Phone Number" is required when "Number of the Lead" is "Search for the Phone Number"',
			);
			expect(
				await refusedBeforeSending(call('dial', { agentUser: '1001', value: '312-555', ...dial })),
			).toBe('Item 1: "Phone Number" must be 2 to 18 digits, or MANUALNEXT, got "312-555"');
		});

		test('Call → Hang Up: queued for an agent on a call; an agent not logged in', async () => {
			expect(json(await run({ parameters: call('hangUp', { agentUser: '1003' }) }))).toEqual([
				{ agent_user: '1003', message: 'function set', ...QUEUED },
			]);
			const out = apiError(await run({ parameters: call('hangUp', { agentUser: '1002' }) }));
			expect(out.message).toBe('Item 1: VICIdial: ERROR: agent_user is not logged in - 1002');
			expect(kind(out)).toBe('agentNotLoggedIn');
		});

		test('Call → Set Disposition: a callback status with its date, type and comments', async () => {
			const result = await run({
				parameters: call('setDisposition', {
					agentUser: '1003',
					value: 'CALLBK',
					callbackDatetime: '2026-12-24 10:00:00',
					additionalFields: { callbackType: 'USERONLY', callbackComments: 'call back after lunch' },
				}),
			});
			expect(json(result)).toEqual([
				{
					status: 'CALLBK!2026-12-24 10:00:00!USERONLY!call back after lunch!',
					agent_user: '1003',
					message: 'function set',
					...QUEUED,
				},
			]);
			const plain = await run({
				parameters: call('setDisposition', {
					agentUser: '1003',
					value: 'SALE',
					additionalFields: { qmDispoCode: '77' },
				}),
			});
			expect(json(plain)[0]).toMatchObject({ status: 'SALE!!!!77', agent_user: '1003' });
		});

		test('Call → Set Disposition: a status over 6 characters is refused before sending', async () => {
			expect(
				await refusedBeforeSending(
					call('setDisposition', { agentUser: '1003', value: 'CALLBACK' }),
				),
			).toBe('Item 1: "Status" must be at most 6 characters, got 8 ("CALLBACK")');
		});

		test('Call → Preview Action: skip is queued; alt dialing is off in the campaign', async () => {
			expect(
				json(
					await run({ parameters: call('previewAction', { agentUser: '1001', value: 'SKIP' }) }),
				),
			).toEqual([{ value: 'SKIP', agent_user: '1001', message: 'function set', ...QUEUED }]);
			const alt = apiError(
				await run({ parameters: call('previewAction', { agentUser: '1001', value: 'ALTDIAL' }) }),
			);
			expect(alt.message).toBe(
				'Item 1: VICIdial: ERROR: alt number dialing not allowed on this campaign - 1001|TESTCAMP|N',
			);
			expect(kind(alt)).toBe('notAllowed');
		});

		test('Call → Transfer or Conference: blind transfer and in-group transfer of a live call', async () => {
			const blind = await run({
				parameters: call('transfer', {
					agentUser: '1003',
					value: 'BLIND_TRANSFER',
					phoneNumber: '3125559876',
				}),
			});
			expect(json(blind)).toEqual([
				{
					value: 'BLIND_TRANSFER',
					ingroup_choices: '',
					phone_number: '3125559876',
					consultative: 'NO',
					agent_user: '1003',
					call_id: CALL_ID,
					message: 'function set',
					...QUEUED,
				},
			]);
			const closer = await run({
				parameters: call('transfer', {
					agentUser: '1003',
					value: 'DIAL_WITH_CUSTOMER',
					ingroupChoices: 'TESTIN',
					additionalFields: { consultative: true },
				}),
			});
			expect(json(closer)[0]).toMatchObject({
				value: 'DIAL_WITH_CUSTOMER',
				ingroup_choices: 'TESTIN',
				phone_number: '',
				consultative: 'YES',
				call_id: CALL_ID,
			});
		});

		test('Call → Transfer or Conference: an agent without a live call; an inactive in-group', async () => {
			const noCall = apiError(
				await run({ parameters: call('transfer', { agentUser: '1001', value: 'HANGUP_XFER' }) }),
			);
			expect(noCall.message).toBe(
				'Item 1: VICIdial: ERROR: agent_user does not have a live call - 1001',
			);
			expect(kind(noCall)).toBe('agentState');
			const group = apiError(
				await run({
					parameters: call('transfer', {
						agentUser: '1003',
						value: 'LOCAL_CLOSER',
						ingroupChoices: 'NOSUCH',
					}),
				}),
			);
			expect(group.message).toBe('Item 1: VICIdial: ERROR: ingroup is not valid - NOSUCH');
			expect(kind(group)).toBe('invalid');
		});

		test("Call → Transfer or Conference: an action's companions are checked before sending", async () => {
			expect(
				await refusedBeforeSending(
					call('transfer', { agentUser: '1003', value: 'BLIND_TRANSFER' }),
				),
			).toBe('Item 1: "Phone Number" is required when "Action" is "Blind Transfer"');
			expect(
				await refusedBeforeSending(call('transfer', { agentUser: '1003', value: 'LOCAL_CLOSER' })),
			).toBe('Item 1: "In-Group Name or ID" is required when "Action" is "Transfer to In-Group"');
			expect(
				await refusedBeforeSending(
					call('transfer', {
						agentUser: '1003',
						value: 'PARK_CUSTOMER_DIAL',
						additionalFields: { consultative: true },
					}),
				),
			).toBe(
				'Item 1: "In-Group Name or ID" is required when "Action" is "Dial With Customer" or "Park Customer and Dial" and "Consultative" is "YES"',
			);
			expect(
				await refusedBeforeSending(
					call('transfer', {
						agentUser: '1003',
						value: 'DIAL_WITH_CUSTOMER',
						phoneNumber: '3125559876',
						additionalFields: { multiDialPhones: '123,456' },
					}),
				),
			).toBe(
				'Item 1: "Press-1 Phones" must be up to 10 phone numbers of 5 to 18 digits, separated by commas, got "123,456"',
			);
		});

		test('Call → Park or Grab: queued for an agent with a lead; refused without one', async () => {
			expect(
				json(
					await run({ parameters: call('park', { agentUser: '1003', value: 'PARK_CUSTOMER' }) }),
				),
			).toEqual([
				{ value: 'PARK_CUSTOMER', agent_user: '1003', message: 'function set', ...QUEUED },
			]);
			const none = apiError(
				await run({ parameters: call('park', { agentUser: '1001', value: 'GRAB_CUSTOMER' }) }),
			);
			expect(none.message).toBe(
				'Item 1: VICIdial: ERROR: agent_user does not have a lead on their screen - 1001',
			);
			expect(kind(none)).toBe('agentState');
		});

		test('Call → Send DTMF: queued; # and * must be written P and S', async () => {
			expect(
				json(await run({ parameters: call('sendDtmf', { agentUser: '1003', value: 'QQ1234P' }) })),
			).toEqual([{ value: 'QQ1234P', agent_user: '1003', message: 'function set', ...QUEUED }]);
			expect(
				await refusedBeforeSending(call('sendDtmf', { agentUser: '1003', value: '12#' })),
			).toBe(
				'Item 1: "Tones" may contain only 0-9, A-D, P (for #), S (for *) and Q (one second of silence), got "12#"',
			);
		});

		test('Call → Switch Lead: only for inbound calls; a lead is needed', async () => {
			const outbound = apiError(
				await run({ parameters: call('switchLead', { agentUser: '1003', leadId: 11 }) }),
			);
			expect(outbound.message).toBe(
				`Item 1: VICIdial: ERROR: agent call is not inbound - 1003|${CALL_ID}`,
			);
			expect(kind(outbound)).toBe('agentState');
			expect(await refusedBeforeSending(call('switchLead', { agentUser: '1003' }))).toBe(
				'Item 1: "Lead ID" or "Vendor Lead Code" is required',
			);
		});

		test('Call → Remote Agent Call Control: hang up a call by its ID; an unknown call ID', async () => {
			expect(
				json(
					await run({
						parameters: call('remoteAgentControl', {
							agentUser: '1001',
							value: CALL_ID,
							stage: 'HANGUP',
						}),
					}),
				),
			).toEqual([
				{
					agent_user: '1001',
					call_id: CALL_ID,
					destination: 'HANGUP',
					message: 'hungup',
					notices: [],
				},
			]);
			const gone = apiError(
				await run({
					parameters: call('remoteAgentControl', {
						agentUser: '1001',
						value: CALL_ID,
						stage: 'HANGUP',
					}),
				}),
			);
			expect(gone.message).toBe(`Item 1: VICIdial: ERROR: no active call found - ${CALL_ID}`);
			expect(kind(gone)).toBe('noRecords');
			expect(
				await refusedBeforeSending(
					call('remoteAgentControl', {
						agentUser: '1001',
						value: CALL_ID,
						stage: 'EXTENSIONTRANSFER',
					}),
				),
			).toBe('Item 1: "Phone Number" is required when "Action" is "Transfer to Number"');
		});

		test('Call → Make Fronter Leave 3-Way: found by lead (answer without final newline); no fronter', async () => {
			expect(
				json(
					await run({
						parameters: call('fronterLeave3Way', {
							agentUser: '1001',
							value: 'CCC_REMOTE',
							additionalFields: { leadId: 12 },
						}),
					}),
				),
			).toEqual([{ sent_to: '1003', message: 'SENT', ...QUEUED }]);
			const none = apiError(
				await run({
					parameters: call('fronterLeave3Way', { agentUser: '1003', value: 'LOCAL_ONLY' }),
				}),
			);
			expect(none.message).toBe('Item 1: VICIdial: ERROR: no fronter found - 1003');
			expect(kind(none)).toBe('agentState');
			expect(
				await refusedBeforeSending(
					call('fronterLeave3Way', { agentUser: '1001', value: 'CCC_REMOTE' }),
				),
			).toBe('Item 1: "Lead ID" is required when "Where" is "CCC Remote"');
		});

		test("Call → Stop Fronter Audio: nothing plays in the fronter's session", async () => {
			const error = apiError(
				await run({
					parameters: call('stopFronterAudio', {
						agentUser: '1001',
						value: 'CCC_REMOTE',
						additionalFields: { leadId: 12 },
					}),
				}),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: force_fronter_audio_stop error - no audio playing in other agent session - 8600053|127.0.0.1||1001|1003',
			);
			expect(kind(error)).toBe('agentState');
		});

		test('Recording and Audio → Start or Stop Recording: start queued with a suffix; stop when not recording', async () => {
			expect(
				json(
					await run({
						parameters: rec('startStop', {
							agentUser: '1001',
							value: 'START',
							additionalFields: { stage: 'MIDCALL' },
						}),
					}),
				),
			).toEqual([
				{
					agent_user: '1001',
					value: 'STARTMIDCALL',
					server_ip: '127.0.0.1',
					session_id: '8600051',
					agent_status: 'PAUSED',
					message: 'function sent',
					...QUEUED,
				},
			]);
			target.reset();
			const stop = apiError(
				await run({ parameters: rec('startStop', { agentUser: '1001', value: 'STOP' }) }),
			);
			expect(stop.message).toBe(
				'Item 1: VICIdial: ERROR: stop recording error - 1001|||||127.0.0.1|8600051|PAUSED',
			);
			expect(kind(stop)).toBe('agentState');
			expect(
				await refusedBeforeSending(
					rec('startStop', {
						agentUser: '1001',
						value: 'START',
						additionalFields: { stage: 'A_SUFFIX_TOO_LONG' },
					}),
				),
			).toBe(
				'Item 1: "Filename Suffix" must be at most 14 characters, got 17 ("A_SUFFIX_TOO_LONG")',
			);
		});

		test('Recording and Audio → Get Recording Status: a NOTICE is the answer, recording or not', async () => {
			const active = json(await run({ parameters: rec('getStatus', { agentUser: '1003' }) }));
			expect(active).toEqual([
				{
					agent_user: '1003',
					recording_id: '2',
					filename: '20250101-092000_3125550112_1003',
					recording_server_ip: '127.0.0.1',
					start_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
					start_time_iso: expect.stringMatching(
						/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
					),
					server_ip: '127.0.0.1',
					session_id: '8600053',
					agent_status: 'INCALL',
					message: 'active',
					notices: [
						expect.objectContaining({
							message: 'active',
							text: expect.stringMatching(/^NOTICE: recording active - 1003|2|/),
						}),
					],
				},
			]);
			const idle = json(await run({ parameters: rec('getStatus', { agentUser: '1001' }) }));
			expect(idle[0]).toMatchObject({
				agent_user: '1001',
				recording_id: '',
				filename: '',
				start_time: '',
				session_id: '8600051',
				agent_status: 'PAUSED',
				message: 'not recording',
			});
		});

		test('Recording and Audio → Play Audio: play sent; stop with nothing playing; play needs a file', async () => {
			expect(
				json(
					await run({
						parameters: rec('playAudio', {
							agentUser: '1001',
							stage: 'PLAY',
							value: 'ss-noservice',
						}),
					}),
				),
			).toEqual([
				{
					audio_file: 'ss-noservice',
					stage: 'PLAY',
					agent_user: '1001',
					message: 'function sent',
					notices: [],
				},
			]);
			const stop = apiError(
				await run({ parameters: rec('playAudio', { agentUser: '1001', stage: 'STOP' }) }),
			);
			expect(stop.message).toBe(
				'Item 1: VICIdial: ERROR: audio_playback error - no audio playing in agent session - 8600051|127.0.0.1|STOP|1001',
			);
			expect(kind(stop)).toBe('agentState');
			expect(
				await refusedBeforeSending(rec('playAudio', { agentUser: '1001', stage: 'PLAY' })),
			).toBe('Item 1: "Audio File" is required when "Action" is "Play"');
		});

		test('Recording and Audio → Set Voicemail Message: for the lead of the live call; another lead is refused', async () => {
			expect(
				json(
					await run({
						parameters: rec('setVoicemailMessage', {
							agentUser: '1003',
							value: 'EXship01',
							leadId: 12,
						}),
					}),
				),
			).toEqual([
				{
					agent_user: '1003',
					lead_id: 12,
					audio_files: 'EXship01',
					message: 'function set',
					notices: [],
				},
			]);
			expect(
				json(
					await run({
						parameters: rec('setVoicemailMessage', {
							agentUser: '1003',
							value: ['EXship01', 'EXship02'],
						}),
					}),
				),
			).toEqual([
				{
					agent_user: '1003',
					lead_id: 12,
					audio_files: 'EXship01|EXship02',
					message: 'function set',
					notices: [],
				},
			]);
			const other = apiError(
				await run({
					parameters: rec('setVoicemailMessage', {
						agentUser: '1003',
						value: 'EXship01',
						leadId: 11,
					}),
				}),
			);
			expect(other.message).toBe(
				'Item 1: VICIdial: ERROR: current call does not match lead_id submitted - 1003',
			);
			expect(kind(other)).toBe('agentState');
		});

		test('a user without the function in its allowed functions', async () => {
			const error = apiError(
				await run({ parameters: call('hangUp', { agentUser: '1003' }), user: '6667' }),
			);
			expect(error.message).toBe(
				'Item 1: VICIdial: ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6667|external_hangup|ADMIN',
			);
			expect(kind(error)).toBe('functionNotAllowed');
		});

		test('Continue On Fail: transfers for several agents, errors as items, in order and paired', async () => {
			const result = await run({
				parameters: call('transfer', {
					agentUser: '={{ $json.agent }}',
					value: '={{ $json.action }}',
					phoneNumber: '={{ $json.phone }}',
				}),
				items: [
					{ agent: '1003', action: 'BLIND_TRANSFER', phone: '3125559876' },
					{ agent: '1001', action: 'HANGUP_XFER', phone: '' },
					{ agent: '1003', action: 'BLIND_TRANSFER', phone: '' },
					{ agent: '1002', action: 'HANGUP_BOTH', phone: '' },
					{ agent: '1003', action: 'LEAVE_3WAY_CALL', phone: '' },
				],
				continueOnFail: true,
			});
			expect(paired(result)).toEqual([0, 1, 2, 3, 4]);
			const [first, second, third, fourth, fifth] = json(result);
			expect(first).toMatchObject({
				value: 'BLIND_TRANSFER',
				phone_number: '3125559876',
				call_id: CALL_ID,
				queued: true,
			});
			expect(second).toEqual({
				error: 'Item 2: VICIdial: ERROR: agent_user does not have a live call - 1001',
				hint: expect.stringMatching(/^The agent's session/),
				errorKind: 'agentState',
				outcome: 'refused',
			});
			expect(third).toEqual({
				error: 'Item 3: "Phone Number" is required when "Action" is "Blind Transfer"',
				hint: expect.stringContaining('Nothing was sent'),
				errorKind: 'invalidInput',
				outcome: 'not_sent',
			});
			expect(fourth).toMatchObject({
				error: 'Item 4: VICIdial: ERROR: agent_user is not logged in - 1002',
				errorKind: 'agentNotLoggedIn',
			});
			expect(fifth).toEqual({
				value: 'LEAVE_3WAY_CALL',
				ingroup_choices: '',
				phone_number: '',
				consultative: 'NO',
				agent_user: '1003',
				call_id: CALL_ID,
				message: 'function set',
				...QUEUED,
			});
		});
	},
);
