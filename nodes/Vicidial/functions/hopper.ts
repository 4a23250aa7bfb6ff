import type { FunctionSpec } from '../../shared/spec';

export const hopperFunctions: FunctionSpec[] = [];
