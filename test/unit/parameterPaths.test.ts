/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Saved workflows keep working: each node version stores its fields where its snapshot says
 * (test/unit/__parameterPaths__, written by `npm run snapshot:params`). A change that moves or
 * retypes a path must come with a new node version that keeps the old one.
 */
import { readFileSync } from 'node:fs';
import type { INodeProperties } from 'n8n-workflow';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { VicidialCallEventTrigger } from '../../nodes/VicidialCallEventTrigger/VicidialCallEventTrigger.node';
import { VicidialTrigger } from '../../nodes/VicidialTrigger/VicidialTrigger.node';
import { nonAgentFunctions } from '../../nodes/shared/functions/nonAgent';
import { NodeVersions, withParams } from '../../nodes/shared/versioning';
import type { ParameterSnapshot } from '../../scripts/lib/parameterPaths';
import {
	checkNode,
	compareSnapshots,
	parameterSnapshot,
	snapshotFile,
	versionsOf,
} from '../../scripts/lib/parameterPaths';

const recorded = (node: string, version: number) =>
	JSON.parse(readFileSync(snapshotFile(node, version), 'utf8')) as ParameterSnapshot;

/** Lead → Add with Address 1 as a main field instead of one of the Lead Fields. */
const addressMoved = () =>
	withParams(nonAgentFunctions, { 'lead/add': { address1: { main: true } } });

describe('parameter paths of every node version', () => {
	test.each(
		[
			new Vicidial(),
			new VicidialAgent(),
			new VicidialTrigger(),
			new VicidialCallEventTrigger(),
		].map((node) => [node.description.name, node] as const),
	)('%s stores every field where its recorded versions do', (_name, node) => {
		const check = checkNode(node);
		// each line says what moved and that the node version must be raised
		expect(check.breaking).toEqual([]);
		// new operations or paths: `npm run snapshot:params` records them
		expect({
			added: check.added,
			unrecorded: check.unrecorded.map((s) => `${s.node} v${s.version}`),
		}).toEqual({ added: [], unrecorded: [] });
	});

	test('the snapshot covers operations, collections, fixed collections, resource locators and option values', () => {
		const add = recorded('vicidial', 1).operations['lead/add'];
		expect(add['phoneNumber']).toEqual({ type: 'string', default: '' });
		expect(add['listId']).toEqual({
			type: 'resourceLocator',
			modes: ['id', 'list'],
			default: { mode: 'id', value: '' },
		});
		expect(add['additionalFields.address1']).toEqual({ type: 'string', default: '' });
		expect(add['dialingOptions.callbackType']).toEqual({
			type: 'options',
			values: ['ANYONE', 'USERONLY'],
			default: 'ANYONE',
		});
		expect(add['customFieldsUi.field[].name']).toEqual({ type: 'options', default: '' });
		expect(add['options.timeout']).toEqual({ type: 'number', default: 30 });
		expect(recorded('vicidialTrigger', 1).operations['leadStatus']['options.includeLead']).toEqual({
			type: 'boolean',
			default: false,
		});
		expect(
			recorded('vicidialTrigger', 1).operations['didCall']['options.includeLead'],
		).toBeUndefined();
		expect(Object.keys(recorded('vicidialCallEventTrigger', 1).operations).sort()).toEqual([
			'addLead',
			'agentEvent',
			'deadCall',
			'dispo',
			'noAgent',
			'pauseMax',
			'start',
		]);
	});

	test('a field moved without a new version fails, saying where it moved and what to do', () => {
		const check = checkNode(Vicidial.withVersions(new NodeVersions({ 1: addressMoved() })));
		expect(check.breaking).toEqual([
			'vicidial v1 lead/add: "address1" moved from additionalFields.address1 to address1: raise the node version (workflows saved with vicidial v1 store it there)',
		]);
	});

	test('a retyped field, a dropped option value, a changed default and a removed version fail too', () => {
		const before = recorded('vicidial', 1);
		const after: ParameterSnapshot = structuredClone(before);
		const add = after.operations['lead/add'];
		add['additionalFields.rank'] = { type: 'string', default: '' };
		add['dialingOptions.callbackType'] = { type: 'options', values: ['ANYONE'], default: 'ANYONE' };
		add['options.timeout'] = { type: 'number', default: 60 };
		delete after.operations['lead/dearchive'];
		expect(compareSnapshots(before, after).breaking).toEqual([
			'vicidial v1 lead/add: "additionalFields.rank" retyped from {"type":"number","default":0} to {"type":"string","default":""}: raise the node version (workflows saved with vicidial v1 store it there)',
			'vicidial v1 lead/add: "dialingOptions.callbackType" no longer offers USERONLY: raise the node version (workflows saved with vicidial v1 store it there)',
			'vicidial v1 lead/add: "options.timeout" retyped from {"type":"number","default":30} to {"type":"number","default":60}: raise the node version (workflows saved with vicidial v1 store it there)',
			'vicidial v1: operation "lead/dearchive" is gone: raise the node version (workflows saved with vicidial v1 store it there)',
		]);
		// a new version that drops version 1 leaves v1 workflows unloadable
		expect(
			checkNode(Vicidial.withVersions(new NodeVersions({ 2: nonAgentFunctions }))).breaking,
		).toContain(
			"vicidial v1: the node no longer offers version 1, so workflows saved with it do not load: keep it in the node's versions",
		);
	});

	test('with the version raised, version 1 keeps its recorded paths and version 2 has the moved one', () => {
		const node = Vicidial.withVersions(
			new NodeVersions({ 1: nonAgentFunctions, 2: addressMoved() }),
		);
		expect(node.description.version).toEqual([1, 2]);
		expect(versionsOf(node)).toEqual([1, 2]);
		const check = checkNode(node);
		expect(check.breaking).toEqual([]);
		expect(check.added).toEqual([]);
		expect(check.unrecorded.map((s) => s.version)).toEqual([2]);
		expect(parameterSnapshot(node, 1)).toEqual(recorded('vicidial', 1));
		const v2 = parameterSnapshot(node, 2).operations['lead/add'];
		expect(v2['address1']).toEqual({ type: 'string', default: '' });
		expect(v2['additionalFields.address1']).toBeUndefined();
		// only Lead → Add's properties differ, so only they carry a version condition
		const versioned = node.description.properties.filter(
			(p: INodeProperties) => p.displayOptions?.show?.['@version'],
		);
		expect(
			versioned.every(
				(p) =>
					p.displayOptions?.show?.operation?.includes('add') &&
					p.displayOptions?.show?.resource?.includes('lead'),
			),
		).toBe(true);
		expect(
			versioned
				.map((p) => `${p.name}@${JSON.stringify(p.displayOptions?.show?.['@version'])}`)
				.sort(),
		).toEqual(['additionalFields@[1]', 'additionalFields@[2]', 'address1@[2]']);
	});
});
