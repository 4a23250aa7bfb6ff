/** Simulator handlers of the realtime functions, and the input filters of the variables they read. */
import { ALNUM, AZ, type Filter } from '../../params';
import type { NaHandler } from '../context';
import { agentIngroupInfo } from './agentIngroupInfo';
import { agentStatus } from './agentStatus';
import { blindMonitor } from './blindMonitor';
import { inGroupStatus, userGroupStatus } from './groupStatus';
import { loggedInAgents } from './loggedInAgents';
import { serverRefresh } from './serverRefresh';
import {
	callmenuList,
	containerList,
	ingroupList,
	mohList,
	soundsList,
	vmList,
} from './systemLists';

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

/** Filters of the variables only this group reads (shared ones are in ../filters.ts, each variable once). */
export const filters: Readonly<Record<string, Filter>> = {
	show_sub_status: AZ,
	include_ip: ALNUM,
};
