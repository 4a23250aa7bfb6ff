import type { FunctionSpec } from '../../shared/spec';

export const realtimeFunctions: FunctionSpec[] = [];
