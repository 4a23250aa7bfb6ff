/** The parser additions for the real-time and system list functions: htmlTable, status labels, optional columns. */
import { VicidialError } from '../../nodes/shared/errors';
import { parseAnswer } from '../../nodes/shared/parse';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';

const entry = (fn: string): FunctionEntry => {
	const spec = nonAgentFunctions.find((f) => f.fn === fn);
	if (!spec) throw new Error(`no entry for ${fn}`);
	return spec;
};

/** The picker page as VICIdial prints it, around the given rows. */
const page = (rows: string) =>
	'\n<HTML><head><title>NON-AGENT API</title>\n<script language="Javascript">\nfunction choose_file(filename,fieldname)\n\t{\n\t}\n</script>\n</head>\n\n<body>\n' +
	'<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>\n' +
	'<div id=\'selectframe\' style="height:400px;width:710px;overflow:scroll;">\n' +
	'<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>\n<td width=30>#</td>\n<td colspan=2>Inbound Groups</td>\n<td>Name</td>\n<td>Color</td>\n</tr>\n' +
	rows +
	'</table></div></body></HTML>\n';

const row = (n: number, id: string, cells: string) =>
	`<tr bgcolor="#E6E6E6"><td width=30><font size=1 face="Arial,Helvetica">${n}</td>\n<td colspan=2><a href="javascript:choose_file('${id}','');"><font size=2 face="Arial,Helvetica">${id}</a></td>\n${cells}</tr>\n`;

describe('htmlTable answers', () => {
	test('ingroup_list: the picked ID, the name, and the colour of the swatch cell', () => {
		const text = page(
			row(
				1,
				'AGENTDIRECT',
				'<td><font size=2 face="Arial,Helvetica">Single Agent Direct Queue</td>\n<td bgcolor="white"><font size=2 face="Arial,Helvetica"> &nbsp; &nbsp; </td>',
			) +
				row(
					2,
					'TESTIN',
					'<td><font size=2 face="Arial,Helvetica">Test &amp; In-Group</td>\n<td bgcolor="blue"><font size=2 face="Arial,Helvetica"> &nbsp; </td>',
				),
		);
		expect(parseAnswer(text, entry('ingroup_list')).records).toEqual([
			{ group_id: 'AGENTDIRECT', group_name: 'Single Agent Direct Queue', group_color: 'white' },
			{ group_id: 'TESTIN', group_name: 'Test & In-Group', group_color: 'blue' },
		]);
	});

	test('an ID keeps its trailing blank (VICIdial stores it so)', () => {
		const text = page(
			row(
				1,
				'AGENT_CALLBACK_EMAIL ',
				'<td><font size=2 face="Arial,Helvetica">Scheduled callback email alert settings</td>',
			),
		);
		expect(parseAnswer(text, entry('container_list')).records).toEqual([
			{
				container_id: 'AGENT_CALLBACK_EMAIL ',
				container_notes: 'Scheduled callback email alert settings',
			},
		]);
	});

	test('an empty list is no records, not an error', () => {
		expect(parseAnswer(page(''), entry('callmenu_list')).records).toEqual([]);
	});

	test('moh_list: the "Files:" row adds the file names to its class', () => {
		const text = page(
			row(
				1,
				'default',
				'<td><font size=2 face="Arial,Helvetica">Default Music On Hold</td>\n<td><font size=2 face="Arial,Helvetica">N</td>',
			) +
				'<tr bgcolor="#E6E6E6"><td colspan=2 width=100><font size=1 face="Arial,Helvetica">&nbsp;</td>\n<td colspan=3 width=590><font size=2 face="Arial,Helvetica">Files: </font><font size=1 face="Arial,Helvetica">conf &nbsp; hold-a &nbsp; </td></tr>\n' +
				row(
					2,
					'empty',
					'<td><font size=2 face="Arial,Helvetica">No files</td>\n<td><font size=2 face="Arial,Helvetica">Y</td>',
				) +
				'<tr bgcolor="#F6F6F6"><td colspan=2 width=100><font size=1 face="Arial,Helvetica">&nbsp;</td>\n<td colspan=3 width=590><font size=2 face="Arial,Helvetica">Files: </font><font size=1 face="Arial,Helvetica"></td></tr>\n',
		);
		expect(parseAnswer(text, entry('moh_list')).records).toEqual([
			{ moh_id: 'default', moh_name: 'Default Music On Hold', random: 'N', files: 'conf hold-a' },
			{ moh_id: 'empty', moh_name: 'No files', random: 'Y', files: '' },
		]);
	});

	test("an ERROR line is still VICIdial's error", () => {
		expect(() =>
			parseAnswer(
				'ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |6666|0|\n',
				entry('moh_list'),
			),
		).toThrow(VicidialError);
	});

	test('any other HTML page is not taken for a list', () => {
		expect(() =>
			parseAnswer('<html><body>Not Found</body></html>\n', entry('ingroup_list')),
		).toThrow(/HTML page/);
	});

	test('a row with a missing cell is an incomplete answer', () => {
		const text = page(
			row(1, 'TESTIN', '<td><font size=2 face="Arial,Helvetica">Test In-Group</td>'),
		);
		expect(() => parseAnswer(text, entry('ingroup_list'))).toThrow(/incomplete/);
	});
});

