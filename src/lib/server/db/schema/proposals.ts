import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { createdAt, primaryId, tracked } from './columns';
import { wards, users, wardRef } from './auth';

export const proposals = sqliteTable('proposals', {
	id: primaryId(),
	wardId: wardRef(),
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
	...tracked()
});

export const proposalVersions = sqliteTable(
	'proposal_versions',
	{
		id: primaryId(),
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
	id: primaryId(),
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
		id: primaryId(),
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
	id: primaryId(),
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
		id: primaryId(),
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
