import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed';
import { auditLog, facilities, settings, sites, wards } from '../db/schema';
import type { Db } from '../db';
import {
	addComputedCriterion,
	ahpState,
	analyse,
	buildDecision,
	deleteScoringRun,
	getScoringRun,
	listCriteria,
	matrixFromPairs,
	requiredLand,
	saveDirectWeights,
	saveJudgments,
	saveScoringRun,
	ScoringError,
	sitesGeoJson,
	SMAA_SAMPLES,
	updateCriterion,
	utilities,
	weightState
} from './scoring';
import { createSite } from './';
import { ahp, mostInconsistentJudgment, weightedSum } from '../../mcda';
import { distanceM, METRO_STATIONS } from '../../geo';

const actor = { userId: null, username: 'test' };
let db: Db;
let bt: number;
let ak: number;

const wardId = (code: string) => db.select().from(wards).where(eq(wards.code, code)).get()!.id;
const site = (code: string, w = bt) =>
	db
		.select()
		.from(sites)
		.where(and(eq(sites.wardId, w), eq(sites.code, code)))
		.get()!;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	bt = wardId('binh-trung');
	ak = wardId('an-khanh');
});

const baseSite = {
	name: 'Khu thử',
	landAreaM2: 3000,
	legalStatus: 'state-ready' as const,
	currentUse: null,
	householdsToRelocate: 0,
	landCostVnd: 0,
	clearanceCostVnd: 0,
	floodRisk: 2,
	planFit: 4,
	roadAccess: 4,
	isCurrentHeadquarters: false,
	notes: null,
	lat: 10.79,
	lng: 106.76,
	polygonGeojson: null
};

describe('computed criteria', () => {
	it('match distances computed independently with the geo functions', () => {
		addComputedCriterion(db, actor, bt, 'computed:headquartersDistanceM');
		addComputedCriterion(db, actor, bt, 'computed:facilityDistanceM');
		addComputedCriterion(db, actor, bt, 'computed:insideTod');
		const d = buildDecision(db, bt);
		const p4 = site('P4');
		const v = d.sites.find((s) => s.code === 'P4')!.values;
		const nearest = Math.min(...METRO_STATIONS.map((s) => distanceM(p4, s)));
		expect(v['metro-distance']).toBeCloseTo(nearest, 1);
		expect(v['inside-tod']).toBe(nearest <= 1000 ? 1 : 0);
		const w = db.select().from(wards).where(eq(wards.id, bt)).get()!;
		expect(v['population-distance']).toBeCloseTo(
			distanceM(p4, { lat: w.populationCentreLat!, lng: w.populationCentreLng! }),
			1
		);
		const fs = db.select().from(facilities).where(eq(facilities.wardId, bt)).all();
		const hq = fs.find((f) => f.kind === 'headquarters')!;
		expect(v['headquarters-distance']).toBeCloseTo(distanceM(p4, hq), 1);
		const old = Math.min(
			...fs.filter((f) => f.kind !== 'headquarters').map((f) => distanceM(p4, f))
		);
		expect(v['facility-distance']).toBeCloseTo(old, 1);
		// Land cost is land + clearance in billions; the legal status maps to its score.
		expect(v['land-cost']).toBe(305);
		expect(v['legal-status']).toBe(1);
		expect(() => addComputedCriterion(db, actor, bt, 'computed:insideTod')).toThrowError(
			ScoringError
		);
	});
});

