/** Conformance scenarios: reports functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
