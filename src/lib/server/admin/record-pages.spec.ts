/**
 * What the admin's record pages load by id: the record (with its versions for the catalogues),
 * or the service's DomainError 'not-found', which orNotFound turns into the 404 page.
 */
import { isHttpError } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import { formInput, newWard, referenceDb } from '../../../../tests/helpers/admin';
import { investmentRateSchema } from '../../schemas/dossier';
import { DomainError, isNotFound } from '../core/errors';
import type { Db } from '../db';
import { orNotFound } from '../http/not-found';
import { normSetPage, NormSetError } from '../needs/norm-sets';
import {
	editInvestmentRate,
	investmentRatePage,
	listInvestmentRates,
	RateError
} from './investment-rates';
import { legalReferencePage, LegalRefError, listLegalReferences } from './legal-refs';
import { createUser, requireUser, UserError } from './users';
import { requireWard, WardError } from './wards';

const actor = { userId: null, username: 'admin' };
const MISSING = 987_654;
let db: Db;

beforeEach(() => {
	db = referenceDb();
});

/** Throws the service's not-found refusal, an instance of `type`. */
const notFoundOf = (type: new (...args: never[]) => DomainError) =>
	expect.toSatisfy((e: unknown) => e instanceof type && isNotFound(e));

describe('admin record pages', () => {
	it('an investment rate: the version asked for and every version of its band, newest first', () => {
		const first = listInvestmentRates(db)[0];
		expect([first.storeysFrom, first.storeysTo, first.vndPerM2]).toEqual([1, 5, 9_800_000]);
		const input = formInput(investmentRateSchema, {
			storeysFrom: '1',
			storeysTo: '5',
			vndPerM2: '10100000',
			source: 'Bộ Xây dựng',
			year: '2025',
			verify: 'on',
			note: ''
		});
		const next = editInvestmentRate(db, actor, first.id, input, 1);

		const old = investmentRatePage(db, first.id);
		expect([old.rate.id, old.rate.version, old.rate.isCurrent, old.rate.vndPerM2]).toEqual([
			first.id,
			1,
			false,
			9_800_000
		]);
		expect(old.history.map((r) => [r.id, r.version, r.vndPerM2])).toEqual([
			[next.id, 2, 10_100_000],
			[first.id, 1, 9_800_000]
		]);
		expect(investmentRatePage(db, next.id).rate.isCurrent).toBe(true);

		expect(() => investmentRatePage(db, MISSING)).toThrow(notFoundOf(RateError));
	});

	it('a legal reference and a norm set: the version with its history; none → not-found', () => {
		const ref = listLegalReferences(db)[0];
		const page = legalReferencePage(db, ref.id);
		expect([page.ref.id, page.ref.key, page.ref.isCurrent]).toEqual([ref.id, ref.key, true]);
		expect(page.history.map((r) => [r.id, r.version])).toEqual([[ref.id, 1]]);
		expect(() => legalReferencePage(db, MISSING)).toThrow(notFoundOf(LegalRefError));

		const current = normSetPage(db, 1);
		expect(current.set.items.length).toBeGreaterThan(0);
		expect(current.versions.map((v) => [v.id, v.version])).toEqual([[current.set.id, 1]]);
		expect(() => normSetPage(db, MISSING)).toThrow(notFoundOf(NormSetError));
	});

	it('a user and a ward by id, or their not-found error', async () => {
		const ward = newWard(db);
		expect(requireWard(db, ward.id).code).toBe('thu-duc');
		expect(() => requireWard(db, MISSING)).toThrow(notFoundOf(WardError));

		const { user } = await createUser(
			db,
			actor,
			{ username: 'Lan.Nguyen', displayName: 'Nguyễn Lan', role: 'ward_editor', wardId: ward.id },
			'Mat-khau-rat-dai-2026'
		);
		const found = requireUser(db, user.id);
		expect([found.username, found.wardCode, found.activeSessions]).toEqual([
			'lan.nguyen',
			'thu-duc',
			0
		]);
		expect(() => requireUser(db, MISSING)).toThrow(notFoundOf(UserError));
	});

	it('orNotFound: the value; not-found → the 404 page; any other error unchanged', () => {
		expect(orNotFound(() => 42, 'en')).toBe(42);
		expect(() => orNotFound(() => investmentRatePage(db, MISSING), 'en')).toThrow(
			expect.toSatisfy(
				(e: unknown) =>
					isHttpError(e, 404) &&
					e.body.message === 'Page or record not found.' &&
					e.body.code === 'not_found'
			)
		);
		const other = new DomainError('not-current');
		const rethrow = () => {
			throw other;
		};
		expect(() => orNotFound(rethrow, 'en')).toThrow(expect.toSatisfy((e) => e === other));
	});
});
