/** Simulator handlers of the realtime functions, and the input filters of the variables they read. */
import type { Filter } from '../../params';
import type { NaHandler } from '../context';

export const handlers: Readonly<Record<string, NaHandler>> = {};

/** Filters for variables not yet in ../filters.ts (the same variable may appear in several groups). */
export const filters: Readonly<Record<string, Filter>> = {};
