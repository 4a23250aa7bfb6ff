/** Runs the VICIdial Agent node through n8n-core's WorkflowExecute (see run.ts). */
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { runNode } from './run';
import type { RunOptions } from './run';

export type { RunOptions } from './run';
export { json, paired } from './run';

export const runVicidialAgent = (options: RunOptions) =>
	runNode(new VicidialAgent(), 'vicidial agent node', options);
