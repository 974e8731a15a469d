/**
 * Figures of a plan (per unit and in total) and its broken rules in the user's language.
 */
import {
	DEFAULT_SETTINGS,
	type Assignment,
	type PersonsEntry,
	type Violation
} from '../../allocation/types';
import { formatNumber, translate, type Locale } from '../../i18n';
import { normalisePlan } from '../../plans/edit-check';
import { violationMessage } from '../../plans/violation-text';

export { normalisePlan };
import type { BuiltInstance } from './instance';
export interface UnitOutcome {
	key: string;
	id: number;
	code: string;
	name: string;
	priority: number;
	groundFloorOnly: boolean;
	headcount: number;
	seated: number;
	unseated: number;
	moved: number;
	buildings: number;
	/** Σ area given to the unit, m². */
	areaGivenM2: number;
	/** Entitled working area (normM2 × headcount), m². */
	normAreaM2: number;
	/** Entitled m² per person. */
	normM2PerPerson: number;
	/** max(0, normAreaM2 − areaGivenM2), m². */
	shortfallM2: number;
	/** shortfallM2 ÷ normAreaM2 (0 when the norm is 0). */
	shortfallShare: number;
	/** areaGivenM2 ÷ seated; null when nobody is seated. */
	areaPerPersonM2: number | null;
	/** Among the units furthest below the norm (see {@link planMetrics}). */
	furthestBelow: boolean;
	/** Kept for older readers: seated / unseated. */
	placed: number;
	unplaced: number;
}

export interface PlanMetrics {
	headcount: number;
	seated: number;
	unseated: number;
	moved: number;
	/** Mean number of buildings a unit with people seated is spread over. */
	buildingsPerUnit: number;
	areaGivenM2: number;
	normAreaM2: number;
	shortfallM2: number;
	/** Largest shortfall share of a unit. */
	worstShortfallShare: number;
	/** Rooms holding more than one unit. */
	sharedRooms: number;
	/** Σ area given ÷ Σ seated; null when nobody is seated. */
	areaPerPersonM2: number | null;
	/** Σ entitled area ÷ Σ headcount. */
	normM2PerPerson: number;
	units: UnitOutcome[];
	/** Kept for older readers: seated / unseated. */
	placed: number;
	unplaced: number;
}

/** Plan rows as stored: persons and area per (unit, room). */
export type PlanRow = Assignment & { manual?: boolean };

/** How many units are marked "furthest below the norm": the worst three shares (ties kept). */
export const FURTHEST_BELOW_COUNT = 3;

/**
 * Figures of a plan per unit and in total: persons seated, area given against the entitled
 * area, the shortfall in m² and as a share of the norm, persons moved, buildings used.
 * The units furthest below the norm are the {@link FURTHEST_BELOW_COUNT} largest shortfall
 * shares above 0 (a unit tied with the third is marked too).
 *
 * Example: one unit of 3 people entitled to 10 m² each (30 m²), seated 2 in R20 with 16 m² and
 * 1 in R15 with 8 m²: seated 3, area 24 m², shortfall 6 m² = 20 % of the norm.
 */
