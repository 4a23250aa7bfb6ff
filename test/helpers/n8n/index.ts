/**
 * Test harness that runs node types through n8n's real execution engine. The runners the demo
 * and the bench share with the tests (executeNode, pollOnce and what they stand on) live in
 * scripts/lib/n8nHarness; the ones only tests need (credential test, editor dropdowns and
 * searches, webhooks and their activation hooks) live here.
 */
export * from '../../../scripts/lib/n8nHarness';
export { testCredential, type TestCredentialOptions } from './credentialTest';
export { listSearch, loadOptions, type LoadOptionsOptions } from './loadOptions';
export {
	callWebhook,
	runWebhookHook,
	type HookOptions,
	type WebhookRequestOptions,
	type WebhookRequestResult,
} from './webhook';
