/**
 * Thrown when input to the norms functions is invalid. The message names the offending row,
 * e.g. "positions[3] (unit 'vp-ubnd'): unknown title key 'boss'", and `path` holds the row's
 * path alone ("positions[3]") so a form or an import report can point at it.
 *
 * @example
 * try {
 * 	computeSpaceNeeds({ normSet, positions: [{ unitId: 'vp-ubnd', titleKey: 'boss', count: 1 }] });
 * } catch (e) {
 * 	if (e instanceof NormsInputError) console.log(e.path); // 'positions[0]'
 * }
 */
export class NormsInputError extends Error {
	readonly path: string;

	constructor(path: string, message: string) {
		super(message);
		this.name = 'NormsInputError';
		this.path = path;
	}
}

/**
 * Renders a value for an error message: strings quoted, NaN and Infinity as such.
 *
 * @example
 * describeValue('boss'); // '"boss"'
 * describeValue(Number.NaN); // 'NaN'
 */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value === undefined) return 'undefined';
	if (typeof value === 'number') return String(value);
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}

/**
 * True for a finite number ≥ 0.
 *
 * @example
 * isNonNegativeFinite(12.5); // true
 * isNonNegativeFinite(Infinity); // false
 */
export function isNonNegativeFinite(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * True for an integer ≥ 0 (finite).
 *
 * @example
 * isNonNegativeInteger(3); // true
 * isNonNegativeInteger(2.5); // false
 */
export function isNonNegativeInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * True for a string with at least one non-space character.
 *
 * @example
 * isNonEmptyString('vp-ubnd'); // true
 * isNonEmptyString('  '); // false
 */
export function isNonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.trim().length > 0;
}
