/**
 * The conformance corpus: requests sent, in the same order, to the genuine
 * VICIdial 2.14 server and to our simulator. Every scenario starts from the
 * seed state (both servers are reset before it) and runs its steps in order.
 *
 * The cases were chosen by reading the server's API code for each function
 * and listing every distinct answer it can print for the seed data set
 * (see ../../../shared/vicidial-real/README.md for the seed). The expected
 * answers are NOT written here: the genuine server is the oracle, and
 * `recorded/real-answers.json` holds a masked copy of what it said.
 *
 * Conventions:
 * - `params` keep their insertion order, and the order is sent as is. It can
 *   matter: the agent API reads a missing `value` from the last POST field.
 * - `method` defaults to POST. For POST, `params` go in the
 *   application/x-www-form-urlencoded body and `query` (optional) in the URL.
 *   For GET, `query` and then `params` go in the URL, and there is no body.
 * - When a parameter is given both in the query string and in the body, the
 *   server takes the query string's value.
 */

import {
	PASS,
	ADMIN,
	VERSION_ONLY,
	NO_RIGHTS,
	LOCKOUT,
	na,
	naRaw,
	ag,
	agRaw,
	note,
	get,
	times,
	addLead,
	leadSearch,
	listInfo,
	pause,
	DNC,
	CAMP_DNC,
	type Params,
} from './builders';
import { scenarios as leadWriteScenarios } from './scenarios/leadWrite';
import { scenarios as leadInfoScenarios } from './scenarios/leadInfo';
import { scenarios as listCampaignScenarios } from './scenarios/listCampaign';
import { scenarios as userPhoneScenarios } from './scenarios/userPhone';
import { scenarios as didDncHopperScenarios } from './scenarios/didDncHopper';
import { scenarios as reportsScenarios } from './scenarios/reports';
import { scenarios as realtimeScenarios } from './scenarios/realtime';
import { scenarios as agentSessionScenarios } from './scenarios/agentSession';
import { scenarios as agentCallScenarios } from './scenarios/agentCall';
import { scenarios as triggerScenarios } from './scenarios/trigger';
import { scenarios as callEventScenarios } from './scenarios/callEvent';

export type Endpoint = 'nonAgent' | 'agent';

export interface Step {
	endpoint: Endpoint;
	method?: 'POST' | 'GET';
	params: Record<string, string>;
	/** URL query-string parameters sent along with a POST body (or before `params` for GET). */
	query?: Record<string, string>;
	/** Free text shown in reports: why this step is here. */
	note?: string;
}

export interface Scenario {
	name: string;
	steps: Step[];
}

export const ENDPOINT_PATHS: Record<Endpoint, string> = {
	nonAgent: '/vicidial/non_agent_api.php',
	agent: '/agc/api.php',
};

// ---------------------------------------------------------------------------
// Non-agent API: version, teapot, unknown function
// ---------------------------------------------------------------------------

const nonAgentBasics: Scenario[] = [
	{
		name: 'non-agent version: POST, GET and extra parameters',
		steps: [
			naRaw({ function: 'version' }),
			get(naRaw({ function: 'version' })),
			note(naRaw({ function: 'version', user: ADMIN, pass: 'wrong' }), 'version needs no login'),
			naRaw({ function: 'version', user: NO_RIGHTS, pass: PASS, source: 'test' }),
			naRaw({ function: 'version', user: VERSION_ONLY, pass: PASS }),
			note(naRaw({ function: 'version', DB: '1' }), 'DB is ignored when allow_web_debug is off'),
			naRaw({ function: 'version', format: 'debug' }),
			note(naRaw({ function: 'version!' }), 'function is stripped to [-_0-9a-zA-Z]'),
		],
	},
	{
		name: 'non-agent coffee functions answer HTTP 418',
		steps: [
			naRaw({ function: 'coffee' }),
			naRaw({ function: 'start_coffee' }),
			naRaw({ function: 'make_coffee' }),
			get(naRaw({ function: 'brew_coffee' })),
			na('coffee', {}, ADMIN, 'wrong'),
		],
	},
	{
		name: 'non-agent unknown or missing function',
		steps: [
			na('bogus'),
			na('ADD_LEAD'),
			note(na('add lead'), 'space is stripped: "addlead"'),
			na(''),
			naRaw({ user: ADMIN, pass: PASS, source: 'test' }),
			na('bogus', { format: 'debug' }),
			na('bogus', { format: 'xml' }),
			na('bogus', {}, VERSION_ONLY),
			na('bogus', {}, NO_RIGHTS),
			note(na('add_lead!'), 'sanitized to add_lead, which then runs'),
			note(na('bogus', {}, '1001'), 'login is checked before the function'),
			naRaw({}),
			get(naRaw({})),
			note(naRaw({ FUNCTION: 'version' }), 'parameter names are case-sensitive'),
			naRaw({ Function: 'list_info', user: ADMIN, pass: PASS, source: 'test', list_id: '101' }),
		],
	},
];

// ---------------------------------------------------------------------------
// Non-agent API: login errors, lockout
// ---------------------------------------------------------------------------

const nonAgentLogin: Scenario[] = [
	{
		name: 'non-agent login errors: wrong password, unknown, empty, agent users',
		steps: [
			addLead({ phone_number: '3125550160', list_id: '101' }, ADMIN, 'wrong'),
			leadSearch({ phone_number: '3125550113' }, ADMIN, 'wrong'),
			listInfo({ list_id: '101' }, ADMIN, '12345'),
			na('bogus', {}, ADMIN, 'wrong'),
			listInfo({ list_id: '101' }, '9999', PASS),
			listInfo({ list_id: '101' }, '', PASS),
			listInfo({ list_id: '101' }, ADMIN, ''),
			naRaw({ function: 'list_info', source: 'test', list_id: '101' }),
			note(
				listInfo({ list_id: '101' }, '1001', PASS),
				'agents (level 1) cannot use the non-agent API',
			),
			listInfo({ list_id: '101' }, '1002', PASS),
			addLead({ phone_number: '3125550160' }, '1003', PASS),
			note(listInfo({ list_id: '101' }, 'VDAD', PASS), 'inactive system user'),
			note(listInfo({ list_id: '101' }), 'after 5 failures the right password still works'),
		],
	},
	{
		name: 'non-agent login: credentials are sanitized before the check',
		steps: [
			note(listInfo({ list_id: '101' }, "66'66", PASS), 'quote stripped: user 6666'),
			note(listInfo({ list_id: '101' }, ADMIN, '12.34'), 'dot stripped: pass 1234'),
			listInfo({ list_id: '101' }, ' 6666 ', ' 1234 '),
			listInfo({ list_id: '101' }, ADMIN, 'wr ong'),
			listInfo({ list_id: '101' }, 'ab<c>', 'x"y'),
		],
	},
	{
		name: 'non-agent lockout: 10 failures lock user 6699, even the right password',
		steps: [
			...times(10, () => listInfo({ list_id: '101' }, LOCKOUT, 'wrong')),
			note(listInfo({ list_id: '101' }, LOCKOUT, PASS), '11th attempt, right password: locked'),
			addLead({ phone_number: '3125550160', list_id: '101' }, LOCKOUT, PASS),
			note(naRaw({ function: 'version', user: LOCKOUT, pass: PASS }), 'version needs no login'),
			listInfo({ list_id: '101' }, LOCKOUT, 'wrong'),
			note(listInfo({ list_id: '101' }), 'other users are not affected'),
			note(
				pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, PASS),
				'the lock also applies to the agent API',
			),
		],
	},
	{
		name: 'non-agent lockout: 9 failures, then a good login resets the counter',
		steps: [
			...times(9, () => leadSearch({ phone_number: '3125550113' }, LOCKOUT, 'wrong')),
			leadSearch({ phone_number: '3125550113' }, LOCKOUT, PASS),
			...times(9, () => leadSearch({ phone_number: '3125550113' }, LOCKOUT, 'bad')),
			leadSearch({ phone_number: '3125550113' }, LOCKOUT, PASS),
		],
	},
	{
		name: 'non-agent lockout: failures on the agent API count too',
		steps: [
			...times(10, () => pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, 'wrong')),
			listInfo({ list_id: '101' }, LOCKOUT, PASS),
			leadSearch({ phone_number: '3125550113' }, LOCKOUT, 'wrong'),
		],
	},
	{
		name: 'non-agent lockout: unknown users are never locked',
		steps: [
			...times(11, () => listInfo({ list_id: '101' }, '7777', 'wrong')),
			listInfo({ list_id: '101' }, '7777', PASS),
		],
	},
];

