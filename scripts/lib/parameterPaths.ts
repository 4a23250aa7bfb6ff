/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Where a saved workflow stores each field: for every node version and every operation (or
 * trigger event), the parameter paths (`additionalFields.firstName`) with their types, option
 * values and defaults (n8n does not save a value equal to the default). Moving or retyping a path
 * empties the field in workflows saved before, so such a change needs a new node version; the
 * snapshot (test/unit/__parameterPaths__) and its test say when.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	INodeProperties,
	INodePropertyCollection,
	INodeType,
	INodeTypeDescription,
	IVersionedNodeType,
	NodeParameterValueType,
} from 'n8n-workflow';

/** The parameters that pick what the other fields are for, in the order they depend on each other. */
const SELECTORS = ['resource', 'operation', 'event'];

export interface PathType {
	type: string;
	/** The values of a fixed list (options, multiOptions), sorted. */
	values?: string[];
	/** The modes of a resource locator. */
	modes?: string[];
	default?: NodeParameterValueType;
}

/** Operation (`lead/add`, a trigger's `leadStatus`, or `*` for a node without selectors) → path → type. */
export type OperationPaths = Record<string, Record<string, PathType>>;

export interface ParameterSnapshot {
	node: string;
	version: number;
	/** `resource`, `lead/operation`, `event`: the pickers, with their values and defaults. */
	selectors: Record<string, PathType>;
	operations: OperationPaths;
}

type Context = Record<string, string>;

export function versionsOf(nodeType: INodeType | IVersionedNodeType): number[] {
	if ('nodeVersions' in nodeType)
		return Object.keys(nodeType.nodeVersions)
			.map(Number)
			.sort((a, b) => a - b);
	const { version } = nodeType.description;
	return (Array.isArray(version) ? [...version] : [version]).sort((a, b) => a - b);
}

function descriptionAt(
	nodeType: INodeType | IVersionedNodeType,
	version: number,
): INodeTypeDescription {
	return 'nodeVersions' in nodeType
		? nodeType.nodeVersions[version].description
		: nodeType.description;
}

function versionMatches(version: number, wanted: ReadonlyArray<unknown>): boolean {
	return wanted.some((w) => {
		if (typeof w === 'number') return w === version;
		if (typeof w !== 'object' || w === null || !('_cnd' in w)) return false;
		const condition = w._cnd as Record<string, unknown>;
		return Object.entries(condition).every(([operator, value]) => {
			const n = Number(value);
			switch (operator) {
				case 'eq':
					return version === n;
				case 'not':
					return version !== n;
				case 'gte':
					return version >= n;
				case 'lte':
					return version <= n;
				case 'gt':
					return version > n;
				case 'lt':
					return version < n;
				default:
					return true;
			}
		});
	});
}

/**
 * Whether a property can show in this context. Only the version and the selectors decide; a
 * condition on another field (a toggle) may hide it, but its path stays the same.
 */
function canShow(
	property: { displayOptions?: INodeProperties['displayOptions'] },
	context: Context,
	version: number,
): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [rawKey, wanted] of Object.entries(show ?? {})) {
		const key = rawKey.replace(/^\//, '');
		if (!wanted) continue;
		if (key === '@version' && !versionMatches(version, wanted)) return false;
		if (key in context && !wanted.includes(context[key])) return false;
	}
	for (const [rawKey, unwanted] of Object.entries(hide ?? {})) {
		const key = rawKey.replace(/^\//, '');
		if (!unwanted) continue;
		if (key === '@version' && versionMatches(version, unwanted)) return false;
		if (key in context && unwanted.includes(context[key])) return false;
	}
	return true;
}

function pathType(property: INodeProperties): PathType {
	const described: PathType = { type: property.type };
	const fixed =
		(property.type === 'options' || property.type === 'multiOptions') &&
		!property.typeOptions?.loadOptionsMethod;
	if (fixed && property.options)
		described.values = (property.options as Array<{ value?: unknown }>)
			.map((o) => String(o.value))
			.sort();
	if (property.type === 'resourceLocator')
		described.modes = (property.modes ?? []).map((m) => m.name).sort();
	if (property.type !== 'collection' && property.type !== 'fixedCollection')
		described.default = property.default;
	return described;
}

const NOT_STORED = new Set([
	'notice',
	'callout',
	'button',
	'curlImport',
	'credentials',
	'credentialsSelect',
]);

function addPaths(
	into: Record<string, PathType>,
	prefix: string,
	properties: readonly INodeProperties[],
	context: Context,
	version: number,
): void {
	for (const property of properties) {
		if (NOT_STORED.has(property.type) || !canShow(property, context, version)) continue;
		const path = `${prefix}${property.name}`;
		// n8n reads the first shown property of a name; a later one of the same path is hidden by it
		if (path in into) continue;
		into[path] = pathType(property);
		if (property.type === 'collection') {
			addPaths(into, `${path}.`, (property.options ?? []) as INodeProperties[], context, version);
		} else if (property.type === 'fixedCollection') {
			const many = property.typeOptions?.multipleValues === true;
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				const groupPath = `${path}.${group.name}${many ? '[]' : ''}`;
				into[groupPath] = { type: many ? 'fixedCollection.values[]' : 'fixedCollection.values' };
				addPaths(into, `${groupPath}.`, group.values, context, version);
			}
		}
	}
}

