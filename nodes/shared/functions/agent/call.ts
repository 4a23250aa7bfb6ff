/** Call commands (dial, hang up, disposition, transfer, park, DTMF, lead switch, fronters). */
import type { FunctionEntry, ParamSpec } from '../../entry';
import { choice, datetime, digits, id, flag, text } from '../../entry';
import { field, status } from '../../answer';
import { agentUser } from './common';
import { IN_GROUP_ID, STATUS_CODE, WORD } from '../../patterns';

/** In-group IDs (and DEFAULTINGROUP, which VICIdial reads as the default transfer group). */
const inGroup = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('ingroup_choices', 'In-Group', {
		load: 'inGroups',
		minLength: 2,
		maxLength: 20,
		pattern: { ...IN_GROUP_ID, hint: `${IN_GROUP_ID.hint}, or DEFAULTINGROUP` },
		description:
			"One active in-group, or DEFAULTINGROUP for the default transfer group of the call's campaign or in-group",
		...options,
	});
const groupAlias = text('group_alias', 'Group Alias', {
	maxLength: 30,
	pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must be a group alias ID (letters and digits)' },
	description: 'The ID of a group alias whose caller ID number the call shows',
});

const externalDial: FunctionEntry = {
	fn: 'external_dial',
	api: 'agent',
	resource: 'call',
	operation: 'dial',
	name: 'Dial',
	action: 'Dial a number or lead',
	description:
		"Asks a paused agent's screen to place a manual call: a phone number, a lead by ID (its main, alt or address 3 number), or the next lead (MANUALNEXT). The screen dials at its next refresh (external_dial)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		text('value', 'Phone Number', {
			main: true,
			maxLength: 18,
			pattern: {
				regex: /^(?:\d{2,18}|MANUALNEXT)$/,
				hint: 'must be 2 to 18 digits, or MANUALNEXT',
			},
			description:
				'The number to dial (digits only), or MANUALNEXT for the Dial Next Number button. Give this or a lead ID',
		}),
		id('lead_id', 'Lead ID', {
			main: true,
			maxLength: 9,
			description: 'Dial this lead instead; overrides the phone number',
		}),
		digits('phone_code', 'Phone Code', {
			main: true,
			maxLength: 10,
			description: 'Country code, e.g. 1 for USA/Canada',
		}),
		flag('search', 'Search Existing Lead', {
			required: true,
			default: true,
			flagValues: ['YES', 'NO'],
			description:
				"Whether to look the number up in the campaign's lists and bring up that lead, instead of creating a new one",
		}),
		flag('preview', 'Preview', {
			required: true,
			default: false,
			flagValues: ['YES', 'NO'],
			description: 'Whether to show the lead first without dialing',
		}),
		flag('focus', 'Focus Screen', {
			required: true,
			default: false,
			flagValues: ['YES', 'NO'],
			description: 'Whether to bring the agent screen to the front with an alert',
		}),
		choice('alt_dial', 'Number of the Lead', {
			choices: [
				{ name: 'Main Phone', value: 'MAIN' },
				{ name: 'Alt Phone', value: 'ALT' },
				{ name: 'Address 3', value: 'ADDR3' },
				{
					name: 'Search for the Phone Number',
					value: 'SEARCH',
					description: "Dial the phone number given, if it is one of the lead's numbers",
				},
			],
			description: 'With a lead ID: which of its numbers to dial',
		}),
		text('vendor_id', 'Vendor Lead Code', {
			maxLength: 20,
			pattern: { regex: /^[^;#+'"\\]*$/, hint: 'must not contain ; # + quotes or \\' },
			description: 'Your own ID for the lead',
		}),
		text('dial_prefix', 'Dial Prefix', {
			maxLength: 20,
			pattern: { regex: /^[0-9a-zA-Z]+$/, hint: 'must be letters and digits' },
			description: 'Put before the number in the dial string',
		}),
		groupAlias,
		digits('outbound_cid', 'Outbound Caller ID', {
			maxLength: 20,
			description:
				'The caller ID to send. Needs "Outbound Call Any CID" set to API_ONLY in the system settings',
		}),
		text('dial_ingroup', 'Dial In-Group', {
			load: 'inGroups',
			maxLength: 20,
			pattern: IN_GROUP_ID,
			description: 'Place the call as an outbound call of this in-group',
		}),
		flag('vtiger_callback', 'Vtiger Callback', {
			flagValues: ['YES', 'NO'],
			description:
				'Whether the phone number is 99 followed by a Vtiger event ID, to dial the phone of its account',
		}),
	],
	requires: [
		{ need: ['value', 'lead_id'] },
		{ if: { alt_dial: ['SEARCH'] }, need: ['value'] },
		{ if: { alt_dial: ['ALT', 'ADDR3', 'SEARCH'] }, need: ['lead_id'] },
	],
	answer: status([
		field.text('phone_number'),
		field.text('agent_user'),
		field.text('phone_code'),
		field.text('search'),
		field.text('preview'),
		field.text('focus'),
		field.text('vendor_id'),
		field.integer('epoch'),
		field.text('dial_prefix'),
		field.text('group_alias'),
		field.text('caller_id_number'),
		field.text('alt_dial'),
	]),
};

