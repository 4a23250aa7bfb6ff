import type { FunctionEntry, ResourceSpec } from '../../entry';
import { callFunctions } from './call';
import { informationFunctions } from './information';
import { leadOnScreenFunctions } from './leadOnScreen';
import { recordingFunctions } from './recording';
import { sessionFunctions } from './session';

/** Resources in the order a no-code builder meets them. */
const allResources: ResourceSpec[] = [
	{ value: 'call', name: 'Call', description: "Commands for the agent's current call" },
	{
		value: 'session',
		name: 'Agent Session',
		description: "Pause, log out and steer an agent's screen",
	},
	{
		value: 'recording',
		name: 'Recording and Audio',
		description: 'Recording and audio in the agent session',
	},
	{ value: 'leadOnScreen', name: 'Lead on Screen', description: 'The lead an agent is working on' },
	{
		value: 'information',
		name: 'Information',
		description: 'Agent API version, queue counts, webphone',
	},
];

/** Every Agent API function this node serves. */
export const agentFunctions: FunctionEntry[] = [
	...callFunctions,
	...recordingFunctions,
	...sessionFunctions,
	...leadOnScreenFunctions,
	...informationFunctions,
];

/** Only resources that have operations. */
export const resources: ResourceSpec[] = allResources.filter((r) =>
	agentFunctions.some((f) => f.resource === r.value),
);
