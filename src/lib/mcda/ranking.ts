/**
 * Ranking and rank-correlation helpers (internal).
 */

/**
 * Sorts `idx` (overwritten with 0..n−1) so that it lists alternatives best first: higher score
 * first, ties broken by the lower index. Uses a typed-array sort of indices, so it allocates
 * nothing and can run inside the SMAA sampling loop.
 */
export function rankInto(scores: ArrayLike<number>, idx: Uint32Array): Uint32Array {
	const n = idx.length;
	for (let i = 0; i < n; i++) idx[i] = i;
	idx.sort((a, b) => scores[b] - scores[a] || a - b);
	return idx;
}

/** Alternatives best first (higher score first, ties by index order). */
export function rankDescending(scores: ArrayLike<number>): number[] {
	return Array.from(rankInto(scores, new Uint32Array(scores.length)));
}

/** Index of the best alternative (highest score, lowest index among ties). */
export function argmaxFirst(scores: ArrayLike<number>): number {
	let best = 0;
	for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
	return best;
}

/**
 * Kendall's tau-a between two rankings given as permutations (best first) of the same items:
 * τ = (C − D) / (n(n − 1)/2), with C / D the concordant / discordant pairs (Kendall 1938).
 * Returns 1 when there are fewer than two items.
 */
export function kendallTauPermutations(a: readonly number[], b: readonly number[]): number {
	const n = a.length;
	if (n < 2) return 1;
	const posA = new Int32Array(n);
	const posB = new Int32Array(n);
	for (let r = 0; r < n; r++) {
		posA[a[r]] = r;
		posB[b[r]] = r;
	}
	let s = 0;
	for (let x = 0; x < n; x++) {
		for (let y = x + 1; y < n; y++) {
			s += Math.sign(posA[x] - posA[y]) * Math.sign(posB[x] - posB[y]);
		}
	}
	return s / ((n * (n - 1)) / 2);
}

/**
 * Kendall's tau-b between two value vectors (ties allowed):
 * τ_b = (C − D) / sqrt((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 / n2 = tied pairs in x / y.
 * When both vectors are fully tied the result is 1; when only one is, 0.
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
	const n = x.length;
	if (n < 2) return 1;
	let s = 0;
	let tiesX = 0;
	let tiesY = 0;
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const dx = Math.sign(x[i] - x[j]);
			const dy = Math.sign(y[i] - y[j]);
			if (dx === 0) tiesX++;
			if (dy === 0) tiesY++;
			s += dx * dy;
		}
	}
	const n0 = (n * (n - 1)) / 2;
	const denom = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
	if (denom === 0) return tiesX === n0 && tiesY === n0 ? 1 : 0;
	return s / denom;
}
