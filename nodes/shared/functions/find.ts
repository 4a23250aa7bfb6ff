import type { FunctionEntry } from '../entry';

/**
 * The entry of one operation among `entries`: `resource` and `operation` are what the node stores
 * (one VICIdial function may serve several operations, so its name alone is not a key). Entries
 * that read other entries pass their own module's list, which keeps the modules free of cycles.
 * @throws Error when there is none, a programming mistake a unit test catches.
 */
export function findEntry(
	entries: readonly FunctionEntry[],
	resource: string,
	operation: string,
): FunctionEntry {
	const found = entries.find(
		(entry) => entry.resource === resource && entry.operation === operation,
	);
	if (!found) throw new Error(`No entry for ${resource} ${operation}`);
	return found;
}
