/** Parameters several Agent API commands share. */
import type { ParamSpec } from '../../entry';
import { text } from '../../entry';

export const WORD = /^[-_0-9a-zA-Z]+$/;

/** VICIdial user names: letters, digits, - and _ (api.php drops everything else). */
export const USER_PATTERN = { regex: /^[-_0-9a-zA-Z]+$/, hint: 'must be a VICIdial user ID (letters, digits, - and _)' };

/** The logged-in agent a command acts on. */
export const agentUser = (options: Partial<ParamSpec> = {}): ParamSpec =>
	text('agent_user', 'Agent', {
		required: true,
		load: 'agents',
		minLength: 2,
		maxLength: 20,
		pattern: USER_PATTERN,
		description: 'The VICIdial user ID of the logged-in agent',
		...options,
	});
