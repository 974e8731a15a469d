/**
 * Lost updates on the weights (issue 16): direct weights and AHP judgements carry a version; a
 * save made from a form loaded before someone else's save is refused and changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ConflictError } from '../core/concurrency';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import {
	ahpState,
	deleteJudgment,
	directWeightsForm,
	directWeightsVersion,
	judgmentForm,
	listCriteria,
	saveDirectWeights,
	saveJudgments,
	weightState
} from './scoring';
import { sampleDb } from '../../../../tests/helpers/sample';

const anna = { userId: null, username: 'anna' };
const binh = { userId: null, username: 'binh' };
let db: Db;
let bt: number;

beforeEach(() => {
	({ db, bt } = sampleDb());
});

const audits = (entity: string) =>
	db.select().from(auditLog).where(eq(auditLog.entity, entity)).all().length;

function conflictOf(f: () => unknown): ConflictError {
	try {
		f();
	} catch (e) {
		if (e instanceof ConflictError) return e;
		throw e;
	}
	throw new Error('no conflict');
}

describe('direct weights', () => {
	it('refuses a save from a stale form, keeping the other save, and accepts the fresh one', () => {
		const keys = listCriteria(db, bt)
			.filter((c) => c.active)
			.map((c) => c.key);
		const [a, b] = keys;
		expect(directWeightsVersion(db, bt)).toBe(0);
		// Both editors load the page (version 0: none saved yet); Anna saves first.
		const mine = Object.fromEntries(keys.map((k) => [k, k === a ? 30 : 10]));
		saveDirectWeights(db, anna, bt, mine, 0);
		const v = directWeightsVersion(db, bt);
		expect(v).toBeGreaterThan(1);
		// Binh's form still says 0: refused, nothing written.
		const theirs = Object.fromEntries(keys.map((k) => [k, k === b ? 50 : 10]));
		const e = conflictOf(() => saveDirectWeights(db, binh, bt, theirs, 0));
		expect([e.entity, e.currentVersion]).toEqual(['weighting', v]);
		expect(audits('weighting')).toBe(1);
		const active = listCriteria(db, bt).filter((c) => c.active);
		const total = 30 + 10 * (keys.length - 1);
		expect(weightState(db, bt, active).weights[a]).toBeCloseTo(30 / total, 12);
		// The stored values as the form shows them: 30 / total in % with one decimal.
		const form = directWeightsForm(e.current, keys);
		expect(form[`w:${a}`]).toBe(String(Math.round((30 / total) * 1000) / 10));
		expect(form[`w:${b}`]).toBe(String(Math.round((10 / total) * 1000) / 10));
		// "Keep mine": the same values with the stored version are saved.
		saveDirectWeights(db, binh, bt, theirs, e.currentVersion);
		expect(weightState(db, bt, active).weights[b]).toBeCloseTo(
			50 / (50 + 10 * (keys.length - 1)),
			12
		);
		expect(directWeightsVersion(db, bt)).toBeGreaterThan(v);
	});

	it('a change of the weights in use (AHP answers put in use) makes the direct form stale', () => {
		const keys = listCriteria(db, bt)
			.filter((c) => c.active)
			.map((c) => c.key);
		const raw = Object.fromEntries(keys.map((k) => [k, 1]));
		saveDirectWeights(db, anna, bt, raw, 0);
		const v = directWeightsVersion(db, bt);
		saveJudgments(db, binh, bt, 'Lan', keys.slice(0, 2), [
			[1, 3],
			[1 / 3, 1]
		]);
		expect(directWeightsVersion(db, bt)).toBeGreaterThan(v);
		expect(() => saveDirectWeights(db, anna, bt, raw, v)).toThrow(ConflictError);
	});
});

describe('AHP judgements', () => {
	const keys = ['land-area', 'legal-status', 'land-cost'];
	const first = [
		[1, 3, 5],
		[1 / 3, 1, 2],
		[1 / 5, 1 / 2, 1]
	];
	const second = [
		[1, 1 / 3, 1],
		[3, 1, 4],
		[1, 1 / 4, 1]
	];

	it('refuses a stale paper form for a participant and shows the stored answers', () => {
		// Two editors open Lan's (empty) answers; Anna types them in first.
		saveJudgments(db, anna, bt, 'Lan', keys, first, 0);
		const lan = () => ahpState(db, bt, keys).participants.find((p) => p.participant === 'Lan')!;
		const v = lan().version;
		const e = conflictOf(() => saveJudgments(db, binh, bt, 'Lan', keys, second, 0));
		expect([e.entity, e.currentVersion]).toEqual(['judgment', v]);
		expect(lan().matrix[0][1]).toBe(3);
		expect(audits('judgment')).toBe(1);
		expect(judgmentForm(e.current, keys)).toEqual({
			participant: 'Lan',
			'p:land-area:legal-status': '3',
			'p:land-area:land-cost': '5',
			'p:legal-status:land-cost': '2'
		});
		// With the stored version (keep mine) Binh's answers are saved and the version moves on.
		saveJudgments(db, binh, bt, 'Lan', keys, second, v);
		expect(lan().matrix[0][1]).toBeCloseTo(1 / 3, 12);
		expect(lan().version).toBe(v + 1);
		// Anna's form (version v) is stale now.
		expect(() => saveJudgments(db, anna, bt, 'Lan', keys, first, v)).toThrow(ConflictError);
		expect(lan().matrix[0][1]).toBeCloseTo(1 / 3, 12);
	});

	it('refuses answers whose stored row was deleted meanwhile; unchecked saves still work', () => {
		saveJudgments(db, anna, bt, 'Minh', keys, first, 0);
		const minh = ahpState(db, bt, keys).participants[0];
		deleteJudgment(db, anna, bt, minh.id);
		const e = conflictOf(() => saveJudgments(db, binh, bt, 'Minh', keys, second, minh.version));
		expect(e.current).toBeNull();
		expect(ahpState(db, bt, keys).participants).toHaveLength(0);
		// An invitation link (no version) saves as before.
		saveJudgments(db, binh, bt, 'Minh', keys, second);
		expect(ahpState(db, bt, keys).participants).toHaveLength(1);
	});
});
