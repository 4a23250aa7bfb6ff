/** Conformance scenarios: didDncHopper functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
