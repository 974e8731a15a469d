/**
 * Staffing gaps of a ward: vacancies per position grouped under the city's fields, the gaps by
 * field, and their export (CSV or XLSX) with labels in the user's language.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import {
	LEADERSHIP_GROUP,
	LEADERSHIP_TITLE_KEYS,
	RANK_LABELS,
	UNSPECIFIED_GROUP,
	computeStaffingGaps,
	groupVacancies,
	isRankKey,
	isRankNormKey,
	type StaffingGaps,
	type VacanciesByPosition
} from '../../norms';
import type { DbLike } from '../db';
import { orgUnits, positions } from '../db/schema';
import { currentNormSet } from './norm-sets';
import { KNOWN_FIELDS } from '../../schemas/needs';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { writeCsv, writeXlsx, type ExportCell } from '../io/common';

/** One position's vacancy with its unit and labels. */
export type WardVacancies = VacanciesByPosition & {
	/** Title keys → Vietnamese and English labels of the current norm set. */
	titleLabels: Record<string, { vi: string; en: string }>;
};

/** The positions of the given wards (all with null) with their unit and ward id, in unit
 * display order then entry order within a ward. */
function positionRowsOf(db: DbLike, wardIds: number[] | null) {
	return db
		.select({
			wardId: orgUnits.wardId,
			unitCode: orgUnits.code,
			unitName: orgUnits.name,
			title: positions.title,
			titleKey: positions.titleKey,
			rank: positions.rank,
			field: positions.field,
			approved: positions.approved,
			filled: positions.filled,
			plannedNextYear: positions.plannedNextYear
		})
		.from(positions)
		.innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
		.where(
			wardIds === null
				? undefined
				: wardIds.length === 1
					? eq(orgUnits.wardId, wardIds[0])
					: inArray(orgUnits.wardId, wardIds.length ? wardIds : [-1])
		)
		.orderBy(asc(orgUnits.wardId), asc(orgUnits.sortOrder), asc(orgUnits.code), asc(positions.id))
		.all();
}

/** The ward's positions with their unit, in unit display order then entry order. */
function positionRows(db: DbLike, wardId: number) {
	return positionRowsOf(db, [wardId]);
}

type PositionRow = ReturnType<typeof positionRows>[number];

/** One ward's position rows grouped under the city's fields (see {@link vacanciesByPosition}). */
function groupRows(rows: PositionRow[]): VacanciesByPosition {
	return groupVacancies(
		rows.map(({ plannedNextYear: _planned, wardId: _ward, ...r }) => ({
			...r,
			leadership: LEADERSHIP_TITLE_KEYS.includes(r.titleKey)
		})),
		KNOWN_FIELDS
	);
}

/**
 * The vacancy groups of several wards (all with null) read in one query, by ward id: the same
 * groups as {@link vacanciesByPosition} gives ward by ward, without the norm set's labels. A ward
 * without positions has no entry.
 */
export function vacancyGroupsOfWards(
	db: DbLike,
	wardIds: number[] | null
): Map<number, VacanciesByPosition> {
	const byWard = new Map<number, PositionRow[]>();
	for (const r of positionRowsOf(db, wardIds)) {
		const list = byWard.get(r.wardId);
		if (list) list.push(r);
		else byWard.set(r.wardId, [r]);
	}
	return new Map([...byWard].map(([id, rows]) => [id, groupRows(rows)]));
}

/**
 * Vacancies per position (unit, title, rank, field, approved, filled, missing) grouped under
 * the city's fields (đất đai, xây dựng, tài chính - kế hoạch, kế toán, đối ngoại first), then
 * leadership posts without a field, then the other fields, then posts without a field
 * (groupVacancies). Leadership = a title key of LEADERSHIP_TITLE_KEYS.
 */
export function vacanciesByPosition(db: DbLike, wardId: number): WardVacancies {
	const grouped = groupRows(positionRows(db, wardId));
	const set = currentNormSet(db);
	const titleLabels: WardVacancies['titleLabels'] = {};
	for (const i of set?.items ?? []) {
		if (!isRankNormKey(i.titleKey)) titleLabels[i.titleKey] = { vi: i.labelVi, en: i.labelEn };
	}
	return { ...grouped, titleLabels };
}

/** The ward's staffing gaps by field (approved, filled, vacant, surplus, planned). */
export function staffingGapsForWard(db: DbLike, wardId: number): StaffingGaps {
	return computeStaffingGaps(
		positionRows(db, wardId).map((r) => ({
			unitId: r.unitCode,
			titleKey: r.titleKey,
			field: r.field,
			approved: r.approved,
			filled: r.filled,
			plannedNextYear: r.plannedNextYear
		}))
	);
}

/** Columns of the staffing-gap export: one row per position, grouped by field, then a total. */
export const STAFFING_GAP_COLUMNS = [
	'field_group',
	'field_group_label',
	'unit_code',
	'unit_name',
	'title',
	'title_key',
	'rank',
	'approved',
	'filled',
	'missing'
] as const;

/** A field of expertise in the user's language (known keys translated, others as typed). */
export function staffingFieldLabel(locale: Locale, field: string | null): string {
	if (field === null || field.trim() === '') return translate(locale, 'needs.field.none');
	return (KNOWN_FIELDS as readonly string[]).includes(field)
		? translate(locale, `needs.field.${field}` as MessageKey)
		: field;
}

/** A vacancy group's label: a field, "leadership" or "no field given". */
export function vacancyGroupLabel(locale: Locale, key: string): string {
	if (key === LEADERSHIP_GROUP) return translate(locale, 'needs.field.leadership');
	if (key === UNSPECIFIED_GROUP) return translate(locale, 'needs.field.none');
	return staffingFieldLabel(locale, key);
}

/** A rank (ngạch) in the user's language, '' for none. */
export function rankLabel(locale: Locale, rank: string | null): string {
	return isRankKey(rank) ? RANK_LABELS[rank][locale === 'en' ? 'en' : 'vi'] : '';
}

/** The vacancies by position as export rows, by group (city's fields first), then a total row. */
export function staffingGapRows(db: DbLike, wardId: number, locale: Locale): ExportCell[][] {
	const v = vacanciesByPosition(db, wardId);
	const rows: ExportCell[][] = v.groups.flatMap((g) =>
		g.rows.map((r) => [
			g.key,
			vacancyGroupLabel(locale, g.key),
			r.unitCode,
			r.unitName,
			r.title,
			r.titleKey,
			rankLabel(locale, r.rank),
			r.approved,
			r.filled,
			r.missing
		])
	);
	const t = v.totals;
	rows.push([
		'total',
		translate(locale, 'common.total'),
		...Array<null>(5).fill(null),
		t.approved,
		t.filled,
		t.missing
	]);
	return rows;
}

/** Exports the vacancies by position (CSV: UTF-8 with BOM; XLSX: one sheet 'staffing-gaps'). */
export async function exportStaffingGaps(
	db: DbLike,
	wardId: number,
	format: 'csv' | 'xlsx',
	locale: Locale
): Promise<Uint8Array> {
	const rows = staffingGapRows(db, wardId, locale);
	return format === 'csv'
		? writeCsv(STAFFING_GAP_COLUMNS, rows)
		: writeXlsx('staffing-gaps', STAFFING_GAP_COLUMNS, rows);
}
