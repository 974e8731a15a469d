/**
 * The weights of the site-scoring criteria, the pure part: normalising typed weights, the
 * defaults, and reading AHP judgement matrices stored for an older set of criteria. The server
 * side (which weighting is in use, saving) is `$lib/server/sites/weights`.
 */

export type WeightSource = 'default' | 'direct' | 'ahp';

export interface WeightState {
	source: WeightSource;
	/** Normalised weights of the active criteria, by key. */
	weights: Record<string, number>;
	/** Who set them (user names or AHP participants). */
	setBy: string[];
	weightingId: number | null;
	updatedAt: number | null;
	/** Consistency of the group matrix when the weights come from AHP. */
	cr: number | null;
}

/** Weights of `keys` scaled to sum to 1 (missing, negative or non-finite count as 0); null when all are 0. */
export function normaliseWeights(
	keys: string[],
	raw: Record<string, number>
): Record<string, number> | null {
	const vals = keys.map((k) => (Number.isFinite(raw[k]) && raw[k] > 0 ? raw[k] : 0));
	const sum = vals.reduce((s, v) => s + v, 0);
	if (!(sum > 0)) return null;
	return Object.fromEntries(keys.map((k, i) => [k, vals[i] / sum]));
}

/** The criteria's default weights normalised, or equal weights when they are all 0. */
export function defaultWeights(
	active: readonly { key: string; defaultWeight: number }[]
): Record<string, number> {
	const keys = active.map((c) => c.key);
	return (
		normaliseWeights(keys, Object.fromEntries(active.map((c) => [c.key, c.defaultWeight]))) ??
		Object.fromEntries(keys.map((k) => [k, 1 / keys.length]))
	);
}

/** A stored matrix read for the current keys (pairs it does not cover count as equal, 1). */
export function remapMatrix(
	stored: { keys: string[]; matrix: number[][] },
	keys: string[]
): number[][] {
	const idx = new Map(stored.keys.map((k, i) => [k, i]));
	return keys.map((a, i) =>
		keys.map((b, j) => {
			if (i === j) return 1;
			const ia = idx.get(a);
			const ib = idx.get(b);
			const v = ia !== undefined && ib !== undefined ? stored.matrix[ia]?.[ib] : undefined;
			return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 1;
		})
	);
}

/** A reciprocal matrix from the upper-triangle judgements a_ij (i < j). */
export function matrixFromPairs(n: number, pairs: (i: number, j: number) => number): number[][] {
	const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const v = pairs(i, j);
			m[i][j] = v;
			m[j][i] = 1 / v;
		}
	}
	return m;
}
