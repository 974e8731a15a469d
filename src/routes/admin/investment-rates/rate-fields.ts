/**
 * The field beside which a refused rate write is shown when its error names none (a full
 * table, an edit of an old version); duplicates and overlaps name theirs (RateError).
 */
export const RATE_FIELDS: Partial<Record<string, string>> = {
	full: 'storeysFrom',
	'not-current': 'storeysFrom'
};
