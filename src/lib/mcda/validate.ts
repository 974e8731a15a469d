/**
 * Input validation shared by every method. Each check throws {@link McdaInputError} with a
 * message that names the offending row or column (0-based, like the API).
 */
import { McdaInputError } from './errors';

/** Shape of a validated rectangular matrix. */
export interface MatrixShape {
	rows: number;
	cols: number;
}

function describe(value: unknown): string {
	if (typeof value === 'number') return String(value);
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (typeof value === 'string') return JSON.stringify(value);
	return `a value of type ${typeof value}`;
}

/**
 * Checks that `matrix` is a non-empty rectangular array of arrays of finite numbers.
 * `label` names the matrix in messages ("matrix", "pairwise matrix 2", …).
 */
export function checkMatrix(matrix: unknown, label = 'matrix', matrixIndex?: number): MatrixShape {
	const where = matrixIndex === undefined ? {} : { matrix: matrixIndex };
	if (!Array.isArray(matrix)) {
		throw new McdaInputError('not-an-array', `${label} must be an array of rows`, where);
	}
	if (matrix.length === 0) {
		throw new McdaInputError('empty', `${label} is empty; it needs at least one row`, where);
	}
	const first: unknown = matrix[0];
	if (!Array.isArray(first)) {
		throw new McdaInputError('not-an-array', `${label} row 0 is not an array`, {
			...where,
			row: 0
		});
	}
	const cols = first.length;
	if (cols === 0) {
		throw new McdaInputError('empty', `${label} row 0 is empty; it needs at least one column`, {
			...where,
			row: 0
		});
	}
	for (let i = 0; i < matrix.length; i++) {
		const row: unknown = matrix[i];
		if (!Array.isArray(row)) {
			throw new McdaInputError('not-an-array', `${label} row ${i} is not an array`, {
				...where,
				row: i
			});
		}
		if (row.length !== cols) {
			throw new McdaInputError(
				'ragged',
				`${label} row ${i} has ${row.length} values, expected ${cols}`,
				{ ...where, row: i }
			);
		}
		for (let j = 0; j < cols; j++) {
			const v: unknown = row[j];
			if (typeof v !== 'number' || !Number.isFinite(v)) {
				throw new McdaInputError(
					'not-finite',
					`${label} row ${i}, column ${j} is ${describe(v)}; every value must be a finite number`,
					{ ...where, row: i, column: j }
				);
			}
		}
	}
	return { rows: matrix.length, cols };
}

/**
 * Checks a weight vector (one non-negative finite weight per criterion, not all zero) and returns
 * it normalised to sum 1.
 */
export function checkWeights(weights: unknown, cols: number, label = 'weights'): Float64Array {
	if (!Array.isArray(weights)) {
		throw new McdaInputError('not-an-array', `${label} must be an array of numbers`);
	}
	if (weights.length !== cols) {
		throw new McdaInputError(
			'length-mismatch',
			`${label} has ${weights.length} values, expected ${cols} (one per criterion)`
		);
	}
	const out = new Float64Array(cols);
	let sum = 0;
	for (let j = 0; j < cols; j++) {
		const v: unknown = weights[j];
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			throw new McdaInputError(
				'not-finite',
				`${label}[${j}] (criterion ${j}) is ${describe(v)}; weights must be finite numbers`,
				{ column: j }
			);
		}
		if (v < 0) {
			throw new McdaInputError(
				'negative-weight',
				`${label}[${j}] (criterion ${j}) is negative (${v}); weights must be ≥ 0`,
				{ column: j }
			);
		}
		out[j] = v;
		sum += v;
	}
	if (!(sum > 0)) {
		throw new McdaInputError('zero-weights', `${label} are all zero; at least one must be > 0`);
	}
	for (let j = 0; j < cols; j++) out[j] /= sum;
	return out;
}

/** Checks the criterion types and returns a flag per criterion (1 = cost, 0 = benefit). */
export function checkTypes(types: unknown, cols: number): Uint8Array {
	if (!Array.isArray(types)) {
		throw new McdaInputError('not-an-array', 'types must be an array of "benefit" | "cost"');
	}
	if (types.length !== cols) {
		throw new McdaInputError(
			'length-mismatch',
			`types has ${types.length} values, expected ${cols} (one per criterion)`
		);
	}
	const isCost = new Uint8Array(cols);
	for (let j = 0; j < cols; j++) {
		const t: unknown = types[j];
		if (t === 'cost') isCost[j] = 1;
		else if (t !== 'benefit') {
			throw new McdaInputError(
				'unknown-type',
				`types[${j}] (criterion ${j}) is ${describe(t)}; expected "benefit" or "cost"`,
				{ column: j }
			);
		}
	}
	return isCost;
}

/** Checks that `value` is a finite number (for method parameters such as thresholds). */
export function checkFiniteNumber(value: unknown, label: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new McdaInputError(
			'invalid-parameter',
			`${label} is ${describe(value)}; expected a finite number`
		);
	}
	return value;
}

/** Checks that `value` is one of `allowed` (for string options). */
export function checkOption<T extends string>(
	value: unknown,
	allowed: readonly T[],
	label: string
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
		return value as T;
	}
	throw new McdaInputError(
		'invalid-parameter',
		`${label} is ${describe(value)}; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`
	);
}

/** Copies a validated matrix into a row-major Float64Array. */
export function toFloat64(
	matrix: readonly (readonly number[])[],
	shape: MatrixShape
): Float64Array {
	const out = new Float64Array(shape.rows * shape.cols);
	for (let i = 0; i < shape.rows; i++) {
		const row = matrix[i];
		for (let j = 0; j < shape.cols; j++) out[i * shape.cols + j] = row[j];
	}
	return out;
}

/** Converts a typed array to a plain array (results are plain arrays for JSON and Svelte). */
export function toArray(values: ArrayLike<number>): number[] {
	return Array.from(values);
}
