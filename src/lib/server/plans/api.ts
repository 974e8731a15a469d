/**
 * The JSON API's view of scenarios (database ids, ISO timestamps).
 */
import type { Locale } from '../../i18n';
import type { DbLike } from '../db';
import { dbId } from './instance';
import { getScenario, listScenarios, type ScenarioListRow } from './scenarios';
import type { ScenarioSettings } from './settings';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function apiSettings(s: ScenarioSettings) {
	return {
		minAreaPerPersonM2: s.minAreaPerPersonM2,
		minAreaSource: s.minAreaSource || null,
		minAreaIsAssumption: s.minAreaSource === '',
		maxUnitsPerRoom: s.maxUnitsPerRoom,
		priorities: Object.entries(s.priorities).map(([unitId, priority]) => ({
			unitId: Number(unitId),
			priority
		})),
		groundFloorUnitIds: s.groundFloorUnitIds,
		lockedRooms: s.lockedRooms,
		weights: s.weights
	};
}

function apiSummary(s: ScenarioListRow) {
	const { units: _units, ...metrics } = s.metrics;
	void _units;
	return {
		id: s.id,
		name: s.name,
		status: s.status,
		stale: s.stale,
		canApply: s.status !== 'draft' && !s.stale,
		objective: s.objective,
		optimum: s.optimum,
		optimal: s.optimal,
		weights: s.weights,
		settings: apiSettings(s.settings),
		createdAt: iso(s.createdAt),
		solvedAt: iso(s.solvedAt),
		appliedAt: iso(s.appliedAt),
		manualRows: s.manualRows,
		metrics
	};
}

/** The ward's scenarios for `GET /api/v1/wards/{code}/plans`. */
export function scenariosForApi(db: DbLike, wardId: number) {
	return listScenarios(db, wardId).map(apiSummary);
}

/** One scenario for `GET /api/v1/wards/{code}/plans/{id}`; null when not of this ward. */
export function scenarioForApi(db: DbLike, wardId: number, id: number, locale: Locale = 'vi') {
	const d = getScenario(db, wardId, id, locale);
	if (!d) return null;
	return {
		...apiSummary(d),
		feasible: d.check.feasible,
		violations: d.violations,
		normSet: d.built.normSetName,
		units: d.metrics.units.map((u) => ({
			id: u.id,
			code: u.code,
			name: u.name,
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			headcount: u.headcount,
			seated: u.seated,
			unseated: u.unseated,
			moved: u.moved,
			buildings: u.buildings,
			areaGivenM2: u.areaGivenM2,
			normM2PerPerson: u.normM2PerPerson,
			normAreaM2: u.normAreaM2,
			shortfallM2: u.shortfallM2,
			shortfallShare: u.shortfallShare,
			furthestBelow: u.furthestBelow,
			areaPerPersonM2: u.areaPerPersonM2
		})),
		rooms: d.built.rooms.map((r) => ({
			id: r.id,
			buildingId: dbId(r.buildingKey),
			code: r.code,
			name: r.name,
			level: r.level,
			type: r.type,
			areaM2: r.areaM2,
			usable: r.usable,
			unusableReason: r.reason,
			lockedUnitId: r.lockedUnitKey ? dbId(r.lockedUnitKey) : null
		})),
		assignments: d.plan.map((a) => ({
			unitId: dbId(a.unitId),
			roomId: dbId(a.roomId),
			persons: a.persons,
			areaM2: a.areaM2,
			manual: a.manual
		})),
		moves: d.moves.map((m) => ({
			unitId: dbId(m.unitId),
			persons: m.persons,
			fromRoomId: m.fromRoomId ? dbId(m.fromRoomId) : null,
			fromRoomIds: m.fromRoomIds.map(dbId),
			toRoomId: dbId(m.toRoomId)
		}))
	};
}
