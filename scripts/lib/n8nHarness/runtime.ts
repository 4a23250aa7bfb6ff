/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The DI container n8n-core reads while it runs nodes, set up once per process (per test file in Jest). */
import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { GlobalConfig, SsrfProtectionConfig } from '@n8n/config';
import type { InstanceSettingsConfig } from '@n8n/config';
import { BinaryDataService, InstanceSettings } from 'n8n-core';
import { UnexpectedError } from 'n8n-workflow';
import type { IBinaryData } from 'n8n-workflow';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { capture } from '../capture';

type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';

interface HarnessRuntime {
	/** Temporary n8n folder (holds the InstanceSettings file); removed after the test file. */
	n8nFolder: string;
}

let runtime: HarnessRuntime | undefined;

const temporaryFolders: string[] = [];

function removeTemporaryFolders(): void {
	for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

// Jest evaluates this module once per test file; remove that file's folder after its tests.
// (A process 'exit' listener does not fire inside jest's sandbox.)
if (typeof afterAll === 'function') {
	afterAll(removeTemporaryFolders);
} else {
	process.once('exit', removeTemporaryFolders);
}

/**
 * Prepares what n8n-core takes from the DI container while executing nodes. Idempotent; every
 * exported function calls it. Jest gives each test file its own module registry, so each test
 * file gets its own container.
 *
 * - Logger: n8n's real winston logger. Level `N8N_LOG_LEVEL` (default `silent`, because
 *   n8n-core's ErrorReporter logs every node error, including the ones tests provoke on purpose).
 * - InstanceSettings: read by every node execution context. Its constructor writes a settings
 *   file (encryption key) into the n8n user folder, so it is built on a temporary folder instead
 *   of `~/.n8n`.
 * - SSRF protection: pinned to n8n's default (off), so an `N8N_SSRF_PROTECTION_ENABLED` in the
 *   environment cannot block the 127.0.0.1 servers the tests talk to.
 * - Proxy: when an HTTP(S)_PROXY variable is set, loopback is added to NO_PROXY for the same
 *   reason.
 * - BinaryDataService: the real service, not initialised, so it has no storage manager and keeps
 *   binary data inline (base64 in `binary.<key>.data`), like n8n's in-memory mode and n8n's own
 *   node test harness. `getBinaryBuffer` reads it back.
 * - OutboundHttp, ErrorReporter, Tracing, TriggersAndPollers, PollTriggerExecutor: built by the
 *   container from their defaults on first use.
 */
export function ensureN8nRuntime(): HarnessRuntime {
	if (runtime) return runtime;

	const globalConfig = Container.get(GlobalConfig);
	const levels: LogLevel[] = ['error', 'warn', 'info', 'debug', 'silent'];
	const level = process.env.N8N_LOG_LEVEL ?? 'silent';
	if (!levels.includes(level as LogLevel)) {
		throw new UnexpectedError(`n8n harness: N8N_LOG_LEVEL must be one of ${levels.join(', ')}`);
	}
	globalConfig.logging.level = level as LogLevel;
	const logger = Container.get(Logger);
	// Whatever n8n logs while running our nodes goes to the password leak check, at every level.
	if (process.env.LEAK_CAPTURE_DIR) {
		for (const method of ['error', 'warn', 'info', 'debug'] as const) {
			const original = logger[method].bind(logger);
			logger[method] = (message: string, meta?: Parameters<Logger['error']>[1]) => {
				capture(`n8n log ${method}`, { message, meta });
				original(message, meta);
			};
		}
	}

	const userHome = mkdtempSync(path.join(tmpdir(), 'n8n-harness-'));
	temporaryFolders.push(userHome);
	const n8nFolder = path.join(userHome, '.n8n');
	const instanceSettingsConfig = {
		enforceSettingsFilePermissions: false,
		encryptionKey: 'n8n-test-harness-encryption-key',
		n8nFolder,
		userHome,
	} as InstanceSettingsConfig;
	Container.set(InstanceSettings, new InstanceSettings(instanceSettingsConfig, logger));

	Container.get(SsrfProtectionConfig).enabled = false;
	if (
		process.env.HTTP_PROXY ??
		process.env.HTTPS_PROXY ??
		process.env.http_proxy ??
		process.env.https_proxy
	) {
		const noProxy = process.env.NO_PROXY ?? process.env.no_proxy ?? '';
		process.env.NO_PROXY = [noProxy, '127.0.0.1', 'localhost', '::1'].filter(Boolean).join(',');
	}

	// Fail loudly now rather than in the middle of a node execution.
	const binaryDataService = Container.get(BinaryDataService);
	if (!(binaryDataService instanceof BinaryDataService)) {
		throw new UnexpectedError('n8n harness: BinaryDataService could not be created');
	}

	runtime = { n8nFolder };
	return runtime;
}

/** Reads binary data produced by `helpers.prepareBinaryData` (inline or stored). */
export async function getBinaryBuffer(binaryData: IBinaryData): Promise<Buffer> {
	ensureN8nRuntime();
	return await Container.get(BinaryDataService).getAsBuffer(binaryData);
}
