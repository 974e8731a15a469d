import {
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import {
	DANGER_LEVELS,
	FACILITY_KINDS,
	LEGAL_STATUSES,
	ROOM_TYPES,
	type RoomType
} from '../../../constants';
import { createdAt, primaryId, rowVersion, tracked, ownedBy } from './columns';
import { wardRef } from './auth';
import { orgUnits } from './org';
import { sites } from './sites';

/** An old facility (cơ sở cũ) inherited from a former ward, or the current headquarters. */
export const facilities = sqliteTable(
	'facilities',
	{
		id: primaryId(),
		wardId: wardRef(),
		code: text('code').notNull(),
		name: text('name').notNull(),
		kind: text('kind', { enum: FACILITY_KINDS }).notNull(),
		/** The former ward it came from (e.g. "Bình Trưng Đông"). */
		originWard: text('origin_ward'),
		address: text('address'),
		lat: real('lat').notNull(),
		lng: real('lng').notNull(),
		landAreaM2: real('land_area_m2'),
		legalStatus: text('legal_status', { enum: LEGAL_STATUSES }).notNull().default('unknown'),
		yearBuilt: integer('year_built'),
		notes: text('notes'),
		...tracked()
	},
	(t) => [uniqueIndex('facilities_ward_code_uq').on(t.wardId, t.code)]
);

export const buildings = sqliteTable(
	'buildings',
	{
		id: primaryId(),
		facilityId: ownedBy('facility_id', () => facilities.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		levelsAboveGround: integer('levels_above_ground').notNull().default(1),
		yearBuilt: integer('year_built'),
		structure: text('structure'),
		grossFloorAreaM2: real('gross_floor_area_m2'),
		notes: text('notes'),
		...tracked()
	},
	(t) => [uniqueIndex('buildings_facility_code_uq').on(t.facilityId, t.code)]
);

export { ROOM_TYPES, type RoomType };

export const rooms = sqliteTable(
	'rooms',
	{
		id: primaryId(),
		buildingId: ownedBy('building_id', () => buildings.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		/** 1 = ground floor (tầng 1), the Vietnamese convention. */
		level: integer('level').notNull(),
		type: text('type', { enum: ROOM_TYPES }).notNull(),
		/** Clear floor area (diện tích thông thủy). */
		areaM2: real('area_m2').notNull(),
		/** The organisational unit using the room. */
		orgUnitId: integer('org_unit_id').references((): AnySQLiteColumn => orgUnits.id, {
			onDelete: 'set null'
		}),
		occupants: integer('occupants').notNull().default(0),
		notes: text('notes'),
		...tracked()
	},
	(t) => [
		uniqueIndex('rooms_building_code_uq').on(t.buildingId, t.code),
		index('rooms_org_unit_idx').on(t.orgUnitId)
	]
);

/** A condition survey per TCVN 9381:2012 with component ratings 1-5. */
export const conditionSurveys = sqliteTable(
	'condition_surveys',
	{
		id: primaryId(),
		buildingId: ownedBy('building_id', () => buildings.id),
		surveyedOn: text('surveyed_on').notNull(),
		surveyor: text('surveyor').notNull(),
		/**
		 * The governing danger level: the level derived from the load-bearing ratings (the worst
		 * governs, src/lib/condition/grading.ts) or, when overridden, the override.
		 */
		dangerLevel: text('danger_level', { enum: DANGER_LEVELS }).notNull(),
		/** The level derived from the foundation and main-structure ratings; null if unrated. */
		derivedDangerLevel: text('derived_danger_level', { enum: DANGER_LEVELS }),
		/** Why `dangerLevel` differs from the derived level; null when it does not. */
		overrideReason: text('override_reason'),
		/** 'visual' (screening by ward staff) or 'assessed' (a qualified organisation's report). */
		assessmentKind: text('assessment_kind', { enum: ['visual', 'assessed'] }),
		assessorOrg: text('assessor_org'),
		assessorQualification: text('assessor_qualification'),
		reportNumber: text('report_number'),
		foundation: integer('foundation'),
		structure: integer('structure'),
		roof: integer('roof'),
		wallsFinishes: integer('walls_finishes'),
		electrical: integer('electrical'),
		waterSanitation: integer('water_sanitation'),
		fireSafety: integer('fire_safety'),
		accessibility: integer('accessibility'),
		notes: text('notes'),
		version: rowVersion(),
		createdAt: createdAt()
	},
	(t) => [index('surveys_building_idx').on(t.buildingId, t.surveyedOn)]
);

/** Uploaded photos; the files live under UPLOAD_DIR, the path is stored here. */
export const photos = sqliteTable('photos', {
	id: primaryId(),
	wardId: wardRef(),
	surveyId: integer('survey_id').references(() => conditionSurveys.id, { onDelete: 'cascade' }),
	siteId: integer('site_id').references((): AnySQLiteColumn => sites.id, { onDelete: 'cascade' }),
	path: text('path').notNull(),
	thumbPath: text('thumb_path').notNull(),
	contentType: text('content_type').notNull(),
	sizeBytes: integer('size_bytes').notNull(),
	width: integer('width'),
	height: integer('height'),
	originalName: text('original_name'),
	caption: text('caption'),
	createdAt: createdAt()
});
