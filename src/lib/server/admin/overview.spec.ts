import { describe, expect, it } from 'vitest';
import { createTestDb } from '../db/test-db';
import { adminCounts } from './overview';
import { SEED_ACTOR, newWard } from '../../../../tests/helpers/admin';
import { createUser, issueApiToken, revokeApiToken } from './users';

describe('adminCounts', () => {
	it('counts users, wards and tokens (revoked ones too)', async () => {
		const db = createTestDb();
		expect(adminCounts(db)).toEqual({ users: 0, wards: 0, tokens: 0 });
		const actor = SEED_ACTOR;
		const ward = newWard(db);
		for (const username of ['lan', 'minh']) {
			await createUser(
				db,
				actor,
				{ username, displayName: username, role: 'ward_viewer', wardId: ward.id },
				'a-long-password-2026'
			);
		}
		const kept = issueApiToken(db, actor, { name: 'GIS', wardId: ward.id });
		const revoked = issueApiToken(db, actor, { name: 'Cũ', wardId: null });
		revokeApiToken(db, actor, revoked.id);
		expect(kept.id).not.toBe(revoked.id);
		expect(adminCounts(db)).toEqual({ users: 2, wards: 1, tokens: 2 });
	});
});
