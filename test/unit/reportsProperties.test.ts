/** Editor properties of the recording and report operations, as derived from their entries. */
import type { INodeProperties } from 'n8n-workflow';
import { Vicidial } from '../../nodes/Vicidial/Vicidial.node';

const properties = new Vicidial().description.properties;
const shownFor = (resource: string, operation: string) =>
	properties.filter(
		(p) =>
			(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource) &&
			(p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
	);
const options = (resource: string, operation: string) =>
	(shownFor(resource, operation).find((p) => p.name === 'options')?.options ??
		[]) as INodeProperties[];

test('Recording → Download offers the binary field name and skipping unfinished recordings as options, only there', () => {
	expect(options('recording', 'download')).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ name: 'binaryPropertyName', type: 'string', default: 'data' }),
			expect.objectContaining({ name: 'skipUnfinished', type: 'boolean', default: false }),
		]),
	);
	expect(options('recording', 'search').map((o) => o.name)).not.toContain('binaryPropertyName');
	expect(options('recording', 'search').map((o) => o.name)).toContain('emptyOnNoRecords');
	expect(options('recording', 'download').map((o) => o.name)).not.toContain('emptyOnNoRecords');
});

test('the report operations are all there, with their main fields', () => {
	const operation = properties.find(
		(p) =>
			p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes('report'),
	);
	expect((operation?.options as Array<{ value: string }>).map((o) => o.value).sort()).toEqual([
		'agentStats',
		'callDispoReport',
		'callStatusStats',
		'didLog',
		'phoneNumberLog',
	]);
	expect(shownFor('report', 'callStatusStats').map((p) => p.name)).toEqual(
		expect.arrayContaining(['campaigns', 'queryDate', 'endDate']),
	);
	const campaigns = shownFor('report', 'callStatusStats').find((p) => p.name === 'campaigns');
	expect(campaigns).toMatchObject({
		type: 'multiOptions',
		required: true,
		typeOptions: { loadOptionsMethod: 'campaigns' },
	});
	expect(
		shownFor('report', 'agentStats')
			.filter((p) => p.required)
			.map((p) => p.name),
	).toEqual(['datetimeStart', 'datetimeEnd']);
});
