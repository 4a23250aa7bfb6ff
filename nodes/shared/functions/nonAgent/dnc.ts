import type { FunctionEntry, ParamSpec } from '../../entry';
import { digits, text } from '../../entry';
import { field, status } from '../../answer';
import { WORD_CHARS } from '../../patterns';

/** The DNC and filter tables keep 18 characters of a number. */
const phoneNumber: ParamSpec = digits('phone_number', 'Phone Number', {
	required: true,
	minLength: 6,
	maxLength: 18,
	description: 'Digits only; spaces, dashes and brackets are removed',
});

const dncList: ParamSpec = text('campaign_id', 'DNC List', {
	required: true,
	default: 'SYSTEM_INTERNAL',
	description:
		"SYSTEM_INTERNAL for the system-wide list, or a campaign ID for that campaign's own list (VICIdial does not check that the campaign exists)",
	pattern: {
		regex: /^(SYSTEM_INTERNAL|[-_0-9A-Za-z]{2,8})$/,
		hint: 'must be SYSTEM_INTERNAL or a campaign ID of 2 to 8 letters, digits, - or _',
	},
});

const filterGroup: ParamSpec = text('group', 'Filter Phone Group ID', {
	required: true,
	minLength: 2,
	maxLength: 20,
	pattern: WORD_CHARS,
	description: 'ID of an existing filter phone group',
});

export const dncFunctions: FunctionEntry[] = [
	{
		fn: 'add_dnc_phone',
		api: 'nonAgent',
		resource: 'dnc',
		operation: 'addDncNumber',
		name: 'Add DNC Number',
		action: 'Add a number to a DNC list',
		description:
			"Add a phone number to the system's or a campaign's Do Not Call list (add_dnc_phone)",
		writes: true,
		params: [phoneNumber, dncList],
		answer: status([field.text('user'), field.text('phone_number'), field.text('campaign_id')]),
	},
	{
		fn: 'delete_dnc_phone',
		api: 'nonAgent',
		resource: 'dnc',
		operation: 'deleteDncNumber',
		name: 'Delete DNC Number',
		action: 'Delete a number from a DNC list',
		description:
			"Remove a phone number from the system's or a campaign's Do Not Call list (delete_dnc_phone)",
		writes: true,
		params: [phoneNumber, dncList],
		answer: status([field.text('user'), field.text('phone_number'), field.text('campaign_id')]),
	},
	{
		fn: 'add_fpg_phone',
		api: 'nonAgent',
		resource: 'dnc',
		operation: 'addFilterNumber',
		name: 'Add Filter Group Number',
		action: 'Add a number to a filter phone group',
		description: 'Add a phone number to a filter phone group (add_fpg_phone)',
		writes: true,
		params: [phoneNumber, filterGroup],
		answer: status([field.text('user'), field.text('phone_number'), field.text('group')]),
	},
	{
		fn: 'delete_fpg_phone',
		api: 'nonAgent',
		resource: 'dnc',
		operation: 'deleteFilterNumber',
		name: 'Delete Filter Group Number',
		action: 'Delete a number from a filter phone group',
		description: 'Remove a phone number from a filter phone group (delete_fpg_phone)',
		writes: true,
		params: [phoneNumber, filterGroup],
		answer: status([field.text('user'), field.text('phone_number'), field.text('group')]),
	},
];
