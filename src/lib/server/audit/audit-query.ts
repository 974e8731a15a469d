/**
 * Reading the audit trail: filters (user, entity, action, date range), pagination, a readable
 * diff of the values before and after, and the CSV export with the same filters.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditAction } from './';
import type { Db } from '../db';
import { auditLog, wards } from '../db/schema';
import { cached } from '../core/cache';
import { pagedQuery, type Paged } from '../core/paged';
import { submittedSql } from '../core/visibility';

export const AUDIT_ACTIONS: readonly AuditAction[] = [
	'create',
	'update',
	'delete',
	'import',
	'apply',
	'submit',
	'decide',
	'login'
];
export const AUDIT_PAGE_SIZE = 50;
/** The CSV export stops here; the page says so when there are more rows. */
export const AUDIT_EXPORT_MAX = 100_000;

export interface AuditFilters {
	user?: string;
	entity?: string;
	action?: AuditAction;
	/** yyyy-mm-dd, inclusive, in Vietnam time (UTC+7). */
	from?: string;
	/** yyyy-mm-dd, inclusive, in Vietnam time (UTC+7). */
	to?: string;
	page?: number;
}

/**
 * Whose rows: one ward's (as the city sees it with `cityView`: no row of a proposal never
 * submitted, see visibility.ts), or the proposals of every ward (the city's review trail,
 * submitted proposals only).
 */
export type AuditScope =
	{ wardId: number; cityView?: boolean } | { proposals: true; wardCode?: string };

/** Rows about a proposal the city may not see (a draft, never submitted) are left out. */
const NO_DRAFTS = sql`not (${auditLog.entity} = 'proposal' and not ${submittedSql(sql.raw('cast("audit_log"."entity_id" as integer)'))})`;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a Vietnamese calendar day in epoch milliseconds, or null when invalid. */
export function vnDayStart(day: string): number | null {
	if (!isoDay.test(day)) return null;
	const ms = Date.parse(`${day}T00:00:00+07:00`);
	return Number.isNaN(ms) ? null : ms;
}

/** Reads the filters from a query string (unknown values are dropped, not trusted). */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
	const str = (k: string) => params.get(k)?.trim().slice(0, 100) || undefined;
	const action = params.get('action');
	const day = (k: string) => {
		const v = params.get(k)?.trim();
		return v && vnDayStart(v) !== null ? v : undefined;
	};
	return {
		user: str('user'),
		entity: str('entity'),
		action: AUDIT_ACTIONS.find((a) => a === action),
		from: day('from'),
		to: day('to'),
		page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
	};
}

/** The filters as a query string (without the page), for links and the export. */
export function auditFilterQuery(f: AuditFilters): string {
	const p = new URLSearchParams();
	for (const k of ['user', 'entity', 'action', 'from', 'to'] as const) {
		const v = f[k];
		if (v) p.set(k, v);
	}
	const s = p.toString();
	return s ? `?${s}` : '';
}

function whereOf(scope: AuditScope, f: AuditFilters): SQL | undefined {
	const conds: (SQL | undefined)[] = [];
	if ('wardId' in scope) {
		conds.push(eq(auditLog.wardId, scope.wardId));
		if (scope.cityView) conds.push(NO_DRAFTS);
	} else {
		// Entities "proposal…" as a range, which the (entity, entity_id) index answers (a LIKE,
		// case-insensitive, cannot use it and reads the whole trail).
		conds.push(gte(auditLog.entity, 'proposal'), lt(auditLog.entity, 'proposam'), NO_DRAFTS);
		if (scope.wardCode) conds.push(eq(wards.code, scope.wardCode));
	}
	if (f.user) conds.push(eq(auditLog.username, f.user));
	if (f.entity) conds.push(eq(auditLog.entity, f.entity));
	if (f.action) conds.push(eq(auditLog.action, f.action));
	const from = f.from ? vnDayStart(f.from) : null;
	const to = f.to ? vnDayStart(f.to) : null;
	if (from !== null) conds.push(gte(auditLog.at, from));
	if (to !== null) conds.push(lt(auditLog.at, to + DAY_MS));
	return and(...conds);
}

export interface AuditRow {
	id: number;
	at: number;
	username: string | null;
	wardId: number | null;
	wardCode: string | null;
	wardName: string | null;
	entity: string;
	entityId: string | null;
	action: AuditAction;
	beforeJson: string | null;
	afterJson: string | null;
}

const columns = {
	id: auditLog.id,
	at: auditLog.at,
	username: auditLog.username,
	wardId: auditLog.wardId,
	wardCode: wards.code,
	wardName: wards.name,
	entity: auditLog.entity,
	entityId: auditLog.entityId,
	action: auditLog.action,
	beforeJson: auditLog.beforeJson,
	afterJson: auditLog.afterJson
};

/** One page of audit rows, newest first. */
export function queryAudit(
	db: Db,
	scope: AuditScope,
	f: AuditFilters,
	pageSize = AUDIT_PAGE_SIZE
): Paged<AuditRow> {
	const query = db
		.select(columns)
		.from(auditLog)
		.leftJoin(wards, eq(wards.id, auditLog.wardId))
		.where(whereOf(scope, f))
		.$dynamic();
	return pagedQuery(db, query, [desc(auditLog.at), desc(auditLog.id)], {
		page: f.page,
		pageSize,
		maxPageSize: AUDIT_PAGE_SIZE
	});
}

