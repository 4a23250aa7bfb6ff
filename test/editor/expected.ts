/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * What the editor should show, read from the built package (dist/), so a check follows the
 * nodes' own descriptions instead of a copy of their texts.
 */
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '..', '..');

function load(file: string, className: string): INodeTypeDescription {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(path.join(ROOT, 'dist', file)) as Record<
		string,
		new () => { description: INodeTypeDescription }
	>;
	return new module[className]().description;
}

export interface BuiltNodes {
	vicidial: INodeTypeDescription;
	agent: INodeTypeDescription;
	pollTrigger: INodeTypeDescription;
	callEventTrigger: INodeTypeDescription;
}

export function builtNodes(): BuiltNodes {
	return {
		vicidial: load('nodes/Vicidial/Vicidial.node.js', 'Vicidial'),
		agent: load('nodes/VicidialAgent/VicidialAgent.node.js', 'VicidialAgent'),
		pollTrigger: load('nodes/VicidialTrigger/VicidialTrigger.node.js', 'VicidialTrigger'),
		callEventTrigger: load(
			'nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node.js',
			'VicidialCallEventTrigger',
		),
	};
}

/** The option of the `operation` parameter shown for `resource`. */
export function operationOption(
	node: INodeTypeDescription,
	resource: string,
	operation: string,
): INodePropertyOptions {
	for (const p of node.properties) {
		if (p.name !== 'operation' || !(p.displayOptions?.show?.resource ?? []).includes(resource))
			continue;
		const option = (p.options as INodePropertyOptions[]).find((o) => o.value === operation);
		if (option) return option;
	}
	throw new Error(`${node.displayName} has no ${resource} → ${operation}`);
}

/** The options of a parameter, by name (the first one with that name). */
export function optionsOf(node: INodeTypeDescription, name: string): INodePropertyOptions[] {
	const p = node.properties.find((x: INodeProperties) => x.name === name);
	if (!p?.options) throw new Error(`${node.displayName} has no options parameter ${name}`);
	return p.options as INodePropertyOptions[];
}

/** Whitespace as the browser's innerText gives it does not count. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
