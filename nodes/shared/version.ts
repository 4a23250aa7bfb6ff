import type { FunctionEntry } from './entry';
import { field, pairs } from './answer';

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
	description:
		'Version, build, server time and UTC offset of the Non-Agent API (version). Needs no login.',
	writes: false,
	anonymous: true,
	params: [],
	answer: pairs([
		field.text('version'),
		field.text('build'),
		field.datetime('date'),
		field.integer('epoch'),
		field.integer('dst'),
		field.decimal('tz'),
		field.decimal('tznow'),
	]),
};
