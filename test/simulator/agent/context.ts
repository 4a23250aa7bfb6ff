/** What every Agent API function handler gets. */
import { ParamReader } from '../params';
import type { PhpOutput } from '../response';
import type { SimState } from '../state';

export interface AgContext {
	state: SimState;
	out: PhpOutput;
	p: ParamReader;
	fn: string;
	user: string;
	pass: string;
	source: string;
	/** $value: the request's value, or (a script quirk) the last POST field's value */
	value: string;
	agentUser: string;
	altUser: string;
	/** format=debug: the script then echoes its SQL statements */
	debug: boolean;
	apiAllowedFunctions: string;
	userGroup: string;
	epoch: number;
}

/**
 * 'continue' = the script goes on to its common tail (close_window_link, debug footer);
 * 'exit' = it stopped right there.
 */
export type AgResult = 'continue' | 'exit';
export type AgHandler = (c: AgContext) => AgResult;

/** The user's api_allowed_functions must list the function or ALL_FUNCTIONS. */
export function agentFunctionAllowed(c: AgContext): boolean {
	return c.apiAllowedFunctions.includes(` ${c.fn} `) || c.apiAllowedFunctions.includes('ALL_FUNCTIONS');
}

/** With format=debug the script prints the statements it runs (`if ($DB) echo "$stmt\n"`). */
export function debugStmt(c: AgContext, stmt: string): void {
	if (c.debug) c.out.echo(`${stmt}\n`);
}
