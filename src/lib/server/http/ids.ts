/**
 * Record ids outside the route path (a query parameter, a form field): read by the same rule as
 * the `[id=id]` matcher (src/params/id.ts), so `?norm=abc`, `0`, `1e3` or `07` are no id.
 */
import { match as isId } from '../../../params/id';

/** The id written in `raw`, or null when it is not one (absent, blank, or not a record id). */
export function recordId(raw: FormDataEntryValue | string | null | undefined): number | null {
	if (typeof raw !== 'string') return null;
	const s = raw.trim();
	return isId(s) ? Number(s) : null;
}
