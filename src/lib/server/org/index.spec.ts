import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, orgUnits, positions, rooms } from '../db/schema';
import type { Db } from '../db';
import {
	OrgError,
	POSITION_COLUMNS,
	createPosition,
	createUnit,
	deletePosition,
	deleteUnit,
	exportPositions,
	importPositionFile,
	listOrganisation,
	readPositionExtras,
	updatePosition,
	updateUnit,
	validatePositionRows
} from './';
import { parseTable } from '../io/table';
import { needsForWard, staffingGapsForWard } from '../needs';
import { positionSchema, unitSchema } from '../../schemas/needs';
import { rowCount, sampleDb } from '../../../../tests/helpers/sample';
import { csv } from '../../../../tests/helpers/io';

const actor = { userId: null, username: 'org-test' };
const HEADER = POSITION_COLUMNS.join(',');
let db: Db;
let bt: number;
let ak: number;

const unitId = (ward: number, code: string) =>
	db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.wardId, ward), eq(orgUnits.code, code)))
		.get()!.id;
const count = (table: typeof positions | typeof orgUnits | typeof auditLog) => rowCount(db, table);
/** Imports CSV rows (after the header) as positions.csv into Bình Trưng. */
const importCsv = (rows: string[]) =>
	importPositionFile(db, actor, bt, csv([HEADER, ...rows]), 'positions.csv');
/** Positions and units of a ward without timestamps, for before/after comparisons. */
const snapshot = (ward: number) =>
	db.$client
		.prepare(
			`select u.id, u.code, u.name, u.kind, u.public_facing, p.id as pid, p.title, p.title_key,
			        p.field, p.approved, p.filled, p.planned_next_year
			 from org_units u left join positions p on p.org_unit_id = u.id
			 where u.ward_id = ? order by u.id, p.id`
		)
		.all(ward);

beforeEach(() => {
	({ db, bt, ak } = sampleDb());
});

