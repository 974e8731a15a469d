/**
 * In-app notifications: a message (a catalogue key and its parameters, shown in the reader's
 * language), a link and a read mark, per user. Written inside the transaction of the change.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { translate, type Locale, type MessageKey } from '../../i18n';
import type { DbLike } from '../db';
import { notifications, users } from '../db/schema';

export interface NotificationMessage {
	key: MessageKey;
	params?: Record<string, string | number>;
}

/** Adds one notification per user (duplicates and the empty list are fine). */
export function notify(
	tx: DbLike,
	userIds: readonly number[],
	message: NotificationMessage,
	link: string | null
): void {
	const text = JSON.stringify(message);
	for (const userId of new Set(userIds)) {
		tx.insert(notifications).values({ userId, message: text, link }).run();
	}
}

/** Active users of a ward. */
export function wardUserIds(tx: DbLike, wardId: number): number[] {
	return tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.wardId, wardId), eq(users.disabled, false)))
		.all()
		.map((u) => u.id);
}

/** Active city reviewers. */
export function reviewerIds(tx: DbLike): number[] {
	return tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'city_reviewer'), eq(users.disabled, false)))
		.all()
		.map((u) => u.id);
}

/** The text of a stored message in the reader's language (plain text is shown as is). */
export function messageText(stored: string, locale: Locale): string {
	try {
		const m = JSON.parse(stored) as NotificationMessage;
		if (m && typeof m.key === 'string') return translate(locale, m.key, m.params ?? {});
	} catch {
		// plain text
	}
	return stored;
}

export interface NotificationRow {
	id: number;
	text: string;
	link: string | null;
	read: boolean;
	createdAt: number;
}

export function listNotifications(
	db: DbLike,
	userId: number,
	locale: Locale,
	limit = 100
): NotificationRow[] {
	return db
		.select()
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all()
		.map((n) => ({
			id: n.id,
			text: messageText(n.message, locale),
			link: n.link,
			read: n.readAt !== null,
			createdAt: n.createdAt
		}));
}

export function unreadCount(db: DbLike, userId: number): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(notifications)
			.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
			.get()?.n ?? 0
	);
}

/** Marks one notification (or all, with id null) of the user as read. */
export function markRead(db: DbLike, userId: number, id: number | null, at = Date.now()): void {
	const mine = eq(notifications.userId, userId);
	db.update(notifications)
		.set({ readAt: at })
		.where(
			id === null
				? and(mine, isNull(notifications.readAt))
				: and(mine, eq(notifications.id, id), isNull(notifications.readAt))
		)
		.run();
}
