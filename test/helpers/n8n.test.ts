/* eslint-disable @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-deprecated-workflow-functions -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Proves the n8n harness with dummy node and credential types (not the project's real nodes):
 * real WorkflowExecute, real HTTP to 127.0.0.1, real generic credential authentication.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';

import { startTestServer } from './http-server';
import type { RecordedRequest, TestServer } from './http-server';
import {
	executeNode,
	getBinaryBuffer,
	listSearch,
	loadOptions,
	pollOnce,
	testCredential,
} from './n8n';

// ---------------------------------------------------------------------------------------------
// Dummy credential and node types
// ---------------------------------------------------------------------------------------------

const dummyApi: ICredentialType = {
	name: 'dummyApi',
	displayName: 'Dummy API',
	properties: [
		{ displayName: 'Base URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'API User', name: 'apiUser', type: 'string', default: '' },
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Source', name: 'source', type: 'string', default: 'n8n' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			body: {
				user: '={{$credentials.apiUser}}',
				pass: '={{$credentials.password}}',
				source: '={{$credentials.source}}',
			},
		},
	},
};

/** `source` left out on purpose: the credential type's default must be applied. */
const goodCredentials: ICredentialDataDecryptedObject = {
	apiUser: 'admin',
	password: 'p&ss=wörd',
};

async function callApi(
	ctx: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	body: IDataObject,
): Promise<string> {
	const { url } = await ctx.getCredentials<{ url: string }>('dummyApi');
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'dummyApi', {
		method: 'POST',
		url: `${url}/api.php`,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body,
		json: false,
		encoding: 'text', // without it, n8n parses a JSON-looking answer ("3") into a number
	})) as string;
}

/** Posts `function`/`value` per item; 'ERROR…' answers become NodeApiError. */
const formNode: INodeType = {
	description: {
		displayName: 'Dummy Form',
		name: 'dummyForm',
		group: ['transform'],
		version: [1, 2],
		description: 'test',
		defaults: { name: 'Dummy Form' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'dummyApi', required: true, testedBy: 'dummyApiTest' }],
		properties: [
			{ displayName: 'Function', name: 'function', type: 'string', default: 'add_lead' },
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
		],
	},
	methods: {
		credentialTest: {
			async dummyApiTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data as {
					url: string;
					apiUser: string;
					password: string;
					source: string;
				};
				try {
					const text = (await this.helpers.request({
						method: 'POST',
						uri: `${data.url}/api.php`,
						form: {
							function: 'version',
							user: data.apiUser,
							pass: data.password,
							source: data.source,
						},
					})) as string;
					return text.startsWith('VERSION')
						? { status: 'OK', message: 'Connection successful' }
						: { status: 'Error', message: text };
				} catch (error) {
					return { status: 'Error', message: (error as Error).message };
				}
			},
		},
		loadOptions: {
			async getCampaigns(this: ILoadOptionsFunctions) {
				const text = await callApi(this, { function: 'campaigns_list' });
				return text.split('\n').map((name) => ({ name, value: name }));
			},
		},
		listSearch: {
			async searchCampaigns(this: ILoadOptionsFunctions, filter?: string) {
				const text = await callApi(this, { function: 'campaigns_list' });
				return {
					results: text
						.split('\n')
						.filter((name) => !filter || name.includes(filter))
						.map((name) => ({ name, value: name })),
				};
			},
		},
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const text = await callApi(this, {
					function: this.getNodeParameter('function', i) as string,
					value: this.getNodeParameter('value', i) as string,
				});
				if (text.startsWith('ERROR')) {
					throw new NodeApiError(this.getNode(), { message: text } as JsonObject, {
						message: text,
						itemIndex: i,
					});
				}
				out.push({ json: { text, version: this.getNode().typeVersion }, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	},
};

const binaryNode: INodeType = {
	description: {
		displayName: 'Dummy Binary',
		name: 'dummyBinary',
		group: ['transform'],
		version: 1,
		description: 'test',
		defaults: { name: 'Dummy Binary' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Content', name: 'content', type: 'string', default: '' }],
	},
	async execute(this: IExecuteFunctions) {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const content = this.getNodeParameter('content', i) as string;
			const data = await this.helpers.prepareBinaryData(
				Buffer.from(content),
				`file${i}.csv`,
				'text/csv',
			);
			out.push({ json: { size: content.length }, binary: { data }, pairedItem: { item: i } });
		}
		return [out];
	},
};

