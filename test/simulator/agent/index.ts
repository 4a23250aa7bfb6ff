/**
 * /agc/api.php: version and teapot first, then source check, login (any active user level,
 * with vdc_agent_api_access), then one handler per function. Unknown functions print nothing.
 */
import { lockOver, userAuthorization } from '../auth';
import { s } from '../db';
import { ciEq } from '../mysql';
import { ALNUM, keep, ParamReader, WORD, type Filter, type RequestParams } from '../params';
import { cmpStrNum } from '../php';
import { apiHeaders, type PhpOutput } from '../response';
import type { SimState } from '../state';
import type { AgContext, AgHandler } from './context';
import { externalPause } from './externalPause';
import * as callControl from './callControl';
import * as session from './session';

export const AGENT_VERSION = '2.14-82';
export const AGENT_BUILD = '250122-1010';

export const AGENT_FUNCTIONS: Readonly<Record<string, AgHandler>> = {
	external_pause: externalPause,
	...callControl.handlers,
	...session.handlers,
};

/** api.php's input filters (use_non_latin=0) for the variables read so far. */
const CORE_FILTERS: Readonly<Record<string, Filter>> = {
	user: WORD,
	pass: keep('\\-.+/=_0-9a-zA-Z'),
	agent_user: WORD,
	function: WORD,
	value: keep('\\-|_0-9a-zA-Z'),
	source: ALNUM,
	format: ALNUM,
	alt_user: ALNUM,
	close_window_link: WORD,
	DB: ALNUM,
};

/**
 * Each table's variables: the core ones, then each group's. The script filters a variable once
 * for all functions, so a variable is in one table only (test/simulator/filters.test.ts).
 */
export const AGENT_FILTER_TABLES: Readonly<Record<string, Readonly<Record<string, Filter>>>> = {
	core: CORE_FILTERS,
	callControl: callControl.filters,
	session: session.filters,
};

export const AGENT_FILTERS: Readonly<Record<string, Filter>> = Object.assign(
	{},
	...Object.values(AGENT_FILTER_TABLES),
);

const COFFEE = ['coffee', 'start_coffee', 'make_coffee', 'brew_coffee'];

export function handleAgent(state: SimState, req: RequestParams, out: PhpOutput, ip: string): void {
	const p = new ParamReader(req, AGENT_FILTERS);
	apiHeaders(out);
	const nowStr = state.nowStr();
	const epoch = state.epoch();
	const fn = p.get('function');
	const user = p.get('user');
	const pass = p.get('pass');
	const source = p.get('source');
	// $value is also the loop variable of the script's POST logging loop: when the request
	// has no "value", it keeps the last POST field's value
	const value = p.isSet('value') ? p.get('value') : AGENT_FILTERS.value(p.lastPostValue() ?? '');

	if (fn === 'version') {
		out.echo(`VERSION: ${AGENT_VERSION}|BUILD: ${AGENT_BUILD}|DATE: ${nowStr}|EPOCH: ${epoch}\n`);
		return;
	}
	if (COFFEE.includes(fn)) {
		out.header("HTTP/1.0 418 I'm a teapot");
		out.echo(`Coffee: ${fn}|Error 418 I'm a teapot`);
		return;
	}
	if (source.length < 2) {
		out.echo(`ERROR: Invalid Source - ${source}\n`);
		return;
	}
	const over = lockOver(state);
	const key = userAuthorization(state, user, pass, {
		levelAbove: 0,
		updateOnSuccess: false,
		agentApi: true,
		ip,
	});
	const auth = key === 'GOOD' ? 1 : 0;
	const authApi = state.db
		.t('vicidial_users')
		.count((r) => ciEq(r.user, user) && r.vdc_agent_api_access === '1');
	if (user.length < 2 || pass.length < 2 || auth === 0 || authApi === 0) {
		// a bad login reports the query it ran, lock epoch included
		const message =
			key === 'BAD'
				? `BAD|0|api|SELECT count(*) from vicidial_users where user='${user}' and pass='${pass}' and user_level > 0 and active='Y' and ( (failed_login_count < 10) or (UNIX_TIMESTAMP(last_login_date) < ${over}) );`
				: key;
		out.echo(`ERROR: Invalid Username/Password: |${user}|${pass}|${auth}|${authApi}|${message}|\n`);
		return;
	}
	if (state.setting('vdc_agent_api_active') !== '1') {
		out.echo('ERROR: System API NOT ACTIVE\n');
		return;
	}

	const row = state.user(user);
	const format = p.get('format');
	const debug = format === 'debug';
	if (debug) {
		out.echo(
			`<html>\n<head>\n<!-- VERSION: ${AGENT_VERSION}     BUILD: ${AGENT_BUILD}    USER: ${user}\n<title>VICIDiaL Agent API</title>\n</head>\n` +
				'<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n',
		);
	}
	const ctx: AgContext = {
		state,
		out,
		p,
		fn,
		user,
		pass,
		source,
		value,
		agentUser: p.get('agent_user'),
		altUser: p.get('alt_user'),
		debug,
		apiAllowedFunctions: s(row?.api_allowed_functions),
		userGroup: s(row?.user_group),
		epoch,
	};
	const handler = Object.prototype.hasOwnProperty.call(AGENT_FUNCTIONS, fn)
		? AGENT_FUNCTIONS[fn]
		: undefined;
	if (handler && handler(ctx) === 'exit') return;

	// common tail of the script
	if (cmpStrNum(p.get('close_window_link'), 0) > 0) {
		out.echo(`\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`);
	}
	if (debug) out.echo('\n<!-- script runtime: 0 seconds -->\n</body>\n</html>\n');
}
