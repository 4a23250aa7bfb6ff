/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * A short story with the real nodes, run by n8n-core against the VICIdial simulator:
 *
 *   a web form comes in → it becomes a lead (Create or Update) → the lead is found by phone →
 *   an agent takes a break and comes back → the lead's call ends with SALE →
 *   the VICIdial Trigger ("Lead reached a status") fires for it.
 *
 * Run: node scripts/run-ts.js scripts/demo.ts     (no VICIdial needed; exits 0 on success)
 *
 * Each step prints the items that went in and the items that came out, as n8n would pass them on.
 * The API password is a random one set for this run and is never printed.
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { VicidialApi } from '../credentials/VicidialApi.credentials';
import { Vicidial } from '../nodes/Vicidial/Vicidial.node';
import { VicidialAgent } from '../nodes/VicidialAgent/VicidialAgent.node';
import { executeNode, pollOnce } from './lib/n8nHarness';
import type { PollOnceResult } from './lib/n8nHarness';
import { launchSimulator, type SimulatorProcess as Simulator } from './lib/simulator';

const API_USER = '6666';
const PASSWORD = `demo-${randomBytes(9).toString('hex')}`;

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const yellow = paint('33');
const red = paint('31');

/** Everything printed goes through here: the password must never reach the screen. */
function say(text = ''): void {
	if (text.includes(PASSWORD)) throw new Error('demo: refusing to print the API password');
	console.log(text);
}

/** Items as n8n shows them in its JSON view, one block per item, long values shortened; `only` picks fields. */
function showItems(label: string, items: IDataObject[], only?: string[]): void {
	if (items.length === 0) {
		say(`  ${label}: ${dim('(no items)')}`);
		return;
	}
	items.forEach((item, index) => {
		const picked = only
			? Object.fromEntries(only.filter((key) => key in item).map((key) => [key, item[key]]))
			: item;
		const shown = JSON.stringify(
			picked,
			(_key, value: unknown) =>
				typeof value === 'string' && value.length > 80 ? `${value.slice(0, 77)}...` : value,
			2,
		);
		const prefix = `  ${label}${items.length > 1 ? ` [${index + 1}]` : ''}: `;
		say(prefix + shown.split('\n').join(`\n${' '.repeat(prefix.length)}`));
		const hidden = Object.keys(item).length - Object.keys(picked).length;
		if (hidden > 0) say(dim(`${' '.repeat(prefix.length)}(and ${hidden} more fields)`));
	});
}

let stepNo = 0;
function step(title: string, node: string): void {
	stepNo += 1;
	say();
	say(bold(`Step ${stepNo}. ${title}`));
	say(dim(`  node: ${node}`));
}

interface NodeRun {
	nodeType: INodeType;
	parameters: IDataObject;
	items: IDataObject[];
	/** Fields to print of each output item (all when not given). */
	show?: string[];
}

const credentials = (sim: Simulator) => ({
	vicidialApi: { serverUrl: sim.url, apiUser: API_USER, password: PASSWORD, source: 'n8ndemo' },
});

/** Runs one node in a two-node workflow (input → node) with n8n-core's WorkflowExecute. */
async function run(
	sim: Simulator,
	{ nodeType, parameters, items, show }: NodeRun,
): Promise<IDataObject[]> {
	showItems('in ', items);
	const inputItems: INodeExecutionData[] = items.map((json) => ({ json }));
	const result = await executeNode({
		nodeType,
		credentialTypes: [new VicidialApi()],
		credentials: credentials(sim),
		parameters: parameters as never,
		inputItems,
	});
	if (result.error) {
		const error = result.error as Error & { description?: string };
		throw new Error(`${error.message}${error.description ? ` (${error.description})` : ''}`);
	}
	const out = result.items.map((item) => item.json);
	showItems(green('out'), out, show);
	return out;
}

async function poll(sim: Simulator, staticData: IDataObject): Promise<PollOnceResult> {
	const { VicidialTrigger } = (await import('../nodes/VicidialTrigger/VicidialTrigger.node')) as {
		VicidialTrigger: new () => INodeType;
	};
	return await pollOnce({
		nodeType: new VicidialTrigger(),
		credentialTypes: [new VicidialApi()],
		credentials: credentials(sim),
		parameters: { event: 'leadStatus', statuses: 'SALE', listIds: '101' } as never,
		staticData,
	});
}

/** What the dialer writes when an agent ends a call with a status: the call log row and the lead. */
async function callEndsWithStatus(
	sim: Simulator,
	leadId: string,
	status: string,
	agent: string,
): Promise<IDataObject> {
	const lead = await sim.find('vicidial_list', { lead_id: leadId });
	if (!lead) throw new Error(`demo: lead ${leadId} is not in the simulator`);
	const { text: now, epoch } = await sim.now();
	const call = {
		uniqueid: `${epoch}.${leadId}`,
		lead_id: leadId,
		list_id: String(lead.list_id),
		campaign_id: 'TESTCAMP',
		call_date: now,
		start_epoch: String(epoch - 185),
		end_epoch: String(epoch),
		length_in_sec: '185',
		status,
		phone_code: String(lead.phone_code ?? '1'),
		phone_number: String(lead.phone_number),
		user: agent,
		user_group: 'AGENTS',
		term_reason: 'AGENT',
		called_count: '1',
	};
	await sim.insert('vicidial_log', call);
	await sim.update(
		'vicidial_list',
		{ lead_id: leadId },
		{
			status,
			user: agent,
			last_local_call_time: now,
			called_count: String(Number(lead.called_count ?? 0) + 1),
		},
	);
	return call;
}

/** The lead fields worth reading in the story (the nodes return every column). */
const LEAD_SUMMARY = [
	'lead_id',
	'status',
	'user',
	'first_name',
	'last_name',
	'phone_number',
	'email',
	'comments',
	'called_count',
	'last_local_call_time',
	'list_id',
];