describe('units and positions', () => {
	it('creates, edits and deletes a unit and a position, with audit rows', () => {
		const auditBefore = count(auditLog);
		const unit = createUnit(db, actor, bt, {
			code: 'BCH-QS',
			name: 'Ban Chỉ huy Quân sự',
			kind: 'other',
			publicFacing: false
		});
		expect(unit.sortOrder).toBe(10); // after the 10 sample units (0 … 9)
		const pos = createPosition(db, actor, bt, {
			orgUnitId: unit.id,
			title: 'Chỉ huy trưởng',
			titleKey: 'division-head',
			field: null,
			approved: 1,
			filled: 3, // filled may exceed approved
			plannedNextYear: 1
		});
		expect(needsForWard(db, bt).units.find((u) => u.code === 'BCH-QS')).toMatchObject({
			headcount: 1,
			workAreaM2: 18
		});
		updatePosition(db, actor, bt, pos.id, { ...pos, approved: 2 });
		expect(needsForWard(db, bt).result.workAreaM2).toBe(1836 + 2 * 18);
		expect(staffingGapsForWard(db, bt).totals).toMatchObject({
			approved: 112 + 2,
			filled: 85 + 3,
			surplus: 1
		});
		updateUnit(db, actor, bt, unit.id, {
			code: 'BCHQS',
			name: 'Ban CHQS',
			kind: 'other',
			publicFacing: true
		});
		deletePosition(db, actor, bt, pos.id);
		deleteUnit(db, actor, bt, unit.id);
		const trail = db
			.select({ entity: auditLog.entity, action: auditLog.action })
			.from(auditLog)
			.orderBy(auditLog.id)
			.all()
			.slice(auditBefore)
			.map((a) => `${a.entity}:${a.action}`);
		expect(trail).toEqual([
			'org-unit:create',
			'position:create',
			'position:update',
			'org-unit:update',
			'position:delete',
			'org-unit:delete'
		]);
	});

	it('refuses a duplicate unit code and an unknown title key', () => {
		expect(() =>
			createUnit(db, actor, bt, { code: 'MTTQ', name: 'x', kind: 'front', publicFacing: false })
		).toThrow(expect.objectContaining({ code: 'duplicate-code' }));
		expect(() =>
			createPosition(db, actor, bt, {
				orgUnitId: unitId(bt, 'MTTQ'),
				title: 'Sếp',
				titleKey: 'boss',
				field: null,
				approved: 1,
				filled: 0,
				plannedNextYear: 0
			})
		).toThrow(expect.objectContaining({ code: 'unknown-title-key' }));
	});

	it('prices a rank and concurrent titles, and refuses an unknown concurrent title', () => {
		const vhxh = unitId(bt, 'P-VHXH');
		const base = {
			orgUnitId: vhxh,
			title: 'Chuyên viên cao cấp văn hóa',
			titleKey: 'specialist',
			field: 'culture',
			approved: 2,
			filled: 1,
			plannedNextYear: 2
		};
		const pos = createPosition(db, actor, bt, { ...base, rank: 'senior-specialist' });
		expect(pos).toMatchObject({ rank: 'senior-specialist', concurrentTitleKeys: [] });
		// P-VHXH 191 + 2 × 20 (ngạch chuyên viên cao cấp, not 15) = 231.
		expect(needsForWard(db, bt).units.find((u) => u.code === 'P-VHXH')!.workAreaM2).toBe(231);
		// Trưởng phòng kiêm Phó Bí thư: max(18, 20) = 20, counted once: 191 + 2 × 20 = 231 again.
		updatePosition(db, actor, bt, pos.id, {
			...base,
			titleKey: 'division-head',
			rank: null,
			concurrentTitleKeys: ['chair-deputy', 'chair-deputy']
		});
		expect(db.select().from(positions).where(eq(positions.id, pos.id)).get()).toMatchObject({
			rank: null,
			concurrentTitleKeys: ['chair-deputy']
		});
		expect(needsForWard(db, bt).units.find((u) => u.code === 'P-VHXH')!.workAreaM2).toBe(231);
		expect(() =>
			updatePosition(db, actor, bt, pos.id, { ...base, concurrentTitleKeys: ['boss'] })
		).toThrow(expect.objectContaining({ code: 'unknown-title-key', field: 'concurrentTitleKeys' }));
		// A rank item is not a title a position may take.
		expect(() =>
			createPosition(db, actor, bt, { ...base, titleKey: 'rank-principal-specialist' })
		).toThrow(expect.objectContaining({ code: 'unknown-title-key' }));
	});

	it('reads the rank and concurrent titles of the position form', () => {
		const form = new FormData();
		form.set('rank', 'principal-specialist');
		form.append('concurrentTitleKeys', 'chair-deputy, division-head');
		expect(readPositionExtras(form)).toEqual({
			ok: true,
			rank: 'principal-specialist',
			concurrentTitleKeys: ['chair-deputy', 'division-head']
		});
		const blank = new FormData();
		blank.set('rank', '');
		expect(readPositionExtras(blank)).toEqual({ ok: true, rank: null, concurrentTitleKeys: [] });
		const bad = new FormData();
		bad.set('rank', 'boss');
		expect(readPositionExtras(bad)).toEqual({ ok: false, field: 'rank' });
	});

	it('rejects ids of another ward and leaves them unchanged', () => {
		const auditBefore = count(auditLog);
		const akUnit = unitId(ak, 'VP');
		const akPos = db.select().from(positions).where(eq(positions.orgUnitId, akUnit)).get()!;
		const input = {
			orgUnitId: akUnit,
			title: 'x',
			titleKey: 'specialist',
			field: null,
			approved: 1,
			filled: 0,
			plannedNextYear: 0
		};
		expect(() => createPosition(db, actor, bt, input)).toThrow(
			expect.objectContaining({ code: 'invalid-unit' })
		);
		expect(() =>
			updatePosition(db, actor, bt, akPos.id, { ...input, orgUnitId: unitId(bt, 'MTTQ') })
		).toThrow(expect.objectContaining({ code: 'not-found' }));
		expect(() => deletePosition(db, actor, bt, akPos.id)).toThrow(OrgError);
		expect(() =>
			updateUnit(db, actor, bt, akUnit, {
				code: 'VP',
				name: 'x',
				kind: 'other',
				publicFacing: false
			})
		).toThrow(OrgError);
		expect(() => deleteUnit(db, actor, bt, akUnit)).toThrow(OrgError);
		expect(db.select().from(positions).where(eq(positions.id, akPos.id)).get()).toEqual(akPos);
		expect(count(auditLog)).toBe(auditBefore);
	});

	it('deleting a unit removes its positions and frees its rooms', () => {
		const id = unitId(bt, 'MTTQ');
		deleteUnit(db, actor, bt, id);
		expect(db.select().from(positions).where(eq(positions.orgUnitId, id)).all()).toEqual([]);
		expect(db.select().from(rooms).where(eq(rooms.orgUnitId, id)).all()).toEqual([]);
		// MTTQ had 1 × 20 + 6 × 18 + 3 × 15 = 173 m² entitled and offices 24 + 24 + 28 = 76 m².
		const n = needsForWard(db, bt);
		expect(n.result.workAreaM2).toBe(1836 - 173);
		expect(n.result.occupiedWorkAreaM2).toBe(758 - 76);
	});

	it('validates the forms with integers ≥ 0 and the decimal comma', () => {
		const ok = positionSchema.safeParse({
			orgUnitId: '3',
			title: 'Chuyên viên',
			titleKey: 'specialist',
			field: '',
			approved: '2',
			filled: '5',
			plannedNextYear: '0'
		});
		expect(ok.success && ok.data).toMatchObject({ approved: 2, filled: 5, field: null });
		const bad = positionSchema.safeParse({
			orgUnitId: '3',
			title: 'x',
			titleKey: 'specialist',
			approved: '-1',
			filled: '1,5',
			plannedNextYear: ''
		});
		expect(bad.success).toBe(false);
		const fields = bad.error!.issues.map((i) => i.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['approved', 'filled', 'plannedNextYear']));
		expect(unitSchema.safeParse({ code: 'A B', name: 'x', kind: 'party' }).success).toBe(false);
		expect(
			unitSchema.parse({ code: 'AB', name: 'x', kind: 'party', publicFacing: 'on' }).publicFacing
		).toBe(true);
	});
});

