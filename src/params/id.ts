import type { ParamMatcher } from '@sveltejs/kit';

/**
 * A record id in a URL: a positive whole number without leading zeros that fits SQLite's integer.
 * Anything else (`/rooms/abc`, `/rooms/0`, `/rooms/1e3`) matches no route, so the answer is 404
 * before any load or action runs.
 */
export const match = ((param: string): param is string =>
	/^[1-9]\d{0,15}$/.test(param)) satisfies ParamMatcher;
