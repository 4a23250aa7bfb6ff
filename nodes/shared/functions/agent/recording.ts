/** Recording and audio in the agent session: start/stop recording, its status, audio playback, voicemail message. */
import type { FunctionEntry } from '../../entry';
import { choice, flag, id, text } from '../../entry';
import type { FieldSpec, StatusReader } from '../../answer';
import { field, readSuccessLines, status } from '../../answer';
import { agentUser } from './common';
import { idListPattern, idPattern, WORD_CHARS } from '../../patterns';

const recordingStartStop: FunctionEntry = {
	fn: 'recording',
	api: 'agent',
	resource: 'recording',
	operation: 'startStop',
	name: 'Start or Stop Recording',
	action: 'Start or stop recording',
	description:
		"Asks the agent's screen to start a recording, or to stop all its recordings, at its next refresh (recording)",
	writes: true,
	queued: true,
	params: [
		agentUser(),
		choice('value', 'Action', {
			required: true,
			choices: [
				{ name: 'Start', value: 'START' },
				{ name: 'Stop', value: 'STOP', description: 'Stops all recordings of the session' },
			],
		}),
		text('stage', 'Filename Suffix', {
			maxLength: 14,
			pattern: WORD_CHARS,
			description: 'With Start: added to the recording file name',
		}),
	],
	answer: status([
		field.text('agent_user'),
		field.text('value'),
		field.skip('recording_id'),
		field.skip('filename'),
		field.skip('recording_server_ip'),
		field.text('server_ip'),
		field.text('session_id'),
		field.text('agent_status'),
	]),
};

const recordingStatus: FunctionEntry = {
	fn: 'recording',
	api: 'agent',
	resource: 'recording',
	operation: 'getStatus',
	name: 'Get Recording Status',
	action: 'Get recording status',
	// recording_id is text: while a START sent through the API is pending, VICIdial prints the queued command there.
	description:
		"Whether the agent's session is recording, with the recording's ID (or the pending command), file and start time (recording)",
	writes: false,
	params: [agentUser()],
	fixed: { value: 'STATUS' },
	answer: statusOrNotice([
		field.text('agent_user'),
		field.text('recording_id'),
		field.text('filename'),
		field.text('recording_server_ip'),
		field.datetime('start_time'),
		field.text('server_ip'),
		field.text('session_id'),
		field.text('agent_status'),
	]),
};

const audioPlayback: FunctionEntry = {
	fn: 'audio_playback',
	api: 'agent',
	resource: 'recording',
	operation: 'playAudio',
	name: 'Play Audio',
	action: 'Play or stop audio',
	description:
		"Plays an audio file of the audio store into the agent's session, or stops, pauses, resumes or restarts it (audio_playback)",
	writes: true,
	params: [
		agentUser(),
		choice('stage', 'Action', {
			required: true,
			choices: [
				{ name: 'Play', value: 'PLAY' },
				{ name: 'Stop', value: 'STOP' },
				{ name: 'Pause', value: 'PAUSE' },
				{ name: 'Resume', value: 'RESUME' },
				{ name: 'Restart', value: 'RESTART', description: 'Play from the beginning again' },
			],
		}),
		text('value', 'Audio File', {
			main: true,
			maxLength: 100,
			pattern: idPattern('an audio file name without extension'),
			description: 'For Play: the name of a file in the audio store, without extension',
		}),
		flag('dial_override', 'Stop Current Audio', {
			flagValues: ['Y', 'N'],
			description: 'Whether Play stops audio already playing instead of refusing',
		}),
	],
	requires: [{ if: { stage: ['PLAY'] }, need: ['value'] }],
	answer: status([field.text('audio_file'), field.text('stage'), field.text('agent_user')]),
};

const vmMessage: FunctionEntry = {
	fn: 'vm_message',
	api: 'agent',
	resource: 'recording',
	operation: 'setVoicemailMessage',
	name: 'Set Voicemail Message',
	action: 'Set the voicemail message',
	description:
		"Sets the audio the VM button leaves for the lead of the agent's live call. Needs the campaign's answering machine message set to LTTagent (vm_message)",
	writes: true,
	params: [
		agentUser(),
		text('value', 'Audio Files', {
			required: true,
			separator: '|',
			maxLength: 1000,
			pattern: idListPattern('audio file names without extension', '|'),
			description:
				'One audio file of the audio store, or several separated by |, without extension',
		}),
		id('lead_id', 'Lead ID', {
			main: true,
			maxLength: 9,
			description: 'When given, VICIdial checks that the agent is on a call with this lead',
		}),
	],
	answer: status([
		field.text('agent_user'),
		field.integer('lead_id'),
		field.text('audio_files', { rest: true }),
	]),
};

export const recordingFunctions: FunctionEntry[] = [
	recordingStartStop,
	recordingStatus,
	audioPlayback,
	vmMessage,
];

// ---- answers only these entries have ----

/** The recording STATUS: with no SUCCESS line, the first NOTICE line is the result and gives the fields. */
export function statusOrNotice(fields: FieldSpec[]): StatusReader {
	const base = status(fields);
	return {
		...base,
		read: (lines, context) =>
			lines.successes.length === 0 && lines.notices.length > 0
				? readSuccessLines({ ...lines, successes: [lines.notices[0]] }, fields, context)
				: base.read(lines, context),
	};
}
