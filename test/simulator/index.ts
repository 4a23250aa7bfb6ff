/**
 * VICIdial 2.14 API simulator for tests: a real HTTP server on 127.0.0.1 answering like the
 * genuine non_agent_api.php and agc/api.php, from an in-memory copy of the harness seed.
 * See CONTRACT.md.
 */
export {
	startSimulator,
	type RecordedRequest,
	type Simulator,
	type SimulatorOptions,
} from './server';
export {
	FAULT_KINDS,
	APPLIED_FAULT_KINDS,
	NOT_APPLIED_FAULT_KINDS,
	type FaultCounts,
	type FaultKind,
	type FaultSettings,
} from './faults';
export { SEED_USERS } from './users';