// ---------------------------------------------------------------------------
// Non-agent API: source check and permissions
// ---------------------------------------------------------------------------

function permissionSteps(user: string): Step[] {
	return [
		addLead({ phone_number: '3125550160', list_id: '101' }, user),
		leadSearch({ phone_number: '3125550113' }, user),
		listInfo({ list_id: '101' }, user),
		listInfo({ list_id: '101', leads_counts: 'Y', header: 'YES' }, user),
		note(
			addLead({ phone_number: '3125550160', list_id: '101' }, user, PASS, ''),
			'the source check comes first',
		),
		leadSearch({ phone_number: '3125550113' }, user, PASS, 'x'),
		na('bogus', {}, user),
		naRaw({ function: 'version', user, pass: PASS, source: 'test' }),
		pause({ agent_user: '1001', value: 'PAUSE' }, user),
		ag('version', {}, user),
		ag('bogus', {}, user),
	];
}

const nonAgentPermissions: Scenario[] = [
	{ name: 'permissions: user 6667 may only call version', steps: permissionSteps(VERSION_ONLY) },
	{ name: 'permissions: user 6668 has no function rights', steps: permissionSteps(NO_RIGHTS) },
	{
		name: 'non-agent source parameter checks',
		steps: [
			addLead({ phone_number: '3125550160', list_id: '101' }, ADMIN, PASS, ''),
			naRaw({ function: 'add_lead', user: ADMIN, pass: PASS, phone_number: '3125550160' }),
			addLead({ phone_number: '3125550160', list_id: '101' }, ADMIN, PASS, 'x'),
			note(
				addLead({ phone_number: '3125550160', list_id: '101' }, ADMIN, PASS, '!x!'),
				'sanitized to "x"',
			),
			leadSearch({ phone_number: '3125550113' }, ADMIN, PASS, ''),
			leadSearch({ phone_number: '3125550113' }, ADMIN, PASS, 'z'),
			listInfo({ list_id: '101' }, ADMIN, PASS, ''),
			listInfo({ list_id: '101' }, ADMIN, PASS, '-'),
			note(listInfo({ list_id: '101' }, ADMIN, PASS, 'ab'), 'two characters are enough'),
			addLead({ phone_number: '3125550160', list_id: '101' }, ADMIN, PASS, 'a b'),
		],
	},
];

// ---------------------------------------------------------------------------
// add_lead
// ---------------------------------------------------------------------------

const fullLead: Params = {
	phone_number: '3125550140',
	phone_code: '1',
	list_id: '101',
	vendor_lead_code: 'VEND-140',
	source_id: 'WEBFORM',
	title: 'Dr',
	first_name: 'Ann+Marie',
	middle_initial: 'Q',
	last_name: "O'Neil",
	address1: '100 N Main St',
	address2: 'Suite 5',
	address3: 'Bldg C',
	city: 'Chicago',
	state: 'IL',
	province: 'Cook',
	postal_code: '60601',
	country_code: 'USA',
	gender: 'F',
	date_of_birth: '1980-02-29',
	alt_phone: '3125550240',
	email: 'ann.oneil@example.com',
	security_phrase: 'blue sky',
	comments: 'Created by the conformance suite',
	rank: '5',
	owner: 'AGENTS',
	entry_list_id: '102',
	gmt_offset_now: '-6.00',
};

