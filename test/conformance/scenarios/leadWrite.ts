/** Conformance scenarios: leadWrite functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
