/**
 * Form schemas of the dossier inputs (issue 15): the legal-reference and investment-rate admin
 * forms, and the dossier fields of a proposal draft. Messages of the custom rules are catalogue
 * keys (`dossier.err.*`, `legalRef.err.*`, `rate.err.*`) translated by $lib/server/forms.
 */
import { z } from 'zod';
import { checkbox, code, integer, isoDate, optionalInteger, optionalText, text } from './fields';
import {
	FACILITY_FATES,
	INVESTMENT_FORMS,
	LEGAL_REF_KINDS,
	type DossierFields
} from '../packet/dossier-types';
import { MAX_AMOUNT_VND, MAX_GFA_M2, MAX_STOREYS } from '../packet/investment';

/**
 * Reads a number as Vietnamese users write it, strictly: dots group thousands ("4.700",
 * "2.000.000.000"), a comma is the decimal mark ("7,5"), spaces may group thousands; a single
 * dot not followed by exactly three digits is a decimal point ("7.5"). Blank → null;
 * anything else → NaN (refused).
 */
export function readViNumber(raw: unknown): number | null {
	if (typeof raw === 'number') return raw;
	if (typeof raw !== 'string') return raw === undefined || raw === null ? null : NaN;
	const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (s === '') return null;
	if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
	if (/^\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
	if (/^\d+\.\d+$/.test(s)) return Number(s);
	return NaN;
}

/** An optional number in [min, max] (integer when `int`), read by readViNumber. */
const viNumber = (min: number, max: number, int = false) =>
	z
		.unknown()
		.optional()
		.transform((raw, ctx): number | null => {
			const v = readViNumber(raw);
			if (v === null) return null;
			if (!Number.isFinite(v)) {
				ctx.addIssue({ code: 'custom', message: 'err.number' });
				return z.NEVER;
			}
			if (int && !Number.isInteger(v)) {
				ctx.addIssue({ code: 'custom', message: 'err.integer' });
				return z.NEVER;
			}
			if (v < min) {
				ctx.addIssue({
					code: 'custom',
					message: 'err.min',
					params: { key: 'err.min', values: { min } }
				});
				return z.NEVER;
			}
			if (v > max) {
				ctx.addIssue({
					code: 'custom',
					message: 'err.max',
					params: { key: 'err.max', values: { max } }
				});
				return z.NEVER;
			}
			return v;
		});

/** Like viNumber, but blank is refused ("required"). */
const viRequired = (min: number, max: number, int = false) =>
	viNumber(min, max, int).transform((v, ctx): number => {
		if (v === null) {
			ctx.addIssue({ code: 'custom', message: 'err.required' });
			return z.NEVER;
		}
		return v;
	});

// ------------------------------------------------------------------ admin: legal references

export const legalRefSchema = z
	.object({
		kind: z.enum(LEGAL_REF_KINDS),
		number: text(60),
		issuedOn: isoDate(),
		issuer: text(200),
		title: text(500),
		inForceFrom: isoDate(),
		inForceTo: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? null : v),
			isoDate().nullable()
		),
		verify: checkbox(),
		verifyNote: optionalText(1000),
		sortOrder: integer(0, 1000)
	})
	.refine((d) => d.inForceFrom >= d.issuedOn, {
		path: ['inForceFrom'],
		message: 'legalRef.err.beforeIssued'
	})
	.refine((d) => d.inForceTo === null || (d.inForceTo as string) >= d.inForceFrom, {
		path: ['inForceTo'],
		message: 'legalRef.err.toBeforeFrom'
	});
export type LegalRefInput = z.infer<typeof legalRefSchema>;

/** A new reference also gives its stable key. */
export const legalRefCreateSchema = z.intersection(z.object({ key: code() }), legalRefSchema);

// ------------------------------------------------------------------ admin: investment rates

export const investmentRateSchema = z
	.object({
		storeysFrom: integer(1, MAX_STOREYS),
		storeysTo: optionalInteger(1, MAX_STOREYS),
		vndPerM2: viRequired(100_000, 1_000_000_000, true),
		source: text(500),
		year: integer(2000, 2100),
		verify: checkbox(),
		note: optionalText(2000)
	})
	.refine((d) => d.storeysTo === null || d.storeysTo >= d.storeysFrom, {
		path: ['storeysTo'],
		message: 'rate.err.bandOrder'
	});
