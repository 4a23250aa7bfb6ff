import type { INodeProperties } from 'n8n-workflow';
import { VicidialAgent } from '../../nodes/VicidialAgent/VicidialAgent.node';
import { agentFunctions, resources } from '../../nodes/shared/functions/agent';
import { camelName } from '../../nodes/shared/entry';

const { description } = new VicidialAgent();
const properties = description.properties;
const shownFor = (p: INodeProperties, resource: string, operation: string) =>
	(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
	(p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation);

describe('VICIdial Agent node description', () => {
	test('node identity: name, credential tested like the VICIdial node, usable as a tool', () => {
		expect(description).toMatchObject({
			name: 'vicidialAgent',
			displayName: 'VICIdial Agent',
			usableAsTool: true,
			credentials: [{ name: 'vicidialApi', required: true, testedBy: 'vicidialApiTest' }],
		});
		// display names on the canvas, not the values (pauseOrResume: session)
		expect(description.subtitle).toContain('"session/pauseOrResume":"Pause or Resume"');
		expect(description.subtitle).toContain('"session":"Agent Session"');
		expect(Object.keys(new VicidialAgent().methods.credentialTest)).toEqual(['vicidialApiTest']);
	});

	test('only resources with operations; every entry is an operation with its action', () => {
		expect(resources.map((r) => r.value)).toEqual(
			expect.arrayContaining(['session', 'leadOnScreen', 'information']),
		);
		for (const resource of resources)
			expect(agentFunctions.some((s) => s.resource === resource.value)).toBe(true);
		for (const spec of agentFunctions) {
			const operation = properties.find(
				(p) =>
					p.name === 'operation' &&
					(p.displayOptions?.show?.resource as string[]).includes(spec.resource),
			);
			expect(operation?.options).toContainEqual(
				expect.objectContaining({ value: spec.operation, name: spec.name, action: spec.action }),
			);
			expect(spec.api).toBe('agent');
			expect(spec.description).toMatch(new RegExp(`\\(${spec.fn}\\)$`));
		}
	});

	test('every command naming an agent offers the logged-in agents and checks the value', () => {
		for (const spec of agentFunctions.filter((s) =>
			s.params.some((p) => p.name === 'agent_user'),
		)) {
			const agent = spec.params.find((p) => p.name === 'agent_user')!;
			expect(agent).toMatchObject({ required: true, load: 'agents', maxLength: 20 });
			const property = properties.find(
				(p) => p.name === 'agentUser' && shownFor(p, spec.resource, spec.operation),
			)!;
			expect(property.typeOptions).toEqual({ loadOptionsMethod: 'agents' });
		}
	});

	test('queued commands say that the screen acts later', () => {
		const queued = agentFunctions
			.filter((s) => s.queued && ['session', 'leadOnScreen', 'information'].includes(s.resource))
			.map((s) => s.fn);
		expect(queued.sort()).toEqual([
			'change_ingroups',
			'external_pause',
			'logout',
			'pause_code',
			'refresh_panel',
			'send_notification',
			'set_timer_action',
		]);
		for (const spec of agentFunctions.filter((s) => s.queued))
			expect(spec.description).toMatch(/next refresh|when the date is reached/);
	});

	test('required parameters are top-level; the others in Additional Fields, in alphabetical order', () => {
		for (const spec of agentFunctions) {
			const mine = properties.filter((p) => shownFor(p, spec.resource, spec.operation));
			for (const param of spec.params) {
				const name = camelName(param.name);
				if (param.required || param.main) expect(mine.find((p) => p.name === name)).toBeDefined();
				else
					expect(
						(mine.find((p) => p.name === 'additionalFields')?.options as INodeProperties[]).map(
							(o) => o.name,
						),
					).toContain(name);
			}
		}
		for (const property of properties.filter((p) => p.type === 'collection')) {
			const names = (property.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});
});
