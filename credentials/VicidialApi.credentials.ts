import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * One credential for both VICIdial APIs. `authenticate` puts user, pass and source into
 * the POST body: VICIdial reads them from there, and they never appear in a URL.
 * The connection test is `vicidialApiTest` on the VICIdial node (VICIdial answers
 * HTTP 200 even for a wrong password, so a plain HTTP test cannot tell).
 */
export class VicidialApi implements ICredentialType {
	name = 'vicidialApi';

	displayName = 'VICIdial API';

	icon: Icon = { light: 'file:../icons/vicidial.svg', dark: 'file:../icons/vicidial.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-vicidial-suite/n8n-nodes-vicidial-suite#credentials';

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
			description: "Name VICIdial records as the origin of each API call (2 to 20 letters or digits; VICIdial drops other characters)",
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			body: {
				user: '={{$credentials.apiUser}}',
				pass: '={{$credentials.password}}',
				source: '={{$credentials.source}}',
			},
		},
	};
}
