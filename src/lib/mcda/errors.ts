/**
 * Error type of the MCDA engine.
 *
 * Every invalid input to a public function of `$lib/mcda` throws an {@link McdaInputError}.
 * The message is a complete English sentence that names the offending row or column; the
 * structured fields (`code`, `row`, `column`) let the UI translate the message (the site is in
 * Vietnamese) without parsing it.
 *
 * Indices in messages and in `row` / `column` are 0-based, like every index in the API:
 * "matrix row 3" is `matrix[3]`, "column 2 (criterion 2)" is `matrix[*][2]`.
 */

/** Machine-readable reason for an {@link McdaInputError}. */
export type McdaErrorCode =
	| 'not-an-array'
	| 'empty'
	| 'ragged'
	| 'not-finite'
	| 'not-square'
	| 'not-positive'
	| 'not-reciprocal'
	| 'too-large'
	| 'length-mismatch'
	| 'negative-weight'
	| 'zero-weights'
	| 'unknown-type'
	| 'constant-column'
	| 'ratio-needs-positive'
	| 'invalid-parameter'
	| 'infeasible-bounds'
	| 'invalid-ranking';

/** Optional location details attached to an {@link McdaInputError}. */
export interface McdaErrorDetails {
	/** 0-based row (alternative, or row of a pairwise comparison matrix). */
	row?: number;
	/** 0-based column (criterion, or column of a pairwise comparison matrix). */
	column?: number;
	/** 0-based index of the matrix in a list of matrices (AHP hierarchy, group judgements). */
	matrix?: number;
}

/**
 * Thrown for every invalid input (ragged or empty matrix, NaN/Infinity, negative or all-zero
 * weights, unknown criterion type, wrong lengths, constant column under min-max normalisation,
 * non-positive values under a ratio normalisation, non-reciprocal AHP matrix, samples ≤ 0, …).
 *
 * @example
 * try {
 *   weightedSum([[1, 2], [3]], [1, 1], ['benefit', 'benefit']);
 * } catch (e) {
 *   // e instanceof McdaInputError, e.code === 'ragged', e.row === 1,
 *   // e.message === 'matrix row 1 has 1 values, expected 2'
 * }
 */
export class McdaInputError extends Error {
	readonly code: McdaErrorCode;
	readonly row: number | undefined;
	readonly column: number | undefined;
	readonly matrix: number | undefined;

	constructor(code: McdaErrorCode, message: string, details: McdaErrorDetails = {}) {
		super(message);
		this.name = 'McdaInputError';
		this.code = code;
		this.row = details.row;
		this.column = details.column;
		this.matrix = details.matrix;
	}
}
