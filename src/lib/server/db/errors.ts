/** Recognising SQLite errors that a user can fix. */

/** True when a write broke a UNIQUE constraint (e.g. a code already used in the ward). */
export function isUniqueViolation(e: unknown): boolean {
	return e instanceof Error && /UNIQUE constraint failed/.test(e.message);
}
