/** Metro stations near phường Bình Trưng and the ward's working extent (approximate data). */
import type { BBox, LatLng } from './types';

/** A metro station (ga metro) with the confidence of its coordinates. */
export interface MetroStation extends LatLng {
	id: string;
	name: string;
	line: string;
	/** Coordinates come from unofficial sources and may be off by tens to hundreds of metres. */
	approximate: true;
	/** Not yet operating. */
	future?: true;
	source: string;
}

/**
 * Metro Line 1 stations near the ward, and the future Thủ Thiêm hub (`future: true`). All
 * coordinates are approximate (`approximate: true`), from unofficial sources listed per station
 * (domain-research.md §2); replace them with surveyed positions when available.
 *
 * @example
 * METRO_STATIONS.filter((s) => !s.future).map((s) => s.name);
 * // ['An Phú', 'Rạch Chiếc', 'Thảo Điền', 'Phước Long']
 */
export const METRO_STATIONS: readonly MetroStation[] = Object.freeze(
	(
		[
			{
				id: 'an-phu',
				name: 'An Phú',
				line: 'Metro Line 1 (Bến Thành - Suối Tiên)',
				lat: 10.80215,
				lng: 106.74234,
				approximate: true,
				source:
					'GitHub seed data (alt. 10.8025, 106.7427, 55 m apart); medium confidence. On or near the ward’s northern boundary.'
			},
			{
				id: 'rach-chiec',
				name: 'Rạch Chiếc',
				line: 'Metro Line 1 (Bến Thành - Suối Tiên)',
				lat: 10.80854,
				lng: 106.75529,
				approximate: true,
				source:
					'GitHub seed data (alt. 10.8114, 106.7567, 350 m apart); low to medium confidence. On or near the ward’s northern boundary.'
			},
			{
				id: 'thao-dien',
				name: 'Thảo Điền',
				line: 'Metro Line 1 (Bến Thành - Suối Tiên)',
				lat: 10.80053,
				lng: 106.73368,
				approximate: true,
				source: 'GitHub seed data (alt. 10.8023, 106.7338); low to medium confidence.'
			},
			{
				id: 'phuoc-long',
				name: 'Phước Long',
				line: 'Metro Line 1 (Bến Thành - Suối Tiên)',
				lat: 10.82139,
				lng: 106.75806,
				approximate: true,
				source: 'Wikipedia infobox; seed data within 17 m; medium to high confidence.'
			},
			{
				id: 'thu-thiem-hub',
				name: 'Thủ Thiêm (ga trung tâm, dự kiến)',
				line: 'Future hub: North-South high-speed rail, Metro Line 2, Thủ Thiêm - Long Thành LRT',
				lat: 10.78583,
				lng: 106.74417,
				approximate: true,
				future: true,
				source: 'Wikipedia "Thủ Thiêm station" (17.2 ha, planned about 2030); medium confidence.'
			}
		] satisfies MetroStation[]
	).map((s) => Object.freeze(s))
);

/**
 * Working extent of phường Bình Trưng, [west, south, east, north] = lon 106.74-106.79,
 * lat 10.77-10.81: an estimate from landmarks, NOT the legal boundary. Say so on screen; a user
 * imports the real boundary.
 *
 * @example
 * bboxContains(BINH_TRUNG_WORKING_EXTENT, { lat: 10.79, lng: 106.76 }); // true
 */
export const BINH_TRUNG_WORKING_EXTENT: BBox = Object.freeze([
	106.74, 10.77, 106.79, 10.81
] as const);
