/**
 * The city's staffing board: the wards' vacant posts by field and position (approved − filled,
 * from the wards' biên chế), the support officers the city has assigned to each ward (officer,
 * field, dates, working group) and what is still uncovered per ward and field:
 *
 *   uncovered(ward, field) = max(0, vacant(ward, field) − active assignments(ward, field))
 *
 * An assignment is active on a day when from ≤ day ≤ to (an open end counts as active). Ending
 * an assignment sets its end date to the day before today (Viet Nam time) and keeps the record.
 * Every write is audited in its own transaction.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { isoDate, optionalText, text } from '../../schemas/fields';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { staffingSupport, users, wards } from '../db/schema';
import { writeCsv, writeXlsx, type ExportCell } from '../io/common';
import { DomainError } from '../core/errors';
import { createRecord } from '../core/records';
import { staffingFieldLabel } from './';
import { vacancyGroupsOfWards } from './staffing-gaps';

/** Most assignment records (active or ended) one ward can hold. */
export const MAX_ASSIGNMENTS_PER_WARD = 500;
/** The filter value of the posts without a field (leaders, most of them). */
export const NO_FIELD = 'none';
/**
 * Most coverage and vacancy rows the board page lists (the filter narrows them; the exports
 * and the API have them all): the city's unfiltered board has thousands; the coverage lists
 * the largest uncovered gaps first.
 */
export const BOARD_PAGE_ROWS = 25;

type StaffingSupportCode = 'not-found' | 'already-ended' | 'too-many' | 'bad-dates';

export class StaffingSupportError extends DomainError<StaffingSupportCode> {
	constructor(code: StaffingSupportCode) {
		super(code, undefined, `staffing.err.${code}`);
	}
}

/** The form of a new assignment. Field: one of the known keys or the ward's own text. */
export const assignmentSchema = z
	.object({
		ward: text(60),
		officerName: text(200),
		field: text(60),
		positionKey: optionalText(60),
		workingGroup: text(200),
		fromDate: isoDate(),
		toDate: z
			.preprocess((v) => (v === '' ? undefined : v), isoDate().optional())
			.transform((v) => (v as string | undefined) ?? null),
		note: optionalText(1000)
	})
	.refine((d) => !d.toDate || d.toDate >= d.fromDate, { path: ['toDate'], message: 'toDate' });
export type AssignmentInput = Omit<z.infer<typeof assignmentSchema>, 'ward'>;

