/** Conformance scenarios: listCampaign functions. */
import type { Scenario } from '../corpus';

export const scenarios: Scenario[] = [];
