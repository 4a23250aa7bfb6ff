/** The simulator's mutable world: the seeded database plus the clock everything reads. */
import { Database, type Row } from './db';
import { ciEq, fmtDateTime } from './mysql';
import { buildSeed } from './seed';

export class SimState {
	db: Database;
	/** Set by the recordingsHere option: recording locations point at this simulator. */
	recordingsUrl?: string;

	constructor(public clock: () => Date) {
		this.db = buildSeed(clock());
	}

	/** Back to the seed, with times relative to the current clock (like reset.sh). */
	reset(): void {
		this.db = buildSeed(this.clock());
	}

	now(): Date {
		return this.clock();
	}

	/** PHP date("Y-m-d H:i:s") / MariaDB NOW() (both UTC in the harness). */
	nowStr(): string {
		return fmtDateTime(this.clock());
	}

	/** PHP date("U") */
	epoch(): number {
		return Math.floor(this.clock().getTime() / 1000);
	}

	settings(): Row {
		return this.db.t('system_settings').rows[0];
	}

	setting(name: string): string {
		return this.settings()[name] ?? '';
	}

	/** `WHERE user='$user'` on vicidial_users (case-insensitive like the collation). */
	user(name: string): Row | undefined {
		return this.db.t('vicidial_users').find((r) => ciEq(r.user, name));
	}
}
