/**
 * How every dropdown and list search of the nodes fails: one shape, "Could not load <what>:
 * <VICIdial's message>" with VICIdial's hint, the password removed; a refusal that only means
 * this server cannot list these things says so instead, with what to do.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { VicidialError, redact } from '../errors';

/** A VICIdial refusal that means "this server cannot list these", not a fault, and what to tell the user then. */
export interface Unavailable {
	match: RegExp;
	message: string;
	hint: string;
}

export function loadError(
	node: INode,
	error: unknown,
	secrets: readonly string[],
	what: string,
	unavailable?: Unavailable,
): NodeOperationError {
	const message = redact(error instanceof Error ? error.message : String(error), secrets);
	if (error instanceof VicidialError && unavailable?.match.test(message))
		return new NodeOperationError(node, unavailable.message, { description: unavailable.hint });
	return new NodeOperationError(node, `Could not load ${what}: ${message}`, {
		description: error instanceof VicidialError ? redact(error.hint, secrets) : undefined,
	});
}
