import type { FunctionSpec } from '../../shared/spec';

export const phoneFunctions: FunctionSpec[] = [];
