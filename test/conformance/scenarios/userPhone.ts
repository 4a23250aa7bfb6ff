/** Conformance scenarios: userPhone functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