/** The users and entities that occur in a scope, for the filter drop-downs. */
export function auditFilterOptions(
	db: Db,
	scope: AuditScope
): { users: string[]; entities: string[] } {
	const where = whereOf(scope, {});
	const distinct = (column: typeof auditLog.username | typeof auditLog.entity) =>
		db
			.selectDistinct({ v: column })
			.from(auditLog)
			.leftJoin(wards, eq(wards.id, auditLog.wardId))
			.where(where)
			.orderBy(asc(column))
			.all()
			.map((r) => r.v)
			.filter((v): v is string => !!v);
	const users = distinct(auditLog.username);
	const entities = distinct(auditLog.entity);
	return { users, entities };
}

export interface DiffLine {
	field: string;
	before: string | null;
	after: string | null;
}

function parse(json: string | null): unknown {
	if (json === null) return undefined;
	try {
		return JSON.parse(json);
	} catch {
		return json;
	}
}

/** Flattens nested objects to dotted keys; arrays and scalars are leaves. */
function flatten(value: unknown, prefix = '', out: Map<string, string> = new Map()) {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const entries = Object.entries(value as Record<string, unknown>);
		if (entries.length === 0 && prefix) out.set(prefix, '{}');
		for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
	} else if (value !== undefined) {
		out.set(
			prefix || 'value',
			typeof value === 'string' ? value : value === null ? 'null' : JSON.stringify(value)
		);
	}
	return out;
}

/** Timestamps change on every write and tell nothing; they are left out of the diff. */
const NOISE = new Set(['updatedAt', 'createdAt']);

/**
 * The fields that differ between the values before and after, one line each (a created
 * record lists its values as "after", a deleted one as "before").
 */
export function auditDiff(beforeJson: string | null, afterJson: string | null): DiffLine[] {
	const before = flatten(parse(beforeJson));
	const after = flatten(parse(afterJson));
	const keys = [...new Set([...before.keys(), ...after.keys()])];
	const lines: DiffLine[] = [];
	for (const field of keys) {
		if (NOISE.has(field.split('.').pop()!)) continue;
		const b = before.get(field) ?? null;
		const a = after.get(field) ?? null;
		if (b !== a) lines.push({ field, before: b, after: a });
	}
	return lines;
}

/** Protects a spreadsheet from formulas smuggled into a cell (CSV injection). */
function csvCell(value: string | number | null): string {
	let s = value === null ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEAD = [
	'id',
	'at_iso',
	'at_vn',
	'username',
	'ward',
	'entity',
	'entity_id',
	'action',
	'changes',
	'before_json',
	'after_json'
];

const vnTime = new Intl.DateTimeFormat('vi-VN', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	timeZone: 'Asia/Ho_Chi_Minh'
});

/**
 * The rows matching the filters as CSV (UTF-8 with BOM so Excel shows Vietnamese), newest
 * first, at most AUDIT_EXPORT_MAX rows.
 */
export function auditCsv(db: Db, scope: AuditScope, f: AuditFilters): string {
	const rows = db
		.select(columns)
		.from(auditLog)
		.leftJoin(wards, eq(wards.id, auditLog.wardId))
		.where(whereOf(scope, f))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(AUDIT_EXPORT_MAX)
		.all();
	const lines = [CSV_HEAD.join(',')];
	for (const r of rows) {
		const changes = auditDiff(r.beforeJson, r.afterJson)
			.map((d) => `${d.field}: ${d.before ?? '∅'} → ${d.after ?? '∅'}`)
			.join('; ');
		lines.push(
			[
				r.id,
				new Date(r.at).toISOString(),
				vnTime.format(new Date(r.at)),
				r.username,
				r.wardCode,
				r.entity,
				r.entityId,
				r.action,
				changes,
				r.beforeJson,
				r.afterJson
			]
				.map(csvCell)
				.join(',')
		);
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A page's rows with their readable diff instead of the raw JSON. */
export function withDiffs(rows: AuditRow[]) {
	return rows.map(({ beforeJson, afterJson, ...r }) => ({
		...r,
		diff: auditDiff(beforeJson, afterJson)
	}));
}

/**
 * What an audit page shows for a scope and a query string: the filters, one page of rows with
 * their diffs (optionally only the first `fields` changed fields, values cut at `chars`
 * characters, `more` = the fields left out) and the drop-down options. Reused while the
 * database is unchanged (see core/cache.ts): the trail only changes with a write.
 */
export function auditPage(
	db: Db,
	scope: AuditScope,
	params: URLSearchParams,
	options: { pageSize?: number; fields?: number; chars?: number } = {}
) {
	const { pageSize = AUDIT_PAGE_SIZE, fields, chars } = options;
	const filters = parseAuditFilters(params);
	const query = auditFilterQuery(filters);
	const cut = (v: string | null) =>
		chars !== undefined && v !== null && v.length > chars ? `${v.slice(0, chars)}…` : v;
	const scopeKey = JSON.stringify(scope);
	const list = cached(
		db,
		`audit-page:${scopeKey}:${query}:${filters.page}:${pageSize}:${fields}:${chars}`,
		() => {
			const page = queryAudit(db, scope, filters, pageSize);
			const rows = withDiffs(page.rows).map((r) =>
				fields === undefined
					? r
					: {
							...r,
							diff: r.diff
								.slice(0, fields)
								.map((d) => ({ field: d.field, before: cut(d.before), after: cut(d.after) })),
							more: Math.max(0, r.diff.length - fields)
						}
			);
			return { ...page, rows };
		}
	);
	// The users and entities of the drop-downs scan the scope's whole trail.
	const choices = cached(db, `audit-options:${scopeKey}`, () => auditFilterOptions(db, scope));
	return { filters, query, list, options: { ...choices, actions: AUDIT_ACTIONS } };
}
