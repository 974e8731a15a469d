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
import { eq, sql } from 'drizzle-orm';
import { ROOM_TYPES, type RoomType } from '../../constants';
import { code, integer, number, optionalText, text } from '../../schemas/fields';
import { z } from 'zod';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db/connection';
import { buildings, facilities, orgUnits, rooms } from '../db/schema';
import { roomPlausibilityIssue, type BuildingFigures } from '../inventory/facilities';
import {
	AUDIT_INSERT_SQL,
	readCell,
	resolveTable,
	writeCsv,
	writeXlsx,
	type ColumnSpec,
	type ExportCell,
	type FileImportOutcome,
	type ImportIssue,
	type ImportResult,
	type IoMessageKey,
	type RowsInput
} from './common';
import { parseTable } from './table';

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
interface RoomRecord {
	id: number;
	buildingId: number;
	code: string;
	name: string;
	level: number;
	type: RoomType;
	areaM2: number;
	orgUnitId: number | null;
	occupants: number;
	notes: string | null;
	createdAt: number;
	updatedAt: number;
}

const key = (...parts: (string | number)[]) => parts.join('\u0000');

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
		buildingIds.set(key(b.facilityId, b.code), b.id);
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
		const record = table.rows[i];
		const rowNo = table.rowNumbers[i];
		const errorCount = errors.length;
		const bad = new Set<RoomColumn>();
		for (const c of ROOM_COLUMNS) {
			const h = table.header[c];
			const res = readCell(ROOM_SPECS[c], h === undefined ? undefined : (record[h] ?? ''));
			if (res.ok) values[c] = res.value;
			else {
				bad.add(c);
				values[c] = undefined;
				errors.push({
					row: rowNo,
					column: c,
					key: res.key,
					...(res.params && { params: res.params })
				});
			}
		}
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
				buildingId = buildingIds.get(key(facilityId, buildingCode));
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
			const k = key(facilityCode, buildingCode, roomCode);
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

/**
 * Writes validated rows in ONE transaction: upsert by (building, room code), an audit row per
 * created or updated room and one summary audit row. Anything thrown rolls everything back.
 * Rows must come from validateRoomRows for the same ward; a building or unit of another ward
 * aborts the import.
 */
