import type {
	FunctionEntry,
	ItemValues,
	OperationResult,
	OperationRuntime,
	ParamSpec,
} from '../../entry';
import { date, id, flag, stepForm, text } from '../../entry';
import { field, rows } from '../../answer';
import { InvalidInputError } from '../../params';
import { VicidialError } from '../../errors';
import type { ParsedRecord } from '../../parse';
import { idPattern, USER_ID } from '../../patterns';

/** The keys recording_lookup searches by. VICIdial ignores values outside these lengths without a word. */
const lookupKeys: ParamSpec[] = [
	id('lead_id', 'Lead ID', {
		main: true,
		minLength: 1,
		maxLength: 10,
		description: 'Recordings of this lead',
	}),
	text('uniqueid', 'Call Unique ID', {
		minLength: 9,
		maxLength: 50,
		placeholder: '1735722013.1',
		pattern: { regex: /^[A-Za-z0-9_. -]+$/, hint: 'must be a call unique ID such as 1735722013.1' },
		description:
			'Recordings of this call (outbound or inbound); only the part before the dot is compared',
	}),
	text('agent_user', 'Agent', {
		minLength: 3,
		maxLength: 20,
		pattern: USER_ID,
		description: 'Recordings of this agent; needs a date or an extension too',
	}),
	text('extension', 'Extension', {
		minLength: 3,
		maxLength: 100,
		pattern: idPattern('an extension'),
		description: 'Recordings made on this extension; needs a date or an agent too',
	}),
	date('date', 'Date', {
		description:
			'Recordings started on this server-local day; needs an agent or an extension too, unless a lead or call is given',
	}),
];

const lookupColumns = [
	field.datetime('start_time'),
	field.text('user'),
	field.integer('recording_id'),
	field.integer('lead_id'),
	field.integer('length_in_sec', { when: { param: 'duration', equals: 'Y' } }),
	field.text('location'),
];

const lookup: FunctionEntry = {
	fn: 'recording_lookup',
	api: 'nonAgent',
	resource: 'recording',
	operation: 'search',
	name: 'Search',
	action: 'Search recordings',
	description:
		'Find call recordings by lead, call, or agent/extension and day, oldest first, with their file location. Search by a lead or a call, or by two of agent, extension and date (recording_lookup).',
	writes: false,
	cap: {
		limit: 100000,
		hint: 'VICIdial returns at most 100,000 recordings per lookup: narrow it by date, user or lead.',
	},
	params: [
		...lookupKeys,
		flag('duration', 'Include Length', {
			description: "Whether to add each recording's length in seconds (length_in_sec)",
		}),
	],
	fixed: { stage: 'pipe' },
	answer: rows('|', lookupColumns),
	noRecords: /NO RECORDINGS FOUND/,
};

/** recording_lookup's rule: a lead or a call counts twice, agent, extension and date once each; it needs two. */
function checkSearch(form: Record<string, string>): void {
	const weight =
		(form.lead_id ? 2 : 0) +
		(form.uniqueid ? 2 : 0) +
		(form.agent_user ? 1 : 0) +
		(form.extension ? 1 : 0) +
		(form.date ? 1 : 0);
	if (weight < 2)
		throw new InvalidInputError(
			'Lead ID',
			'is needed, or a Call Unique ID, or two of Agent, Extension and Date, to find the recording',
		);
}

/** The binary field the files go to (Options → Put Output File in Field). */
function binaryProperty(options: Record<string, unknown>): string {
	const property = String(options.binaryPropertyName ?? 'data').trim();
	if (!/^[A-Za-z0-9_-]{1,100}$/.test(property))
		throw new InvalidInputError(
			'Put Output File in Field',
			`must be a field name (letters, digits, _ and -), got "${property.slice(0, 40)}"`,
		);
	return property;
}

/** The download's values that recording_lookup takes: all but the Recording ID. */
function lookupValues(values: Record<string, unknown>): Record<string, unknown> {
	const keys = { ...values };
	delete keys.recording_id;
	return keys;
}

const mimeOf = (contentType: string | undefined) => contentType?.split(';')[0].trim() || undefined;

async function download(runtime: OperationRuntime, values: ItemValues): Promise<OperationResult[]> {
	const wanted = values.form.recording_id;
	const property = binaryProperty(values.options);
	const found = (await runtime.call(lookup, stepForm(values, 'lookup'))).records;
	let chosen: ParsedRecord[] = found;
	if (wanted !== undefined) {
		chosen = found.filter((record) => String(record.recording_id) === wanted);
		if (chosen.length === 0) {
			throw new VicidialError(
				'noRecords',
				`Recording ${wanted} is not among the ${found.length} recording(s) VICIdial found for these search values`,
				{
					hint: 'Check the Recording ID, or search by the lead or call it belongs to.',
				},
			);
		}
	}
	const unfinished = chosen.filter((record) => record.location === '');
	if (unfinished.length > 0 && values.options.skipUnfinished !== true) {
		const ids = unfinished.map((record) => record.recording_id).join(', ');
		throw new VicidialError(
			'apiError',
			`Recording ${ids} has no file location yet: the call is probably still being recorded`,
			{
				hint: 'VICIdial gives a location once the recording has ended. Run again later, or turn on "Skip Unfinished Recordings".',
			},
		);
	}
	const results: OperationResult[] = [];
	for (const record of chosen.filter((r) => r.location !== '')) {
		const location = String(record.location);
		const file = await runtime.download(location).catch((error: unknown) => {
			if (error instanceof VicidialError) {
				throw new VicidialError(
					error.kind,
					`Recording ${String(record.recording_id)}: ${error.message}`,
					{ hint: error.hint, httpCode: error.httpCode },
				);
			}
			throw error;
		});
		const mimeType = mimeOf(file.contentType);
		const binary = await runtime.binary(file.body, file.fileName, mimeType);
		results.push({
			json: {
				...record,
				file_name: file.fileName,
				mime_type: binary.mimeType,
				file_size: file.body.length,
			},
			binary: { [property]: binary },
		});
	}
	return results;
}

export const recordingFunctions: FunctionEntry[] = [
	lookup,
	{
		...lookup,
		operation: 'download',
		name: 'Download',
		action: 'Download a recording',
		description:
			'Look recordings up like Search, then download each file at its location as binary data, for transcription or storage. The API password is never sent to the file server (recording_lookup).',
		params: [
			...lookupKeys,
			id('recording_id', 'Recording ID', {
				main: true,
				minLength: 1,
				maxLength: 10,
				description:
					'Download only this recording of those found (not sent to VICIdial); all of them when empty',
			}),
		],
		fixed: { stage: 'pipe', duration: 'Y' },
		noRecords: undefined,
		runOptions: [
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'The name of the binary field the recording is stored in',
			},
			{
				displayName: 'Skip Unfinished Recordings',
				name: 'skipUnfinished',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave out recordings that have no file yet (calls still going on) instead of failing',
			},
		],
		check: ({ form, options }) => {
			checkSearch(form);
			binaryProperty(options);
		},
		// The Recording ID only picks among the recordings found: it is not sent.
		steps: {
			lookup: {
				entry: lookup,
				values: ({ values }) => ({ ...lookupValues(values), duration: true }),
			},
		},
		run: download,
	},
];
