/**
 * Viet Nam's calendar day. Viet Nam keeps UTC+7 all year (no daylight saving since 1975), so
 * the day is the UTC day of the instant shifted by seven hours; no time-zone database needed,
 * the same result in the browser and on the server whatever their own zone.
 */

/** Viet Nam's offset from UTC (Asia/Ho_Chi_Minh), in milliseconds. */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

/**
 * Today's date in Viet Nam as "yyyy-mm-dd" (the default of every date field).
 *
 * @example
 * todayInVietnam(new Date('2026-12-05T16:59:59Z')); // '2026-12-05' (23:59:59 in Hà Nội)
 * todayInVietnam(new Date('2026-12-05T17:00:00Z')); // '2026-12-06' (00:00 in Hà Nội)
 */
export function todayInVietnam(now: Date | number = Date.now()): string {
	const t = typeof now === 'number' ? now : now.getTime();
	return new Date(t + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
