/**
 * The pure site scoring on small hand-worked examples (no database): utilities, weights,
 * matrices, criterion values, screening, a whole decision and its analysis, the run record.
 */
import { describe, expect, it } from 'vitest';
import {
	analyse,
	clearScoringCaches,
	criterionValue,
	decide,
	defaultWeights,
	matrixFromPairs,
	normaliseWeights,
	remapMatrix,
	runRecord,
	screenSite,
	utilities,
	type ActiveCriterion,
	type SiteContext,
	type SiteRow,
	type WeightState
} from './';

const noContext: SiteContext = {
	populationCentre: null,
	headquarters: null,
	oldFacilities: [],
	extent: null,
	boundary: null
};

function site(over: Partial<SiteRow> & { id: number; code: string }): SiteRow {
	return {
		name: over.code,
		lat: 10.8,
		lng: 106.7,
		polygonGeojson: null,
		isCurrentHeadquarters: false,
		landAreaM2: 1000,
		legalStatus: 'state-ready',
		householdsToRelocate: 0,
		landCostVnd: 0,
		clearanceCostVnd: 0,
		floodRisk: 1,
		planFit: 3,
		roadAccess: 3,
		...over
	};
}

const criterion = (id: number, key: string, source: string, type: 'benefit' | 'cost') =>
	({
		id,
		key,
		labelVi: key,
		labelEn: key,
		type,
		unit: '',
		source,
		basis: null
	}) satisfies ActiveCriterion;

describe('utilities', () => {
	it('scales benefit and cost columns to 0-1 and gives 1 to a constant column', () => {
		const u = utilities(
			[
				[10, 1, 7],
				[20, 3, 7],
				[30, 2, 7]
			],
			['benefit', 'cost', 'benefit']
		);
		expect(u).toEqual([
			[0, 1, 1],
			[0.5, 0, 1],
			[1, 0.5, 1]
		]);
	});
});

describe('weights', () => {
	it('normalises typed weights, counting negative and missing ones as 0', () => {
		expect(normaliseWeights(['a', 'b', 'c'], { a: 2, b: 6, c: -1 })).toEqual({
			a: 0.25,
			b: 0.75,
			c: 0
		});
		expect(normaliseWeights(['a', 'b'], { a: 0 })).toBeNull();
	});

	it('falls back to equal weights when every default is 0', () => {
		expect(
			defaultWeights([
				{ key: 'a', defaultWeight: 0 },
				{ key: 'b', defaultWeight: 0 }
			])
		).toEqual({ a: 0.5, b: 0.5 });
		expect(
			defaultWeights([
				{ key: 'a', defaultWeight: 3 },
				{ key: 'b', defaultWeight: 1 }
			])
		).toEqual({ a: 0.75, b: 0.25 });
	});

	it('reads a stored matrix for new keys; pairs it does not cover are equal', () => {
		const m = remapMatrix(
			{
				keys: ['a', 'b'],
				matrix: [
					[1, 3],
					[1 / 3, 1]
				]
			},
			['b', 'a', 'c']
		);
		expect(m).toEqual([
			[1, 1 / 3, 1],
			[3, 1, 1],
			[1, 1, 1]
		]);
	});

	it('builds a reciprocal matrix from the upper triangle', () => {
		const m = matrixFromPairs(3, (i, j) => i + j + 1);
		expect(m).toEqual([
			[1, 2, 3],
			[0.5, 1, 4],
			[1 / 3, 0.25, 1]
		]);
	});
});

describe('criterion values and screening', () => {
	it('reads attributes: costs in billions, the legal status as its score', () => {
		const s = site({
			id: 1,
			code: 'A',
			landCostVnd: 12_000_000_000,
			clearanceCostVnd: 3_500_000_000,
			legalStatus: 'mixed'
		});
		expect(criterionValue('attribute:landAndClearanceCost', s, noContext)).toBe(15.5);
		expect(criterionValue('attribute:legalStatus', s, noContext)).toBe(2);
		expect(criterionValue('computed:headquartersDistanceM', s, noContext)).toBeNull();
		expect(criterionValue('unknown:x', s, noContext)).toBeNull();
	});

	it('gives every reason a site fails, and none for a missing area already counted', () => {
		const ctx: SiteContext = { ...noContext, extent: [10.7, 106.6, 10.9, 106.8] };
		const required = {
			areaM2: 1200,
			source: 'setting' as const,
			usableM2: null,
			grossToUsable: 1.35,
			floors: 3,
			normSetName: null,
			headcount: 0
		};
		const active = [{ key: 'area', source: 'attribute:landAreaM2' }];
		const small = site({ id: 1, code: 'A', landAreaM2: 800, legalStatus: 'unavailable', lat: 11 });
		expect(screenSite(small, ctx, required, active)).toEqual([
			{ code: 'area-below', areaM2: 800, requiredM2: 1200 },
			{ code: 'unavailable', legalStatus: 'unavailable' },
			{ code: 'outside-ward' }
		]);
		const missing = site({ id: 2, code: 'B', landAreaM2: null });
		expect(screenSite(missing, ctx, required, active)).toEqual([
			{ code: 'area-missing', requiredM2: 1200 }
		]);
		expect(screenSite(site({ id: 3, code: 'C', landAreaM2: 1200 }), ctx, required, active)).toEqual(
			[]
		);
	});
});