const addLeadScenarios: Scenario[] = [
	{
		name: 'add_lead: success with many fields, a second add, then lead_search and list_info see them',
		steps: [
			addLead(fullLead),
			leadSearch({ phone_number: '3125550140' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VEND-140' }),
			listInfo({ list_id: '101', leads_counts: 'Y', dialable_count: 'Y', header: 'YES' }),
			note(
				addLead({ phone_number: '3125550140', list_id: '101', first_name: 'Second' }),
				'no duplicate check by default',
			),
			leadSearch({ phone_number: '3125550140', header: 'YES' }),
			addLead({ phone_number: '3125550141', list_id: '102', vendor_lead_code: 'VEND-140' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VEND-140' }),
			listInfo({ list_id: '102', leads_counts: 'Y', dialable_count: 'Y' }),
		],
	},
	{
		name: 'add_lead: minimal requests and list_id defaults',
		steps: [
			addLead({ phone_number: '3125550142' }),
			note(
				addLead({ phone_number: '3125550143', list_id: '10' }),
				'shorter than 3 digits: list 999',
			),
			note(addLead({ phone_number: '3125550144', list_id: 'abc' }), 'not numeric: list 999'),
			note(
				addLead({ phone_number: '3125550145', list_id: '101abc' }),
				'letters stripped: list 101',
			),
			addLead({ phone_number: '3125550146', list_id: '102' }),
			note(
				addLead({ phone_number: '3125550147', list_id: '555' }),
				'a list that does not exist is accepted',
			),
			addLead({ phone_number: '3125550148', list_id: '12345678901234' }),
			addLead({ phone_number: '3125550149', list_id: '101', phone_code: 'x44' }),
			listInfo({ list_id: '999', leads_counts: 'Y' }),
			listInfo({ list_id: '555', leads_counts: 'Y' }),
			leadSearch({
				phone_number:
					'3125550142,3125550143,3125550144,3125550145,3125550146,3125550147,3125550148',
			}),
		],
	},
	{
		name: 'add_lead: phone number validation and cleanup',
		steps: [
			addLead({ phone_number: '31255', list_id: '101' }),
			note(addLead({ phone_number: '312555', list_id: '101' }), '6 digits is the minimum'),
			note(
				addLead({ phone_number: '3125550101234567', list_id: '101' }),
				'16 digits is the maximum',
			),
			addLead({ phone_number: '31255501012345678', list_id: '101' }),
			addLead({ phone_number: '', list_id: '101' }),
			naRaw({ function: 'add_lead', user: ADMIN, pass: PASS, source: 'test', list_id: '101' }),
			note(addLead({ phone_number: '312abc5550150', list_id: '101' }), 'letters are stripped'),
			addLead({ phone_number: '(312) 555-0151', list_id: '101' }),
			addLead({ phone_number: '+1 312.555.0152', list_id: '101' }),
			note(
				addLead({ phone_number: '3125550101,3125550102', list_id: '101' }),
				'commas are kept and counted',
			),
			addLead({ phone_number: '31255,50153', list_id: '101' }),
			addLead({ phone_number: 'abcdef', list_id: '101' }),
			leadSearch({ phone_number: '3125550150,3125550151,13125550152' }),
		],
	},
	{
		name: 'add_lead: USA/Canada and NANPA phone checks',
		steps: [
			note(
				addLead({ phone_number: '3120550154', list_id: '101', usacan_prefix_check: 'Y' }),
				'prefix starts with 0',
			),
			addLead({ phone_number: '3121550154', list_id: '101', usacan_prefix_check: 'Y' }),
			addLead({ phone_number: '3125550154', list_id: '101', usacan_prefix_check: 'Y' }),
			note(
				addLead({ phone_number: '3125550155', list_id: '101', usacan_areacode_check: 'Y' }),
				'no area codes loaded',
			),
			addLead({ phone_number: '3125550155', list_id: '101', usacan_prefix_check: 'y' }),
			note(
				addLead({ phone_number: '3125550156', list_id: '101', nanpa_ac_prefix_check: 'Y' }),
				'NANPA data not loaded',
			),
			addLead({ phone_number: '3125550157', list_id: '101', tz_method: 'NANPA' }),
			addLead({
				phone_number: '3125550158',
				list_id: '101',
				nanpa_ac_prefix_check: 'Y',
				usacan_areacode_check: 'Y',
			}),
			addLead({
				phone_number: '3120550159',
				list_id: '101',
				usacan_prefix_check: 'Y',
				usacan_areacode_check: 'Y',
			}),
		],
	},
	{
		name: 'add_lead: time-zone lookups',
		steps: [
			addLead({
				phone_number: '3125550161',
				list_id: '101',
				postal_code: '60601',
				tz_method: 'POSTAL',
			}),
			addLead({ phone_number: '3125550162', list_id: '101', owner: 'EST', tz_method: 'TZCODE' }),
			addLead({ phone_number: '3125550163', list_id: '101', owner: 'PST', tz_method: 'TZCODE' }),
			addLead({ phone_number: '3125550164', list_id: '101', phone_code: '44' }),
			addLead({ phone_number: '3125550165', list_id: '101', lookup_state: 'Y' }),
			addLead({ phone_number: '3125550166', list_id: '101', state: 'CA', tz_method: 'AREACODE' }),
		],
	},
	{
		name: 'add_lead: system DNC check',
		steps: [
			addLead({ phone_number: DNC, list_id: '101', dnc_check: 'Y' }),
			addLead({ phone_number: DNC, list_id: '101', dnc_check: 'AREACODE' }),
			addLead({ phone_number: '3125550167', list_id: '101', dnc_check: 'Y' }),
			addLead({ phone_number: '3125550168', list_id: '101', dnc_check: 'AREACODE' }),
			note(
				addLead({ phone_number: DNC, list_id: '101', dnc_check: 'y' }),
				'lower case is stripped: no check',
			),
			addLead({ phone_number: DNC, list_id: '102', dnc_check: 'N' }),
			note(
				addLead({ phone_number: CAMP_DNC, list_id: '101', dnc_check: 'Y' }),
				'campaign DNC is not the system DNC',
			),
			addLead({
				phone_number: DNC,
				list_id: '101',
				dnc_check: 'Y',
				campaign_dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
		],
	},
	{
		name: 'add_lead: campaign DNC check',
		steps: [
			addLead({
				phone_number: CAMP_DNC,
				list_id: '101',
				campaign_dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: CAMP_DNC,
				list_id: '101',
				campaign_dnc_check: 'AREACODE',
				campaign_id: 'TESTCAMP',
			}),
			note(
				addLead({ phone_number: CAMP_DNC, list_id: '101', campaign_dnc_check: 'Y' }),
				'no campaign_id: not found',
			),
			addLead({
				phone_number: CAMP_DNC,
				list_id: '101',
				campaign_dnc_check: 'Y',
				campaign_id: 'OTHER',
			}),
			addLead({
				phone_number: DNC,
				list_id: '101',
				campaign_dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: CAMP_DNC,
				list_id: '101',
				campaign_dnc_check: 'Y',
				dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: '3125550169',
				list_id: '101',
				campaign_dnc_check: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: CAMP_DNC,
				list_id: '101',
				campaign_dnc_check: 'YES',
				campaign_id: 'TESTCAMP',
			}),
		],
	},
	{
		name: 'add_lead: duplicate_check DUPLIST / DUPCAMP / DUPSYS',
		steps: [
			addLead({ phone_number: '3125550113', list_id: '101', duplicate_check: 'DUPLIST' }),
			note(
				addLead({ phone_number: '3125550113', list_id: '102', duplicate_check: 'DUPLIST' }),
				'other list: no duplicate',
			),
			addLead({ phone_number: '3125550113', list_id: '102', duplicate_check: 'DUPLIST' }),
			addLead({ phone_number: '3125550114', list_id: '102', duplicate_check: 'DUPCAMP' }),
			addLead({ phone_number: '3125550114', list_id: '998', duplicate_check: 'DUPCAMP' }),
			addLead({ phone_number: '3125550114', list_id: '102', duplicate_check: 'DUPSYS' }),
			addLead({ phone_number: '7275551212', list_id: '999', duplicate_check: 'DUPSYS' }),
			addLead({ phone_number: '3125550170', list_id: '101', duplicate_check: 'DUPSYS' }),
			note(
				addLead({ phone_number: '3125550170', list_id: '102', duplicate_check: 'DUPCAMP' }),
				'finds the lead just added',
			),
			addLead({ phone_number: '3125550111', list_id: '101', duplicate_check: 'duplist' }),
			note(
				addLead({ phone_number: '3125550112', list_id: '101', duplicate_check: 'NODUP' }),
				'unknown value: no check',
			),
			note(
				addLead({ phone_number: '3125550112', list_id: '101', duplicate_check: 'DUPLIST-DUPSYS' }),
				'several checks',
			),
		],
	},
	{
		name: 'add_lead: duplicate_check DUPCAMP for a list outside any campaign (SQL error)',
		steps: [
			addLead({ phone_number: '3125550113', list_id: '555', duplicate_check: 'DUPCAMP' }),
			note(
				addLead({ phone_number: '3125550171', list_id: '101' }),
				'the failed request used no lead id',
			),
		],
	},
	{
		name: 'add_lead: duplicate_check DUPPHONEALT*',
		steps: [
			note(
				addLead({ phone_number: '3125550211', list_id: '101', duplicate_check: 'DUPPHONEALTLIST' }),
				'matches alt_phone',
			),
			addLead({ phone_number: '3125550111', list_id: '101', duplicate_check: 'DUPPHONEALTLIST' }),
			addLead({ phone_number: '3125550211', list_id: '102', duplicate_check: 'DUPPHONEALTCAMP' }),
			addLead({ phone_number: '3125550115', list_id: '102', duplicate_check: 'DUPPHONEALTCAMP' }),
			addLead({ phone_number: '3125550211', list_id: '102', duplicate_check: 'DUPPHONEALTSYS' }),
			addLead({ phone_number: '3125550112', list_id: '102', duplicate_check: 'DUPPHONEALTSYS' }),
			note(
				addLead({ phone_number: '3125550211', list_id: '102', duplicate_check: 'DUPPHONEALTLIST' }),
				'other list',
			),
			addLead({ phone_number: '3125550172', list_id: '101', alt_phone: '3125550272' }),
			addLead({ phone_number: '3125550272', list_id: '101', duplicate_check: 'DUPPHONEALTLIST' }),
		],
	},
	{
		name: 'add_lead: duplicate_check DUPTITLEALTPHONE*',
		steps: [
			addLead({
				phone_number: '3125550173',
				list_id: '101',
				duplicate_check: 'DUPTITLEALTPHONELIST',
				title: 'Mr',
				alt_phone: '3125550211',
			}),
			note(
				addLead({
					phone_number: '3125550173',
					list_id: '101',
					duplicate_check: 'DUPTITLEALTPHONELIST',
					title: 'Ms',
				}),
				'empty alt_phone matches',
			),
			addLead({
				phone_number: '3125550173',
				list_id: '102',
				duplicate_check: 'DUPTITLEALTPHONECAMP',
				title: 'Mr',
				alt_phone: '3125550211',
			}),
			addLead({
				phone_number: '3125550173',
				list_id: '102',
				duplicate_check: 'DUPTITLEALTPHONESYS',
				title: 'Mr',
				alt_phone: '3125550211',
			}),
			addLead({
				phone_number: '3125550173',
				list_id: '101',
				duplicate_check: 'DUPTITLEALTPHONELIST',
				title: 'Mrs',
				alt_phone: '3125550211',
			}),
			addLead({
				phone_number: '3125550174',
				list_id: '101',
				duplicate_check: 'DUPTITLEALTPHONESYS',
			}),
			addLead({
				phone_number: '3125550175',
				list_id: '101',
				duplicate_check: 'DUPTITLEALTPHONESYS',
			}),
		],
	},
	{
		name: 'add_lead: duplicate_check DUPNAMEPHONE*',
		steps: [
			addLead({
				phone_number: '3125550113',
				list_id: '101',
				duplicate_check: 'DUPNAMEPHONELIST',
				first_name: 'Robert',
				last_name: 'Brown',
			}),
			addLead({
				phone_number: '3125550113',
				list_id: '102',
				duplicate_check: 'DUPNAMEPHONECAMP',
				first_name: 'Robert',
				last_name: 'Brown',
			}),
			addLead({
				phone_number: '3125550113',
				list_id: '102',
				duplicate_check: 'DUPNAMEPHONESYS',
				first_name: 'Robert',
				last_name: 'Brown',
			}),
			note(
				addLead({
					phone_number: '3125550113',
					list_id: '101',
					duplicate_check: 'DUPNAMEPHONELIST',
					first_name: 'Bob',
					last_name: 'Brown',
				}),
				'other first name',
			),
			addLead({
				phone_number: '7275551212',
				list_id: '101',
				duplicate_check: 'DUPNAMEPHONELIST',
				first_name: 'Matt',
				last_name: 'lead03',
			}),
			addLead({
				phone_number: '3125550176',
				list_id: '101',
				first_name: 'Jo+Ann',
				last_name: 'Smith',
			}),
			note(
				addLead({
					phone_number: '3125550176',
					list_id: '101',
					duplicate_check: 'DUPNAMEPHONELIST',
					first_name: 'Jo Ann',
					last_name: 'Smith',
				}),
				'"+" became a space',
			),
		],
	},
	{
		name: 'add_lead: duplicate_check with day windows',
		steps: [
			note(
				addLead({ phone_number: '3125550111', list_id: '101', duplicate_check: 'DUPLIST7DAY' }),
				'seed leads are exactly 7 days old',
			),
			addLead({ phone_number: '3125550112', list_id: '101', duplicate_check: 'DUPLIST8DAY' }),
			addLead({ phone_number: '3125550113', list_id: '101', duplicate_check: 'DUPSYS14DAY' }),
			addLead({ phone_number: '3125550114', list_id: '102', duplicate_check: 'DUPCAMP1DAY' }),
			addLead({ phone_number: '3125550115', list_id: '102', duplicate_check: 'DUPSYS21DAY' }),
			addLead({
				phone_number: '3125550211',
				list_id: '101',
				duplicate_check: 'DUPPHONEALTLIST30DAY',
			}),
			addLead({ phone_number: '3125550177', list_id: '101' }),
			addLead({ phone_number: '3125550177', list_id: '101', duplicate_check: 'DUPLIST1DAY' }),
			addLead({ phone_number: '3125550177', list_id: '102', duplicate_check: 'DUPSYS360DAY' }),
			addLead({ phone_number: '7275551212', list_id: '101', duplicate_check: 'DUPLIST90DAY' }),
		],
	},
	{
		name: 'add_lead: add_to_hopper',
		steps: [
			addLead({ phone_number: '3125550178', list_id: '101', add_to_hopper: 'Y' }),
			addLead({
				phone_number: '3125550179',
				list_id: '101',
				add_to_hopper: 'Y',
				hopper_priority: '50',
			}),
			addLead({
				phone_number: '3125550180',
				list_id: '102',
				add_to_hopper: 'Y',
				hopper_local_call_time_check: 'Y',
			}),
			addLead({
				phone_number: '3125550181',
				list_id: '999',
				add_to_hopper: 'Y',
				hopper_priority: '150',
			}),
			note(
				addLead({ phone_number: '3125550182', list_id: '555', add_to_hopper: 'Y' }),
				'list outside any campaign',
			),
			addLead({
				phone_number: '3125550183',
				list_id: '101',
				add_to_hopper: 'Y',
				remove_from_hopper: 'Y',
			}),
			note(
				addLead({ phone_number: '3125550184', list_id: '101', add_to_hopper: 'y' }),
				'lower case is stripped',
			),
			addLead({ phone_number: '3125550185', list_id: '101', add_to_hopper: 'N' }),
			addLead({
				phone_number: '3125550186',
				list_id: '101',
				add_to_hopper: 'Y',
				hopper_local_call_time_check: 'Y',
				state: 'IL',
			}),
		],
	},
	{
		name: 'add_lead: scheduled callbacks',
		steps: [
			addLead({
				phone_number: '3125550187',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: 'NOW',
			}),
			addLead({
				phone_number: '3125550188',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '2DAYS',
				callback_type: 'USERONLY',
				callback_user: '1001',
				callback_status: 'TCALLB',
				callback_comments: 'call+back please',
			}),
			addLead({
				phone_number: '3125550189',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '2031-01-02 10:30:00',
			}),
			addLead({
				phone_number: '3125550190',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: '3125550191',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_type: 'USERONLY',
				callback_user: '9999',
			}),
			addLead({
				phone_number: '3125550192',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_type: 'ANYONE',
				callback_user: '1001',
			}),
			note(
				addLead({ phone_number: '3125550193', list_id: '101', callback: 'Y' }),
				'no campaign_id',
			),
			addLead({
				phone_number: '3125550194',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'NOPE',
				callback_datetime: 'NOW',
			}),
			note(
				addLead({
					phone_number: '3125550195',
					list_id: '101',
					callback: 'y',
					campaign_id: 'TESTCAMP',
				}),
				'lower case is stripped',
			),
			addLead({
				phone_number: '3125550196',
				list_id: '101',
				callback: 'N',
				campaign_id: 'TESTCAMP',
			}),
			addLead({
				phone_number: '3125550197',
				list_id: '101',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '10DAYS',
				callback_status: 'APPT',
			}),
			note(
				listInfo({ list_id: '101', leads_counts: 'Y', dialable_count: 'Y' }),
				'callback leads are CBHOLD, not NEW',
			),
		],
	},
	{
		name: 'add_lead: custom_fields and multi_alt_phones notices',
		steps: [
			addLead({ phone_number: '3125550120', list_id: '101', custom_fields: 'Y' }),
			addLead({ phone_number: '3125550121', list_id: '101', custom_fields: 'N' }),
			addLead({ phone_number: '3125550122', list_id: '101', custom_fields: 'y' }),
			addLead({
				phone_number: '3125550123',
				list_id: '102',
				custom_fields: 'Y',
				my_field: 'value',
			}),
			addLead({
				phone_number: '3125550124',
				list_id: '101',
				multi_alt_phones: '3125550001_1_home!3125550002_1_work',
			}),
			addLead({ phone_number: '3125550125', list_id: '101', multi_alt_phones: '3125550003' }),
			note(
				addLead({ phone_number: '3125550126', list_id: '101', multi_alt_phones: '12345' }),
				'5 characters or fewer: ignored',
			),
			addLead({
				phone_number: '3125550127',
				list_id: '101',
				multi_alt_phones: '3125550004_44_cell+phone!3125550005!3125550006__',
			}),
			addLead({
				phone_number: '3125550128',
				list_id: '101',
				multi_alt_phones: '3125550007_1_x',
				custom_fields: 'Y',
				add_to_hopper: 'Y',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: '2031-05-06 07:08:09',
				nanpa_ac_prefix_check: 'Y',
			}),
		],
	},
	{
		name: 'add_lead: list_exists_check',
		steps: [
			addLead({ phone_number: '3125550129', list_id: '555', list_exists_check: 'Y' }),
			addLead({ phone_number: '3125550129', list_id: '101', list_exists_check: 'Y' }),
			addLead({ phone_number: '3125550130', list_id: '102', list_exists_check: 'Y' }),
			note(
				addLead({ phone_number: '3125550131', list_id: '555', list_exists_check: 'y' }),
				'matched without case',
			),
			addLead({ phone_number: '3125550132', list_id: '555', list_exists_check: 'N' }),
			note(
				addLead({ phone_number: '3125550133', list_exists_check: 'Y' }),
				'checked before list 999 is chosen',
			),
			addLead({ phone_number: '3125550134', list_id: 'abc', list_exists_check: 'Y' }),
			addLead({ phone_number: '3125550135', list_id: '999', list_exists_check: 'YES' }),
			addLead({
				phone_number: '3125550136',
				list_id: '555',
				list_exists_check: 'Y',
				dnc_check: 'Y',
			}),
		],
	},
	{
		name: 'add_lead: values that break the SQL statement (HTTP 500)',
		steps: [
			addLead({ phone_number: '3125550137', list_id: '101', comments: 'ends with a backslash\\' }),
			addLead({ phone_number: '3125550137', list_id: '101', vendor_lead_code: 'V\\' }),
			note(
				addLead({ phone_number: '3125550137', list_id: '101', comments: 'quote " and; hash #' }),
				'these are stripped',
			),
			addLead({ phone_number: '3125550138', list_id: '101', source_id: 'S"R;C#' }),
		],
	},
];

// ---------------------------------------------------------------------------
// lead_search
// ---------------------------------------------------------------------------

const leadSearchScenarios: Scenario[] = [
	{
		name: 'lead_search: by phone number',
		steps: [
			leadSearch({ phone_number: '3125550113' }),
			leadSearch({ phone_number: '7275551212' }),
			leadSearch({ phone_number: '3125550113', search_method: 'PHONE_NUMBER' }),
			leadSearch({ phone_number: '7275551212,3125550113,3125550000' }),
			note(
				leadSearch({ phone_number: '312,3125550113,1234567890123456789' }),
				'too short / too long entries are dropped',
			),
			leadSearch({ phone_number: '(312) 555-0114' }),
			leadSearch({ phone_number: '3125550000' }),
			leadSearch({ phone_number: '3125550000,3125550001' }),
			note(leadSearch({ phone_number: '3125550211' }), 'alt_phone is not searched'),
			leadSearch({ phone_number: '3125550199' }),
			leadSearch({ phone_number: ',3125550111,,3125550112,' }),
			note(
				leadSearch({ phone_number: '3125550113', search_method: 'PHONE' }),
				'short method: default',
			),
		],
	},
	{
		name: 'lead_search: records and header options',
		steps: [
			leadSearch({ phone_number: '7275551212', records: '3' }),
			leadSearch({ phone_number: '7275551212', records: '1' }),
			leadSearch({ phone_number: '7275551212', records: '0' }),
			leadSearch({ phone_number: '7275551212', records: 'abc' }),
			leadSearch({ phone_number: '7275551212,3125550113', records: '2' }),
			leadSearch({ phone_number: '3125550113', header: 'YES' }),
			leadSearch({ phone_number: '3125550113,3125550000', header: 'YES' }),
			leadSearch({ phone_number: '3125550113', header: 'yes' }),
			leadSearch({ phone_number: '3125550000', header: 'YES' }),
		],
	},
	{
		name: 'lead_search: by vendor_lead_code and combined methods',
		steps: [
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VLC12' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VLC12,VLC14,NOPE' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VLC12,,VLC13,' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'NOPE' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'vlc12' }),
			note(leadSearch({ vendor_lead_code: 'VLC12' }), 'default method is PHONE_NUMBER'),
			leadSearch({
				search_method: 'VENDOR_LEAD_CODE_PHONE_NUMBER',
				vendor_lead_code: 'NOPE',
				phone_number: '3125550114',
			}),
			note(
				leadSearch({
					search_method: 'VENDOR_LEAD_CODE_PHONE_NUMBER',
					vendor_lead_code: 'VLC11',
					phone_number: '3125550114',
				}),
				'first match wins',
			),
			leadSearch({
				search_method: 'PHONE_NUMBER_VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC11',
				phone_number: '3125550000',
			}),
			leadSearch({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC11',
				header: 'YES',
				records: '1',
			}),
		],
	},
	{
		name: 'lead_search: by lead_id',
		steps: [
			leadSearch({ search_method: 'LEAD_ID', lead_id: '13', lead_ids: '13' }),
			leadSearch({ search_method: 'LEAD_ID', lead_id: '13', lead_ids: '13,14', header: 'YES' }),
			leadSearch({ search_method: 'LEAD_ID', lead_id: '99', lead_ids: '99' }),
			leadSearch({ search_method: 'LEAD_ID', lead_ids: '13' }),
			leadSearch({
				search_method: 'LEAD_ID_PHONE_NUMBER',
				lead_id: '13',
				lead_ids: '13',
				phone_number: '3125550114',
			}),
			leadSearch({
				search_method: 'LEAD_ID_PHONE_NUMBER',
				lead_id: '99',
				lead_ids: '99',
				phone_number: '3125550114',
			}),
			note(leadSearch({ search_method: 'LEAD_ID', lead_id: '13' }), 'lead_ids missing: SQL error'),
		],
	},
	{
		name: 'lead_search: search_location and list_id',
		steps: [
			leadSearch({ phone_number: '3125550113', list_id: '101', search_location: 'LIST' }),
			leadSearch({ phone_number: '3125550113', list_id: '102', search_location: 'LIST' }),
			leadSearch({ phone_number: '3125550113', list_id: '102', search_location: 'CAMPAIGN' }),
			leadSearch({ phone_number: '3125550113', list_id: '555', search_location: 'CAMPAIGN' }),
			leadSearch({ phone_number: '3125550113', list_id: '555', search_location: 'LIST' }),
			leadSearch({ phone_number: '3125550113', list_id: '102', search_location: 'SYSTEM' }),
			note(
				leadSearch({ phone_number: '3125550113', list_id: '98', search_location: 'LIST' }),
				'list below 99: system-wide',
			),
			leadSearch({ phone_number: '3125550113', list_id: '102', search_location: 'list' }),
			leadSearch({ phone_number: '3125550113', list_id: '102' }),
			leadSearch({ phone_number: '3125550113', list_id: 'abc', search_location: 'LIST' }),
			leadSearch({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC13',
				list_id: '102',
				search_location: 'LIST',
			}),
		],
	},
	{
		name: 'lead_search: archived leads and no valid search method',
		steps: [
			leadSearch({ phone_number: '3125550113', archived_lead: 'Y' }),
			leadSearch({ phone_number: '3125550113', archived_lead: 'N' }),
			leadSearch({ phone_number: '3125550113', archived_lead: 'y' }),
			leadSearch({
				search_method: 'VENDOR_LEAD_CODE',
				vendor_lead_code: 'VLC11',
				archived_lead: 'Y',
				header: 'YES',
			}),
			leadSearch({}),
			leadSearch({ phone_number: '31255' }),
			leadSearch({ phone_number: 'abcdefgh' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE' }),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', phone_number: '3125550113' }),
			leadSearch({
				search_method: 'LEAD_ID',
				phone_number: '3125550113',
				vendor_lead_code: 'VLC13',
			}),
			leadSearch({
				search_method: 'NOTHING',
				lead_id: '13',
				vendor_lead_code: 'VLC13',
				phone_number: '3125550113',
			}),
		],
	},
];

// ---------------------------------------------------------------------------
// list_info
// ---------------------------------------------------------------------------

const listInfoScenarios: Scenario[] = [
	{
		name: 'list_info: the seeded lists',
		steps: [
			listInfo({ list_id: '101' }),
			listInfo({ list_id: '102' }),
			listInfo({ list_id: '998' }),
			listInfo({ list_id: '999' }),
			listInfo({ list_id: '101', leads_counts: 'Y' }),
			listInfo({ list_id: '102', leads_counts: 'Y' }),
			listInfo({ list_id: '101', dialable_count: 'Y' }),
			listInfo({ list_id: '102', dialable_count: 'Y' }),
			listInfo({ list_id: '999', leads_counts: 'Y', dialable_count: 'Y' }),
		],
	},
	{
		name: 'list_info: header, stage (delimiter) and archived options',
		steps: [
			listInfo({ list_id: '101', header: 'YES' }),
			listInfo({ list_id: '101', header: 'YES', leads_counts: 'Y' }),
			listInfo({ list_id: '101', header: 'YES', dialable_count: 'Y' }),
			listInfo({ list_id: '101', header: 'YES', leads_counts: 'Y', dialable_count: 'Y' }),
			listInfo({ list_id: '101', header: 'yes', leads_counts: 'Y' }),
			listInfo({
				list_id: '101',
				stage: 'csv',
				header: 'YES',
				leads_counts: 'Y',
				dialable_count: 'Y',
			}),
			listInfo({
				list_id: '102',
				stage: 'tab',
				header: 'YES',
				leads_counts: 'Y',
				dialable_count: 'Y',
			}),
			listInfo({ list_id: '101', stage: 'pipe', header: 'YES' }),
			listInfo({ list_id: '101', stage: 'xml', header: 'YES' }),
			listInfo({ list_id: '101', stage: 'CSV', leads_counts: 'Y' }),
			listInfo({ list_id: '101', leads_counts: 'y', dialable_count: 'N' }),
			listInfo({ list_id: '101', leads_counts: 'Y', archived_lead: 'Y' }),
			listInfo({
				list_id: '101',
				leads_counts: 'Y',
				dialable_count: 'Y',
				archived_lead: 'Y',
				header: 'YES',
			}),
		],
	},
	{
		name: 'list_info: errors',
		steps: [
			listInfo({ list_id: '555' }),
			listInfo({ list_id: 'abc' }),
			listInfo({ list_id: 'TEST-LIST_1' }),
			listInfo({ list_id: '1' }),
			listInfo({}),
			listInfo({ list_id: '' }),
			listInfo({ list_id: '123456789012345' }),
			listInfo({ list_id: '12345678901234' }),
			note(listInfo({ list_id: '1!0!1' }), 'sanitized to 101'),
			listInfo({ list_id: '10', header: 'YES' }),
		],
	},
	{
		name: 'list_info: counts follow add_lead',
		steps: [
			addLead({ phone_number: '3125550101', list_id: '101' }),
			listInfo({ list_id: '101', leads_counts: 'Y', dialable_count: 'Y' }),
			addLead({ phone_number: '3125550102', list_id: '102' }),
			addLead({
				phone_number: '3125550103',
				list_id: '102',
				callback: 'Y',
				campaign_id: 'TESTCAMP',
				callback_datetime: 'NOW',
			}),
			listInfo({ list_id: '102', leads_counts: 'Y', dialable_count: 'Y', header: 'YES' }),
			addLead({ phone_number: '3125550104', list_id: '555' }),
			listInfo({ list_id: '555', leads_counts: 'Y' }),
			addLead({ phone_number: '3125550105' }),
			listInfo({ list_id: '999', leads_counts: 'Y', dialable_count: 'Y' }),
		],
	},
];

// ---------------------------------------------------------------------------
// Agent API
// ---------------------------------------------------------------------------

const agentScenarios: Scenario[] = [
	{
		name: 'agent version and coffee',
		steps: [
			agRaw({ function: 'version' }),
			get(agRaw({ function: 'version' })),
			agRaw({ function: 'version', user: ADMIN, pass: 'wrong' }),
			agRaw({ function: 'version', user: NO_RIGHTS, pass: PASS, source: 'test' }),
			agRaw({ function: 'version', format: 'debug' }),
			agRaw({ function: 'coffee' }),
			get(agRaw({ function: 'start_coffee' })),
			agRaw({ function: 'make_coffee', user: ADMIN }),
			agRaw({ function: 'brew_coffee' }),
		],
	},
	{
		name: 'agent login errors',
		steps: [
			pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, 'wrong'),
			pause({ agent_user: '1001', value: 'PAUSE' }, '9999', PASS),
			note(pause({ agent_user: '1001', value: 'PAUSE' }, '6', PASS), 'user shorter than 2'),
			note(pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, '1'), 'pass shorter than 2'),
			pause({ agent_user: '1001', value: 'PAUSE' }, '', ''),
			agRaw({ function: 'external_pause', source: 'test', agent_user: '1001', value: 'PAUSE' }),
			pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, PASS, ''),
			pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, PASS, 'x'),
			note(
				pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, 'wrong', ''),
				'source is checked before the login',
			),
			note(pause({ agent_user: '1001', value: 'PAUSE' }, NO_RIGHTS, PASS), 'no agent API access'),
			note(pause({ agent_user: '1001', value: 'PAUSE' }, 'VDAD', PASS), 'inactive user'),
			note(
				pause({ agent_user: '1001', value: 'PAUSE' }, ADMIN, '12.34'),
				'dot is allowed in agent API passwords',
			),
			pause({ agent_user: '1001', value: 'PAUSE' }, "66'66", PASS),
			ag('bogus', {}, ADMIN, 'wrong'),
		],
	},
	{
		name: 'agent permission error and unknown function',
		steps: [
			pause({ agent_user: '1001', value: 'PAUSE' }, VERSION_ONLY),
			pause({ agent_user: '1001', value: 'RESUME' }, VERSION_ONLY),
			note(
				pause({ agent_user: '1001', value: 'STOP' }, VERSION_ONLY),
				'value is checked before the permission',
			),
			ag('bogus'),
			ag('EXTERNAL_PAUSE', { agent_user: '1001', value: 'PAUSE' }),
			ag(''),
			agRaw({ user: ADMIN, pass: PASS, source: 'test' }),
			ag('bogus', {}, VERSION_ONLY),
			ag('bogus', { close_window_link: '1' }),
			agRaw({}),
			get(agRaw({ function: 'bogus' })),
		],
	},
	{
		name: 'external_pause: agent 1001 (paused)',
		steps: [
			pause({ agent_user: '1001', value: 'PAUSE' }),
			note(pause({ agent_user: '1001', value: 'RESUME' }), 'agent is PAUSED: allowed'),
			pause({ agent_user: '1001', value: 'PAUSE' }),
			pause({ agent_user: '1001', value: 'RESUME' }),
			note(
				pause({ agent_user: '1001', value: 'PAUSE' }, '1001', PASS),
				'an agent may call it for itself',
			),
			pause({ agent_user: '1001', value: 'RESUME' }, '1002', PASS),
		],
	},
	{
		name: 'external_pause: agent 1002 (logged out) and unknown agents',
		steps: [
			pause({ agent_user: '1002', value: 'PAUSE' }),
			pause({ agent_user: '1002', value: 'RESUME' }),
			pause({ agent_user: '9999', value: 'PAUSE' }),
			pause({ agent_user: 'VDAD', value: 'PAUSE' }),
			note(pause({ agent_user: '10 02', value: 'PAUSE' }), 'space stripped: 1002'),
		],
	},
	{
		name: 'external_pause: agent 1003 (in a call)',
		steps: [
			note(pause({ agent_user: '1003', value: 'RESUME' }), 'INCALL is not paused'),
			pause({ agent_user: '1003', value: 'PAUSE' }),
			note(pause({ agent_user: '1003', value: 'RESUME' }), 'nothing consumes the pause request'),
			pause({ agent_user: '1003', value: 'XRESUMEX' }),
		],
	},
	{
		name: 'external_pause: invalid values',
		steps: [
			pause({ agent_user: '1001', value: 'STOP' }),
			pause({ agent_user: '1001', value: 'pause' }),
			pause({ agent_user: '1001', value: 'Resume' }),
			pause({ agent_user: '1001', value: '' }),
			note(pause({ agent_user: '1001' }), 'value taken from the last POST field'),
			note(
				agRaw({
					function: 'external_pause',
					user: ADMIN,
					pass: PASS,
					agent_user: '1001',
					source: 'PAUSE',
				}),
				'value missing, last POST field is source=PAUSE',
			),
			note(get(pause({ agent_user: '1001' })), 'GET: no POST fields, value empty'),
			pause({ value: 'PAUSE' }),
			pause({ agent_user: '', value: 'PAUSE' }),
			note(pause({ agent_user: '1001', value: 'XPAUSEX' }), 'substring match is enough'),
			note(pause({ agent_user: '1001', value: 'PAUSE!' }), 'sanitized to PAUSE'),
			pause({ agent_user: '1001', value: 'RESUME|NOW' }),
			pause({ agent_user: '1001', value: 'PAUSE RESUME' }),
		],
	},
	{
		name: 'external_pause: alt_user lookup',
		steps: [
			pause({ alt_user: '1002', value: 'PAUSE' }),
			pause({ alt_user: '1001', value: 'PAUSE' }),
			pause({ alt_user: '1003', value: 'RESUME' }),
			note(pause({ alt_user: '9999', value: 'PAUSE' }), 'two lines'),
			pause({ alt_user: '9999', agent_user: '1001', value: 'PAUSE' }),
			note(pause({ alt_user: '1001', agent_user: '1002', value: 'PAUSE' }), 'alt_user wins'),
			note(
				pause({ alt_user: '1', agent_user: '1001', value: 'PAUSE' }),
				'alt_user shorter than 2 is ignored',
			),
			pause({ alt_user: '1', value: 'PAUSE' }),
		],
	},
	{
		name: 'external_pause: close_window_link and debug output',
		steps: [
			pause({ agent_user: '1001', value: 'PAUSE', close_window_link: '1' }),
			pause({ agent_user: '1002', value: 'PAUSE', close_window_link: '1' }),
			pause({ agent_user: '1003', value: 'RESUME', close_window_link: '1' }),
			pause({ agent_user: '1001', value: 'STOP', close_window_link: '1' }),
			pause({ agent_user: '1001', value: 'PAUSE', format: 'debug' }),
			pause({ agent_user: '1002', value: 'PAUSE', format: 'debug' }),
			ag('bogus', { format: 'debug' }),
		],
	},
	{
		name: 'agent lockout: agent API logins never reset the failure counter',
		steps: [
			...times(9, () => pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, 'wrong')),
			pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, PASS),
			pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, 'wrong'),
			note(pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, PASS), 'now locked'),
			pause({ agent_user: '1001', value: 'PAUSE' }, LOCKOUT, 'wrong'),
			listInfo({ list_id: '101' }, LOCKOUT, PASS),
			agRaw({ function: 'version', user: LOCKOUT, pass: PASS }),
		],
	},
];

