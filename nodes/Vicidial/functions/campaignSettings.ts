import type { FunctionSpec } from '../../shared/spec';

/** Campaign presets and CID group entries. */
export const campaignSettingsFunctions: FunctionSpec[] = [];
