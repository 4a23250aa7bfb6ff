import type { FunctionSpec } from '../../shared/spec';

export const campaignFunctions: FunctionSpec[] = [];
