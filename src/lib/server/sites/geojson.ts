/** The ward's candidate sites as GeoJSON, for the API and the packet. */
import { criterionValue, computedValues, screenSite } from '../../scoring';
import type { GeoJsonPolygon } from '../../geo';
import type { Db } from '../db';
import { listCriteria } from './criteria';
import { requiredLand, siteContext } from './context';
import { allSites } from './records';

/**
 * The ward's sites as a GeoJSON FeatureCollection: the polygon when there is one, else the
 * point; properties are the attributes, the computed values, the value of every active criterion
 * and the screening reasons.
 */
export function sitesGeoJson(db: Db, wardId: number) {
	const active = listCriteria(db, wardId).filter((c) => c.active);
	const siteRows = allSites(db, wardId);
	const ctx = siteContext(db, wardId, siteRows);
	const required = requiredLand(db, wardId);
	return {
		type: 'FeatureCollection' as const,
		features: siteRows.map((s) => {
			const { polygonGeojson, wardId: _w, ...attributes } = s;
			return {
				type: 'Feature' as const,
				id: s.id,
				geometry: polygonGeojson
					? (JSON.parse(polygonGeojson) as GeoJsonPolygon)
					: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
				properties: {
					...attributes,
					computed: computedValues(s, ctx),
					criteria: Object.fromEntries(
						active.map((c) => [c.key, criterionValue(c.source, s, ctx)])
					),
					screenedOut: screenSite(s, ctx, required, active)
				}
			};
		})
	};
}
