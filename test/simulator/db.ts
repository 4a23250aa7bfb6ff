/**
 * A tiny in-memory stand-in for the VICIdial MariaDB: one Table per modelled table, rows as
 * mysqli hands them to PHP (every value a string, or null), in physical (insertion) order,
 * which is what un-ordered `LIMIT 1` queries return on the real MyISAM tables.
 */
import { SCHEMA, type ColumnSpec } from './schema.generated';
import {
	dateCol,
	datetimeCol,
	decimal2,
	enumCol,
	intCol,
	toNumber,
	toUtf8mb3,
	varchar,
} from './mysql';

export type Value = string | null;
export type Row = Record<string, Value>;
export type RowInput = Record<string, Value | number>;

interface Column {
	name: string;
	def: Value;
	extra: number;
	store: (v: string) => string;
}

const INT_RANGES: Record<string, [number, number, number]> = {
	tinyint: [-128, 127, 255],
	smallint: [-32768, 32767, 65535],
	mediumint: [-8388608, 8388607, 16777215],
	int: [-2147483648, 2147483647, 4294967295],
	bigint: [-(2 ** 63), 2 ** 63 - 1, 2 ** 64 - 1],
};

/** How a column turns the text of an SQL value into what it stores (non-strict mode). */
function storeFor(type: string): (v: string) => string {
	let m = /^(?:var)?char\((\d+)\)/.exec(type);
	if (m) {
		const n = Number(m[1]);
		return (v) => varchar(v, n);
	}
	m = /^(tinyint|smallint|mediumint|int|bigint)\b/.exec(type);
	if (m) {
		const [min, max, umax] = INT_RANGES[m[1]];
		const unsigned = /unsigned/.test(type);
		return (v) => String(intCol(v, unsigned ? 0 : min, unsigned ? umax : max));
	}
	m = /^decimal\((\d+),(\d+)\)/.exec(type);
	if (m) {
		const p = Number(m[1]);
		const s = Number(m[2]);
		const max = 10 ** (p - s) - 10 ** -s;
		if (s === 2) return (v) => decimal2(v, max);
		return (v) => {
			const n = Math.min(max, Math.max(-max, toNumber(v)));
			return n.toFixed(s);
		};
	}
	m = /^enum\((.*)\)$/.exec(type);
	if (m) {
		const members = [...m[1].matchAll(/'((?:[^']|'')*)'/g)].map((x) => x[1].replace(/''/g, "'"));
		return (v) => enumCol(v, members);
	}
	if (type === 'date') return dateCol;
	if (type === 'datetime' || type === 'timestamp') return datetimeCol;
	if (/^(double|float)/.test(type)) return (v) => String(toNumber(v));
	return toUtf8mb3; // text, blob, ...
}

export class Table {
	readonly columns: Column[];
	readonly byName = new Map<string, Column>();
	rows: Row[] = [];
	readonly autoIncrementColumn: string | null;
	/** The next AUTO_INCREMENT value, like the table option. */
	autoIncrement = 1;

	constructor(
		readonly name: string,
		specs: readonly ColumnSpec[],
	) {
		this.columns = specs.map(([n, type, def, extra]) => ({
			name: n,
			def,
			extra,
			store: storeFor(type),
		}));
		for (const c of this.columns) this.byName.set(c.name, c);
		this.autoIncrementColumn = this.columns.find((c) => c.extra === 1)?.name ?? null;
	}

	/** INSERT ... SET: unknown columns are an SQL error in the real server, a bug here. */
	insert(values: RowInput, now: string): Row {
		const row: Row = {};
		for (const c of this.columns) row[c.name] = c.def === '__NOW__' ? now : c.def;
		for (const [k, v] of Object.entries(values)) {
			const c = this.byName.get(k);
			if (!c) throw new Error(`simulator: ${this.name} has no column ${k}`);
			row[k] = v === null ? null : c.store(String(v));
		}
		const ai = this.autoIncrementColumn;
		if (ai) {
			const given = Number(row[ai] ?? 0);
			if (given > 0) {
				if (given >= this.autoIncrement) this.autoIncrement = given + 1;
			} else {
				row[ai] = String(this.autoIncrement++);
			}
		}
		this.rows.push(row);
		return row;
	}

	/** UPDATE of one row; ON UPDATE timestamps move only when a value really changes. */
	update(row: Row, values: RowInput, now: string): number {
		let changed = false;
		for (const [k, v] of Object.entries(values)) {
			const c = this.byName.get(k);
			if (!c) throw new Error(`simulator: ${this.name} has no column ${k}`);
			const nv = v === null ? null : c.store(String(v));
			if (row[k] !== nv) {
				row[k] = nv;
				changed = true;
			}
		}
		if (changed) {
			for (const c of this.columns) if (c.extra === 2 && !(c.name in values)) row[c.name] = now;
		}
		return changed ? 1 : 0;
	}

	find(pred: (r: Row) => boolean): Row | undefined {
		return this.rows.find(pred);
	}

	filter(pred: (r: Row) => boolean): Row[] {
		return this.rows.filter(pred);
	}

	count(pred: (r: Row) => boolean): number {
		let n = 0;
		for (const r of this.rows) if (pred(r)) n++;
		return n;
	}

	delete(pred: (r: Row) => boolean): number {
		const before = this.rows.length;
		this.rows = this.rows.filter((r) => !pred(r));
		return before - this.rows.length;
	}
}

export type TableName = keyof typeof SCHEMA & string;

/** All modelled tables, empty. */
export class Database {
	readonly tables = new Map<string, Table>();

	constructor() {
		for (const [name, specs] of Object.entries(SCHEMA))
			this.tables.set(name, new Table(name, specs));
	}

	t(name: string): Table {
		const table = this.tables.get(name);
		if (!table)
			throw new Error(
				`simulator: table ${name} is not modelled (name it in the simulator and run tools/generate-seed.js)`,
			);
		return table;
	}
}

/** A column value as PHP sees it after mysqli_fetch_row: null prints as ''. */
export function s(v: Value | undefined): string {
	return v ?? '';
}
