/**
 * "From List" of the List ID fields. VICIdial has no function made to list lists: the only one
 * is list_custom_fields with ---ALL---, which names every list, but is refused while custom list
 * fields are off (VICIdial's default). Then the search says so and points to "By ID", which
 * works on every server.
 */
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { clientFor } from '../client';
import { listCustomFields } from '../functions/nonAgent/listCustomFields';
import { loadError, type Unavailable } from './loadError';

export const NO_LISTS_HINT =
	'VICIdial names its lists only while custom list fields are on (System Settings). Choose "By ID" and type the list ID (e.g. 101).';

/** VICIdial's refusal that means "this server cannot list lists", not a fault. */
const CANNOT_LIST: Unavailable = {
	match: /CUSTOM LIST FIELDS ARE NOT ENABLED/,
	message: 'This VICIdial cannot list its lists (custom list fields are off)',
	hint: NO_LISTS_HINT,
};

export async function searchLists(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	let secrets: readonly string[] = [];
	try {
		const client = await clientFor(this, { timeoutMs: 15_000 });
		secrets = client.connection.secrets;
		// ---ALL--- is not a value a user may type into List ID, so the form is built here.
		const form = {
			function: listCustomFields.fn,
			...(listCustomFields.fixed ?? {}),
			list_id: '---ALL---',
		};
		const { answer } = await client.send(listCustomFields, form, { emptyOnNoRecords: true });
		const wanted = (filter ?? '').trim().toLowerCase();
		const seen = new Set<string>();
		const results: INodeListSearchItems[] = [];
		for (const record of answer.records) {
			const id = String(record.list_id ?? '');
			if (id === '' || seen.has(id)) continue;
			seen.add(id);
			const name =
				typeof record.list_name === 'string' && record.list_name !== ''
					? `${record.list_name} (${id})`
					: id;
			if (wanted && !name.toLowerCase().includes(wanted)) continue;
			results.push({ name, value: id });
		}
		return { results: results.sort((a, b) => a.name.localeCompare(b.name)) };
	} catch (error) {
		throw loadError(this.getNode(), error, secrets, 'the lists', CANNOT_LIST);
	}
}
