import type { FunctionSpec } from '../../shared/spec';

/** Call commands (dial, hang up, transfer, park, DTMF, recording, audio...). */
export const callFunctions: FunctionSpec[] = [];
