/** agent_ingroup_info: a logged-in agent's in-group selection, as text (stage=text) or as an HTML form. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { checkAllowedFunction, checkSource, countUser, level, type NaContext } from '../context';
import { seesGroup, viewerOf } from './common';

export function agentIngroupInfo(c: NaContext): void {
	const { state, p } = c;
	const db = state.db;
	if (!checkSource(c) || !checkAllowedFunction(c)) return;
	const allowed = countUser(
		c,
		(r) => r.vdc_agent_api_access === '1' && level(r) > 6 && r.active === 'Y',
	);
	if (allowed < 1 && c.source !== 'queuemetrics') {
		c.say(
			`ERROR: agent_ingroup_info USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${c.user}|${allowed}|\n`,
		);
		return;
	}
	const agentUser = p.get('agent_user');
	const viewer = viewerOf(c);
	const known = db
		.t('vicidial_users')
		.count((r) => ciEq(r.user, agentUser) && seesGroup(viewer, r.user_group));
	const agent = db.t('vicidial_live_agents').find((r) => ciEq(r.user, agentUser));
	if (known < 1 || !agent) {
		c.say(`ERROR: agent_ingroup_info INVALID USER ID - ${agentUser}|${c.user}\n`);
		return;
	}
	const stage = p.get('stage');
	if (stage === 'text') {
		c.out.echo(
			`SUCCESS:  - ${agentUser}|${stage}\n` +
				`SELECTED INGROUPS: ${s(agent.closer_campaigns)}\n` +
				`OUTBOUND AUTODIAL: ${s(agent.outbound_autodial)}\n` +
				`MANAGER OVERRIDE: ${s(agent.manager_ingroup_set)}\n` +
				`MANAGER: ${s(agent.external_igb_set_user)}\n\n`,
		);
		c.log();
		return;
	}
	// The HTML form variants (stage=change or anything else) are not modelled: the node always asks for text.
	c.out.echo(`<!-- agent_ingroup_info stage ${stage} is not modelled by the simulator -->\n`);
	c.log();
}
