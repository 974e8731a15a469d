import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { UNIT_KINDS } from '../../../constants';
import { createdAt, primaryId, rowVersion, tracked, updatedAt, ownedBy } from './columns';
import { wards, wardRef } from './auth';

export const orgUnits = sqliteTable(
	'org_units',
	{
		id: primaryId(),
		wardId: wardRef(),
		code: text('code').notNull(),
		name: text('name').notNull(),
		kind: text('kind', { enum: UNIT_KINDS }).notNull(),
		publicFacing: integer('public_facing', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		...tracked()
	},
	(t) => [uniqueIndex('org_units_ward_code_uq').on(t.wardId, t.code)]
);

export const positions = sqliteTable(
	'positions',
	{
		id: primaryId(),
		orgUnitId: ownedBy('org_unit_id', () => orgUnits.id),
		title: text('title').notNull(),
		titleKey: text('title_key').notNull(),
		/** Field of expertise: land, construction, finance, accounting, foreign-affairs, it, legal … */
		field: text('field'),
		approved: integer('approved').notNull().default(0),
		filled: integer('filled').notNull().default(0),
		plannedNextYear: integer('planned_next_year').notNull().default(0),
		/**
		 * Civil-service rank (ngạch) of the post holders, null = none (leaders, contract staff):
		 * chuyên viên, chuyên viên chính, chuyên viên cao cấp. See src/lib/norms/positions.ts.
		 */
		rank: text('rank', {
			enum: ['specialist', 'principal-specialist', 'senior-specialist']
		}),
		/** Title keys held concurrently (kiêm nhiệm), JSON array; the highest norm applies. */
		concurrentTitleKeys: text('concurrent_title_keys', { mode: 'json' })
			.$type<string[]>()
			.notNull()
			.default(sql`'[]'`),
		...tracked()
	},
	(t) => [index('positions_unit_idx').on(t.orgUnitId)]
);

/** A versioned norm set (e.g. Decree 155/2025/NĐ-CP). A change makes a new version. */
export const normSets = sqliteTable(
	'norm_sets',
	{
		id: primaryId(),
		key: text('key').notNull(),
		version: integer('version').notNull(),
		name: text('name').notNull(),
		legalBasis: text('legal_basis').notNull(),
		effectiveFrom: text('effective_from').notNull(),
		commonAreaRatio: real('common_area_ratio').notNull(),
		commonAreaRatioVerify: integer('common_area_ratio_verify', { mode: 'boolean' })
			.notNull()
			.default(true),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('norm_sets_key_version_uq').on(t.key, t.version)]
);

export const normItems = sqliteTable('norm_items', {
	id: primaryId(),
	normSetId: ownedBy('norm_set_id', () => normSets.id),
	titleKey: text('title_key').notNull(),
	labelVi: text('label_vi').notNull(),
	labelEn: text('label_en').notNull(),
	m2PerPerson: real('m2_per_person').notNull(),
	legalBasis: text('legal_basis'),
	verify: integer('verify', { mode: 'boolean' }).notNull().default(false)
});

/** Specialised rooms set per ward (one-stop counters, citizen reception, hall, archive, IT). */
export const specialisedRooms = sqliteTable('specialised_rooms', {
	id: primaryId(),
	wardId: wardRef(),
	key: text('key').notNull(),
	areaM2: real('area_m2').notNull(),
	count: integer('count').notNull(),
	basis: text('basis'),
	version: rowVersion()
});

/** Key-value settings (global when ward_id is null), each with its source. */
export const settings = sqliteTable(
	'settings',
	{
		id: primaryId(),
		wardId: integer('ward_id').references(() => wards.id),
		key: text('key').notNull(),
		valueJson: text('value_json').notNull(),
		source: text('source'),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('settings_ward_key_uq').on(t.wardId, t.key)]
);
