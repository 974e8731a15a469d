/**
 * The unit investment rates (suất vốn đầu tư) of the Ministry of Construction for office
 * buildings by storeys (issue 15), each with its source and year and a "verify" flag. Versioned
 * like the legal references: an edit writes version n + 1 of the band's key and keeps the old
 * one as history, audited, in one transaction. Current bands may not overlap.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../audit';
import { versionedCatalogue } from './catalogue';
import { DomainError } from '../core/errors';
import type { Db, DbLike } from '../db';
import { investmentRates } from '../db/schema';
import { INVESTMENT_RATE_SEEDS } from '../db/seed/reference-data';
import type { InvestmentRate } from '../../packet/dossier-types';
import { pickRate } from '../../packet/investment';
import type { InvestmentRateInput } from '../../schemas/dossier';

/** Most current bands the table holds. */
export const MAX_RATE_BANDS = 50;

type RateCode = 'not-found' | 'not-current' | 'duplicate-key' | 'overlap' | 'full';

export class RateError extends DomainError<RateCode> {
	constructor(
		code: RateCode,
		/** The key of the band overlapped, for 'overlap'. */
		public readonly other?: string
	) {
		super(
			code,
			code === 'duplicate-key' ? 'key' : code === 'overlap' ? 'storeysFrom' : undefined,
			code === 'not-found' ? 'err.notFound' : `rate.err.${code}`,
			{ other: other ?? '' }
		);
	}
}

type Row = typeof investmentRates.$inferSelect;

function toRate(r: Row): InvestmentRate {
	return {
		id: r.id,
		key: r.key,
		version: r.version,
		storeysFrom: r.storeysFrom,
		storeysTo: r.storeysTo,
		vndPerM2: r.vndPerM2,
		source: r.source,
		year: r.year,
		verify: r.verify,
		note: r.note
	};
}

const catalogue = versionedCatalogue({
	table: investmentRates,
	entity: 'investment-rate',
	max: MAX_RATE_BANDS,
	refuse: (code) => new RateError(code)
});

const withHistory = (r: Row) => ({ ...toRate(r), isCurrent: r.isCurrent, createdAt: r.createdAt });

/** The current bands, lowest storeys first. */
export function listInvestmentRates(db: DbLike): InvestmentRate[] {
	return catalogue
		.currentRows(db)
		.map(toRate)
		.sort((a, b) => a.storeysFrom - b.storeysFrom || a.key.localeCompare(b.key));
}

export function getInvestmentRate(
	db: DbLike,
	id: number
): (InvestmentRate & { isCurrent: boolean; createdAt: number }) | undefined {
	const r = catalogue.get(db, id);
	return r ? withHistory(r) : undefined;
}

/** Every version of a band, newest first. */
export function investmentRateHistory(
	db: DbLike,
	key: string
): (InvestmentRate & { isCurrent: boolean; createdAt: number })[] {
	return catalogue.history(db, key).map(withHistory);
}

/** A version's page: the band's version `id` and all its versions (RateError 'not-found'). */
export function investmentRatePage(db: DbLike, id: number) {
	const { row, history } = catalogue.versionPage(db, id);
	return { rate: withHistory(row), history: history.map(withHistory) };
}

/** The current rate for a building of `storeys` storeys, or null when no band covers it. */
export function rateForStoreys(db: DbLike, storeys: number): InvestmentRate | null {
	return pickRate(listInvestmentRates(db), storeys);
}

function overlaps(
	a: { storeysFrom: number; storeysTo: number | null },
	b: { storeysFrom: number; storeysTo: number | null }
): boolean {
	const aTo = a.storeysTo ?? Infinity;
	const bTo = b.storeysTo ?? Infinity;
	return a.storeysFrom <= bTo && b.storeysFrom <= aTo;
}

function checkOverlap(tx: DbLike, input: InvestmentRateInput, exceptKey: string | null): void {
	const current = tx
		.select()
		.from(investmentRates)
		.where(
			exceptKey === null
				? eq(investmentRates.isCurrent, true)
				: and(eq(investmentRates.isCurrent, true), ne(investmentRates.key, exceptKey))
		)
		.all();
	const hit = current.find((r) => overlaps(r, input));
	if (hit) throw new RateError('overlap', hit.key);
}

function values(input: InvestmentRateInput) {
	return {
		storeysFrom: input.storeysFrom,
		storeysTo: input.storeysTo,
		vndPerM2: input.vndPerM2,
		source: input.source,
		year: input.year,
		verify: input.verify,
		note: input.note ?? ''
	};
}

/** Adds a band (version 1 of a new key), audited; refused if it overlaps a current band. */
export function createInvestmentRate(
	db: Db,
	actor: Actor,
	key: string,
	input: InvestmentRateInput
): InvestmentRate {
	const row = catalogue.create(
		db,
		actor,
		key,
		{ ...values(input), createdBy: actor.userId },
		{
			check: (tx) => checkOverlap(tx, input, null),
			after: () => ({ key, version: 1, ...values(input) })
		}
	);
	return toRate(row);
}

/**
 * Edits the band of version `baseId` (must be current): writes the next version, audited.
 * With `expected` (the version the form was loaded with), a band changed meanwhile is refused
 * with a ConflictError carrying the current version.
 */
export function editInvestmentRate(
	db: Db,
	actor: Actor,
	baseId: number,
	input: InvestmentRateInput,
	expected?: number | null
): InvestmentRate {
	const row = catalogue.edit(db, actor, baseId, {
		expected,
		check: (tx, base) => checkOverlap(tx, input, base.key),
		values: () => ({ ...values(input), createdBy: actor.userId }),
		audit: (base, row) => ({ before: toRate(base), after: toRate(row) })
	});
	return toRate(row);
}

/** Seeds the sample rates into an empty table (idempotent). */
export function seedInvestmentRates(tx: DbLike): void {
	catalogue.seed(tx, INVESTMENT_RATE_SEEDS);
}
