import type { FunctionSpec } from '../../shared/spec';
import { dec, dt, int, str } from '../../shared/spec';

export const systemFunctions: FunctionSpec[] = [
	{
		fn: 'version',
		api: 'nonAgent',
		resource: 'system',
		operation: 'getVersion',
		name: 'Get Version',
		action: 'Get the VICIdial version and server time',
		description: 'Version, build, server time and UTC offset of the Non-Agent API (version). Needs no login.',
		writes: false,
		anonymous: true,
		params: [],
		answer: {
			kind: 'pairs',
			fields: [str('version'), str('build'), dt('date'), int('epoch'), int('dst'), dec('tz'), dec('tznow')],
		},
	},
];
