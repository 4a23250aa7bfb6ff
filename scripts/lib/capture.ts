/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/**
 * Records what the nodes produced in a test (items, errors, messages) so the leak reporter can
 * search all of it for the test passwords after the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function capture(label: string, value: unknown): void {
	const dir = process.env.LEAK_CAPTURE_DIR;
	if (!dir) return;
	let text: string;
	try {
		text = JSON.stringify(value, (_key, v: unknown) =>
			v instanceof Error
				? { name: v.name, message: v.message, stack: v.stack, ...(v as object) }
				: v,
		);
	} catch {
		text = String(value);
	}
	fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify(label)} ${text}\n`);
}
