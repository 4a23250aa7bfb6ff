import type { FunctionSpec } from '../../shared/spec';

/** The custom lead fields of a list. */
export const customFieldFunctions: FunctionSpec[] = [];
