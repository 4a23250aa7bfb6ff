import type { FunctionSpec } from '../../shared/spec';

export const userFunctions: FunctionSpec[] = [];
