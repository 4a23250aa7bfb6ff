/**
 * What every node of the package shares with n8n: the credential test method, and turning any
 * failure into the n8n error the user sees (password removed).
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INode, INodeCredentialTestResult, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { credentialTestSender, testVicidialCredential } from './credentialTest';
import { VicidialError, redact } from './errors';

/** `methods.credentialTest` of every node whose credential says `testedBy: 'vicidialApiTest'`. */
export const credentialTestMethods = {
	async vicidialApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return await testVicidialCredential(credentialTestSender(this.helpers), credential.data ?? {});
	},
};

/**
 * A failure outside an item (a trigger's poll, a dropdown, a webhook registration) as an n8n
 * error: VICIdial's refusals keep their kind and hint; `message` may replace the shown message.
 */
export function asNodeError(node: INode, error: unknown, secrets: readonly string[], message?: string): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof VicidialError) {
		const text = redact(error.message, secrets);
		const shown = message ?? text;
		return new NodeApiError(node, { message: text, kind: error.kind } as JsonObject, { message: shown, description: message ? text : redact(error.hint, secrets) });
	}
	return new NodeOperationError(node, redact(error instanceof Error ? error.message : String(error), secrets));
}
