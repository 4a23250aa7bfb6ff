/** What a function handler of either API gets about the request and its API user. */
import type { ParamReader } from './params';
import type { PhpOutput } from './response';
import type { SimState } from './state';

export interface ApiRequest {
	state: SimState;
	out: PhpOutput;
	/** filtered request variables (each script's whitelists) */
	p: ParamReader;
	fn: string;
	user: string;
	pass: string;
	source: string;
	/** from the API user's row */
	apiAllowedFunctions: string;
	userGroup: string;
}

/** Both scripts: the user's api_allowed_functions must list the function or ALL_FUNCTIONS. */
export function mayCall(c: Pick<ApiRequest, 'fn' | 'apiAllowedFunctions'>): boolean {
	return (
		c.apiAllowedFunctions.includes(` ${c.fn} `) || c.apiAllowedFunctions.includes('ALL_FUNCTIONS')
	);
}
