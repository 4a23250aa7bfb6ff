/** st_login_log and st_get_agent_active_lead: the agent found by a CRM id held in custom_three. */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { debugStmt, type AgContext, type AgResult } from '../context';
import { liveAgent, refuseFunction, userByCustomThree } from './common';

function checkInput(c: AgContext): 'ok' | AgResult {
	const vendorId = c.p.get('vendor_id');
	if (c.value.length < 1 || vendorId.length < 1) {
		c.out.echo(`ERROR: ${c.fn} not valid - ${c.value}|${vendorId}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	return 'ok';
}

export function stLoginLog(c: AgContext): AgResult {
	const checked = checkInput(c);
	if (checked !== 'ok') return checked;
	const found = userByCustomThree(c, c.value);
	if (!found) {
		c.out.echo(`ERROR: no user found - ${c.value}\n`);
		return 'continue';
	}
	const users = c.state.db.t('vicidial_users');
	if (c.debug)
		c.out.echo(
			`\n<!-- UPDATE vicidial_users set custom_four='${c.p.get('vendor_id')}' where user='${s(found.user)}'; -->`,
		);
	for (const r of users.filter((x) => ciEq(x.user, found.user)))
		users.update(r, { custom_four: c.p.get('vendor_id') }, c.state.nowStr());
	c.out.echo(`SUCCESS: st_login_log user found - ${s(found.user)}\n`);
	return 'continue';
}

export function stGetAgentActiveLead(c: AgContext): AgResult {
	const checked = checkInput(c);
	if (checked !== 'ok') return checked;
	const found = userByCustomThree(c, c.value);
	if (!found) {
		c.out.echo(`ERROR: no user found - ${c.value}\n`);
		return 'continue';
	}
	const user = s(found.user);
	const agent = liveAgent(c, user);
	if (!agent) {
		c.out.echo(`ERROR: user not logged in - ${user}\n`);
		return 'continue';
	}
	debugStmt(c, `select lead_id from vicidial_live_agents where user='${user}';`);
	const leadId = s(agent.lead_id);
	if (!(Number(leadId) > 0)) {
		c.out.echo(`ERROR: no active lead found - ${user}\n`);
		return 'continue';
	}
	debugStmt(
		c,
		`select phone_number,vendor_lead_code,province,security_phrase,source_id from vicidial_list where lead_id='${leadId}';`,
	);
	const lead = c.state.db.t('vicidial_list').find((r) => ciEq(r.lead_id, leadId));
	const col = (name: string) => s(lead?.[name]);
	c.out.echo(
		`SUCCESS: st_get_agent_active_lead lead found - ${user}|${col('phone_number')}|${leadId}|${col('vendor_lead_code')}|${col('province')}|${col('security_phrase')}|${col('source_id')}\n`,
	);
	return 'continue';
}
