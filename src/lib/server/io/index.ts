/**
 * Import and export of the inventory tables (rooms, facilities) as CSV or XLSX.
 *
 * Flow: parseTable(bytes, filename) → validate…Rows(db, wardId, table) → show the errors, or
 * import…(db, actor, wardId, rows) in one transaction. Exports use the same columns, so an
 * exported file imports back unchanged (see common.ts for the formula/apostrophe rule).
 */
export {
	IoError,
	type FileImportOutcome,
	type ImportIssue,
	type ImportResult,
	type IoMessageKey,
	type IoParams,
	type RowsInput,
	type TableInput
} from './common';
export { parseTable, MAX_FILE_MB, type ParsedTable } from './table';
export {
	ROOM_COLUMNS,
	exportRooms,
	importRoomFile,
	importRooms,
	validateRoomRows,
	type RoomColumn,
	type RoomValidation,
	type ValidRoomRow
} from './rooms';
export {
	FACILITY_COLUMNS,
	exportFacilities,
	importFacilities,
	importFacilityFile,
	validateFacilityRows,
	type FacilityColumn,
	type FacilityValidation,
	type ValidFacilityRow
} from './facilities';
