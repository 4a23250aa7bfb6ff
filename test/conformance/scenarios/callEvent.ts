/** Conformance scenarios: the requests the callEvent node sends, with its values. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
