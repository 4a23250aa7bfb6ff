/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Real n8n for the bench, through scripts/lib/realN8n.ts: n8n 2.41.1 on Node 24 from the shared
 * cache, the package built and packed from this checkout into a private folder and installed as
 * n8n's community installer does, its own user folder, ports and sqlite database. Each execution is
 * `n8n execute --id X --rawOutput`; the result is read from the JSON log line n8n prints, and the
 * n8n process's peak RSS (VmHWM) is read at its exit and sampled from /proc while it runs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import {
	createN8n,
	ensureN8n,
	packThisBuild,
	type Execution as RealExecution,
} from '../../scripts/lib/realN8n';
import { log } from './common';
import type { WorkflowJson } from './workflows';

export interface NodeRun {
	startTime: number;
	/** ms, as n8n measured the node's own run. */
	executionTime: number;
	items: IDataObject[];
	error?: string;
}

export type Execution = Omit<RealExecution, 'nodes' | 'output'> & {
	nodes: Record<string, NodeRun>;
};

export interface N8n {
	version: string;
	nodeVersion: string;
	userFolder: string;
	tarball: string;
	importCredentials(credentials: IDataObject[]): void;
	importWorkflows(workflows: WorkflowJson[]): void;
	execute(id: string, options?: { cpuProfileDir?: string; timeoutMs?: number }): Promise<Execution>;
	cleanup(): Promise<void>;
}

export async function setupN8n(options: { keep: boolean }): Promise<N8n> {
	const install = await ensureN8n(log);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-bench-pack-'));
	const tarball = packThisBuild(packDir);
	const n8n = await createN8n({
		install,
		tarball,
		keep: options.keep,
		sampleMemory: true,
		env: { N8N_ENCRYPTION_KEY: 'bench-only-key' },
	});
	log(`n8n ${install.version} on Node ${install.nodeVersion}; work folder ${n8n.work}`);
	return {
		version: install.version,
		nodeVersion: install.nodeVersion,
		userFolder: n8n.userFolder,
		tarball,
		importCredentials: (credentials) => n8n.importCredentials(credentials),
		importWorkflows: (workflows) => n8n.importWorkflows(workflows as unknown as IDataObject[]),
		async execute(id, executeOptions = {}) {
			const execution: Partial<Awaited<ReturnType<typeof n8n.execute>>> = {
				...(await n8n.execute(id, executeOptions)),
			};
			// the bench keeps figures, not the whole log
			delete execution.output;
			return execution as Execution;
		},
		async cleanup() {
			await n8n.stop();
			fs.rmSync(packDir, { recursive: true, force: true });
			if (options.keep) log(`kept ${n8n.work}`);
		},
	};
}
