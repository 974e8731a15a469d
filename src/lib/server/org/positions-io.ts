/**
 * Import and export of the ward's positions (format in org/index.ts).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { UNIT_KINDS, type UnitKind } from '../../constants';
import type { MessageKey } from '../../i18n';
import type { Actor } from '../audit';
import { writeAudit } from '../audit';
import type { Db, DbLike } from '../db';
import { createRecord, updateRecord } from '../core/records';
import { orgUnits, positions } from '../db/schema';
import {
	readRow,
	resolveTable,
	type ColumnSpec,
	type ExportCell,
	type IoParams,
	type RowsInput
} from '../io/common';
import { auditImport, tableFormat } from '../io/import-kit';
import { positionTitleKeys } from '../needs/norm-sets';
import { code, integer, optionalText, text } from '../../schemas/fields';
import { MAX_POSTS } from '../../schemas/needs';
import { RANK_KEYS, RANK_LABELS, type RankKey } from '../../norms';
import { MAX_CONCURRENT_TITLES, listOrganisation, nextSortOrder, type Position } from './units';

export const POSITION_COLUMNS = [
	'unit_code',
	'unit_name',
	'unit_kind',
	'public_facing',
	'title',
	'title_key',
	'field',
	'approved',
	'filled',
	'planned_next_year',
	'rank',
	'concurrent_title_keys'
] as const;
export type PositionColumn = (typeof POSITION_COLUMNS)[number];

const TRUE_WORDS = ['1', 'true', 'yes', 'x', 'có', 'co'];
const FALSE_WORDS = ['0', 'false', 'no', 'không', 'khong'];
const booleanCell = z
	.string()
	.transform((s) => s.trim().toLowerCase())
	.pipe(z.enum([...TRUE_WORDS, ...FALSE_WORDS] as [string, ...string[]]))
	.transform((s) => TRUE_WORDS.includes(s));

/** A rank cell: a key (principal-specialist) or its Vietnamese name (Chuyên viên chính). */
const rankCell = z
	.string()
	.transform((s) => {
		const v = s.trim().toLowerCase();
		const byLabel = RANK_KEYS.find((k) => RANK_LABELS[k].vi.toLowerCase() === v);
		return byLabel ?? v;
	})
	.pipe(z.enum(RANK_KEYS));

/** A list of title keys separated by commas or semicolons. */
const keyListCell = z
	.string()
	.max(400)
	.transform((s) => [
		...new Set(
			s
				.split(/[,;]/)
				.map((k) => k.trim())
				.filter((k) => k !== '')
		)
	])
	.pipe(z.array(z.string().max(60)).max(MAX_CONCURRENT_TITLES));

const POSITION_SPECS: Record<PositionColumn, ColumnSpec> = {
	unit_code: { kind: 'text', required: true, labelVi: 'Mã đơn vị', schema: code() },
	unit_name: { kind: 'text', required: false, labelVi: 'Tên đơn vị', schema: text(200) },
	unit_kind: { kind: 'text', required: false, labelVi: 'Loại đơn vị', schema: z.enum(UNIT_KINDS) },
	public_facing: {
		kind: 'text',
		required: false,
		labelVi: 'Tiếp dân trực tiếp',
		schema: booleanCell
	},
	title: { kind: 'text', required: true, labelVi: 'Chức danh', schema: text(200) },
	title_key: { kind: 'text', required: true, labelVi: 'Nhóm định mức', schema: text(60) },
	field: { kind: 'text', required: false, labelVi: 'Lĩnh vực', schema: optionalText(60) },
	approved: { kind: 'number', required: true, labelVi: 'Được giao', schema: integer(0, MAX_POSTS) },
	filled: {
		kind: 'number',
		required: false,
		labelVi: 'Hiện có',
		blank: 0,
		schema: integer(0, MAX_POSTS)
	},
	planned_next_year: {
		kind: 'number',
		required: false,
		labelVi: 'Kế hoạch năm sau',
		blank: 0,
		schema: integer(0, MAX_POSTS)
	},
	rank: { kind: 'text', required: false, labelVi: 'Ngạch', schema: rankCell },
	concurrent_title_keys: {
		kind: 'text',
		required: false,
		labelVi: 'Kiêm nhiệm',
		blank: [],
		schema: keyListCell
	}
};

/** One problem of an imported positions file (header = row 1). */
export interface PositionImportIssue {
	row: number;
	column: string;
	key: MessageKey;
	params?: IoParams;
}

/** A validated position row, ready for importPositions. */
export interface ValidPositionRow {
	row: number;
	unitCode: string;
	/** null/undefined: keep the stored value (blank cell / absent column). */
	unitName: string | null | undefined;
	unitKind: UnitKind | null | undefined;
	publicFacing: boolean | null | undefined;
	title: string;
	titleKey: string;
	field: string | null;
	approved: number;
	filled: number;
	plannedNextYear: number;
	rank: RankKey | null;
	concurrentTitleKeys: string[];
}

