/**
 * `testCredential` runs a node's `methods.credentialTest[testedBy]` with n8n-core's real
 * `CredentialTestContext`, after applying defaults the way the CLI's `CredentialsTester` does.
 */
import { CredentialTestContext } from 'n8n-core';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialType,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeType,
	IVersionedNodeType,
} from 'n8n-workflow';
import { buildAdditionalData } from '../../../scripts/lib/n8nHarness/additionalData';
import { HarnessCredentialsHelper } from '../../../scripts/lib/n8nHarness/credentials';
import { ensureN8nRuntime } from '../../../scripts/lib/n8nHarness/runtime';

export interface TestCredentialOptions {
	nodeType: INodeType | IVersionedNodeType;
	credentialType: ICredentialType;
	/** Name in `methods.credentialTest`; default: the node's `credentials[].testedBy`. */
	testedBy?: string;
	data: ICredentialDataDecryptedObject;
	/** Other credential types the tested one extends. */
	credentialTypes?: ICredentialType[];
}

/**
 * Runs a credential test the way the CLI's CredentialsTester does for a `testedBy` function:
 * apply the credential type's defaults and expressions (mode 'internal'), then call the function
 * with a real CredentialTestContext (whose only request helper is `helpers.request`).
 */
export async function testCredential(
	options: TestCredentialOptions,
): Promise<INodeCredentialTestResult> {
	ensureN8nRuntime();
	const { credentialType } = options;
	if (credentialType.test) {
		throw new UnexpectedError(
			`n8n harness: credential type "${credentialType.name}" defines \`test\`; n8n runs that request instead of a node's testedBy function`,
		);
	}
	const nodeType = NodeHelpers.getVersionedNodeType(options.nodeType);
	const declared = nodeType.description.credentials?.find((c) => c.name === credentialType.name);
	if (!declared) {
		throw new UnexpectedError(
			`n8n harness: node type "${nodeType.description.name}" does not declare credentials "${credentialType.name}"`,
		);
	}
	const testedBy = options.testedBy ?? declared.testedBy;
	if (typeof testedBy !== 'string' || declared.testedBy !== testedBy) {
		throw new UnexpectedError(
			`n8n harness: node type "${nodeType.description.name}" declares testedBy ${JSON.stringify(declared.testedBy)} for "${credentialType.name}", not ${JSON.stringify(testedBy)}`,
		);
	}
	const testFunction = nodeType.methods?.credentialTest?.[testedBy] as
		| ICredentialTestFunction
		| undefined;
	if (typeof testFunction !== 'function') {
		throw new UnexpectedError(`n8n harness: methods.credentialTest.${testedBy} is not a function`);
	}

	const credentialsHelper = new HarnessCredentialsHelper([
		credentialType,
		...(options.credentialTypes ?? []),
	]);
	const additionalData = buildAdditionalData(credentialsHelper);
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'harness-credential',
		name: `${credentialType.displayName} (test)`,
		type: credentialType.name,
		data: structuredClone(options.data),
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data!,
			credentialType.name,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}

	const context = new CredentialTestContext(additionalData);
	return await testFunction.call(context, credentialsDecrypted);
}
