/** Conformance scenarios: agentCall functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