const externalHangup: FunctionEntry = {
	fn: 'external_hangup',
	api: 'agent',
	resource: 'call',
	operation: 'hangUp',
	name: 'Hang Up',
	action: 'Hang up the customer',
	description:
		"Asks the agent's screen to hang up the current customer call (the Hangup Customer button) at its next refresh (external_hangup)",
	writes: true,
	queued: true,
	params: [agentUser()],
	fixed: { value: '1' },
	answer: status([field.skip('value'), field.text('agent_user')]),
};

const externalStatus: FunctionEntry = {
	fn: 'external_status',
	api: 'agent',
	resource: 'call',
	operation: 'setDisposition',
	name: 'Set Disposition',
	action: 'Set a call disposition',
	description:
		"Asks the agent's screen to set this status on the call being dispositioned and go on, optionally as a scheduled callback. The screen acts at its next refresh (external_status)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		text('value', 'Status', {
			required: true,
			maxLength: 6,
			pattern: STATUS_CODE,
			description:
				'A status of the system or of the campaign, e.g. SALE. VICIdial does not check that it exists',
		}),
		datetime('callback_datetime', 'Callback Date', {
			main: true,
			description:
				'Schedules a callback, when the status is a callback status (e.g. CALLBK); otherwise ignored',
		}),
		choice('callback_type', 'Callback Type', {
			choices: [
				{ name: 'Anyone', value: 'ANYONE', description: 'Any agent of the campaign' },
				{ name: 'This Agent Only', value: 'USERONLY' },
			],
			description: 'VICIdial uses Anyone when empty',
		}),
		text('callback_comments', 'Callback Comments', {
			maxLength: 200,
			pattern: {
				regex: /^[- ._0-9a-zA-Z]*$/,
				hint: 'may contain only letters, digits, spaces, - . and _ (VICIdial drops the rest)',
			},
		}),
		text('qm_dispo_code', 'QueueMetrics Dispo Code', {
			maxLength: 20,
			pattern: { regex: /^[-._0-9a-zA-Z]+$/, hint: 'may contain only letters, digits, - . and _' },
			description: 'Call status code for QueueMetrics, if it is used',
		}),
	],
	answer: status([field.text('status'), field.text('agent_user')]),
};

const previewDialAction: FunctionEntry = {
	fn: 'preview_dial_action',
	api: 'agent',
	resource: 'call',
	operation: 'previewAction',
	name: 'Preview Action',
	action: 'Act on a preview lead',
	description:
		'Asks the screen of a paused agent previewing a lead (or in manual alt dial) to skip it, dial it, dial its alt or address 3 number, or finish; the screen acts at its next refresh (preview_dial_action)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', {
			required: true,
			choices: [
				{ name: 'Dial', value: 'DIALONLY' },
				{
					name: 'Skip',
					value: 'SKIP',
					description: 'Not allowed when the campaign is set to PREVIEW_ONLY',
				},
				{
					name: 'Dial Alt Phone',
					value: 'ALTDIAL',
					description: 'Needs alt number dialing in the campaign',
				},
				{
					name: 'Dial Address 3',
					value: 'ADR3DIAL',
					description: 'Needs alt number dialing in the campaign',
				},
				{ name: 'Finish', value: 'FINISH', description: 'End alt number dialing of the lead' },
			],
		}),
	],
	answer: status([field.text('value'), field.text('agent_user'), field.skip('action')]),
};

