import type { Choice, FunctionEntry, ParamSpec } from '../../entry';
import { choice, decimal, digits, id, flag, integer, text } from '../../entry';
import { field, rows, status } from '../../answer';
import { CAMPAIGN_ID, STATUS_CODE, URL_CHARS, USER_ID, WORD_CHARS } from '../../patterns';

const campaignId = (options: Partial<ParamSpec> = {}) =>
	text('campaign_id', 'Campaign ID', {
		minLength: 2,
		maxLength: 8,
		pattern: CAMPAIGN_ID,
		load: 'campaigns',
		...options,
	});

/** List orders VICIdial accepts from the API (never the RANDOM ones: this API refuses them). */
const listOrders: Choice[] = (() => {
	const keys = [
		'',
		' PHONE',
		' LAST NAME',
		' COUNT',
		' LAST CALL TIME',
		' RANK',
		' OWNER',
		' TIMEZONE',
	];
	const values: string[] = [];
	for (const key of keys) for (const way of ['DOWN', 'UP']) values.push(`${way}${key}`);
	for (const key of [
		'',
		' PHONE',
		' LAST NAME',
		' COUNT',
		' LAST CALL TIME',
		' RANK',
		' OWNER',
		' TIMEZONE',
	]) {
		for (const way of ['DOWN', 'UP'])
			for (const nth of ['2nd', '3rd', '4th', '5th', '6th']) values.push(`${way}${key} ${nth} NEW`);
	}
	return values.map((value) => ({
		name: value.replace(/\b([A-Z]+)\b/g, (w) => w[0] + w.slice(1).toLowerCase()),
		value,
	}));
})();

const xferConf = (n: string, label: string) =>
	text(`xferconf_${n}`, `Transfer Conference Number ${label}`, {
		maxLength: 50,
		pattern: WORD_CHARS,
		description: 'Number or extension of a transfer-conference preset; --BLANK-- clears it',
	});

const webForm = (n: string, label: string) =>
	text(`webform_${n}`, `Web Form ${label}`, {
		minLength: 3,
		maxLength: 65000,
		pattern: URL_CHARS,
		description: 'URL of the agent screen web form; --BLANK-- clears it',
	});

const urlTypes: Choice[] = [
	{
		name: 'Dispo Call URL',
		value: 'dispo',
		description: 'Called when the agent dispositions a call',
	},
	{ name: 'Start Call URL', value: 'start', description: 'Called when a call reaches the agent' },
	{
		name: 'No-Agent Call URL',
		value: 'noagent',
		description: 'Called when no agent takes the call',
	},
	{
		name: 'Add Lead URL',
		value: 'addlead',
		description: 'In-groups only: called when an inbound call adds a lead',
	},
];

/** Which record the alternate URLs belong to, and which of its URL settings they replace. */
const altUrlTarget: ParamSpec[] = [
	text('campaign_id', 'Campaign ID', {
		required: true,
		minLength: 2,
		maxLength: 20,
		pattern: WORD_CHARS,
		load: 'campaigns',
		description:
			'The campaign (or in-group or list, by Entry Type) whose alternate URLs these are. VICIdial also requires a campaign with this ID to exist.',
	}),
	choice('url_type', 'URL Type', { required: true, default: 'dispo', choices: urlTypes }),
	choice('entry_type', 'Entry Type', {
		required: true,
		default: 'campaign',
		choices: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'In-Group', value: 'ingroup' },
			{ name: 'List', value: 'list', description: 'Lists only have the No-Agent Call URL' },
		],
	}),
];

/** The settings of one alternate URL. */
const altUrlSettings = (forAdd: boolean): ParamSpec[] => [
	forAdd
		? text('url_address', 'URL Address', {
				required: true,
				minLength: 5,
				maxLength: 65000,
				pattern: URL_CHARS,
				description: 'The URL to call, with --A--field--B-- variables',
			})
		: text('url_address', 'URL Address', {
				minLength: 5,
				maxLength: 65000,
				pattern: URL_CHARS,
				description: 'The URL to call, with --A--field--B-- variables; --BLANK-- clears it',
			}),
	forAdd
		? flag('active', 'Active', {
				main: true,
				default: true,
				description: 'Whether VICIdial calls this URL (VICIdial itself defaults to inactive)',
			})
		: flag('active', 'Active', { description: 'Whether VICIdial calls this URL' }),
	integer('url_rank', 'Rank', {
		min: 0,
		max: 32767,
		description: 'Order in which the URLs are called',
	}),
	text('url_statuses', 'Statuses', {
		maxLength: 1000,
		pattern: { regex: /^[- 0-9a-zA-Z]+$/, hint: 'must be statuses separated by spaces' },
		placeholder: 'SALE NI',
		description:
			'Only for calls with these statuses (dispo URLs), separated by spaces; ---ALL--- for every status',
	}),
	text('url_lists', 'Lists', {
		maxLength: 1000,
		pattern: {
			regex: /^([0-9]+( [0-9]+)*|--BLANK--)$/,
			hint: 'must be list IDs separated by spaces',
		},
		placeholder: '101 102',
		description:
			'Only for leads of these lists, separated by spaces; empty for all lists' +
			(forAdd ? '' : '; --BLANK-- clears it'),
	}),
	integer('url_call_length', 'Minimum Call Length', {
		min: 0,
		max: 32767,
		description: 'Only for calls at least this many seconds long',
	}),
	text('url_description', 'Description', {
		maxLength: 255,
		pattern: {
			regex: /^[ ,\-./0-9:;<=>?@A-Z[\]^_a-z]+$/,
			hint: 'may only contain letters, digits, spaces and , - . / : ; < = > ? @ [ ] ^ _',
		},
		description: forAdd ? undefined : '--BLANK-- clears it',
	}),
];