/**
 * The contexts the selectors span (every resource with each of its operations, or every event),
 * and the selectors themselves: a saved workflow omits a selector left at its default too.
 */
function contexts(
	properties: readonly INodeProperties[],
	version: number,
): { found: Context[]; selectors: Record<string, PathType> } {
	let found: Context[] = [{}];
	const selectors: Record<string, PathType> = {};
	for (const selector of SELECTORS) {
		const next: Context[] = [];
		for (const context of found) {
			const shown = properties.filter(
				(p) => p.name === selector && p.type === 'options' && canShow(p, context, version),
			);
			const values = shown.flatMap((p) =>
				(p.options ?? []).map((o) => String((o as { value?: unknown }).value)),
			);
			if (shown.length > 0)
				selectors[[...Object.values(context), selector].join('/')] = pathType(shown[0]);
			if (values.length === 0) next.push(context);
			else for (const value of [...new Set(values)]) next.push({ ...context, [selector]: value });
		}
		found = next;
	}
	return { found, selectors };
}

export function parameterSnapshot(
	nodeType: INodeType | IVersionedNodeType,
	version: number,
): ParameterSnapshot {
	const description = descriptionAt(nodeType, version);
	const operations: OperationPaths = {};
	const { found, selectors } = contexts(description.properties, version);
	const fields = description.properties.filter((p) => !SELECTORS.includes(p.name));
	for (const context of found) {
		const paths: Record<string, PathType> = {};
		addPaths(paths, '', fields, context, version);
		operations[Object.values(context).join('/') || '*'] = paths;
	}
	return { node: description.name, version, selectors, operations };
}

/** One path a line, so a change shows as a readable diff. */
export function formatSnapshot(snapshot: ParameterSnapshot): string {
	const block = (paths: Record<string, PathType>, indent: string) =>
		Object.entries(paths)
			.map(([path, type]) => `${indent}${JSON.stringify(path)}: ${JSON.stringify(type)}`)
			.join(',\n');
	const operations = Object.entries(snapshot.operations).map(
		([operation, paths]) => `\t\t${JSON.stringify(operation)}: {\n${block(paths, '\t\t\t')}\n\t\t}`,
	);
	return `{\n\t"node": ${JSON.stringify(snapshot.node)},\n\t"version": ${snapshot.version},\n\t"selectors": {\n${block(snapshot.selectors, '\t\t')}\n\t},\n\t"operations": {\n${operations.join(',\n')}\n\t}\n}\n`;
}

export interface SnapshotDifferences {
	/** Changes that empty or change a field of workflows saved at this version. */
	breaking: string[];
	/** New operations and paths: harmless, but the snapshot should record them. */
	added: string[];
}

const lastName = (path: string) => path.replace(/\[\]/g, '').split('.').pop() ?? path;
const show = (type: PathType) => JSON.stringify(type);