const TRANSFER_ACTIONS = [
	{ name: 'Hang Up Third Party', value: 'HANGUP_XFER' },
	{
		name: 'Hang Up Both',
		value: 'HANGUP_BOTH',
		description: 'Hang up the customer and the third party',
	},
	{
		name: 'Blind Transfer',
		value: 'BLIND_TRANSFER',
		description: 'Send the customer to the phone number',
	},
	{
		name: 'Leave Voicemail',
		value: 'LEAVE_VM',
		description: "Send the customer to the campaign's voicemail message",
	},
	{
		name: 'Transfer to In-Group',
		value: 'LOCAL_CLOSER',
		description: 'Send the call to agents of the in-group (phone number: an agent for AGENTDIRECT)',
	},
	{
		name: 'Dial With Customer',
		value: 'DIAL_WITH_CUSTOMER',
		description: 'Three-way call with the customer on the line',
	},
	{
		name: 'Park Customer and Dial',
		value: 'PARK_CUSTOMER_DIAL',
		description: 'Park the customer and call the third party',
	},
	{
		name: 'Leave 3-Way Call',
		value: 'LEAVE_3WAY_CALL',
		description: 'Leave the customer and the third party talking; the agent goes to disposition',
	},
];

const transferConference: FunctionEntry = {
	fn: 'transfer_conference',
	api: 'agent',
	resource: 'call',
	operation: 'transfer',
	name: 'Transfer or Conference',
	action: 'Transfer or conference a call',
	description:
		'Asks the screen of an agent on a live call to transfer it, start a three-way call, leave it or hang up the third party, as the transfer-conference panel would; the screen acts at its next refresh (transfer_conference)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', { required: true, choices: TRANSFER_ACTIONS }),
		text('phone_number', 'Phone Number', {
			main: true,
			maxLength: 25,
			pattern: { regex: /^[*#0-9a-zA-Z]+$/, hint: 'may contain only digits, letters, * and #' },
			description:
				'The number to transfer to or dial (required for Blind Transfer and for dialing), or the agent for an AGENTDIRECT in-group',
		}),
		inGroup({
			main: true,
			description:
				"The in-group for Transfer to In-Group and consultative transfers; DEFAULTINGROUP for the default transfer group of the call's campaign",
		}),
		flag('consultative', 'Consultative', {
			flagValues: ['YES', 'NO'],
			description:
				'Whether to make a consultative transfer to an agent of the in-group (with Dial With Customer or Park Customer and Dial)',
		}),
		flag('dial_override', 'Dial Exactly', {
			flagValues: ['YES', 'NO'],
			description:
				"Whether to dial the number exactly as given, without the campaign's phone code or prefix",
		}),
		groupAlias,
		choice('cid_choice', 'Caller ID Choice', {
			choices: [
				{ name: 'Campaign', value: 'CAMPAIGN' },
				{ name: 'Agent Phone', value: 'AGENT_PHONE' },
				{ name: 'Customer', value: 'CUSTOMER' },
				{ name: 'Custom CID', value: 'CUSTOM_CID' },
			],
			description: 'Which caller ID the dialed party sees',
		}),
		text('multi_dial_phones', 'Press-1 Phones', {
			maxLength: 200,
			pattern: {
				regex: /^\d{5,18}(?:,\d{5,18}){0,9}$/,
				hint: 'must be up to 10 phone numbers of 5 to 18 digits, separated by commas',
			},
			description:
				'For "Agent 3-way Press-1 Calls": up to 10 numbers to call at once, separated by commas',
		}),
		flag('md_check', 'Check Press-1 Calls', {
			flagValues: ['YES', 'NO'],
			description:
				'Whether to refuse, with press-1 phones, when earlier press-1 calls of the agent are still active',
		}),
		flag('tw_check', 'Check 3-Way Calls', {
			flagValues: ['YES', 'NO'],
			description: 'Whether to refuse when the agent already has an active three-way call',
		}),
	],
	requires: [
		{ if: { value: ['BLIND_TRANSFER'] }, need: ['phone_number'] },
		{
			if: { value: ['DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL'], consultative: ['NO', ''] },
			need: ['phone_number'],
		},
		{ if: { value: ['LOCAL_CLOSER'] }, need: ['ingroup_choices'] },
		{
			if: { value: ['DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL'], consultative: ['YES'] },
			need: ['ingroup_choices'],
		},
	],
	answer: status([
		field.text('value'),
		field.text('ingroup_choices'),
		field.text('phone_number'),
		field.text('consultative'),
		field.text('agent_user'),
		field.text('call_id'),
	]),
};

