/** The optional DID settings add_did and update_did check, in the script's order. */
import type { RowInput } from '../../db';
import { ciEq } from '../../mysql';
import type { NaContext } from '../context';

const ROUTES = ['EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST'];

/**
 * The column values of the DID settings that were sent, or null after printing the first
 * refusal. `fn` names the function in the messages (add_did's call-menu check says update_did).
 */
export function didSettings(c: NaContext, fn: string): RowInput | null {
	const { p, state } = c;
	const db = state.db;
	const values: RowInput = {};
	const refuse = (what: string, value: string): null => {
		c.say(`ERROR: ${what}, THIS IS AN OPTIONAL FIELD: |${c.user}|${value}\n`);
		return null;
	};
	const length = (
		name: string,
		column: string,
		min: number,
		max: number,
		what: string,
	): boolean => {
		const v = p.get(name);
		if (v.length === 0) return true;
		if (v.length > max || v.length < min) {
			refuse(`${fn} ${what}`, v);
			return false;
		}
		values[column] = v;
		return true;
	};
	if (
		!length(
			'did_description',
			'did_description',
			6,
			50,
			'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS',
		)
	)
		return null;
	const active = p.get('active');
	if (active.length > 0) {
		if (active !== 'Y' && active !== 'N') return refuse(`${fn} ACTIVE MUST BE Y OR N`, active);
		values.did_active = active;
	}
	const route = p.get('did_route');
	if (route.length > 0) {
		if (!ROUTES.includes(route)) return refuse(`${fn} DID ROUTE IS NOT VALID`, route);
		values.did_route = route;
	}
	const record = p.get('record_call');
	if (record.length > 0) {
		if (record !== 'Y' && record !== 'N' && record !== 'Y_QUEUESTOP')
			return refuse(`${fn} RECORD CALL MUST BE Y OR N`, record);
		values.record_call = record;
	}
	if (!length('extension', 'extension', 0, 50, 'EXTENSION MUST BE FROM 1 TO 50 CHARACTERS'))
		return null;
	if (
		!length(
			'exten_context',
			'exten_context',
			0,
			50,
			'EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS',
		)
	)
		return null;
	if (
		!length(
			'voicemail_ext',
			'voicemail_ext',
			1,
			10,
			'VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS',
		)
	)
		return null;
	if (
		!length('phone_extension', 'phone', 1, 100, 'PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS')
	)
		return null;
	const serverIp = p.get('server_ip');
	if (serverIp.length > 0) {
		if (db.t('servers').count((r) => ciEq(r.server_ip, serverIp)) < 1)
			return refuse(`${fn} SERVER IP MUST BE A VALID SERVER IN THE SYSTEM`, serverIp);
		values.server_ip = serverIp;
	}
	const group = p.get('group');
	if (group.length > 0) {
		if (db.t('vicidial_inbound_groups').count((r) => ciEq(r.group_id, group)) < 1)
			return refuse(`${fn} GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM`, group);
		values.group_id = group;
	}
	const menu = p.get('menu_id');
	if (menu.length > 0) {
		if (db.t('vicidial_call_menu').count((r) => ciEq(r.menu_id, menu)) < 1)
			return refuse('update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM', menu);
		values.menu_id = menu;
	}
	if (
		!length(
			'filter_clean_cid_number',
			'filter_clean_cid_number',
			1,
			20,
			'CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS',
		)
	)
		return null;
	if (
		!length(
			'call_handle_method',
			'call_handle_method',
			3,
			20,
			'CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS',
		)
	)
		return null;
	if (
		!length(
			'agent_search_method',
			'agent_search_method',
			2,
			2,
			'AGENT SEARCH METHOD MUST BE 2 CHARACTERS',
		)
	)
		return null;
	if (!length('list_id', 'list_id', 3, 14, 'LIST ID MUST BE FROM 3 TO 14 DIGITS')) return null;
	if (!length('entry_list_id', 'entry_list_id', 1, 14, 'ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS'))
		return null;
	if (!length('campaign_id', 'campaign_id', 1, 8, 'CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS'))
		return null;
	if (!length('phone_code', 'phone_code', 1, 10, 'PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS'))
		return null;
	return values;
}
