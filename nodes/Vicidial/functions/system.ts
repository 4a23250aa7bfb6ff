import type { FunctionSpec } from '../../shared/spec';
import { versionFunction } from '../../shared/version';

export const systemFunctions: FunctionSpec[] = [versionFunction];