const parkCall: FunctionEntry = {
	fn: 'park_call',
	api: 'agent',
	resource: 'call',
	operation: 'park',
	name: 'Park or Grab',
	action: 'Park or grab a call',
	description:
		'Asks the screen of an agent with a lead to park or grab the customer or the third party; the screen acts at its next refresh (park_call)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', {
			required: true,
			choices: [
				{ name: 'Park Customer', value: 'PARK_CUSTOMER' },
				{ name: 'Grab Customer', value: 'GRAB_CUSTOMER' },
				{
					name: 'Park Customer in IVR',
					value: 'PARK_IVR_CUSTOMER',
					description: "The customer comes back after the campaign's park IVR",
				},
				{ name: 'Grab Customer From IVR', value: 'GRAB_IVR_CUSTOMER' },
				{ name: 'Park Third Party', value: 'PARK_XFER' },
				{ name: 'Grab Third Party', value: 'GRAB_XFER' },
				{
					name: 'Swap: Park Customer',
					value: 'SWAP_PARK_CUSTOMER',
					description: 'Park the customer and grab the third party',
				},
				{
					name: 'Swap: Park Third Party',
					value: 'SWAP_PARK_XFER',
					description: 'Park the third party and grab the customer',
				},
				{ name: 'Hang Up Third Party and Grab Customer', value: 'HANGUP_XFER_GRAB_CUSTOMER' },
			],
		}),
	],
	answer: status([field.text('value'), field.text('agent_user')]),
};

const sendDtmf: FunctionEntry = {
	fn: 'send_dtmf',
	api: 'agent',
	resource: 'call',
	operation: 'sendDtmf',
	name: 'Send DTMF',
	action: 'Send touch tones',
	description:
		"Asks the agent's screen to send these touch tones into its session at its next refresh (send_dtmf)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		text('value', 'Tones', {
			required: true,
			maxLength: 100,
			pattern: {
				regex: /^[0-9A-DPSQ]+$/,
				hint: 'may contain only 0-9, A-D, P (for #), S (for *) and Q (one second of silence)',
			},
			description:
				'Digits to send; write # as P, * as S, and Q for a second of silence, e.g. QQ1234P',
		}),
	],
	answer: status([field.text('value'), field.text('agent_user')]),
};

