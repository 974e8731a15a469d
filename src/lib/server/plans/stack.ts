/**
 * The stack plan of a scenario: per building, its levels, each a row of rooms split between the
 * units seated there.
 */
import type { Assignment, PersonsEntry } from '../../allocation/types';
import type { DangerLevel, RoomType } from '../../constants';
import type { BuiltInstance, UnusableReason } from './instance';
import { normalisePlan } from './metrics';

export interface StackSegment {
	unitKey: string;
	persons: number;
	areaM2: number;
	/** Share of the room's area given to this unit, in % (a shared room is drawn split). */
	sharePct: number;
}

export interface StackRoom {
	key: string;
	id: number;
	code: string;
	name: string;
	type: RoomType;
	level: number;
	areaM2: number;
	/** Block width in % of the widest level of the building (Σ room areas of that level). */
	widthPct: number;
	usable: boolean;
	reason: UnusableReason | null;
	lockedUnitKey: string | null;
	/** People and area per unit seated in the room, largest area first. */
	segments: StackSegment[];
	persons: number;
	/** Area of the room given to nobody, m². */
	freeM2: number;
}

export interface StackBuilding {
	key: string;
	code: string;
	name: string;
	facilityCode: string;
	facilityName: string;
	dangerLevel: DangerLevel | null;
	/** Highest level first, as a section drawing reads. */
	levels: { level: number; rooms: StackRoom[] }[];
}

/**
 * The stack plan of a scenario: per building, its levels (top first), each a row of rooms whose
 * widths are proportional to their areas, each room split between the units seated there in
 * proportion to the area each is given.
 *
 * Example: a 40 m² room where unit A has 3 persons on 24 m² and unit B 2 persons on 12 m² gives
 * segments A 60 %, B 30 % and 4 m² free.
 */
export function stackPlan(built: BuiltInstance, plan: readonly PersonsEntry[]): StackBuilding[] {
	const rows = normalisePlan(plan);
	const byRoom = new Map<string, Assignment[]>();
	for (const a of rows) {
		const list = byRoom.get(a.roomId) ?? [];
		list.push(a);
		byRoom.set(a.roomId, list);
	}
	return built.buildings.map((b) => {
		const mine = built.rooms.filter((r) => r.buildingKey === b.key);
		const levelNos = [...new Set(mine.map((r) => r.level))].sort((x, y) => y - x);
		const widest = Math.max(
			1,
			...levelNos.map((l) => mine.filter((r) => r.level === l).reduce((s, r) => s + r.areaM2, 0))
		);
		return {
			key: b.key,
			code: b.code,
			name: b.name,
			facilityCode: b.facilityCode,
			facilityName: b.facilityName,
			dangerLevel: b.dangerLevel,
			levels: levelNos.map((level) => ({
				level,
				rooms: mine
					.filter((r) => r.level === level)
					.map((r) => {
						const segments = (byRoom.get(r.key) ?? [])
							.map((a) => ({
								unitKey: a.unitId,
								persons: a.persons,
								areaM2: a.areaM2,
								sharePct: r.areaM2 > 0 ? Math.round((a.areaM2 / r.areaM2) * 1000) / 10 : 0
							}))
							.sort((x, y) => y.areaM2 - x.areaM2 || y.persons - x.persons);
						const used = segments.reduce((s, x) => s + x.areaM2, 0);
						return {
							key: r.key,
							id: r.id,
							code: r.code,
							name: r.name,
							type: r.type,
							level: r.level,
							areaM2: r.areaM2,
							widthPct: Math.round((r.areaM2 / widest) * 10000) / 100,
							usable: r.usable,
							reason: r.reason,
							lockedUnitKey: r.lockedUnitKey,
							segments,
							persons: segments.reduce((s, x) => s + x.persons, 0),
							freeM2: Math.max(0, r.areaM2 - used)
						};
					})
			}))
		};
	});
}
