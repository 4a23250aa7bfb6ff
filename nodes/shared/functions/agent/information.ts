/** What the Agent API tells about itself, the web server and an agent's session. */
import type { FunctionEntry } from '../../entry';
import type { AnswerReader, FieldSpec, ParsedRecord } from '../../answer';
import { field, malformed, pairs, rows, status, typeValue } from '../../answer';
import { agentUser } from './common';

const version: FunctionEntry = {
	fn: 'version',
	api: 'agent',
	resource: 'information',
	operation: 'getVersion',
	name: 'Get Version',
	action: 'Get API version and server time',
	description: 'Version, build and server time of the Agent API. Needs no login (version)',
	writes: false,
	anonymous: true,
	params: [],
	answer: pairs(
		[field.text('version'), field.text('build'), field.datetime('date'), field.integer('epoch')],
		{ unterminated: true },
	),
};

const webphoneUrl: FunctionEntry = {
	fn: 'webphone_url',
	api: 'agent',
	resource: 'information',
	operation: 'getWebphoneUrl',
	name: 'Get Webphone URL',
	action: 'Get the webphone URL',
	description:
		"The URL of the webphone of the agent's session, when the agent uses one (webphone_url)",
	writes: false,
	params: [agentUser()],
	fixed: { value: 'DISPLAY' },
	answer: rows('\t', [field.text('url')], { unterminated: true }),
};

const callsInQueue: FunctionEntry = {
	fn: 'calls_in_queue_count',
	api: 'agent',
	resource: 'information',
	operation: 'getCallsInQueue',
	name: 'Get Calls in Queue',
	action: 'Count waiting calls',
	description:
		"How many calls (and emails) wait in the queues of the agent's campaign and in-groups (calls_in_queue_count)",
	writes: false,
	params: [agentUser()],
	fixed: { value: 'DISPLAY' },
	answer: status([field.integer('calls_in_queue')], { unterminated: true }),
};

const webserver: FunctionEntry = {
	fn: 'webserver',
	api: 'agent',
	resource: 'information',
	operation: 'getWebServer',
	name: 'Get Web Server Info',
	action: 'Get web server information',
	description:
		'Time zone, host, PHP and Apache versions, load and PHP limits of the web server that answered: useful behind a load balancer. Needs Apache with mod_php; under another web server VICIdial fails with HTTP 500 (webserver)',
	writes: false,
	params: [],
	answer: namedLines([
		field.integer('dst_timezone'),
		field.integer('apache_processes'),
		field.decimal('system_load_average'),
		field.integer('disk_free_space'),
		field.integer('maximum_execution_time'),
		field.integer('maximum_input_time'),
		field.integer('default_socket_timeout'),
	]),
};

export const informationFunctions: FunctionEntry[] = [
	version,
	webserver,
	webphoneUrl,
	callsInQueue,
];

// ---- answers only these entries have ----

/**
 * webserver: `some name: value` lines, maybe inside `<PRE>...</PRE>`, after an optional title line
 * (`Webserver Data:`); names become snake_case (`host name` → `host_name`), names not declared are text.
 */
export function namedLines(fields: FieldSpec[]): AnswerReader {
	const byName = new Map(fields.map((f) => [f.name, f]));
	return {
		shape: 'lines',
		fields,
		body(text, context) {
			if (!/^\s*<PRE>/i.test(text)) return undefined;
			// without its closing tag the answer was cut
			if (!/<\/PRE>\s*$/i.test(text))
				throw malformed(
					`The answer to ${context.fn} ends before its closing </PRE>; the connection may have been cut.`,
				);
			return text.replace(/^\s*<PRE>/i, '').replace(/<\/PRE>\s*$/i, '\n');
		},
		read(lines, context) {
			const rows = lines.bare.filter((line) => line.trim() !== '');
			if (rows.length > 0 && /:\s*$/.test(rows[0]) && !/: \S/.test(rows[0])) rows.shift();
			const record: ParsedRecord = {};
			for (const line of rows) {
				const match = /^([^:]+):(?: (.*))?$/.exec(line.trimEnd());
				if (!match)
					throw malformed(
						`The answer to ${context.fn} has an unreadable line "${line.slice(0, 80)}".`,
					);
				const name = match[1]
					.trim()
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '_')
					.replace(/^_|_$/g, '');
				typeValue(byName.get(name) ?? { name, type: 'string' }, match[2] ?? '', record);
			}
			if (Object.keys(record).length === 0)
				throw malformed(`The answer to ${context.fn} has no "name: value" lines.`);
			return {
				outcome: 'success',
				message: '',
				records: [record],
				notices: lines.notices,
				otherLines: [],
			};
		},
	};
}
