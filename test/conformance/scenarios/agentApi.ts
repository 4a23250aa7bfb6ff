/** Conformance scenarios: agentApi functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
