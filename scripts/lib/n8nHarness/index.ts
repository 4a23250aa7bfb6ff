/**
 * Runs node types of this package through n8n's real execution engine (n8n-core), without an
 * n8n server: shared by the tests (test/helpers/n8n adds the editor-only runners), the story demo
 * (scripts/demo.ts) and the bench.
 *
 * - runtime.ts: the DI container n8n-core reads (logger, instance settings, binary data).
 * - nodeTypes.ts: type names, the node-type registry, options every runner takes.
 * - credentials.ts: a copy of the CLI's CredentialsHelper without the database.
 * - additionalData.ts: what the CLI's `getBase()` would build, minus the database.
 * - execute.ts / poll.ts: `executeNode` and `pollOnce`; runNode.ts: one run with a VICIdial credential.
 */
export { ensureN8nRuntime, getBinaryBuffer } from './runtime';
export { defaultTypeName, type CommonNodeOptions } from './nodeTypes';
export { HarnessCredentialsHelper } from './credentials';
export { buildAdditionalData } from './additionalData';
export { executeNode, type ExecuteNodeOptions, type ExecuteNodeResult } from './execute';
export { pollOnce, type PollOnceOptions, type PollOnceResult } from './poll';
export { runNode, runVicidial, type RunOptions } from './runNode';
