import type { FunctionSpec } from '../../shared/spec';

export const recordingFunctions: FunctionSpec[] = [];
