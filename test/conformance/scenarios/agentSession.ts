/** Conformance scenarios: agentSession functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
