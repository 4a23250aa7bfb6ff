import type { FunctionSpec } from '../../shared/spec';

export const reportFunctions: FunctionSpec[] = [];
