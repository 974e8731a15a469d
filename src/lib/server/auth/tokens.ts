/**
 * API tokens: issued by an admin for one ward or for the city, read-only, shown once and
 * stored as a SHA-256 hash.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../db';
import { apiTokens } from '../db/schema';
import type { Principal } from './guard';
import { hashToken, newToken } from './sessions';

export const TOKEN_PREFIX = 'truso_';

export function issueToken(
	db: DbLike,
	input: { name: string; wardId: number | null; createdBy: number | null }
): { id: number; token: string } {
	const token = TOKEN_PREFIX + newToken();
	const row = db
		.insert(apiTokens)
		.values({
			name: input.name,
			wardId: input.wardId,
			createdBy: input.createdBy,
			tokenHash: hashToken(token)
		})
		.returning({ id: apiTokens.id })
		.get();
	return { id: row.id, token };
}

export function revokeToken(db: DbLike, id: number, now = Date.now()): void {
	db.update(apiTokens)
		.set({ revokedAt: now })
		.where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
		.run();
}

export function principalFromBearer(db: Db, token: string): Principal {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const row = db
		.select({ id: apiTokens.id, wardId: apiTokens.wardId })
		.from(apiTokens)
		.where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
		.get();
	if (!row) return null;
	db.update(apiTokens).set({ lastUsedAt: Date.now() }).where(eq(apiTokens.id, row.id)).run();
	return { kind: 'token', tokenId: row.id, wardId: row.wardId };
}
