/**
 * Field parsers shared by the form schemas: they accept what a Vietnamese user types
 * (decimal comma, thousands dots, blank for "not given") and produce clean values.
 */
import { z } from 'zod';

// In the browser the Content-Security-Policy forbids eval: without this, building an object
// schema makes zod probe `new Function`, which Chrome reports as a CSP violation. The server
// keeps zod's faster compiled parsers. Every schema module imports this file first.
if (typeof document !== 'undefined') z.config({ jitless: true });

/** Parses "1.234,5", "1234,5", "1234.5" and "12" into a number; blank into undefined. */
export function parseLocaleNumber(raw: unknown): unknown {
	if (typeof raw === 'number') return raw;
	if (typeof raw !== 'string') return raw;
	let s = raw.trim().replace(/\s|\u00a0/g, '');
	if (s === '') return undefined;
	if (s.includes(',') && s.includes('.')) s = s.replace(/\./g, '').replace(',', '.');
	else if (s.includes(',')) s = s.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return raw;
	return Number(s);
}

const blankToUndefined = (raw: unknown) =>
	typeof raw === 'string' && raw.trim() === '' ? undefined : raw;

/** A required trimmed text of at most `max` characters. */
export const text = (max = 200) => z.string().trim().min(1).max(max);

/** An optional trimmed text; blank becomes null. */
export const optionalText = (max = 2000) =>
	z
		.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			z.string().trim().max(max).optional()
		)
		.transform((v) => v ?? null);

/** A finite number in [min, max], typed with a decimal comma or point. */
export const number = (min: number, max: number) =>
	z.preprocess(parseLocaleNumber, z.number().finite().min(min).max(max));

export const optionalNumber = (min: number, max: number) =>
	z
		.preprocess(parseLocaleNumber, z.number().finite().min(min).max(max).optional())
		.transform((v) => v ?? null);

export const integer = (min: number, max: number) =>
	z.preprocess(parseLocaleNumber, z.number().int().min(min).max(max));

export const optionalInteger = (min: number, max: number) =>
	z
		.preprocess(parseLocaleNumber, z.number().int().min(min).max(max).optional())
		.transform((v) => v ?? null);

/** An ISO date (yyyy-mm-dd) that exists. */
export const isoDate = () =>
	z.preprocess(
		blankToUndefined,
		z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2}$/)
			.refine((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')))
	);

/** A code: letters, digits, dot, dash, underscore. */
export const code = () =>
	z
		.string()
		.trim()
		.min(1)
		.max(40)
		.regex(/^[\p{L}\p{N}._-]+$/u);

/** A checkbox: present ("on"/"true"/"1") means true. */
export const checkbox = () =>
	z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());
