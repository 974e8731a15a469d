/**
 * The room table format (import and export), one row per room:
 *
 *   facility_code, building_code, room_code, room_name, level, room_type, area_m2, unit_code,
 *   occupants, notes
 *
 * A room is identified by (facility_code, building_code, room_code) within the ward: an existing
 * room is updated, a new one created. unit_code, occupants and notes may be left out of the file:
 * an absent column keeps the stored value (a new room gets no unit, 0 occupants, no notes); a
 * blank cell clears it (occupants: blank = 0). See common.ts for the formula/apostrophe rule.
 */
import { eq } from 'drizzle-orm';
import { ROOM_TYPES, type RoomType } from '../../constants';
import { code, integer, number, optionalText, text } from '../../schemas/fields';
import { z } from 'zod';
import type { DbLike } from '../db/connection';
import { buildings, facilities, orgUnits, rooms } from '../db/schema';
import { roomPlausibilityIssue, type BuildingFigures } from '../inventory/plausibility';
import {
	readRow,
	resolveTable,
	type ColumnSpec,
	type ImportIssue,
	type IoMessageKey,
	type RowsInput
} from './common';

export const ROOM_COLUMNS = [
	'facility_code',
	'building_code',
	'room_code',
	'room_name',
	'level',
	'room_type',
	'area_m2',
	'unit_code',
	'occupants',
	'notes'
] as const;
export type RoomColumn = (typeof ROOM_COLUMNS)[number];

export const ROOM_SPECS: Record<RoomColumn, ColumnSpec> = {
	facility_code: { kind: 'text', required: true, labelVi: 'Mã cơ sở', schema: code() },
	building_code: { kind: 'text', required: true, labelVi: 'Mã nhà', schema: code() },
	room_code: { kind: 'text', required: true, labelVi: 'Mã phòng', schema: code() },
	room_name: { kind: 'text', required: true, labelVi: 'Tên phòng', schema: text(200) },
	level: { kind: 'number', required: true, labelVi: 'Tầng', schema: integer(-5, 60) },
	room_type: { kind: 'text', required: true, labelVi: 'Loại phòng', schema: z.enum(ROOM_TYPES) },
	area_m2: {
		kind: 'number',
		required: true,
		labelVi: 'Diện tích (m²)',
		schema: number(0.5, 100_000)
	},
	unit_code: { kind: 'text', required: false, labelVi: 'Mã đơn vị', schema: code() },
	occupants: {
		kind: 'number',
		required: false,
		labelVi: 'Số người',
		blank: 0,
		schema: integer(0, 10_000)
	},
	notes: { kind: 'text', required: false, labelVi: 'Ghi chú', schema: optionalText(2000) }
};

/** A validated room row, ready for importRooms. */
export interface ValidRoomRow {
	/** The file row it came from (header = 1). */
	row: number;
	facilityCode: string;
	buildingCode: string;
	buildingId: number;
	code: string;
	name: string;
	level: number;
	type: RoomType;
	areaM2: number;
	/** undefined: the column is absent from the file, keep the stored value. */
	orgUnitId: number | null | undefined;
	occupants: number | undefined;
	notes: string | null | undefined;
}

export interface RoomValidation {
	rows: ValidRoomRow[];
	errors: ImportIssue[];
}

/** A room as stored (the same shape as the drizzle row, used for the audit trail). */

export const roomKey = (...parts: (string | number)[]) => parts.join('\u0000');

/**
 * Validates parsed rows against the format and the ward's facilities, buildings and units.
 * Accepts parseTable's result (for exact row numbers) or plain records (row = index + 2).
 */
