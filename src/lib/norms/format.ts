/** Number formatting for display and for the human-readable formulas of the trace. */

/**
 * Rounds an area to one decimal place for display (half away from zero). The norms functions
 * never round internally; call this only when printing.
 *
 * @example
 * roundM2(864.15); // 864.2
 * roundM2(1.25); // 1.3
 * roundM2(-1.25); // -1.3
 */
export function roundM2(x: number): number {
	if (!Number.isFinite(x)) return x;
	// toPrecision(15) removes binary noise first, so 1.15 * 10 = 11.499999999999998 rounds to 12.
	const scaled = Number((Math.abs(x) * 10).toPrecision(15));
	const rounded = (Math.sign(x) * Math.round(scaled)) / 10;
	return rounded === 0 ? 0 : rounded;
}

const FORMULA_NUMBER = new Intl.NumberFormat('en-US', {
	maximumFractionDigits: 2,
	useGrouping: true
});

/**
 * Formats a number for a trace formula: thousands separated by commas, at most two decimals
 * (display only; the trace's `valueM2` keeps the exact value).
 *
 * @example
 * formatNumber(1234.5); // '1,234.5'
 * formatNumber(0.7); // '0.7'
 */
export function formatNumber(x: number): string {
	return FORMULA_NUMBER.format(x);
}

/**
 * Joins terms with " + " and appends " = total"; a single term is shown with its total only
 * when they differ, and no term at all gives "0".
 *
 * @example
 * sumFormula(['3 × 20', '5 × 15'], 135); // '3 × 20 + 5 × 15 = 135'
 * sumFormula([], 0); // '0'
 */
export function sumFormula(terms: readonly string[], total: number): string {
	if (terms.length === 0) return formatNumber(total);
	const result = formatNumber(total);
	if (terms.length === 1 && terms[0] === result) return result;
	return `${terms.join(' + ')} = ${result}`;
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, useGrouping: true });
const VI_PERCENT = new Intl.NumberFormat('vi-VN', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1
});

/**
 * An area or count the Vietnamese way: "." groups thousands, "," marks the decimal, at most
 * one decimal.
 *
 * @example
 * formatNumberVi(1919); // '1.919'
 * formatNumberVi(39.45); // '39,5'
 */
export function formatNumberVi(x: number): string {
	return VI_NUMBER.format(roundM2(x));
}

/**
 * A ratio as a percentage with one decimal, the Vietnamese way.
 *
 * @example
 * formatPercentVi(0.395); // '39,5 %'
 */
export function formatPercentVi(ratio: number): string {
	return `${VI_PERCENT.format(roundM2(ratio * 100))} %`;
}

/**
 * The headline formula "in use ÷ norm = ratio" with vi-VN numbers, or the in-use figure alone
 * when the norm is 0.
 *
 * @example
 * ratioFormulaVi(758, 1919); // '758,0 m² ÷ 1.919,0 m² = 39,5 %'
 */
export function ratioFormulaVi(inUseM2: number, normM2: number): string {
	if (!(normM2 > 0)) return `${formatAreaVi(inUseM2)} m²`;
	return `${formatAreaVi(inUseM2)} m² ÷ ${formatAreaVi(normM2)} m² = ${formatPercentVi(inUseM2 / normM2)}`;
}

const VI_AREA = new Intl.NumberFormat('vi-VN', {
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
	useGrouping: true
});

/**
 * An area the Vietnamese way with always one decimal, the policy for m² (DECIMALS.area).
 *
 * @example
 * formatAreaVi(1836); // '1.836,0'
 */
export function formatAreaVi(x: number): string {
	return VI_AREA.format(roundM2(x));
}
