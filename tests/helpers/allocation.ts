/**
 * The small hand-worked allocation instance shared by the allocation specs (test code, not in
 * $lib): U1 (2 persons, 10 m² norm, now in R1) and U2 (1 person, 12 m²); R1 (building A,
 * level 1, 20 m²) and R2 (building B, level 2, 15 m²), both usable.
 */
import type { AllocationInstance } from '$lib/allocation';

export const twoUnitsTwoRooms = (): AllocationInstance => ({
	units: [
		{ id: 'U1', headcount: 2, normM2: 10, currentRoomIds: ['R1'] },
		{ id: 'U2', headcount: 1, normM2: 12 }
	],
	rooms: [
		{ id: 'R1', buildingId: 'A', level: 1, areaM2: 20, usable: true },
		{ id: 'R2', buildingId: 'B', level: 2, areaM2: 15, usable: true }
	]
});

/** The instance loosely typed, for specs that feed it bad input. */
export type LooseInstance = Record<string, unknown> & {
	units: Record<string, unknown>[];
	rooms: Record<string, unknown>[];
};

/** A fresh `twoUnitsTwoRooms()` changed by `change` (loosely typed: the point is bad input). */
export function changedInstance(change: (i: LooseInstance) => void): AllocationInstance {
	const instance = twoUnitsTwoRooms();
	change(instance as unknown as LooseInstance);
	return instance;
}
