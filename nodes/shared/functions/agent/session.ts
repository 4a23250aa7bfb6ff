/** Agent session commands: pause, pause code, in-groups, logout, notifications, panels, timers. */
import type { FunctionEntry } from '../../entry';
import { choice, choices, datetime, flag, integer, text } from '../../entry';
import { field, status } from '../../answer';
import { agentUser } from './common';
import { idPattern, WORD_CHAR, WORD_CHARS } from '../../patterns';

const externalPause: FunctionEntry = {
	fn: 'external_pause',
	api: 'agent',
	resource: 'session',
	operation: 'pauseOrResume',
	name: 'Pause or Resume',
	action: 'Pause or resume an agent',
	description:
		"Asks the agent's screen to pause or resume the agent. The screen acts on it at its next refresh; an agent on a call pauses after the call (external_pause)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', {
			required: true,
			choices: [
				{
					name: 'Pause',
					value: 'PAUSE',
					description: 'Pause the agent (after the current call, if any)',
				},
				{
					name: 'Resume',
					value: 'RESUME',
					description: 'Make a paused agent available for calls again',
				},
			],
		}),
	],
	answer: status([field.text('value'), field.integer('epoch'), field.text('agent_user')]),
};

const pauseCode: FunctionEntry = {
	fn: 'pause_code',
	api: 'agent',
	resource: 'session',
	operation: 'setPauseCode',
	name: 'Set Pause Code',
	action: 'Set a pause code',
	description:
		'Asks the screen of a paused agent to set this pause code; the screen sets it at its next refresh (pause_code)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		text('value', 'Pause Code', {
			required: true,
			maxLength: 6,
			pattern: idPattern('a pause code'),
			description:
				"One of the campaign's pause codes, e.g. BREAK. VICIdial does not check that it exists",
		}),
	],
	answer: status([field.text('agent_user')]),
};

const logout: FunctionEntry = {
	fn: 'logout',
	api: 'agent',
	resource: 'session',
	operation: 'logOut',
	name: 'Log Out',
	action: 'Log out an agent',
	description:
		"Asks the agent's screen to log the agent out at its next refresh; an agent on a call is logged out after the call (logout)",
	writes: true,
	queued: true,
	params: [agentUser()],
	fixed: { value: 'LOGOUT' },
	answer: status([field.text('value'), field.integer('epoch'), field.text('agent_user')]),
};

const changeIngroups: FunctionEntry = {
	fn: 'change_ingroups',
	api: 'agent',
	resource: 'session',
	operation: 'changeInGroups',
	name: 'Change In-Groups',
	action: 'Change inbound groups of an agent',
	description:
		'Sets the in-groups a logged-in agent takes inbound calls from, and whether the agent also takes outbound calls; the agent\'s screen switches at its next refresh. The API user needs "Change Agent Campaign" (change_ingroups)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Change', {
			required: true,
			choices: [
				{
					name: 'Replace',
					value: 'CHANGE',
					description: 'The agent takes calls from exactly these in-groups',
				},
				{ name: 'Add', value: 'ADD', description: "Add these in-groups to the agent's selection" },
				{
					name: 'Remove',
					value: 'REMOVE',
					description: "Remove these in-groups from the agent's selection",
				},
			],
		}),
		flag('blended', 'Blended', {
			required: true,
			flagValues: ['YES', 'NO'],
			description:
				'Whether the agent also takes outbound auto-dialed calls (not possible in MANUAL and INBOUND_MAN campaigns)',
		}),
		text('ingroup_choices', 'In-Groups', {
			main: true,
			load: 'inGroups',
			separator: ' ',
			wrap: [' ', ' -'],
			maxLength: 4000,
			pattern: {
				regex: new RegExp(`^${WORD_CHAR}{2,20}( ${WORD_CHAR}{2,20})*$`),
				hint: 'must be in-group IDs separated by spaces',
			},
			description: 'The in-groups to set, add or remove (required for Add and Remove)',
		}),
		flag('set_as_default', 'Set as Default', {
			flagValues: ['YES', 'NO'],
			description: "Whether to also save the selection in the agent's user settings",
		}),
	],
	answer: status([
		field.text('user'),
		field.text('agent_user'),
		field.text('ingroup_choices'),
		field.text('blended'),
		field.text('default_note', { when: { param: 'set_as_default', equals: 'YES' } }),
	]),
};

