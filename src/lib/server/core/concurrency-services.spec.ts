/**
 * Optimistic concurrency per table family, on the services: a save that names the version it
 * was loaded with succeeds and adds 1; a second save from the same (now stale) version is
 * refused with ConflictError carrying the stored row, and nothing is written (no change, no
 * audit row). Each case edits a different field in the two saves (the lost-update probe).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDb } from '../db/test-db';
import { seedSample } from '../db/seed/index';
import {
	auditLog,
	buildings,
	criteria,
	facilities,
	orgUnits,
	positions,
	proposals,
	rooms,
	scenarios,
	sites,
	wards
} from '../db/schema';
import type { Db } from '../db';
import { ConflictError } from './concurrency';
import { updateBuilding, updateFacility, updateRoom } from '../inventory/facilities';
import { updatePosition, updateUnit } from '../org';
import { updateSite, type SiteValues } from '../sites';
import { updateCriterion } from '../sites/scoring';
import { getScenario, updateScenarioSettings } from '../plans';
import { createProposal, getProposal, saveDraft } from '../proposals';
import type { Actor } from '../audit';
import { firstRoomOfWard, roomInput } from '../../../../tests/helpers/sample';

const A: Actor = { userId: null, username: 'nguoi.a' };
const B: Actor = { userId: null, username: 'nguoi.b' };
let db: Db;
let wardId: number;

const audits = () =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(auditLog)
		.get()!.n;

beforeEach(() => {
	db = createTestDb();
	seedSample(db);
	wardId = db.select().from(wards).where(eq(wards.isSample, true)).limit(1).get()!.id;
});

/**
 * The probe for one record: A saves `a` from version v (succeeds, v + 1); B saves `b` from the
 * stale v (ConflictError with A's values, nothing written); B saves again with v + 1 (succeeds).
 */
function probe<Row extends { version: number }>(opts: {
	read: () => Row;
	saveA: (version: number) => void;
	saveB: (version: number) => void;
	/** A's change is visible in the stored row. */
	hasA: (row: Row) => boolean;
	/** B's change is visible in the stored row. */
	hasB: (row: Row) => boolean;
}) {
	const v = opts.read().version;
	opts.saveA(v);
	const afterA = opts.read();
	expect(afterA.version).toBe(v + 1);
	expect(opts.hasA(afterA)).toBe(true);
	const n = audits();
	let err: unknown;
	try {
		opts.saveB(v);
	} catch (e) {
		err = e;
	}
	expect(err).toBeInstanceOf(ConflictError);
	expect((err as ConflictError).currentVersion).toBe(v + 1);
	expect(opts.read()).toEqual(afterA);
	expect(audits()).toBe(n);
	opts.saveB(v + 1);
	const afterB = opts.read();
	expect(afterB.version).toBe(v + 2);
	expect(opts.hasB(afterB)).toBe(true);
	expect(audits()).toBe(n + 1);
}

