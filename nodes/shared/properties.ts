/**
 * Derives a node's editor properties from its function entries: resource and operation
 * pickers, the main fields, "Additional Fields", "Custom Fields" and "Options".
 */
import type { INodeProperties, INodePropertyOptions, NodePropertyTypes } from 'n8n-workflow';
import type { FunctionEntry, ParamSpec, ResourceSpec } from './entry';
import { camelName, isListLocator, isMultiple } from './entry';

/** n8n's standard ending of a dropdown's description (its lint rules ask for it). */
const CHOOSE_ONE =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';
const CHOOSE_MANY =
	'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * Joins parts into a description as n8n writes them: one sentence has no final period, several
 * sentences end with one (its lint rules check both).
 */
export function sentences(...parts: Array<string | undefined>): string {
	const kept = parts
		.map((part) => (part ?? '').trim().replace(/\.$/, ''))
		.filter((part) => part !== '');
	const text = kept.join('. ');
	const several = text.replace('e.g.', '').split('. ').length > 1;
	return several ? `${text}.` : text;
}

export const ADDITIONAL_FIELDS = 'additionalFields';
export const DIALING_OPTIONS = 'dialingOptions';

/** The collection an optional parameter is in. */
export function collectionOf(param: ParamSpec): string {
	return param.group === 'dialing' ? DIALING_OPTIONS : ADDITIONAL_FIELDS;
}
export const CUSTOM_FIELDS = 'customFieldsUi';
export const OPTIONS = 'options';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

function propertyType(param: ParamSpec): NodePropertyTypes {
	switch (param.kind) {
		case 'flag':
			return 'boolean';
		case 'integer':
		case 'decimal':
			return 'number';
		case 'choice':
			return 'options';
		case 'choices':
			return 'multiOptions';
		case 'datetime':
			return 'dateTime';
		default:
			return 'string';
	}
}

function defaultValue(param: ParamSpec): INodeProperties['default'] {
	if (param.default !== undefined) return param.default;
	switch (param.kind) {
		case 'flag':
			return false;
		case 'integer':
		case 'decimal':
			return param.min !== undefined && param.min > 0 ? param.min : 0;
		case 'choices':
			return [];
		case 'choice':
			return param.choices?.[0]?.value ?? '';
		default:
			return '';
	}
}

function limitsText(param: ParamSpec): string {
	const unit = param.kind === 'digits' || param.kind === 'id' ? 'digits' : 'characters';
	if (param.minLength !== undefined && param.maxLength !== undefined) {
		return param.minLength === param.maxLength
			? `${param.maxLength} ${unit}`
			: `${param.minLength} to ${param.maxLength} ${unit}`;
	}
	if (param.maxLength !== undefined) return `up to ${param.maxLength} ${unit}`;
	if (param.min !== undefined && param.max !== undefined) return `${param.min} to ${param.max}`;
	return '';
}

/** The listSearch method of the node that offers the lists VICIdial can list. */
export const LIST_SEARCH_METHOD = 'searchLists';

/**
 * The "By ID" check in the editor. n8n checks a mode's regex on every property of the same name,
 * shown or not, so all List IDs share one: digits (or Get Custom Fields' ---ALL---). Lengths are
 * checked before the request, naming the item and the field.
 */
const LIST_ID_REGEX = '^(\\d+|---ALL---)$';

function idModeValidation(param: ParamSpec): { regex: string; errorMessage: string } {
	const all = param.pattern?.regex.test('---ALL---') ? ' or ---ALL---' : '';
	return {
		regex: LIST_ID_REGEX,
		errorMessage: `${param.displayName} must be a list ID (digits, e.g. 101)${all}`,
	};
}

/**
 * A List ID as a resource locator: "By ID" (the default, works on every server) and "From List"
 * (VICIdial lists only the lists that have custom fields). Read back with locatorValue.
 */
