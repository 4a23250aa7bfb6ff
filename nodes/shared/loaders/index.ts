/**
 * Dropdowns filled from the server (ParamSpec.load), each through a Non-Agent entry that lists
 * the things, so the same validation, transport and parser apply. Both nodes use them.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { clientFor } from '../client';
import { loadError } from './loadError';
import type { ParsedRecord } from '../parse';
import type { DropdownLoader } from '../entry';
import { entryOf } from '../functions';

export interface LoaderDefinition {
	/** What the dropdown lists, as its error says it: "Could not load <what>: ...". */
	what: string;
	/** The listing operation's entry (Non-Agent API). */
	resource: string;
	operation: string;
	values?: Record<string, unknown>;
	/** The record field that is the option's value. */
	value: string;
	label(record: ParsedRecord): string;
	description?(record: ParsedRecord): string | undefined;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const named = (id: unknown, name: unknown) =>
	text(name) && text(name) !== text(id) ? `${text(name)} (${text(id)})` : text(id);

export const LOADERS: Record<DropdownLoader, LoaderDefinition> = {
	campaigns: {
		what: 'the campaigns',
		resource: 'campaign',
		operation: 'getMany',
		value: 'campaign_id',
		label: (r) => named(r.campaign_id, r.campaign_name),
		description: (r) => (text(r.active) ? `Active: ${text(r.active)}` : undefined),
	},
	inGroups: {
		what: 'the in-groups',
		resource: 'system',
		operation: 'listInGroups',
		value: 'group_id',
		label: (r) => named(r.group_id, r.group_name),
	},
	// No "lists" dropdown: VICIdial lists lists only through list_custom_fields, which refuses on
	// systems without custom list fields (the default); List IDs are resource locators (lists.ts).
	agents: {
		what: 'the logged-in agents',
		resource: 'realTime',
		operation: 'getLoggedInAgents',
		value: 'user',
		label: (r) => named(r.user, r.full_name),
		description: (r) =>
			[text(r.status), text(r.campaign_id)].filter((p) => p).join(' · ') || undefined,
	},
};

/** The entry a loader reads; throws if the node lost it (a unit test keeps them in step). */
export function loaderEntry(definition: LoaderDefinition) {
	return entryOf('nonAgent', definition.resource, definition.operation);
}

async function load(
	context: ILoadOptionsFunctions,
	definition: LoaderDefinition,
): Promise<INodePropertyOptions[]> {
	let secrets: readonly string[] = [];
	try {
		const client = await clientFor(context, { timeoutMs: 15_000 });
		secrets = client.connection.secrets;
		const answer = await client.call(loaderEntry(definition), definition.values ?? {}, {
			emptyOnNoRecords: true,
		});
		const seen = new Set<string>();
		const options: INodePropertyOptions[] = [];
		for (const record of answer.records) {
			const value = text(record[definition.value]);
			if (value === '' || seen.has(value)) continue;
			seen.add(value);
			const description = definition.description?.(record);
			options.push({
				name: definition.label(record),
				value,
				...(description ? { description } : {}),
			});
		}
		return options.sort((a, b) => a.name.localeCompare(b.name));
	} catch (error) {
		throw loadError(context.getNode(), error, secrets, definition.what);
	}
}

type LoadMethod = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** The `methods.loadOptions` of a node: one method per loader, named like the loader. */
export function loadOptionsMethods(): Record<string, LoadMethod> {
	const methods: Record<string, LoadMethod> = {};
	for (const [name, definition] of Object.entries(LOADERS)) {
		if (!definition) continue;
		methods[name] = async function (this: ILoadOptionsFunctions) {
			return await load(this, definition);
		};
	}
	return methods;
}