export interface PositionValidation {
	rows: ValidPositionRow[];
	errors: PositionImportIssue[];
}

const rowKey = (...parts: (string | null)[]) => parts.map((p) => p ?? '').join('\u0000');

/** Validates parsed rows against the format, the ward's units and the norm set's title keys. */
export function validatePositionRows(
	db: DbLike,
	wardId: number,
	input: RowsInput
): PositionValidation {
	const table = resolveTable(input, POSITION_COLUMNS, POSITION_SPECS);
	if (table.error) return { rows: [], errors: [table.error] };
	const existing = new Set(
		db
			.select({ code: orgUnits.code })
			.from(orgUnits)
			.where(eq(orgUnits.wardId, wardId))
			.all()
			.map((u) => u.code)
	);
	const titleKeys = new Set(positionTitleKeys(db).map((k) => k.titleKey));
	const valid: ValidPositionRow[] = [];
	const errors: PositionImportIssue[] = [];
	const firstRowOf = new Map<string, number>();
	/** The first row giving each unit's name, kind and public_facing (for consistency). */
	const unitInfo = new Map<string, { row: number; name?: string; kind?: string; pf?: boolean }>();
	const values = {} as Record<PositionColumn, unknown>;

	for (let i = 0; i < table.rows.length; i++) {
		const errorCount = errors.length;
		const { rowNo, bad } = readRow(table, i, POSITION_COLUMNS, POSITION_SPECS, values, errors);
		const unitCode = values.unit_code as string;
		const unitName = values.unit_name as string | null | undefined;
		const unitKind = values.unit_kind as UnitKind | null | undefined;
		const publicFacing = values.public_facing as boolean | null | undefined;
		if (!bad.has('title_key') && !titleKeys.has(values.title_key as string)) {
			errors.push({
				row: rowNo,
				column: 'title_key',
				key: 'needs.io.unknownTitleKey',
				params: { value: values.title_key as string, keys: [...titleKeys].join(', ') }
			});
		}
		if (!bad.has('concurrent_title_keys')) {
			const unknown = ((values.concurrent_title_keys as string[] | undefined) ?? []).filter(
				(k) => !titleKeys.has(k)
			);
			if (unknown.length > 0) {
				errors.push({
					row: rowNo,
					column: 'concurrent_title_keys',
					key: 'needs.io.unknownTitleKey',
					params: { value: unknown.join(', '), keys: [...titleKeys].join(', ') }
				});
			}
		}
		if (!bad.has('unit_code')) {
			if (!existing.has(unitCode)) {
				if (!bad.has('unit_name') && !unitName) {
					errors.push({
						row: rowNo,
						column: 'unit_name',
						key: 'needs.io.newUnitName',
						params: { value: unitCode }
					});
				}
				if (!bad.has('unit_kind') && !unitKind) {
					errors.push({
						row: rowNo,
						column: 'unit_kind',
						key: 'needs.io.newUnitKind',
						params: { value: unitCode }
					});
				}
			}
			const info = unitInfo.get(unitCode) ?? { row: rowNo };
			const checks: [PositionColumn, 'name' | 'kind' | 'pf', unknown][] = [
				['unit_name', 'name', unitName],
				['unit_kind', 'kind', unitKind],
				['public_facing', 'pf', publicFacing]
			];
			for (const [column, k, v] of checks) {
				if (bad.has(column) || v === null || v === undefined) continue;
				const seen = info[k];
				if (seen === undefined) (info as Record<string, unknown>)[k] = v;
				else if (seen !== v) {
					errors.push({
						row: rowNo,
						column,
						key: 'needs.io.unitConflict',
						params: { other: info.row }
					});
				}
			}
			unitInfo.set(unitCode, info);
			if (!bad.has('title') && !bad.has('field')) {
				const k = rowKey(unitCode, values.title as string, values.field as string | null);
				const other = firstRowOf.get(k);
				if (other === undefined) firstRowOf.set(k, rowNo);
				else {
					errors.push({ row: rowNo, column: 'title', key: 'io.duplicateRow', params: { other } });
				}
			}
		}
		if (errors.length > errorCount) continue;
		valid.push({
			row: rowNo,
			unitCode,
			unitName,
			unitKind,
			publicFacing,
			title: values.title as string,
			titleKey: values.title_key as string,
			field: (values.field as string | null | undefined) ?? null,
			approved: values.approved as number,
			filled: values.filled as number,
			plannedNextYear: values.planned_next_year as number,
			rank: (values.rank as RankKey | null | undefined) ?? null,
			concurrentTitleKeys: (values.concurrent_title_keys as string[] | null | undefined) ?? []
		});
	}
	return { rows: valid, errors };
}

