/**
 * What every node of the package shares with n8n: the credential test method, and turning any
 * failure into the n8n error the user sees. This is where every error leaves the package, so it
 * is where errors are redacted: the password (and an item's own passwords) never reach n8n.
 */
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INode,
	INodeCredentialTestResult,
	INodeParameters,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { credentialTestSender, testVicidialCredential } from './credentialTest';
import type { FunctionEntry } from './entry';
import { camelName } from './entry';
import { REDACTED, VicidialError, redact } from './errors';
import { InvalidInputError } from './params';
import { ADDITIONAL_FIELDS } from './properties';

/** `methods.credentialTest` of every node whose credential says `testedBy: 'vicidialApiTest'`. */
export const credentialTestMethods = {
	async vicidialApiTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		return await testVicidialCredential(credentialTestSender(this.helpers), credential.data ?? {});
	},
};

/** Where a failure happened, when it was one item's of an entry's operation. */
export interface FailureContext {
	entry: FunctionEntry;
	itemIndex: number;
	/** The item's own secrets (a new agent's password), redacted like the API password. */
	itemSecrets?: readonly string[];
}

/**
 * The node as an error carries it, with the values of secret parameters masked: n8n logs an
 * error and keeps it in the execution data together with its node's parameters.
 */
export function safeNode(node: INode, entry: FunctionEntry): INode {
	const names = entry.params.filter((p) => p.secret).map((p) => camelName(p.name));
	if (names.length === 0) return node;
	const mask = (values: INodeParameters): INodeParameters => {
		const copy: INodeParameters = { ...values };
		for (const name of names) if (name in copy) copy[name] = REDACTED;
		return copy;
	};
	const parameters = mask(node.parameters);
	const additional = parameters[ADDITIONAL_FIELDS];
	if (additional && typeof additional === 'object' && !Array.isArray(additional))
		parameters[ADDITIONAL_FIELDS] = mask(additional as INodeParameters);
	return { ...node, parameters };
}

/** Converts one item's failure into the n8n error the user sees, redacted, naming the item. */
export function itemError(
	node: INode,
	error: unknown,
	secrets: readonly string[],
	{ entry, itemIndex, itemSecrets = [] }: FailureContext,
): NodeApiError | NodeOperationError {
	const shownNode = safeNode(node, entry);
	const clean = (text: string) => redact(text, secrets, itemSecrets);
	if (error instanceof InvalidInputError) {
		return new NodeOperationError(shownNode, `Item ${itemIndex + 1}: ${clean(error.message)}`, {
			itemIndex,
			description: `Nothing was sent to VICIdial for this item. Fix the value of "${error.field}".`,
		});
	}
	if (error instanceof VicidialError) {
		const message = clean(error.message);
		const response: JsonObject = {
			message,
			kind: error.kind,
			function: entry.fn,
			data: error.data.map(clean),
		};
		// Only searches have the "empty result" option the generic hint mentions.
		const hint =
			error.kind === 'noRecords' && !entry.noRecords
				? 'VICIdial found nothing for these values.'
				: error.hint;
		return new NodeApiError(shownNode, response, {
			message: `Item ${itemIndex + 1}: ${message}`,
			description: clean(hint),
			itemIndex,
			...(error.httpCode ? { httpCode: String(error.httpCode) } : {}),
		});
	}
	const text = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(shownNode, `Item ${itemIndex + 1}: ${clean(text)}`, { itemIndex });
}

/**
 * A failure outside an item (a trigger's poll, a dropdown, a webhook registration) as an n8n
 * error: VICIdial's refusals keep their kind and hint; `message` may replace the shown message.
 */
export function asNodeError(
	node: INode,
	error: unknown,
	secrets: readonly string[],
	message?: string,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof VicidialError) {
		const text = redact(error.message, secrets);
		const shown = message ?? text;
		return new NodeApiError(node, { message: text, kind: error.kind } as JsonObject, {
			message: shown,
			description: message ? text : redact(error.hint, secrets),
		});
	}
	return new NodeOperationError(
		node,
		redact(error instanceof Error ? error.message : String(error), secrets),
	);
}
