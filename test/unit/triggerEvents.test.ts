import { id, integer, text } from '../../nodes/shared/entry';
import { eventProperties, readSettings, setting, splitList } from '../../nodes/shared/events';
import type { EventEntry } from '../../nodes/shared/events';
import { entryOf } from '../../nodes/shared/functions';
import { POLL_EVENTS } from '../../nodes/VicidialTrigger/events';
import { CALL_EVENTS } from '../../nodes/VicidialCallEventTrigger/callEvents';

const refuse = (field: string, problem: string) => new Error(`"${field}" ${problem}`);

describe('trigger events as entries', () => {
	test('one list splitter: commas, spaces and | separate; a multi-select array is kept', () => {
		expect(splitList(' A, B  C|D ,,')).toEqual(['A', 'B', 'C', 'D']);
		expect(splitList(['X', '', ' Y '])).toEqual(['X', 'Y']);
		expect(splitList(undefined)).toEqual([]);
	});

	test('settings are checked by the rules of the parameter that receives them, worded by the setting', () => {
		const statuses = setting(text, 'statuses', 'Statuses', {
			...entryRule('lead', 'searchByStatus', 'status'),
			list: true,
			upperCase: true,
			required: true,
		});
		const read = (values: Record<string, unknown>) =>
			readSettings([statuses], (name, fallback) => values[name] ?? fallback, refuse);
		expect(read({ statuses: 'sale, dnc|x_1' })).toEqual({ statuses: ['SALE', 'DNC', 'X_1'] });
		expect(() => read({ statuses: '' })).toThrow('"Statuses" is required');
		// lead_status_search takes a status of at most 6 characters
		expect(() => read({ statuses: 'SALE TOOLONG' })).toThrow(
			'"Statuses" must be at most 6 characters',
		);
		const worded = setting(id, 'leadId', 'Lead ID', {
			maxLength: 3,
			refused: (value) => `is not a lead: ${value}`,
		});
		expect(() => readSettings([worded], () => '1234', refuse)).toThrow(
			'"Lead ID" is not a lead: 1234',
		);
	});

	test('a field two events share is one property, and each event keeps its own order', () => {
		const shared = setting(integer, 'level', 'Level', { default: 1 });
		const events: EventEntry[] = [
			{
				value: 'a',
				name: 'A',
				description: 'A',
				params: [setting(text, 'first', 'First'), shared],
			},
			{
				value: 'b',
				name: 'B',
				description: 'B',
				params: [
					setting(text, 'second', 'Second'),
					shared,
					setting(text, 'third', 'Third', { showWhen: { level: [2] } }),
				],
			},
		];
		const properties = eventProperties(events, (event) => event.params, []);
		expect(properties.map((p) => [p.name, p.displayOptions?.show])).toEqual([
			['first', { event: ['a'] }],
			['second', { event: ['b'] }],
			['level', { event: ['a', 'b'] }],
			['third', { event: ['b'], level: [2] }],
		]);
	});

	test.each(POLL_EVENTS.map((event) => [event.value, event]))(
		'%s: reads a Non-Agent entry, and its state depends on its own settings',
		(_name, event) => {
			expect(event.reads().api).toBe('nonAgent');
			const asked: string[] = [];
			event.stateKey((name) => {
				asked.push(name);
				return 'x';
			});
			expect(asked.filter((name) => !event.params.some((p) => p.name === name))).toEqual([]);
		},
	);

	test('call events: custom fields where VICIdial fills them, registration where it holds several URLs', () => {
		for (const event of CALL_EVENTS) {
			expect(event.params.some((p) => p.name === 'customFields')).toBe(event.customFields);
			expect(event.registration.length > 0).toBe(event.altUrlType !== undefined);
		}
	});
});

function entryRule(resource: string, operation: string, name: string) {
	const param = entryOf('nonAgent', resource, operation).params.find((p) => p.name === name);
	return { maxLength: param?.maxLength, pattern: param?.pattern };
}
