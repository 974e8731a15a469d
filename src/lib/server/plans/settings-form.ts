/**
 * A scenario's settings and its settings form, both ways: the validated form (the schema
 * `settingsSchema` of `$lib/schemas/plans`) as {@link ScenarioSettings}, and stored settings
 * as the texts the form sends (the "take theirs" values of a stale save).
 */
import type { ScenarioSettings } from './settings';

/** The settings form as the schema parses it (per unit `priority_<id>` and `ground_<id>`). */
export type SettingsFormData = Record<string, unknown> & {
	minAreaPerPersonM2: number;
	minAreaSource: string | null;
	maxUnitsPerRoom: number;
	weightUnseated: number;
	weightWorstShortfall: number;
	weightShortfallM2: number;
	weightBuildings: number;
	weightMoved: number;
	lockAddRoom: number | null;
	lockAddUnit: number | null;
};

/**
 * The settings the form asks for: reserved rooms whose "keep" box is ticked, plus the new
 * reservation when both its room and unit are chosen. `duplicate-lock` when the new room is
 * already reserved (the form says so beside the room).
 */
export function settingsFromForm(
	stored: ScenarioSettings,
	unitIds: readonly number[],
	form: SettingsFormData
): ScenarioSettings | 'duplicate-lock' {
	const lockedRooms = stored.lockedRooms.filter((lock) => form[`keep_${lock.roomId}`] === true);
	if (form.lockAddRoom !== null && form.lockAddUnit !== null) {
		if (lockedRooms.some((lock) => lock.roomId === form.lockAddRoom)) return 'duplicate-lock';
		lockedRooms.push({ roomId: form.lockAddRoom, unitId: form.lockAddUnit });
	}
	return {
		minAreaPerPersonM2: form.minAreaPerPersonM2,
		minAreaSource: form.minAreaSource ?? '',
		maxUnitsPerRoom: form.maxUnitsPerRoom,
		priorities: Object.fromEntries(
			unitIds.map((u) => [String(u), form[`priority_${u}`] as number])
		),
		groundFloorUnitIds: unitIds.filter((u) => form[`ground_${u}`] === true),
		lockedRooms,
		weights: {
			unseated: form.weightUnseated,
			worstShortfall: form.weightWorstShortfall,
			shortfallM2: form.weightShortfallM2,
			buildingsPerUnit: form.weightBuildings,
			moved: form.weightMoved
		}
	};
}

/**
 * A scenario's stored settings as its settings form sends them: numbers, the source, the
 * weights, a priority and a ground-floor box per unit and a "keep" box per reserved room shown.
 */
export function settingsFormValues(
	s: ScenarioSettings,
	unitIds: readonly number[],
	lockedIds: readonly number[]
): Record<string, string> {
	const out: Record<string, string> = {
		minAreaPerPersonM2: String(s.minAreaPerPersonM2),
		minAreaSource: s.minAreaSource ?? '',
		maxUnitsPerRoom: String(s.maxUnitsPerRoom),
		weightUnseated: String(s.weights.unseated),
		weightWorstShortfall: String(s.weights.worstShortfall),
		weightShortfallM2: String(s.weights.shortfallM2),
		weightBuildings: String(s.weights.buildingsPerUnit),
		weightMoved: String(s.weights.moved)
	};
	for (const u of unitIds) {
		out[`priority_${u}`] = String(s.priorities[String(u)] ?? '');
		out[`ground_${u}`] = s.groundFloorUnitIds.includes(u) ? 'on' : '';
	}
	for (const r of lockedIds) {
		out[`keep_${r}`] = s.lockedRooms.some((lock) => lock.roomId === r) ? 'on' : '';
	}
	return out;
}
