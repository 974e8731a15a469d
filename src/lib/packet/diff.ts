/** What changed between two snapshots, section by section and number by number. */
import type { PacketSnapshot, SectionKey, TracedNumber } from './types';
import { SECTION_KEYS } from './types';

export interface NumberChange {
	key: string;
	before: TracedNumber | null;
	after: TracedNumber | null;
}

export interface SectionDiff {
	key: SectionKey;
	numbers: NumberChange[];
	narrativeChanged: boolean;
	/** Keys of the tables whose rows changed (added, removed or edited). */
	tables: string[];
}

export interface SnapshotDiff {
	/** Sections with at least one change, in document order. */
	sections: SectionDiff[];
	/** Fields of the tờ trình that changed. */
	submission: string[];
	/** Total number of changed numbers. */
	changedNumbers: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
		const ta = new Map((sa?.tables ?? []).map((t) => [t.key, t.rows]));
		const tb = new Map((sb?.tables ?? []).map((t) => [t.key, t.rows]));
		const tables = [...new Set([...ta.keys(), ...tb.keys()])].filter(
			(k) => !same(ta.get(k), tb.get(k))
		);
		const narrativeChanged = (sa?.narrative ?? '') !== (sb?.narrative ?? '');
		changedNumbers += numbers.length;
		if (numbers.length || tables.length || narrativeChanged)
			sections.push({ key, numbers, narrativeChanged, tables });
	}
	const submission = (Object.keys(b.submission) as (keyof PacketSnapshot['submission'])[]).filter(
		(k) => !same(a.submission[k], b.submission[k])
	);
	return { sections, submission, changedNumbers };
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