describe('inventory', () => {
	it('facility', () => {
		const f = db.select().from(facilities).where(eq(facilities.wardId, wardId)).limit(1).get()!;
		const input = {
			code: f.code,
			name: f.name,
			kind: f.kind,
			originWard: f.originWard,
			address: f.address,
			lat: f.lat,
			lng: f.lng,
			landAreaM2: f.landAreaM2,
			legalStatus: f.legalStatus,
			yearBuilt: f.yearBuilt,
			notes: f.notes
		};
		const read = () => db.select().from(facilities).where(eq(facilities.id, f.id)).get()!;
		probe({
			read,
			saveA: (v) => updateFacility(db, A, wardId, f.id, { ...input, name: 'Trụ sở A' }, v),
			saveB: (v) => updateFacility(db, B, wardId, f.id, { ...input, address: 'Số 1 B' }, v),
			hasA: (r) => r.name === 'Trụ sở A',
			hasB: (r) => r.address === 'Số 1 B'
		});
	});

	it('building', () => {
		const b = db
			.select({ b: buildings })
			.from(buildings)
			.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
			.where(eq(facilities.wardId, wardId))
			.limit(1)
			.get()!.b;
		const input = {
			code: b.code,
			name: b.name,
			levelsAboveGround: b.levelsAboveGround,
			yearBuilt: b.yearBuilt,
			structure: b.structure,
			grossFloorAreaM2: b.grossFloorAreaM2,
			notes: b.notes
		};
		probe({
			read: () => db.select().from(buildings).where(eq(buildings.id, b.id)).get()!,
			saveA: (v) => updateBuilding(db, A, wardId, b.id, { ...input, name: 'Khối A' }, v),
			saveB: (v) => updateBuilding(db, B, wardId, b.id, { ...input, notes: 'Ghi chú B' }, v),
			hasA: (r) => r.name === 'Khối A',
			hasB: (r) => r.notes === 'Ghi chú B'
		});
	});

	it('room: A renames, B saves occupants from the stale form', () => {
		const r = firstRoomOfWard(db, wardId);
		const input = roomInput(r);
		probe({
			read: () => db.select().from(rooms).where(eq(rooms.id, r.id)).get()!,
			saveA: (v) => updateRoom(db, A, wardId, r.id, { ...input, name: 'Phòng họp A' }, v),
			saveB: (v) => updateRoom(db, B, wardId, r.id, { ...input, occupants: r.occupants + 3 }, v),
			hasA: (x) => x.name === 'Phòng họp A',
			hasB: (x) => x.occupants === r.occupants + 3
		});
	});
});

describe('organisation', () => {
	it('org unit', () => {
		const u = db.select().from(orgUnits).where(eq(orgUnits.wardId, wardId)).limit(1).get()!;
		const input = { code: u.code, name: u.name, kind: u.kind, publicFacing: u.publicFacing };
		probe({
			read: () => db.select().from(orgUnits).where(eq(orgUnits.id, u.id)).get()!,
			saveA: (v) => updateUnit(db, A, wardId, u.id, { ...input, name: 'Văn phòng A' }, v),
			saveB: (v) => updateUnit(db, B, wardId, u.id, { ...input, publicFacing: !u.publicFacing }, v),
			hasA: (x) => x.name === 'Văn phòng A',
			hasB: (x) => x.publicFacing === !u.publicFacing
		});
	});

	it('position (staff post)', () => {
		const p = db
			.select({ p: positions })
			.from(positions)
			.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
			.where(eq(orgUnits.wardId, wardId))
			.limit(1)
			.get()!.p;
		const input = {
			orgUnitId: p.orgUnitId,
			title: p.title,
			titleKey: p.titleKey,
			field: p.field,
			approved: p.approved,
			filled: p.filled,
			plannedNextYear: p.plannedNextYear,
			rank: p.rank,
			concurrentTitleKeys: p.concurrentTitleKeys
		};
		probe({
			read: () => db.select().from(positions).where(eq(positions.id, p.id)).get()!,
			saveA: (v) => updatePosition(db, A, wardId, p.id, { ...input, approved: p.approved + 2 }, v),
			saveB: (v) => updatePosition(db, B, wardId, p.id, { ...input, filled: p.filled + 1 }, v),
			hasA: (x) => x.approved === p.approved + 2,
			hasB: (x) => x.filled === p.filled + 1
		});
	});
});

