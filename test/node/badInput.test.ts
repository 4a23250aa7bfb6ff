/**
 * The bad-input catalogue (issue 11): every lead field class × the values VICIdial was seen to
 * change, SQL-looking strings, very long, empty and whitespace-only values, through Lead → Add and
 * Lead → Update, with each "Characters VICIdial Would Change" option. For every value the item is
 * refused, or it is sent and what the database holds is exactly what the output says: the value
 * given, or the `stored` of its changed_by_vicidial entry (transliterated, or predicted for Send As
 * Is). Read back with Lead → Get All Info, and from the database itself (Get All Info cannot show
 * a lead whose data holds an apostrophe or a line break: VICIdial fails or prints it unescaped).
 * A compact table of outcomes is printed for the closing note.
 */
import type { IDataObject } from 'n8n-workflow';
import { customRow, enableCustomFields, runSql } from '../support/customFields';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, runVicidial } from './run';

jest.setTimeout(600_000);

interface FieldClass {
	/** VICIdial name */
	field: string;
	/** the node's parameter: top level for main fields, else under Additional Fields */
	param: string;
	main?: boolean;
	custom?: boolean;
}

/** One field of each storage rule (nodes/shared/entry.ts STORED) that Get All Info shows. */
const CLASSES: FieldClass[] = [
	{ field: 'first_name', param: 'firstName', main: true }, // name
	{ field: 'title', param: 'title' }, // title
	{ field: 'country_code', param: 'countryCode' }, // code
	{ field: 'address1', param: 'address1' }, // address
	{ field: 'province', param: 'province' }, // province
	{ field: 'postal_code', param: 'postalCode' }, // postal code
	{ field: 'state', param: 'state' }, // state
	{ field: 'email', param: 'email' }, // email
	{ field: 'comments', param: 'comments' }, // free text
	{ field: 'vendor_lead_code', param: 'vendorLeadCode' }, // free text, 20 characters
	{ field: 'rank', param: 'rank' }, // a number VICIdial filters
	{ field: 'fav_color', param: 'fav_color', custom: true }, // a custom field (50 characters)
];

const VALUES: unknown[] = [
	'Müller',
	'Zürich',
	'Ødegård',
	'张伟',
	'Jo😀',
	'a+b@example.com',
	'Ann|Marie',
	'Ann&Bob',
	'1 Main St #2',
	'say "hi"; #1 deal',
	'Ann\nMarie',
	'Ann\tMarie',
	'-5',
	['a', 'b'],
	{ a: 'b' },
	"'; DROP TABLE x; --",
	'1 OR 1=1',
	'x'.repeat(300),
	'',
	'   ',
	'Plain Value',
	'IL',
	'12',
	'a@example.com',
];

const POLICIES = ['refuse', 'transliterate', 'asIs'] as const;

type Outcome =
	| 'refused'
	| 'identical'
	| 'transliterated'
	| 'changedAsPredicted'
	| 'notSent'
	| 'customTruncated'
	| 'storedDifferently'
	| 'failed';

/** fav_color's length in test/support/customFields.ts */
const CUSTOM_MAX = 50;

interface Row {
	target: string;
	operation: string;
	field: string;
	policy: string;
	value: unknown;
	outcome: Outcome;
	readBack: 'getAllInfo' | 'database' | '-';
	detail?: string;
}

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 40);

