/**
 * The catalogue of entries: every VICIdial function the package serves, for both APIs. Nodes,
 * triggers and loaders find entries here (entries that read others use ./find directly).
 */
import type { ApiName, FunctionEntry } from '../entry';
import { agentFunctions } from './agent';
import { findEntry } from './find';
import { nonAgentFunctions } from './nonAgent';

export { agentFunctions, resources as agentResources } from './agent';
export { nonAgentFunctions, resources as nonAgentResources } from './nonAgent';

/** The entries of one API, in the order the node shows them. */
export function entriesOf(api: ApiName): FunctionEntry[] {
	return api === 'agent' ? agentFunctions : nonAgentFunctions;
}

/** The entry of one operation of one API (see findEntry). */
export function entryOf(api: ApiName, resource: string, operation: string): FunctionEntry {
	return findEntry(entriesOf(api), resource, operation);
}
