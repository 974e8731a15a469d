/** Small geometry helpers for sample data (no dependency on the geo module). */

const M_PER_DEG_LAT = 111_320;

/** A GeoJSON Polygon: a rectangle of ±halfWidthM (east-west) × ±halfHeightM around a point. */
export function rectangleAround(lat: number, lng: number, halfWidthM: number, halfHeightM: number) {
	const dLat = halfHeightM / M_PER_DEG_LAT;
	const dLng = halfWidthM / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
	const r = (x: number) => Math.round(x * 1e7) / 1e7;
	return {
		type: 'Polygon' as const,
		coordinates: [
			[
				[r(lng - dLng), r(lat - dLat)],
				[r(lng + dLng), r(lat - dLat)],
				[r(lng + dLng), r(lat + dLat)],
				[r(lng - dLng), r(lat + dLat)],
				[r(lng - dLng), r(lat - dLat)]
			]
		]
	};
}