describe('site selection', () => {
	it('site', () => {
		const s = db.select().from(sites).where(eq(sites.wardId, wardId)).limit(1).get()!;
		const values = {
			code: s.code,
			name: s.name,
			landAreaM2: s.landAreaM2,
			legalStatus: s.legalStatus,
			currentUse: s.currentUse,
			householdsToRelocate: s.householdsToRelocate,
			landCostVnd: s.landCostVnd,
			clearanceCostVnd: s.clearanceCostVnd,
			floodRisk: s.floodRisk,
			planFit: s.planFit,
			roadAccess: s.roadAccess,
			isCurrentHeadquarters: s.isCurrentHeadquarters,
			notes: s.notes,
			lat: s.lat,
			lng: s.lng,
			polygonGeojson: s.polygonGeojson
		} as SiteValues;
		probe({
			read: () => db.select().from(sites).where(eq(sites.id, s.id)).get()!,
			saveA: (v) => updateSite(db, A, wardId, s.id, { ...values, name: 'Khu đất A' }, v),
			saveB: (v) => updateSite(db, B, wardId, s.id, { ...values, floodRisk: 5 }, v),
			hasA: (x) => x.name === 'Khu đất A',
			hasB: (x) => x.floodRisk === 5
		});
	});

	it('criterion', () => {
		const c = db.select().from(criteria).where(eq(criteria.wardId, wardId)).limit(1).get()!;
		const input = {
			id: c.id,
			labelVi: c.labelVi,
			labelEn: c.labelEn,
			type: c.type,
			unit: c.unit,
			basis: c.basis,
			defaultWeight: c.defaultWeight,
			active: c.active
		};
		probe({
			read: () => db.select().from(criteria).where(eq(criteria.id, c.id)).get()!,
			saveA: (v) => updateCriterion(db, A, wardId, { ...input, labelVi: 'Tiêu chí A' }, v),
			saveB: (v) => updateCriterion(db, B, wardId, { ...input, defaultWeight: 0.37 }, v),
			hasA: (x) => x.labelVi === 'Tiêu chí A',
			hasB: (x) => x.defaultWeight === 0.37
		});
	});
});

describe('plans and proposals', () => {
	it('scenario settings', () => {
		const sc = db.select().from(scenarios).where(eq(scenarios.wardId, wardId)).limit(1).get()!;
		const settings = getScenario(db, wardId, sc.id)!.settings;
		const read = () => db.select().from(scenarios).where(eq(scenarios.id, sc.id)).get()!;
		const stored = () => JSON.parse(read().settingsJson ?? '{}');
		probe({
			read,
			saveA: (v) =>
				updateScenarioSettings(db, A, wardId, sc.id, { ...settings, maxUnitsPerRoom: 3 }, v),
			saveB: (v) =>
				updateScenarioSettings(
					db,
					B,
					wardId,
					sc.id,
					{ ...settings, minAreaPerPersonM2: settings.minAreaPerPersonM2 + 1 },
					v
				),
			hasA: () => stored().maxUnitsPerRoom === 3,
			hasB: () => stored().minAreaPerPersonM2 === settings.minAreaPerPersonM2 + 1
		});
	});

	it('proposal draft', () => {
		// A draft of some ward of the sample (the sample ward's own proposal is with the city).
		let found = db.select().from(proposals).where(eq(proposals.status, 'draft')).get();
		if (!found) {
			const other = db
				.select()
				.from(wards)
				.all()
				.find((w) => !db.select().from(proposals).where(eq(proposals.wardId, w.id)).get())!;
			createProposal(db, A, other.id, 'Đề xuất thử');
			found = db.select().from(proposals).where(eq(proposals.status, 'draft')).get()!;
		}
		const pw = found.wardId;
		const id = found.id;
		const title = found.title;
		const draft = getProposal(db, pw, id)!.state.draft;
		const read = () =>
			db
				.select()
				.from(proposals)
				.where(and(eq(proposals.id, id), eq(proposals.wardId, pw)))
				.get()!;
		probe({
			read,
			saveA: (v) => saveDraft(db, A, pw, id, { title: 'Tiêu đề của A', draft }, v),
			saveB: (v) =>
				saveDraft(
					db,
					B,
					pw,
					id,
					{
						title,
						draft: { ...draft, submission: { ...draft.submission, place: 'Nơi của B' } }
					},
					v
				),
			hasA: (r) => r.title === 'Tiêu đề của A',
			hasB: (r) => JSON.parse(r.draftJson).draft.submission.place === 'Nơi của B'
		});
	});
});
