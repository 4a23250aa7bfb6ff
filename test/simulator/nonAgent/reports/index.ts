/** Simulator handlers of the reports functions, and the input filters of the variables they read. */
import { ALNUM, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { agentStatsExport } from './agentStatsExport';
import { callDispoReport, callStatusStats } from './callStats';
import { didLogExport } from './didLogExport';
import { phoneNumberLog } from './phoneNumberLog';
import { recordingLookup } from './recordingLookup';

export const handlers: Readonly<Record<string, NaHandler>> = {
	recording_lookup: recordingLookup,
	did_log_export: didLogExport,
	phone_number_log: phoneNumberLog,
	agent_stats_export: agentStatsExport,
	call_status_stats: callStatusStats,
	call_dispo_report: callDispoReport,
};

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	uniqueid: keep('\\- ._0-9a-zA-Z'),
	duration: WORD,
	datetime_start: keep('\\- +:_0-9'),
	datetime_end: keep('\\- +:_0-9'),
	group_by_campaign: ALNUM,
	ingroups: WORD,
	statuses: keep('\\- .,_0-9a-zA-Z'),
	categories: keep('\\-,_0-9a-zA-Z'),
	users: keep('\\-,_0-9a-zA-Z'),
	did_ids: keep(',+0-9a-zA-Z'),
	did_patterns: keep(',:+*#._0-9a-zA-Z'),
	query_date: keep('\\-0-9'),
	query_time: keep(':0-9'),
	end_date: keep('\\-0-9'),
	end_time: keep(':0-9'),
	status_breakdown: keep('1Y'),
	show_percentages: keep('1Y'),
};
