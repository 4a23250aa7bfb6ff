/**
 * Dropdown of custom lead field labels for the "Custom Fields" of lead operations, read with
 * list_custom_fields through the one transport and parser. The list is the node's List ID (or
 * Move to List ID) when it is a plain number; otherwise the fields of every list are offered (in table order: a sorted order repeats labels for lists without fields).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { clientFor } from '../client';
import { listCustomFields } from '../functions/nonAgent/listCustomFields';
import { locatorValue } from '../entry';
import { loadError } from './loadError';

/** The first plain list ID among the node's list parameters, if any. */
function chosenList(context: ILoadOptionsFunctions): string | undefined {
	for (const name of ['listId', 'additionalFields.listId', 'additionalFields.listIdField']) {
		let value: unknown;
		try {
			value = locatorValue(context.getCurrentNodeParameter(name));
		} catch {
			value = undefined;
		}
		if (
			(typeof value === 'string' || typeof value === 'number') &&
			/^\d{2,14}$/.test(String(value).trim())
		)
			return String(value).trim();
	}
	return undefined;
}

export async function customFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const listId = chosenList(this) ?? '---ALL---';
	let secrets: readonly string[] = [];
	try {
		const client = await clientFor(this, { timeoutMs: 15_000 });
		secrets = client.connection.secrets;
		// ---ALL--- is not a value a user may type into List ID, so the form is built here.
		const form = {
			function: listCustomFields.fn,
			...(listCustomFields.fixed ?? {}),
			list_id: listId,
		};
		const { answer: parsed } = await client.send(listCustomFields, form, {
			emptyOnNoRecords: true,
		});
		// label -> the lists that have it
		const lists = new Map<string, string[]>();
		for (const record of parsed.records) {
			const labels =
				typeof record.custom_fields === 'string'
					? record.custom_fields.split(' ').filter((label) => label !== '')
					: [];
			for (const label of labels)
				lists.set(label, [...(lists.get(label) ?? []), String(record.list_id)]);
		}
		return [...lists.entries()]
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([label, ids]) => ({
				name: label,
				value: label,
				description: `Custom field of list${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`,
			}));
	} catch (error) {
		throw loadError(
			this.getNode(),
			error,
			secrets,
			`the custom fields of ${listId === '---ALL---' ? 'the lists' : `list ${listId}`}`,
		);
	}
}