/** Paths of one operation (or the selectors): moved, gone, retyped, values dropped or added. */
function comparePaths(
	label: string,
	raise: string,
	oldPaths: Record<string, PathType>,
	newPaths: Record<string, PathType>,
	into: SnapshotDifferences,
): void {
	const fresh = Object.keys(newPaths).filter((path) => !(path in oldPaths));
	for (const [path, oldType] of Object.entries(oldPaths)) {
		const newType = newPaths[path];
		if (newType === undefined) {
			const moved = fresh.filter((p) => lastName(p) === lastName(path));
			if (moved.length > 0) {
				into.breaking.push(
					`${label}: "${lastName(path)}" moved from ${path} to ${moved.join(' or ')}: ${raise}`,
				);
				moved.forEach((p) => fresh.splice(fresh.indexOf(p), 1));
			} else into.breaking.push(`${label}: "${path}" is gone: ${raise}`);
			continue;
		}
		const { values: oldValues, ...oldRest } = oldType;
		const { values: newValues, ...newRest } = newType;
		if (show(oldRest) !== show(newRest)) {
			into.breaking.push(
				`${label}: "${path}" retyped from ${show(oldType)} to ${show(newType)}: ${raise}`,
			);
			continue;
		}
		const dropped = (oldValues ?? []).filter((v) => !(newValues ?? []).includes(v));
		if (dropped.length > 0)
			into.breaking.push(`${label}: "${path}" no longer offers ${dropped.join(', ')}: ${raise}`);
		const offered = (newValues ?? []).filter((v) => !(oldValues ?? []).includes(v));
		if (offered.length > 0) into.added.push(`${label}: "${path}" offers ${offered.join(', ')}`);
	}
	for (const path of fresh) into.added.push(`${label}: new path "${path}"`);
}

/** What changed from the recorded snapshot to the current one, in words a developer can act on. */
export function compareSnapshots(
	recorded: ParameterSnapshot,
	current: ParameterSnapshot,
): SnapshotDifferences {
	const at = `${current.node} v${current.version}`;
	const raise = `raise the node version (workflows saved with ${at} store it there)`;
	const differences: SnapshotDifferences = { breaking: [], added: [] };
	comparePaths(`${at} selectors`, raise, recorded.selectors, current.selectors, differences);
	for (const [operation, oldPaths] of Object.entries(recorded.operations)) {
		const newPaths = current.operations[operation];
		if (newPaths) comparePaths(`${at} ${operation}`, raise, oldPaths, newPaths, differences);
		else differences.breaking.push(`${at}: operation "${operation}" is gone: ${raise}`);
	}
	for (const operation of Object.keys(current.operations)) {
		if (!(operation in recorded.operations))
			differences.added.push(`${at}: new operation "${operation}"`);
	}
	return differences;
}

/** Where the snapshots are checked in. */
export const SNAPSHOT_DIR = join(__dirname, '..', '..', 'test', 'unit', '__parameterPaths__');

export function snapshotFile(node: string, version: number, dir = SNAPSHOT_DIR): string {
	return join(dir, `${node}.v${version}.json`);
}

export interface NodeCheck extends SnapshotDifferences {
	/** Versions the node offers that have no snapshot yet. */
	unrecorded: ParameterSnapshot[];
	/** The current snapshot of each version, to write where only additions differ. */
	current: ParameterSnapshot[];
}

/** The node's every version against its recorded snapshots in `dir`. */
export function checkNode(nodeType: INodeType | IVersionedNodeType, dir = SNAPSHOT_DIR): NodeCheck {
	const name = nodeType.description.name;
	const versions = versionsOf(nodeType);
	const check: NodeCheck = { breaking: [], added: [], unrecorded: [], current: [] };
	const recordedVersions = existsSync(dir)
		? readdirSync(dir)
				.map((file) => new RegExp(`^${name}\\.v([\\d.]+)\\.json$`).exec(file)?.[1])
				.filter((v): v is string => v !== undefined)
				.map(Number)
		: [];
	for (const version of recordedVersions.filter((v) => !versions.includes(v))) {
		check.breaking.push(
			`${name} v${version}: the node no longer offers version ${version}, so workflows saved with it do not load: keep it in the node's versions`,
		);
	}
	for (const version of versions) {
		const current = parameterSnapshot(nodeType, version);
		check.current.push(current);
		const file = snapshotFile(name, version, dir);
		if (!existsSync(file)) {
			check.unrecorded.push(current);
			continue;
		}
		const differences = compareSnapshots(
			JSON.parse(readFileSync(file, 'utf8')) as ParameterSnapshot,
			current,
		);
		check.breaking.push(...differences.breaking);
		check.added.push(...differences.added);
	}
	return check;
}
