/**
 * update_fields and refresh_panel. Which fields change is decided by looking for each field's
 * name anywhere in the request text (names and values alike), as the real script does.
 */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import { debugStmt, type AgContext, type AgResult } from '../context';
import {
	apiUserHas,
	debugComment,
	liveAgent,
	notLoggedIn,
	refuseFunction,
	updateLive,
} from './common';

/** In the script's order; `i` = the search ignores case. */
const LEAD_FIELDS: Array<[string, boolean]> = [
	['phone_code', false],
	['address1', false],
	['address2', false],
	['address3', false],
	['alt_phone', false],
	['city', false],
	['comments', false],
	['country_code', false],
	['date_of_birth', false],
	['email', false],
	['first_name', false],
	['gender', false],
	['gmt_offset_now', false],
	['last_name', false],
	['middle_initial', false],
	['phone_number', false],
	['postal_code', true],
	['province', true],
	['security_phrase', true],
	['source_id', true],
	['state', true],
	['title', true],
	['vendor_lead_code', true],
	['rank', true],
	['owner', true],
];
const RELOADS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload'];

/** What format=debug prints for each reload it finds. */
const RELOAD_NOTES: Record<string, string> = {
	formreload: 'form reload triggered',
	scriptreload: 'script reload triggered',
	script2reload: 'script 2 reload triggered',
	emailreload: 'email reload triggered',
	chatreload: 'chat reload triggered',
	callbacksreload: 'callbacks reload triggered',
};

const mentions = (text: string, word: string, anyCase = true) =>
	anyCase ? text.toLowerCase().includes(word) : text.includes(word);

function agentUserValid(c: AgContext): boolean {
	if (c.agentUser.length >= 1) return true;
	c.out.echo(`ERROR: agent_user not valid - ${c.agentUser}\n`);
	return false;
}

export function updateFields(c: AgContext): AgResult {
	const { out, state, p } = c;
	if (!agentUserValid(c)) return 'continue';
	if (refuseFunction(c)) return 'exit';
	const agent = liveAgent(c);
	if (!agent) return notLoggedIn(c);
	if (!apiUserHas(c, 'modify_leads', ['1', '2', '3', '4'])) {
		out.echo(`ERROR: user is not allowed to modify lead information - ${c.agentUser}|${c.user}\n`);
		return 'continue';
	}
	debugStmt(c, `select lead_id from vicidial_live_agents where user='${c.agentUser}';`);
	const leadId = s(agent.lead_id);
	if (!(Number(leadId) > 0)) {
		out.echo(`ERROR: agent_user does not have a lead on their screen - ${c.agentUser}\n`);
		return 'continue';
	}
	const request = p.queryString();
	const sql: string[] = [];
	const names: string[] = [];
	const values: Record<string, string> = {};
	for (const [field, anyCase] of LEAD_FIELDS) {
		if (!mentions(request, field, anyCase)) continue;
		const v = p.get(field);
		debugStmt(c, `${field} set to ${v}`);
		sql.push(`${field}="${v}"`);
		names.push(field);
		values[field] = v;
	}
	for (const reload of RELOADS) {
		if (!mentions(request, reload)) continue;
		debugStmt(c, RELOAD_NOTES[reload]);
		names.push(reload);
	}
	if (names.length === 0) {
		out.echo(`ERROR: no fields have been defined - ${c.agentUser}\n`);
		return 'continue';
	}
	const now = state.nowStr();
	let leadRows = 0;
	if (sql.length > 0) {
		debugComment(c, `UPDATE vicidial_list set ${sql.join(',')} where lead_id='${leadId}';`);
		const leads = state.db.t('vicidial_list');
		for (const r of leads.filter((x) => ciEq(x.lead_id, leadId)))
			leadRows += leads.update(r, values, now);
	}
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_update_fields='1',external_update_fields_data='${names.join(',')}' where user='${c.agentUser}';`,
	);
	const agentRows = updateLive(c, {
		external_update_fields: '1',
		external_update_fields_data: names.join(','),
	});
	out.echo(
		`SUCCESS: update_fields lead updated - ${c.user}|${c.agentUser}|${leadId}|${leadRows}|${agentRows}|${names.join(',')}|${sql.join(',')}|\n`,
	);
	return 'continue';
}

export function refreshPanel(c: AgContext): AgResult {
	const { out, p } = c;
	if (!agentUserValid(c)) return 'continue';
	if (refuseFunction(c)) return 'exit';
	if (!liveAgent(c)) return notLoggedIn(c);
	const request = p.queryString();
	const panels = [...RELOADS, 'callbacksreload'].filter((name) => mentions(request, name));
	for (const name of panels) debugStmt(c, RELOAD_NOTES[name]);
	if (panels.length === 0) {
		out.echo(`ERROR: no panels have been defined - ${c.agentUser}\n`);
		return 'continue';
	}
	debugComment(
		c,
		`UPDATE vicidial_live_agents set external_update_fields='1',external_update_fields_data='${panels.join(',')}' where user='${c.agentUser}';`,
	);
	const agentRows = updateLive(c, {
		external_update_fields: '1',
		external_update_fields_data: panels.join(','),
	});
	out.echo(
		`SUCCESS: refresh_panel request sent - ${c.user}|${c.agentUser}|${agentRows}|${panels.join(',')}|\n`,
	);
	return 'continue';
}
