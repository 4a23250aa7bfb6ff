/** Conformance scenarios: realtime functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