export type InvestmentRateInput = z.infer<typeof investmentRateSchema>;

export const investmentRateCreateSchema = z.intersection(
	z.object({ key: code() }),
	investmentRateSchema
);

// ------------------------------------------------------------------ the dossier form

/** Rows of the yearly capital split the form offers (and the most it accepts). */
export const MAX_SPLIT_ROWS = 10;
/** Rows of staffing support the form offers (and the most it accepts). */
export const MAX_SUPPORT_ROWS = 12;
/** Old facilities the form accepts a fate for. */
export const MAX_FATE_ROWS = 200;

/** Field names of the indexed rows. */
export const dossierField = {
	splitYear: (i: number) => `splitYear_${i}`,
	splitAmount: (i: number) => `splitAmount_${i}`,
	supportField: (i: number) => `supportField_${i}`,
	supportPersons: (i: number) => `supportPersons_${i}`,
	supportMonths: (i: number) => `supportMonths_${i}`,
	fateCode: (i: number) => `fateCode_${i}`,
	fate: (i: number) => `fate_${i}`,
	fateNote: (i: number) => `fateNote_${i}`
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(
		(v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
		z.enum(values).nullable()
	);

/**
 * The dossier form of a draft: everything optional (a draft is filled in steps) except the
 * schedule; the rules that need no database are checked here, the others (the split against
 * the computed total, the justification against the ranking) by $lib/server/dossier.
 */
const baseShape = {
	recommendedSiteCode: optionalText(40),
	siteJustification: optionalText(4000),
	siteAddress: optionalText(300),
	grossFloorAreaM2: viNumber(1, MAX_GFA_M2),
	storeys: viNumber(1, MAX_STOREYS, true),
	landAndClearanceVnd: viNumber(0, MAX_AMOUNT_VND, true),
	/** Percent, e.g. 10 for 10 %. */
	contingencyPercent: viNumber(0, 30),
	fundingSource: optionalText(500),
	investor: optionalText(300),
	investmentForm: optionalChoice(INVESTMENT_FORMS),
	startYear: integer(2000, 2100),
	endYear: integer(2000, 2100),
	operatingCostVndPerYear: viNumber(0, MAX_AMOUNT_VND, true),
	fateCount: z.preprocess((v) => v ?? '0', integer(0, MAX_FATE_ROWS))
};
type Base = z.output<z.ZodObject<typeof baseShape>>;

/** The indexed rows (split, support); fates are read from the passthrough values. */
const rowShape: Record<string, z.ZodType> = Object.fromEntries([
	...range(MAX_SPLIT_ROWS).flatMap((i) => [
		[dossierField.splitYear(i), viNumber(2000, 2100, true)],
		[dossierField.splitAmount(i), viNumber(0, MAX_AMOUNT_VND, true)]
	]),
	...range(MAX_SUPPORT_ROWS).flatMap((i) => [
		[dossierField.supportField(i), optionalText(100)],
		[dossierField.supportPersons(i), viNumber(1, 1000, true)],
		[dossierField.supportMonths(i), viNumber(1, 120, true)]
	])
]);

export const dossierFormSchema = z
	.object({ ...baseShape, ...rowShape })
	.passthrough()
	.superRefine((raw, ctx) => {
		const d = raw as unknown as Base;
		const row = raw as Record<string, unknown>;
		if (d.endYear < d.startYear) {
			ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'dossier.err.scheduleOrder' });
		}
		const years = new Set<number>();
		for (const i of range(MAX_SPLIT_ROWS)) {
			const y = row[dossierField.splitYear(i)] as number | null;
			const a = row[dossierField.splitAmount(i)] as number | null;
			if (y === null && a === null) continue;
			if (y === null) {
				ctx.addIssue({
					code: 'custom',
					path: [dossierField.splitYear(i)],
					message: 'dossier.err.splitYearMissing'
				});
			} else if (a === null) {
				ctx.addIssue({
					code: 'custom',
					path: [dossierField.splitAmount(i)],
					message: 'dossier.err.splitAmountMissing'
				});
			} else if (years.has(y)) {
				ctx.addIssue({
					code: 'custom',
					path: [dossierField.splitYear(i)],
					message: 'dossier.err.splitYearTwice'
				});
			} else if (y < d.startYear || y > d.endYear) {
				ctx.addIssue({
					code: 'custom',
					path: [dossierField.splitYear(i)],
					params: {
						key: 'dossier.err.splitOutside',
						values: { year: y, start: d.startYear, end: d.endYear }
					}
				});
			}
			if (y !== null) years.add(y);
		}
		for (const i of range(MAX_SUPPORT_ROWS)) {
			const f = row[dossierField.supportField(i)];
			const p = row[dossierField.supportPersons(i)];
			const m = row[dossierField.supportMonths(i)];
			if (f === null && p === null && m === null) continue;
			for (const [name, v] of [
				[dossierField.supportField(i), f],
				[dossierField.supportPersons(i), p],
				[dossierField.supportMonths(i), m]
			] as const) {
				if (v === null) {
					ctx.addIssue({ code: 'custom', path: [name], message: 'dossier.err.supportRow' });
				}
			}
		}
		const n = Number(d.fateCount);
		for (const i of range(Math.min(n, MAX_FATE_ROWS))) {
			const fate = row[dossierField.fate(i)];
			if (fate === undefined || fate === '') continue;
			if (!(FACILITY_FATES as readonly unknown[]).includes(fate)) {
				ctx.addIssue({ code: 'custom', path: [dossierField.fate(i)], message: 'err.choice' });
			}
			const note = row[dossierField.fateNote(i)];
			if (typeof note === 'string' && note.length > 1000) {
				ctx.addIssue({
					code: 'custom',
					path: [dossierField.fateNote(i)],
					params: { key: 'err.tooLong', values: { max: 1000 } }
				});
			}
		}
	})
	.transform((raw) => {
		const d = raw as unknown as Base;
		const row = raw as Record<string, unknown>;
		const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
		const yearlySplit = range(MAX_SPLIT_ROWS)
			.map((i) => ({
				year: row[dossierField.splitYear(i)] as number | null,
				amountVnd: row[dossierField.splitAmount(i)] as number | null
			}))
			.filter(
				(r): r is { year: number; amountVnd: number } => r.year !== null && r.amountVnd !== null
			)
			.sort((a, b) => a.year - b.year);
		const staffingSupport = range(MAX_SUPPORT_ROWS)
			.map((i) => ({
				field: row[dossierField.supportField(i)] as string | null,
				persons: row[dossierField.supportPersons(i)] as number | null,
				durationMonths: row[dossierField.supportMonths(i)] as number | null
			}))
			.filter(
				(r): r is { field: string; persons: number; durationMonths: number } =>
					r.field !== null && r.persons !== null && r.durationMonths !== null
			);
		const facilityFates = range(Math.min(Number(d.fateCount), MAX_FATE_ROWS))
			.map((i) => ({
				facilityCode: str(row[dossierField.fateCode(i)]),
				fate: str(row[dossierField.fate(i)]),
				note: str(row[dossierField.fateNote(i)]).slice(0, 1000)
			}))
			.filter((r) => r.facilityCode !== '' && r.fate !== '') as DossierFields['facilityFates'];
		const fields: DossierFields = {
			siteAddress: d.siteAddress ?? '',
			grossFloorAreaM2: d.grossFloorAreaM2,
			storeys: d.storeys,
			landAndClearanceVnd: d.landAndClearanceVnd,
			contingencyShare:
				d.contingencyPercent === null ? null : Math.round(d.contingencyPercent * 100) / 10_000,
			fundingSource: d.fundingSource ?? '',
			investor: d.investor ?? '',
			investmentForm: d.investmentForm as DossierFields['investmentForm'],
			yearlySplit,
			operatingCostVndPerYear: d.operatingCostVndPerYear,
			facilityFates,
			staffingSupport,
			siteJustification: d.siteJustification ?? ''
		};
		return {
			recommendedSiteCode: d.recommendedSiteCode,
			schedule: { startYear: d.startYear, endYear: d.endYear },
			dossier: fields
		};
	});
export type DossierFormOutput = z.infer<typeof dossierFormSchema>;
