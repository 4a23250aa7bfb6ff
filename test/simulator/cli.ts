/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * `npm run simulator -- [--port 8090] [--latency 200] [--reset-connection] [--truncate-body]
 *  [--empty-500] [--fault appliedEmpty500=0.02 --fault notAppliedReset=0.01] [--seed 7] [--hang-ms 5000]
 *  [--functions add_lead,lead_search] [--times 3] [--control]`
 * Starts the simulator, prints its URL and the seed logins, runs until Ctrl-C. With --control
 * (started by scripts/lib/simulator.ts) it answers its parent's commands over IPC instead.
 */
import { FAULT_KINDS, checkKinds, type FaultKind, type FaultSettings } from './faults';
import { serveControl } from './control';
import { SEED_USERS, startSimulator } from './index';

function parseArgs(argv: string[]): {
	port: number;
	faults: FaultSettings | null;
	control: boolean;
} {
	let port = 8090;
	let control = false;
	const faults: FaultSettings = {};
	let anyFault = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const next = (): string => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${a} needs a value`);
			return v;
		};
		switch (a) {
			case '--port':
				port = Number(next());
				break;
			case '--latency':
				faults.latencyMs = Number(next());
				anyFault = true;
				break;
			case '--reset-connection':
				faults.resetConnection = true;
				anyFault = true;
				break;
			case '--truncate-body':
				faults.truncateBody = true;
				anyFault = true;
				break;
			case '--empty-500':
				faults.emptyHttp500 = true;
				anyFault = true;
				break;
			case '--fault': {
				const [kind, rate] = next().split('=');
				faults.kinds = {
					...faults.kinds,
					[kind]: rate === undefined ? 1 : Number(rate),
				} as Partial<Record<FaultKind, number>>;
				checkKinds(faults.kinds);
				anyFault = true;
				break;
			}
			case '--seed':
				faults.seed = Number(next());
				break;
			case '--hang-ms':
				faults.hangMs = Number(next());
				break;
			case '--functions':
				faults.functions = next().split(',');
				break;
			case '--times':
				faults.times = Number(next());
				break;
			case '--control':
				control = true;
				break;
			case '--help':
			case '-h':
				console.log(
					'usage: npm run simulator -- [--port 8090] [--latency ms] [--reset-connection] [--truncate-body] [--empty-500] [--fault kind=rate]... [--seed n] [--hang-ms ms] [--functions a,b] [--times n] [--control]',
				);
				console.log(`fault kinds: ${FAULT_KINDS.join(', ')}`);
				process.exit(0);
				break;
			default:
				throw new Error(`unknown option ${a}`);
		}
	}
	return { port, faults: anyFault ? faults : null, control };
}

async function main(): Promise<void> {
	const { port, faults, control } = parseArgs(process.argv.slice(2));
	const sim = await startSimulator({ port });
	sim.faults(faults);
	if (control) return serveControl(sim);
	console.log(`VICIdial simulator listening on ${sim.url}`);
	console.log(`  Non-Agent API: ${sim.url}/vicidial/non_agent_api.php`);
	console.log(`  Agent API:     ${sim.url}/agc/api.php`);
	if (faults) console.log(`  faults: ${JSON.stringify(faults)}`);
	console.log('Seed users (password / role):');
	for (const u of SEED_USERS) console.log(`  ${u.user.padEnd(6)} ${u.pass}  ${u.role}`);
	console.log('Ctrl-C to stop.');
	const stop = (): void => {
		void sim.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
