import { beforeEach, describe, expect, it } from 'vitest';
import { formInput, referenceDb } from '../../../../tests/helpers/admin';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import {
	RateError,
	createInvestmentRate,
	editInvestmentRate,
	investmentRateHistory,
	listInvestmentRates,
	rateForStoreys
} from './investment-rates';
import { investmentRateSchema } from '../../schemas/dossier';

const actor = { userId: null, username: 'admin' };
let db: Db;

beforeEach(() => {
	db = referenceDb();
});

const input = (over: Record<string, unknown> = {}) =>
	formInput(investmentRateSchema, {
		storeysFrom: '21',
		storeysTo: '30',
		vndPerM2: '16500000',
		source: 'Bộ Xây dựng',
		year: '2025',
		verify: 'on',
		note: '',
		...over
	});

describe('investment rates', () => {
	it('seeds four bands marked verify and picks by storeys', () => {
		const rates = listInvestmentRates(db);
		expect(rates.map((r) => [r.storeysFrom, r.storeysTo, r.vndPerM2])).toEqual([
			[1, 5, 9_800_000],
			[6, 10, 12_100_000],
			[11, 15, 13_500_000],
			[16, 20, 14_800_000]
		]);
		expect(
			rates.every((r) => r.verify && r.year === 2024 && r.source.includes('Bộ Xây dựng'))
		).toBe(true);
		expect(rateForStoreys(db, 5)?.vndPerM2).toBe(9_800_000);
		expect(rateForStoreys(db, 6)?.vndPerM2).toBe(12_100_000);
		expect(rateForStoreys(db, 21)).toBeNull();
	});

	it('an edit makes a new version, keeps the old one and audits', () => {
		const base = rateForStoreys(db, 3)!;
		const n = db.select().from(auditLog).all().length;
		const v2 = editInvestmentRate(
			db,
			actor,
			base.id,
			input({ storeysFrom: '1', storeysTo: '5', vndPerM2: '10.200.000', verify: '' })
		);
		expect(v2).toMatchObject({ version: 2, vndPerM2: 10_200_000, verify: false, year: 2025 });
		expect(rateForStoreys(db, 3)?.id).toBe(v2.id);
		expect(investmentRateHistory(db, base.key).map((r) => [r.version, r.vndPerM2])).toEqual([
			[2, 10_200_000],
			[1, 9_800_000]
		]);
		expect(db.select().from(auditLog).all().length).toBe(n + 1);
		expect(() => editInvestmentRate(db, actor, base.id, input())).toThrow(
			new RateError('not-current')
		);
	});

	it('refuses a band overlapping another current band', () => {
		expect(() => createInvestmentRate(db, actor, 'x', input({ storeysFrom: '18' }))).toThrow(
			new RateError('overlap', 'office-16-20')
		);
		const r = createInvestmentRate(db, actor, 'office-21-30', input());
		expect(rateForStoreys(db, 25)?.id).toBe(r.id);
		// An edit of a band may keep its own range.
		const six = rateForStoreys(db, 6)!;
		expect(
			editInvestmentRate(db, actor, six.id, input({ storeysFrom: '6', storeysTo: '10' })).version
		).toBe(2);
	});

	it('the form refuses a band that ends before it starts', () => {
		const r = investmentRateSchema.safeParse({
			storeysFrom: '6',
			storeysTo: '5',
			vndPerM2: '1000000',
			source: 'x',
			year: '2025'
		});
		expect(r.success).toBe(false);
		expect(r.error!.issues[0]).toMatchObject({
			path: ['storeysTo'],
			message: 'rate.err.bandOrder'
		});
	});
});
