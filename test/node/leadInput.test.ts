/**
 * Issue 11, items 4 to 6, through n8n's WorkflowExecute on the simulator and the genuine server:
 * IDs are not cleaned like phone numbers, lead text VICIdial would change follows the
 * "Characters VICIdial Would Change" option, and dates are the calendar dates the user wrote.
 * Each test failed on the code before these changes.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { runSql } from '../support/customFields';
import { startTarget, targetNames } from '../support/targets';
import type { Target } from '../support/targets';
import { json, runVicidial } from './run';

const add = (fields: IDataObject = {}) => ({
	resource: 'lead',
	operation: 'add',
	phoneNumber: '3125550177',
	listId: '101',
	...fields,
});
const update = (fields: IDataObject = {}) => ({ resource: 'lead', operation: 'update', ...fields });

describe.each(targetNames)('lead input against the %s', (targetName) => {
	let target: Target;
	beforeAll(async () => {
		target = await startTarget(targetName);
	});
	afterAll(async () => target.close());
	beforeEach(() => target.reset());
	const run = (options: Omit<Parameters<typeof runVicidial>[0], 'url'>) =>
		runVicidial({ url: target.url, ...options });

	/** A lead's columns as the database holds them (UTF-8). */
	function lead(leadId: number): Record<string, string> {
		const columns = [
			'list_id',
			'first_name',
			'last_name',
			'comments',
			'rank',
			'date_of_birth',
			'email',
		];
		if (target.sim) {
			const row = target.sim.state.db.tables
				.get('vicidial_list')
				?.rows.find((r) => r.lead_id === String(leadId));
			return Object.fromEntries(
				columns.map((c) => [
					c,
					row?.[c] === null || row?.[c] === undefined
						? ''
						: Buffer.from(String(row[c]), 'latin1').toString('utf8'),
				]),
			);
		}
		const hex = runSql(
			`SELECT ${columns.map((c) => `HEX(IFNULL(${c === 'rank' ? 'CONCAT(`rank`)' : `\`${c}\``},''))`).join(',')} FROM vicidial_list WHERE lead_id=${leadId}`,
		)
			.trim()
			.split('\t');
		return Object.fromEntries(
			columns.map((c, i) => [c, Buffer.from(hex[i] ?? '', 'hex').toString('utf8')]),
		);
	}
	const leadCount = () =>
		target.sim
			? (target.sim.state.db.tables.get('vicidial_list')?.rows.length ?? 0)
			: Number(runSql('SELECT COUNT(*) FROM vicidial_list').trim());

	describe('IDs take digits only', () => {
		test.each(['1-2', '1 1', '-1', '12a'])(
			'Lead → Update with lead ID %p is refused, and no lead changes',
			async (leadId) => {
				const before = [lead(11), lead(12)];
				const result = await run({ parameters: update({ leadId, firstName: 'Changed' }) });
				expect(result.error).toBeInstanceOf(NodeOperationError);
				expect(result.error?.message).toBe(
					`Item 1: "Lead ID" must be an ID made of digits only, got "${leadId}"`,
				);
				expect([lead(11), lead(12)]).toEqual(before);
			},
		);

		test('Lead → Add with list ID 10-1 is refused (it used to land in list 101)', async () => {
			const count = leadCount();
			const result = await run({ parameters: add({ listId: '10-1' }), continueOnFail: true });
			expect(json(result)).toEqual([
				expect.objectContaining({
					error: 'Item 1: "List ID" must be an ID made of digits only, got "10-1"',
					errorKind: 'invalidInput',
				}),
			]);
			expect(leadCount()).toBe(count);
		});
	});

	describe('Characters VICIdial Would Change', () => {
		test('Refuse (default): the item names the field and the characters; nothing is added', async () => {
			const count = leadCount();
			const result = await run({ parameters: add({ firstName: 'Müller' }), continueOnFail: true });
			expect(json(result)).toEqual([
				expect.objectContaining({
					error: 'Item 1: "First Name" contains characters VICIdial would drop or change: "ü"',
					errorKind: 'invalidInput',
				}),
			]);
			expect(leadCount()).toBe(count);
		});

		test('Transliterate: Müller is stored as Muller, and the output says so', async () => {
			const result = await run({
				parameters: add({
					firstName: 'Müller',
					lastName: 'Ødegård',
					options: { characters: 'transliterate' },
				}),
			});
			expect(result.error).toBeUndefined();
			const [item] = json(result);
			expect(item.changed_by_vicidial).toEqual([
				{ field: 'first_name', given: 'Müller', sent: 'Muller', stored: 'Muller' },
				{ field: 'last_name', given: 'Ødegård', sent: 'Odegard', stored: 'Odegard' },
			]);
			const [info] = json(
				await run({
					parameters: { resource: 'lead', operation: 'getAllInfo', leadId: String(item.lead_id) },
				}),
			);
			expect(info).toMatchObject({ first_name: 'Muller', last_name: 'Odegard' });
		});

		test('Send As Is: sent unchanged; changed_by_vicidial predicts exactly what VICIdial stores', async () => {
			const values = {
				firstName: 'Ann|Marie',
				additionalFields: {
					email: 'a+b@example.com',
					address1: '1 Main St #2',
					comments: 'say "hi"; #1 deal Jo😀',
					rank: -5,
				},
			};
			const result = await run({ parameters: add({ ...values, options: { characters: 'asIs' } }) });
			expect(result.error).toBeUndefined();
			const [item] = json(result);
			expect(item.changed_by_vicidial).toEqual([
				{ field: 'first_name', sent: 'Ann|Marie', stored: 'AnnMarie' },
				{ field: 'address1', sent: '1 Main St #2', stored: '1 Main St 2' },
				{ field: 'email', sent: 'a+b@example.com', stored: 'a b@example.com' },
				{ field: 'comments', sent: 'say "hi"; #1 deal Jo😀', stored: 'say hi 1 deal Jo????' },
				{ field: 'rank', sent: '-5', stored: '5' },
			]);
			const [info] = json(
				await run({
					parameters: { resource: 'lead', operation: 'getAllInfo', leadId: String(item.lead_id) },
				}),
			);
			for (const warning of item.changed_by_vicidial as IDataObject[])
				expect(String(info[warning.field as string])).toBe(warning.stored);
		});

		test('Send As Is on Update: a value with nothing left after the filter leaves the field as it was', async () => {
			const result = await run({
				parameters: update({ leadId: '11', firstName: '张伟', options: { characters: 'asIs' } }),
			});
			expect(json(result)[0].changed_by_vicidial).toEqual([
				{ field: 'first_name', sent: '张伟', stored: '', leftUnchanged: true },
			]);
			expect(lead(11).first_name).toBe('John');
		});

		test('an array from an expression is refused for a text field and a custom field', async () => {
			const result = await run({
				parameters: add({ firstName: '={{ ["a","b"] }}' }),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				expect.objectContaining({
					error: 'Item 1: "First Name" must be text, got a list: ["a","b"]',
				}),
			]);
			const custom = await run({
				parameters: add({
					customFieldsUi: { field: [{ name: 'fav_color', value: '={{ ["a","b"] }}' }] },
				}),
				continueOnFail: true,
			});
			expect(json(custom)).toEqual([
				expect.objectContaining({
					error: 'Item 1: "Custom Field fav_color" must be text, got a list: ["a","b"]',
				}),
			]);
		});
	});

	describe('dates', () => {
		test('a callback on 2026-02-30 is refused (VICIdial stored 0000-00-00)', async () => {
			const result = await run({
				parameters: add({
					dialingOptions: {
						campaignId: 'TESTCAMP',
						callback: true,
						callbackDatetime: '2026-02-30 10:00:00',
					},
				}),
				continueOnFail: true,
			});
			expect(json(result)).toEqual([
				expect.objectContaining({
					error:
						'Item 1: "Callback Date Time" holds 2026-02-30, which is not a date of the calendar (VICIdial would store 0000-00-00)',
				}),
			]);
		});

		test('a Luxon DateTime at 00:30 +02:00 is stored as its own calendar date', async () => {
			const result = await run({
				parameters: add({
					additionalFields: {
						dateOfBirth: '={{ DateTime.fromISO("1990-02-03T00:30:00+02:00", { setZone: true }) }}',
					},
				}),
			});
			expect(result.error).toBeUndefined();
			expect(lead(json(result)[0].lead_id as number).date_of_birth).toBe('1990-02-03');
		});

		test("a JavaScript Date is read in the workflow's time zone", async () => {
			const result = await run({
				parameters: add({
					additionalFields: { dateOfBirth: '={{ new Date("1990-02-03T00:30:00+02:00") }}' },
				}),
				workflowSettings: { timezone: 'Africa/Johannesburg' },
			});
			expect(result.error).toBeUndefined();
			expect(lead(json(result)[0].lead_id as number).date_of_birth).toBe('1990-02-03');
		});
	});
});