function listLocator(param: ParamSpec, property: INodeProperties): INodeProperties {
	const validation = idModeValidation(param);
	return {
		...property,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a list...',
				typeOptions: { searchListMethod: LIST_SEARCH_METHOD, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: param.placeholder ?? '101',
				validation: [{ type: 'regex', properties: validation }],
			},
		],
	};
}

/** The help text of an entry's field: its description, its limits and the VICIdial name. */
function fieldHelp(param: ParamSpec): string {
	const limits = limitsText(param);
	return sentences(
		param.description,
		limits ? `${limits[0].toUpperCase()}${limits.slice(1)}` : '',
		`VICIdial field: ${param.name}`,
	);
}

/** One editor field for one parameter; `name` is camelCase, the VICIdial name stays in the help text unless `help` is given. */
export function paramProperty(
	param: ParamSpec,
	loaders: readonly string[] = [],
	help = fieldHelp(param),
): INodeProperties {
	const property: INodeProperties = {
		displayName: param.displayName,
		name: camelName(param.name),
		type: propertyType(param),
		default: defaultValue(param),
		description: help,
	};
	if (param.required) property.required = true;
	if (param.color) property.type = 'color';
	if (isListLocator(param) && loaders.includes('lists')) return listLocator(param, property);
	// Only a loader the node really has becomes a dropdown; otherwise the field stays typed.
	const load = param.load && loaders.includes(param.load) ? param.load : undefined;
	if (load) {
		// A dropdown of the server's values; the loader's name is the node's loadOptions method.
		property.type = isMultiple(param) ? 'multiOptions' : 'options';
		property.typeOptions = {
			loadOptionsMethod: load,
			...(load === 'customFields' ? { loadOptionsDependsOn: ['listId', 'listId.value'] } : {}),
		};
		property.default = param.default ?? (property.type === 'multiOptions' ? [] : '');
		property.description = sentences(
			help,
			property.type === 'multiOptions' ? CHOOSE_MANY : CHOOSE_ONE,
		);
	}
	if (param.placeholder) property.placeholder = param.placeholder;
	else if (param.name === 'email') property.placeholder = 'name@email.com';
	if (param.secret) property.typeOptions = { ...property.typeOptions, password: true };
	if (param.choices && !load) {
		property.options = [...param.choices].sort(byName).map((c) => ({
			name: c.name,
			value: c.value,
			description: c.description === undefined ? undefined : sentences(c.description),
		}));
	}
	if (param.kind === 'integer' || param.kind === 'decimal') {
		property.typeOptions = {
			...(param.min !== undefined ? { minValue: param.min } : {}),
			...(param.max !== undefined ? { maxValue: param.max } : {}),
			...(param.kind === 'decimal' ? { numberPrecision: 2 } : {}),
		};
	}
	return property;
}

/** A trigger event's setting (nodes/shared/events.ts): typed like an entry's field, its help only its own description. */
export function settingProperty(
	param: ParamSpec,
	loaders: readonly string[] = [],
): INodeProperties {
	const property = paramProperty(param, loaders, sentences(param.description));
	if (property.description === '') delete property.description;
	return property;
}

/**
 * An entry's description without the VICIdial function named at its end (`(add_lead)`), and
 * that function: the operation's notice names it instead, where a builder looks for it.
 */
export function splitDescription(entry: Pick<FunctionEntry, 'fn' | 'description'>): {
	text: string;
	functions: string;
} {
	const match = /\s*\(([^()]*)\)\.?$/.exec(entry.description);
	if (match && match[1].startsWith(entry.fn))
		return { text: entry.description.slice(0, match.index), functions: match[1] };
	return { text: entry.description, functions: entry.fn };
}

/** The notice under an operation's fields: which VICIdial function it calls, through which API. */
export function functionNotice(entry: FunctionEntry): INodeProperties {
	const api = entry.api === 'agent' ? 'Agent API' : 'Non-Agent API';
	return {
		displayName: `VICIdial function: ${splitDescription(entry).functions} (${api})`,
		name: 'vicidialFunction',
		type: 'notice',
		default: '',
		displayOptions: showFor(entry),
	};
}

