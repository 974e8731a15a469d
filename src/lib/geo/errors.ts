/**
 * Thrown for invalid geometric input (a coordinate out of range, a negative distance, an
 * unparseable coordinate text, a bad VN-2000 option). `path` names the offending argument.
 *
 * @example
 * try {
 * 	todZone(-5);
 * } catch (e) {
 * 	if (e instanceof GeoInputError) console.log(e.path); // 'distanceM'
 * }
 */
export class GeoInputError extends Error {
	readonly path: string;

	constructor(path: string, message: string) {
		super(message);
		this.name = 'GeoInputError';
		this.path = path;
	}
}

/**
 * Throws {@link GeoInputError} unless `p` is a WGS84 point with finite latitude in [−90, 90]
 * and longitude in [−180, 180].
 *
 * @example
 * assertLatLng({ lat: 10.8, lng: 106.7 }); // ok
 * assertLatLng({ lat: 106.7, lng: 10.8 }, 'point'); // throws: point.lat must be in [-90, 90], got 106.7
 */
export function assertLatLng(
	p: unknown,
	path = 'point'
): asserts p is { lat: number; lng: number } {
	if (p === null || typeof p !== 'object') {
		throw new GeoInputError(path, `${path} must be an object { lat, lng }`);
	}
	const { lat, lng } = p as { lat: unknown; lng: unknown };
	if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
		throw new GeoInputError(path, `${path}.lat must be in [-90, 90], got ${String(lat)}`);
	}
	if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
		throw new GeoInputError(path, `${path}.lng must be in [-180, 180], got ${String(lng)}`);
	}
}
