/**
 * What changed between two snapshots: per section the numbers, the narrative word by word
 * (inserted and deleted words) and the tables row by row (added, removed and changed rows with
 * the changed cells); the tờ trình's fields word by word. Pure and JSON-serialisable, so the
 * server computes it once and the pages render it.
 */
import type { Cell, PacketSnapshot, PacketTable, SectionKey, TracedNumber } from './types';
import { SECTION_KEYS } from './types';

export interface NumberChange {
	key: string;
	before: TracedNumber | null;
	after: TracedNumber | null;
}

/** One run of words: kept, inserted (only in the later text) or deleted (only in the earlier). */
export interface WordOp {
	op: 'same' | 'ins' | 'del';
	text: string;
}

export interface RowChange {
	/** The row as it is in the later version. */
	row: Cell[];
	/** The changed cells: column index, value before and after. */
	cells: { col: number; before: Cell; after: Cell }[];
}

export interface TableDiff {
	key: string;
	titleVi: string;
	titleEn: string;
	headVi: string[];
	headEn: string[];
	added: Cell[][];
	removed: Cell[][];
	changed: RowChange[];
	/** Rows left out of the three lists above (each list keeps at most MAX_TABLE_ROWS). */
	omitted: number;
}

export interface SectionDiff {
	key: SectionKey;
	numbers: NumberChange[];
	narrativeChanged: boolean;
	/** The narrative, word by word (null when unchanged). */
	narrative: WordOp[] | null;
	/** Keys of the tables whose rows changed (added, removed or edited). */
	tables: string[];
	/** The changed tables, row by row. */
	tableChanges: TableDiff[];
}

/** A changed field of the tờ trình: text fields word by word, others only as changed. */
export interface FieldChange {
	key: string;
	words: WordOp[] | null;
}

export interface SnapshotDiff {
	/** Sections with at least one change, in document order. */
	sections: SectionDiff[];
	/** Fields of the tờ trình that changed. */
	submission: string[];
	/** The changed fields of the tờ trình, with their word changes. */
	submissionChanges: FieldChange[];
	/** Total number of changed numbers. */
	changedNumbers: number;
}

/** Most rows listed per kind of change and table (a long table's diff stays readable). */
export const MAX_TABLE_ROWS = 50;
/** Above this many token pairs the word diff replaces the changed middle as a whole. */
const MAX_WORD_CELLS = 4_000_000;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const tokens = (s: string) => s.match(/\s+|[^\s]+/g) ?? [];

function push(out: WordOp[], op: WordOp['op'], text: string) {
	if (!text) return;
	const last = out[out.length - 1];
	if (last && last.op === op) last.text += text;
	else out.push({ op, text });
}

/**
 * The word diff of two texts (longest common subsequence of words and spaces). Concatenating
 * the `same` and `del` runs gives the earlier text, `same` and `ins` the later one.
 */
export function wordDiff(a: string, b: string): WordOp[] {
	const x = tokens(a);
	const y = tokens(b);
	let start = 0;
	while (start < x.length && start < y.length && x[start] === y[start]) start++;
	let endX = x.length;
	let endY = y.length;
	while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
		endX--;
		endY--;
	}
	const out: WordOp[] = [];
	push(out, 'same', x.slice(0, start).join(''));
	const mx = x.slice(start, endX);
	const my = y.slice(start, endY);
	const n = mx.length;
	const m = my.length;
	if (n * m > MAX_WORD_CELLS) {
		push(out, 'del', mx.join(''));
		push(out, 'ins', my.join(''));
	} else if (n > 0 || m > 0) {
		// lcs[i][j] = LCS length of mx[i..] and my[j..], one flat array.
		const w = m + 1;
		const lcs = new Uint32Array((n + 1) * w);
		for (let i = n - 1; i >= 0; i--) {
			for (let j = m - 1; j >= 0; j--) {
				lcs[i * w + j] =
					mx[i] === my[j]
						? lcs[(i + 1) * w + j + 1] + 1
						: Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
			}
		}
		let i = 0;
		let j = 0;
		while (i < n && j < m) {
			if (mx[i] === my[j]) {
				push(out, 'same', mx[i]);
				i++;
				j++;
			} else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
				push(out, 'del', mx[i++]);
			} else {
				push(out, 'ins', my[j++]);
			}
		}
		while (i < n) push(out, 'del', mx[i++]);
		while (j < m) push(out, 'ins', my[j++]);
	}
	push(out, 'same', x.slice(endX).join(''));
	return out;
}

const cellKey = (c: Cell) => (c === null ? '\u0000' : String(c));

/**
 * The key of each row: its first cell when the first cells are unique in both versions, else
 * its first two cells, else null (rows are then only added or removed, never "changed").
 */
function rowKeys(a: Cell[][], b: Cell[][]): ((r: Cell[]) => string) | null {
	for (const width of [1, 2]) {
		const key = (r: Cell[]) => r.slice(0, width).map(cellKey).join('\u0001');
		const unique = (rows: Cell[][]) => new Set(rows.map(key)).size === rows.length;
		if (unique(a) && unique(b)) return key;
	}
	return null;
}