/** Emits events with an id above the one kept in static data. */
const pollNode: INodeType = {
	description: {
		displayName: 'Dummy Poll Trigger',
		name: 'dummyPollTrigger',
		group: ['trigger'],
		version: 1,
		description: 'test',
		defaults: { name: 'Dummy Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: 'dummyApi', required: true }],
		properties: [],
	},
	async poll(this: IPollFunctions) {
		const staticData = this.getWorkflowStaticData('node');
		const lastId = (staticData.lastId as number | undefined) ?? 0;
		const text = await callApi(this, { function: 'events', after: String(lastId) });
		const ids = text ? text.split(',').map(Number) : [];
		if (ids.length === 0) return null;
		staticData.lastId = Math.max(...ids);
		return [this.helpers.returnJsonArray(ids.map((id) => ({ id, mode: this.getMode() })))];
	},
};

// ---------------------------------------------------------------------------------------------
// Fake API
// ---------------------------------------------------------------------------------------------

let server: TestServer;
let events: number[] = [];

function apiHandler(req: RecordedRequest) {
	const { form } = req;
	if (form.user !== 'admin' || form.pass !== 'p&ss=wörd')
		return 'ERROR: Login incorrect, please try again';
	switch (form.function) {
		case 'version':
			return 'VERSION: 2.14';
		case 'campaigns_list':
			return 'SALES\nSUPPORT\nSURVEY';
		case 'events':
			return events.filter((id) => id > Number(form.after)).join(',');
		case 'fail_http':
			return { status: 500, body: 'internal error' };
		default:
			return form.value === 'boom' ? 'ERROR: boom' : `SUCCESS: ${form.function} ${form.value}`;
	}
}

beforeAll(async () => {
	server = await startTestServer(apiHandler);
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.requests.length = 0;
	server.setHandler(apiHandler);
	events = [];
});

const credentials = () => ({ dummyApi: { ...goodCredentials, url: server.url } });

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('executeNode', () => {
	it('authenticates with the generic credential body and posts a form', async () => {
		const { items, error, runData } = await executeNode({
			nodeType: formNode,
			parameters: { function: 'add_lead', value: '={{ $json.phone }}' },
			credentials: credentials(),
			credentialTypes: [dummyApi],
			inputItems: [{ json: { phone: '5551234' } }, { json: { phone: '5559876' } }],
		});

		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.text)).toEqual([
			'SUCCESS: add_lead 5551234',
			'SUCCESS: add_lead 5559876',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[0].json.version).toBe(2); // latest version by default
		expect(Object.keys(runData)).toEqual(['Start', 'Dummy Form']);

		expect(server.requests).toHaveLength(2);
		for (const request of server.requests) {
			expect(request.method).toBe('POST');
			expect(request.path).toBe('/api.php');
			expect(request.rawQuery).toBe('');
			expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		}
		expect(server.requests[0].form).toEqual({
			function: 'add_lead',
			value: '5551234',
			user: 'admin',
			pass: 'p&ss=wörd',
			source: 'n8n', // the credential type's default
		});
	});

	it('resolves expressions inside credential data', async () => {
		const { items } = await executeNode({
			nodeType: formNode,
			typeVersion: 1,
			parameters: { value: 'x' },
			credentials: { dummyApi: { ...credentials().dummyApi, source: '={{ "crm-" + "sync" }}' } },
			credentialTypes: [dummyApi],
		});
		expect(items[0].json).toEqual({ text: 'SUCCESS: add_lead x', version: 1 });
		expect(server.requests[0].form.source).toBe('crm-sync');
	});

	it('with continueOnFail, pairs the error item to its input and processes the others', async () => {
		const { items, error } = await executeNode({
			nodeType: formNode,
			parameters: { value: '={{ $json.v }}' },
			credentials: credentials(),
			credentialTypes: [dummyApi],
			inputItems: [{ json: { v: 'a' } }, { json: { v: 'boom' } }, { json: { v: 'c' } }],
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { text: 'SUCCESS: add_lead a', version: 2 }, pairedItem: { item: 0 } },
			{ json: { error: 'ERROR: boom' }, pairedItem: { item: 1 } },
			{ json: { text: 'SUCCESS: add_lead c', version: 2 }, pairedItem: { item: 2 } },
		]);
		expect(server.requests).toHaveLength(3);
	});

	it('without continueOnFail, the NodeApiError stops the execution', async () => {
		const { items, error, run } = await executeNode({
			nodeType: formNode,
			parameters: { value: '={{ $json.v }}' },
			credentials: credentials(),
			credentialTypes: [dummyApi],
			inputItems: [{ json: { v: 'a' } }, { json: { v: 'boom' } }, { json: { v: 'c' } }],
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('ERROR: boom');
		expect((error as NodeApiError).context.itemIndex).toBe(1);
		expect(items).toEqual([]);
		expect(run.status).toBe('error');
		expect(run.data.resultData.error?.message).toBe('ERROR: boom');
		expect(server.requests).toHaveLength(2);
	});

	it('turns an HTTP error status into a NodeApiError with the http code', async () => {
		const { error } = await executeNode({
			nodeType: formNode,
			parameters: { function: 'fail_http' },
			credentials: credentials(),
			credentialTypes: [dummyApi],
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('500');
	});

	it('shows that json:false alone still parses a JSON-looking text answer', async () => {
		const rawNode: INodeType = {
			...formNode,
			async execute(this: IExecuteFunctions) {
				const { url } = await this.getCredentials<{ url: string }>('dummyApi');
				const request = (encoding?: 'text') =>
					this.helpers.httpRequestWithAuthentication.call(this, 'dummyApi', {
						method: 'POST',
						url: `${url}/api.php`,
						headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
						body: { function: 'events', after: '0' },
						json: false,
						...(encoding && { encoding }),
					}) as Promise<string | number>;
				return [
					[{ json: { withoutEncoding: await request(), withTextEncoding: await request('text') } }],
				];
			},
		};
		events = [42];
		const { items } = await executeNode({
			nodeType: rawNode,
			parameters: {},
			credentials: credentials(),
			credentialTypes: [dummyApi],
		});
		expect(items[0].json).toEqual({ withoutEncoding: 42, withTextEncoding: '42' });
	});

	it('outputs binary data made by prepareBinaryData', async () => {
		const { items } = await executeNode({
			nodeType: binaryNode,
			parameters: { content: '={{ $json.csv }}' },
			inputItems: [{ json: { csv: 'a,b\n1,2\n' } }],
		});

		const binary = items[0].binary!.data;
		expect(binary).toMatchObject({
			fileName: 'file0.csv',
			mimeType: 'text/csv',
			fileExtension: 'csv',
			bytes: 8,
		});
		expect((await getBinaryBuffer(binary)).toString()).toBe('a,b\n1,2\n');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('fails loudly on credentials whose type was not supplied', async () => {
		await expect(
			executeNode({ nodeType: formNode, parameters: {}, credentials: credentials() }),
		).rejects.toThrow(/unknown credential type "dummyApi"/);
	});

	it('reports a missing credential as the node error, as n8n does', async () => {
		const { error } = await executeNode({
			nodeType: formNode,
			parameters: {},
			credentialTypes: [dummyApi],
		});
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toMatch(/credentials/i);
	});
});

describe('preAuthentication', () => {
	const sessionApi: ICredentialType = {
		name: 'sessionApi',
		displayName: 'Session API',
		properties: [
			{ displayName: 'Base URL', name: 'url', type: 'string', default: '' },
			{ displayName: 'Key', name: 'key', type: 'string', default: '' },
			{
				displayName: 'Session Token',
				name: 'sessionToken',
				type: 'hidden',
				typeOptions: { expirable: true },
				default: '',
			},
		],
		async preAuthentication(this, credentials) {
			const token = (await this.helpers.httpRequest({
				method: 'POST',
				url: `${credentials.url as string}/login`,
				body: { key: credentials.key },
				json: false,
			})) as string;
			return { sessionToken: token };
		},
		authenticate: {
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
		},
	};

	const sessionNode: INodeType = {
		description: {
			displayName: 'Session Node',
			name: 'sessionNode',
			group: ['transform'],
			version: 1,
			description: 'test',
			defaults: { name: 'Session Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'sessionApi', required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			const { url } = await this.getCredentials<{ url: string }>('sessionApi');
			const text = (await this.helpers.httpRequestWithAuthentication.call(this, 'sessionApi', {
				url: `${url}/data`,
				json: false,
			})) as string;
			return [[{ json: { text } }]];
		},
	};

	it('fetches the expirable token first and persists it in the credential', async () => {
		server.setHandler((req) => {
			if (req.path === '/login') return 'tok-123';
			return req.headers.authorization === 'Bearer tok-123' ? 'secret data' : { status: 401 };
		});
		const { items, credentialsHelper } = await executeNode({
			nodeType: sessionNode,
			parameters: {},
			credentials: { sessionApi: { url: server.url, key: 'k1' } },
			credentialTypes: [sessionApi],
		});
		expect(items[0].json.text).toBe('secret data');
		expect(server.requests.map((r) => r.path)).toEqual(['/login', '/data']);
		expect(credentialsHelper.getStored('sessionApi')?.sessionToken).toBe('tok-123');
	});
});

describe('testCredential', () => {
	it('succeeds with good credentials (defaults applied)', async () => {
		const result = await testCredential({
			nodeType: formNode,
			credentialType: dummyApi,
			testedBy: 'dummyApiTest',
			data: credentials().dummyApi,
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(server.requests[0].form).toMatchObject({ function: 'version', source: 'n8n' });
		expect(server.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	it('fails with a wrong password', async () => {
		const result = await testCredential({
			nodeType: formNode,
			credentialType: dummyApi,
			testedBy: 'dummyApiTest',
			data: { ...credentials().dummyApi, password: 'wrong' },
		});
		expect(result).toEqual({
			status: 'Error',
			message: 'ERROR: Login incorrect, please try again',
		});
	});

	it('fails when the server cannot be reached', async () => {
		const result = await testCredential({
			nodeType: formNode,
			credentialType: dummyApi,
			testedBy: 'dummyApiTest',
			data: { ...goodCredentials, url: 'http://127.0.0.1:1' },
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/ECONNREFUSED/);
	});

	it('rejects a testedBy the node does not declare', async () => {
		await expect(
			testCredential({ nodeType: formNode, credentialType: dummyApi, testedBy: 'nope', data: {} }),
		).rejects.toThrow(/declares testedBy/);
	});
});

describe('loadOptions / listSearch', () => {
	it('calls loadOptions with a real LoadOptionsContext and credentials', async () => {
		const options = await loadOptions({
			nodeType: formNode,
			method: 'getCampaigns',
			parameters: {},
			credentials: credentials(),
			credentialTypes: [dummyApi],
		});
		expect(options).toEqual([
			{ name: 'SALES', value: 'SALES' },
			{ name: 'SUPPORT', value: 'SUPPORT' },
			{ name: 'SURVEY', value: 'SURVEY' },
		]);
		expect(server.requests[0].form).toMatchObject({ user: 'admin', source: 'n8n' });
	});

	it('calls listSearch with a filter', async () => {
		const result = await listSearch({
			nodeType: formNode,
			method: 'searchCampaigns',
			filter: 'SU',
			parameters: {},
			credentials: credentials(),
			credentialTypes: [dummyApi],
		});
		expect(result.results.map((r) => r.value)).toEqual(['SUPPORT', 'SURVEY']);
	});
});

describe('pollOnce', () => {
	const pollOptions = () => ({
		nodeType: pollNode,
		parameters: {},
		credentials: credentials(),
		credentialTypes: [dummyApi],
	});

	it('keeps static data between polls', async () => {
		events = [1, 2];
		const first = await pollOnce(pollOptions());
		expect(first.error).toBeUndefined();
		expect(first.items).toEqual([
			[{ json: { id: 1, mode: 'trigger' } }, { json: { id: 2, mode: 'trigger' } }],
		]);
		expect(first.nodeStaticData).toEqual({ lastId: 2 });
		expect(first.staticData).toEqual({ 'node:Dummy Poll Trigger': { lastId: 2 } });

		const second = await pollOnce({ ...pollOptions(), staticData: first.staticData });
		expect(second.items).toBeNull();
		expect(second.nodeStaticData).toEqual({ lastId: 2 });

		events.push(3);
		const third = await pollOnce({ ...pollOptions(), staticData: second.staticData });
		expect(third.items).toEqual([[{ json: { id: 3, mode: 'trigger' } }]]);
		expect(third.nodeStaticData).toEqual({ lastId: 3 });
		expect(server.requests.map((r) => r.form.after)).toEqual(['0', '2', '2']);
	});

	it('reports a poll error and keeps the previous static data', async () => {
		server.setHandler(() => ({ status: 500, body: 'down' }));
		const result = await pollOnce({
			...pollOptions(),
			staticData: { 'node:Dummy Poll Trigger': { lastId: 7 } },
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.items).toBeNull();
		expect(result.nodeStaticData).toEqual({ lastId: 7 });
	});

	it('runs the manual (fetch test event) path', async () => {
		events = [5];
		const result = await pollOnce({ ...pollOptions(), mode: 'manual' });
		expect(result.items).toEqual([[{ json: { id: 5, mode: 'manual' } }]]);
	});
});