/**
 * The node's subtitle on the canvas: the operation and resource display names ("Search by
 * Phone: Lead"), not their values.
 */
export function subtitleExpression(resources: ResourceSpec[], entries: FunctionEntry[]): string {
	const operations = Object.fromEntries(
		entries.map((e) => [`${e.resource}/${e.operation}`, e.name]),
	);
	const resourceNames = Object.fromEntries(resources.map((r) => [r.value, r.name]));
	return `={{ (${JSON.stringify(operations)}[$parameter["resource"] + "/" + $parameter["operation"]] || $parameter["operation"]) + ": " + (${JSON.stringify(resourceNames)}[$parameter["resource"]] || $parameter["resource"]) }}`;
}

function showFor(entry: FunctionEntry): INodeProperties['displayOptions'] {
	return { show: { resource: [entry.resource], operation: [entry.operation] } };
}

/** Offered by entries with `verifyWrite` (and composite operations that check their own writes): on by default. */
export const checkUnknownWritesOption: INodeProperties = {
	displayName: 'Check Unknown Writes',
	name: 'checkUnknownWrites',
	type: 'boolean',
	default: true,
	description:
		'Whether to look up the record when the answer to a write was lost or cut (server error, connection lost, timeout after sending), and report whether the write was applied, instead of leaving it unknown. Nothing is sent again.',
};

/** For operations with lead text: what to do with characters VICIdial would drop or change (see ParamSpec.stored). */
export const CHARACTERS_OPTION = 'characters';
export const NON_LATIN_OPTION = 'nonLatin';

function characterOptions(): INodeProperties[] {
	return [
		{
			displayName: 'Characters VICIdial Would Change',
			name: CHARACTERS_OPTION,
			type: 'options',
			default: 'refuse',
			options: [
				{
					name: 'Refuse',
					value: 'refuse',
					description: 'Nothing is sent for the item; the error names the field and the characters',
				},
				{
					name: 'Transliterate',
					value: 'transliterate',
					description:
						'Letters with accents become plain letters (Müller → Muller, ß → ss); what still cannot be kept is refused',
				},
				{
					name: 'Send As Is',
					value: 'asIs',
					description:
						'Send the value unchanged; the output lists in changed_by_vicidial what VICIdial is expected to store instead',
				},
			],
			description:
				'VICIdial silently drops characters it does not accept in a lead field (Müller is stored as Mller, a "+" becomes a space), and stores emoji as "?"',
		},
		{
			displayName: 'Server Keeps Non-Latin Letters',
			name: NON_LATIN_OPTION,
			type: 'boolean',
			default: false,
			description:
				"Whether the VICIdial system setting for non-Latin characters is on: then letters of every script are kept in lead fields. Off is VICIdial's default.",
		},
	];
}

/** Options every operation offers, and the ones only some need. */
function optionProperties(entry: FunctionEntry): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Include Raw Answer',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description:
				"Whether to add VICIdial's answer text, as received, to each item (field rawAnswer)",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 30,
			description: 'How long to wait for VICIdial to answer one request',
		},
		{
			displayName: 'Parallel Requests',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 4,
			description:
				'How many requests may be under way at once when the node gets many items. One setting for the whole run: an expression here is read for the first item. Results keep the input order.',
		},
		{
			displayName: 'Max Answer Size (MB)',
			name: 'maxAnswerSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2048 },
			default: 64,
			description:
				"The largest VICIdial answer to read. A larger one stops with an error instead of filling n8n's memory.",
		},
	];
	if (entry.noRecords) {
		options.push({
			displayName: 'Return Empty Result When Nothing Found',
			name: 'emptyOnNoRecords',
			type: 'boolean',
			default: false,
			description: 'Whether to output no items, instead of an error, when VICIdial finds nothing',
		});
	}
	if (entry.verifyWrite) options.push(checkUnknownWritesOption);
	if (entry.customFields || entry.params.some((p) => p.stored)) options.push(...characterOptions());
	options.push(...(entry.runOptions ?? []));
	return options.sort(byDisplayName);
}

