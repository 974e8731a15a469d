/** Staffing gaps by field of expertise (lĩnh vực), for the staffing support request. */
import { NormsInputError, describeValue, isNonEmptyString } from './errors';
import { namedElement, requireCount } from './space-needs';

/** A position row: approved posts (biên chế được giao), filled posts and next year's plan. */
export interface StaffingPosition {
	unitId: string;
	titleKey: string;
	/** Field of expertise, e.g. 'land', 'construction', 'finance'; null = not specified. */
	field: string | null;
	approved: number;
	filled: number;
	plannedNextYear: number;
}

/** Staffing totals of one field (or of all fields). */
export interface StaffingTotals {
	approved: number;
	filled: number;
	/** Σ over position rows of max(0, approved − filled). */
	vacant: number;
	/** Σ over position rows of max(0, filled − approved); never offsets a vacancy elsewhere. */
	surplus: number;
	/** Σ plannedNextYear. */
	planned: number;
	/** Number of position rows. */
	positions: number;
}

/** One field's totals. */
export interface StaffingGapRow extends StaffingTotals {
	field: string | null;
}

/** Result of {@link computeStaffingGaps}. */
export interface StaffingGaps {
	/** By field, most vacant first, then by field name (unspecified field last on ties). */
	rows: StaffingGapRow[];
	totals: StaffingTotals;
}

function emptyTotals(): StaffingTotals {
	return { approved: 0, filled: 0, vacant: 0, surplus: 0, planned: 0, positions: 0 };
}

function compareFields(a: string | null, b: string | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a < b ? -1 : 1;
}

/**
 * Totals approved, filled, vacant and planned posts by field of expertise, most vacant field
 * first (ties by field name, unspecified last). Vacancy is counted per position row,
 * max(0, approved − filled), so a surplus in one unit or title does not hide a vacancy in
 * another; surpluses are reported separately. A blank field counts as unspecified (null).
 *
 * Throws {@link NormsInputError} naming the row for a missing unit or title, or a count that is
 * not a non-negative integer.
 *
 * @example
 * computeStaffingGaps([
 * 	{ unitId: 'kt-ht', titleKey: 'specialist', field: 'land', approved: 3, filled: 1, plannedNextYear: 1 },
 * 	{ unitId: 'kt-ht', titleKey: 'specialist', field: 'construction', approved: 2, filled: 2, plannedNextYear: 0 },
 * 	{ unitId: 'vp', titleKey: 'specialist', field: 'land', approved: 1, filled: 2, plannedNextYear: 0 }
 * ]);
 * // rows: land { approved 4, filled 3, vacant 2 (= max(0, 3 − 1) + max(0, 1 − 2)), surplus 1, planned 1, positions 2 },
 * //       construction { approved 2, filled 2, vacant 0, surplus 0, planned 0, positions 1 }
 * // totals: { approved 6, filled 5, vacant 2, surplus 1, planned 1, positions 3 }
 */
export function computeStaffingGaps(positions: readonly StaffingPosition[]): StaffingGaps {
	if (!Array.isArray(positions)) {
		throw new NormsInputError('positions', 'positions: must be an array');
	}
	const byField = new Map<string | null, StaffingGapRow>();
	const totals = emptyTotals();
	positions.forEach((p, i) => {
		const path = `positions[${i}]`;
		const where = namedElement(path, p, 'unitId', 'unit');
		if (!isNonEmptyString(p.titleKey)) {
			throw new NormsInputError(
				path,
				`${where}: titleKey must be a non-empty string, got ${describeValue(p.titleKey)}`
			);
		}
		if (p.field !== null && p.field !== undefined && typeof p.field !== 'string') {
			throw new NormsInputError(
				path,
				`${where}: field must be a string or null, got ${describeValue(p.field)}`
			);
		}
		for (const name of ['approved', 'filled', 'plannedNextYear'] as const) {
			requireCount(path, where, name, p[name]);
		}
		const field = typeof p.field === 'string' && p.field.trim() !== '' ? p.field.trim() : null;
		let row = byField.get(field);
		if (!row) {
			row = { field, ...emptyTotals() };
			byField.set(field, row);
		}
		const vacant = Math.max(0, p.approved - p.filled);
		const surplus = Math.max(0, p.filled - p.approved);
		for (const t of [row, totals]) {
			t.approved += p.approved;
			t.filled += p.filled;
			t.vacant += vacant;
			t.surplus += surplus;
			t.planned += p.plannedNextYear;
			t.positions += 1;
		}
	});
	const rows = [...byField.values()].sort(
		(a, b) => b.vacant - a.vacant || compareFields(a.field, b.field)
	);
	return { rows, totals };
}

// ---------------------------------------------------------------------------------------------
// Vacancies by position, grouped under the city's fields (issue 14 item 5).

/**
 * The fields the city named at its supervision visit, in its order: đất đai, xây dựng,
 * tài chính - kế hoạch, kế toán, đối ngoại. Listed first.
 *
 * @example
 * CITY_FIELDS[2]; // 'finance' (shown as "Tài chính - kế hoạch")
 */