export function validateRoomRows(db: DbLike, wardId: number, input: RowsInput): RoomValidation {
	const table = resolveTable(input, ROOM_COLUMNS, ROOM_SPECS);
	if (table.error) return { rows: [], errors: [table.error] };

	const facilityIds = new Map<string, number>();
	for (const f of db
		.select({ id: facilities.id, code: facilities.code })
		.from(facilities)
		.where(eq(facilities.wardId, wardId))
		.all()) {
		facilityIds.set(f.code, f.id);
	}
	const buildingIds = new Map<string, number>();
	const figures = new Map<number, BuildingFigures>();
	for (const b of db
		.select({
			id: buildings.id,
			code: buildings.code,
			facilityId: buildings.facilityId,
			levelsAboveGround: buildings.levelsAboveGround,
			grossFloorAreaM2: buildings.grossFloorAreaM2
		})
		.from(buildings)
		.innerJoin(facilities, eq(facilities.id, buildings.facilityId))
		.where(eq(facilities.wardId, wardId))
		.all()) {
		buildingIds.set(roomKey(b.facilityId, b.code), b.id);
		figures.set(b.id, b);
	}
	const unitIds = new Map<string, number>();
	for (const u of db
		.select({ id: orgUnits.id, code: orgUnits.code })
		.from(orgUnits)
		.where(eq(orgUnits.wardId, wardId))
		.all()) {
		unitIds.set(u.code, u.id);
	}

	const valid: ValidRoomRow[] = [];
	const errors: ImportIssue[] = [];
	const firstRowOf = new Map<string, number>();
	const values = {} as Record<RoomColumn, unknown>;

	for (let i = 0; i < table.rows.length; i++) {
		const errorCount = errors.length;
		const { rowNo, bad } = readRow(table, i, ROOM_COLUMNS, ROOM_SPECS, values, errors);
		const facilityCode = values.facility_code as string;
		const buildingCode = values.building_code as string;
		const roomCode = values.room_code as string;

		let buildingId: number | undefined;
		if (!bad.has('facility_code')) {
			const facilityId = facilityIds.get(facilityCode);
			if (facilityId === undefined) {
				errors.push({
					row: rowNo,
					column: 'facility_code',
					key: 'io.unknownFacility',
					params: { value: facilityCode }
				});
			} else if (!bad.has('building_code')) {
				buildingId = buildingIds.get(roomKey(facilityId, buildingCode));
				if (buildingId === undefined) {
					errors.push({
						row: rowNo,
						column: 'building_code',
						key: 'io.unknownBuilding',
						params: { value: buildingCode }
					});
				}
			}
		}
		// null: blank cell (no unit); undefined: column absent (keep) or an error below.
		let orgUnitId: number | null | undefined = values.unit_code === null ? null : undefined;
		if (typeof values.unit_code === 'string') {
			orgUnitId = unitIds.get(values.unit_code);
			if (orgUnitId === undefined) {
				errors.push({
					row: rowNo,
					column: 'unit_code',
					key: 'io.unknownUnit',
					params: { value: values.unit_code }
				});
			}
		}
		if (!bad.has('facility_code') && !bad.has('building_code') && !bad.has('room_code')) {
			const k = roomKey(facilityCode, buildingCode, roomCode);
			const other = firstRowOf.get(k);
			if (other === undefined) firstRowOf.set(k, rowNo);
			else {
				errors.push({ row: rowNo, column: 'room_code', key: 'io.duplicateRow', params: { other } });
			}
		}
		if (errors.length > errorCount || buildingId === undefined) continue;
		// The room against its building alone (level, area); the sum is checked below.
		const alone = roomPlausibilityIssue(
			figures.get(buildingId)!,
			{ level: values.level as number, areaM2: values.area_m2 as number },
			0
		);
		if (alone) {
			errors.push({
				row: rowNo,
				column: alone.field === 'level' ? 'level' : 'area_m2',
				key: alone.key as IoMessageKey,
				params: alone.params
			});
			continue;
		}
		valid.push({
			row: rowNo,
			facilityCode,
			buildingCode,
			buildingId,
			code: roomCode,
			name: values.room_name as string,
			level: values.level as number,
			type: values.room_type as RoomType,
			areaM2: values.area_m2 as number,
			orgUnitId,
			occupants: values.occupants as number | undefined,
			notes: values.notes as string | null | undefined
		});
	}
	errors.push(...roomSumIssues(db, figures, valid));
	return { rows: valid, errors };
}

/**
 * The sum of room areas per building after the import (the stored rooms the file does not
 * replace, plus the file's rows) against the building's gross floor area: one error on the
 * building's last row of the file, naming the numbers.
 */
function roomSumIssues(
	db: DbLike,
	figures: Map<number, BuildingFigures>,
	rows: ValidRoomRow[]
): ImportIssue[] {
	const byBuilding = new Map<number, ValidRoomRow[]>();
	for (const r of rows) byBuilding.set(r.buildingId, [...(byBuilding.get(r.buildingId) ?? []), r]);
	const issues: ImportIssue[] = [];
	for (const [buildingId, fileRows] of byBuilding) {
		const building = figures.get(buildingId)!;
		if (building.grossFloorAreaM2 === null || building.grossFloorAreaM2 <= 0) continue;
		const inFile = new Set(fileRows.map((r) => r.code));
		let stored = 0;
		for (const r of db
			.select({ code: rooms.code, areaM2: rooms.areaM2 })
			.from(rooms)
			.where(eq(rooms.buildingId, buildingId))
			.all()) {
			if (!inFile.has(r.code)) stored += r.areaM2;
		}
		const last = fileRows[fileRows.length - 1];
		const others = stored + fileRows.slice(0, -1).reduce((sum, r) => sum + r.areaM2, 0);
		const issue = roomPlausibilityIssue(
			building,
			{ level: last.level, areaM2: last.areaM2 },
			others
		);
		if (issue) {
			issues.push({
				row: last.row,
				column: 'area_m2',
				key: issue.key as IoMessageKey,
				params: issue.params
			});
		}
	}
	return issues;
}