export function importRooms(
	db: Db,
	actor: Actor,
	wardId: number,
	rows: ValidRoomRow[]
): ImportResult {
	const sqlite = db.$client;
	return db.transaction((tx) => {
		const wardBuildings = new Set(
			(
				sqlite
					.prepare(
						'select b.id from buildings b join facilities f on f.id = b.facility_id where f.ward_id = ?'
					)
					.all(wardId) as { id: number }[]
			).map((b) => b.id)
		);
		const wardUnits = new Set(
			(
				sqlite.prepare('select id from org_units where ward_id = ?').all(wardId) as { id: number }[]
			).map((u) => u.id)
		);
		const existing = new Map<string, RoomRecord>();
		const stored = sqlite
			.prepare(
				`select r.id, r.building_id as buildingId, r.code, r.name, r.level, r.type,
				        r.area_m2 as areaM2, r.org_unit_id as orgUnitId, r.occupants, r.notes,
				        r.created_at as createdAt, r.updated_at as updatedAt
				 from rooms r join buildings b on b.id = r.building_id
				 join facilities f on f.id = b.facility_id where f.ward_id = ?`
			)
			.all(wardId) as RoomRecord[];
		for (const r of stored) existing.set(key(r.buildingId, r.code), r);

		const insert = sqlite.prepare(
			`insert into rooms (building_id, code, name, level, type, area_m2, org_unit_id, occupants, notes,
			                    created_at, updated_at)
			 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const update = sqlite.prepare(
			`update rooms set name = ?, level = ?, type = ?, area_m2 = ?, org_unit_id = ?, occupants = ?,
			        notes = ?, updated_at = ? where id = ?`
		);
		const audit = sqlite.prepare(AUDIT_INSERT_SQL);
		const now = Date.now();
		let created = 0;
		let updated = 0;

		for (const r of rows) {
			if (!wardBuildings.has(r.buildingId)) {
				throw new Error(`Row ${r.row}: building ${r.buildingId} is not in ward ${wardId}`);
			}
			if (typeof r.orgUnitId === 'number' && !wardUnits.has(r.orgUnitId)) {
				throw new Error(`Row ${r.row}: unit ${r.orgUnitId} is not in ward ${wardId}`);
			}
			const k = key(r.buildingId, r.code);
			const before = existing.get(k);
			if (before) {
				const after: RoomRecord = {
					...before,
					name: r.name,
					level: r.level,
					type: r.type,
					areaM2: r.areaM2,
					orgUnitId: r.orgUnitId === undefined ? before.orgUnitId : r.orgUnitId,
					occupants: r.occupants === undefined ? before.occupants : r.occupants,
					notes: r.notes === undefined ? before.notes : r.notes,
					updatedAt: now
				};
				update.run(
					after.name,
					after.level,
					after.type,
					after.areaM2,
					after.orgUnitId,
					after.occupants,
					after.notes,
					now,
					before.id
				);
				audit.run(
					now,
					actor.userId,
					actor.username,
					wardId,
					'room',
					String(before.id),
					'update',
					JSON.stringify(before),
					JSON.stringify(after)
				);
				existing.set(k, after);
				updated++;
			} else {
				const after: RoomRecord = {
					id: 0,
					buildingId: r.buildingId,
					code: r.code,
					name: r.name,
					level: r.level,
					type: r.type,
					areaM2: r.areaM2,
					orgUnitId: r.orgUnitId ?? null,
					occupants: r.occupants ?? 0,
					notes: r.notes ?? null,
					createdAt: now,
					updatedAt: now
				};
				after.id = Number(
					insert.run(
						after.buildingId,
						after.code,
						after.name,
						after.level,
						after.type,
						after.areaM2,
						after.orgUnitId,
						after.occupants,
						after.notes,
						now,
						now
					).lastInsertRowid
				);
				audit.run(
					now,
					actor.userId,
					actor.username,
					wardId,
					'room',
					String(after.id),
					'create',
					null,
					JSON.stringify(after)
				);
				existing.set(k, after);
				created++;
			}
		}
		writeAudit(tx, {
			actor,
			wardId,
			entity: 'import',
			entityId: null,
			action: 'import',
			after: { table: 'rooms', rows: rows.length, created, updated },
			at: now
		});
		return { created, updated };
	});
}

/** The ward's rooms in the import format, ordered by facility, building, level, room code. */
export function roomExportRows(db: DbLike, wardId: number): ExportCell[][] {
	const rows = db.all<{
		facilityCode: string;
		buildingCode: string;
		code: string;
		name: string;
		level: number;
		type: string;
		areaM2: number;
		unitCode: string | null;
		occupants: number;
		notes: string | null;
	}>(sql`select f.code as facilityCode, b.code as buildingCode, r.code as code, r.name as name,
	              r.level as level, r.type as type, r.area_m2 as areaM2, u.code as unitCode,
	              r.occupants as occupants, r.notes as notes
	       from rooms r
	       join buildings b on b.id = r.building_id
	       join facilities f on f.id = b.facility_id
	       left join org_units u on u.id = r.org_unit_id
	       where f.ward_id = ${wardId}
	       order by f.code, b.code, r.level, r.code`);
	return rows.map((r) => [
		r.facilityCode,
		r.buildingCode,
		r.code,
		r.name,
		r.level,
		r.type,
		r.areaM2,
		r.unitCode,
		r.occupants,
		r.notes
	]);
}

/**
 * Exports the ward's rooms. CSV: UTF-8 with BOM, comma-separated, '.' decimal point; XLSX: one
 * sheet 'rooms' with a bold header row and numeric cells. Text cells that a spreadsheet could
 * evaluate get one leading apostrophe (stripped again by the importer).
 */
export async function exportRooms(
	db: DbLike,
	wardId: number,
	format: 'csv' | 'xlsx'
): Promise<Uint8Array> {
	const rows = roomExportRows(db, wardId);
	return format === 'csv' ? writeCsv(ROOM_COLUMNS, rows) : writeXlsx('rooms', ROOM_COLUMNS, rows);
}

/**
 * Parses, validates and (only when every row is valid) imports an uploaded rooms file.
 * File-level problems (encoding, empty, corrupt, missing columns …) throw IoError or come
 * back as errors; nothing is written unless the whole file is valid.
 */
export async function importRoomFile(
	db: Db,
	actor: Actor,
	wardId: number,
	data: Uint8Array,
	filename: string
): Promise<FileImportOutcome> {
	const table = await parseTable(data, filename);
	const checked = validateRoomRows(db, wardId, table);
	if (checked.errors.length) return { ok: false, errors: checked.errors };
	return { ok: true, ...importRooms(db, actor, wardId, checked.rows) };
}
