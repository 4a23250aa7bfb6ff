/**
 * Fails the test run if any test password appears in what the suite produced: captured node
 * output and errors (see capture.ts), test failure messages, and console output.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { CANARY_PASSWORDS } = require('./canaries');

class LeakReporter {
	constructor() {
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vicidial-leak-'));
		process.env.LEAK_CAPTURE_DIR = this.dir;
		this.findings = [];
		this.capturedBytes = 0;
	}

	scan(where, text) {
		if (!text) return;
		for (const secret of CANARY_PASSWORDS) {
			if (text.includes(secret)) this.findings.push(`${where}: contains test password "${secret}"`);
		}
	}

	onTestResult(_test, result) {
		this.scan(`${result.testFilePath} failure message`, result.failureMessage);
		for (const entry of result.console ?? [])
			this.scan(`${result.testFilePath} console`, entry.message);
		for (const assertion of result.testResults ?? [])
			this.scan(`${assertion.fullName}`, (assertion.failureMessages ?? []).join('\n'));
	}

	onRunComplete() {
		for (const file of fs.readdirSync(this.dir)) {
			const text = fs.readFileSync(path.join(this.dir, file), 'utf8');
			this.capturedBytes += text.length;
			for (const line of text.split('\n'))
				this.scan(`captured output (${line.slice(0, 80)}…)`, line);
		}
		fs.rmSync(this.dir, { recursive: true, force: true });
		if (this.findings.length > 0) {
			process.stderr.write(
				`\nPASSWORD LEAK CHECK FAILED:\n${[...new Set(this.findings)].join('\n')}\n`,
			);
		} else {
			process.stderr.write(
				`Password leak check: ${CANARY_PASSWORDS.length} test passwords searched in ${this.capturedBytes} bytes of captured node output and all test messages: none found.\n`,
			);
		}
	}

	getLastError() {
		return this.findings.length > 0 ? new Error('a test password leaked') : undefined;
	}
}

module.exports = LeakReporter;
