/**
 * Conformance scenarios: recording_lookup and the report functions (did_log_export, phone_number_log,
 * agent_stats_export, call_status_stats, call_dispo_report). Seed facts: recording 1 (lead 13, 1001,
 * call 1735722013.1, with a file) and 2 (lead 12, 1003, still running); today's outbound calls of
 * leads 11-14, inbound calls of 15 and 11 through DID 3125550100 into TESTIN; agent log rows of 1001
 * and 1003. The seed's activity is today, within the last 30 minutes, never before 00:00.
 */
import type { Scenario } from '../corpus';
import { NO_RIGHTS, VERSION_ONLY, na, note, get } from '../builders';

// The real server is UTC, and its "today" is the day the scenario runs.
const today = () => new Date().toISOString().slice(0, 10);
const TODAY = today();
const DAY = `${TODAY} 00:00:00`;
const NIGHT = `${TODAY} 23:59:59`;

export const scenarios: Scenario[] = [
	{
		name: 'recording_lookup: by lead, call, agent and day, extension; length, header, delimiters',
		steps: [
			na('recording_lookup', { lead_id: '13', stage: 'pipe' }),
			na('recording_lookup', { lead_id: '13', duration: 'Y', stage: 'pipe' }),
			na('recording_lookup', { lead_id: '12', duration: 'Y', stage: 'pipe' }),
			note(
				na('recording_lookup', { uniqueid: '1735722013.1', stage: 'pipe' }),
				'an outbound call id',
			),
			note(
				na('recording_lookup', { uniqueid: '1735722013.9' }),
				'only the part before the dot counts',
			),
			na('recording_lookup', { agent_user: '1003', date: TODAY, duration: 'Y', stage: 'pipe' }),
			na('recording_lookup', { extension: '8309', date: TODAY }),
			na('recording_lookup', { agent_user: '1001', extension: '8309' }),
			na('recording_lookup', { date: TODAY, lead_id: '13', agent_user: '1001', duration: 'YES' }),
			na('recording_lookup', { lead_id: '13', header: 'YES', duration: 'Y' }),
			na('recording_lookup', { lead_id: '13', stage: 'csv', duration: 'Y' }),
			na('recording_lookup', { lead_id: '13', stage: 'tab' }),
			get(na('recording_lookup', { lead_id: '13' })),
		],
	},
	{
		name: 'recording_lookup: nothing found, too few search values, permissions, login',
		steps: [
			na('recording_lookup', { lead_id: '99' }),
			na('recording_lookup', { lead_id: '13', date: '2020-01-01' }),
			note(
				na('recording_lookup', { uniqueid: '1735722115.1' }),
				'an inbound call without a recording',
			),
			note(
				na('recording_lookup', { uniqueid: '9999999999.1' }),
				'a call id in no log does not count as a search value',
			),
			na('recording_lookup', { agent_user: '1003' }),
			note(
				na('recording_lookup', { agent_user: '10', date: TODAY }),
				'agent ids under 3 characters are ignored',
			),
			na('recording_lookup', { date: TODAY }),
			na('recording_lookup', {}),
			na('recording_lookup', { lead_id: '13' }, NO_RIGHTS),
			na('recording_lookup', { lead_id: '13' }, VERSION_ONLY),
			na('recording_lookup', { lead_id: '13' }, '6666', 'wrong'),
			na('recording_lookup', { lead_id: '13' }, '6666', '1234', 'x'),
		],
	},
	{
		name: 'did_log_export: one day of a DID, header, nothing found, errors',
		steps: [
			na('did_log_export', { phone_number: '3125550100', date: TODAY, stage: 'pipe' }),
			na('did_log_export', { phone_number: '3125550100', date: TODAY, header: 'YES' }),
			na('did_log_export', { phone_number: '3125550100', date: TODAY, stage: 'csv' }),
			na('did_log_export', { phone_number: '3125550100', date: '2020-01-01', stage: 'pipe' }),
			na('did_log_export', { phone_number: '3125550101', date: TODAY }),
			na('did_log_export', { phone_number: '3125550100' }),
			na('did_log_export', { date: TODAY }),
			na('did_log_export', { phone_number: '3125550100', date: TODAY }, NO_RIGHTS),
			na('did_log_export', { phone_number: '3125550100', date: TODAY }, VERSION_ONLY),
			na('did_log_export', { phone_number: '3125550100', date: TODAY }, '6666', 'wrong'),
			na('did_log_export', { phone_number: '3125550100', date: TODAY }, '6666', '1234', ''),
		],
	},
	{
		name: 'phone_number_log: outbound, inbound, both, last only, several numbers, nothing found, errors',
		steps: [
			na('phone_number_log', { phone_number: '3125550113', stage: 'pipe' }),
			na('phone_number_log', { phone_number: '3125550113,3125550115', type: 'ALL', stage: 'pipe' }),
			na('phone_number_log', { phone_number: '3125550111', type: 'ALL', header: 'YES' }),
			na('phone_number_log', { phone_number: '3125550111', type: 'IN', stage: 'pipe' }),
			na('phone_number_log', {
				phone_number: '3125550111',
				type: 'ALL',
				detail: 'LAST',
				stage: 'pipe',
			}),
			na('phone_number_log', {
				phone_number: '3125550112',
				type: 'OUT',
				detail: 'ALL',
				stage: 'pipe',
			}),
			na('phone_number_log', { phone_number: '3125550114', type: 'BOGUS', stage: 'tab' }),
			note(
				na('phone_number_log', { phone_number: '3125550115' }),
				'inbound only: outbound finds nothing',
			),
			na('phone_number_log', { phone_number: '3125550999' }),
			na('phone_number_log', { phone_number: '12,3125550113' }),
			na('phone_number_log', { phone_number: '123' }),
			na('phone_number_log', {}),
			na('phone_number_log', { phone_number: '3125550113' }, NO_RIGHTS),
			na('phone_number_log', { phone_number: '3125550113' }, VERSION_ONLY),
			na('phone_number_log', { phone_number: '3125550113' }, '6666', 'wrong'),
		],
	},
	{
		name: 'agent_stats_export: per agent, per campaign, time formats, filters, errors',
		steps: [
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				stage: 'pipe',
				time_format: 'S',
			}),
			na('agent_stats_export', { datetime_start: DAY, datetime_end: NIGHT }),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				time_format: 'M',
				header: 'YES',
			}),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				group_by_campaign: 'YES',
				stage: 'pipe',
				time_format: 'S',
			}),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				group_by_campaign: 'YES',
				header: 'YES',
				time_format: 'H',
			}),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				agent_user: '1003',
				stage: 'pipe',
				time_format: 'S',
			}),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				campaign_id: 'TESTCAMP',
				stage: 'csv',
				time_format: 'S',
			}),
			na('agent_stats_export', {
				datetime_start: DAY.replace(' ', '+'),
				datetime_end: NIGHT.replace(' ', '+'),
				time_format: 'X',
			}),
			na('agent_stats_export', {
				datetime_start: '2020-01-01 00:00:00',
				datetime_end: '2020-01-01 23:59:59',
				stage: 'pipe',
				time_format: 'S',
			}),
			na('agent_stats_export', { datetime_start: DAY, datetime_end: NIGHT, agent_user: '1002' }),
			na('agent_stats_export', {
				datetime_start: DAY,
				datetime_end: NIGHT,
				campaign_id: 'TESTCAMP',
				agent_user: '1001',
				group_by_campaign: 'YES',
				time_format: 'M',
			}),
			na('agent_stats_export', { agent_user: '1001' }),
			na('agent_stats_export', { datetime_start: TODAY, datetime_end: NIGHT }),
			na('agent_stats_export', { datetime_start: DAY, datetime_end: NIGHT }, NO_RIGHTS),
			na('agent_stats_export', { datetime_start: DAY, datetime_end: NIGHT }, VERSION_ONLY),
			na('agent_stats_export', { datetime_start: DAY, datetime_end: NIGHT }, '6666', 'wrong'),
		],
	},
	{
		name: 'call_status_stats: campaigns, in-groups, all campaigns, statuses, windows, errors',
		steps: [
			na('call_status_stats', { campaigns: 'TESTCAMP' }),
			na('call_status_stats', {
				campaigns: 'TESTCAMP',
				ingroups: 'TESTIN',
				query_date: TODAY,
				end_date: TODAY,
			}),
			na('call_status_stats', { campaigns: 'ALLCAMPAIGNS' }),
			na('call_status_stats', { campaigns: 'TESTCAMP-NOSUCH', ingroups: 'TESTIN-OTHER' }),
			na('call_status_stats', { campaigns: 'TESTCAMP', statuses: 'SALE-NI' }),
			na('call_status_stats', { campaigns: 'X---ALL---', ingroups: 'TESTIN' }),
			na('call_status_stats', { campaigns: 'TESTCAMP', ingroups: 'testin-TESTIN' }),
			na('call_status_stats', {
				campaigns: 'TESTCAMP',
				query_date: TODAY,
				query_time: '00:00:00',
				end_date: TODAY,
				end_time: '00:00:01',
			}),
			na('call_status_stats', { campaigns: 'TESTCAMP', query_date: '2020-01-01' }),
			note(na('call_status_stats', { campaigns: 'testcamp' }), 'a campaign named in other case'),
			na('call_status_stats', { campaigns: 'T' }),
			na('call_status_stats', {}),
			na('call_status_stats', { campaigns: 'TESTCAMP' }, NO_RIGHTS),
			na('call_status_stats', { campaigns: 'TESTCAMP' }, VERSION_ONLY),
			na('call_status_stats', { campaigns: 'TESTCAMP' }, '6666', 'wrong'),
		],
	},
	{
		name: 'call_dispo_report: campaigns, in-groups, DIDs, breakdown, percentages, filters, errors',
		steps: [
			na('call_dispo_report', { campaigns: 'TESTCAMP' }),
			na('call_dispo_report', { campaigns: 'TESTCAMP', status_breakdown: 'Y' }),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				ingroups: 'TESTIN',
				status_breakdown: '1',
				show_percentages: '1',
			}),
			na('call_dispo_report', {
				campaigns: 'ALLCAMPAIGNS',
				ingroups: 'ALLGROUPS',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', {
				did_patterns: '3125550100',
				status_breakdown: 'Y',
				show_percentages: 'Y',
			}),
			na('call_dispo_report', { did_ids: 'ALLDIDS', status_breakdown: 'Y' }),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				did_patterns: '3125550100',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', { campaigns: 'TESTCAMP', show_percentages: 'Y' }),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				statuses: 'SALE-NI',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', { campaigns: 'TESTCAMP', users: '1001-1003', status_breakdown: 'Y' }),
			na('call_dispo_report', {
				campaigns: 'ALLCAMPAIGNS',
				user_groups: 'AGENTS',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				query_date: '2020-01-01',
				end_date: '2020-01-02',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', {
				ingroups: 'TESTIN',
				query_date: TODAY,
				query_time: '00:00:00',
				end_date: TODAY,
				end_time: '23:59:59',
			}),
			na('call_dispo_report', { campaigns: 'TESTCAMP', categories: 'QC', status_breakdown: 'Y' }),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				categories: 'UNDEFINED',
				statuses: 'APPT',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				statuses: 'ALLSTATUSES',
				users: 'ALLUSERS',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', {
				campaigns: 'TESTCAMP',
				user_groups: 'ADMIN',
				status_breakdown: 'Y',
			}),
			na('call_dispo_report', { did_ids: '2', ingroups: 'TESTIN', status_breakdown: 'Y' }),
			na('call_dispo_report', { did_ids: '1', status_breakdown: 'Y' }),
			na('call_dispo_report', { campaigns: 'NOSUCH---ALL---', file_download: '0' }),
			na('call_dispo_report', {}),
			na('call_dispo_report', { campaigns: 'TESTCAMP' }, NO_RIGHTS),
			na('call_dispo_report', { campaigns: 'TESTCAMP' }, VERSION_ONLY),
			na('call_dispo_report', { campaigns: 'TESTCAMP' }, '6666', 'wrong'),
		],
	},
];