export const campaignFunctions: FunctionEntry[] = [
	{
		fn: 'campaigns_list',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'getMany',
		name: 'Get Many',
		action: 'Get many campaigns',
		description:
			'The campaigns the API user may see, with their main dialing settings (campaigns_list)',
		writes: false,
		params: [campaignId({ main: true, description: 'Only this campaign; empty for all' })],
		answer: rows('|', [
			field.text('campaign_id'),
			field.text('campaign_name'),
			field.text('active'),
			field.text('user_group'),
			field.text('dial_method'),
			field.decimal('dial_level'),
			field.text('lead_order'),
			field.text('dial_statuses'),
			field.integer('dial_timeout'),
			field.text('dial_prefix'),
			field.text('manual_dial_prefix'),
			field.text('three_way_dial_prefix'),
		]),
		noRecords: /HAS NO VIEWABLE CAMPAIGNS/,
	},
	{
		fn: 'agent_campaigns',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'getAgentCampaigns',
		name: 'Get Agent Campaigns',
		action: 'Get campaigns of an agent',
		description: 'The active campaigns and in-groups a user may log in to (agent_campaigns)',
		writes: false,
		params: [
			text('agent_user', 'Agent User', {
				required: true,
				minLength: 2,
				maxLength: 20,
				pattern: USER_ID,
				description: 'User ID of the agent',
			}),
			campaignId({ description: 'Only this campaign; empty for all' }),
			flag('ignore_agentdirect', 'Ignore AGENTDIRECT In-Groups', {
				description: 'Whether to leave out in-groups whose ID starts with AGENTDIRECT',
			}),
		],
		answer: rows('|', [
			field.text('user'),
			field.text('allowed_campaigns_list'),
			field.text('allowed_ingroups_list'),
		]),
		noRecords: /HAS NO AVAILABLE CAMPAIGNS/,
	},
	{
		fn: 'update_campaign',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'update',
		name: 'Update',
		action: 'Update a campaign',
		description:
			"Change a campaign's settings, dial statuses and URLs, or empty its hopper (update_campaign)",
		writes: true,
		params: [
			campaignId({ required: true }),
			text('campaign_name', 'Campaign Name', {
				minLength: 6,
				maxLength: 40,
				pattern: {
					regex: /^[- .,_0-9a-zA-Z]+$/,
					hint: 'may only contain letters, digits, spaces and - . , _',
				},
			}),
			flag('active', 'Active', { description: 'Whether the campaign is active' }),
			choice('dial_method', 'Dial Method', {
				choices: [
					{ name: 'Manual', value: 'MANUAL' },
					{ name: 'Ratio', value: 'RATIO' },
					{ name: 'Inbound Manual', value: 'INBOUND_MAN' },
					{ name: 'Adaptive Average', value: 'ADAPT_AVERAGE' },
					{ name: 'Adaptive Hard Limit', value: 'ADAPT_HARD_LIMIT' },
					{ name: 'Adaptive Tapered', value: 'ADAPT_TAPERED' },
				],
			}),
			decimal('auto_dial_level', 'Auto Dial Level', {
				min: 0,
				max: 99,
				description:
					"Lines dialed per agent; VICIdial refuses levels above its system's auto-dial limit",
			}),
			text('adaptive_maximum_level', 'Adaptive Maximum Level', {
				minLength: 1,
				maxLength: 5,
				pattern: { regex: /^\d+(\.\d+)?$/, hint: 'must be a number such as 3.0' },
				description: 'Highest dial level the adaptive methods may use',
			}),
			integer('hopper_level', 'Hopper Level', {
				min: 1,
				max: 5000,
				description: 'How many leads VICIdial keeps queued for dialing',
			}),
			integer('dial_timeout', 'Dial Timeout', {
				min: 1,
				max: 120,
				description: 'Seconds to ring before giving up',
			}),
			id('campaign_vdad_exten', 'Routing Extension', { minLength: 3, maxLength: 20 }),
			digits('outbound_cid', 'Campaign Caller ID', {
				minLength: 6,
				maxLength: 20,
				description: 'Caller ID number sent on outbound calls',
			}),
			text('lead_filter_id', 'Lead Filter ID', {
				maxLength: 20,
				pattern: WORD_CHARS,
				description: 'An existing lead filter; ---NONE--- removes the filter',
			}),
			choice('list_order', 'List Order', {
				choices: listOrders,
				description:
					'Order in which leads are dialed (the RANDOM orders cannot be set through the API)',
			}),
			flag('list_order_randomize', 'List Order Randomize', {
				description: 'Whether to shuffle the leads within the list order',
			}),
			choice('list_order_secondary', 'List Order Secondary', {
				choices: [
					{ name: 'Lead Ascending', value: 'LEAD_ASCEND' },
					{ name: 'Lead Descending', value: 'LEAD_DESCEND' },
					{ name: 'Call Time Ascending', value: 'CALLTIME_ASCEND' },
					{ name: 'Call Time Descending', value: 'CALLTIME_DESCEND' },
					{ name: 'Vendor Ascending', value: 'VENDOR_ASCEND' },
					{ name: 'Vendor Descending', value: 'VENDOR_DESCEND' },
				],
			}),
			text('dial_status_add', 'Add Dial Status', {
				maxLength: 6,
				pattern: STATUS_CODE,
				description: 'A status to add to the dialable statuses',
			}),
			text('dial_status_remove', 'Remove Dial Status', {
				maxLength: 6,
				pattern: STATUS_CODE,
				description: 'A status to remove from the dialable statuses',
			}),
			text('dispo_call_url', 'Dispo Call URL', {
				main: true,
				minLength: 3,
				maxLength: 65000,
				pattern: URL_CHARS,
				placeholder: 'https://example.com/hook?lead=--A--lead_id--B--',
				description:
					"URL VICIdial calls when an agent dispositions a call. ALT uses the campaign's alternate URLs (Manage them under Alternate URL operations); --BLANK-- clears it.",
			}),
			webForm('one', '1'),
			webForm('two', '2'),
			webForm('three', '3'),
			xferConf('one', '1'),
			xferConf('two', '2'),
			xferConf('three', '3'),
			xferConf('four', '4'),
			xferConf('five', '5'),
			flag('reset_hopper', 'Reset Hopper', {
				description: "Whether to remove all of the campaign's leads from the hopper",
			}),
		],
		answer: status([field.text('user'), field.text('campaign_id')], { noticesSuffice: true }),
	},
	{
		fn: 'update_alt_url',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'getAltUrls',
		name: 'Get Alternate URLs',
		action: 'Get alternate URL entries of a campaign',
		description:
			'The alternate URLs of one URL type of a campaign, in-group or list (update_alt_url with alt_url_id LIST)',
		writes: false,
		params: altUrlTarget,
		fixed: { alt_url_id: 'LIST' },
		answer: rows('|', [
			field.integer('url_id'),
			field.text('campaign_id'),
			field.text('entry_type'),
			field.text('active'),
			field.text('url_type'),
			field.integer('url_rank'),
			field.text('url_statuses'),
			field.text('url_description'),
			field.text('url_lists'),
			field.integer('url_call_length'),
			field.text('url_address'),
		]),
	},
	{
		fn: 'update_alt_url',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'addAltUrl',
		name: 'Add Alternate URL',
		action: 'Add an alternate URL to a campaign',
		description:
			"Add one of several URLs VICIdial calls instead of a campaign's URL set to ALT (update_alt_url with alt_url_id NEW)",
		writes: true,
		params: [...altUrlTarget, ...altUrlSettings(true)],
		fixed: { alt_url_id: 'NEW' },
		answer: status([
			field.text('user'),
			field.integer('url_id', { prefix: 'NEW URL ID: ' }),
			field.text('url_type'),
			field.text('entry_type'),
			field.text('campaign_id'),
		]),
	},
	{
		fn: 'update_alt_url',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'updateAltUrl',
		name: 'Update Alternate URL',
		action: 'Update an alternate URL of a campaign',
		description:
			'Change or deactivate one alternate URL of a campaign, in-group or list (update_alt_url)',
		writes: true,
		params: [
			...altUrlTarget,
			id('alt_url_id', 'Alternate URL ID', {
				required: true,
				minLength: 1,
				maxLength: 9,
				description:
					'The url_id from Get Alternate URLs. VICIdial changes the only URL of this type instead when the ID is unknown and there is just one.',
			}),
			...altUrlSettings(false),
		],
		answer: status(
			[
				field.text('user'),
				field.integer('url_id'),
				field.text('url_type'),
				field.text('entry_type'),
				field.text('campaign_id'),
			],
			{ noticesSuffice: true },
		),
	},
];