// ---------------------------------------------------------------------------
// GET requests, and query string + POST body mixes
// ---------------------------------------------------------------------------

const transportScenarios: Scenario[] = [
	{
		name: 'GET requests',
		steps: [
			get(listInfo({ list_id: '101', leads_counts: 'Y', header: 'YES' })),
			get(leadSearch({ phone_number: '3125550113' })),
			get(
				addLead({
					phone_number: '3125550106',
					list_id: '101',
					first_name: 'Get+Request',
					add_to_hopper: 'Y',
				}),
			),
			leadSearch({ phone_number: '3125550106' }),
			get(addLead({ phone_number: DNC, list_id: '101', dnc_check: 'Y' })),
			get(listInfo({ list_id: '101' }, ADMIN, 'wrong')),
			get(pause({ agent_user: '1001', value: 'PAUSE' })),
			get(pause({ agent_user: '1002', value: 'PAUSE' })),
			get(pause({ agent_user: '1001', value: 'PAUSE' }, VERSION_ONLY)),
		],
	},
	{
		name: 'query string + POST body: the query string wins',
		steps: [
			note(
				naRaw(
					{
						function: 'add_lead',
						user: ADMIN,
						pass: PASS,
						source: 'test',
						phone_number: '3125550107',
					},
					{ query: { function: 'version' } },
				),
				'function from the query',
			),
			naRaw(
				{ function: 'list_info', source: 'test', list_id: '101' },
				{ query: { user: ADMIN, pass: PASS } },
			),
			note(
				naRaw(
					{ function: 'list_info', user: ADMIN, pass: PASS, source: 'test', list_id: '101' },
					{ query: { pass: 'wrong' } },
				),
				'query pass wins',
			),
			naRaw(
				{ function: 'list_info', user: ADMIN, pass: PASS, source: 'test', list_id: '101' },
				{ query: { source: 'x' } },
			),
			naRaw(
				{ function: 'list_info', user: ADMIN, pass: PASS, source: 'test', list_id: '101' },
				{ query: { list_id: '102', header: 'YES' } },
			),
			naRaw(
				{
					function: 'add_lead',
					user: ADMIN,
					pass: PASS,
					source: 'test',
					phone_number: '3125550108',
					list_id: '555',
				},
				{ query: { list_id: '102' } },
			),
			naRaw(
				{
					function: 'lead_search',
					user: ADMIN,
					pass: PASS,
					source: 'test',
					phone_number: '3125550111',
				},
				{ query: { phone_number: '3125550108' } },
			),
			naRaw({ user: ADMIN, pass: PASS }, { query: { function: 'bogus', source: 'test' } }),
			agRaw(
				{
					function: 'external_pause',
					user: ADMIN,
					pass: PASS,
					source: 'test',
					agent_user: '1001',
					value: 'PAUSE',
				},
				{ query: { agent_user: '1002' } },
			),
			agRaw(
				{
					function: 'external_pause',
					user: ADMIN,
					pass: PASS,
					source: 'test',
					agent_user: '1003',
					value: 'PAUSE',
				},
				{ query: { value: 'RESUME' } },
			),
			note(
				agRaw(
					{
						function: 'external_pause',
						user: ADMIN,
						pass: PASS,
						source: 'test',
						agent_user: '1001',
					},
					{ query: { value: 'PAUSE' } },
				),
				'value only in the query',
			),
			agRaw(
				{ function: 'bogus', user: ADMIN, pass: PASS, source: 'test' },
				{ query: { function: 'version' } },
			),
			note(
				get(
					naRaw(
						{ list_id: '101', leads_counts: 'Y' },
						{ query: { function: 'list_info', user: ADMIN, pass: PASS, source: 'test' } },
					),
				),
				'GET with both parts in the URL',
			),
		],
	},
];