/** Today's date (yyyy-mm-dd) in Viet Nam (UTC+7, no daylight saving). */
export function vnToday(at = new Date()): string {
	return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function dayBefore(day: string): string {
	return new Date(Date.parse(day + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);
}

export const isActive = (a: { fromDate: string; toDate: string | null }, day: string) =>
	a.fromDate <= day && (a.toDate === null || a.toDate >= day);

export interface VacancyRow {
	wardCode: string;
	wardName: string;
	unit: string;
	positionKey: string;
	positionTitle: string;
	field: string | null;
	approved: number;
	filled: number;
	vacant: number;
}

export interface SupportRow {
	id: number;
	wardCode: string;
	wardName: string;
	officerName: string;
	field: string;
	positionKey: string | null;
	workingGroup: string;
	fromDate: string;
	toDate: string | null;
	note: string | null;
	createdBy: string | null;
	active: boolean;
}

export interface CoverageRow {
	wardCode: string;
	wardName: string;
	field: string | null;
	vacant: number;
	assigned: number;
	uncovered: number;
}

export interface BoardFilter {
	ward?: string | null;
	field?: string | null;
	position?: string | null;
}

export interface StaffingBoard {
	day: string;
	filter: BoardFilter;
	vacancies: VacancyRow[];
	coverage: CoverageRow[];
	assignments: SupportRow[];
	totals: { vacant: number; assigned: number; uncovered: number };
	options: {
		wards: { code: string; name: string }[];
		fields: (string | null)[];
		positions: { key: string; title: string }[];
	};
}

/**
 * Vacant posts per position of the given wards (all with null), ward by ward in name order,
 * grouped as the needs module's vacanciesByPosition groups them (missing = max(0, approved −
 * filled), so a surplus never hides a vacancy elsewhere): the city's fields first, then the
 * others. Rows without a vacancy are left out. One query for all the wards' positions.
 */
export function positionVacancies(db: DbLike, wardIds: number[] | null): VacancyRow[] {
	const ws = db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.where(wardIds === null ? undefined : inArray(wards.id, wardIds.length ? wardIds : [-1]))
		.orderBy(asc(wards.name), asc(wards.id))
		.all();
	const groups = vacancyGroupsOfWards(db, wardIds);
	return ws.flatMap((w) =>
		(groups.get(w.id)?.groups ?? []).flatMap((g) =>
			g.rows
				.filter((r) => r.missing > 0)
				.map((r) => ({
					wardCode: w.code,
					wardName: w.name,
					unit: r.unitName,
					positionKey: r.titleKey,
					positionTitle: r.title,
					field: r.field && r.field.trim() !== '' ? r.field.trim() : null,
					approved: r.approved,
					filled: r.filled,
					vacant: r.missing
				}))
		)
	);
}

/** The assignments of the given wards (all wards with null), newest start first. */
export function listAssignments(db: DbLike, wardIds: number[] | null, day: string): SupportRow[] {
	return db
		.select({
			id: staffingSupport.id,
			wardCode: wards.code,
			wardName: wards.name,
			officerName: staffingSupport.officerName,
			field: staffingSupport.field,
			positionKey: staffingSupport.positionKey,
			workingGroup: staffingSupport.workingGroup,
			fromDate: staffingSupport.fromDate,
			toDate: staffingSupport.toDate,
			note: staffingSupport.note,
			createdBy: users.displayName
		})
		.from(staffingSupport)
		.innerJoin(wards, eq(wards.id, staffingSupport.wardId))
		.leftJoin(users, eq(users.id, staffingSupport.createdBy))
		.where(
			wardIds === null
				? undefined
				: inArray(staffingSupport.wardId, wardIds.length ? wardIds : [-1])
		)
		.orderBy(asc(wards.name), sql`${staffingSupport.fromDate} desc`, asc(staffingSupport.id))
		.all()
		.map((a) => ({ ...a, active: isActive(a, day) }));
}

/**
 * Vacancies against active assignments per ward and field: one row per (ward, field) that has
 * a vacancy or an active assignment, the most uncovered first.
 */
export function coverage(vacancies: VacancyRow[], assignments: SupportRow[]): CoverageRow[] {
	const rows = new Map<string, CoverageRow>();
	const row = (wardCode: string, wardName: string, field: string | null) => {
		const key = `${wardCode}\u0000${field ?? ''}`;
		let r = rows.get(key);
		if (!r) {
			r = { wardCode, wardName, field, vacant: 0, assigned: 0, uncovered: 0 };
			rows.set(key, r);
		}
		return r;
	};
	for (const v of vacancies) row(v.wardCode, v.wardName, v.field).vacant += v.vacant;
	for (const a of assignments) if (a.active) row(a.wardCode, a.wardName, a.field).assigned += 1;
	const out = [...rows.values()];
	for (const r of out) r.uncovered = Math.max(0, r.vacant - r.assigned);
	return out.sort(
		(a, b) =>
			b.uncovered - a.uncovered ||
			a.wardName.localeCompare(b.wardName, 'vi') ||
			(a.field ?? '').localeCompare(b.field ?? '')
	);
}

/**
 * What the board is computed from: every ward (name order), the vacancies and the assignments of
 * the wards read (all of them, or the filter's ward), on `day`.
 */
export interface BoardSource {
	day: string;
	wards: { code: string; name: string }[];
	vacancies: VacancyRow[];
	assignments: SupportRow[];
}

/** Reads the board's source: every ward's (`wardCode` null) or one ward's rows. */
export function boardSource(db: DbLike, wardCode: string | null, day = vnToday()): BoardSource {
	const allWards = db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.orderBy(asc(wards.name), asc(wards.id))
		.all();
	const ward = wardCode ? allWards.find((w) => w.code === wardCode) : undefined;
	const ids = wardCode ? (ward ? [ward.id] : []) : null;
	return {
		day,
		wards: allWards.map((w) => ({ code: w.code, name: w.name })),
		vacancies: positionVacancies(db, ids),
		assignments: listAssignments(db, ids, day)
	};
}

/** The board across wards (or one ward), filtered by ward code, field and position key. */
export function staffingBoard(
	db: DbLike,
	filter: BoardFilter = {},
	day = vnToday()
): StaffingBoard {
	return boardFrom(boardSource(db, filter.ward ?? null, day), filter);
}

/**
 * The board from a source read for every ward or for the filter's ward (the same rows: a source
 * of every ward is narrowed to the filter's ward here), filtered by field and position key.
 */
export function boardFrom(source: BoardSource, filter: BoardFilter): StaffingBoard {
	const day = source.day;
	const inWard = (code: string) => !filter.ward || code === filter.ward;
	const allVacancies = source.vacancies.filter((v) => inWard(v.wardCode));
	const allAssignments = source.assignments.filter((a) => inWard(a.wardCode));
	const fieldOk = (f: string | null) =>
		!filter.field || (filter.field === NO_FIELD ? f === null : f === filter.field);
	const vacancies = allVacancies.filter(
		(v) => fieldOk(v.field) && (!filter.position || v.positionKey === filter.position)
	);
	const assignments = allAssignments.filter(
		(a) => fieldOk(a.field) && (!filter.position || a.positionKey === filter.position)
	);
	const cov = coverage(vacancies, assignments);
	const totals = cov.reduce(
		(t, r) => ({
			vacant: t.vacant + r.vacant,
			assigned: t.assigned + r.assigned,
			uncovered: t.uncovered + r.uncovered
		}),
		{ vacant: 0, assigned: 0, uncovered: 0 }
	);
	const fields = [
		...new Set([...allVacancies.map((v) => v.field), ...allAssignments.map((a) => a.field)])
	].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
	const posMap = new Map<string, string>();
	for (const v of allVacancies) {
		if (!posMap.has(v.positionKey)) posMap.set(v.positionKey, v.positionTitle);
	}
	return {
		day,
		filter,
		vacancies,
		coverage: cov,
		assignments,
		totals,
		options: {
			wards: source.wards,
			fields,
			positions: [...posMap].map(([key, title]) => ({ key, title }))
		}
	};
}

/** The ward's assignments (for its needs page), active first. */
export function supportForWard(db: DbLike, wardId: number, day = vnToday()): SupportRow[] {
	return listAssignments(db, [wardId], day).sort(
		(a, b) => Number(b.active) - Number(a.active) || b.fromDate.localeCompare(a.fromDate)
	);
}

function wardByCode(db: DbLike, code: string) {
	return db
		.select({ id: wards.id, code: wards.code, name: wards.name })
		.from(wards)
		.where(eq(wards.code, code))
		.get();
}

/** A reviewer assigns a support officer to a ward. */
export function addAssignment(
	db: Db,
	actor: Actor,
	wardCode: string,
	input: AssignmentInput
): number {
	if (input.toDate && input.toDate < input.fromDate) throw new StaffingSupportError('bad-dates');
	const w = wardByCode(db, wardCode);
	if (!w) throw new StaffingSupportError('not-found');
	const values = {
		wardId: w.id,
		officerName: input.officerName,
		field: input.field,
		positionKey: input.positionKey ?? null,
		workingGroup: input.workingGroup,
		fromDate: input.fromDate,
		toDate: input.toDate ?? null,
		note: input.note ?? null,
		createdBy: actor.userId
	};
	const row = createRecord(
		db,
		staffingSupport,
		{ actor, wardId: w.id, entity: 'staffing_support' },
		values,
		{
			guard: (tx) => {
				const n =
					tx
						.select({ n: sql<number>`count(*)` })
						.from(staffingSupport)
						.where(eq(staffingSupport.wardId, w.id))
						.get()?.n ?? 0;
				if (n >= MAX_ASSIGNMENTS_PER_WARD) throw new StaffingSupportError('too-many');
			},
			auditAfter: () => values
		}
	);
	return row.id;
}

/**
 * Ends an assignment: its end date becomes yesterday (so it no longer counts today). An
 * assignment that has already ended (end date before today) is refused.
 */
export function endAssignment(db: Db, actor: Actor, id: number, day = vnToday()): void {
	db.transaction((tx) => {
		const a = tx.select().from(staffingSupport).where(eq(staffingSupport.id, id)).get();
		if (!a) throw new StaffingSupportError('not-found');
		if (a.toDate !== null && a.toDate < day) throw new StaffingSupportError('already-ended');
		// One that has not started yet ends before its start: it never counts.
		const end = a.fromDate > day ? dayBefore(a.fromDate) : dayBefore(day);
		tx.update(staffingSupport)
			.set({ toDate: end, endedAt: Date.now(), endedBy: actor.userId })
			.where(and(eq(staffingSupport.id, id)))
			.run();
		writeAudit(tx, {
			actor,
			wardId: a.wardId,
			entity: 'staffing_support',
			entityId: id,
			action: 'update',
			before: { toDate: a.toDate },
			after: { toDate: end, ended: true }
		});
	});
}

// ------------------------------------------------------------------ exports and API

const COLUMNS: MessageKey[] = [
	'staffing.col.ward',
	'staffing.col.field',
	'staffing.col.position',
	'staffing.col.unit',
	'staffing.col.approved',
	'staffing.col.filled',
	'staffing.col.vacant',
	'staffing.col.assignedField',
	'staffing.col.uncoveredField'
];

/** One row per vacant position, with its ward-and-field coverage (headers in the locale). */
export function boardRows(board: StaffingBoard, locale: Locale): ExportCell[][] {
	const cov = new Map(board.coverage.map((c) => [`${c.wardCode}\u0000${c.field ?? ''}`, c]));
	const rows: ExportCell[][] = board.vacancies.map((v) => {
		const c = cov.get(`${v.wardCode}\u0000${v.field ?? ''}`);
		return [
			v.wardName,
			staffingFieldLabel(locale, v.field),
			v.positionTitle,
			v.unit,
			v.approved,
			v.filled,
			v.vacant,
			c?.assigned ?? 0,
			c?.uncovered ?? 0
		];
	});
	return rows;
}

/** CSV or XLSX of the board: the vacancies sheet (one row per vacant position). */
export async function exportBoard(
	board: StaffingBoard,
	format: 'csv' | 'xlsx',
	locale: Locale
): Promise<Uint8Array> {
	const headers = COLUMNS.map((k) => translate(locale, k));
	const rows = boardRows(board, locale);
	rows.push([
		translate(locale, 'common.total'),
		...Array<null>(5).fill(null),
		board.totals.vacant,
		board.totals.assigned,
		board.totals.uncovered
	]);
	return format === 'csv'
		? writeCsv(headers, rows)
		: writeXlsx(translate(locale, 'staffing.sheet'), headers, rows);
}

/** The board as the JSON API returns it. */
export function boardForApi(board: StaffingBoard) {
	return {
		day: board.day,
		filter: board.filter,
		totals: board.totals,
		coverage: board.coverage,
		vacancies: board.vacancies,
		assignments: board.assignments.map(({ createdBy: _c, ...a }) => a)
	};
}
