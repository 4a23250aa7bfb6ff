/** Small helpers for tests of entries and their validation. */
import { InvalidInputError } from '../../nodes/shared/params';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { agentFunctions } from '../../nodes/shared/functions/agent';

/** The entry of a VICIdial function of either API (by operation too, where one function has several). */
export const entry = (fn: string, operation?: string): FunctionEntry =>
	[...nonAgentFunctions, ...agentFunctions].find(
		(s) => s.fn === fn && (!operation || s.operation === operation),
	) as FunctionEntry;

/** The message of the InvalidInputError `run` throws; fails the test when it throws none. */
export function refusal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(InvalidInputError);
		return (error as Error).message;
	}
	throw new Error('expected InvalidInputError');
}