export const CITY_FIELDS: readonly string[] = Object.freeze([
	'land',
	'construction',
	'finance',
	'accounting',
	'foreign-affairs'
]);

/** Group key of leadership posts without a field (never "unspecified"). */
export const LEADERSHIP_GROUP = 'leadership';
/** Group key of non-leadership posts without a field. */
export const UNSPECIFIED_GROUP = 'unspecified';

/** A position row for {@link groupVacancies}. */
export interface VacancyPosition {
	unitCode: string;
	unitName: string;
	title: string;
	titleKey: string;
	/** Rank key (ngạch) or null. */
	rank: string | null;
	field: string | null;
	approved: number;
	filled: number;
	/** Leadership post (lãnh đạo, quản lý). */
	leadership: boolean;
}

/** One position with its vacancy. */
export interface VacancyRow extends VacancyPosition {
	/** max(0, approved − filled). */
	missing: number;
}

/** One group: a field, leadership, or unspecified. */
export interface VacancyGroup {
	/** A field key, {@link LEADERSHIP_GROUP} or {@link UNSPECIFIED_GROUP}. */
	key: string;
	/** One of the city's five fields. */
	cityField: boolean;
	approved: number;
	filled: number;
	missing: number;
	rows: VacancyRow[];
}

/** Result of {@link groupVacancies}. */
export interface VacanciesByPosition {
	groups: VacancyGroup[];
	totals: { approved: number; filled: number; missing: number; positions: number };
}

/**
 * Vacancies per position grouped by field: the city's five fields first in its order (each
 * shown even when it has no position, so "no vacancy" is said), then leadership posts without
 * a field, then the other fields in `fieldOrder` order (unknown fields after, by name), then
 * posts without a field. A leadership post with a field goes under its field. Within a group,
 * rows keep their input order. `missing` = max(0, approved − filled) per row, so a surplus
 * never hides a vacancy elsewhere.
 *
 * @example
 * groupVacancies([
 * 	{ unitCode: 'KT', unitName: 'Phòng KT', title: 'Chuyên viên đất đai', titleKey: 'specialist', rank: 'specialist', field: 'land', approved: 6, filled: 3, leadership: false },
 * 	{ unitCode: 'TT', unitName: 'Thường trực', title: 'Phó Chủ tịch UBND', titleKey: 'chair-deputy', rank: null, field: null, approved: 3, filled: 2, leadership: true }
 * ]).groups.map((g) => [g.key, g.missing]);
 * // [['land', 3], ['construction', 0], ['finance', 0], ['accounting', 0], ['foreign-affairs', 0], ['leadership', 1]]
 */
export function groupVacancies(
	positions: readonly VacancyPosition[],
	fieldOrder: readonly string[] = []
): VacanciesByPosition {
	if (!Array.isArray(positions)) {
		throw new NormsInputError('positions', 'positions: must be an array');
	}
	const groups = new Map<string, VacancyGroup>();
	const group = (key: string) => {
		let g = groups.get(key);
		if (!g) {
			g = {
				key,
				cityField: CITY_FIELDS.includes(key),
				approved: 0,
				filled: 0,
				missing: 0,
				rows: []
			};
			groups.set(key, g);
		}
		return g;
	};
	for (const f of CITY_FIELDS) group(f);
	const totals = { approved: 0, filled: 0, missing: 0, positions: 0 };
	positions.forEach((p, i) => {
		const path = `positions[${i}]`;
		for (const name of ['approved', 'filled'] as const) {
			requireCount(path, `${path} (unit '${p.unitCode}')`, name, p[name]);
		}
		const field = typeof p.field === 'string' && p.field.trim() !== '' ? p.field.trim() : null;
		const key = field ?? (p.leadership ? LEADERSHIP_GROUP : UNSPECIFIED_GROUP);
		const missing = Math.max(0, p.approved - p.filled);
		const g = group(key);
		g.rows.push({ ...p, field, missing });
		for (const t of [g, totals]) {
			t.approved += p.approved;
			t.filled += p.filled;
			t.missing += missing;
		}
		totals.positions += 1;
	});
	const rankOf = (key: string): [number, number, string] => {
		const city = CITY_FIELDS.indexOf(key);
		if (city >= 0) return [0, city, ''];
		if (key === LEADERSHIP_GROUP) return [1, 0, ''];
		if (key === UNSPECIFIED_GROUP) return [4, 0, ''];
		const known = fieldOrder.indexOf(key);
		return known >= 0 ? [2, known, ''] : [3, 0, key];
	};
	const sorted = [...groups.values()].sort((a, b) => {
		const [ra, ia, na] = rankOf(a.key);
		const [rb, ib, nb] = rankOf(b.key);
		return ra - rb || ia - ib || (na < nb ? -1 : na > nb ? 1 : 0);
	});
	return { groups: sorted, totals };
}
