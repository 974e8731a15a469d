/**
 * Sample support assignments of the staffing board: the city has sent Bình Trưng two land
 * officers and one construction officer (active from 01/11/2026), and a finance officer whose
 * support ended on 30/11/2026. Illustrative names (the ward is sample data).
 */
import { eq } from 'drizzle-orm';
import type { DbLike } from '../connection';
import { staffingSupport, wards } from '../schema';

export const SAMPLE_SUPPORT = [
	{
		officerName: 'Nguyễn Văn An',
		field: 'land',
		workingGroup: 'Tổ công tác hỗ trợ đất đai (Sở Nông nghiệp và Môi trường)',
		fromDate: '2026-11-01',
		toDate: '2027-04-30'
	},
	{
		officerName: 'Trần Thị Bình',
		field: 'land',
		workingGroup: 'Tổ công tác hỗ trợ đất đai (Sở Nông nghiệp và Môi trường)',
		fromDate: '2026-11-01',
		toDate: null
	},
	{
		officerName: 'Lê Minh Cường',
		field: 'construction',
		workingGroup: 'Tổ công tác hỗ trợ xây dựng - đô thị (Sở Xây dựng)',
		fromDate: '2026-11-15',
		toDate: '2027-05-15'
	},
	{
		officerName: 'Phạm Thu Dung',
		field: 'finance',
		workingGroup: 'Tổ công tác hỗ trợ tài chính (Sở Tài chính)',
		fromDate: '2026-09-01',
		toDate: '2026-11-30'
	}
] as const;

export function seedSampleSupport(tx: DbLike): void {
	const bt = tx.select({ id: wards.id }).from(wards).where(eq(wards.code, 'binh-trung')).get();
	if (!bt) return;
	for (const a of SAMPLE_SUPPORT) {
		tx.insert(staffingSupport)
			.values({ ...a, wardId: bt.id })
			.run();
	}
}
