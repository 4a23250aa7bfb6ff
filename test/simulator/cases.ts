/**
 * Request sequences that must get the same bytes from the simulator and from the genuine
 * server (after masking datetimes and epochs). Each sequence starts from the seed state.
 */
import type { RawExchange } from './rawHttp';

export interface Case extends RawExchange {
	name: string;
}
export interface Sequence {
	name: string;
	cases: Case[];
}

const NA = '/vicidial/non_agent_api.php';
const AG = '/agc/api.php';
const A = 'user=6666&pass=1234&source=test';

const na = (name: string, body: string): Case => ({ name, target: NA, body });
const ag = (name: string, body: string): Case => ({ name, target: AG, body });
const addLead = (name: string, extra: string): Case =>
	na(`add_lead ${name}`, `function=add_lead&${A}&${extra}`);
const search = (name: string, extra: string): Case =>
	na(`lead_search ${name}`, `function=lead_search&${A}&${extra}`);
const info = (name: string, extra: string): Case =>
	na(`list_info ${name}`, `function=list_info&${A}&${extra}`);
const pause = (name: string, extra: string): Case =>
	ag(`external_pause ${name}`, `function=external_pause&${A}&${extra}`);

export const SEQUENCES: Sequence[] = [
	{
		name: 'protocol, version, login and permission errors',
		cases: [
			na('version POST', 'function=version'),
			{ name: 'version GET', target: `${NA}?function=version` },
			{ name: 'version HTTP/1.0', target: `${NA}?function=version`, httpVersion: '1.0' },
			{ name: 'version HEAD', target: `${NA}?function=version`, method: 'HEAD' },
			{ name: 'version via PATH_INFO', target: `${NA}/extra/path?function=version` },
			{
				name: 'query wins over POST',
				target: `${NA}?function=version`,
				body: 'function=lead_search',
			},
			{
				name: 'POST without form content type is ignored',
				target: NA,
				body: 'function=version',
				contentType: 'text/plain',
			},
			na('coffee 418', 'function=coffee'),
			na('brew_coffee 418', 'function=brew_coffee&user=x'),
			na('no parameters', ''),
			na('unknown function, no login', 'function=foo'),
			na('unknown function', `function=foo&${A}`),
			na('unknown function format=debug', `function=foo&${A}&format=debug`),
			na('missing function', A),
			na(
				'wrong password',
				'function=lead_search&user=6666&pass=wrong&source=test&phone_number=3125550111',
			),
			na('unknown user', 'function=lead_search&user=nouser&pass=1234&source=test'),
			na('agent user on non-agent API', 'function=lead_search&user=1001&pass=1234&source=test'),
			na(
				'filtered user/pass echoed',
				'function=lead_search&user=66%2766&pass=bad%20pass!&source=test',
			),
			na('6667 only version: version', 'function=version&user=6667&pass=1234'),
			na(
				'6667 only version: add_lead',
				`function=add_lead&user=6667&pass=1234&source=test&phone_number=3125550178&list_id=101`,
			),
			na('6667 only version: unknown function', 'function=foo&user=6667&pass=1234'),
			na(
				'6668 add_lead',
				'function=add_lead&user=6668&pass=1234&source=test&phone_number=3125550178&list_id=101',
			),
			na(
				'6668 lead_search',
				'function=lead_search&user=6668&pass=1234&source=test&phone_number=3125550111',
			),
			na('6668 list_info', 'function=list_info&user=6668&pass=1234&source=test&list_id=101'),
			na(
				'add_lead invalid source',
				'function=add_lead&user=6666&pass=1234&source=x&phone_number=3125550178',
			),
			na(
				'lead_search no source',
				'function=lead_search&user=6666&pass=1234&phone_number=3125550111',
			),
			na('list_info invalid source', 'function=list_info&user=6666&pass=1234&source=a&list_id=101'),
			{ name: '404 other path', target: '/vicidial/other.php' },
			{ name: '404 with query and html', target: '/nope.php?x=<b>&y="q"' },
			{ name: '404 directory', target: '/agc/' },
			{ name: '404 quote HTTP/1.0', target: "/it's%20here", httpVersion: '1.0' },
			{ name: '404 HEAD', target: '/nope', method: 'HEAD' },
			{ name: 'OPTIONS runs the script', target: `${AG}?function=version`, method: 'OPTIONS' },
			{ name: 'PUT body is not read', target: NA, method: 'PUT', body: 'function=version' },
			{
				name: 'multipart form',
				target: NA,
				contentType: 'multipart/form-data; boundary=XyZ',
				body: [
					'function=lead_search',
					'user=6666',
					'pass=1234',
					'source=test',
					'phone_number=3125550111',
				]
					.map((kv) => {
						const [k, v] = kv.split('=');
						return `--XyZ\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
					})
					.join('')
					.concat(
						'--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n',
					),
			},
			na('array user parameter', 'user[]=6666&pass=1234&function=lead_search&source=test'),
			ag('agent version', 'function=version'),
			{ name: 'agent version GET', target: `${AG}?function=version&user=x` },
			ag('agent coffee', 'function=make_coffee'),
			ag('agent no source', 'function=external_pause&user=6666&pass=1234'),
			ag('agent short source', 'function=external_pause&user=6666&pass=1234&source=t'),
			ag('agent no user', 'function=external_pause&source=test'),
			ag(
				'agent wrong password',
				'function=external_pause&source=test&user=6666&pass=wrong&agent_user=1001&value=PAUSE',
			),
			ag(
				'agent user without agent API access',
				'function=external_pause&source=test&user=6668&pass=1234&agent_user=1001&value=PAUSE',
			),
			ag('agent short user', 'function=external_pause&source=test&user=6&pass=1'),
			ag('agent unknown function', `function=foo&${A}`),
			ag('agent unknown function debug', `function=foo&${A}&format=debug`),
			ag('agent as agent user', 'function=foo&source=test&user=1001&pass=1234'),
		],
	},
	{
		name: 'lead_search',
		cases: [
			search('no search value', ''),
			search('phone', 'phone_number=3125550111'),
			search('phone header', 'phone_number=3125550111&header=YES'),
			search('phone list', 'phone_number=3125550111,3125550111,3125550112,3125559999,12345'),
			search('phone not found', 'phone_number=3125559999'),
			search('phone too short', 'phone_number=12345'),
			search('phone all too long (SQL error)', 'phone_number=1234567890123456789'),
			search('records=0', 'phone_number=3125550111&records=0'),
			search('records=1', 'phone_number=3125550111,3125550112&records=1'),
			search('archived', 'phone_number=3125550111&archived_lead=Y'),
			search('LEAD_ID without lead_ids (SQL error)', 'search_method=LEAD_ID&lead_id=11'),
			search('LEAD_ID with lead_ids', 'search_method=LEAD_ID&lead_id=11&lead_ids=11,12'),
			search('LEAD_ID empty', 'search_method=LEAD_ID'),
			search(
				'LEAD_ID not found falls to phone',
				'search_method=LEAD_ID_PHONE_NUMBER&lead_id=1&lead_ids=99&phone_number=3125550113',
			),
			search('vendor codes', 'search_method=VENDOR_LEAD_CODE&vendor_lead_code=vlc11,VLC12,,x'),
			search(
				'vendor header',
				'search_method=VENDOR_LEAD_CODE_PHONE_NUMBER&vendor_lead_code=VLC14&phone_number=3125550114&header=YES',
			),
			search(
				'vendor only commas (SQL error)',
				'search_method=VENDOR_LEAD_CODE&vendor_lead_code=,,',
			),
			search('list location', 'phone_number=3125550111&search_location=LIST&list_id=102'),
			search('campaign location', 'phone_number=3125550111&search_location=CAMPAIGN&list_id=102'),
			search(
				'list location short list id',
				'phone_number=3125550111&search_location=LIST&list_id=10',
			),
			search('bad method falls back', 'search_method=XY&phone_number=3125550115'),
		],
	},
	{
		name: 'list_info',
		cases: [
			info('missing list', ''),
			info('list 101', 'list_id=101'),
			info('header', 'list_id=101&header=YES'),
			info('counts dialable header', 'list_id=101&leads_counts=Y&dialable_count=Y&header=YES'),
			info('csv', 'list_id=101&leads_counts=Y&dialable_count=Y&stage=csv&header=YES'),
			info('tab inactive list', 'list_id=102&leads_counts=Y&dialable_count=Y&stage=tab'),
			info('install list 999', 'list_id=999&dialable_count=Y&header=YES&stage=pipe'),
			info('numeric prefix list id', 'list_id=101abc&leads_counts=Y'),
			info('non numeric list id', 'list_id=abc'),
			info('too short', 'list_id=1&list_name=x+y&campaign_id=C1'),
			info('too long', 'list_id=123456789012345'),
			info('unknown list', 'list_id=5555&list_name=foo&campaign_id=BAR'),
			info('archived counts', 'list_id=101&archived_lead=Y&leads_counts=Y'),
			info('exponent list id', 'list_id=999e0'),
		],
	},
	{
		name: 'add_lead',
		cases: [
			addLead('basic', 'phone_number=3125550177&list_id=101&first_name=Ann&last_name=Lee'),
			addLead(
				'hopper with call time check',
				'phone_number=3125550178&list_id=101&add_to_hopper=Y&hopper_local_call_time_check=Y&hopper_priority=150',
			),
			addLead(
				'short list id, TZCODE',
				'phone_number=3125550179&list_id=12&tz_method=TZCODE&owner=ab',
			),
			addLead('NANPA notice', 'phone_number=3125550180&list_id=101&tz_method=NANPA'),
			addLead(
				'nanpa_ac_prefix_check',
				'phone_number=3125550190&list_id=101&nanpa_ac_prefix_check=Y',
			),
			addLead(
				'multi alt phones',
				'phone_number=3125550181&list_id=101&multi_alt_phones=7275551212_1_work!7275551313_61_sister+house!123',
			),
			addLead('custom fields disabled', 'phone_number=3125550182&list_id=101&custom_fields=Y'),
			addLead(
				'callback NOW',
				'phone_number=3125550183&list_id=101&callback=Y&campaign_id=TESTCAMP&callback_datetime=NOW',
			),
			addLead(
				'callback USERONLY 3DAYS',
				'phone_number=3125550184&list_id=101&callback=Y&campaign_id=TESTCAMP&callback_datetime=3DAYS&callback_type=USERONLY&callback_user=1001&callback_status=TCALLB&callback_comments=hi+there',
			),
			addLead(
				'callback bad campaign',
				'phone_number=3125550185&list_id=101&callback=Y&campaign_id=NOPE',
			),
			addLead(
				'callback bad user',
				'phone_number=3125550186&list_id=101&callback=Y&campaign_id=TESTCAMP&callback_type=USERONLY&callback_user=9999',
			),
			addLead('unknown list to hopper', 'phone_number=3125550187&list_id=5555&add_to_hopper=Y'),
			addLead('list_exists_check', 'phone_number=3125550188&list_id=5555&list_exists_check=Y'),
			addLead('list_exists_check no list', 'phone_number=3125550188&list_exists_check=y'),
			addLead('system DNC', 'phone_number=3125550199&list_id=101&dnc_check=Y'),
			addLead('system DNC areacode', 'phone_number=3125550199&list_id=101&dnc_check=AREACODE'),
			addLead(
				'campaign DNC',
				'phone_number=3125550198&list_id=101&campaign_dnc_check=Y&campaign_id=TESTCAMP',
			),
			addLead(
				'campaign DNC without campaign',
				'phone_number=3125550198&list_id=101&campaign_dnc_check=Y',
			),
			addLead('6 digit phone', 'phone_number=312555&list_id=101'),
			addLead('5 digit phone', 'phone_number=31255&list_id=101'),
			addLead('17 digit phone', 'phone_number=31255501112345678&list_id=101'),
			addLead('phone filtered', 'phone_number=(312)+555-0191&list_id=101'),
			addLead('usacan prefix check', 'phone_number=3121550191&list_id=101&usacan_prefix_check=Y'),
			addLead(
				'usacan areacode check',
				'phone_number=3125550191&list_id=101&usacan_areacode_check=Y',
			),
			addLead('DUPLIST', 'phone_number=3125550111&list_id=101&duplicate_check=DUPLIST'),
			addLead('DUPCAMP', 'phone_number=3125550111&list_id=102&duplicate_check=DUPCAMP'),
			addLead('DUPSYS', 'phone_number=3125550111&list_id=102&duplicate_check=DUPSYS'),
			addLead(
				'DUPPHONEALTLIST alt hit',
				'phone_number=3125550211&list_id=101&duplicate_check=DUPPHONEALTLIST',
			),
			addLead(
				'DUPPHONEALTCAMP phone hit',
				'phone_number=3125550111&list_id=101&duplicate_check=DUPPHONEALTCAMP',
			),
			addLead(
				'DUPPHONEALTSYS',
				'phone_number=3125550211&list_id=998&duplicate_check=DUPPHONEALTSYS',
			),
			addLead(
				'DUPLIST7DAY passes',
				'phone_number=3125550112&list_id=101&duplicate_check=DUPLIST7DAY',
			),
			addLead(
				'DUPLIST14DAY hits',
				'phone_number=3125550113&list_id=101&duplicate_check=DUPLIST14DAY',
			),
			addLead('DUPSYS360DAY', 'phone_number=3125550114&list_id=101&duplicate_check=DUPSYS360DAY'),
			addLead(
				'DUPNAMEPHONESYS case-insensitive',
				'phone_number=3125550111&list_id=101&duplicate_check=DUPNAMEPHONESYS&first_name=john&last_name=SMITH',
			),
			addLead(
				'DUPNAMEPHONELIST miss',
				'phone_number=3125550115&list_id=101&duplicate_check=DUPNAMEPHONELIST&first_name=Jim&last_name=Wilson',
			),
			addLead(
				'DUPTITLEALTPHONELIST',
				'phone_number=3125550999&list_id=101&duplicate_check=DUPTITLEALTPHONELIST&title=mr&alt_phone=3125550211',
			),
			addLead(
				'DUPTITLEALTPHONECAMP quote (SQL error)',
				"phone_number=3125550999&list_id=101&duplicate_check=DUPTITLEALTPHONECAMP&title=o'b&alt_phone=1",
			),
			addLead(
				'DUPCAMP unknown list (SQL error)',
				'phone_number=3125550999&list_id=7777&duplicate_check=DUPCAMP',
			),
			addLead(
				'DUPCAMP unknown list after notice (SQL error)',
				'phone_number=3125550999&list_id=7777&duplicate_check=DUPCAMP&tz_method=NANPA',
			),
			addLead(
				'fields truncated and filtered',
				'phone_number=3125550998&list_id=101&vendor_lead_code=%F0%9F%98%80abc%C3%A9%22x;y%23z+w&title=Mister&first_name=Jo%C3%A9+Bob&middle_initial=XYZ&gender=Q&date_of_birth=1980-13-45&rank=99999&owner=own&comments=%F0%9F%98%80c&alt_phone=1234567890123456&entry_list_id=5&email=a%25b@x.com&state=Illinois',
			),
			addLead(
				'hopper priority negative',
				'phone_number=3125550997&list_id=101&add_to_hopper=Y&hopper_priority=-300',
			),
			addLead(
				'remove_from_hopper wins',
				'phone_number=3125550996&list_id=101&add_to_hopper=Y&remove_from_hopper=Y',
			),
			addLead(
				'vendor code trailing backslash (SQL error)',
				'phone_number=3125550995&list_id=101&vendor_lead_code=ab%5C',
			),
			addLead(
				'vendor code escapes',
				'phone_number=3125550994&list_id=101&vendor_lead_code=a%5Cnb%27c&comments=x%5C%5Cy',
			),
			search('new leads by phone', 'phone_number=3125550177,3125550178,3125550998'),
			search(
				'new lead vendor code escapes',
				'search_method=VENDOR_LEAD_CODE&vendor_lead_code=a%5Cnb%27c',
			),
			search(
				'filtered vendor code',
				'search_method=VENDOR_LEAD_CODE&vendor_lead_code=????abc%C3%A9xyz+w',
			),
			info('counts after adds', 'list_id=101&leads_counts=Y&dialable_count=Y&header=YES'),
			info('list 999 counts', 'list_id=999&leads_counts=Y&dialable_count=Y'),
			addLead(
				'DUPLIST on added lead',
				'phone_number=3125550177&list_id=101&duplicate_check=DUPLIST',
			),
			addLead(
				'DUPLIST1DAY on added lead',
				'phone_number=3125550177&list_id=101&duplicate_check=DUPLIST1DAY',
			),
			addLead('no phone', 'list_id=101'),
		],
	},
	{
		name: 'add_lead extras and api_log failures',
		cases: [
			addLead(
				'list id with letters',
				'phone_number=3125550301&list_id=1a0b1&gender=F&date_of_birth=1990-2-3',
			),
			addLead(
				'phone code 52 and lookup_state',
				'phone_number=5512345678&list_id=101&phone_code=52&lookup_state=Y',
			),
			addLead('usacan prefix 0', 'phone_number=3120550191&list_id=101&usacan_prefix_check=Y'),
			addLead(
				'two duplicate options',
				'phone_number=3125550113&list_id=102&duplicate_check=DUPLIST-DUPSYS',
			),
			addLead(
				'callback with hopper',
				'phone_number=3125550302&list_id=101&callback=Y&campaign_id=testcamp&add_to_hopper=Y&callback_datetime=2030-01-02+03:04:05',
			),
			addLead(
				'hopper on inactive list 102',
				'phone_number=3125550303&list_id=102&add_to_hopper=Y&hopper_local_call_time_check=Y',
			),
			addLead(
				'add to list 999',
				'phone_number=3125550304&list_id=999&source_id=S%2BX&comments=a+b%2Bc',
			),
			search(
				'campaign scope from 999',
				'phone_number=3125550304,3125550111&search_location=CAMPAIGN&list_id=999',
			),
			search(
				'CBHOLD lead by vendor code',
				'search_method=VENDOR_LEAD_CODE&vendor_lead_code=nothing,VLC11&records=5',
			),
			info('list 999 after add', 'list_id=999&leads_counts=Y&dialable_count=Y&header=YES'),
			info('list 102 after add', 'list_id=102&leads_counts=Y&dialable_count=Y'),
			na('quote in last POST field: version then 500', "function=version&x=a'b"),
			{ name: 'quote only in query: no failure', target: `${NA}?function=version&x=a'b` },
			na('trailing backslash in last POST field', 'function=foo&user=6666&pass=1234&x=ab%5C'),
			na('escaped quote in last POST field is fine', "function=foo&user=6666&pass=1234&x=a%5C'b"),
			na('invalid source then 500', "function=add_lead&user=6666&pass=1234&source=x&x=it's"),
			addLead(
				'success line then 500',
				"phone_number=3125550305&list_id=101&add_to_hopper=Y&first_name=O'Brien",
			),
			search('the lead of the 500 exists', 'phone_number=3125550305'),
			{
				name: 'query and body merged',
				target: `${NA}?function=add_lead&user=6666`,
				body: 'pass=1234&source=test&phone_number=3125550306&list_id=101&user=nobody',
			},
			addLead('phone with commas', 'phone_number=312,555,0307&list_id=101&duplicate_check=DUPSYS'),
			addLead(
				'odd hopper priority',
				'phone_number=3125550308&list_id=998&add_to_hopper=Y&hopper_priority=5-3&hopper_local_call_time_check=Y',
			),
			addLead(
				'TZCODE with hopper time check',
				'phone_number=3125550309&list_id=101&tz_method=TZCODE&owner=EST&add_to_hopper=Y&hopper_local_call_time_check=Y',
			),
			search('leading zero phone', 'phone_number=03125550111'),
			info('tab with header', 'list_id=0101&leads_counts=Y&stage=tab&header=YES'),
			pause('one-character alt_user', 'alt_user=a&value=PAUSE'),
			ag(
				'agent value from last POST field pass',
				'function=external_pause&source=test&agent_user=1001&user=6666&pass=1234',
			),
			{
				name: 'agent HTTP/1.0',
				target: `${AG}?function=external_pause&${A}&agent_user=1001&value=PAUSE`,
				httpVersion: '1.0',
			},
		],
	},
	{
		name: 'login lockout',
		cases: [
			...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) =>
				na(`6699 bad password ${i}`, `function=version2&user=6699&pass=bad${i}`),
			),
			ag('6699 bad password 10 (agent API)', 'function=foo&source=test&user=6699&pass=bad10'),
			na(
				'6699 right password is locked',
				'function=lead_search&source=test&user=6699&pass=1234&phone_number=3125550111',
			),
			ag('6699 agent API locked', 'function=foo&source=test&user=6699&pass=1234'),
			ag('6699 agent API locked, bad password', 'function=foo&source=test&user=6699&pass=bad'),
			na('version needs no login', 'function=version&user=6699&pass=1234'),
			na('6666 one failure', 'function=lead_search&user=6666&pass=nope&source=test'),
			na(
				'6666 success clears',
				'function=lead_search&user=6666&pass=1234&source=test&phone_number=3125550111',
			),
			na(
				'6666 case-insensitive user',
				'function=lead_search&user=6666&pass=1234&source=test&phone_number=3125550112',
			),
			na('vdad inactive', 'function=lead_search&user=vdad&pass=donotedit&source=test'),
		],
	},
	{
		name: 'external_pause',
		cases: [
			pause('no value, value taken from last POST field', ''),
			pause('no agent', 'value=PAUSE'),
			pause('bad value', 'agent_user=1001&value=STOP'),
			pause('1002 not logged in', 'agent_user=1002&value=PAUSE'),
			pause('1003 in call resume', 'agent_user=1003&value=RESUME'),
			pause('1003 in call pause', 'agent_user=1003&value=PAUSE'),
			pause('1001 paused resume', 'agent_user=1001&value=RESUME'),
			pause('1001 resume debug', 'agent_user=1001&value=RESUME&format=debug'),
			pause('1001 pause close window link', 'agent_user=1001&value=PAUSE&close_window_link=1'),
			pause('alt_user found', 'alt_user=1001&value=PAUSE'),
			pause('alt_user unknown', 'alt_user=zz&value=PAUSE'),
			pause('alt_user unknown but agent_user', 'alt_user=zz&agent_user=1001&value=PAUSE'),
			pause('value filtered', 'agent_user=1001&value=PA%20USE!'),
			pause('value contains PAUSE', 'agent_user=1001&value=XPAUSEX'),
			ag(
				'6667 not allowed',
				'function=external_pause&user=6667&pass=1234&source=test&agent_user=1001&value=PAUSE',
			),
			ag(
				'agent 1001 pauses itself',
				'function=external_pause&user=1001&pass=1234&source=test&agent_user=1001&value=PAUSE',
			),
			{
				name: 'external_pause GET',
				target: `${AG}?function=external_pause&${A}&agent_user=1002&value=RESUME`,
			},
		],
	},
];
