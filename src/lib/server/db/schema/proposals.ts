import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { createdAt, primaryId, tracked, ownedBy } from './columns';
import { users, wards, userRef, wardRef } from './auth';

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
	reviewerId: userRef('reviewer_id'),
	createdBy: userRef('created_by'),
	...tracked()
});

export const proposalVersions = sqliteTable(
	'proposal_versions',
	{
		id: primaryId(),
		proposalId: ownedBy('proposal_id', () => proposals.id),
		number: integer('number').notNull(),
		snapshotJson: text('snapshot_json').notNull(),
		sha256: text('sha256').notNull(),
		filesJson: text('files_json').notNull().default('[]'),
		submittedBy: userRef('submitted_by'),
		submittedAt: integer('submitted_at', { mode: 'number' }).notNull()
	},
	(t) => [uniqueIndex('proposal_versions_uq').on(t.proposalId, t.number)]
);

export const reviewComments = sqliteTable('review_comments', {
	id: primaryId(),
	versionId: ownedBy('version_id', () => proposalVersions.id),
	section: text('section').notNull(),
	body: text('body').notNull(),
	authorId: userRef('author_id'),
	createdAt: createdAt(),
	/** The thread's first comment when this one is a reply (threads are one level deep). */
	parentId: integer('parent_id').references((): AnySQLiteColumn => reviewComments.id, {
		onDelete: 'cascade'
	}),
	/** Set on a thread's first comment when a reviewer marks the thread resolved. */
	resolvedAt: integer('resolved_at', { mode: 'number' }),
	resolvedBy: userRef('resolved_by')
});

/**
 * Support staff the city assigns to a ward (staffing board): one officer, the field they cover,
 * the dates and the working group they come from. Ending an assignment sets its end date.
 */
export const staffingSupport = sqliteTable(
	'staffing_support',
	{
		id: primaryId(),
		wardId: ownedBy('ward_id', () => wards.id),
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
		createdBy: userRef('created_by'),
		createdAt: createdAt(),
		endedBy: userRef('ended_by'),
		endedAt: integer('ended_at', { mode: 'number' })
	},
	(t) => [index('staffing_support_ward_idx').on(t.wardId, t.field)]
);

export const decisions = sqliteTable('decisions', {
	id: primaryId(),
	proposalId: ownedBy('proposal_id', () => proposals.id),
	versionId: integer('version_id').references(() => proposalVersions.id),
	outcome: text('outcome', { enum: ['returned', 'approved', 'rejected'] }).notNull(),
	note: text('note').notNull(),
	decidedBy: userRef('decided_by'),
	createdAt: createdAt()
});

export const notifications = sqliteTable(
	'notifications',
	{
		id: primaryId(),
		userId: ownedBy('user_id', () => users.id),
		message: text('message').notNull(),
		link: text('link'),
		readAt: integer('read_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [index('notifications_user_idx').on(t.userId)]
);
