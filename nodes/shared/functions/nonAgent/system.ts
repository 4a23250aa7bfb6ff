import type { FunctionEntry } from '../../entry';
import { choice, int, str, text } from '../../entry';
import { versionFunction } from '../../version';
import { WORD } from '../../patterns';

/** A list function that answers with VICIdial's HTML picker page. */
function pickerList(fn: string, operation: string, name: string, action: string, description: string, columns: FunctionEntry['answer'] & { kind: 'htmlTable' }): FunctionEntry {
	return { fn, api: 'nonAgent', resource: 'system', operation, name, action, description, writes: false, params: [], answer: columns };
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
		description: 'The audio files of the central audio store; needs central sound control (sounds_list)',
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
		answer: { kind: 'rows', delimiter: '\t', columns: [int('index'), str('file_name'), str('date'), int('size'), int('epoch')] },
	},
	{
		...pickerList('moh_list', 'listMusicOnHold', 'List Music On Hold', 'List music on hold classes', 'The active music-on-hold classes and their files; needs central sound control (moh_list)', {
			kind: 'htmlTable',
			columns: [str('moh_id'), str('moh_name'), str('random')],
			continuation: { label: 'Files', field: 'files' },
		}),
	},
	pickerList('vm_list', 'listVoicemail', 'List Voicemail Boxes', 'List voicemail boxes', 'The active voicemail boxes, then the voicemail boxes of the active phones (vm_list)', {
		kind: 'htmlTable',
		columns: [str('voicemail_id'), str('name'), str('email')],
	}),
	pickerList('ingroup_list', 'listInGroups', 'List In-Groups', 'List inbound groups', 'The active inbound groups with name and colour (ingroup_list)', {
		kind: 'htmlTable',
		columns: [str('group_id'), str('group_name'), str('group_color')],
	}),
	pickerList('callmenu_list', 'listCallMenus', 'List Call Menus', 'List call menus', 'The call menus (IVRs) with their names (callmenu_list)', {
		kind: 'htmlTable',
		columns: [str('menu_id'), str('menu_name')],
	}),
	{
		...pickerList('container_list', 'listSettingsContainers', 'List Settings Containers', 'List settings containers', 'The settings containers of one type, with their notes (container_list)', {
			kind: 'htmlTable',
			columns: [str('container_id'), str('container_notes')],
		}),
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
