/**
 * Optimistic concurrency, the part a page needs: what a stale save answers (HTTP 409) so the
 * conflict panel (src/lib/components/ConflictPanel.svelte) can show the user's values beside
 * the stored ones. The server side is src/lib/server/core/concurrency.ts.
 */

/** One field whose submitted value differs from the stored one. */
export interface ConflictField {
	name: string;
	mine: string;
	theirs: string;
}

export interface ConflictInfo {
	/** The stored version now: a form that sends it saves the user's values ("keep mine"). */
	version: number | null;
	/** "Saved by … at …" in the user's language (from the audit trail when known). */
	savedBy: string;
	/** The record was deleted meanwhile: nothing can be saved. */
	deleted: boolean;
	/** The fields that differ, in the form's order. */
	fields: ConflictField[];
	/** Every stored value as the form would show it ("take theirs"). */
	theirs: Record<string, string>;
}

/** The data of a 409 form answer: the user's values (with the new version) and the conflict. */
export interface ConflictFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string;
	form?: string;
	conflict: ConflictInfo;
}

/** The name of the hidden form field that carries the version a form was loaded with. */
export const VERSION_FIELD = 'version';

/**
 * True when a submitted and a stored form value mean the same: equal text after trimming, or
 * equal numbers written with a decimal point or a Vietnamese decimal comma ("45,5" = "45.5").
 */
export function sameFormValue(a: string, b: string): boolean {
	const x = a.trim();
	const y = b.trim();
	if (x === y) return true;
	const nx = formNumber(x);
	const ny = formNumber(y);
	return nx !== null && ny !== null && nx === ny;
}

function formNumber(s: string): number | null {
	if (s === '') return null;
	let t = s.replace(/\s/g, '');
	if (/^-?\d{1,3}(\.\d{3})*,\d+$/.test(t) || /^-?\d+,\d+$/.test(t)) {
		t = t.replace(/\./g, '').replace(',', '.');
	}
	if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
	const n = Number(t);
	return Number.isFinite(n) ? n : null;
}

/**
 * The conflict of a page's `form` (its action data), or null: when `name` is given, only when
 * the failure is the form `name`'s (pages with several edit forms).
 */
export function conflictOf(form: unknown, name?: string): ConflictInfo | null {
	if (!form || typeof form !== 'object') return null;
	const f = form as { conflict?: unknown; form?: unknown };
	if (name !== undefined && f.form !== name) return null;
	const c = f.conflict as ConflictInfo | undefined;
	return c && typeof c === 'object' && Array.isArray(c.fields) ? c : null;
}