describe.each(targetNames)('bad-input catalogue against the %s', (targetName) => {
	let target: Target;
	const rows: Row[] = [];
	beforeAll(async () => {
		target = await startTarget(targetName);
		target.reset();
		enableCustomFields(target);
	});
	afterAll(async () => {
		printSummary(targetName, rows);
		await target.close();
	});

	/** What the database holds for these leads' field (decoded as UTF-8; '' for NULL or no custom row), read in one query. */
	function storedMany(leadIds: number[], field: FieldClass): Map<number, string> {
		const found = new Map<number, string>(leadIds.map((id) => [id, '']));
		if (leadIds.length === 0) return found;
		if (target.sim) {
			for (const id of leadIds) {
				if (field.custom) {
					found.set(id, customRow(target, id)?.[field.field] ?? '');
					continue;
				}
				const row = target.sim.state.db.tables
					.get('vicidial_list')
					?.rows.find((r) => r.lead_id === String(id));
				const value = row?.[field.field];
				found.set(
					id,
					value === null || value === undefined
						? ''
						: Buffer.from(String(value), 'latin1').toString('utf8'),
				);
			}
			return found;
		}
		const table = field.custom ? 'custom_101' : 'vicidial_list';
		// HEX() of a number is the number in hexadecimal, not its digits: rank goes through CONCAT
		const column = field.field === 'rank' ? 'CONCAT(`rank`)' : `\`${field.field}\``;
		const out = runSql(
			`SELECT lead_id, HEX(${column}) FROM ${table} WHERE lead_id IN (${leadIds.join(',')})`,
		);
		for (const line of out.split('\n').filter((l) => l)) {
			const [id, hex] = line.split('\t');
			found.set(Number(id), Buffer.from(hex === 'NULL' ? '' : hex, 'hex').toString('utf8'));
		}
		return found;
	}

	function leadsWithPhones(phones: string[]): string[] {
		if (target.sim)
			return (target.sim.state.db.tables.get('vicidial_list')?.rows ?? [])
				.map((r) => String(r.phone_number))
				.filter((p) => phones.includes(p));
		return runSql(
			`SELECT phone_number FROM vicidial_list WHERE phone_number IN (${phones.map((p) => `'${p}'`).join(',')})`,
		)
			.split('\n')
			.filter((l) => l);
	}

	async function getAllInfo(
		leadIds: number[],
		custom: boolean,
	): Promise<Array<IDataObject | undefined>> {
		const result = await runVicidial({
			url: target.url,
			// custom fields only for the custom class: VICIdial fails on a lead without a custom fields row
			parameters: {
				resource: 'lead',
				operation: 'getAllInfo',
				leadId: '={{ $json.id }}',
				additionalFields: custom ? { customFields: true } : {},
			},
			items: leadIds.map((id) => ({ id: String(id) })),
			continueOnFail: true,
		});
		return json(result).map((item) => (item.error ? undefined : item));
	}

	function fieldParameters(field: FieldClass, expression: string): IDataObject {
		if (field.custom)
			return { customFieldsUi: { field: [{ name: field.field, value: expression }] } };
		return field.main
			? { [field.param]: expression }
			: { additionalFields: { [field.param]: expression } };
	}

	let phone = 3125560000;

	async function judge(
		operation: string,
		field: FieldClass,
		policy: string,
		items: IDataObject[],
		outputs: IDataObject[],
		leadIds: Array<number | undefined>,
		before: string[],
	) {
		const ids = leadIds.filter((id): id is number => id !== undefined);
		const infoList = await getAllInfo(ids, field.custom === true);
		const infos = new Map(ids.map((id, i) => [id, infoList[i]]));
		const database = storedMany(ids, field);
		const refusedPhones: string[] = [];
		items.forEach((item, i) => {
			const value = item.v;
			const output = outputs[i];
			const row: Row = {
				target: targetName,
				operation,
				field: field.field,
				policy,
				value,
				outcome: 'failed',
				readBack: '-',
			};
			rows.push(row);
			if (output.error) {
				row.outcome = output.errorKind === 'invalidInput' ? 'refused' : 'failed';
				row.detail = String(output.error);
				if (operation === 'add') refusedPhones.push(String(item.phone));
				return;
			}
			const leadId = leadIds[i] as number;
			const info = infos.get(leadId);
			const warning = ((output.changed_by_vicidial as IDataObject[] | undefined) ?? []).find(
				(w) => w.field === field.field,
			);
			// An empty value is not sent (a custom field's is: it empties the field).
			const empty = value === '' && !field.custom;
			// What the output says is stored: the warning's `stored` (or the old value when VICIdial leaves the field), else the value given.
			const said = warning
				? warning.leftUnchanged
					? before[i]
					: String(warning.stored)
				: empty
					? before[i]
					: String(value);
			const inDatabase = database.get(leadId) ?? '(no lead)';
			// Get All Info prints tab-separated rows: a value with a tab or line break cannot be shown (the database still says what was stored).
			const fromInfo = info && !/[\t\n]/.test(said) ? String(info[field.field] ?? '') : undefined;
			row.readBack = fromInfo !== undefined ? 'getAllInfo' : 'database';
			if (
				field.custom &&
				[...said].length > CUSTOM_MAX &&
				inDatabase === said.slice(0, CUSTOM_MAX)
			) {
				// Known gap: the node does not know a custom field's length; VICIdial cuts the value silently.
				row.outcome = 'customTruncated';
				return;
			}
			if (inDatabase !== said || (fromInfo !== undefined && fromInfo !== said)) {
				row.outcome = 'storedDifferently';
				row.detail = `said ${show(said)}, database ${show(inDatabase)}, Get All Info ${show(fromInfo)}`;
				return;
			}
			row.outcome = empty
				? 'notSent'
				: !warning
					? 'identical'
					: warning.given !== undefined
						? 'transliterated'
						: 'changedAsPredicted';
		});
		// a refused item sent nothing: no lead has its phone number
		if (refusedPhones.length > 0) expect(leadsWithPhones(refusedPhones)).toEqual([]);
	}

	test.each(
		CLASSES.flatMap((field) => POLICIES.map((policy) => [field.field, policy, field] as const)),
	)('Lead → Add, %s, %s', async (_name, policy, field) => {
		const items: IDataObject[] = VALUES.map((v) => ({
			v: v as IDataObject,
			phone: String(phone++),
		}));
		const result = await runVicidial({
			url: target.url,
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '={{ $json.phone }}',
				listId: '101',
				...fieldParameters(field, '={{ $json.v }}'),
				options: { characters: policy },
			},
			items,
			continueOnFail: true,
		});
		const outputs = json(result);
		expect(outputs).toHaveLength(items.length);
		const before = items.map(() => (field.field === 'rank' ? '0' : ''));
		await judge(
			'add',
			field,
			policy,
			items,
			outputs,
			outputs.map((o) => (o.error ? undefined : (o.lead_id as number))),
			before,
		);
	});

	test.each(
		CLASSES.flatMap((field) => POLICIES.map((policy) => [field.field, policy, field] as const)),
	)('Lead → Update, %s, %s', async (_name, policy, field) => {
		// one plain lead per value, then each updated with its value
		const plain = await runVicidial({
			url: target.url,
			parameters: {
				resource: 'lead',
				operation: 'add',
				phoneNumber: '={{ $json.phone }}',
				listId: '101',
				...fieldParameters(
					field,
					field.field === 'rank' ? '7' : field.field === 'email' ? 'p@example.com' : 'P',
				),
			},
			items: VALUES.map(() => ({ phone: String(phone++) })),
		});
		expect(plain.error).toBeUndefined();
		const ids = json(plain).map((o) => o.lead_id as number);
		const was = storedMany(ids, field);
		const before = ids.map((id) => was.get(id) as string);
		const items: IDataObject[] = VALUES.map((v, i) => ({
			v: v as IDataObject,
			id: String(ids[i]),
		}));
		const result = await runVicidial({
			url: target.url,
			parameters: {
				resource: 'lead',
				operation: 'update',
				leadId: '={{ $json.id }}',
				...fieldParameters(field, '={{ $json.v }}'),
				options: { characters: policy },
			},
			items,
			continueOnFail: true,
		});
		const outputs = json(result);
		expect(outputs).toHaveLength(items.length);
		// A refused update leaves the lead as it was.
		const after = storedMany(ids, field);
		outputs.forEach((o, i) => {
			if (o.error) expect(after.get(ids[i])).toBe(before[i]);
		});
		await judge('update', field, policy, items, outputs, ids, before);
	});

	test('0 values stored differently from what the output says; nothing failed', () => {
		const wrong = rows.filter((r) => r.outcome === 'storedDifferently' || r.outcome === 'failed');
		expect(
			wrong
				.map((r) => `${r.operation} ${r.field} ${r.policy} ${show(r.value)}: ${r.detail}`)
				.slice(0, 30),
		).toEqual([]);
		expect(rows.length).toBe(CLASSES.length * POLICIES.length * VALUES.length * 2);
		// every option did something: Refuse refused, Transliterate transliterated, Send As Is predicted changes
		expect(rows.some((r) => r.policy === 'refuse' && r.outcome === 'refused')).toBe(true);
		expect(rows.some((r) => r.policy === 'transliterate' && r.outcome === 'transliterated')).toBe(
			true,
		);
		expect(rows.some((r) => r.policy === 'asIs' && r.outcome === 'changedAsPredicted')).toBe(true);
		expect(rows.some((r) => r.policy !== 'asIs' && r.outcome === 'changedAsPredicted')).toBe(false);
		// the one known gap: a custom value longer than the field (the node does not know its length)
		expect(
			rows
				.filter((r) => r.outcome === 'customTruncated')
				.map((r) => `${r.field} ${show(r.value)?.length}`),
		).toEqual(rows.filter((r) => r.outcome === 'customTruncated').map(() => 'fav_color 40'));
	});
});

