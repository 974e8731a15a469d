/**
 * The map tile server, in one place for every load that shows a map: `TILE_URL` from the
 * environment, `none` for no tiles (the maps stay vector-only), OpenStreetMap otherwise.
 */
import { env } from '$env/dynamic/private';

export const DEFAULT_TILE_URL = 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The tile URL template given to WardMap (null: no tile layer). */
export function tileUrl(setting: string | undefined = env.TILE_URL): string | null {
	if (setting === 'none') return null;
	return setting || DEFAULT_TILE_URL;
}