const callAgent: FunctionEntry = {
	fn: 'call_agent',
	api: 'agent',
	resource: 'session',
	operation: 'callAgentPhone',
	name: 'Call Agent Phone',
	action: 'Call the agent phone',
	description:
		"Asks VICIdial to call the agent's phone and connect it to the agent's session, using the call the agent's login made. Not for on-hook agents (call_agent)",
	writes: true,
	params: [agentUser()],
	fixed: { value: 'CALL' },
	answer: status([field.text('agent_user')]),
};

const sendNotification: FunctionEntry = {
	fn: 'send_notification',
	api: 'agent',
	resource: 'session',
	operation: 'sendNotification',
	name: 'Send Notification',
	action: 'Send a notification to agents',
	description:
		'Queues a text alert and/or confetti for the screens of one agent, a user group or a campaign; the screens show it when the date is reached. Needs "Agent Notifications" enabled in the system settings (send_notification)',
	writes: true,
	queued: true,
	params: [
		choice('recipient_type', 'Recipient Type', {
			required: true,
			choices: [
				{ name: 'User', value: 'USER', description: 'One agent' },
				{ name: 'User Group', value: 'USER_GROUP', description: 'Every agent of a user group' },
				{ name: 'Campaign', value: 'CAMPAIGN', description: 'Every agent logged in to a campaign' },
			],
		}),
		text('recipient', 'Recipient', {
			required: true,
			maxLength: 20,
			pattern: idPattern('a user ID, user group or campaign ID'),
			description: 'The user ID, user group or campaign ID, as the recipient type says',
		}),
		text('notification_text', 'Text', {
			main: true,
			maxLength: 1000,
			pattern: {
				regex: /^[^;#"'\\]*$/,
				hint: 'must not contain ; # " \' or \\ (VICIdial drops or cannot store them)',
			},
			description: 'The alert text. Give a text, confetti, or both',
		}),
		flag('show_confetti', 'Show Confetti', {
			main: true,
			description: 'Whether the agent screen shows confetti with the notification',
		}),
		datetime('notification_date', 'Notification Date', {
			description: 'When to show it (VICIdial server time); now when empty',
		}),
		flag('notification_retry', 'Retry', {
			description: 'Whether to show it again to agents who log in later',
		}),
		integer('text_size', 'Text Size', {
			min: 1,
			max: 255,
			description: 'In points; VICIdial uses 12 when empty',
		}),
		text('text_font', 'Text Font', {
			maxLength: 30,
			pattern: { regex: /^[-, a-zA-Z]+$/, hint: 'must be a font name (letters, spaces, - and ,)' },
			description: 'VICIdial uses Arial when empty',
		}),
		choices('text_weight', 'Text Weight', {
			choices: [
				{ name: 'Bold', value: 'bold' },
				{ name: 'Italic', value: 'italic' },
				{ name: 'Underline', value: 'underline' },
			],
			separator: ',',
			description: 'VICIdial uses bold when empty',
		}),
		text('text_color', 'Text Color', {
			color: true,
			maxLength: 14,
			pattern: {
				regex: /^(?:[a-zA-Z]+|[0-9A-F]{3}|[0-9A-F]{6})$/,
				hint: 'must be a color name or 3 or 6 hex digits in capitals, e.g. red or 9900FF',
			},
			description:
				'Pick a colour, or type a color name such as red; VICIdial uses black when empty',
		}),
		integer('duration', 'Confetti Seconds', { min: 1, max: 10 }),
		integer('maxParticleCount', 'Confetti Particles', { min: 1, max: 9999 }),
		integer('particleSpeed', 'Confetti Speed', { min: 1, max: 100 }),
	],
	answer: status([
		field.text('recipient'),
		field.text('recipient_type'),
		field.integer('notification_id'),
	]),
};

/** A panel switch: sent only when on (VICIdial reacts to the name appearing in the request). */
const panel = (name: string, displayName: string, description: string) =>
	flag(name, displayName, { main: true, flagValues: ['1', ''], description });

export const panelFlags = {
	form: panel('formreload', 'Reload Form', 'Whether to reload the custom fields form'),
	script: panel('scriptreload', 'Reload Script', 'Whether to reload the script tab'),
	script2: panel('script2reload', 'Reload Script 2', 'Whether to reload the second script tab'),
	email: panel('emailreload', 'Reload Email', 'Whether to reload the email panel'),
	chat: panel('chatreload', 'Reload Chat', 'Whether to reload the chat panel'),
	callbacks: panel('callbacksreload', 'Reload Callbacks', 'Whether to reload the callbacks list'),
};

const refreshPanel: FunctionEntry = {
	fn: 'refresh_panel',
	api: 'agent',
	resource: 'session',
	operation: 'refreshPanels',
	name: 'Refresh Panels',
	action: 'Refresh agent screen panels',
	description:
		"Asks the agent's screen to reload the chosen panels (script, form, callbacks...) at its next refresh (refresh_panel)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		panelFlags.script,
		panelFlags.script2,
		panelFlags.form,
		panelFlags.callbacks,
		panelFlags.email,
		panelFlags.chat,
	],
	answer: status([
		field.text('user'),
		field.text('agent_user'),
		field.integer('agent_rows_updated'),
		field.text('panels'),
	]),
};

