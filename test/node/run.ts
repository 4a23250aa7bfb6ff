/** Node runs for the node tests: the shared runner (scripts/lib/n8nHarness/runNode.ts) plus readers of its result. */
import type { ExecuteNodeResult } from '../helpers/n8n';

export { runNode, runVicidial, type RunOptions } from '../helpers/n8n';

export const json = (result: ExecuteNodeResult) => result.items.map((item) => item.json);
export const paired = (result: ExecuteNodeResult) =>
	result.items.map((item) => (item.pairedItem as { item: number }).item);
