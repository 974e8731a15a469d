/**
 * Importing and exporting the ward's rooms (the format and its validation: rooms-format.ts).
 */
import { sql } from 'drizzle-orm';
import type { rooms } from '../db/schema';
import type { Actor } from '../audit';
import type { Db, DbLike } from '../db/connection';
import type { ExportCell, ImportResult } from './common';
import { auditImport, importAudit, tableFormat } from './import-kit';
import { ROOM_COLUMNS, roomKey as key, validateRoomRows, type ValidRoomRow } from './rooms-format';

export * from './rooms-format';

/** A room as the import reads and audits it: the stored row without its version. */
type RoomRecord = Omit<typeof rooms.$inferSelect, 'version'>;

/** The columns after building and code, in the order of the import's insert and update. */
const written = (r: RoomRecord) =>
	[r.name, r.level, r.type, r.areaM2, r.orgUnitId, r.occupants, r.notes] as const;

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
		const now = Date.now();
		const audit = importAudit(db, actor, wardId, 'room', now);
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
				update.run(...written(after), now, before.id);
				audit(before.id, 'update', before, after);
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
					insert.run(after.buildingId, after.code, ...written(after), now, now).lastInsertRowid
				);
				audit(after.id, 'create', null, after);
				existing.set(k, after);
				created++;
			}
		}
		auditImport(tx, actor, wardId, 'rooms', rows.length, { created, updated }, now);
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

const roomFile = tableFormat({
	sheet: 'rooms',
	columns: ROOM_COLUMNS,
	validate: validateRoomRows,
	write: importRooms,
	exportRows: roomExportRows
});

/**
 * Exports the ward's rooms. CSV: UTF-8 with BOM, comma-separated, '.' decimal point; XLSX: one
 * sheet 'rooms' with a bold header row and numeric cells. Text cells that a spreadsheet could
 * evaluate get one leading apostrophe (stripped again by the importer).
 */
export const exportRooms = roomFile.exportFile;

/**
 * Parses, validates and (only when every row is valid) imports an uploaded rooms file.
 * File-level problems (encoding, empty, corrupt, missing columns …) throw IoError or come
 * back as errors; nothing is written unless the whole file is valid.
 */
export const importRoomFile = roomFile.importFile;
