/**
 * sounds_list, moh_list, vm_list, ingroup_list, callmenu_list, container_list: the lists behind
 * the admin screen's pickers. All but sounds_list print an HTML page with one table row per item.
 */
import { s, type Row } from '../../db';
import { SqlError, ciEq } from '../../mysql';
import { checkAllowedFunction, countUser, level, type NaContext } from '../context';
import { byCi, seesGroup, viewerOf } from './common';

/** These functions check only the user level, before the function permission, and no source. */
function mayList(c: NaContext, refusal: string): boolean {
	const allowed = countUser(c, (r) => level(r) > 6 && r.active === 'Y');
	if (allowed < 1) {
		c.say(`ERROR: ${refusal}: |${c.user}|${allowed}|\n`);
		return false;
	}
	return checkAllowedFunction(c);
}

/** Sound and music-on-hold lists need central sound control. */
function soundControlOn(c: NaContext): boolean {
	const active = c.state.setting('sounds_central_control_active');
	if (Number(active) >= 1) return true;
	c.say(`ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |${c.user}|${active}|\n`);
	return false;
}

const pickerScript = [
	'<script language="Javascript">',
	'function choose_file(filename,fieldname)',
	'\t{',
	'\tif (filename.length > 0)',
	'\t\t{',
	'\t\tparent.document.getElementById(fieldname).value = filename;',
	'\t\tdocument.getElementById("selectframe").innerHTML = \'\';',
	'\t\tdocument.getElementById("selectframe").style.visibility = \'hidden\';',
	'\t\tparent.close_chooser();',
	'\t\t}',
	'\t}',
	'function close_file()',
	'\t{',
	'\tdocument.getElementById("selectframe").innerHTML = \'\';',
	'\tdocument.getElementById("selectframe").style.visibility = \'hidden\';',
	'\tparent.close_chooser();',
	'\t}',
	'</script>',
].join('\n');

/** The page up to and including the header row. */
function pageStart(headerCells: string[]): string {
	return (
		`\n<HTML><head><title>NON-AGENT API</title>\n${pickerScript}\n</head>\n\n<body>\n` +
		'<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>\n' +
		'<div id=\'selectframe\' style="height:400px;width:710px;overflow:scroll;">\n' +
		'<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>\n' +
		headerCells.map((cell) => `${cell}\n`).join('') +
		'</tr>\n'
	);
}

const PAGE_END = '</table></div></body></HTML>\n';
const rowColor = (n: number): string => (n % 2 === 1 ? 'bgcolor="#E6E6E6"' : 'bgcolor="#F6F6F6"');
const font2 = '<font size=2 face="Arial,Helvetica">';

/** The numbering cell and the picking link every row starts with. */
function rowStart(n: number, id: string, field: string): string {
	return (
		`<tr ${rowColor(n)}><td width=30><font size=1 face="Arial,Helvetica">${n}</td>\n` +
		`<td colspan=2><a href="javascript:choose_file('${id}','${field}');">${font2}${id}</a></td>\n`
	);
}

const visible = (c: NaContext) => {
	const viewer = viewerOf(c);
	return (r: Row): boolean => seesGroup(viewer, r.user_group);
};

export function soundsList(c: NaContext): void {
	if (
		!mayList(c, 'sounds_list USER DOES NOT HAVE PERMISSION TO VIEW SOUNDS LIST') ||
		!soundControlOn(c)
	)
		return;
	// The audio store is a directory of the web server; the simulator has no files in it. With a
	// sort order asked for, the script then sorts a list it never created: a PHP TypeError (HTTP 500).
	if (/date|name|size/i.test(c.p.get('stage')))
		throw new SqlError('sort() of an undefined file list');
}

export function mohList(c: NaContext): void {
	if (
		!mayList(c, 'sounds_list USER DOES NOT HAVE PERMISSION TO VIEW SOUNDS LIST') ||
		!soundControlOn(c)
	)
		return;
	const db = c.state.db;
	const field = c.p.get('comments');
	let out = pageStart([
		'<td width=30>#</td>',
		'<td colspan=2>Music On Hold Class</td>',
		'<td>Name</td>',
		'<td>Random</td>',
	]);
	const classes = db
		.t('vicidial_music_on_hold')
		.filter((r) => r.active === 'Y' && visible(c)(r))
		.sort(byCi('moh_id'));
	classes.forEach((moh, index) => {
		const n = index + 1;
		out += rowStart(n, s(moh.moh_id), field);
		out += `<td>${font2}${s(moh.moh_name)}</td>\n<td>${font2}${s(moh.random)}</td></tr>\n`;
		const files = db
			.t('vicidial_music_on_hold_files')
			.filter((r) => ciEq(r.moh_id, moh.moh_id))
			.map((r) => `${s(r.filename)} &nbsp; `)
			.join('');
		out += `<tr ${rowColor(n)}><td colspan=2 width=100><font size=1 face="Arial,Helvetica">&nbsp;</td>\n`;
		out += `<td colspan=3 width=590><font size=2 face="Arial,Helvetica">Files: </font><font size=1 face="Arial,Helvetica">${files}</td></tr>\n`;
	});
	c.out.echo(out + PAGE_END);
}

