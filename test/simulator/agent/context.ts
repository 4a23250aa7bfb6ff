/** What every Agent API function handler gets. */
import type { ApiRequest } from '../context';

export interface AgContext extends ApiRequest {
	/** $value: the request's value, or (a script quirk) the last POST field's value */
	value: string;
	agentUser: string;
	altUser: string;
	/** format=debug: the script then echoes its SQL statements */
	debug: boolean;
	epoch: number;
}

/**
 * 'continue' = the script goes on to its common tail (close_window_link, debug footer);
 * 'exit' = it stopped right there.
 */
export type AgResult = 'continue' | 'exit';
export type AgHandler = (c: AgContext) => AgResult;

/** With format=debug the script prints the statements it runs (`if ($DB) echo "$stmt\n"`). */
export function debugStmt(c: AgContext, stmt: string): void {
	if (c.debug) c.out.echo(`${stmt}\n`);
}
