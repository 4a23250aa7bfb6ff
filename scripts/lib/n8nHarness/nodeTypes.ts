/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The node under test as n8n sees it: its type name, the node-type registry, its credentials and static data. */
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeCredentials,
	INodeParameters,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const PACKAGE_NAME = readPackageName();

function readPackageName(): string {
	try {
		const pkg = JSON.parse(
			readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'),
		) as {
			name?: string;
		};
		return pkg.name ?? 'n8n-nodes-test';
	} catch {
		return 'n8n-nodes-test';
	}
}

/** The type name n8n gives a community node: `<package name>.<description.name>`. */
export function defaultTypeName(nodeType: INodeType | IVersionedNodeType): string {
	return `${PACKAGE_NAME}.${nodeType.description.name}`;
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	add(typeName: string, nodeType: INodeType | IVersionedNodeType): this {
		this.types.set(typeName, nodeType);
		return this;
	}

	getByName(typeName: string): INodeType | IVersionedNodeType {
		const nodeType = this.types.get(typeName);
		if (!nodeType) throw new UnexpectedError(`n8n harness: unknown node type "${typeName}"`);
		return nodeType;
	}

	getByNameAndVersion(typeName: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(typeName), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, {}]));
	}

	typeNamesUsingCredential(credentialTypeName: string): string[] {
		const names: string[] = [];
		for (const [typeName, nodeType] of this.types) {
			const versions =
				'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
			if (
				versions.some((v) => v.description.credentials?.some((c) => c.name === credentialTypeName))
			) {
				names.push(typeName);
			}
		}
		return names;
	}
}

export function latestVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export interface CommonNodeOptions {
	nodeType: INodeType | IVersionedNodeType;
	/** Defaults to `<package.json name>.<description.name>`, as n8n names community nodes. */
	typeName?: string;
	/** Defaults to the latest version of the node type. */
	typeVersion?: number;
	parameters: INodeParameters;
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Every credential type named in `credentials` (and its parents). */
	credentialTypes?: ICredentialType[];
}

export function nodeCredentialsFor(
	credentials: Record<string, unknown> | undefined,
): INodeCredentials | undefined {
	if (!credentials || Object.keys(credentials).length === 0) return undefined;
	return Object.fromEntries(
		Object.keys(credentials).map((type) => [
			type,
			{ id: `harness-${type}`, name: `${type} (test)` },
		]),
	);
}

export function assertNodeDeclaresCredentials(
	nodeType: INodeType,
	credentials: Record<string, unknown> | undefined,
): void {
	for (const type of Object.keys(credentials ?? {})) {
		if (!nodeType.description.credentials?.some((c) => c.name === type)) {
			throw new UnexpectedError(
				`n8n harness: node type "${nodeType.description.name}" does not declare credentials "${type}"`,
			);
		}
	}
}

/** Static data as n8n persists it: without the change markers of its proxy. */
export function plainStaticData(staticData: IDataObject): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	delete copy.__dataChanged;
	for (const value of Object.values(copy)) {
		if (value && typeof value === 'object') delete (value as IDataObject).__dataChanged;
	}
	return copy;
}
