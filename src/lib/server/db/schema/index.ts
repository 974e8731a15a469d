/**
 * The database schema. Areas in m² as REAL, money in VND as INTEGER, timestamps as integer
 * milliseconds, coordinates WGS84. Column names snake_case, TypeScript fields camelCase.
 */
import { sql } from 'drizzle-orm';
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
	ROLES,
	ROOM_TYPES,
	SITE_LEGAL_STATUSES,
	UNIT_KINDS,
	type RoomType
} from '../../constants';

const createdAt = () =>
	integer('created_at', { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
	integer('updated_at', { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
/**
 * Optimistic concurrency: the row's version, 1 when created, + 1 on every update (the update
 * checks it in its WHERE clause, src/lib/server/core/concurrency.ts; a trigger bumps it for updates
 * that do not). A form carries the version it was loaded with; a stale save is refused (409).
 */
const rowVersion = () => integer('version').notNull().default(1);

/** A commune-level unit (phường / xã). */
export const wards = sqliteTable('wards', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	/** Official administrative code (mã đơn vị hành chính), e.g. 27097. */
	adminCode: text('admin_code'),
	city: text('city').notNull().default('Thành phố Hồ Chí Minh'),
	centreLat: real('centre_lat').notNull(),
	centreLng: real('centre_lng').notNull(),
	/** Working extent as [south, west, north, east] when no boundary is imported. */
	extentJson: text('extent_json'),
	/** Boundary as a GeoJSON Polygon or MultiPolygon (imported by an admin). */
	boundaryGeojson: text('boundary_geojson'),
	/** Population centre used by the distance-to-citizens criterion. */
	populationCentreLat: real('population_centre_lat'),
	populationCentreLng: real('population_centre_lng'),
	populationCount: integer('population_count'),
	areaKm2: real('area_km2'),
	/** Illustrative data: every page showing it says "Dữ liệu mẫu". */
	isSample: integer('is_sample', { mode: 'boolean' }).notNull().default(false),
	version: rowVersion(),
	createdAt: createdAt()
});

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	wardId: integer('ward_id').references(() => wards.id),
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	locale: text('locale', { enum: ['vi', 'en'] }),
	passwordChangedAt: integer('password_changed_at', { mode: 'number' }),
	/** Bumped by the admin's edits (profile, role, ward, disabled), not by logins or passwords. */
	version: rowVersion(),
	createdAt: createdAt()
});

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the session token; the token itself is only in the cookie. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
		createdAt: createdAt(),
		userAgent: text('user_agent'),
		ip: text('ip')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed login attempts, kept in the database so the throttle survives a restart. */
export const loginAttempts = sqliteTable(
	'login_attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		username: text('username').notNull(),
		ip: text('ip').notNull(),
		at: integer('at', { mode: 'number' }).notNull()
	},
	(t) => [
		index('login_attempts_user_idx').on(t.username, t.at),
		index('login_attempts_ip_idx').on(t.ip, t.at)
	]
);

export const apiTokens = sqliteTable('api_tokens', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	/** null = city-wide read-only token. */
	wardId: integer('ward_id').references(() => wards.id),
	createdBy: integer('created_by').references(() => users.id),
	revokedAt: integer('revoked_at', { mode: 'number' }),
	lastUsedAt: integer('last_used_at', { mode: 'number' }),
	createdAt: createdAt()
});

/** An old facility (cơ sở cũ) inherited from a former ward, or the current headquarters. */
export const facilities = sqliteTable(
	'facilities',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id),
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
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('facilities_ward_code_uq').on(t.wardId, t.code)]
);

export const buildings = sqliteTable(
	'buildings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		facilityId: integer('facility_id')
			.notNull()
			.references(() => facilities.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		name: text('name').notNull(),
		levelsAboveGround: integer('levels_above_ground').notNull().default(1),
		yearBuilt: integer('year_built'),
		structure: text('structure'),
		grossFloorAreaM2: real('gross_floor_area_m2'),
		notes: text('notes'),
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('buildings_facility_code_uq').on(t.facilityId, t.code)]
);

export { ROOM_TYPES, type RoomType };

export const rooms = sqliteTable(
	'rooms',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		buildingId: integer('building_id')
			.notNull()
			.references(() => buildings.id, { onDelete: 'cascade' }),
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
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
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
		id: integer('id').primaryKey({ autoIncrement: true }),
		buildingId: integer('building_id')
			.notNull()
			.references(() => buildings.id, { onDelete: 'cascade' }),
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
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
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

export const orgUnits = sqliteTable(
	'org_units',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		kind: text('kind', { enum: UNIT_KINDS }).notNull(),
		publicFacing: integer('public_facing', { mode: 'boolean' }).notNull().default(false),
		sortOrder: integer('sort_order').notNull().default(0),
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('org_units_ward_code_uq').on(t.wardId, t.code)]
);

