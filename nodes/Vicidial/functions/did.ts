import type { FunctionSpec } from '../../shared/spec';

export const didFunctions: FunctionSpec[] = [];
