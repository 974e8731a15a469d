/**
 * Seeded pseudo-random numbers (internal): xoshiro128** (Blackman & Vigna 2018, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4), 2021), seeded through splitmix32.
 * A given seed always yields the same sequence on every JavaScript engine (only 32-bit integer
 * arithmetic via Math.imul and shifts is used).
 */
import { McdaInputError } from './errors';

/** A generator of uniform numbers in the open interval (0, 1). */
export type Rng = () => number;

function splitmix32(seed: number): () => number {
	let state = seed | 0;
	return () => {
		state = (state + 0x9e3779b9) | 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/**
 * xoshiro128** generator for a seed (any safe integer; the high and low 32 bits are mixed).
 * Returns uniforms in (0, 1) with 32-bit resolution: (k + 0.5) / 2³², never 0 or 1, so
 * −ln(U) is always finite.
 */
export function createRng(seed: number): Rng {
	if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
		throw new McdaInputError(
			'invalid-parameter',
			`seed is ${String(seed)}; expected a safe integer`
		);
	}
	const lo = seed >>> 0;
	const hi = Math.floor(seed / 4294967296) >>> 0;
	const sm = splitmix32(lo ^ Math.imul(hi, 0x27d4eb2d));
	const state = [sm(), sm(), sm(), sm()];
	if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
	const next = xoshiro128StarStar(state[0], state[1], state[2], state[3]);
	return () => (next() + 0.5) / 4294967296;
}

/**
 * The raw xoshiro128** step (32-bit unsigned outputs) from an explicit state, exactly as the
 * reference C code: result = rotl(s1 · 5, 7) · 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2;
 * s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
 */
export function xoshiro128StarStar(a: number, b: number, c: number, d: number): () => number {
	let s0 = a | 0;
	let s1 = b | 0;
	let s2 = c | 0;
	let s3 = d | 0;
	return () => {
		const r = Math.imul(s1, 5);
		const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
		const t = s1 << 9;
		s2 ^= s0;
		s3 ^= s1;
		s1 ^= s2;
		s0 ^= s3;
		s2 ^= t;
		s3 = (s3 << 11) | (s3 >>> 21);
		return result;
	};
}