export const positions = sqliteTable(
	'positions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orgUnitId: integer('org_unit_id')
			.notNull()
			.references(() => orgUnits.id, { onDelete: 'cascade' }),
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
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('positions_unit_idx').on(t.orgUnitId)]
);

/** A versioned norm set (e.g. Decree 155/2025/NĐ-CP). A change makes a new version. */
export const normSets = sqliteTable(
	'norm_sets',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
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
	id: integer('id').primaryKey({ autoIncrement: true }),
	normSetId: integer('norm_set_id')
		.notNull()
		.references(() => normSets.id, { onDelete: 'cascade' }),
	titleKey: text('title_key').notNull(),
	labelVi: text('label_vi').notNull(),
	labelEn: text('label_en').notNull(),
	m2PerPerson: real('m2_per_person').notNull(),
	legalBasis: text('legal_basis'),
	verify: integer('verify', { mode: 'boolean' }).notNull().default(false)
});

/** Specialised rooms set per ward (one-stop counters, citizen reception, hall, archive, IT). */
export const specialisedRooms = sqliteTable('specialised_rooms', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
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
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id').references(() => wards.id),
		key: text('key').notNull(),
		valueJson: text('value_json').notNull(),
		source: text('source'),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('settings_ward_key_uq').on(t.wardId, t.key)]
);

/** Candidate sites for a new headquarters. */
export const sites = sqliteTable(
	'sites',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id),
		code: text('code').notNull(),
		name: text('name').notNull(),
		lat: real('lat').notNull(),
		lng: real('lng').notNull(),
		polygonGeojson: text('polygon_geojson'),
		landAreaM2: real('land_area_m2'),
		legalStatus: text('legal_status', { enum: SITE_LEGAL_STATUSES }).notNull(),
		currentUse: text('current_use'),
		householdsToRelocate: integer('households_to_relocate').notNull().default(0),
		landCostVnd: integer('land_cost_vnd').notNull().default(0),
		clearanceCostVnd: integer('clearance_cost_vnd').notNull().default(0),
		/** 1 (low) … 5 (high). */
		floodRisk: integer('flood_risk').notNull().default(1),
		/** 1 (conflicts) … 5 (fully consistent with the approved plan). */
		planFit: integer('plan_fit').notNull().default(3),
		/** 1 (alley) … 5 (main road frontage). */
		roadAccess: integer('road_access').notNull().default(3),
		isCurrentHeadquarters: integer('is_current_headquarters', { mode: 'boolean' })
			.notNull()
			.default(false),
		notes: text('notes'),
		version: rowVersion(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('sites_ward_code_uq').on(t.wardId, t.code)]
);

export const criteria = sqliteTable(
	'criteria',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id),
		key: text('key').notNull(),
		labelVi: text('label_vi').notNull(),
		labelEn: text('label_en').notNull(),
		type: text('type', { enum: ['benefit', 'cost'] }).notNull(),
		unit: text('unit').notNull(),
		/** 'attribute:<column>' or 'computed:<name>' */
		source: text('source').notNull(),
		basis: text('basis'),
		defaultWeight: real('default_weight').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		version: rowVersion(),
		sortOrder: integer('sort_order').notNull().default(0)
	},
	(t) => [uniqueIndex('criteria_ward_key_uq').on(t.wardId, t.key)]
);

/** A weighting session: direct weights or AHP pairwise judgements by one or more members. */
export const weightings = sqliteTable('weightings', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
	name: text('name').notNull(),
	method: text('method', { enum: ['direct', 'ahp'] }).notNull(),
	/** JSON: { [criterionKey]: weight } for direct weights or the aggregated AHP result. */
	weightsJson: text('weights_json').notNull(),
	isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
	createdBy: integer('created_by').references(() => users.id),
	version: rowVersion(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const judgments = sqliteTable('judgments', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	weightingId: integer('weighting_id')
		.notNull()
		.references(() => weightings.id, { onDelete: 'cascade' }),
	participant: text('participant').notNull(),
	userId: integer('user_id').references(() => users.id),
	/** JSON: { keys: string[]; matrix: number[][] } */
	matrixJson: text('matrix_json').notNull(),
	version: rowVersion(),
	updatedAt: updatedAt()
});

/**
 * A one-time link for a participant without an account to answer the ward's AHP comparisons
 * (group AHP session). Only the SHA-256 of the token is stored; the link is shown once.
 */
export const ahpInvites = sqliteTable('ahp_invites', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
	participant: text('participant').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	createdBy: integer('created_by').references(() => users.id),
	createdAt: createdAt(),
	expiresAt: integer('expires_at').notNull(),
	usedAt: integer('used_at'),
	revokedAt: integer('revoked_at')
});

