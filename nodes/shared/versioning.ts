/**
 * Node versions, n8n's way: a saved workflow keeps the `typeVersion` it was built with, and the
 * node offers every version it ever had (`version: [1, 2]`). Properties that differ between
 * versions are shown only at theirs (`displayOptions.show['@version']`), and the run reads the
 * entries of the item's version, so a field moved in version 2 still loads and runs where a
 * version 1 workflow stored it. test/unit/parameterPaths.test.ts says when a version is due.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';
import type { FunctionEntry, ParamSpec, ResourceSpec } from './entry';
import { executeEntries } from './execute';
import { buildProperties, subtitleExpression } from './properties';

export class NodeVersions<T> {
	readonly numbers: number[];

	/** `byVersion`: what each version serves (e.g. its function entries). */
	constructor(private readonly byVersion: Readonly<Record<number, T>>) {
		this.numbers = Object.keys(byVersion)
			.map(Number)
			.sort((a, b) => a - b);
		if (this.numbers.length === 0) throw new UnexpectedError('A node needs at least one version');
	}

	/** The description's `version`: a number while there is one (as n8n writes it), else the list. */
	get version(): number | number[] {
		return this.numbers.length === 1 ? this.numbers[0] : this.numbers;
	}

	get latest(): T {
		return this.byVersion[this.numbers[this.numbers.length - 1]];
	}

	/** What a saved node of this `typeVersion` runs with; undefined for a version the node never had. */
	at(version: number): T | undefined {
		return this.byVersion[version];
	}

	/**
	 * The editor properties of all versions in one list: a property every version has stays as
	 * it is; one that differs is shown only at the versions that have it.
	 */
	properties(build: (served: T, version: number) => INodeProperties[]): INodeProperties[] {
		const lists = this.numbers.map((version) => ({
			version,
			properties: build(this.byVersion[version], version),
		}));
		if (lists.length === 1) return lists[0].properties;
		const merged: Array<{ key: string; property: INodeProperties; versions: number[] }> = [];
		// Newest first, so the newest order leads; an older property goes after the one it followed.
		for (const { version, properties } of [...lists].reverse()) {
			let position = 0;
			for (const property of properties) {
				const key = JSON.stringify(property);
				const index = merged.findIndex((m) => m.key === key);
				if (index >= 0) {
					merged[index].versions.push(version);
					position = Math.max(position, index + 1);
				} else {
					merged.splice(position, 0, { key, property, versions: [version] });
					position++;
				}
			}
		}
		return merged.map(({ property, versions }) =>
			versions.length === lists.length ? property : atVersions(property, versions),
		);
	}
}

function atVersions(property: INodeProperties, versions: number[]): INodeProperties {
	const show = {
		...property.displayOptions?.show,
		'@version': [...versions].sort((a, b) => a - b),
	};
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** A node's `execute`: runs each item with the entries of the saved node's version. */
export function executeVersion(
	versions: NodeVersions<FunctionEntry[]>,
): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		// a version the node never had finds no entry: executeEntries says the operation is not supported
		return await executeEntries(this, versions.at(this.getNode().typeVersion) ?? []);
	};
}

/** What an entry node's description takes from its versions: the version list and the fields. */
export function describeVersions(
	versions: NodeVersions<FunctionEntry[]>,
	resources: ResourceSpec[],
	loaders: readonly string[],
): Pick<INodeTypeDescription, 'version' | 'properties'> {
	return {
		version: versions.version,
		properties: versions.properties((entries) => buildProperties(resources, entries, loaders)),
	};
}

/** An entry node serving other versions than it ships, e.g. a test's version 2 with a moved field. */
export function serveVersions<T extends INodeType>(
	node: T,
	versions: NodeVersions<FunctionEntry[]>,
	resources: ResourceSpec[],
	loaders: readonly string[],
): T {
	node.description = {
		...node.description,
		...describeVersions(versions, resources, loaders),
		subtitle: subtitleExpression(resources, versions.latest),
	};
	node.execute = executeVersion(versions);
	return node;
}

/** A change to the parameters of some entries, keyed `resource/operation`, then by VICIdial name. */
export type ParamChanges = Record<string, Record<string, Partial<ParamSpec>>>;

/**
 * The entries with some parameters changed: how an older version keeps what it had, e.g.
 * `withParams(nonAgentFunctions, { 'lead/add': { first_name: { main: undefined } } })` while the
 * newest version shows First Name as a main field.
 */
export function withParams(
	functions: readonly FunctionEntry[],
	changes: ParamChanges,
): FunctionEntry[] {
	const unused = new Set(
		Object.entries(changes).flatMap(([operation, params]) =>
			Object.keys(params).map((name) => `${operation} ${name}`),
		),
	);
	const changed = functions.map((entry) => {
		const ofEntry = changes[`${entry.resource}/${entry.operation}`];
		if (!ofEntry) return entry;
		const params = entry.params.map((param) => {
			const change = ofEntry[param.name];
			if (!change) return param;
			unused.delete(`${entry.resource}/${entry.operation} ${param.name}`);
			return { ...param, ...change };
		});
		return { ...entry, params };
	});
	if (unused.size > 0)
		throw new UnexpectedError(`No such parameter to change: ${[...unused].join(', ')}`);
	return changed;
}