describe('a decision and its analysis', () => {
	// Area (benefit): 1000, 2000, 1500 → utilities 0, 1, 0.5.
	// Households (cost): 10, 30, 20 → utilities 1, 0, 0.5.
	// Weights 0.6 / 0.4 → S1 0.4, S2 0.6, S3 0.5: S2 first, then S3, then S1.
	const weights: WeightState = {
		source: 'direct',
		weights: { area: 0.6, households: 0.4 },
		setBy: ['Bench'],
		weightingId: 1,
		updatedAt: 0,
		cr: null
	};
	const inputs = () => ({
		active: [
			criterion(1, 'area', 'attribute:landAreaM2', 'benefit'),
			criterion(2, 'households', 'attribute:householdsToRelocate', 'cost')
		],
		siteRows: [
			site({ id: 11, code: 'S1', landAreaM2: 1000, householdsToRelocate: 10 }),
			site({ id: 12, code: 'S2', landAreaM2: 2000, householdsToRelocate: 30 }),
			site({ id: 13, code: 'S3', landAreaM2: 1500, householdsToRelocate: 20 }),
			site({ id: 14, code: 'S4', landAreaM2: 5000, legalStatus: 'unavailable' })
		],
		ctx: noContext,
		required: {
			areaM2: null,
			source: 'none' as const,
			usableM2: null,
			grossToUsable: 1.35,
			floors: 3,
			normSetName: null,
			headcount: 0
		},
		weights
	});

	it('screens the unavailable site out and keeps the value matrix of the others', () => {
		const d = decide(inputs());
		expect(d.eligible.map((s) => s.code)).toEqual(['S1', 'S2', 'S3']);
		expect(d.matrix).toEqual([
			[1000, 10],
			[2000, 30],
			[1500, 20]
		]);
		expect(d.criteria.map((c) => c.weight)).toEqual([0.6, 0.4]);
	});

	it('ranks by the weighted sum worked by hand; contributions add up to the scores', () => {
		clearScoringCaches();
		const a = analyse(decide(inputs()), 'weighted-sum')!;
		const ws = a.results['weighted-sum'];
		expect(ws.scores.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.4, 0.6, 0.5]);
		expect(ws.ranking).toEqual([1, 2, 0]);
		expect(a.contributions.map((r) => r[0] + r[1])).toEqual(ws.scores);
		// The same inputs give the cached object.
		expect(analyse(decide(inputs()), 'weighted-sum')).toBe(a);
	});

	it('records a run with ranks by code and each participant’s weights by key', () => {
		const d = decide(inputs());
		const a = analyse(d, 'weighted-sum');
		const r = runRecord(
			d,
			'weighted-sum',
			a,
			null,
			{
				participants: [
					{
						participant: 'An',
						cr: 0.02,
						weights: [0.7, 0.3],
						distanceToGroup: null,
						kendallTauToGroup: null
					}
				],
				meanKendallTau: null
			},
			123
		);
		expect(r.computedAt).toBe(123);
		expect(r.results['weighted-sum'].map((x) => [x.code, x.rank])).toEqual([
			['S2', 1],
			['S3', 2],
			['S1', 3]
		]);
		expect(r.weights.participants[0].weights).toEqual({ area: 0.7, households: 0.3 });
		expect(r.screenedOut).toEqual([
			{ code: 'S4', name: 'S4', reasons: [{ code: 'unavailable', legalStatus: 'unavailable' }] }
		]);
		expect(r.inputHash).toBe(a!.hash);
	});
});
