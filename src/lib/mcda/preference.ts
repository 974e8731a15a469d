/**
 * PROMETHEE generalised criteria (internal): validation and evaluation of the six preference
 * functions of Brans & Vincke (1985), Management Science 31(6):647–656.
 */
import { McdaInputError } from './errors';
import type { PreferenceFunction } from './types';

/** P(d) for a difference d > 0 (callers handle d ≤ 0, where P = 0). */
export function preferenceValue(f: PreferenceFunction, d: number): number {
	switch (f.type) {
		case 'usual':
			return 1;
		case 'u-shape':
			return d > f.q ? 1 : 0;
		case 'v-shape':
			return d >= f.p ? 1 : d / f.p;
		case 'level':
			return d > f.p ? 1 : d > f.q ? 0.5 : 0;
		case 'linear':
			return d > f.p ? 1 : d > f.q ? (d - f.q) / (f.p - f.q) : 0;
		case 'gaussian':
			return 1 - Math.exp(-(d * d) / (2 * f.s * f.s));
	}
}

function param(f: Record<string, unknown>, key: string, j: number): number {
	const v = f[key];
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
		throw new McdaInputError(
			'invalid-parameter',
			`preference function for criterion ${j} ("${String(f.type)}") needs ${key} to be a finite number ≥ 0, got ${String(v)}`,
			{ column: j }
		);
	}
	return v;
}

/**
 * Checks one preference function per criterion: q ≥ 0; p > 0; q < p for 'level' and 'linear';
 * s > 0 for 'gaussian'.
 */
export function checkPreferenceFunctions(functions: unknown, cols: number): void {
	if (!Array.isArray(functions)) {
		throw new McdaInputError('not-an-array', 'functions must be an array of preference functions');
	}
	if (functions.length !== cols) {
		throw new McdaInputError(
			'length-mismatch',
			`functions has ${functions.length} values, expected ${cols} (one per criterion)`
		);
	}
	for (let j = 0; j < cols; j++) {
		const f: unknown = functions[j];
		if (typeof f !== 'object' || f === null) {
			throw new McdaInputError(
				'unknown-type',
				`preference function for criterion ${j} must be an object with a "type"`,
				{ column: j }
			);
		}
		const rec = f as Record<string, unknown>;
		switch (rec.type) {
			case 'usual':
				break;
			case 'u-shape':
				param(rec, 'q', j);
				break;
			case 'v-shape':
				if (param(rec, 'p', j) === 0) {
					throw new McdaInputError(
						'invalid-parameter',
						`preference function for criterion ${j} ("v-shape") needs p > 0`,
						{ column: j }
					);
				}
				break;
			case 'level':
			case 'linear': {
				const q = param(rec, 'q', j);
				const p = param(rec, 'p', j);
				if (!(p > q)) {
					throw new McdaInputError(
						'invalid-parameter',
						`preference function for criterion ${j} ("${rec.type}") needs q < p, got q = ${q}, p = ${p}`,
						{ column: j }
					);
				}
				break;
			}
			case 'gaussian':
				if (param(rec, 's', j) === 0) {
					throw new McdaInputError(
						'invalid-parameter',
						`preference function for criterion ${j} ("gaussian") needs s > 0`,
						{ column: j }
					);
				}
				break;
			default:
				throw new McdaInputError(
					'unknown-type',
					`preference function for criterion ${j} has unknown type ${JSON.stringify(rec.type)}; expected "usual", "u-shape", "v-shape", "level", "linear" or "gaussian"`,
					{ column: j }
				);
		}
	}
}
