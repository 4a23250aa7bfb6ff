/**
 * Characters VICIdial would change (issue 11, item 5): with the server's default settings these
 * values were read back changed from the database. Each is now refused by default, transliterated
 * when asked, or sent as is with a warning that predicts the stored value.
 */
import { buildForm } from '../../nodes/shared/params';
import type { BuildFormOptions, StoredChangeWarning } from '../../nodes/shared/params';
import { storedValue, transliterate } from '../../nodes/shared/characters';
import { STORED } from '../../nodes/shared/entry';
import { nonAgentFunctions, resources } from '../../nodes/shared/functions/nonAgent';
import { buildProperties } from '../../nodes/shared/properties';
import { entry, refusal } from '../helpers/entries';

const spec = entry;
const addLead = spec('add_lead');
const base = { phone_number: '3125550177', list_id: '101' };

/** The values the issue saw stored changed, with the field and what VICIdial stored. */
const OBSERVED: Array<[string, string, string]> = [
	['first_name', 'Müller', 'Mller'],
	['first_name', '张伟', ''],
	['first_name', 'Jo😀', 'Jo'],
	['email', 'a+b@example.com', 'a b@example.com'],
	['first_name', 'Ann|Marie', 'AnnMarie'],
	['first_name', 'Ann&Bob', 'AnnBob'],
	['address1', '1 Main St #2', '1 Main St 2'],
	['comments', 'say "hi"; #1 deal', 'say hi 1 deal'],
	['first_name', 'Ann\nMarie', 'AnnMarie'],
	['last_name', 'Lee\tJones', 'LeeJones'],
	['comments', 'Jo😀', 'Jo????'],
];