/** The row-by-row diff of two versions of a table (null when equal). */
export function tableDiff(
	ta: PacketTable | undefined,
	tb: PacketTable | undefined
): TableDiff | null {
	const a = ta?.rows ?? [];
	const b = tb?.rows ?? [];
	if (same(a, b)) return null;
	const meta = (tb ?? ta)!;
	const added: Cell[][] = [];
	const removed: Cell[][] = [];
	const changed: RowChange[] = [];
	const key = rowKeys(a, b);
	if (key) {
		const before = new Map(a.map((r) => [key(r), r]));
		const afterKeys = new Set(b.map(key));
		for (const r of b) {
			const old = before.get(key(r));
			if (!old) added.push(r);
			else if (!same(old, r)) {
				const cells: RowChange['cells'] = [];
				for (let c = 0; c < Math.max(old.length, r.length); c++) {
					if (!same(old[c] ?? null, r[c] ?? null)) {
						cells.push({ col: c, before: old[c] ?? null, after: r[c] ?? null });
					}
				}
				changed.push({ row: r, cells });
			}
		}
		for (const r of a) if (!afterKeys.has(key(r))) removed.push(r);
	} else {
		// Without a key, compare the rows as a multiset.
		const count = new Map<string, number>();
		for (const r of a) count.set(JSON.stringify(r), (count.get(JSON.stringify(r)) ?? 0) + 1);
		for (const r of b) {
			const k = JSON.stringify(r);
			const n = count.get(k) ?? 0;
			if (n > 0) count.set(k, n - 1);
			else added.push(r);
		}
		for (const r of a) {
			const k = JSON.stringify(r);
			const n = count.get(k) ?? 0;
			if (n > 0) {
				removed.push(r);
				count.set(k, n - 1);
			}
		}
	}
	const omitted =
		Math.max(0, added.length - MAX_TABLE_ROWS) +
		Math.max(0, removed.length - MAX_TABLE_ROWS) +
		Math.max(0, changed.length - MAX_TABLE_ROWS);
	return {
		key: meta.key,
		titleVi: meta.titleVi,
		titleEn: meta.titleEn,
		headVi: meta.headVi,
		headEn: meta.headEn,
		added: added.slice(0, MAX_TABLE_ROWS),
		removed: removed.slice(0, MAX_TABLE_ROWS),
		changed: changed.slice(0, MAX_TABLE_ROWS),
		omitted
	};
}

/** A tờ trình field as text for the word diff (lists one item a line), or null. */
function fieldText(v: unknown): string | null {
	if (typeof v === 'string') return v;
	if (typeof v === 'number') return String(v);
	if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('\n');
	return null;
}

/** Lists the changes from `a` (before) to `b` (after). */
export function diffSnapshots(a: PacketSnapshot, b: PacketSnapshot): SnapshotDiff {
	const sections: SectionDiff[] = [];
	let changedNumbers = 0;
	for (const key of SECTION_KEYS) {
		const sa = a.sections.find((s) => s.key === key);
		const sb = b.sections.find((s) => s.key === key);
		const na = sa?.numbers ?? {};
		const nb = sb?.numbers ?? {};
		const keys = [...new Set([...Object.keys(na), ...Object.keys(nb)])];
		const numbers: NumberChange[] = [];
		for (const k of keys) {
			const before = na[k] ?? null;
			const after = nb[k] ?? null;
			if (
				before === null ||
				after === null ||
				before.value !== after.value ||
				before.unit !== after.unit
			) {
				numbers.push({ key: k, before, after });
			}
		}
		const ta = new Map((sa?.tables ?? []).map((t) => [t.key, t]));
		const tb = new Map((sb?.tables ?? []).map((t) => [t.key, t]));
		const tableChanges = [...new Set([...ta.keys(), ...tb.keys()])]
			.map((k) => tableDiff(ta.get(k), tb.get(k)))
			.filter((d): d is TableDiff => d !== null);
		const narrA = sa?.narrative ?? '';
		const narrB = sb?.narrative ?? '';
		const narrativeChanged = narrA !== narrB;
		changedNumbers += numbers.length;
		if (numbers.length || tableChanges.length || narrativeChanged) {
			sections.push({
				key,
				numbers,
				narrativeChanged,
				narrative: narrativeChanged ? wordDiff(narrA, narrB) : null,
				tables: tableChanges.map((t) => t.key),
				tableChanges
			});
		}
	}
	const subA = a.submission as unknown as Record<string, unknown>;
	const subB = b.submission as unknown as Record<string, unknown>;
	const submission = [...new Set([...Object.keys(subA), ...Object.keys(subB)])].filter(
		(k) => !same(subA[k], subB[k])
	);
	const submissionChanges = submission.map((k) => {
		const ta = fieldText(subA[k] ?? '');
		const tb = fieldText(subB[k] ?? '');
		return { key: k, words: ta !== null && tb !== null ? wordDiff(ta, tb) : null };
	});
	return { sections, submission, submissionChanges, changedNumbers };
}

/**
 * Numbers whose value changed since a snapshot was assembled (the recompute check): compares
 * the stored snapshot with one assembled now from the same draft.
 */
export function changedNumbers(stored: PacketSnapshot, fresh: PacketSnapshot): NumberChange[] {
	return diffSnapshots(stored, fresh).sections.flatMap((s) =>
		s.numbers.map((c) => ({ ...c, key: `${s.key}.${c.key}` }))
	);
}
