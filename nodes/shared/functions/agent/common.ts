/** Parameters several Agent API commands share. */
import type { ParamSpec } from '../../entry';
import { text } from '../../entry';
import { USER_ID } from '../../patterns';

/** The logged-in agent a command acts on. */
export const agentUser = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('agent_user', 'Agent', {
		required: true,
		load: 'agents',
		minLength: 2,
		maxLength: 20,
		pattern: USER_ID,
		description: 'The VICIdial user ID of the logged-in agent',
		...options,
	});