export function planMetrics(built: BuiltInstance, plan: readonly PersonsEntry[]): PlanMetrics {
	const rows = normalisePlan(plan);
	const roomByKey = new Map(built.rooms.map((r) => [r.key, r]));
	const unitsInRoom = new Map<string, Set<string>>();
	for (const a of rows) {
		if (!roomByKey.has(a.roomId)) continue;
		const s = unitsInRoom.get(a.roomId) ?? new Set<string>();
		s.add(a.unitId);
		unitsInRoom.set(a.roomId, s);
	}
	const units: UnitOutcome[] = built.units.map((u) => {
		const mine = rows.filter((a) => a.unitId === u.key && roomByKey.has(a.roomId));
		const current = new Set(u.currentRoomKeys);
		const seated = mine.reduce((s, a) => s + a.persons, 0);
		const moved = mine.filter((a) => !current.has(a.roomId)).reduce((s, a) => s + a.persons, 0);
		const bset = new Set(mine.map((a) => roomByKey.get(a.roomId)!.buildingKey));
		const areaGivenM2 = mine.reduce((s, a) => s + a.areaM2, 0);
		const shortfallM2 = Math.max(0, u.normAreaM2 - areaGivenM2);
		const unseated = Math.max(0, u.headcount - seated);
		return {
			key: u.key,
			id: u.id,
			code: u.code,
			name: u.name,
			priority: u.priority,
			groundFloorOnly: u.groundFloorOnly,
			headcount: u.headcount,
			seated,
			unseated,
			moved,
			buildings: bset.size,
			areaGivenM2,
			normAreaM2: u.normAreaM2,
			normM2PerPerson: u.normM2,
			shortfallM2,
			shortfallShare: u.normAreaM2 > 0 ? shortfallM2 / u.normAreaM2 : 0,
			areaPerPersonM2: seated > 0 ? areaGivenM2 / seated : null,
			furthestBelow: false,
			placed: seated,
			unplaced: unseated
		};
	});
	const shares = units
		.map((u) => u.shortfallShare)
		.filter((s) => s > 1e-9)
		.sort((a, b) => b - a);
	const cut = shares[Math.min(FURTHEST_BELOW_COUNT, shares.length) - 1];
	if (cut !== undefined) for (const u of units) u.furthestBelow = u.shortfallShare >= cut - 1e-9;

	const headcount = units.reduce((s, u) => s + u.headcount, 0);
	const seated = units.reduce((s, u) => s + u.seated, 0);
	const unseated = units.reduce((s, u) => s + u.unseated, 0);
	const used = units.filter((u) => u.seated > 0);
	const areaGivenM2 = units.reduce((s, u) => s + u.areaGivenM2, 0);
	const normAreaM2 = units.reduce((s, u) => s + u.normAreaM2, 0);
	return {
		headcount,
		seated,
		unseated,
		moved: units.reduce((s, u) => s + u.moved, 0),
		buildingsPerUnit: used.length ? used.reduce((s, u) => s + u.buildings, 0) / used.length : 0,
		areaGivenM2,
		normAreaM2,
		shortfallM2: units.reduce((s, u) => s + u.shortfallM2, 0),
		worstShortfallShare: units.reduce((m, u) => Math.max(m, u.shortfallShare), 0),
		sharedRooms: [...unitsInRoom.values()].filter((s) => s.size > 1).length,
		areaPerPersonM2: seated > 0 ? areaGivenM2 / seated : null,
		normM2PerPerson: headcount > 0 ? normAreaM2 / headcount : 0,
		units,
		placed: seated,
		unplaced: unseated
	};
}

/** "TS-01/A 1.04 — Phòng làm việc 1.04", or the key when the room is not in the instance. */
export function roomLabel(built: Pick<BuiltInstance, 'rooms' | 'buildings'>, roomKey: string) {
	const r = built.rooms.find((x) => x.key === roomKey);
	if (!r) return roomKey;
	const b = built.buildings.find((x) => x.key === r.buildingKey);
	return `${b ? `${b.facilityCode}/${b.code} ` : ''}${r.code} — ${r.name}`;
}

export function unitLabel(built: Pick<BuiltInstance, 'units'>, unitKey: string): string {
	return built.units.find((u) => u.key === unitKey)?.name ?? unitKey;
}

/**
 * A violation found by `checkAllocation`, said in the user's language with the rule's name,
 * the unit and room names and the figures (the same words as the page's live check).
 */
export function violationText(
	locale: Locale,
	v: Violation,
	built: Pick<BuiltInstance, 'rooms' | 'buildings' | 'units' | 'settings'>
): string {
	return violationMessage((key, params) => translate(locale, key, params), v, {
		roomLabel: (key) => roomLabel(built, key),
		unitName: (key) => unitLabel(built, key),
		room: (key) => built.rooms.find((r) => r.key === key),
		minAreaPerPersonM2: built.settings?.minAreaPerPersonM2 ?? DEFAULT_SETTINGS.minAreaPerPersonM2,
		maxUnitsPerRoom: built.settings?.maxUnitsPerRoom ?? DEFAULT_SETTINGS.maxUnitsPerRoom,
		num: (x) => formatNumber(x, locale, 2)
	});
}
