import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillAreas } from '../../allocation/areas';
import type { Db } from '../db';
import {
	dbId,
	exportMovesPdf,
	exportMovesXlsx,
	getScenario,
	listScenarios,
	moveRows,
	planMetrics,
	scenarioForApi,
	stackPlan,
	type BuiltInstance
} from './';
import { roomNamed, unitCoded, sampleWard, savePlan } from '../../../../tests/helpers/plans';

describe('stack plan, move list and exports', () => {
	let db: Db;
	let bt: number;
	let built: BuiltInstance;
	beforeEach(() => {
		({ db, bt, built } = sampleWard());
	});

	it('a shared room is drawn split by the area each unit is given', () => {
		// Two units in the 40 m² small meeting room: 3 of P-KTHTDT and 2 of P-VHXH.
		const meeting = roomNamed(built, 'TS-01', 'A', 'Phòng họp nhỏ');
		const a = unitCoded(built, 'P-KTHTDT');
		const b = unitCoded(built, 'P-VHXH');
		const plan = fillAreas(built.instance, [
			{ unitId: a.key, roomId: meeting.key, persons: 3 },
			{ unitId: b.key, roomId: meeting.key, persons: 2 }
		]);
		const total = plan.reduce((s, x) => s + x.areaM2, 0);
		expect(total).toBeCloseTo(40, 6);
		const stack = stackPlan(built, plan);
		const block = stack
			.flatMap((s) => s.levels.flatMap((l) => l.rooms))
			.find((r) => r.key === meeting.key)!;
		expect(block.segments.length).toBe(2);
		expect(block.segments.reduce((s, x) => s + x.sharePct, 0)).toBeCloseTo(100, 0);
		for (const seg of block.segments) {
			expect(seg.sharePct).toBeCloseTo((seg.areaM2 / 40) * 100, 0);
			expect(seg.areaM2).toBeGreaterThanOrEqual(6 * seg.persons - 1e-6);
		}
		expect(planMetrics(built, plan).sharedRooms).toBe(1);
	});

	it('one row per move with unit, persons, from and to; XLSX and PDF', async () => {
		const p = unitCoded(built, 'P-VHXH');
		const target = roomNamed(built, 'CS-AP-UB', 'A', 'Phòng 3.01');
		const id = savePlan(db, bt, built, 'Di chuyển', [
			{ unitId: p.key, roomId: target.key, persons: 3 }
		]);
		const d = getScenario(db, bt, id)!;
		// The movers leave the unit's current rooms in instance order, emptying each room of
		// the people sitting there today: one row per (from, to).
		const [first, second] = p.currentRoomKeys.map((k) => built.rooms.find((r) => r.key === k)!);
		const fromFirst = Math.min(3, first.occupants);
		expect(d.moves.map((m) => [m.unitId, m.persons, m.fromRoomId, m.toRoomId])).toEqual(
			[
				[p.key, fromFirst, first.key, target.key],
				[p.key, 3 - fromFirst, second.key, target.key]
			].filter((r) => (r[1] as number) > 0)
		);
		const { head, rows } = moveRows(d, 'vi');
		expect(head).toEqual(['Đơn vị', 'Số người', 'Từ phòng', 'Đến phòng']);
		expect(rows.length).toBe(d.moves.length);
		expect(rows[0][0]).toBe(p.name);
		expect(rows[0][3]).toBe(`CS-AP-UB/A ${target.code} — Phòng 3.01`);
		const xlsx = await exportMovesXlsx(
			d,
			'Phường Bình Trưng',
			'vi',
			new Date(Date.UTC(2026, 9, 5))
		);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(xlsx.buffer as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
			'Đơn vị',
			'Số người',
			'Từ phòng',
			'Đến phòng'
		]);
		expect(ws.getRow(5).getCell(2).value).toBe(rows[0][1]);
		expect(ws.getRow(5 + rows.length).getCell(2).value).toBe(3);
		const pdf = await exportMovesPdf(d, 'Phường Bình Trưng', 'vi');
		expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
	});

	it('the API gives the settings, the assumption flag and database ids', () => {
		const id = listScenarios(db, bt)[0].id;
		const api = scenarioForApi(db, bt, id)!;
		expect(api).toMatchObject({
			status: 'draft',
			stale: false,
			canApply: false,
			settings: { minAreaPerPersonM2: 6, minAreaIsAssumption: true, maxUnitsPerRoom: 2 }
		});
		expect(api.rooms.filter((r) => r.lockedUnitId !== null).length).toBe(5);
		expect(api.units.every((u) => Number.isInteger(u.id))).toBe(true);
		expect(dbId(`u${api.units[0].id}`)).toBe(api.units[0].id);
	});
});
