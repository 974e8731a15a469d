/**
 * The ONE place where room types map to the three needs classes compared like for like:
 * working rooms (against the titles' norm), common-use rooms (against ratio × working norm)
 * and specialised rooms (against the ward's specialised programme). Decree 152/2017 Art. 3 and
 * 155/2025: common-use area covers meeting rooms and halls under 100 seats, reception,
 * ordinary stores, lobbies, corridors and toilets; specialised area covers one-stop counters,
 * citizen reception, archives, IT rooms and halls of 100 seats or more.
 */
import type { SpecialisedRoomKey } from './norm-sets';

/** A needs class. */
export type NeedsClass = 'working' | 'common' | 'specialised';

/** The classes in display order. */
export const NEEDS_CLASSES: readonly NeedsClass[] = Object.freeze([
	'working',
	'common',
	'specialised'
]);

/**
 * A hall of at least this clear area (m²) is taken as a hall of 100 seats or more (about
 * 1 m² per seat with aisles): rooms carry no seat count. Product assumption, stated on the
 * needs page.
 *
 * @example
 * roomNeedsClass('hall', 120); // 'specialised'
 * roomNeedsClass('hall', 90); // 'common'
 */
export const HALL_100_SEATS_MIN_AREA_M2 = 100;

/** Room types of the specialised class and the programme item each one is set against. */
const SPECIALISED_TYPES: Readonly<Record<string, SpecialisedRoomKey>> = Object.freeze({
	'one-stop': 'one-stop-counter',
	reception: 'citizen-reception',
	archive: 'archive',
	it: 'it-room'
});

/**
 * The needs class of a room: `office` is working; `one-stop`, `reception` (citizen reception),
 * `archive` and `it` are specialised, and so is a `hall` of {@link HALL_100_SEATS_MIN_AREA_M2}
 * m² or more; everything else (meeting rooms, smaller halls, stores, toilets, corridors,
 * other) is common-use. An unknown type counts as common-use.
 *
 * @example
 * roomNeedsClass('office', 24); // 'working'
 * roomNeedsClass('meeting', 40); // 'common'
 * roomNeedsClass('one-stop', 96); // 'specialised'
 */
export function roomNeedsClass(type: string, areaM2: number): NeedsClass {
	if (type === 'office') return 'working';
	if (Object.hasOwn(SPECIALISED_TYPES, type)) return 'specialised';
	if (type === 'hall' && areaM2 >= HALL_100_SEATS_MIN_AREA_M2) return 'specialised';
	return 'common';
}

/**
 * The specialised programme item a specialised room is set against, or null for a room of
 * another class.
 *
 * @example
 * specialisedProgrammeKey('hall', 180); // 'hall-100'
 * specialisedProgrammeKey('hall', 90); // null (common-use)
 */
export function specialisedProgrammeKey(type: string, areaM2: number): SpecialisedRoomKey | null {
	if (roomNeedsClass(type, areaM2) !== 'specialised') return null;
	return type === 'hall' ? 'hall-100' : SPECIALISED_TYPES[type];
}
