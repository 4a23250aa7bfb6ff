/** Conformance scenarios: the requests the trigger node sends, with its values. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
