/**
 * /vicidial/non_agent_api.php: the common start of the script (filters, version, teapot, login,
 * API-user settings), then one handler per function. Add a function: write its handler in its
 * own file, register it in its group's index (or NON_AGENT_FUNCTIONS), and add the filters of its variables.
 */
import { userAuthorization } from '../auth';
import { s } from '../db';
import { ciEq, sqlLiteral } from '../mysql';
import { ParamReader, type Filter, type RequestParams } from '../params';
import { cmpStrNum } from '../php';
import { apiHeaders, type PhpOutput } from '../response';
import type { SimState } from '../state';
import { addLead } from './addLead';
import type { NaContext, NaHandler } from './context';
import { NON_AGENT_FILTERS } from './filters';
import { leadSearch } from './leadSearch';
import { allowedCampaigns, listInfo } from './listInfo';
import * as leadWrite from './leadWrite';
import * as leadInfo from './leadInfo';
import * as listCampaign from './listCampaign';
import * as userPhone from './userPhone';
import * as didDncHopper from './didDncHopper';
import * as reports from './reports';
import * as realtime from './realtime';

export const NON_AGENT_VERSION = '2.14-202';
export const NON_AGENT_BUILD = '250720-1841';

export const NON_AGENT_FUNCTIONS: Readonly<Record<string, NaHandler>> = {
	add_lead: addLead,
	lead_search: leadSearch,
	list_info: listInfo,
	...leadWrite.handlers,
	...leadInfo.handlers,
	...listCampaign.handlers,
	...userPhone.handlers,
	...didDncHopper.handlers,
	...reports.handlers,
	...realtime.handlers,
};

/**
 * Each table's variables: the core ones, then each group's. The script filters a variable once
 * for all functions, so a variable is in one table only (test/simulator/filters.test.ts).
 */
export const NON_AGENT_FILTER_TABLES: Readonly<Record<string, Readonly<Record<string, Filter>>>> = {
	core: NON_AGENT_FILTERS,
	leadWrite: leadWrite.filters,
	leadInfo: leadInfo.filters,
	listCampaign: listCampaign.filters,
	userPhone: userPhone.filters,
	didDncHopper: didDncHopper.filters,
	reports: reports.filters,
	realtime: realtime.filters,
};

export const ALL_FILTERS: Readonly<Record<string, Filter>> = Object.assign(
	{},
	...Object.values(NON_AGENT_FILTER_TABLES),
);

/** functions for which api_list_restrict computes the user's allowed lists */
const LIST_RESTRICTED = [
	'add_lead',
	'update_lead',
	'batch_update_lead',
	'update_list',
	'list_info',
	'list_custom_fields',
	'lead_search',
];

const COFFEE = ['coffee', 'start_coffee', 'make_coffee', 'brew_coffee'];

export function handleNonAgent(
	state: SimState,
	req: RequestParams,
	out: PhpOutput,
	ip: string,
): void {
	const p = new ParamReader(req, ALL_FILTERS);
	apiHeaders(out);
	const fn = p.get('function');
	const user = p.get('user');
	const pass = p.get('pass');
	const source = p.get('source');
	const format = p.get('format');
	const nowStr = state.nowStr();
	const lastPost = p.lastPostValue();
	const log = (): void => {
		if (lastPost !== undefined) sqlLiteral(lastPost, "'");
	};
	const say = (line: string): void => {
		out.echo(line);
		log();
	};

	// server time zone: the first active server's local_gmt (UTC harness: never DST)
	const server = state.db.t('servers').find((r) => r.active === 'Y');
	const dbServerGmt = server ? s(server.local_gmt) : '';
	const serverGmt = server && dbServerGmt.length > 0 ? dbServerGmt : '0';

	if (fn === 'version') {
		say(
			`VERSION: ${NON_AGENT_VERSION}|BUILD: ${NON_AGENT_BUILD}|DATE: ${nowStr}|EPOCH: ${state.epoch()}|DST: 0|TZ: ${dbServerGmt}|TZNOW: ${serverGmt}|\n`,
		);
		return;
	}
	if (COFFEE.includes(fn)) {
		out.header("HTTP/1.0 418 I'm a teapot");
		say(`Coffee: ${fn}|Error 418 I'm a teapot`);
		return;
	}

	let authKey = userAuthorization(state, user, pass, {
		levelAbove: 6,
		updateOnSuccess: true,
		agentApi: false,
		ip,
	});
	let auth = authKey === 'GOOD' ? 1 : 0;
	if (
		auth < 1 &&
		fn === 'blind_monitor' &&
		source === 'queuemetrics' &&
		p.get('stage') === 'MONITOR'
	) {
		// QueueMetrics monitoring authenticates with a live call's callerid as password
		auth = state.db.t('vicidial_auto_calls').count((r) => ciEq(r.callerid, pass));
		if (auth > 0) authKey = 'GOOD';
	}
	if (auth < 1) {
		out.header('Content-type: text/html; charset=utf-8');
		if (authKey === 'LOCK')
			out.echo(`ERROR: Too many login attempts, try again in 15 minutes: |${user}|LOCK|\n`);
		else out.echo(`ERROR: Login incorrect, please try again: |${user}|${pass}|${authKey}|\n`);
		return;
	}

	const row = state.db.t('vicidial_users').find((r) => ciEq(r.user, user) && r.active === 'Y');
	const apiListRestrict = Number(row?.api_list_restrict ?? 0);
	const userGroup = s(row?.user_group);
	let allowedLists = ' ';
	if (apiListRestrict > 0 && LIST_RESTRICTED.includes(fn)) {
		const group = state.db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, userGroup));
		if (!group) {
			say(`ERROR: user_group DOES NOT EXIST: |${user}|${userGroup}|\n`);
			return;
		}
		const camps = allowedCampaigns(state, userGroup);
		const ids = state.db
			.t('vicidial_lists')
			.filter((r) => camps === null || camps.some((x) => ciEq(r.campaign_id, x)))
			.map((r) => Number(r.list_id))
			.sort((a, b) => a - b);
		allowedLists = ` ${ids.map((id) => `${id} `).join('')}`;
	}

	// script-wide pre-processing the functions rely on
	const phone = p.get('phone_number');
	let hopperPriority = p.get('hopper_priority');
	if (hopperPriority.length < 1) hopperPriority = '0';
	if (cmpStrNum(hopperPriority, -99) < 0) hopperPriority = '-99';
	if (cmpStrNum(hopperPriority, 99) > 0) hopperPriority = '99';
	const addToHopper = /^Y$/.test(p.get('remove_from_hopper')) ? 'N' : p.get('add_to_hopper');
	const archived = p.get('archived_lead') === 'Y';

	const ctx: NaContext = {
		state,
		out,
		p,
		fn,
		user,
		pass,
		source,
		ip,
		apiAllowedFunctions: s(row?.api_allowed_functions),
		apiListRestrict,
		userGroup,
		allowedLists,
		leadTable: state.db.t(archived ? 'vicidial_list_archive' : 'vicidial_list'),
		hopperPriority,
		addToHopper,
		usArea: phone.slice(0, 3),
		usPrefix: phone.slice(3, 6),
		dbServerGmt,
		serverGmt,
		log,
		say,
	};
	const handler = Object.prototype.hasOwnProperty.call(NON_AGENT_FUNCTIONS, fn)
		? NON_AGENT_FUNCTIONS[fn]
		: undefined;
	if (handler) {
		handler(ctx);
		return;
	}
	say('ERROR: NO FUNCTION SPECIFIED\n');
	if (format === 'debug') out.echo('\n<!-- script runtime: 0 seconds -->\n</body>\n</html>\n');
}
