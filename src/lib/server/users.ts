/** Users: password changes and administration, each audited. */
import { eq } from 'drizzle-orm';
import { writeAudit, type Actor } from './audit';
import { hashPassword, passwordProblem, verifyPassword } from './auth/password';
import { revokeUserSessions } from './auth/sessions';
import type { Db } from './db';
import { users } from './db/schema';

export type PasswordChangeResult =
	| { ok: true }
	| { ok: false; reason: 'wrong-current' | 'mismatch' | 'too-short' | 'too-long' | 'too-simple' };

/** Changes a user's password and logs out their other sessions. */
export async function changePassword(
	db: Db,
	actor: Actor,
	userId: number,
	input: { current: string; next: string; confirm: string; keepSession?: string }
): Promise<PasswordChangeResult> {
	const user = db.select().from(users).where(eq(users.id, userId)).get();
	if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
		return { ok: false, reason: 'wrong-current' };
	}
	if (input.next !== input.confirm) return { ok: false, reason: 'mismatch' };
	const problem = passwordProblem(input.next);
	if (problem) return { ok: false, reason: problem };
	const hashed = await hashPassword(input.next);
	db.transaction((tx) => {
		tx.update(users)
			.set({ passwordHash: hashed, passwordChangedAt: Date.now() })
			.where(eq(users.id, userId))
			.run();
		writeAudit(tx, {
			actor,
			wardId: user.wardId,
			entity: 'user',
			entityId: userId,
			action: 'update',
			before: { passwordChanged: false },
			after: { passwordChanged: true }
		});
	});
	revokeUserSessions(db, userId, input.keepSession);
	return { ok: true };
}
