/**
 * webserver: after the permission check the script asks Apache's PHP module for its version.
 * Under php -S (the reference harness) that function does not exist: HTTP 500, empty body.
 */
import type { AgContext, AgResult } from '../context';
import { mayCall } from '../../context';

export function webserver(c: AgContext): AgResult {
	if (!mayCall(c)) {
		c.out.echo(
			`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${c.user}|${c.fn}|${c.userGroup}\n`,
		);
		return 'exit';
	}
	c.out.fatal();
	return 'exit';
}