describe('positions import and export', () => {
	it('exports the sample positions and imports them back unchanged (identity)', async () => {
		const bytes = await exportPositions(db, bt, 'csv');
		const table = await parseTable(bytes, 'positions.csv');
		expect(table.headers).toEqual([...POSITION_COLUMNS]);
		expect(table.rows).toHaveLength(49);
		expect(table.rows[0]).toMatchObject({
			unit_code: 'TT-LD',
			title: 'Bí thư Đảng ủy kiêm Chủ tịch HĐND',
			title_key: 'party-secretary',
			approved: '1',
			public_facing: '0',
			rank: '',
			concurrent_title_keys: 'chair-deputy'
		});
		expect(table.rows.find((r) => r.title === 'Chuyên viên chính tổng hợp')).toMatchObject({
			rank: 'principal-specialist'
		});
		const before = needsForWard(db, bt).result;
		const outcome = await importPositionFile(db, actor, bt, bytes, 'positions.csv');
		expect(outcome).toEqual({ ok: true, units: 10, unitsCreated: 0, positions: 49, removed: 49 });
		expect(needsForWard(db, bt).result).toEqual(before);
		const xlsx = await exportPositions(db, bt, 'xlsx');
		expect((await parseTable(xlsx, 'p.xlsx')).rows).toEqual(table.rows);
	});

	it('replaces the positions of the units in the file, creates a new unit and audits', async () => {
		const auditBefore = count(auditLog);
		const outcome = await importCsv([
			'MTTQ,,,,Chủ tịch UBMTTQ,chair-deputy,,1,1,1',
			'MTTQ,,,,Chuyên viên,specialist,general,5,2,5',
			'BCH-QS,Ban Chỉ huy Quân sự,other,0,Chỉ huy trưởng,division-head,,1,1,1'
		]);
		expect(outcome).toEqual({ ok: true, units: 2, unitsCreated: 1, positions: 3, removed: 4 });
		const n = needsForWard(db, bt);
		// MTTQ had 4 rows (1 × 20 + 6 × 18 + 3 × 15 = 173), now 1 × 20 + 5 × 15 = 95 (files without
		// the rank columns still import: no rank); BCH-QS: 18. Total 1,836 − 173 + 95 + 18 = 1,776.
		expect(n.units.find((u) => u.code === 'MTTQ')!.workAreaM2).toBe(95);
		expect(n.units.find((u) => u.code === 'BCH-QS')!.workAreaM2).toBe(18);
		expect(n.result.workAreaM2).toBe(1776);
		// Other units are untouched.
		expect(n.units.find((u) => u.code === 'TT-LD')!.workAreaM2).toBe(150);
		// One unit created, two unit-position replacements, one summary.
		expect(count(auditLog) - auditBefore).toBe(4);
	});

	it('writes nothing when any row is wrong, and reports every error by row and column', async () => {
		const before = snapshot(bt);
		const auditBefore = count(auditLog);
		const outcome = await importCsv([
			'MTTQ,,,,Chủ tịch UBMTTQ,chair-deputy,,1,1,1',
			'MTTQ,,,,Sếp,boss,,1,0,0',
			'NEW-UNIT,,,,Chuyên viên,specialist,,1,0,0',
			'P-VHXH,,,,Chuyên viên,specialist,,-1,1.5,x',
			'MTTQ,,,,Chủ tịch UBMTTQ,chair-deputy,,2,1,1',
			'HDND,,council,maybe,=cmd(),specialist,,1,0,0',
			'UBKT,Tên A,,,A,specialist,,1,0,0',
			'UBKT,Tên B,,,B,specialist,,1,0,0',
			'UBKT,,,,C,specialist,,1,0,0,thủ trưởng,boss'
		]);
		expect(outcome.ok).toBe(false);
		const errors = outcome.ok ? [] : outcome.errors.map((e) => [e.row, e.column, e.key]);
		expect(errors).toEqual([
			[3, 'title_key', 'needs.io.unknownTitleKey'],
			[4, 'unit_name', 'needs.io.newUnitName'],
			[4, 'unit_kind', 'needs.io.newUnitKind'],
			[5, 'approved', 'err.min'],
			[5, 'filled', 'err.integerRead'],
			[5, 'planned_next_year', 'err.notANumber'],
			[6, 'title', 'io.duplicateRow'],
			[7, 'public_facing', 'err.choiceOf'],
			[7, 'title', 'io.formula'],
			[9, 'unit_name', 'needs.io.unitConflict'],
			[10, 'rank', 'err.choiceOf'],
			[10, 'concurrent_title_keys', 'needs.io.unknownTitleKey']
		]);
		expect(snapshot(bt)).toEqual(before);
		expect(count(auditLog)).toBe(auditBefore);
	});

	it('reports missing columns and never touches another ward', async () => {
		const res = validatePositionRows(db, bt, [{ unit_code: 'VP', title: 'x' }]);
		expect(res.errors).toEqual([
			{
				row: 1,
				column: 'title_key',
				key: 'io.missingColumns',
				params: { columns: 'Nhóm định mức (title_key), Được giao (approved)' }
			}
		]);
		const akBefore = snapshot(ak);
		// 'VP' exists in An Khánh only: for Bình Trưng it is a new unit and needs a name and kind.
		const outcome = await importPositionFile(
			db,
			actor,
			bt,
			csv([HEADER, 'VP,Văn phòng,committee,0,Chuyên viên,specialist,,2,1,2']),
			'p.csv'
		);
		expect(outcome).toMatchObject({ ok: true, unitsCreated: 1 });
		expect(snapshot(ak)).toEqual(akBefore);
		expect(listOrganisation(db, bt).at(-1)).toMatchObject({ code: 'VP', wardId: bt });
	});
});