const switchLead: FunctionEntry = {
	fn: 'switch_lead',
	api: 'agent',
	resource: 'call',
	operation: 'switchLead',
	name: 'Switch Lead',
	action: 'Switch the lead of a call',
	description:
		"Asks the screen of an agent on a live inbound call to switch the call to another lead (by ID or vendor lead code), like selecting it in the lead search. Needs inbound lead search in the campaign; the agent's screen does it at its next refresh (switch_lead)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		id('lead_id', 'Lead ID', { main: true, maxLength: 9, description: 'The lead to switch to' }),
		text('vendor_lead_code', 'Vendor Lead Code', {
			main: true,
			maxLength: 20,
			pattern: { regex: /^[^;#+'"\\]+$/, hint: 'must not contain ; # + quotes or \\' },
			description:
				'The newest lead with this vendor lead code. When given, VICIdial searches by it and ignores the lead ID',
		}),
	],
	requires: [{ need: ['lead_id', 'vendor_lead_code'] }],
	answer: status([
		field.text('agent_user'),
		field.integer('lead_id'),
		field.text('vendor_lead_code'),
		field.text('campaign_id'),
		field.integer('previous_lead_id'),
	]),
};

const raCallControl: FunctionEntry = {
	fn: 'ra_call_control',
	api: 'agent',
	resource: 'call',
	operation: 'remoteAgentControl',
	name: 'Remote Agent Call Control',
	action: 'Hang up a remote agent call',
	description:
		'Hangs up or transfers a call handled by a remote agent, by its call ID, and logs its status (RAXFER when empty). The call leaves the agent at once (ra_call_control)',
	writes: true,
	params: [
		agentUser({ description: 'The remote agent user handling the call' }),
		text('value', 'Call ID', {
			required: true,
			maxLength: 20,
			pattern: { regex: WORD, hint: 'must be a VICIdial call ID, e.g. Y0315201639000402027' },
			description:
				'The call ID VICIdial gave the call (caller ID name or SIP header), e.g. Y0315201639000402027',
		}),
		choice('stage', 'Action', {
			required: true,
			choices: [
				{ name: 'Hang Up', value: 'HANGUP' },
				{ name: 'Transfer to Number', value: 'EXTENSIONTRANSFER' },
				{ name: 'Transfer to In-Group', value: 'INGROUPTRANSFER' },
			],
		}),
		text('phone_number', 'Phone Number', {
			main: true,
			minLength: 2,
			maxLength: 25,
			pattern: { regex: /^[*#0-9a-zA-Z]+$/, hint: 'may contain only digits, letters, * and #' },
			description: 'For Transfer to Number: the full number as dialed through the default context',
		}),
		inGroup({ main: true }),
		text('status', 'Status', {
			maxLength: 6,
			pattern: STATUS_CODE,
			description: 'Status logged for the call; VICIdial uses RAXFER when empty',
		}),
	],
	requires: [
		{ if: { stage: ['EXTENSIONTRANSFER'] }, need: ['phone_number'] },
		{ if: { stage: ['INGROUPTRANSFER'] }, need: ['ingroup_choices'] },
	],
	answer: status([field.text('agent_user'), field.text('call_id'), field.text('destination')]),
};

const FRONTER_SCOPE = choice('value', 'Where', {
	required: true,
	default: 'LOCAL_ONLY',
	choices: [
		{ name: 'This Cluster', value: 'LOCAL_ONLY' },
		{
			name: 'This Cluster, Then CCC',
			value: 'LOCAL_AND_CCC',
			description: 'Also look on the remote cluster (cross-cluster communication)',
		},
		{
			name: 'CCC Remote',
			value: 'CCC_REMOTE',
			description: 'The closer is on another cluster: give the lead ID',
		},
	],
});
const FRONTER_LEAD = id('lead_id', 'Lead ID', {
	maxLength: 9,
	description: 'With CCC Remote: the lead of the call',
});

const forceFronterLeave3way: FunctionEntry = {
	fn: 'force_fronter_leave_3way',
	api: 'agent',
	resource: 'call',
	operation: 'fronterLeave3Way',
	name: 'Make Fronter Leave 3-Way',
	action: 'Make the fronter leave',
	description:
		"Asks the screen of the other agent on the same lead (the fronter who brought the call) to leave the three-way call the closer (agent_user) is on; the agent's screen does it at its next refresh (force_fronter_leave_3way)",
	writes: true,
	queued: true,
	params: [
		agentUser({ description: 'The closer: the agent the fronter transferred the call to' }),
		FRONTER_SCOPE,
		FRONTER_LEAD,
	],
	requires: [{ if: { value: ['CCC_REMOTE'] }, need: ['lead_id'] }],
	answer: status([field.text('sent_to')], { unterminated: true }),
};

const forceFronterAudioStop: FunctionEntry = {
	fn: 'force_fronter_audio_stop',
	api: 'agent',
	resource: 'call',
	operation: 'stopFronterAudio',
	name: 'Stop Fronter Audio',
	action: 'Stop fronter audio',
	description:
		'Stops the audio playing in the session of the other agent on the same lead (the fronter), also one who left the call in the last 5 minutes (force_fronter_audio_stop)',
	writes: true,
	params: [
		agentUser({ description: 'The closer: the agent the fronter transferred the call to' }),
		FRONTER_SCOPE,
		FRONTER_LEAD,
	],
	requires: [{ if: { value: ['CCC_REMOTE'] }, need: ['lead_id'] }],
	answer: status([
		field.text('value'),
		field.skip('stage'),
		field.text('agent_user'),
		field.text('fronter'),
	]),
};

export const callFunctions: FunctionEntry[] = [
	externalDial,
	externalHangup,
	externalStatus,
	previewDialAction,
	transferConference,
	parkCall,
	sendDtmf,
	switchLead,
	raCallControl,
	forceFronterLeave3way,
	forceFronterAudioStop,
];
