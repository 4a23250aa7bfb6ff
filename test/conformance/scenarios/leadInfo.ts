/** Conformance scenarios: leadInfo functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