// ---------------------------------------------------------------------------
// Database semantics that show through the answers: numeric comparison of
// list ids, column widths, case/accent/trailing-blank insensitive equality
// ---------------------------------------------------------------------------

const databaseScenarios: Scenario[] = [
	{
		name: 'database: list ids are compared as numbers',
		steps: [
			listInfo({ list_id: '0101', leads_counts: 'Y' }),
			note(
				listInfo({ list_id: '101abc', leads_counts: 'Y', dialable_count: 'Y', header: 'YES' }),
				'the text is echoed, the number matches',
			),
			listInfo({ list_id: '0000000102' }),
			listInfo({ list_id: '1e2' }),
			listInfo({ list_id: '999x' }),
			addLead({ phone_number: '3125550113', list_id: '0101', duplicate_check: 'DUPLIST' }),
			addLead({ phone_number: '3125550109', list_id: '0101' }),
			listInfo({ list_id: '101', leads_counts: 'Y' }),
			leadSearch({ phone_number: '3125550109', list_id: '0101', search_location: 'LIST' }),
			leadSearch({ phone_number: '3125550109', list_id: '00101', search_location: 'CAMPAIGN' }),
		],
	},
	{
		name: 'database: stored values are cut to the column width',
		steps: [
			addLead({
				phone_number: '3125550110',
				list_id: '101',
				vendor_lead_code: 'ABCDEFGHIJKLMNOPQRSTUVWXY',
			}),
			note(
				leadSearch({
					search_method: 'VENDOR_LEAD_CODE',
					vendor_lead_code: 'ABCDEFGHIJKLMNOPQRSTUVWXY',
				}),
				'stored as 20 characters',
			),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'ABCDEFGHIJKLMNOPQRST' }),
			addLead({
				phone_number: '3125550118',
				list_id: '101',
				first_name: 'Abcdefghijabcdefghijabcdefghij12345',
				last_name: 'Long',
			}),
			addLead({
				phone_number: '3125550118',
				list_id: '101',
				duplicate_check: 'DUPNAMEPHONELIST',
				first_name: 'Abcdefghijabcdefghijabcdefghij12345',
				last_name: 'Long',
			}),
			addLead({
				phone_number: '3125550118',
				list_id: '101',
				duplicate_check: 'DUPNAMEPHONELIST',
				first_name: 'Abcdefghijabcdefghijabcdefghij',
				last_name: 'Long',
			}),
			addLead({
				phone_number: '3125550119',
				list_id: '101',
				title: 'Doctor',
				alt_phone: '3125559999',
			}),
			addLead({
				phone_number: '3125550119',
				list_id: '101',
				title: 'Doctor',
				alt_phone: '3125559999',
				duplicate_check: 'DUPTITLEALTPHONELIST',
			}),
			addLead({
				phone_number: '3125550119',
				list_id: '101',
				title: 'doct',
				alt_phone: '3125559999',
				duplicate_check: 'DUPTITLEALTPHONELIST',
			}),
			addLead({ phone_number: '3125550116', list_id: '101', alt_phone: '312555999912345' }),
			note(
				addLead({
					phone_number: '312555999912',
					list_id: '101',
					duplicate_check: 'DUPPHONEALTLIST',
				}),
				'alt_phone kept 12 characters',
			),
		],
	},
	{
		name: 'database: equality ignores case, accents and trailing blanks',
		steps: [
			addLead({
				phone_number: '3125550117',
				list_id: '101',
				vendor_lead_code: 'ÉCOLE',
				first_name: 'Zoë',
				last_name: 'Núñez',
			}),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'ÉCOLE' }),
			note(
				leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'ECOLE' }),
				'found by the database, not counted',
			),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'ecole' }),
			note(
				leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VLC12+' }),
				'"+" becomes a trailing blank',
			),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'VLC12+,VLC13' }),
			note(
				addLead({
					phone_number: '3125550117',
					list_id: '101',
					duplicate_check: 'DUPNAMEPHONELIST',
					first_name: 'Zoë',
					last_name: 'Núñez',
				}),
				'non-ASCII letters are stripped',
			),
			addLead({
				phone_number: '3125550113',
				list_id: '101',
				duplicate_check: 'DUPNAMEPHONELIST',
				first_name: 'ROBERT',
				last_name: 'brown',
			}),
			addLead({
				phone_number: '3125550111',
				list_id: '101',
				duplicate_check: 'DUPTITLEALTPHONELIST',
				title: 'MR',
				alt_phone: '3125550211',
			}),
			leadSearch({ search_method: 'VENDOR_LEAD_CODE', vendor_lead_code: 'vlc11,VLC11' }),
		],
	},
];

export const corpus: Scenario[] = [
	...nonAgentBasics,
	...nonAgentLogin,
	...nonAgentPermissions,
	...addLeadScenarios,
	...leadSearchScenarios,
	...listInfoScenarios,
	...databaseScenarios,
	...agentScenarios,
	...transportScenarios,
	...leadWriteScenarios,
	...leadInfoScenarios,
	...listCampaignScenarios,
	...userPhoneScenarios,
	...didDncHopperScenarios,
	...reportsScenarios,
	...realtimeScenarios,
	...agentSessionScenarios,
	...agentCallScenarios,
	...triggerScenarios,
	...callEventScenarios,
];

/** Scenario names must be unique: they name the jest tests and the recorded answers. */
export function checkCorpus(scenarios: Scenario[] = corpus): void {
	const seen = new Set<string>();
	for (const s of scenarios) {
		if (seen.has(s.name)) throw new Error(`duplicate scenario name: ${s.name}`);
		seen.add(s.name);
		if (s.steps.length === 0) throw new Error(`scenario without steps: ${s.name}`);
	}
}
