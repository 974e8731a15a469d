import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, primaryId } from './columns';
import { wards, userRef } from './auth';

/** Who changed what, when, with the values before and after; written in the same transaction. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: primaryId(),
		at: integer('at', { mode: 'number' }).notNull(),
		userId: userRef('user_id'),
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
		id: primaryId(),
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
		createdBy: userRef('created_by'),
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
		id: primaryId(),
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
		createdBy: userRef('created_by'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('investment_rates_key_version_uq').on(t.key, t.version)]
);
