import {
	index,
	integer,
	real,
	sqliteTable,
	text,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../constants';
import { createdAt, primaryId, rowVersion, ownedBy } from './columns';

/** A commune-level unit (phường / xã). */
export const wards = sqliteTable('wards', {
	id: primaryId(),
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

/** The ward a row belongs to (required). */
export const wardRef = () =>
	integer('ward_id')
		.notNull()
		.references(() => wards.id);

/** A user who did something to the row (created, submitted, applied …); null when unknown. */
export const userRef = (name: string) => integer(name).references((): AnySQLiteColumn => users.id);

export const users = sqliteTable('users', {
	id: primaryId(),
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
		userId: ownedBy('user_id', () => users.id),
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
		id: primaryId(),
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
	id: primaryId(),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	/** null = city-wide read-only token. */
	wardId: integer('ward_id').references(() => wards.id),
	createdBy: userRef('created_by'),
	revokedAt: integer('revoked_at', { mode: 'number' }),
	lastUsedAt: integer('last_used_at', { mode: 'number' }),
	createdAt: createdAt()
});
