/**
 * Demo accounts of the sample database (password "truso-demo"). A production start
 * (TRUSO_SAMPLE=0) never calls this.
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../auth/password';
import type { Db } from '../connection';
import { users, wards } from '../schema';

export const DEMO_PASSWORD = 'truso-demo';

export const DEMO_ACCOUNTS = [
	{
		username: 'binhtrung.editor',
		displayName: 'Cán bộ Văn phòng (Bình Trưng)',
		role: 'ward_editor',
		ward: 'binh-trung'
	},
	{
		username: 'binhtrung.viewer',
		displayName: 'Lãnh đạo xem (Bình Trưng)',
		role: 'ward_viewer',
		ward: 'binh-trung'
	},
	{
		username: 'ankhanh.editor',
		displayName: 'Cán bộ Văn phòng (An Khánh)',
		role: 'ward_editor',
		ward: 'an-khanh'
	},
	{
		username: 'city.reviewer',
		displayName: 'Chuyên viên Sở Xây dựng',
		role: 'city_reviewer',
		ward: null
	},
	{ username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', ward: null }
] as const;

/** Inserts the demo accounts that are missing. */
export async function seedDemoAccounts(db: Db): Promise<void> {
	const hashed = await hashPassword(DEMO_PASSWORD);
	db.transaction((tx) => {
		for (const a of DEMO_ACCOUNTS) {
			const wardId = a.ward
				? (tx.select({ id: wards.id }).from(wards).where(eq(wards.code, a.ward)).get()?.id ?? null)
				: null;
			tx.insert(users)
				.values({
					username: a.username,
					displayName: a.displayName,
					passwordHash: hashed,
					role: a.role,
					wardId
				})
				.onConflictDoNothing()
				.run();
		}
	});
}
