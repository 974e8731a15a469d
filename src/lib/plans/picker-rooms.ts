/**
 * The rooms a scenario page offers in its room pickers (move to, reserve for a unit). A ward of
 * a few hundred rooms gets all of them, as before; a larger one gets the rooms of the building
 * shown plus every room the plan, the reservations or the listed violations name, so that the
 * page stays the same size whatever the ward holds (5,000 rooms were 0.9 MB of page data and two
 * selects of 5,000 options). The user reaches another building's rooms by showing that building.
 * Pure and client-safe.
 */

/** Up to this many rooms, the pickers list every room of the ward. */
export const PICKER_ROOM_LIMIT = 300;

export interface PickerRoom {
	key: string;
	buildingKey: string;
	lockedUnitKey: string | null;
}

/**
 * The rooms to send, in their order, and whether the list is cut to the building shown.
 *
 * Example: 400 rooms in 4 buildings of 100, building `b2` shown, the plan seating people in
 * `r7` (building `b1`): the 100 rooms of `b2` and `r7`, `partial: true`.
 */
export function pickerRooms<R extends PickerRoom>(
	rooms: readonly R[],
	keep: { buildingKey: string | null; roomKeys: Iterable<string> },
	limit = PICKER_ROOM_LIMIT
): { rooms: R[]; partial: boolean } {
	if (rooms.length <= limit) return { rooms: [...rooms], partial: false };
	const named = new Set(keep.roomKeys);
	return {
		rooms: rooms.filter(
			(r) => r.buildingKey === keep.buildingKey || named.has(r.key) || r.lockedUnitKey !== null
		),
		partial: true
	};
}