/** A named, dated scoring run with everything the packet needs. */
export const scoringRuns = sqliteTable('scoring_runs', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
	name: text('name').notNull(),
	method: text('method').notNull(),
	resultJson: text('result_json').notNull(),
	createdBy: integer('created_by').references(() => users.id),
	createdAt: createdAt()
});

/** A reallocation scenario: an instance, its solution and its status. */
export const scenarios = sqliteTable('scenarios', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
	name: text('name').notNull(),
	weightsJson: text('weights_json').notNull(),
	instanceJson: text('instance_json').notNull(),
	resultJson: text('result_json'),
	status: text('status').notNull(),
	objective: real('objective'),
	appliedAt: integer('applied_at', { mode: 'number' }),
	/** JSON of the scenario's settings (ScenarioSettings in $lib/server/plans); null = defaults. */
	settingsJson: text('settings_json'),
	/** Fingerprint of the inputs the stored plan was solved for; null = never solved. */
	inputHash: text('input_hash'),
	createdBy: integer('created_by').references(() => users.id),
	version: rowVersion(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/**
 * The ward's current arrangement (who sits where), one row per "apply": a snapshot of the
 * scenario's plan and per-unit figures at that moment. The latest row of a ward is the current
 * arrangement. Applying never rewrites rooms (the needs page compares the inventory).
 */
export const arrangements = sqliteTable(
	'arrangements',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id),
		/** The scenario applied (kept as a number when the scenario is deleted later). */
		scenarioId: integer('scenario_id').notNull(),
		scenarioName: text('scenario_name').notNull(),
		/** The scenario's input fingerprint when applied (compared with today's for "stale"). */
		inputHash: text('input_hash').notNull(),
		/** JSON: [{ unitId, roomId, persons, areaM2 }] with database ids. */
		seatsJson: text('seats_json').notNull(),
		/** JSON: { settings, units } — the scenario's settings and per-unit figures at apply. */
		unitsJson: text('units_json').notNull(),
		appliedBy: integer('applied_by').references(() => users.id),
		appliedAt: integer('applied_at', { mode: 'number' }).notNull()
	},
	(t) => [index('arrangements_ward_idx').on(t.wardId, t.appliedAt)]
);

export const assignments = sqliteTable(
	'assignments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scenarioId: integer('scenario_id')
			.notNull()
			.references(() => scenarios.id, { onDelete: 'cascade' }),
		orgUnitId: integer('org_unit_id')
			.notNull()
			.references(() => orgUnits.id, { onDelete: 'cascade' }),
		roomId: integer('room_id')
			.notNull()
			.references(() => rooms.id, { onDelete: 'cascade' }),
		persons: integer('persons').notNull(),
		/** Floor area given to these persons in the room, m² (the model's g[u,r]). */
		areaM2: real('area_m2').notNull().default(0),
		manual: integer('manual', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('assignments_scenario_idx').on(t.scenarioId)]
);

export const proposals = sqliteTable('proposals', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	wardId: integer('ward_id')
		.notNull()
		.references(() => wards.id),
	title: text('title').notNull(),
	status: text('status', {
		enum: ['draft', 'submitted', 'in-review', 'returned', 'approved', 'rejected', 'superseded']
	}).notNull(),
	/** The ward's newer proposal that replaced this one (status superseded). */
	supersededBy: integer('superseded_by').references((): AnySQLiteColumn => proposals.id),
	/** JSON of the editable parts (narratives, tờ trình fields, settings references). */
	draftJson: text('draft_json').notNull(),
	reviewerId: integer('reviewer_id').references(() => users.id),
	createdBy: integer('created_by').references(() => users.id),
	version: rowVersion(),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const proposalVersions = sqliteTable(
	'proposal_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		proposalId: integer('proposal_id')
			.notNull()
			.references(() => proposals.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		snapshotJson: text('snapshot_json').notNull(),
		sha256: text('sha256').notNull(),
		filesJson: text('files_json').notNull().default('[]'),
		submittedBy: integer('submitted_by').references(() => users.id),
		submittedAt: integer('submitted_at', { mode: 'number' }).notNull()
	},
	(t) => [uniqueIndex('proposal_versions_uq').on(t.proposalId, t.number)]
);

export const reviewComments = sqliteTable('review_comments', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	versionId: integer('version_id')
		.notNull()
		.references(() => proposalVersions.id, { onDelete: 'cascade' }),
	section: text('section').notNull(),
	body: text('body').notNull(),
	authorId: integer('author_id').references(() => users.id),
	createdAt: createdAt(),
	/** The thread's first comment when this one is a reply (threads are one level deep). */
	parentId: integer('parent_id').references((): AnySQLiteColumn => reviewComments.id, {
		onDelete: 'cascade'
	}),
	/** Set on a thread's first comment when a reviewer marks the thread resolved. */
	resolvedAt: integer('resolved_at', { mode: 'number' }),
	resolvedBy: integer('resolved_by').references(() => users.id)
});

