import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** Scheme, host and port of a URL, or undefined. */
function originOf(url: unknown, base?: unknown): string | undefined {
	if (typeof url !== 'string') return undefined;
	const baseUrl = typeof base === 'string' && URL.canParse(base) ? base : undefined;
	return URL.canParse(url, baseUrl) ? new URL(url, baseUrl).origin : undefined;
}

/**
 * One credential for both VICIdial APIs. `authenticate` (used by n8n's HTTP Request node with
 * this credential; the package's own nodes put the login into the body themselves, once per
 * run) puts user, pass and source into the POST body: VICIdial reads them from there, and they
 * never appear in a URL.
 * The connection test is `vicidialApiTest` on the VICIdial node (VICIdial answers
 * HTTP 200 even for a wrong password, so a plain HTTP test cannot tell).
 */
export class VicidialApi implements ICredentialType {
	name = 'vicidialApi';

	displayName = 'VICIdial API';

	icon: Icon = { light: 'file:../icons/vicidial.svg', dark: 'file:../icons/vicidial.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-vicidial-suite/n8n-nodes-vicidial-suite#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://dialer.example.com',
			description: 'Address of the VICIdial web server, http:// or https://, without the API path',
		},
		{
			displayName: 'API User',
			name: 'apiUser',
			type: 'string',
			default: '',
			required: true,
			description:
				'VICIdial user for the API. The Non-Agent API needs an active user with user level 7 or higher; the Agent API needs "Agent API Access".',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: 'n8n',
			required: true,
			description:
				'Name VICIdial records as the origin of each API call (2 to 20 letters or digits; VICIdial drops other characters)',
		},
		{
			displayName: 'Non-Agent API Path',
			name: 'nonAgentPath',
			type: 'string',
			default: '/vicidial/non_agent_api.php',
			description: 'Change only if your VICIdial web root is not the default',
		},
		{
			displayName: 'Agent API Path',
			name: 'agentPath',
			type: 'string',
			default: '/agc/api.php',
			description: 'Change only if your VICIdial web root is not the default',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the TLS certificate cannot be validated',
		},
	];

	/**
	 * A function, not `={{$credentials...}}` expressions: n8n would run its expression engine
	 * for each of them on every request. The login goes only to the configured server.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const server = originOf(
			typeof credentials.serverUrl === 'string' ? credentials.serverUrl.trim() : undefined,
		);
		const legacy = requestOptions as IHttpRequestOptions & { uri?: string };
		const target = originOf(requestOptions.url ?? legacy.uri, requestOptions.baseURL);
		if (!server || target !== server) {
			throw new Error(
				`This VICIdial credential sends its password only to its own Server URL${server ? ` (${server})` : ''}; the request goes elsewhere.`,
			);
		}
		const login: Record<string, string> = {
			user: typeof credentials.apiUser === 'string' ? credentials.apiUser.trim() : '',
			pass: typeof credentials.password === 'string' ? credentials.password : '',
			source: typeof credentials.source === 'string' ? credentials.source : '',
		};
		const body: unknown = requestOptions.body;
		const encoded = () => new URLSearchParams(login).toString();
		// n8n's HTTP Request node sends a "Form Urlencoded" body as the legacy `form` option
		const form: unknown = (requestOptions as { form?: unknown }).form;
		if (body === undefined && typeof form === 'string')
			return {
				...requestOptions,
				form: form === '' ? encoded() : `${form}&${encoded()}`,
			} as IHttpRequestOptions;
		if (body === undefined && form && typeof form === 'object')
			return {
				...requestOptions,
				form: { ...(form as Record<string, unknown>), ...login },
			} as IHttpRequestOptions;
		if (typeof body === 'string') {
			return { ...requestOptions, body: body === '' ? encoded() : `${body}&${encoded()}` };
		}
		if (body instanceof URLSearchParams) {
			const copy = new URLSearchParams(body);
			for (const [key, value] of Object.entries(login)) copy.set(key, value);
			return { ...requestOptions, body: copy };
		}
		if (
			body &&
			typeof body === 'object' &&
			typeof (body as { append?: unknown }).append === 'function' &&
			!Buffer.isBuffer(body)
		) {
			// multipart form data
			const form = body as { append(name: string, value: string): void };
			for (const [key, value] of Object.entries(login)) form.append(key, value);
			return requestOptions;
		}
		if (
			body === undefined ||
			body === null ||
			(typeof body === 'object' && !Buffer.isBuffer(body) && !Array.isArray(body))
		) {
			return {
				...requestOptions,
				body: { ...((body as Record<string, unknown>) ?? {}), ...login },
			};
		}
		throw new Error(
			'The VICIdial credential needs a form body (application/x-www-form-urlencoded) to put the login into.',
		);
	};
}