async function main(): Promise<number> {
	const sim = await launchSimulator();
	// A password of our own for this run, so the check in say() means something.
	if (!(await sim.update('vicidial_users', { user: API_USER }, { pass: PASSWORD })))
		throw new Error('demo: the simulator has no user 6666');
	let skipped = 0;
	try {
		say(bold('VICIdial nodes for n8n: a short demo'));
		say(
			dim(
				`VICIdial simulator on ${sim.url} (user ${API_USER}); every step is a real node run by n8n-core.`,
			),
		);

		// The trigger is switched on first, like activating the workflow: it notes what already happened.
		step(
			'Activate the workflow: the trigger watches for leads reaching SALE in list 101',
			'VICIdial Trigger → Lead Reached a Status (first poll)',
		);
		let triggerState: IDataObject | undefined;
		let triggerProblem: string | undefined;
		try {
			const first = await poll(sim, {});
			if (first.error) throw first.error;
			triggerState = first.staticData;
			showItems(
				green('out'),
				(first.items?.[0] ?? []).map((item) => item.json),
			);
			say(dim('  (the first poll only notes where things stand; older sales do not fire)'));
		} catch (error) {
			triggerProblem = (error as Error).message;
			skipped += 1;
			say(yellow(`  skipped: the VICIdial Trigger did not work here (${triggerProblem})`));
		}

		const form = {
			name: 'Maria Garcia',
			phone: '(312) 555-0199',
			email: 'maria.garcia@example.com',
			interest: 'Solar panels, 3-bedroom house',
		};
		step(
			'A web form arrives and becomes a lead',
			'VICIdial → Lead → Create or Update (list 101, matched by phone)',
		);
		const [upserted] = await run(sim, {
			nodeType: new Vicidial(),
			items: [form],
			parameters: {
				resource: 'lead',
				operation: 'upsert',
				searchMethod: 'PHONE_NUMBER',
				phoneNumber: "={{ $json.phone.replace(/\\D/g, '') }}",
				listId: '101',
				firstName: "={{ $json.name.split(' ')[0] }}",
				lastName: "={{ $json.name.split(' ').slice(1).join(' ') }}",
				additionalFields: {
					email: '={{ $json.email }}',
					comments: '={{ "Web form: " + $json.interest }}',
				},
			},
		});
		const leadId = String(upserted.lead_id);

		step('Find the lead by phone number', 'VICIdial → Lead → Search by Phone');
		await run(sim, {
			nodeType: new Vicidial(),
			items: [{ phone: '3125550199' }],
			parameters: {
				resource: 'lead',
				operation: 'searchByPhone',
				phoneNumber: '={{ $json.phone }}',
			},
		});

		step('Agent 1001 takes a break', 'VICIdial Agent → Agent Session → Pause or Resume (Pause)');
		await run(sim, {
			nodeType: new VicidialAgent(),
			items: [{ agent: '1001' }],
			parameters: {
				resource: 'session',
				operation: 'pauseOrResume',
				agentUser: '={{ $json.agent }}',
				value: 'PAUSE',
			},
		});

		step('Agent 1001 is back', 'VICIdial Agent → Agent Session → Pause or Resume (Resume)');
		await run(sim, {
			nodeType: new VicidialAgent(),
			items: [{ agent: '1001' }],
			parameters: {
				resource: 'session',
				operation: 'pauseOrResume',
				agentUser: '={{ $json.agent }}',
				value: 'RESUME',
			},
		});

		step(
			`Agent 1001 calls lead ${leadId}; the call ends with SALE`,
			'VICIdial itself (set in the simulator: the call log and the lead)',
		);
		const call = await callEndsWithStatus(sim, leadId, 'SALE', '1001');
		showItems('call', [
			{
				lead_id: Number(leadId),
				status: call.status,
				user: call.user,
				call_date: call.call_date,
				length_in_sec: Number(call.length_in_sec),
			},
		]);

		step('The lead now reads', 'VICIdial → Lead → Get All Info');
		await run(sim, {
			nodeType: new Vicidial(),
			items: [{ lead_id: leadId }],
			parameters: { resource: 'lead', operation: 'getAllInfo', leadId: '={{ $json.lead_id }}' },
			show: LEAD_SUMMARY,
		});

		step(
			'The trigger polls: "Lead reached a status" SALE in list 101',
			'VICIdial Trigger (polling), second poll after activation',
		);
		try {
			if (triggerProblem) throw new Error(triggerProblem);
			const second = await poll(sim, triggerState ?? {});
			if (second.error) throw second.error;
			const emitted = (second.items?.[0] ?? []).map((item) => item.json);
			showItems(green('out'), emitted, ['event', 'status_searched', 'call_date', ...LEAD_SUMMARY]);
			if (!emitted.some((item) => String(item.lead_id) === leadId && item.status === 'SALE'))
				throw new Error(`the poll did not emit lead ${leadId} with SALE`);
		} catch (error) {
			skipped += 1;
			say(
				yellow(`  skipped: the VICIdial Trigger did not work here (${(error as Error).message})`),
			);
		}

		say();
		say(
			skipped === 0
				? green(
						bold(
							'Done: the web form became a lead, was worked and sold, and the trigger saw the sale.',
						),
					)
				: yellow(
						bold(`Done, with ${skipped} ${skipped === 1 ? 'step' : 'steps'} skipped (see above).`),
					),
		);
		return 0;
	} catch (error) {
		say(red(`Demo failed: ${(error as Error).message}`));
		return 1;
	} finally {
		await sim.close();
	}
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(red(`Demo failed: ${error instanceof Error ? error.message : String(error)}`));
		process.exit(1);
	},
);
