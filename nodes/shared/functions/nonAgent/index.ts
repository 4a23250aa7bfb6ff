import type { FunctionEntry, ResourceSpec } from '../../entry';
import { leadFunctions } from './lead';
import { listFunctions } from './list';
import { systemFunctions } from './system';
import { leadInfoFunctions } from './leadInfo';
import { campaignFunctions } from './campaign';
import { campaignSettingsFunctions } from './campaignSettings';
import { userFunctions } from './user';
import { phoneFunctions } from './phone';
import { customFieldFunctions } from './listCustomFields';
import { didFunctions } from './did';
import { dncFunctions } from './dnc';
import { hopperFunctions } from './hopper';
import { recordingFunctions } from './recording';
import { reportFunctions } from './report';
import { realtimeFunctions } from './realtime';

/** Resources in the order a no-code builder meets them. */
const allResources: ResourceSpec[] = [
	{ value: 'lead', name: 'Lead', description: 'Contacts in calling lists' },
	{ value: 'list', name: 'List', description: 'Calling lists' },
	{ value: 'campaign', name: 'Campaign', description: 'Outbound campaigns and their settings' },
	{ value: 'user', name: 'User', description: 'Agents and administrators' },
	{ value: 'phone', name: 'Phone', description: 'Phone extensions and aliases' },
	{ value: 'did', name: 'DID', description: 'Inbound numbers and their routes' },
	{
		value: 'dnc',
		name: 'DNC and Filter Group',
		description: 'Do-not-call lists and filter phone groups',
	},
	{ value: 'hopper', name: 'Hopper', description: 'Leads queued for dialing' },
	{ value: 'recording', name: 'Recording', description: 'Call recordings' },
	{ value: 'report', name: 'Report', description: 'Call, agent and DID reports' },
	{ value: 'realTime', name: 'Real-Time', description: 'Live agent, queue and server status' },
	{ value: 'system', name: 'System', description: 'Server information, audio and settings lists' },
];

/** Every Non-Agent API function this node serves. */
export const nonAgentFunctions: FunctionEntry[] = [
	...leadFunctions,
	...leadInfoFunctions,
	...listFunctions,
	...customFieldFunctions,
	...campaignFunctions,
	...campaignSettingsFunctions,
	...userFunctions,
	...phoneFunctions,
	...didFunctions,
	...dncFunctions,
	...hopperFunctions,
	...recordingFunctions,
	...reportFunctions,
	...realtimeFunctions,
	...systemFunctions,
];

/** Only resources that have operations. */
export const resources: ResourceSpec[] = allResources.filter((r) =>
	nonAgentFunctions.some((f) => f.resource === r.value),
);
