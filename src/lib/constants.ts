/** Enumerations shared by the database schema, the forms and the pages. */

/** The words of a space-separated list as a read-only tuple of their literal types. */
type Words<S extends string> = S extends `${infer W} ${infer Rest}` ? [W, ...Words<Rest>] : [S];
const words = <const S extends string>(list: S) => list.split(' ') as unknown as Readonly<Words<S>>;

export const ROOM_TYPES = words(
	'office meeting reception one-stop hall archive it store toilet corridor other'
);
export type RoomType = (typeof ROOM_TYPES)[number];

/** Room types that never count as working space (used by reallocation). */
export const NON_WORK_ROOM_TYPES: readonly RoomType[] = ['toilet', 'corridor', 'store'];

export const FACILITY_KINDS = words(
	'headquarters party-office committee-office cultural-house annex other'
);
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const LEGAL_STATUSES = words('certificate allocated leased pending disputed unknown');
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const DANGER_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

export const UNIT_KINDS = words('party council committee service-centre front mass-org other');
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ['ward_editor', 'ward_viewer', 'city_reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 'unavailable': land that cannot be had (screened out of the scoring). */
export const SITE_LEGAL_STATUSES = words('state-ready state-occupied to-acquire mixed unavailable');
export type SiteLegalStatus = (typeof SITE_LEGAL_STATUSES)[number];

/**
 * Upload limits in MB, for the pages' hints and their check of a chosen file (the server
 * enforces its own constants; upload-limits.spec.ts keeps both equal).
 */
export const UPLOAD_LIMITS_MB = { table: 20, photo: 10, boundary: 2 } as const;
