/**
 * Space needs of a ward against a norm set (Decree 155/2025/NĐ-CP by default, 152/2017 or any
 * older version for comparison), the gap per unit, the justification for a new headquarters,
 * staffing gaps by field, and the ward's specialised rooms. Every function takes `db` and the
 * ward's id; writes run in one transaction with their audit row.
 *
 * - space-needs.ts: the needs against a norm set and the justification test;
 * - areas.ts: rooms in use by needs class, building danger levels, area per building;
 * - specialised-rooms.ts: the ward's specialised programme (CRUD);
 * - staffing-gaps.ts: vacancies by position, gaps by field, their export;
 * - norm-sets.ts, staffing-support.ts: the norm set catalogue and staffing support requests.
 */
export { NeedsError } from './errors';
export {
	OCCUPIED_ROOM_TYPES,
	buildingDangerLevels,
	worstDangerLevelOfWard,
	workAreaByBuilding,
	type BuildingAreaRow
} from './areas';
export {
	needsForWard,
	justificationForWard,
	type NeedsNormSet,
	type NeedsUnitRow,
	type WardNeeds
} from './space-needs';
export {
	listSpecialisedRooms,
	createSpecialisedRoom,
	updateSpecialisedRoom,
	deleteSpecialisedRoom,
	type WardSpecialisedRoom
} from './specialised-rooms';
export {
	STAFFING_GAP_COLUMNS,
	exportStaffingGaps,
	rankLabel,
	staffingFieldLabel,
	staffingGapRows,
	staffingGapsForWard,
	vacanciesByPosition,
	vacancyGroupLabel,
	type WardVacancies
} from './staffing-gaps';