/**
 * Support staff the city assigns to a ward (staffing board): one officer, the field they cover,
 * the dates and the working group they come from. Ending an assignment sets its end date.
 */
export const staffingSupport = sqliteTable(
	'staffing_support',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		wardId: integer('ward_id')
			.notNull()
			.references(() => wards.id, { onDelete: 'cascade' }),
		officerName: text('officer_name').notNull(),
		field: text('field').notNull(),
		/** The position (title key) it covers when one is named. */
		positionKey: text('position_key'),
		workingGroup: text('working_group').notNull(),
		/** yyyy-mm-dd. */
		fromDate: text('from_date').notNull(),
		/** yyyy-mm-dd, inclusive; null while open-ended. */
		toDate: text('to_date'),
		note: text('note'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: createdAt(),
		endedBy: integer('ended_by').references(() => users.id),
		endedAt: integer('ended_at', { mode: 'number' })
	},
	(t) => [index('staffing_support_ward_idx').on(t.wardId, t.field)]
);

export const decisions = sqliteTable('decisions', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	proposalId: integer('proposal_id')
		.notNull()
		.references(() => proposals.id, { onDelete: 'cascade' }),
	versionId: integer('version_id').references(() => proposalVersions.id),
	outcome: text('outcome', { enum: ['returned', 'approved', 'rejected'] }).notNull(),
	note: text('note').notNull(),
	decidedBy: integer('decided_by').references(() => users.id),
	createdAt: createdAt()
});

export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		message: text('message').notNull(),
		link: text('link'),
		readAt: integer('read_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [index('notifications_user_idx').on(t.userId)]
);

/** Who changed what, when, with the values before and after; written in the same transaction. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'number' }).notNull(),
		userId: integer('user_id').references(() => users.id),
		username: text('username'),
		wardId: integer('ward_id').references(() => wards.id),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		action: text('action', {
			enum: ['create', 'update', 'delete', 'import', 'apply', 'submit', 'decide', 'login']
		}).notNull(),
		beforeJson: text('before_json'),
		afterJson: text('after_json')
	},
	(t) => [
		index('audit_ward_idx').on(t.wardId, t.at),
		index('audit_entity_idx').on(t.entity, t.entityId)
	]
);

/**
 * The legal-reference catalogue the tờ trình cites as căn cứ. Versioned: an edit inserts
 * version n + 1 of the same key and clears is_current on version n (history kept, audited).
 */
export const legalReferences = sqliteTable(
	'legal_references',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		version: integer('version').notNull(),
		kind: text('kind').notNull(),
		number: text('number').notNull(),
		issuedOn: text('issued_on').notNull(),
		issuer: text('issuer').notNull(),
		title: text('title').notNull(),
		inForceFrom: text('in_force_from').notNull(),
		inForceTo: text('in_force_to'),
		verify: integer('verify', { mode: 'boolean' }).notNull().default(true),
		verifyNote: text('verify_note').notNull().default(''),
		sortOrder: integer('sort_order').notNull().default(0),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(true),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('legal_references_key_version_uq').on(t.key, t.version),
		index('legal_references_current_idx').on(t.isCurrent)
	]
);

/**
 * Unit investment rates (suất vốn đầu tư) of the Ministry of Construction for office buildings,
 * one row per storey band and version, with source and year; versioned like legal_references.
 */
export const investmentRates = sqliteTable(
	'investment_rates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		version: integer('version').notNull(),
		storeysFrom: integer('storeys_from').notNull(),
		storeysTo: integer('storeys_to'),
		vndPerM2: integer('vnd_per_m2').notNull(),
		source: text('source').notNull(),
		year: integer('year').notNull(),
		verify: integer('verify', { mode: 'boolean' }).notNull().default(true),
		note: text('note').notNull().default(''),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(true),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('investment_rates_key_version_uq').on(t.key, t.version)]
);
