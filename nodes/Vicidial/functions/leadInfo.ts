import type { FunctionSpec } from '../../shared/spec';

export const leadInfoFunctions: FunctionSpec[] = [];
