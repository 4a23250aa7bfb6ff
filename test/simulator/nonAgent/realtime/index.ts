/** Simulator handlers of the realtime functions, and the input filters of the variables they read. */
import { ALNUM, AZ, WORD, keep, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { agentIngroupInfo } from './agentIngroupInfo';
import { agentStatus } from './agentStatus';
import { blindMonitor } from './blindMonitor';
import { inGroupStatus, userGroupStatus } from './groupStatus';
import { loggedInAgents } from './loggedInAgents';
import { serverRefresh } from './serverRefresh';
import { callmenuList, containerList, ingroupList, mohList, soundsList, vmList } from './systemLists';

export const handlers: Readonly<Record<string, NaHandler>> = {
	logged_in_agents: loggedInAgents,
	agent_status: agentStatus,
	user_group_status: userGroupStatus,
	in_group_status: inGroupStatus,
	agent_ingroup_info: agentIngroupInfo,
	blind_monitor: blindMonitor,
	server_refresh: serverRefresh,
	sounds_list: soundsList,
	moh_list: mohList,
	vm_list: vmList,
	ingroup_list: ingroupList,
	callmenu_list: callmenuList,
	container_list: containerList,
};

/** Filters for variables not yet in ../filters.ts (the same variable may appear in several groups). */
export const filters: Readonly<Record<string, Filter>> = {
	user_groups: keep('\\-|,_0-9a-zA-Z'),
	in_groups: keep('\\-|,_0-9a-zA-Z'),
	campaigns: keep('\\-,|_0-9a-zA-Z'),
	show_sub_status: AZ,
	time_format: AZ,
	include_ip: ALNUM,
	type: WORD,
	phone_login: WORD,
};
