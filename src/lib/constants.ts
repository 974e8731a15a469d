/** Enumerations shared by the database schema, the forms and the pages. */

export const ROOM_TYPES = [
	'office',
	'meeting',
	'reception',
	'one-stop',
	'hall',
	'archive',
	'it',
	'store',
	'toilet',
	'corridor',
	'other'
] as const;
export type RoomType = (typeof ROOM_TYPES)[number];

/** Room types that never count as working space (used by reallocation). */
export const NON_WORK_ROOM_TYPES: readonly RoomType[] = ['toilet', 'corridor', 'store'];

export const FACILITY_KINDS = [
	'headquarters',
	'party-office',
	'committee-office',
	'cultural-house',
	'annex',
	'other'
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const LEGAL_STATUSES = [
	'certificate',
	'allocated',
	'leased',
	'pending',
	'disputed',
	'unknown'
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const DANGER_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

export const UNIT_KINDS = [
	'party',
	'council',
	'committee',
	'service-centre',
	'front',
	'mass-org',
	'other'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ['ward_editor', 'ward_viewer', 'city_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SITE_LEGAL_STATUSES = [
	'state-ready',
	'state-occupied',
	'to-acquire',
	'mixed',
	/** Land that cannot be had (screened out of the scoring). */
	'unavailable'
] as const;
export type SiteLegalStatus = (typeof SITE_LEGAL_STATUSES)[number];

/**
 * Upload limits in MB, for the pages' hints and their check of a chosen file (the server
 * enforces its own constants; upload-limits.spec.ts keeps both equal).
 */
export const UPLOAD_LIMITS_MB = { table: 20, photo: 10, boundary: 2 } as const;
