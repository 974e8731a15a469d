/**
 * Prepared scorers (internal). Each method is split into a weight-independent preparation
 * (validation, normalisation, PROMETHEE unicriterion flows; done once) and a cheap scoring step
 * for a given weight vector (O(alternatives × criteria), no allocation). The public functions,
 * SMAA and the sensitivity sweeps all share these code paths.
 */
import { normalise } from './normalise';
import { preferenceValue, checkPreferenceFunctions } from './preference';
import type { PreferenceFunction, TopsisNormalisation, WeightedSumNormalisation } from './types';
import type { MatrixShape } from './validate';

/** A scorer for one decision matrix: writes a score per alternative (higher is better). */
export interface PreparedScorer {
	readonly rows: number;
	readonly cols: number;
	/** `weights` must be non-negative and sum to 1; `out` has one slot per alternative. */
	score(weights: Float64Array, out: Float64Array): void;
}

/** Weighted sum: S_i = Σ_j w_j r_ij with r oriented so that higher is better. */
export class WeightedSumScorer implements PreparedScorer {
	readonly rows: number;
	readonly cols: number;
	/** Oriented normalised matrix, row-major. */
	readonly r: Float64Array;

	constructor(
		x: Float64Array,
		shape: MatrixShape,
		isCost: Uint8Array,
		normalisation: WeightedSumNormalisation
	) {
		this.rows = shape.rows;
		this.cols = shape.cols;
		this.r = normalise(x, shape, isCost, normalisation);
	}

	score(weights: Float64Array, out: Float64Array): void {
		const { rows, cols, r } = this;
		for (let i = 0; i < rows; i++) {
			const base = i * cols;
			let s = 0;
			for (let j = 0; j < cols; j++) s += weights[j] * r[base + j];
			out[i] = s;
		}
	}
}

/**
 * TOPSIS closeness C_i = D⁻_i / (D⁺_i + D⁻_i). Because w_j ≥ 0, the weighted ideal is
 * w_j · best_j, so D⁺_i = sqrt(Σ_j w_j² (r_ij − best_j)²) and the squared differences are
 * precomputed once. When D⁺ + D⁻ = 0 (all alternatives coincide on every weighted criterion)
 * the closeness is defined as 0.5 for everyone.
 */
export class TopsisScorer implements PreparedScorer {
	readonly rows: number;
	readonly cols: number;
	readonly r: Float64Array;
	readonly best: Float64Array;
	readonly worst: Float64Array;
	private readonly dBest: Float64Array;
	private readonly dWorst: Float64Array;
	private readonly w2: Float64Array;
	/** D⁺ and D⁻ of the last call to {@link score}. */
	readonly distanceToIdeal: Float64Array;
	readonly distanceToAntiIdeal: Float64Array;

