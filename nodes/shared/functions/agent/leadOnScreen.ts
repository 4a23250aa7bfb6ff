/** The lead on an agent's screen: update its fields, add a lead for the agent, read the active lead. */
import type { FunctionEntry, ParamSpec } from '../../entry';
import { digits, flag, text } from '../../entry';
import { field, status } from '../../answer';
import { agentUser } from './common';
import { panelFlags } from './session';
import { leadField, leadFields as agentLeadFields } from '../leadFields';
import { USER_ID, WORD_CHAR, WORD_CHARS } from '../../patterns';

/**
 * update_fields decides which fields to change by looking for each field's NAME anywhere in
 * the request, values included: a first name "Frank" would also blank the rank, an address on
 * "Real Estate Rd" the state. Its values must therefore not contain any of these names.
 */
const FIELD_NAMES = [
	'phone_code',
	'address1',
	'address2',
	'address3',
	'alt_phone',
	'city',
	'comments',
	'country_code',
	'date_of_birth',
	'email',
	'first_name',
	'gender',
	'gmt_offset_now',
	'last_name',
	'middle_initial',
	'phone_number',
	'postal_code',
	'province',
	'security_phrase',
	'source_id',
	'state',
	'title',
	'vendor_lead_code',
	'rank',
	'owner',
	'formreload',
	'scriptreload',
	'script2reload',
	'emailreload',
	'chatreload',
];
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
const NO_FIELD_NAMES = `(?![\\s\\S]*(?:${FIELD_NAMES.map(anyCase).join('|')}))`;

/** The lead fields of the Agent API; with `guard`, a text value must not contain a lead field's name either. */
function leadFields(guard: boolean): ParamSpec[] {
	const pattern = {
		regex: new RegExp(`^${NO_FIELD_NAMES}`),
		hint: 'must not contain a lead field name such as "city", "state", "title" or "rank" (VICIdial would blank that field too)',
	};
	return agentLeadFields('agent').map((param) =>
		guard && param.kind === 'text' ? { ...param, pattern } : param,
	);
}

const updateFields: FunctionEntry = {
	fn: 'update_fields',
	api: 'agent',
	resource: 'leadOnScreen',
	operation: 'updateFields',
	name: 'Update Fields',
	action: 'Update the lead on screen',
	description:
		'Changes fields of the lead on the agent\'s screen in VICIdial right away, and asks the screen to show the new values at its next refresh. The API user needs "Modify Leads" (update_fields)',
	writes: true,
	params: [
		agentUser({
			pattern: {
				regex: new RegExp(`^${NO_FIELD_NAMES}${WORD_CHAR}+$`),
				hint: `${USER_ID.hint} that contains no lead field name`,
			},
		}),
		...leadFields(true),
		text('phone_number', 'Phone Number', {
			maxLength: 18,
			pattern: { regex: /^[0-9]*$/, hint: 'may contain only digits' },
		}),
		leadField('phone_code', 'agent'),
		leadField('gmt_offset_now', 'agent'),
		{ ...panelFlags.form, main: false },
		{ ...panelFlags.script, main: false },
		{ ...panelFlags.script2, main: false },
		{ ...panelFlags.chat, main: false },
	],
	answer: status([
		field.text('user'),
		field.text('agent_user'),
		field.integer('lead_id'),
		field.integer('lead_rows_updated'),
		field.integer('agent_rows_updated'),
		field.text('fields'),
		field.text('values'),
	]),
};

const externalAddLead: FunctionEntry = {
	fn: 'external_add_lead',
	api: 'agent',
	resource: 'leadOnScreen',
	operation: 'addLead',
	name: 'Add Lead',
	action: 'Add a lead to the manual dial list',
	description:
		"Adds a lead with this phone number to the manual dial list of the logged-in agent's campaign (external_add_lead)",
	writes: true,
	params: [
		agentUser(),
		// api.php takes the number from `value` when that is set, and a POST request always sets it
		digits('value', 'Phone Number', { required: true, minLength: 2, maxLength: 18 }),
		digits('phone_code', 'Phone Code', {
			required: true,
			default: '1',
			maxLength: 10,
			description: 'Country calling code',
		}),
		flag('dnc_check', 'Check DNC', {
			flagValues: ['YES', 'NO'],
			description: 'Whether to refuse numbers on the system DNC list',
		}),
		flag('campaign_dnc_check', 'Check Campaign DNC', {
			flagValues: ['YES', 'NO'],
			description: "Whether to refuse numbers on the campaign's DNC list",
		}),
		...leadFields(false),
	],
	answer: status([
		field.text('phone_number'),
		field.text('campaign_id'),
		field.integer('list_id'),
		field.integer('lead_id'),
		field.text('agent_user'),
	]),
};

const activeLead: FunctionEntry = {
	fn: 'st_get_agent_active_lead',
	api: 'agent',
	resource: 'leadOnScreen',
	operation: 'getActiveLead',
	name: 'Get Active Lead',
	action: 'Get the lead of a CRM agent',
	description:
		"Finds the VICIdial user whose custom field 3 holds this CRM agent ID and returns the lead on that agent's screen (st_get_agent_active_lead)",
	writes: false,
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
			description: 'Required by VICIdial, not used',
		}),
	],
	answer: status([
		field.text('user'),
		field.text('phone_number'),
		field.integer('lead_id'),
		field.text('vendor_lead_code'),
		field.text('province'),
		field.text('security_phrase'),
		field.text('source_id'),
	]),
};

export const leadOnScreenFunctions: FunctionEntry[] = [updateFields, externalAddLead, activeLead];