describe('migration 0006 (positions after the 2025 reform)', () => {
	it('moves a database of the old shape and notes each change in the audit', () => {
		const c = db.$client;
		// Make the seeded database look like one written before the reform: norm sets without
		// rank items, a non-professional title in 155/2025, a mass-organisation unit with a head
		// and two non-professional staff, holding one office.
		c.exec(`delete from norm_items where title_key like 'rank-%'`);
		const set155 = c
			.prepare(`select id from norm_sets where key = 'nd-155-2025' and is_current = 1`)
			.get() as { id: number };
		c.prepare(
			`insert into norm_items (norm_set_id, title_key, label_vi, label_en, m2_per_person, verify)
			 values (?, 'non-professional', 'Người hoạt động không chuyên trách', 'Non-professional', 15, 1)`
		).run(set155.id);
		const massOrg = c
			.prepare(
				`insert into org_units (ward_id, code, name, kind) values (?, 'DOAN-THE', 'Các tổ chức chính trị - xã hội', 'mass-org') returning id`
			)
			.get(bt) as { id: number };
		c.prepare(
			`insert into positions (org_unit_id, title, title_key, approved, filled)
			 values (?, 'Chủ tịch Hội', 'division-head', 4, 4), (?, 'Cán bộ không chuyên trách', 'non-professional', 2, 2)`
		).run(massOrg.id, massOrg.id);
		const room = db.select().from(rooms).where(eq(rooms.name, 'Phòng 2.03')).get()!;
		c.prepare(`update rooms set org_unit_id = ? where id = ?`).run(massOrg.id, room.id);
		const auditBefore = count(auditLog);

		const sql = readFileSync('drizzle/0006_post_reform_positions_data.sql', 'utf8');
		const run = () => {
			for (const statement of sql.split('--> statement-breakpoint')) c.exec(statement);
		};
		run();

		// A new current version of each built-in set; 155/2025 without non-professional, with ranks.
		const sets = c
			.prepare(`select key, version, is_current as cur from norm_sets order by key, version`)
			.all();
		expect(sets).toEqual([
			{ key: 'nd-152-2017', version: 1, cur: 0 },
			{ key: 'nd-152-2017', version: 2, cur: 1 },
			{ key: 'nd-155-2025', version: 1, cur: 0 },
			{ key: 'nd-155-2025', version: 2, cur: 1 }
		]);
		const items = (key: string) =>
			c
				.prepare(
					`select i.title_key as k, i.m2_per_person as m2 from norm_items i join norm_sets s on s.id = i.norm_set_id
					 where s.key = ? and s.is_current = 1 order by i.id`
				)
				.all(key)
				.map((r) => {
					const { k, m2 } = r as { k: string; m2: number };
					return `${k} ${m2}`;
				});
		expect(items('nd-155-2025')).toEqual([
			'party-secretary 30',
			'chair-deputy 20',
			'division-head 18',
			'specialist 15',
			'rank-principal-specialist 20',
			'rank-senior-specialist 20'
		]);
		expect(items('nd-152-2017')).toContain('non-professional 5');
		expect(items('nd-152-2017')).toContain('rank-principal-specialist 10');
		// The positions and the room are the Fatherland Front's; the unit is gone; the staff are
		// specialists now.
		const mttq = unitId(bt, 'MTTQ');
		const moved = db.select().from(positions).where(eq(positions.orgUnitId, mttq)).all();
		expect(moved.map((p) => [p.title, p.titleKey])).toContainEqual([
			'Cán bộ không chuyên trách',
			'specialist'
		]);
		expect(moved.map((p) => p.title)).toContain('Chủ tịch Hội');
		expect(db.select().from(orgUnits).where(eq(orgUnits.id, massOrg.id)).get()).toBeUndefined();
		expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()!.orgUnitId).toBe(mttq);
		// Audit: 2 norm-set versions, 1 re-titled position, 2 moved positions, 1 deleted unit.
		const notes = db
			.select()
			.from(auditLog)
			.orderBy(auditLog.id)
			.all()
			.slice(auditBefore)
			.map((a) => `${a.entity}:${a.action}:${a.username}`);
		expect(notes).toEqual([
			'norm-set:create:migration 0006',
			'norm-set:create:migration 0006',
			'position:update:migration 0006',
			'position:update:migration 0006',
			'position:update:migration 0006',
			'org-unit:delete:migration 0006'
		]);
		// The needs follow: MTTQ 173 + 4 × 18 + 2 × 15 = 275.
		expect(needsForWard(db, bt).units.find((u) => u.code === 'MTTQ')!.workAreaM2).toBe(275);
		// Running it again changes nothing.
		const after = count(auditLog);
		run();
		expect(count(auditLog)).toBe(after);
		expect(c.prepare(`select count(*) as n from norm_sets`).get()).toEqual({ n: 4 });
	});
});