	constructor(
		x: Float64Array,
		shape: MatrixShape,
		isCost: Uint8Array,
		normalisation: TopsisNormalisation
	) {
		const { rows, cols } = shape;
		this.rows = rows;
		this.cols = cols;
		const oriented = normalisation === 'min-max';
		this.r = normalise(x, shape, isCost, normalisation);
		this.best = new Float64Array(cols);
		this.worst = new Float64Array(cols);
		for (let j = 0; j < cols; j++) {
			let lo = Infinity;
			let hi = -Infinity;
			for (let i = 0; i < rows; i++) {
				const v = this.r[i * cols + j];
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
			const benefitLike = oriented || isCost[j] === 0;
			this.best[j] = benefitLike ? hi : lo;
			this.worst[j] = benefitLike ? lo : hi;
		}
		this.dBest = new Float64Array(rows * cols);
		this.dWorst = new Float64Array(rows * cols);
		for (let i = 0; i < rows; i++) {
			for (let j = 0; j < cols; j++) {
				const k = i * cols + j;
				const a = this.r[k] - this.best[j];
				const b = this.r[k] - this.worst[j];
				this.dBest[k] = a * a;
				this.dWorst[k] = b * b;
			}
		}
		this.w2 = new Float64Array(cols);
		this.distanceToIdeal = new Float64Array(rows);
		this.distanceToAntiIdeal = new Float64Array(rows);
	}

	score(weights: Float64Array, out: Float64Array): void {
		const { rows, cols, dBest, dWorst, w2 } = this;
		for (let j = 0; j < cols; j++) w2[j] = weights[j] * weights[j];
		for (let i = 0; i < rows; i++) {
			const base = i * cols;
			let sp = 0;
			let sm = 0;
			for (let j = 0; j < cols; j++) {
				sp += w2[j] * dBest[base + j];
				sm += w2[j] * dWorst[base + j];
			}
			const dp = Math.sqrt(sp);
			const dm = Math.sqrt(sm);
			this.distanceToIdeal[i] = dp;
			this.distanceToAntiIdeal[i] = dm;
			const total = dp + dm;
			out[i] = total > 0 ? dm / total : 0.5;
		}
	}
}

/**
 * PROMETHEE II net flow. The flows are linear in the weights:
 * φ⁺(a) = Σ_j w_j F⁺_j(a) with F⁺_j(a) = 1/(n−1) Σ_{b≠a} P_j(a, b), and likewise φ⁻, so the
 * unicriterion flows F⁺_j, F⁻_j are computed once (O(n² m)) and each weight vector costs O(n m).
 */
export class PrometheeScorer implements PreparedScorer {
	readonly rows: number;
	readonly cols: number;
	/** F⁺_j(a) at [a * cols + j]. */
	readonly plus: Float64Array;
	/** F⁻_j(a) at [a * cols + j]. */
	readonly minus: Float64Array;

	constructor(
		x: Float64Array,
		shape: MatrixShape,
		isCost: Uint8Array,
		functions: readonly PreferenceFunction[]
	) {
		const { rows, cols } = shape;
		this.rows = rows;
		this.cols = cols;
		checkPreferenceFunctions(functions, cols);
		this.plus = new Float64Array(rows * cols);
		this.minus = new Float64Array(rows * cols);
		if (rows < 2) return;
		const scale = 1 / (rows - 1);
		for (let j = 0; j < cols; j++) {
			const f = functions[j];
			const sign = isCost[j] === 1 ? -1 : 1;
			for (let a = 0; a < rows; a++) {
				const xa = x[a * cols + j];
				for (let b = a + 1; b < rows; b++) {
					const d = sign * (xa - x[b * cols + j]);
					if (d > 0) {
						const p = preferenceValue(f, d);
						this.plus[a * cols + j] += p;
						this.minus[b * cols + j] += p;
					} else if (d < 0) {
						const p = preferenceValue(f, -d);
						this.plus[b * cols + j] += p;
						this.minus[a * cols + j] += p;
					}
				}
			}
			for (let a = 0; a < rows; a++) {
				this.plus[a * cols + j] *= scale;
				this.minus[a * cols + j] *= scale;
			}
		}
	}

	/** Writes φ⁺ and φ⁻ for the given weights. */
	flows(weights: Float64Array, positive: Float64Array, negative: Float64Array): void {
		const { rows, cols, plus, minus } = this;
		for (let a = 0; a < rows; a++) {
			const base = a * cols;
			let sp = 0;
			let sm = 0;
			for (let j = 0; j < cols; j++) {
				sp += weights[j] * plus[base + j];
				sm += weights[j] * minus[base + j];
			}
			positive[a] = sp;
			negative[a] = sm;
		}
	}

	score(weights: Float64Array, out: Float64Array): void {
		const { rows, cols, plus, minus } = this;
		for (let a = 0; a < rows; a++) {
			const base = a * cols;
			let s = 0;
			for (let j = 0; j < cols; j++) s += weights[j] * (plus[base + j] - minus[base + j]);
			out[a] = s;
		}
	}
}
