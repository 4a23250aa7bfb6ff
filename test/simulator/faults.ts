/** Injected transport faults (see CONTRACT.md), applied per request. */

export interface FaultSettings {
	latencyMs?: number; // wait this long before answering
	resetConnection?: boolean; // destroy the socket without any answer
	truncateBody?: boolean; // send headers with the full Content-Length, then half the body, then destroy
	emptyHttp500?: boolean; // answer HTTP 500 with an empty body
	functions?: string[]; // only requests whose `function` is listed (default: all)
	times?: number; // how many matching requests are affected (default: until cleared)
}

export class FaultController {
	private settings: FaultSettings | null = null;
	private remaining: number | null = null;

	set(settings: FaultSettings | null): void {
		this.settings = settings ? { ...settings, functions: settings.functions ? [...settings.functions] : undefined } : null;
		this.remaining = settings?.times ?? null;
	}

	/** The faults to apply to a request calling `fn`, counting it against `times`. */
	take(fn: string | undefined): FaultSettings | null {
		const f = this.settings;
		if (!f) return null;
		if (f.functions && !f.functions.includes(fn ?? '')) return null;
		if (this.remaining !== null) {
			if (this.remaining <= 0) return null;
			this.remaining--;
			if (this.remaining <= 0) {
				this.settings = null;
				this.remaining = null;
			}
		}
		return f;
	}
}

export function sleep(ms: number): Promise<void> {
	// unref: a delayed answer nobody waits for any more must not keep the test process alive
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
