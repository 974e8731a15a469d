import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SITE_LEGAL_STATUSES } from '../../../constants';
import { createdAt, primaryId, rowVersion, tracked, updatedAt, ownedBy } from './columns';
import { userRef, wardRef } from './auth';

/** Candidate sites for a new headquarters. */
export const sites = sqliteTable(
	'sites',
	{
		id: primaryId(),
		wardId: wardRef(),
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
		...tracked()
	},
	(t) => [uniqueIndex('sites_ward_code_uq').on(t.wardId, t.code)]
);

export const criteria = sqliteTable(
	'criteria',
	{
		id: primaryId(),
		wardId: wardRef(),
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
	id: primaryId(),
	wardId: wardRef(),
	name: text('name').notNull(),
	method: text('method', { enum: ['direct', 'ahp'] }).notNull(),
	/** JSON: { [criterionKey]: weight } for direct weights or the aggregated AHP result. */
	weightsJson: text('weights_json').notNull(),
	isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
	createdBy: userRef('created_by'),
	...tracked()
});

export const judgments = sqliteTable('judgments', {
	id: primaryId(),
	weightingId: ownedBy('weighting_id', () => weightings.id),
	participant: text('participant').notNull(),
	userId: userRef('user_id'),
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
	id: primaryId(),
	wardId: wardRef(),
	participant: text('participant').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	createdBy: userRef('created_by'),
	createdAt: createdAt(),
	expiresAt: integer('expires_at').notNull(),
	usedAt: integer('used_at'),
	revokedAt: integer('revoked_at')
});

/** A named, dated scoring run with everything the packet needs. */
export const scoringRuns = sqliteTable('scoring_runs', {
	id: primaryId(),
	wardId: wardRef(),
	name: text('name').notNull(),
	method: text('method').notNull(),
	resultJson: text('result_json').notNull(),
	createdBy: userRef('created_by'),
	createdAt: createdAt()
});