describe('screening', () => {
	it('derives the required land from the needs and screens sites out with their reasons', () => {
		const req = requiredLand(db, bt);
		expect(req.source).toBe('needs');
		expect(req.floors).toBe(3);
		expect(req.grossToUsable).toBe(1.35);
		expect(req.areaM2!).toBeCloseTo((req.usableM2! * 1.35) / 3, 0);
		expect(req.areaM2!).toBeGreaterThan(1000);
		createSite(db, actor, bt, { ...baseSite, code: 'SMALL', landAreaM2: 900 });
		createSite(db, actor, bt, { ...baseSite, code: 'GONE', legalStatus: 'unavailable' } as never);
		createSite(db, actor, bt, { ...baseSite, code: 'FAR', lat: 10.9 });
		createSite(db, actor, bt, { ...baseSite, code: 'NOAREA', landAreaM2: null });
		const d = buildDecision(db, bt);
		const reasons = (code: string) => d.sites.find((s) => s.code === code)!.reasons;
		expect(reasons('SMALL')).toEqual([{ code: 'area-below', areaM2: 900, requiredM2: req.areaM2 }]);
		expect(reasons('GONE')).toEqual([{ code: 'unavailable', legalStatus: 'unavailable' }]);
		expect(reasons('FAR')).toEqual([{ code: 'outside-ward' }]);
		expect(reasons('NOAREA')).toEqual([{ code: 'area-missing', requiredM2: req.areaM2 }]);
		expect(d.eligible.map((s) => s.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
		// A ward setting overrides the derived area.
		db.insert(settings)
			.values({ wardId: bt, key: 'sites.requiredLandAreaM2', valueJson: '3000' })
			.run();
		const d2 = buildDecision(db, bt);
		expect(d2.required).toMatchObject({ source: 'setting', areaM2: 3000 });
		// P1 (2,900 m²), P5 (2,380 m²) and P7 (2,700 m²) are below 3,000 m².
		expect(d2.eligible.map((s) => s.code)).toEqual(['P2', 'P3', 'P4', 'P6']);
	});
});

describe('weights', () => {
	it('uses the default weights, then normalised direct weights, audited', () => {
		const active = listCriteria(db, bt).filter((c) => c.active);
		expect(weightState(db, bt, active).source).toBe('default');
		const raw = Object.fromEntries(active.map((c, i) => [c.key, i === 0 ? 30 : 10]));
		const saved = saveDirectWeights(db, actor, bt, raw);
		expect(saved[active[0].key]).toBeCloseTo(30 / 110, 10);
		const st = weightState(db, bt, active);
		expect(st.source).toBe('direct');
		expect(Object.values(st.weights).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
		expect(db.select().from(auditLog).where(eq(auditLog.entity, 'weighting')).all()).toHaveLength(
			1
		);
		expect(() =>
			saveDirectWeights(db, actor, bt, Object.fromEntries(active.map((c) => [c.key, 0])))
		).toThrowError(ScoringError);
	});

	it('aggregates the AHP judgements of two participants by the geometric mean', () => {
		const keys = ['land-area', 'legal-status', 'land-cost'];
		for (const c of listCriteria(db, bt)) {
			if (!keys.includes(c.key)) updateCriterion(db, actor, bt, { ...c, active: false });
		}
		const a = matrixFromPairs(
			3,
			(i, j) =>
				[
					[0, 2, 4],
					[0, 0, 2]
				][i][j]
		);
		const b = matrixFromPairs(
			3,
			(i, j) =>
				[
					[0, 8, 4],
					[0, 0, 1 / 2]
				][i][j]
		);
		const first = saveJudgments(db, actor, bt, 'Chủ tịch', keys, a);
		expect(first.cr).toBeCloseTo(0, 10);
		saveJudgments(db, actor, bt, 'Phó Chủ tịch', keys, b);
		const st = ahpState(db, bt, keys);
		expect(st.participants.map((p) => p.participant)).toEqual(['Chủ tịch', 'Phó Chủ tịch']);
		expect(st.group!.matrix[0][1]).toBeCloseTo(4, 10); // sqrt(2 × 8)
		expect(st.group!.matrix[1][2]).toBeCloseTo(1, 10); // sqrt(2 × 1/2)
		const active = listCriteria(db, bt).filter((c) => c.active);
		const ws = weightState(db, bt, active);
		expect(ws.source).toBe('ahp');
		expect(ws.setBy).toEqual(['Chủ tịch', 'Phó Chủ tịch']);
		expect(ws.weights['land-area']).toBeCloseTo(ahp(st.group!.matrix).weights[0], 10);
		// Saving again under the same name replaces that participant's judgements.
		saveJudgments(db, actor, bt, 'Chủ tịch', keys, b);
		expect(ahpState(db, bt, keys).participants).toHaveLength(2);
	});

	it('saves inconsistent judgements with a CR warning and the suggested value', () => {
		const active = listCriteria(db, bt)
			.filter((c) => c.active)
			.slice(0, 4);
		const m = matrixFromPairs(4, (i, j) =>
			i === 0 && j === 3 ? 1 / 9 : [8, 4, 2, 1][i] / [8, 4, 2, 1][j]
		);
		const r = saveJudgments(
			db,
			actor,
			bt,
			'Thành viên',
			active.map((c) => c.key),
			m
		);
		expect(r.cr).toBeGreaterThan(0.1);
		expect(r.inconsistent).toMatchObject({ i: 0, j: 3 });
		expect(r.inconsistent!.suggested).toBe(mostInconsistentJudgment(m).suggested);
	});
});

describe('analysis and scoring runs', () => {
	it('ranks the sample sites, the weighted sum equals the sum of contributions', () => {
		const d = buildDecision(db, bt);
		const a = analyse(d, 'weighted-sum')!;
		const codes = d.eligible.map((s) => s.code);
		expect(codes[a.results['weighted-sum'].ranking[0]]).toBe('P2');
		const direct = weightedSum(
			utilities(
				d.matrix,
				d.criteria.map((c) => c.type)
			),
			d.criteria.map((c) => c.weight),
			d.criteria.map(() => 'benefit'),
			{ normalisation: 'none' }
		);
		expect(a.results['weighted-sum'].scores).toEqual(direct.scores);
		a.contributions.forEach((row, i) =>
			expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(direct.scores[i], 12)
		);
		expect(a.comparison.firstPlaces).toHaveLength(3);
		expect(a.sensitivity).toHaveLength(d.criteria.length);
		const land = a.sensitivity.find((s) => s.criterion === 'land-area')!;
		expect(land.switches[0]).toMatchObject({ from: 'P2', to: 'P6' });
		expect(land.switches[0].weight).toBeGreaterThan(0.5);
		expect(land.switches[0].weight).toBeLessThan(0.7);
	});

	it('saves a run with everything the packet needs and reloads it identical', () => {
		createSite(db, actor, bt, { ...baseSite, code: 'SMALL', landAreaM2: 900 });
		const run = saveScoringRun(db, actor, bt, { name: 'Lần 1', method: 'topsis' });
		const again = getScoringRun(db, bt, run.id)!;
		expect(again.result).toEqual(run.result);
		expect(again).toMatchObject({ name: 'Lần 1', method: 'topsis' });
		const r = again.result;
		expect(r.eligible).toHaveLength(7);
		expect(r.screenedOut).toEqual([
			{
				code: 'SMALL',
				name: 'Khu thử',
				reasons: [{ code: 'area-below', areaM2: 900, requiredM2: r.requiredLand.areaM2 }]
			}
		]);
		expect(r.matrix).toHaveLength(7);
		expect(Object.keys(r.results)).toEqual(['weighted-sum', 'topsis', 'promethee2']);
		expect(r.results.topsis.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(r.weights.source).toBe('default');
		expect(r.smaa!.samples).toBe(SMAA_SAMPLES);
		expect(r.smaa!.seed).toBe(20251);
		r.smaa!.rankAcceptability.forEach((row) =>
			expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10)
		);
		expect(r.sensitivity.length).toBe(r.criteria.length);
		const audit = db.select().from(auditLog).where(eq(auditLog.entity, 'scoring-run')).all();
		expect(audit).toHaveLength(1);
	});

	it('refuses another ward’s run', () => {
		const run = saveScoringRun(db, actor, ak, { name: 'An Khánh', method: 'weighted-sum' });
		expect(getScoringRun(db, bt, run.id)).toBeUndefined();
		expect(() => deleteScoringRun(db, actor, bt, run.id)).toThrowError(ScoringError);
		expect(getScoringRun(db, ak, run.id)?.name).toBe('An Khánh');
	});

	it('exports the sites as GeoJSON with criteria values', () => {
		const fc = sitesGeoJson(db, bt);
		expect(fc.features).toHaveLength(7);
		const p2 = fc.features.find((f) => f.properties.code === 'P2')!;
		expect(p2.geometry.type).toBe('Polygon');
		expect(p2.properties.criteria['metro-distance']).toBeCloseTo(510.7, 0);
		expect(p2.properties.computed.insideTod).toBe(true);
		expect(p2.properties).not.toHaveProperty('wardId');
	});
});
