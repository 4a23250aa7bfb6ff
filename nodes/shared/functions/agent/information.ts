/** What the Agent API tells about itself, the web server and an agent's session. */
import type { FunctionEntry } from '../../entry';
import { dec, dt, int, str } from '../../entry';
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
	answer: { kind: 'pairs', fields: [str('version'), str('build'), dt('date'), int('epoch')], unterminated: true },
};

const webphoneUrl: FunctionEntry = {
	fn: 'webphone_url',
	api: 'agent',
	resource: 'information',
	operation: 'getWebphoneUrl',
	name: 'Get Webphone URL',
	action: 'Get the webphone URL',
	description: "The URL of the webphone of the agent's session, when the agent uses one (webphone_url)",
	writes: false,
	params: [agentUser()],
	fixed: { value: 'DISPLAY' },
	answer: { kind: 'rows', columns: [str('url')], delimiter: '\t', unterminated: true },
};

const callsInQueue: FunctionEntry = {
	fn: 'calls_in_queue_count',
	api: 'agent',
	resource: 'information',
	operation: 'getCallsInQueue',
	name: 'Get Calls in Queue',
	action: 'Count waiting calls',
	description: "How many calls (and emails) wait in the queues of the agent's campaign and in-groups (calls_in_queue_count)",
	writes: false,
	params: [agentUser()],
	fixed: { value: 'DISPLAY' },
	answer: { kind: 'status', fields: [int('calls_in_queue')], unterminated: true },
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
	answer: {
		kind: 'lines',
		fields: [
			int('dst_timezone'),
			int('apache_processes'),
			dec('system_load_average'),
			int('disk_free_space'),
			int('maximum_execution_time'),
			int('maximum_input_time'),
			int('default_socket_timeout'),
		],
	},
};

export const informationFunctions: FunctionEntry[] = [version, webserver, webphoneUrl, callsInQueue];
