/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-deprecated-workflow-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The credential's `authenticate`, as n8n's HTTP Request node uses it with this predefined
 * credential: a function (no expressions for n8n to evaluate per request) that puts the login
 * into the form body, and only for the credential's own server.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { VicidialApi } from '../../credentials/VicidialApi.credentials';
import { executeNode } from '../helpers/n8n';
import { startTestServer } from '../helpers/http-server';
import type { TestServer } from '../helpers/http-server';
import { capture } from '../support/capture';

const PASSWORD = 'Canary-Pass-5150';

/** Sends like the HTTP Request node: `helpers.httpRequestWithAuthentication` or the legacy `requestWithAuthentication` with a `form`. */
const requestNode: INodeType = {
	description: {
		displayName: 'Request Like',
		name: 'requestLike',
		group: ['transform'],
		version: 1,
		description: 'test',
		defaults: { name: 'Request Like' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'vicidialApi', required: true }],
		properties: [
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Style', name: 'style', type: 'string', default: 'object' },
		],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const style = this.getNodeParameter('style', 0) as string;
		const form = { function: 'version' };
		let text: unknown;
		if (style === 'legacyForm') {
			text = await this.helpers.requestWithAuthentication.call(this, 'vicidialApi', {
				method: 'POST',
				uri: url,
				form,
				json: false,
			});
		} else {
			text = await this.helpers.httpRequestWithAuthentication.call(this, 'vicidialApi', {
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: style === 'string' ? new URLSearchParams(form).toString() : (form as IDataObject),
				json: false,
				encoding: 'text',
			});
		}
		return [[{ json: { text: String(text) } }]];
	},
};

describe("the credential's authenticate", () => {
	let server: TestServer;
	let elsewhere: TestServer;
	beforeAll(async () => {
		server = await startTestServer(() => 'VERSION: 2.14-202|BUILD: 250720-1841|\n');
		elsewhere = await startTestServer(() => 'VERSION: 2.14-202|BUILD: 250720-1841|\n');
	});
	afterAll(async () => {
		await server.close();
		await elsewhere.close();
	});
	beforeEach(() => {
		server.requests.length = 0;
		elsewhere.requests.length = 0;
	});

	const run = async (url: string, style: string) => {
		const result = await executeNode({
			nodeType: requestNode,
			credentialTypes: [new VicidialApi()],
			parameters: { url, style },
			credentials: {
				vicidialApi: {
					serverUrl: `${server.url}/`,
					apiUser: '6666',
					password: PASSWORD,
					source: 'n8n',
				},
			},
		});
		capture('request-like node', { items: result.items, error: result.error?.message });
		return result;
	};

	test('is a function: n8n evaluates no expression per request', () => {
		expect(typeof new VicidialApi().authenticate).toBe('function');
	});

	test.each(['object', 'string', 'legacyForm'])(
		'puts user, pass and source into a %s form body',
		async (style) => {
			const result = await run(`${server.url}/vicidial/non_agent_api.php`, style);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.text).toMatch(/^VERSION: 2\.14/);
			expect(server.requests).toHaveLength(1);
			expect(server.requests[0].rawQuery).toBe('');
			expect(server.requests[0].form).toEqual({
				function: 'version',
				user: '6666',
				pass: PASSWORD,
				source: 'n8n',
			});
		},
	);

	test('sends nothing to another host', async () => {
		const result = await run(`${elsewhere.url}/vicidial/non_agent_api.php`, 'object');
		expect(result.error?.message ?? '').toMatch(/sends its password only to its own Server URL/);
		expect(elsewhere.requests).toHaveLength(0);
		expect(server.requests).toHaveLength(0);
	});
});