describe('Characters VICIdial would change', () => {
	test.each(OBSERVED)(
		'Refuse (default): %s %p is refused, naming the field and the characters',
		(field, value) => {
			const message = refusal(() => buildForm(addLead, { ...base, [field]: value }));
			expect(message).toMatch(
				/^"[A-Za-z0-9 ]+" contains characters VICIdial would drop or change: /,
			);
		},
	);

	test('the message names the field and shows the characters', () => {
		expect(refusal(() => buildForm(addLead, { ...base, first_name: 'Müller' }))).toBe(
			'"First Name" contains characters VICIdial would drop or change: "ü"',
		);
		expect(refusal(() => buildForm(addLead, { ...base, first_name: 'Ann\nMa|rie' }))).toBe(
			'"First Name" contains characters VICIdial would drop or change: line break, "|"',
		);
	});

	test.each(OBSERVED)(
		'Send As Is: %s %p is sent unchanged; the warning predicts %p',
		(field, value, stored) => {
			const warnings: StoredChangeWarning[] = [];
			const form = buildForm(addLead, { ...base, [field]: value }, [], {
				characters: 'asIs',
				warnings,
			});
			expect(form[field]).toBe(value);
			expect(warnings).toEqual([{ field, sent: value, stored }]);
		},
	);

	test('rank: -5 is refused (VICIdial stores 5), sent as is with a warning, and clamped like the column', () => {
		expect(refusal(() => buildForm(addLead, { ...base, rank: -5 }))).toBe(
			'"Rank" must be 0 or more, got -5 (VICIdial would store 5)',
		);
		expect(refusal(() => buildForm(addLead, { ...base, rank: 99999 }))).toBe(
			'"Rank" must be 32767 or less, got 99999 (VICIdial would store 32767)',
		);
		const warnings: StoredChangeWarning[] = [];
		expect(
			buildForm(addLead, { ...base, rank: '-5' }, [], { characters: 'asIs', warnings }).rank,
		).toBe('-5');
		expect(warnings).toEqual([{ field: 'rank', sent: '-5', stored: '5' }]);
		expect(buildForm(addLead, { ...base, rank: 32767 }).rank).toBe('32767');
	});

	test.each([
		['Müller', 'Muller'],
		['Zürich', 'Zurich'],
		['Ødegård', 'Odegard'],
		['Straße', 'Strasse'],
		['Łukasz', 'Lukasz'],
		['Émilie-Françoise', 'Emilie-Francoise'],
		['O’Brien', "O'Brien"],
	])('Transliterate: %p → %p', (value, latin) => {
		const warnings: StoredChangeWarning[] = [];
		expect(
			buildForm(addLead, { ...base, first_name: value }, [], {
				characters: 'transliterate',
				warnings,
			}).first_name,
		).toBe(latin);
		expect(warnings).toEqual([{ field: 'first_name', given: value, sent: latin, stored: latin }]);
	});

	test('Transliterate: what has no Latin spelling VICIdial keeps is still refused', () => {
		expect(
			refusal(() =>
				buildForm(addLead, { ...base, first_name: '张伟' }, [], { characters: 'transliterate' }),
			),
		).toBe(
			'"First Name" contains characters VICIdial would drop or change (no plain Latin spelling VICIdial keeps): "张", "伟"',
		);
		expect(
			refusal(() =>
				buildForm(addLead, { ...base, email: 'a+b@example.com' }, [], {
					characters: 'transliterate',
				}),
			),
		).toMatch(/^"Email" contains .*: "\+"$/);
	});

	test('free text keeps accents and other scripts (VICIdial stores them), but not emoji', () => {
		expect(buildForm(addLead, { ...base, comments: 'Müller 张伟' }).comments).toBe('Müller 张伟');
		expect(storedValue(STORED.free, 'Jo😀')).toBe('Jo????');
		expect(transliterate(STORED.name, 'Jo😀')).toBe('Jo😀');
	});

	test('a backslash is never sent in free text, whatever the option', () => {
		for (const characters of ['refuse', 'transliterate', 'asIs'] as const) {
			expect(
				refusal(() => buildForm(addLead, { ...base, comments: 'a\\nb' }, [], { characters })),
			).toMatch(/^"Comments" contains characters that are never sent to VICIdial here .*: "\\"$/);
		}
	});

	test('arrays and objects are refused for every text field and custom field', () => {
		for (const param of addLead.params.filter((p) => p.kind === 'text')) {
			expect(refusal(() => buildForm(addLead, { ...base, [param.name]: ['a', 'b'] }))).toMatch(
				new RegExp(`^"${param.displayName}" must be text, got a list`),
			);
			expect(refusal(() => buildForm(addLead, { ...base, [param.name]: { a: 1 } }))).toMatch(
				new RegExp(`^"${param.displayName}" must be text`),
			);
		}
		expect(
			refusal(() => buildForm(addLead, base, [{ name: 'fav_color', value: ['a', 'b'] }])),
		).toMatch(/^"Custom Field fav_color" must be text, got a list/);
		expect(
			refusal(() => buildForm(addLead, base, [{ name: 'fav_color', value: { a: 1 } }])),
		).toMatch(/^"Custom Field fav_color" must be text, got an object/);
	});

	test('custom fields follow the option: ";" and quotes dropped, "+" a space', () => {
		expect(
			refusal(() => buildForm(addLead, base, [{ name: 'fav_color', value: 'red;blue' }])),
		).toBe('"Custom Field fav_color" contains characters VICIdial would drop or change: ";"');
		const warnings: StoredChangeWarning[] = [];
		buildForm(addLead, base, [{ name: 'fav_color', value: 'a+b "c"' }], {
			characters: 'asIs',
			warnings,
		});
		expect(warnings).toEqual([{ field: 'fav_color', sent: 'a+b "c"', stored: 'a b c' }]);
		expect(buildForm(addLead, base, [{ name: 'fav_color', value: 'Müller' }]).fav_color).toBe(
			'Müller',
		);
	});

	test('update_lead stores a line break in free text as "!N"; Create or Update refuses it', () => {
		const warnings: StoredChangeWarning[] = [];
		buildForm(spec('update_lead', 'update'), { lead_id: '11', comments: 'a\nb' }, [], {
			characters: 'asIs',
			warnings,
		});
		expect(warnings).toEqual([{ field: 'comments', sent: 'a\nb', stored: 'a!Nb' }]);
		const add: StoredChangeWarning[] = [];
		buildForm(addLead, { ...base, comments: 'a\nb' }, [], { characters: 'asIs', warnings: add });
		expect(add).toEqual([]);
		expect(
			refusal(() =>
				buildForm(
					spec('update_lead', 'upsert'),
					{ search_method: 'PHONE_NUMBER', ...base, comments: 'a\nb' },
					[],
					{ characters: 'asIs' },
				),
			),
		).toMatch(/^"Comments" contains characters that are never sent/);
		expect(
			refusal(() =>
				buildForm(
					spec('update_lead', 'upsert'),
					{ search_method: 'PHONE_NUMBER', ...base, first_name: '张伟' },
					[],
					{ characters: 'asIs' },
				),
			),
		).toMatch(/^"First Name" would be stored as nothing/);
		const upsertWarnings: StoredChangeWarning[] = [];
		buildForm(
			spec('update_lead', 'upsert'),
			{ search_method: 'PHONE_NUMBER', ...base, first_name: 'Müller' },
			[],
			{ characters: 'asIs', warnings: upsertWarnings },
		);
		expect(upsertWarnings).toEqual([{ field: 'first_name', sent: 'Müller', stored: 'Mller' }]);
	});

	test('the non-Latin setting keeps letters of every script, not emoji', () => {
		const options: BuildFormOptions = { characters: 'refuse', nonLatin: true };
		expect(
			buildForm(addLead, { ...base, first_name: 'Müller', last_name: '张伟' }, [], options),
		).toMatchObject({ first_name: 'Müller', last_name: '张伟' });
		expect(refusal(() => buildForm(addLead, { ...base, first_name: 'Jo😀' }, [], options))).toMatch(
			/"😀"$/,
		);
	});

	test('the Agent API: update_fields refuses quotes in comments (its SQL breaks on them) and follows the option otherwise', () => {
		const updateFields = spec('update_fields');
		expect(
			refusal(() =>
				buildForm(updateFields, { agent_user: '1001', comments: 'say "hi"' }, [], {
					characters: 'asIs',
				}),
			),
		).toMatch(/^"Comments" contains characters that are never sent/);
		expect(
			refusal(() => buildForm(updateFields, { agent_user: '1001', first_name: 'Müller' })),
		).toBe('"First Name" contains characters VICIdial would drop or change: "ü"');
		expect(
			buildForm(updateFields, { agent_user: '1001', first_name: 'Müller' }, [], {
				characters: 'transliterate',
			}).first_name,
		).toBe('Muller');
		expect(refusal(() => buildForm(updateFields, { agent_user: '1001', rank: -5 }))).toMatch(
			/^"Rank" must be 0 or more/,
		);
		// the field-name guard still holds
		expect(
			refusal(() => buildForm(updateFields, { agent_user: '1001', first_name: 'Frank' })),
		).toMatch(/lead field name/);
	});

	test('an unknown option value is refused', () => {
		expect(refusal(() => buildForm(addLead, base, [], { characters: 'drop' as never }))).toMatch(
			/^"Characters VICIdial Would Change" must be one of/,
		);
	});

	test('the option is offered exactly where lead text is', () => {
		const properties = buildProperties(resources, nonAgentFunctions);
		const withOption = properties
			.filter(
				(p) =>
					p.name === 'options' &&
					(p.options ?? []).some((o) => 'name' in o && o.name === 'characters'),
			)
			.map((p) => `${p.displayOptions?.show?.resource}.${p.displayOptions?.show?.operation}`);
		expect(withOption).toEqual(
			expect.arrayContaining(['lead.add', 'lead.update', 'lead.upsert', 'lead.updateMany']),
		);
		expect(withOption).not.toContain('lead.getAllInfo');
		expect(withOption).not.toContain('list.add');
	});
});
