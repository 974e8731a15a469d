/**
 * The audit trail: who changed what, when, in which ward, with the values before and after.
 * Always called inside the transaction of the change it records.
 */
import type { DbLike } from '../db';
import { auditLog } from '../db/schema';

/** Who is acting; `userId` is null for system jobs (seed, import scripts). */
export interface Actor {
	userId: number | null;
	username: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system' };

export type AuditAction =
	'create' | 'update' | 'delete' | 'import' | 'apply' | 'submit' | 'decide' | 'login';

export function writeAudit(
	tx: DbLike,
	entry: {
		actor: Actor;
		wardId: number | null;
		entity: string;
		entityId: string | number | null;
		action: AuditAction;
		before?: unknown;
		after?: unknown;
		at?: number;
	}
): void {
	tx.insert(auditLog)
		.values({
			at: entry.at ?? Date.now(),
			userId: entry.actor.userId,
			username: entry.actor.username,
			wardId: entry.wardId,
			entity: entry.entity,
			entityId: entry.entityId === null ? null : String(entry.entityId),
			action: entry.action,
			beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
			afterJson: entry.after === undefined ? null : JSON.stringify(entry.after)
		})
		.run();
}