/**
 * All properties of a node that serves these functions. `loaders` names the node's loadOptions
 * methods: parameters whose `load` is among them become dropdowns.
 */
export function buildProperties(
	resources: ResourceSpec[],
	entries: FunctionEntry[],
	loaders: readonly string[] = [],
): INodeProperties[] {
	const used = resources.filter((r) => entries.some((s) => s.resource === r.value));
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: used
			.map((r) => ({ name: r.name, value: r.value, description: sentences(r.description) }))
			.sort(byName),
		default: '',
	};
	// The first resource in the node's own order (not the alphabetical one) is the default.
	resourceProperty.default = used[0]?.value ?? '';
	const properties: INodeProperties[] = [resourceProperty];
	for (const resource of used) {
		const ofResource = entries.filter((s) => s.resource === resource.value);
		const operations: INodePropertyOptions[] = ofResource
			.map((s) => ({
				name: s.name,
				value: s.operation,
				description: sentences(splitDescription(s).text),
				action: s.action,
			}))
			.sort(byName);
		const operationProperty: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations,
			default: '',
		};
		operationProperty.default = operations[0].value as string;
		properties.push(operationProperty);
	}
	for (const entry of entries) {
		const displayOptions = showFor(entry);
		for (const param of entry.params.filter((p) => p.required || p.main)) {
			properties.push({ ...paramProperty(param, loaders), displayOptions });
		}
		const additional = entry.params.filter(
			(p) => !p.required && !p.main && collectionOf(p) === ADDITIONAL_FIELDS,
		);
		const dialingOptions = entry.params.filter(
			(p) => !p.required && !p.main && collectionOf(p) === DIALING_OPTIONS,
		);
		if (additional.length > 0) {
			// beside Dialing Options, the other optional fields are the lead's own data
			const leadData = dialingOptions.length > 0;
			properties.push({
				displayName: leadData ? 'Lead Fields' : 'Additional Fields',
				name: ADDITIONAL_FIELDS,
				type: 'collection',
				placeholder: leadData ? 'Add Lead Field' : 'Add Field',
				default: {},
				displayOptions,
				options: additional.map((param) => paramProperty(param, loaders)).sort(byDisplayName),
			});
		}
		if (dialingOptions.length > 0) {
			properties.push({
				displayName: 'Dialing Options',
				name: DIALING_OPTIONS,
				type: 'collection',
				placeholder: 'Add Dialing Option',
				default: {},
				displayOptions,
				options: dialingOptions.map((param) => paramProperty(param, loaders)).sort(byDisplayName),
			});
		}
		if (entry.customFields) {
			properties.push({
				displayName: 'Custom Fields',
				name: CUSTOM_FIELDS,
				type: 'fixedCollection',
				placeholder: 'Add Custom Field',
				typeOptions: { multipleValues: true },
				default: {},
				description: "Values for the list's custom fields, by field label. Sends custom_fields=Y.",
				displayOptions,
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{
								displayName: 'Field Name or ID',
								name: 'name',
								type: 'options',
								// Loaded from the list's custom fields (list_custom_fields); an expression still works.
								typeOptions: {
									loadOptionsMethod: 'customFields',
									loadOptionsDependsOn: [
										'listId',
										'listId.value',
										'additionalFields.listId',
										'additionalFields.listId.value',
										'additionalFields.listIdField',
										'additionalFields.listIdField.value',
									],
								},
								default: '',
								description:
									'The custom field label, e.g. favorite_color. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
							},
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			});
		}
		properties.push({
			displayName: 'Options',
			name: OPTIONS,
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: optionProperties(entry),
		});
		properties.push(functionNotice(entry));
	}
	return properties;
}
