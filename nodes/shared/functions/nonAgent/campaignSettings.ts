import type { FunctionEntry, ParamSpec } from '../../entry';
import { digits, flag, text } from '../../entry';
import {
	type FieldSpec,
	type RowsReader,
	field,
	malformed,
	readRowLines,
	rows,
	status,
} from '../../answer';
import { CAMPAIGN_ID, DESCRIPTION_CHARS, WORD_CHARS } from '../../patterns';

const campaignId: ParamSpec = text('campaign_id', 'Campaign ID', {
	required: true,
	minLength: 2,
	maxLength: 8,
	load: 'campaigns',
	pattern: CAMPAIGN_ID,
});

const presetName = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('preset_name', 'Preset Name', {
		minLength: 1,
		maxLength: 40,
		pattern: {
			regex: /^[- _0-9A-Za-z]+$/,
			hint: 'may contain only letters, digits, spaces, - and _',
		},
		...options,
	});
const presetNumber = (options: Partial<ParamSpec> = {}): ParamSpec =>
	digits('preset_number', 'Number', {
		minLength: 1,
		maxLength: 50,
		description: 'The number the preset dials',
		...options,
	});
const presetHide = flag('preset_hide_number', 'Hide Number', {
	description: "Whether agents see the preset's name only",
});
const presetDtmf = (extra = ''): ParamSpec =>
	text('preset_dtmf', 'DTMF', {
		maxLength: 50,
		description: `Tones sent after the call connects: digits, P (#), S (*), Q (half a second of silence)${extra}`,
		pattern: extra
			? {
					regex: /^(--BLANK--|[0-9PSQ,*#]+)$/,
					hint: 'may contain only digits, P, S, Q, commas, * and #, or be --BLANK--',
				}
			: { regex: /^[0-9PSQ,*#]+$/, hint: 'may contain only digits, P, S, Q, commas, * and #' },
	});

const presetAnswer = (first: string) =>
	status([field.text('user'), field.text(first), field.text('campaign_id')]);

const cidGroupId: ParamSpec = text('cid_group_id', 'CID Group or Campaign ID', {
	required: true,
	minLength: 2,
	maxLength: 20,
	load: 'campaigns',
	pattern: WORD_CHARS,
	description: "A CID group ID, or a campaign ID for the campaign's own area-code caller IDs",
});
const areaCode = (all: boolean): ParamSpec =>
	text('areacode', 'Area Code', {
		required: true,
		...(all ? { default: '---ALL---' } : {}),
		placeholder: '312',
		description: all
			? 'Area code (e.g. 312) or state (e.g. FL) of the entries, NONE, or ---ALL--- for every one'
			: 'Area code (e.g. 312) or state (e.g. FL), or NONE',
		pattern: all
			? {
					regex: /^(---ALL---|[0-9A-Za-z]{1,5})$/,
					hint: 'must be an area code or state of up to 5 letters or digits, or ---ALL---',
				}
			: {
					regex: /^[0-9A-Za-z]{1,5}$/,
					hint: 'must be an area code or state of up to 5 letters or digits',
				},
	});
const outboundCidFilter: ParamSpec = text('outbound_cid', 'Caller ID Number', {
	main: true,
	description:
		'Only the entry with this caller ID; empty or ---ALL--- for every caller ID of the area code',
	pattern: { regex: /^(---ALL---|\d{1,20})$/, hint: 'must be up to 20 digits or ---ALL---' },
});
const cidDescription = text('cid_description', 'Description', {
	maxLength: 50,
	pattern: DESCRIPTION_CHARS,
});
const cidActive = flag('active', 'Active', { description: 'Whether the caller ID is used' });
/** update_cid_group_entry's INFO: a SUCCESS line, then the entries as rows; the SUCCESS line's message is the answer's. */
export function rowsAfterSuccess(columns: FieldSpec[]): RowsReader {
	return {
		shape: 'rowsAfterSuccess',
		delimiter: '|',
		fields: columns,
		read(lines, context) {
			const { successes } = lines;
			if (successes.length !== 1 || lines.all[0] !== successes[0].line)
				throw malformed(`The answer to ${context.fn} has no SUCCESS line before its rows.`);
			return {
				outcome: 'success',
				message: successes[0].message,
				records: readRowLines(lines.bare, columns, '|', context),
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}

const cidAnswer = (count: string) =>
	status([
		field.text('user'),
		field.text('cid_group_id'),
		field.text('areacode'),
		field.text('outbound_cid'),
		field.integer(count),
	]);

/** Campaign presets and CID group entries. */
export const campaignSettingsFunctions: FunctionEntry[] = [
	{
		fn: 'update_presets',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'getPresets',
		name: 'Get Transfer Presets',
		action: 'Get transfer presets of a campaign',
		description:
			'The transfer presets (numbers agents can transfer or conference to) of a campaign (update_presets)',
		writes: false,
		params: [campaignId],
		fixed: { action: 'LIST', stage: 'pipe', header: 'NO' },
		answer: rows('|', [
			field.text('preset_name'),
			field.text('campaign_id'),
			field.text('preset_number'),
			field.text('preset_hide_number'),
			field.text('preset_dtmf'),
		]),
	},
	{
		fn: 'update_presets',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'addPreset',
		name: 'Add Transfer Preset',
		action: 'Add a transfer preset to a campaign',
		description:
			'Add a transfer preset to a campaign; VICIdial allows two presets with the same name (update_presets)',
		writes: true,
		params: [
			campaignId,
			presetName({ required: true }),
			presetNumber({ required: true }),
			presetHide,
			presetDtmf(),
		],
		fixed: { action: 'NEW' },
		answer: presetAnswer('preset'),
	},
	{
		fn: 'update_presets',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'updatePreset',
		name: 'Update Transfer Preset',
		action: 'Update a transfer preset of a campaign',
		description: 'Change the number, DTMF or hiding of a transfer preset (update_presets)',
		writes: true,
		params: [
			campaignId,
			presetName({
				main: true,
				description: 'May stay empty when the campaign has only one preset',
			}),
			presetNumber({ main: true }),
			presetHide,
			presetDtmf('; --BLANK-- empties it'),
		],
		fixed: { action: 'UPDATE' },
		answer: presetAnswer('preset_name'),
	},
	{
		fn: 'update_presets',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'deletePreset',
		name: 'Delete Transfer Preset',
		action: 'Delete a transfer preset of a campaign',
		description:
			'Delete a transfer preset of a campaign, with every preset of the same name (update_presets)',
		writes: true,
		params: [campaignId, presetName({ required: true })],
		fixed: { action: 'DELETE' },
		answer: presetAnswer('preset_name'),
	},
	{
		fn: 'update_cid_group_entry',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'getCidGroupEntries',
		name: 'Get CID Group Entries',
		action: 'Get caller ID numbers of a CID group',
		description:
			'The caller IDs a CID group or campaign uses per area code or state (update_cid_group_entry)',
		writes: false,
		params: [cidGroupId, areaCode(true), outboundCidFilter],
		fixed: { stage: 'INFO' },
		answer: rowsAfterSuccess([
			field.integer('entry'),
			field.text('areacode'),
			field.text('outbound_cid'),
			field.text('active'),
			field.text('cid_description'),
			field.integer('call_count_today'),
		]),
		noRecords: /HAS NO ENTRIES/,
	},
	{
		fn: 'update_cid_group_entry',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'addCidGroupEntry',
		name: 'Add CID Group Entry',
		action: 'Add a caller ID to a CID group',
		description:
			'Add a caller ID for an area code or state to a CID group or campaign (update_cid_group_entry)',
		writes: true,
		params: [
			cidGroupId,
			areaCode(false),
			digits('outbound_cid', 'Caller ID Number', { required: true, minLength: 4, maxLength: 20 }),
			{ ...cidDescription, main: true },
			cidActive,
		],
		fixed: { stage: 'ADD' },
		answer: cidAnswer('added'),
	},
	{
		fn: 'update_cid_group_entry',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'updateCidGroupEntries',
		name: 'Update CID Group Entries',
		action: 'Update caller ID numbers of a CID group',
		description:
			'Activate, deactivate or describe the caller IDs of a CID group or campaign (update_cid_group_entry)',
		writes: true,
		params: [
			cidGroupId,
			areaCode(true),
			outboundCidFilter,
			{ ...cidDescription, main: true },
			cidActive,
		],
		fixed: { stage: 'UPDATE' },
		answer: cidAnswer('updated'),
	},
	{
		fn: 'update_cid_group_entry',
		api: 'nonAgent',
		resource: 'campaign',
		operation: 'deleteCidGroupEntries',
		name: 'Delete CID Group Entries',
		action: 'Delete caller ID numbers of a CID group',
		description:
			'Delete the caller IDs of a CID group or campaign for an area code, or all of them (update_cid_group_entry)',
		writes: true,
		params: [cidGroupId, areaCode(true), outboundCidFilter],
		fixed: { stage: 'DELETE' },
		answer: cidAnswer('deleted'),
	},
];
