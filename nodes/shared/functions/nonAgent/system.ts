import type { FunctionEntry } from '../../entry';
import type { AnswerReader } from '../../answer';
import { choice, text } from '../../entry';
import { field, htmlTable, rows } from '../../answer';
import { versionFunction } from '../../version';
import { WORD } from '../../patterns';

/** A list function that answers with VICIdial's HTML picker page. */
function pickerList(
	fn: string,
	operation: string,
	name: string,
	action: string,
	description: string,
	answer: AnswerReader,
): FunctionEntry {
	return {
		fn,
		api: 'nonAgent',
		resource: 'system',
		operation,
		name,
		action,
		description,
		writes: false,
		params: [],
		answer,
	};
}

export const systemFunctions: FunctionEntry[] = [
	versionFunction,
	{
		fn: 'sounds_list',
		api: 'nonAgent',
		resource: 'system',
		operation: 'listSounds',
		name: 'List Sounds',
		action: 'List audio files',
		description:
			'The audio files of the central audio store; needs central sound control (sounds_list)',
		writes: false,
		params: [
			choice('stage', 'Sort By', {
				required: true,
				default: 'name',
				choices: [
					{ name: 'Name', value: 'name', description: 'A to Z' },
					{ name: 'Date', value: 'date', description: 'Newest first' },
					{ name: 'Size', value: 'size', description: 'Largest first' },
				],
			}),
		],
		fixed: { format: 'tab' },
		// The date keeps the trailing dot VICIdial prints ("2025-01-01 09:00:00.").
		// With no audio files at all, VICIdial fails sorting the empty list (HTTP 500).
		answer: rows('\t', [
			field.integer('index'),
			field.text('file_name'),
			field.text('date'),
			field.integer('size'),
			field.integer('epoch'),
		]),
	},
	{
		...pickerList(
			'moh_list',
			'listMusicOnHold',
			'List Music On Hold',
			'List music on hold classes',
			'The active music-on-hold classes and their files; needs central sound control (moh_list)',
			htmlTable([field.text('moh_id'), field.text('moh_name'), field.text('random')], {
				continuation: { label: 'Files', field: 'files' },
			}),
		),
	},
	pickerList(
		'vm_list',
		'listVoicemail',
		'List Voicemail Boxes',
		'List voicemail boxes',
		'The active voicemail boxes, then the voicemail boxes of the active phones (vm_list)',
		htmlTable([field.text('voicemail_id'), field.text('name'), field.text('email')]),
	),
	pickerList(
		'ingroup_list',
		'listInGroups',
		'List In-Groups',
		'List inbound groups',
		'The active inbound groups with name and colour (ingroup_list)',
		htmlTable([field.text('group_id'), field.text('group_name'), field.text('group_color')]),
	),
	pickerList(
		'callmenu_list',
		'listCallMenus',
		'List Call Menus',
		'List call menus',
		'The call menus (IVRs) with their names (callmenu_list)',
		htmlTable([field.text('menu_id'), field.text('menu_name')]),
	),
	{
		...pickerList(
			'container_list',
			'listSettingsContainers',
			'List Settings Containers',
			'List settings containers',
			'The settings containers of one type, with their notes (container_list)',
			htmlTable([field.text('container_id'), field.text('container_notes')]),
		),
		params: [
			text('type', 'Container Type', {
				required: true,
				main: true,
				minLength: 1,
				maxLength: 40,
				placeholder: 'OTHER',
				pattern: { regex: WORD, hint: 'must be a container type such as OTHER, AGI or PERL_CLI' },
				description: 'Only containers of this type, e.g. OTHER, AGI, PERL_CLI, CSS, TIMEOFF',
			}),
		],
	},
];
