/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * The simulator's side of scripts/lib/simulator.ts: commands from the parent process over IPC
 * (`cli.ts --control`) for what only the dialer does to a genuine server: write rows, move its
 * clock; and the requests received, for the callers that count them.
 */
import type {
	SimulatorCommand,
	SimulatorMessage,
	SimulatorWhere,
} from '../../scripts/lib/simulator';
import type { Row } from './db';
import type { Simulator } from './server';

const matches = (where: SimulatorWhere) => (row: Row) =>
	Object.entries(where).every(([column, value]) => row[column] === String(value));

function run(sim: Simulator, command: SimulatorCommand): unknown {
	const { state } = sim;
	switch (command.op) {
		case 'requests':
			return sim.requests;
		case 'shiftClock':
			sim.setClock(() => new Date(Date.now() + command.ms));
			return undefined;
		case 'now':
			return { text: state.nowStr(), epoch: state.epoch() };
		case 'find':
			return state.db.t(command.table).find(matches(command.where));
		case 'insert':
			return state.db.t(command.table).insert(command.values, state.nowStr());
		case 'update': {
			const table = state.db.t(command.table);
			const row = table.find(matches(command.where));
			if (row) table.update(row, command.values, state.nowStr());
			return row;
		}
		default:
			throw new Error(`unknown command ${JSON.stringify(command)}`);
	}
}

/** Answers the parent's commands until it goes away. */
export function serveControl(sim: Simulator): void {
	const send = (message: SimulatorMessage) => process.send?.(message);
	process.on('message', (message: SimulatorCommand & { id: number }) => {
		try {
			send({ id: message.id, result: run(sim, message) });
		} catch (error) {
			send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
		}
	});
	process.on('disconnect', () => {
		void sim.close().then(() => process.exit(0));
	});
	send({ ready: sim.url });
}
