import type { FunctionEntry } from './entry';
import { dec, dt, int, str } from './entry';

/**
 * The Non-Agent API's version function. The node offers it as an operation; the credential
 * test and the server-offset lookup read it too, so it is described once, here.
 */
export const versionFunction: FunctionEntry = {
	fn: 'version',
	api: 'nonAgent',
	resource: 'system',
	operation: 'getVersion',
	name: 'Get Version',
	action: 'Get version and server time',
	description: 'Version, build, server time and UTC offset of the Non-Agent API (version). Needs no login.',
	writes: false,
	anonymous: true,
	params: [],
	answer: {
		kind: 'pairs',
		fields: [str('version'), str('build'), dt('date'), int('epoch'), int('dst'), dec('tz'), dec('tznow')],
	},
};
