import type { FunctionSpec, ResourceSpec } from '../../shared/spec';
import { leadFunctions } from './lead';
import { listFunctions } from './list';
import { systemFunctions } from './system';

/** Resources in the order a no-code builder meets them. */
export const resources: ResourceSpec[] = [
	{ value: 'lead', name: 'Lead', description: 'Contacts in calling lists' },
	{ value: 'list', name: 'List', description: 'Calling lists' },
	{ value: 'system', name: 'System', description: 'Server information' },
];

/** Every Non-Agent API function this node serves. */
export const nonAgentFunctions: FunctionSpec[] = [...leadFunctions, ...listFunctions, ...systemFunctions];