describe('status answers with labelled lines', () => {
	const answer =
		'SUCCESS:  - 1001|text\nSELECTED INGROUPS:  TESTIN -\nOUTBOUND AUTODIAL: N\nMANAGER OVERRIDE: N\nMANAGER: \n\n';

	test('agent_ingroup_info: the labels become fields of the one record', () => {
		const parsed = parseAnswer(answer, entry('agent_ingroup_info'));
		expect(parsed.records).toEqual([
			{
				agent_user: '1001',
				stage: 'text',
				selected_ingroups: ' TESTIN -',
				outbound_autodial: 'N',
				manager_override: 'N',
				manager: '',
			},
		]);
		expect(parsed.otherLines).toEqual([]);
	});

	test('a missing label means the answer was cut', () => {
		expect(() =>
			parseAnswer(
				'SUCCESS:  - 1001|text\nSELECTED INGROUPS:  TESTIN -\n',
				entry('agent_ingroup_info'),
			),
		).toThrow(/manager_override, manager missing/);
	});
});

describe('optional trailing columns', () => {
	const line = 'PAUSED||0|TESTCAMP|2|Agent One|AGENTS|1|BREAK||||8600051';

	test('agent_status without the computer IP VICIdial had none to print', () => {
		expect(
			parseAnswer(`${line}\n`, entry('agent_status'), { sent: { include_ip: 'YES' } }).records[0],
		).toMatchObject({ session_id: '8600051', computer_ip: '' });
	});

	test('agent_status with the computer IP', () => {
		expect(
			parseAnswer(`${line}|10.1.1.5\n`, entry('agent_status'), { sent: { include_ip: 'YES' } })
				.records[0],
		).toMatchObject({ computer_ip: '10.1.1.5' });
	});

	test('the required columns are still required', () => {
		expect(() => parseAnswer('PAUSED||0|TESTCAMP\n', entry('agent_status'))).toThrow(/incomplete/);
	});
});

test('"NO LOGGED IN AGENTS" may become an empty result', () => {
	const parsed = parseAnswer(
		'ERROR: logged_in_agents NO LOGGED IN AGENTS: 6666|\n',
		entry('logged_in_agents'),
		{ emptyOnNoRecords: true },
	);
	expect(parsed).toMatchObject({ outcome: 'nothing', records: [] });
});

test('sounds_list: tab-separated rows, the date with its trailing dot', () => {
	expect(
		parseAnswer('0\tconf.wav\t2026-11-23 12:00:00.\t1234\t1795437925\n', entry('sounds_list'))
			.records,
	).toEqual([
		{
			index: 0,
			file_name: 'conf.wav',
			date: '2026-11-23 12:00:00.',
			size: 1234,
			epoch: 1795437925,
		},
	]);
});
