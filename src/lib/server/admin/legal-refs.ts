/**
 * The legal-reference catalogue the tờ trình cites as căn cứ (issue 15). Versioned like the
 * norm sets: an edit never changes a row, it writes version n + 1 of the same key, makes it
 * current and the previous one not current, with an audit row, in one transaction. A
 * reference stops being cited by an in-force end date, not by deletion.
 */
import type { Actor } from '../audit';
import { versionedCatalogue } from './catalogue';
import { DomainError } from '../core/errors';
import type { Db, DbLike } from '../db';
import { legalReferences } from '../db/schema';
import { LEGAL_REF_SEEDS } from '../db/seed/reference-data';
import {
	LEGAL_REF_KINDS,
	type LegalRefKind,
	type LegalReference
} from '../../packet/dossier-types';
import type { LegalRefInput } from '../../schemas/dossier';

/** Most references the catalogue holds (current keys); a create beyond it is refused. */
export const MAX_LEGAL_REFS = 500;

type LegalRefCode = 'not-found' | 'not-current' | 'duplicate-key' | 'full';

export class LegalRefError extends DomainError<LegalRefCode> {
	constructor(code: LegalRefCode) {
		super(
			code,
			code === 'duplicate-key' ? 'key' : undefined,
			code === 'not-found' ? 'err.notFound' : `legalRef.err.${code}`
		);
	}
}

type Row = typeof legalReferences.$inferSelect;

/** The word a căn cứ line names the document by ("Nghị định", "Nghị quyết" …). */
const KIND_WORD: Record<LegalRefKind, string> = {
	law: '',
	'assembly-resolution': 'Nghị quyết',
	'standing-committee-resolution': 'Nghị quyết',
	decree: 'Nghị định',
	'pm-decision': 'Quyết định',
	circular: 'Thông tư',
	'city-resolution': 'Nghị quyết',
	'city-decision': 'Quyết định',
	other: ''
};

/**
 * A date as an official document writes it: "ngày 08 tháng 4 năm 2025" (a day under 10 and
 * the months 1 and 2 take a leading zero, Decree 30/2020/NĐ-CP).
 */
export function officialDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	const day = String(d).padStart(2, '0');
	const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
	return `ngày ${day} tháng ${month} năm ${y}`;
}

/**
 * How a căn cứ line cites a reference, without "Căn cứ" and the final ";":
 * "Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024";
 * "Nghị định số 85/2025/NĐ-CP ngày 08 tháng 4 năm 2025 của Chính phủ quy định chi tiết …".
 */
export function citation(r: {
	kind: string;
	number: string;
	issuedOn: string;
	issuer: string;
	title: string;
}): string {
	const word = KIND_WORD[r.kind as LegalRefKind] ?? '';
	if (word === '') return `${r.title} số ${r.number} ${officialDate(r.issuedOn)}`;
	return `${word} số ${r.number} ${officialDate(r.issuedOn)} của ${r.issuer} ${r.title}`;
}

function toRef(r: Row): LegalReference {
	const kind = (LEGAL_REF_KINDS as readonly string[]).includes(r.kind)
		? (r.kind as LegalRefKind)
		: 'other';
	return {
		id: r.id,
		key: r.key,
		version: r.version,
		kind,
		number: r.number,
		issuedOn: r.issuedOn,
		issuer: r.issuer,
		title: r.title,
		citation: citation({ ...r, kind }),
		inForceFrom: r.inForceFrom,
		inForceTo: r.inForceTo,
		verify: r.verify,
		verifyNote: r.verifyNote,
		sortOrder: r.sortOrder
	};
}

/** Citing order: by kind (law first), then sortOrder, then date of issue, then number. */
export function citingOrder(a: LegalReference, b: LegalReference): number {
	return (
		LEGAL_REF_KINDS.indexOf(a.kind) - LEGAL_REF_KINDS.indexOf(b.kind) ||
		a.sortOrder - b.sortOrder ||
		a.issuedOn.localeCompare(b.issuedOn) ||
		a.number.localeCompare(b.number)
	);
}

const catalogue = versionedCatalogue({
	table: legalReferences,
	entity: 'legal-reference',
	max: MAX_LEGAL_REFS,
	refuse: (code) => new LegalRefError(code)
});

const withHistory = (r: Row) => ({ ...toRef(r), isCurrent: r.isCurrent, createdAt: r.createdAt });

/** The current version of every reference, in citing order. */
export function listLegalReferences(db: DbLike): LegalReference[] {
	return catalogue.currentRows(db).map(toRef).sort(citingOrder);
}

export function getLegalReference(
	db: DbLike,
	id: number
): (LegalReference & { isCurrent: boolean; createdAt: number }) | undefined {
	const r = catalogue.get(db, id);
	return r ? withHistory(r) : undefined;
}

/** Every version of a key, newest first. */
export function legalReferenceHistory(
	db: DbLike,
	key: string
): (LegalReference & { isCurrent: boolean; createdAt: number })[] {
	return catalogue.history(db, key).map(withHistory);
}

/** A version's page: the reference's version `id` and all its versions (LegalRefError 'not-found'). */
export function legalReferencePage(db: DbLike, id: number) {
	const { row, history } = catalogue.versionPage(db, id);
	return { ref: withHistory(row), history: history.map(withHistory) };
}

/**
 * The căn cứ list on a date (ISO yyyy-mm-dd): current versions in force on that day
 * (inForceFrom ≤ date ≤ inForceTo, an open end always in force), in citing order.
 */
export function legalBasesInForce(db: DbLike, onDate: string): LegalReference[] {
	return listLegalReferences(db).filter(
		(r) => r.inForceFrom <= onDate && (r.inForceTo === null || r.inForceTo >= onDate)
	);
}

function values(input: LegalRefInput) {
	return {
		kind: input.kind,
		number: input.number,
		issuedOn: input.issuedOn as string,
		issuer: input.issuer,
		title: input.title,
		inForceFrom: input.inForceFrom as string,
		inForceTo: (input.inForceTo as string | null) ?? null,
		verify: input.verify,
		verifyNote: input.verifyNote ?? '',
		sortOrder: input.sortOrder
	};
}

/** Adds a reference (version 1 of a new key), audited. */
export function createLegalReference(
	db: Db,
	actor: Actor,
	key: string,
	input: LegalRefInput
): LegalReference {
	const row = catalogue.create(
		db,
		actor,
		key,
		{ ...values(input), createdBy: actor.userId },
		{ after: () => ({ key, version: 1, ...values(input) }) }
	);
	return toRef(row);
}

/**
 * Edits the reference of version `baseId` (which must be current): writes the next version,
 * keeps the base as history, audits before/after. One transaction. With `expected` (the
 * version the form was loaded with), a reference changed meanwhile is refused with a
 * ConflictError carrying the current version; an old base is then edited as the current one.
 */
export function editLegalReference(
	db: Db,
	actor: Actor,
	baseId: number,
	input: LegalRefInput,
	expected?: number | null
): LegalReference {
	const row = catalogue.edit(db, actor, baseId, {
		expected,
		values: () => ({ ...values(input), createdBy: actor.userId }),
		audit: (base, row) => {
			const { id: _id, createdAt: _c, createdBy: _b, isCurrent: _i, ...before } = base;
			return {
				before: { id: base.id, ...before },
				after: { id: row.id, key: base.key, version: row.version, ...values(input) }
			};
		}
	});
	return toRef(row);
}

/** Seeds the sample catalogue into an empty table (idempotent). */
export function seedLegalReferences(tx: DbLike): void {
	catalogue.seed(tx, LEGAL_REF_SEEDS);
}