export function vmList(c: NaContext): void {
	if (!mayList(c, 'vm_list USER DOES NOT HAVE PERMISSION TO VIEW VOICEMAIL BOXES LIST')) return;
	const db = c.state.db;
	const field = c.p.get('comments');
	let out = pageStart([
		'<td width=30>#</td>',
		'<td colspan=2>Voicemail Boxes</td>',
		'<td>Name</td>',
		'<td>Email</td>',
	]);
	db.t('vicidial_voicemail')
		.filter((r) => r.active === 'Y' && visible(c)(r))
		.sort(byCi('voicemail_id'))
		.forEach((box, index) => {
			out +=
				rowStart(index + 1, s(box.voicemail_id), field) +
				`<td>${font2}${s(box.fullname)}</td>\n<td>${font2}${s(box.email)}</td></tr>\n`;
		});
	db.t('phones')
		.filter((r) => r.active === 'Y' && visible(c)(r))
		.sort(byCi('voicemail_id'))
		.forEach((phone, index) => {
			out +=
				rowStart(index + 1, s(phone.voicemail_id), field) +
				`<td>${font2}${s(phone.extension)} - ${s(phone.fullname)}</td>\n<td>${font2}${s(phone.email)}</td></tr>\n`;
		});
	c.out.echo(out + PAGE_END);
}

export function ingroupList(c: NaContext): void {
	if (!mayList(c, 'ingroup_list USER DOES NOT HAVE PERMISSION TO VIEW INBOUND GROUPS LIST')) return;
	const field = c.p.get('comments');
	let out = pageStart([
		'<td width=30>#</td>',
		'<td colspan=2>Inbound Groups</td>',
		'<td>Name</td>',
		'<td>Color</td>',
	]);
	c.state.db
		.t('vicidial_inbound_groups')
		.filter((r) => r.active === 'Y' && visible(c)(r))
		.sort(byCi('group_id'))
		.forEach((group, index) => {
			out +=
				rowStart(index + 1, s(group.group_id), field) +
				`<td>${font2}${s(group.group_name)}</td>\n<td bgcolor="${s(group.group_color)}">${font2} &nbsp; &nbsp; &nbsp; &nbsp; </td></tr>\n`;
		});
	c.out.echo(out + PAGE_END);
}

export function callmenuList(c: NaContext): void {
	if (!mayList(c, 'callmenu_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST')) return;
	const field = c.p.get('comments');
	let out = pageStart(['<td width=30>#</td>', '<td colspan=2>Call Menus</td>', '<td>Name</td>']);
	c.state.db
		.t('vicidial_call_menu')
		.filter((r) => visible(c)(r))
		.sort(byCi('menu_id'))
		.forEach((menu, index) => {
			out +=
				rowStart(index + 1, s(menu.menu_id), field) +
				`<td>${font2}${s(menu.menu_name)}</td></tr>\n`;
		});
	c.out.echo(out + PAGE_END);
}

export function containerList(c: NaContext): void {
	const type = c.p.get('type');
	if (type.length < 1) {
		c.say(`ERROR: container_list NO CONTAINER TYPE DEFINED: |${c.user}|${type}|\n`);
		return;
	}
	if (!mayList(c, 'container_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST')) return;
	const field = c.p.get('comments');
	let out = pageStart([
		'<td width=30>#</td>',
		`<td colspan=2>Settings Containers: <br>${type} type</td>`,
		'<td>Container Notes</td>',
	]);
	c.state.db
		.t('vicidial_settings_containers')
		.filter((r) => ciEq(r.container_type, type) && visible(c)(r))
		.sort(byCi('container_id'))
		.forEach((container, index) => {
			out +=
				rowStart(index + 1, s(container.container_id), field) +
				`<td>${font2}${s(container.container_notes)}</td></tr>\n`;
		});
	c.out.echo(out + PAGE_END);
}
