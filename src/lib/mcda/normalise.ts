/**
 * Column normalisations of a decision matrix (internal). Results are row-major Float64Arrays
 * r[i * cols + j] computed once, so that scoring any weight vector afterwards is a plain
 * multiply-add loop (this is what makes SMAA and the sensitivity sweeps fast).
 */
import { McdaInputError } from './errors';
import type { MatrixShape } from './validate';

export type NormalisationName = 'max' | 'min-max' | 'none' | 'vector';

interface ColumnStats {
	min: number;
	max: number;
	minRow: number;
	maxRow: number;
}

function columnStats(x: Float64Array, shape: MatrixShape, j: number): ColumnStats {
	const { rows, cols } = shape;
	let min = Infinity;
	let max = -Infinity;
	let minRow = 0;
	let maxRow = 0;
	for (let i = 0; i < rows; i++) {
		const v = x[i * cols + j];
		if (v < min) {
			min = v;
			minRow = i;
		}
		if (v > max) {
			max = v;
			maxRow = i;
		}
	}
	return { min, max, minRow, maxRow };
}

function col(j: number): string {
	return `column ${j} (criterion ${j})`;
}

/**
 * Normalises `x` (row-major, validated finite) column by column.
 *
 * - 'max': benefit r = x / max, cost r = min / x. Benefit columns need x ≥ 0 and max > 0; cost
 *   columns need x > 0.
 * - 'min-max': benefit r = (x − min)/(max − min), cost r = (max − x)/(max − min). A constant
 *   column is rejected.
 * - 'none': benefit r = x, cost r = −x.
 * - 'vector': r = x / sqrt(Σ_i x²) for both types (not oriented: TOPSIS picks the ideal by
 *   type). Needs x ≥ 0 and a column that is not all zero.
 *
 * 'max', 'min-max' and 'none' are oriented (higher r is better for every criterion).
 */
export function normalise(
	x: Float64Array,
	shape: MatrixShape,
	isCost: Uint8Array,
	method: NormalisationName
): Float64Array {
	const { rows, cols } = shape;
	const r = new Float64Array(rows * cols);
	for (let j = 0; j < cols; j++) {
		const s = columnStats(x, shape, j);
		const cost = isCost[j] === 1;
		if (method === 'max') {
			if (cost) {
				if (!(s.min > 0)) {
					throw new McdaInputError(
						'ratio-needs-positive',
						`${col(j)} has the value ${s.min} in row ${s.minRow}; 'max' normalisation of a cost criterion (min / x) needs values > 0`,
						{ row: s.minRow, column: j }
					);
				}
				for (let i = 0; i < rows; i++) r[i * cols + j] = s.min / x[i * cols + j];
			} else {
				if (s.min < 0) {
					throw new McdaInputError(
						'ratio-needs-positive',
						`${col(j)} has the negative value ${s.min} in row ${s.minRow}; 'max' normalisation (x / max) needs values ≥ 0`,
						{ row: s.minRow, column: j }
					);
				}
				if (!(s.max > 0)) {
					throw new McdaInputError(
						'ratio-needs-positive',
						`${col(j)} is all zero; 'max' normalisation (x / max) needs a positive maximum`,
						{ column: j }
					);
				}
				for (let i = 0; i < rows; i++) r[i * cols + j] = x[i * cols + j] / s.max;
			}
		} else if (method === 'min-max') {
			const range = s.max - s.min;
			if (!(range > 0)) {
				throw new McdaInputError(
					'constant-column',
					`${col(j)} is constant; min-max normalisation is undefined`,
					{ column: j }
				);
			}
			for (let i = 0; i < rows; i++) {
				const v = x[i * cols + j];
				r[i * cols + j] = cost ? (s.max - v) / range : (v - s.min) / range;
			}
		} else if (method === 'none') {
			for (let i = 0; i < rows; i++) {
				const v = x[i * cols + j];
				r[i * cols + j] = cost ? -v : v;
			}
		} else {
			if (s.min < 0) {
				throw new McdaInputError(
					'ratio-needs-positive',
					`${col(j)} has the negative value ${s.min} in row ${s.minRow}; vector normalisation needs values ≥ 0`,
					{ row: s.minRow, column: j }
				);
			}
			if (!(s.max > 0)) {
				throw new McdaInputError(
					'ratio-needs-positive',
					`${col(j)} is all zero; vector normalisation x / sqrt(Σx²) is undefined`,
					{ column: j }
				);
			}
			// sqrt(Σx²) computed as max · sqrt(Σ(x/max)²) to avoid overflow and underflow.
			let sumSquares = 0;
			for (let i = 0; i < rows; i++) {
				const v = x[i * cols + j] / s.max;
				sumSquares += v * v;
			}
			const norm = s.max * Math.sqrt(sumSquares);
			for (let i = 0; i < rows; i++) r[i * cols + j] = x[i * cols + j] / norm;
		}
	}
	return r;
}
