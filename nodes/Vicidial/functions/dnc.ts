import type { FunctionSpec } from '../../shared/spec';

export const dncFunctions: FunctionSpec[] = [];