export interface PositionImportResult {
	units: number;
	unitsCreated: number;
	positions: number;
	removed: number;
}

/**
 * Writes validated rows in ONE transaction: units created or updated, the positions of every
 * unit in the file replaced, an audit row per unit change and per unit's positions, and one
 * summary row. Rows must come from validatePositionRows for the same ward.
 */
export function importPositions(
	db: Db,
	actor: Actor,
	wardId: number,
	rows: ValidPositionRow[]
): PositionImportResult {
	return db.transaction((tx) => {
		const now = Date.now();
		const groups = new Map<string, ValidPositionRow[]>();
		for (const r of rows) {
			const g = groups.get(r.unitCode);
			if (g) g.push(r);
			else groups.set(r.unitCode, [r]);
		}
		let unitsCreated = 0;
		let inserted = 0;
		let removed = 0;
		let sortOrder = nextSortOrder(tx, wardId);
		const ctx = { actor, wardId, entity: 'org-unit' };
		for (const [unitCode, group] of groups) {
			const pick = <T>(f: (r: ValidPositionRow) => T | null | undefined): T | undefined => {
				for (const r of group) {
					const v = f(r);
					if (v !== null && v !== undefined) return v;
				}
				return undefined;
			};
			const name = pick((r) => r.unitName);
			const kind = pick((r) => r.unitKind);
			const publicFacing = pick((r) => r.publicFacing);
			let unit = tx
				.select()
				.from(orgUnits)
				.where(and(eq(orgUnits.wardId, wardId), eq(orgUnits.code, unitCode)))
				.get();
			if (!unit) {
				if (!name || !kind) {
					throw new Error(`Row ${group[0].row}: new unit ${unitCode} needs a name and kind`);
				}
				unit = createRecord(tx, orgUnits, ctx, {
					wardId,
					code: unitCode,
					name,
					kind,
					publicFacing: publicFacing ?? false,
					sortOrder: sortOrder++
				});
				unitsCreated++;
			} else if (
				(name !== undefined && name !== unit.name) ||
				(kind !== undefined && kind !== unit.kind) ||
				(publicFacing !== undefined && publicFacing !== unit.publicFacing)
			) {
				unit = updateRecord(tx, orgUnits, ctx, unit.id, {
					name: name ?? unit.name,
					kind: kind ?? unit.kind,
					publicFacing: publicFacing ?? unit.publicFacing,
					updatedAt: now
				});
			}
			const before = tx.select().from(positions).where(eq(positions.orgUnitId, unit.id)).all();
			tx.delete(positions).where(eq(positions.orgUnitId, unit.id)).run();
			removed += before.length;
			const after: Position[] = [];
			for (const r of group) {
				after.push(
					tx
						.insert(positions)
						.values({
							orgUnitId: unit.id,
							title: r.title,
							titleKey: r.titleKey,
							field: r.field,
							approved: r.approved,
							filled: r.filled,
							plannedNextYear: r.plannedNextYear,
							rank: r.rank,
							concurrentTitleKeys: r.concurrentTitleKeys,
							createdAt: now,
							updatedAt: now
						})
						.returning()
						.get()
				);
			}
			inserted += after.length;
			writeAudit(tx, {
				actor,
				wardId,
				entity: 'org-unit-positions',
				entityId: unit.id,
				action: 'import',
				before,
				after,
				at: now
			});
		}
		const result = { units: groups.size, unitsCreated, positions: inserted, removed };
		auditImport(tx, actor, wardId, 'positions', rows.length, result, now);
		return result;
	});
}

/** The ward's positions in the import format, by unit order then entry order. */
export function positionExportRows(db: DbLike, wardId: number): ExportCell[][] {
	return listOrganisation(db, wardId).flatMap((u) =>
		u.positions.map((p) => [
			u.code,
			u.name,
			u.kind,
			u.publicFacing ? 1 : 0,
			p.title,
			p.titleKey,
			p.field,
			p.approved,
			p.filled,
			p.plannedNextYear,
			p.rank,
			(p.concurrentTitleKeys ?? []).join(', ')
		])
	);
}

const positionFile = tableFormat({
	sheet: 'positions',
	columns: POSITION_COLUMNS,
	validate: validatePositionRows,
	write: importPositions,
	exportRows: positionExportRows
});

/** Exports the ward's positions (CSV: UTF-8 with BOM; XLSX: one sheet 'positions'). */
export const exportPositions = positionFile.exportFile;

export type PositionFileOutcome =
	({ ok: true } & PositionImportResult) | { ok: false; errors: PositionImportIssue[] };

/**
 * Parses, validates and (only when every row is valid) imports an uploaded positions file.
 * File-level problems throw IoError; row problems come back as errors and nothing is written.
 */
export const importPositionFile: (
	...args: Parameters<typeof positionFile.importFile>
) => Promise<PositionFileOutcome> = positionFile.importFile;
