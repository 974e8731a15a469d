/**
 * One validation schema per form of the needs area: organisational units, positions, the
 * ward's specialised rooms and the edit of a norm set (which creates a new version).
 */
import { z } from 'zod';
import { UNIT_KINDS } from '../constants';
import { SPECIALISED_ROOM_TYPES } from '../norms';
import { checkbox, code, integer, isoDate, number, optionalText, text } from './fields';

export { UNIT_KINDS };

/** The keys of the specialised room types (diện tích chuyên dùng). */
export const SPECIALISED_ROOM_KEYS = SPECIALISED_ROOM_TYPES.map((r) => r.key) as [
	string,
	...string[]
];

/** Fields of expertise suggested in the position form (any other text is accepted). */
export const KNOWN_FIELDS = [
	'land',
	'construction',
	'finance',
	'accounting',
	'foreign-affairs',
	'it',
	'legal',
	'general',
	'environment',
	'economy',
	'culture',
	'social',
	'education-health'
] as const;

/** Largest count of posts on one position row. */
export const MAX_POSTS = 10_000;

export const unitSchema = z.object({
	code: code(),
	name: text(200),
	kind: z.enum(UNIT_KINDS),
	publicFacing: checkbox()
});
export type UnitInput = z.infer<typeof unitSchema>;

/**
 * A position row (biên chế): approved, filled and planned posts are integers ≥ 0; filled may
 * exceed approved (a surplus is reported, not refused). The title key is checked against the
 * current norm set by the server.
 */
export const positionSchema = z.object({
	orgUnitId: integer(1, Number.MAX_SAFE_INTEGER),
	title: text(200),
	titleKey: text(60),
	field: optionalText(60),
	approved: integer(0, MAX_POSTS),
	filled: integer(0, MAX_POSTS),
	plannedNextYear: integer(0, MAX_POSTS)
});
export type PositionInput = z.infer<typeof positionSchema>;

export const specialisedRoomSchema = z.object({
	key: z.enum(SPECIALISED_ROOM_KEYS),
	areaM2: number(0.5, 100_000),
	count: integer(0, 1000),
	basis: optionalText(500)
});
export type SpecialisedRoomInput = z.infer<typeof specialisedRoomSchema>;

/** The form fields of one norm item, named by the item's id (e.g. `m2_12`). */
export const normItemField = {
	m2: (id: number) => `m2_${id}`,
	labelVi: (id: number) => `labelVi_${id}`,
	labelEn: (id: number) => `labelEn_${id}`,
	basis: (id: number) => `basis_${id}`,
	verify: (id: number) => `verify_${id}`
} as const;

export interface NormItemEdit {
	itemId: number;
	m2PerPerson: number;
	labelVi: string;
	labelEn: string;
	legalBasis: string | null;
	verify: boolean;
}

export interface NormSetEdit {
	name: string;
	legalBasis: string;
	effectiveFrom: string;
	commonAreaRatio: number;
	commonAreaRatioVerify: boolean;
	/** Why the norm set changed (kept in the audit trail). */
	reason: string | null;
	items: NormItemEdit[];
}

/** The schema of the norm-set edit form for a version whose items have `itemIds`. */
export function normSetEditSchema(itemIds: readonly number[]) {
	const shape: Record<string, z.ZodType> = {
		name: text(200),
		legalBasis: text(1000),
		effectiveFrom: isoDate(),
		commonAreaRatio: number(0, 5),
		commonAreaRatioVerify: checkbox(),
		reason: optionalText(1000)
	};
	for (const id of itemIds) {
		shape[normItemField.m2(id)] = number(0, 1000);
		shape[normItemField.labelVi(id)] = text(300);
		shape[normItemField.labelEn(id)] = text(300);
		shape[normItemField.basis(id)] = optionalText(1000);
		shape[normItemField.verify(id)] = checkbox();
	}
	return z.object(shape).transform((v): NormSetEdit => ({
		name: v.name as string,
		legalBasis: v.legalBasis as string,
		effectiveFrom: v.effectiveFrom as string,
		commonAreaRatio: v.commonAreaRatio as number,
		commonAreaRatioVerify: v.commonAreaRatioVerify as boolean,
		reason: v.reason as string | null,
		items: itemIds.map((id) => ({
			itemId: id,
			m2PerPerson: v[normItemField.m2(id)] as number,
			labelVi: v[normItemField.labelVi(id)] as string,
			labelEn: v[normItemField.labelEn(id)] as string,
			legalBasis: v[normItemField.basis(id)] as string | null,
			verify: v[normItemField.verify(id)] as boolean
		}))
	}));
}