function printSummary(targetName: string, rows: Row[]) {
	const outcomes: Outcome[] = [
		'refused',
		'identical',
		'transliterated',
		'changedAsPredicted',
		'notSent',
		'customTruncated',
		'storedDifferently',
		'failed',
	];
	const lines = [
		`Bad-input catalogue on the ${targetName}: ${rows.length} values (${CLASSES.length} field classes x ${VALUES.length} values x ${POLICIES.length} options x Add/Update)`,
	];
	lines.push(
		['operation/option'.padEnd(22), ...outcomes.map((o) => o.padStart(o.length + 1))].join(''),
	);
	for (const operation of ['add', 'update']) {
		for (const policy of POLICIES) {
			const mine = rows.filter((r) => r.operation === operation && r.policy === policy);
			lines.push(
				[
					`${operation}/${policy}`.padEnd(22),
					...outcomes.map((o) =>
						String(mine.filter((r) => r.outcome === o).length).padStart(o.length + 1),
					),
				].join(''),
			);
		}
	}
	lines.push(
		[
			'total'.padEnd(22),
			...outcomes.map((o) =>
				String(rows.filter((r) => r.outcome === o).length).padStart(o.length + 1),
			),
		].join(''),
	);
	const viaInfo = rows.filter((r) => r.readBack === 'getAllInfo').length;
	const viaDb = rows.filter((r) => r.readBack === 'database').length;
	lines.push(
		`read back: ${viaInfo} with Get All Info and the database, ${viaDb} from the database only (Get All Info cannot show them)`,
	);
	// eslint-disable-next-line no-console
	console.log(lines.join('\n'));
}