const setTimerAction: FunctionEntry = {
	fn: 'set_timer_action',
	api: 'agent',
	resource: 'session',
	operation: 'setTimerAction',
	name: 'Set Timer Action',
	action: 'Set a call timer action',
	description:
		'Asks the agent\'s screen to run an action (web form, preset dial, message) a number of seconds into the current call; the screen picks it up at its next refresh. The API user needs "Modify Campaigns" (set_timer_action)',
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', {
			required: true,
			choices: [
				{ name: 'Message Only', value: 'MESSAGE_ONLY' },
				{ name: 'Open Web Form', value: 'WEBFORM' },
				{ name: 'Open Web Form 2', value: 'WEBFORM2' },
				{ name: 'Dial Preset 1', value: 'D1_DIAL' },
				{ name: 'Dial Preset 2', value: 'D2_DIAL' },
				{ name: 'Dial Preset 3', value: 'D3_DIAL' },
				{ name: 'Dial Preset 4', value: 'D4_DIAL' },
				{ name: 'Dial Preset 5', value: 'D5_DIAL' },
				{ name: 'None', value: 'NONE', description: 'Clear the timer action' },
			],
		}),
		text('notes', 'Message', {
			main: true,
			maxLength: 255,
			pattern: {
				regex: /^[- ._0-9a-zA-Z]*$/,
				hint: 'may contain only letters, digits, spaces, - . and _ (VICIdial drops the rest)',
			},
			description: 'The message shown on the agent screen with the action',
		}),
		integer('rank', 'Seconds Into Call', {
			required: true,
			default: 0,
			min: 0,
			max: 8388607,
			description: 'When to run the action, in seconds from the start of the call',
		}),
	],
	answer: status([
		field.text('user'),
		field.text('agent_user'),
		field.text('action'),
		field.text('notes'),
		field.integer('seconds'),
	]),
};

const stLoginLog: FunctionEntry = {
	fn: 'st_login_log',
	api: 'agent',
	resource: 'session',
	operation: 'logCrmLogin',
	name: 'Log CRM Login',
	action: 'Find an agent by CRM ID',
	description:
		"Finds the VICIdial user whose custom field 3 holds this CRM agent ID, stores the CRM team ID in the user's custom field 4, and returns the user (st_login_log)",
	writes: true,
	params: [
		text('value', 'CRM Agent ID', {
			required: true,
			maxLength: 100,
			pattern: WORD_CHARS,
			description: "The ID held in the VICIdial user's custom field 3 (custom_three)",
		}),
		text('vendor_id', 'CRM Team ID', {
			required: true,
			maxLength: 100,
			pattern: { regex: /^[^;#+'"\\]+$/, hint: 'must not contain ; # + quotes or \\' },
			description: "Stored in the user's custom field 4 (custom_four)",
		}),
	],
	answer: status([field.text('user')]),
};

export const sessionFunctions: FunctionEntry[] = [
	externalPause,
	pauseCode,
	logout,
	changeIngroups,
	callAgent,
	sendNotification,
	refreshPanel,
	setTimerAction,
	stLoginLog,
];
