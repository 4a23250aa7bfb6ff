/** Simulator handlers of the Agent API's session functions, and the input filters of the variables they read. */
import type { Filter } from '../../params';
import type { AgHandler } from '../context';

export const handlers: Readonly<Record<string, AgHandler>> = {};

/** Filters for variables not yet in AGENT_FILTERS (the same variable may appear in both groups). */
export const filters: Readonly<Record<string, Filter>> = {};
