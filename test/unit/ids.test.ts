/**
 * IDs are not phone numbers: nothing is cleaned out of them. `1-2` used to be read as lead 12,
 * `10-1` as list 101 and `-1` as lead 1; now every one of them is refused, naming the field.
 */
import { buildForm, isId } from '../../nodes/shared/params';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { agentFunctions } from '../../nodes/shared/functions/agent';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { entry, refusal } from '../helpers/entries';

const spec = entry;

describe('ID fields take digits only, nothing removed', () => {
	test.each(['1-2', '1 1', '-1', '1.2', '(12)', '12a', '+12', '1_2', '١٢'])(
		'Lead → Update refuses lead ID %p',
		(leadId) => {
			expect(
				refusal(() =>
					buildForm(spec('update_lead', 'update'), { lead_id: leadId, first_name: 'Ann' }),
				),
			).toBe(`"Lead ID" must be an ID made of digits only, got "${leadId}"`);
		},
	);

	test.each(['10-1', '10 1', '-101', '101.0'])('Lead → Add refuses list ID %p', (listId) => {
		expect(
			refusal(() => buildForm(spec('add_lead'), { phone_number: '3125550177', list_id: listId })),
		).toBe(`"List ID" must be an ID made of digits only, got "${listId}"`);
	});

	test('surrounding spaces are trimmed; numbers are accepted as they are', () => {
		expect(
			buildForm(spec('update_lead', 'update'), { lead_id: ' 12 ', first_name: 'Ann' }).lead_id,
		).toBe('12');
		expect(
			buildForm(spec('update_lead', 'update'), { lead_id: 12, first_name: 'Ann' }).lead_id,
		).toBe('12');
		expect(refusal(() => buildForm(spec('update_lead', 'update'), { lead_id: -1 }))).toBe(
			'"Lead ID" must be an ID made of digits only, got -1',
		);
		expect(refusal(() => buildForm(spec('update_lead', 'update'), { lead_id: 1.5 }))).toBe(
			'"Lead ID" must be an ID made of digits only, got 1.5',
		);
	});

	test('lists of IDs: each one checked, spaces around the commas allowed', () => {
		expect(
			buildForm(spec('batch_update_lead'), { lead_ids: '11, 12 ,13', first_name: 'Ann' }).lead_ids,
		).toBe('11,12,13');
		expect(
			refusal(() =>
				buildForm(spec('batch_update_lead'), { lead_ids: '11,1-2', first_name: 'Ann' }),
			),
		).toBe('"Lead IDs" must be an ID made of digits only, got "1-2"');
	});

	test('Move to List ID, Entry List ID and Force Entry List ID are IDs too', () => {
		const update = spec('update_lead', 'update');
		expect(refusal(() => buildForm(update, { lead_id: '11', list_id_field: '10-1' }))).toMatch(
			/^"Move to List ID" must be an ID/,
		);
		expect(refusal(() => buildForm(update, { lead_id: '11', entry_list_id: '10 1' }))).toMatch(
			/^"Entry List ID" must be an ID/,
		);
		expect(
			refusal(() => buildForm(update, { lead_id: '11', force_entry_list_id: '1.01' })),
		).toMatch(/^"Force Entry List ID" must be an ID/);
	});

	test('phone numbers keep their cleanup', () => {
		expect(
			buildForm(spec('add_lead'), { phone_number: '(312) 555-01.77', list_id: '101' }).phone_number,
		).toBe('3125550177');
	});

	test('the Agent node: a lead ID to dial or switch to is an ID', () => {
		const dial = agentFunctions.find((s) => s.fn === 'external_dial') as FunctionEntry;
		expect(
			refusal(() =>
				buildForm(dial, {
					agent_user: '1001',
					lead_id: '1-2',
					phone_code: '1',
					search: 'NO',
					preview: 'NO',
					focus: 'NO',
				}),
			),
		).toMatch(/^"Lead ID" must be an ID/);
	});

	test('no parameter named like an ID is still cleaned like a phone number', () => {
		const all = [...nonAgentFunctions, ...agentFunctions].flatMap((s) =>
			s.params.map((p) => ({ fn: s.fn, ...p })),
		);
		const idLike = all.filter((p) =>
			/(^|_)(lead|list|entry_list|force_entry_list|session|recording|alt_url|list_id_field)_ids?$|^list_id_field$|^custom_fields_copy$/.test(
				p.name,
			),
		);
		expect(idLike.length).toBeGreaterThan(20);
		expect(
			idLike
				.filter((p) => p.kind !== 'id' && p.kind !== 'text' && p.kind !== 'choice')
				.map((p) => `${p.fn}.${p.name}:${p.kind}`),
		).toEqual([]);
	});

	test('isId, the rule the triggers use', () => {
		expect(isId('101', 14)).toBe(true);
		expect(isId('10-1', 14)).toBe(false);
		expect(isId('-1', 14)).toBe(false);
		expect(isId('1'.repeat(15), 14)).toBe(false);
	});
});
