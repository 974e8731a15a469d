import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { auditLog, proposals } from '../db/schema';
import { DossierError, dossierInputs, saveDossier } from './dossier';
import { ProposalError, createProposal, getProposal, getVersion, submitProposal } from './';
import { dossierFormSchema } from '../../schemas/dossier';
import { editInvestmentRate, rateForStoreys } from '../admin/investment-rates';
import { sampleDb } from '../../../../tests/helpers/sample';

const actor = { userId: null, username: 'test' };

let db: Db;
let wardId: number;
let sampleId: number;

beforeEach(() => {
	({ db, bt: wardId } = sampleDb());
	sampleId = db.select().from(proposals).where(eq(proposals.wardId, wardId)).get()!.id;
});

/** The dossier form as the page posts it, from a few fields. */
function form(fields: Record<string, string>) {
	const r = dossierFormSchema.safeParse({
		startYear: '2027',
		endYear: '2029',
		fateCount: '0',
		...fields
	});
	if (!r.success) throw new Error(JSON.stringify(r.error.issues));
	return r.data;
}

describe('dossierInputs of the sample proposal (Bình Trưng)', () => {
	it('is complete and the estimate equals the hand computation', () => {
		const d = dossierInputs(db, wardId, sampleId);
		expect(d.problems).toEqual([]);
		expect(d.complete).toBe(true);
		// 4 700 m² × 9 800 000 = 46 060 000 000; + 2 000 000 000; + 10 % = 4 806 000 000
		expect(d.estimate).toMatchObject({
			gfaM2: 4700,
			storeys: 5,
			rateVndPerM2: 9_800_000,
			constructionVnd: 46_060_000_000,
			landAndClearanceVnd: 2_000_000_000,
			contingencyVnd: 4_806_000_000,
			totalVnd: 52_866_000_000
		});
		expect(d.rate?.verify).toBe(true);
		expect(d.rate?.year).toBe(2024);
		expect(d.totalInWordsVi).toBe('Năm mươi hai tỷ, tám trăm sáu mươi sáu triệu đồng');
		expect(d.yearlySplitTotalVnd).toBe(52_866_000_000);
		expect(d.site).toMatchObject({
			code: 'P2',
			name: 'Khu đất công gần ga Rạch Chiếc',
			landAreaM2: 5600,
			rank: 1,
			isTopRanked: true
		});
		expect(d.site?.address).toContain('Rạch Chiếc');
		expect(d.schedule).toEqual({ startYear: 2027, endYear: 2029 });
		expect(d.investmentFormLabelVi).toBe('Xây dựng mới');
		expect(d.facilities).toHaveLength(7);
		expect(d.facilities.every((f) => f.fate !== null && f.fateLabelVi !== '')).toBe(true);
		expect(d.staffingSupport[0]).toMatchObject({
			field: 'land',
			persons: 3,
			durationMonths: 12,
			fieldLabelVi: 'Đất đai'
		});
		// The căn cứ in force on the tờ trình's date (2026-10-15), laws first.
		expect(d.asOf).toBe('2026-10-15');
		expect(d.legalBases.map((r) => r.number)).toEqual([
			'72/2025/QH15',
			'58/2024/QH15',
			'1685/NQ-UBTVQH15',
			'85/2025/NĐ-CP',
			'155/2025/NĐ-CP'
		]);
		expect(d.legalBases.every((r) => r.verify)).toBe(true);
		expect(d.legalBases[1].citation).toBe(
			'Luật Đầu tư công số 58/2024/QH15 ngày 29 tháng 11 năm 2024'
		);
		expect(d.legalBases[3].citation).toBe(
			'Nghị định số 85/2025/NĐ-CP ngày 08 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Đầu tư công'
		);
	});

	it('is frozen in the submitted version 1 snapshot', () => {
		const v = getVersion(db, sampleId, 1)!;
		expect(v.snapshot.dossier?.estimate?.totalVnd).toBe(52_866_000_000);
		expect(v.snapshot.dossier?.complete).toBe(true);
	});

	it('follows a new rate version: 5 storeys at 10 000 000 → 47 000 000 000 + …', () => {
		const r = rateForStoreys(db, 5)!;
		editInvestmentRate(db, actor, r.id, {
			storeysFrom: 1,
			storeysTo: 5,
			vndPerM2: 10_000_000,
			source: r.source,
			year: 2025,
			verify: false,
			note: ''
		});
		const d = dossierInputs(db, wardId, sampleId);
		// 4 700 × 10 000 000 = 47 000 000 000; 10 % × 49 000 000 000 = 4 900 000 000
		expect(d.estimate?.totalVnd).toBe(47_000_000_000 + 2_000_000_000 + 4_900_000_000);
		expect(d.problems.map((p) => p.code)).toEqual(['split-sum']);
		// The frozen version keeps the old figure.
		expect(getVersion(db, sampleId, 1)!.snapshot.dossier?.estimate?.totalVnd).toBe(52_866_000_000);
	});

	it('a proposal of another ward is not found', () => {
		expect(() => dossierInputs(db, wardId + 1, sampleId)).toThrow(DossierError);
	});
});

describe('saveDossier', () => {
	let draftId: number;
	beforeEach(() => {
		// The sample proposal is in review; make the ward's own draft (the sample one superseded).
		db.update(proposals).set({ status: 'rejected' }).where(eq(proposals.id, sampleId)).run();
		draftId = createProposal(db, actor, wardId, 'Bản thảo', new Date('2026-11-02T02:00:00Z'));
	});

	const complete = {
		recommendedSiteCode: 'P2',
		siteAddress: 'Xa lộ Hà Nội, phường Bình Trưng',
		grossFloorAreaM2: '4.700',
		storeys: '5',
		landAndClearanceVnd: '2.000.000.000',
		contingencyPercent: '10',
		fundingSource: 'Ngân sách Thành phố',
		investor: 'Ủy ban nhân dân phường Bình Trưng',
		investmentForm: 'new-build',
		operatingCostVndPerYear: '1.450.000.000',
		splitYear_0: '2027',
		splitAmount_0: '8.000.000.000',
		splitYear_1: '2028',
		splitAmount_1: '26.000.000.000',
		splitYear_2: '2029',
		splitAmount_2: '18.866.000.000'
	};

	it('saves a consistent dossier, audited', () => {
		const before = db.select().from(auditLog).all().length;
		const d = saveDossier(db, actor, wardId, draftId, form(complete));
		expect(d.estimate?.totalVnd).toBe(52_866_000_000);
		const p = getProposal(db, wardId, draftId)!;
		expect(p.state.draft.dossier?.grossFloorAreaM2).toBe(4700);
		expect(p.state.draft.dossier?.contingencyShare).toBe(0.1);
		expect(p.state.draft.schedule).toEqual({ startYear: 2027, endYear: 2029 });
		expect(db.select().from(auditLog).all().length).toBe(before + 1);
		// Only the fates are missing now.
		expect(dossierInputs(db, wardId, draftId).problems.map((x) => x.code)).toEqual([
			'fate-missing'
		]);
	});

	it('refuses a split that does not sum to the total (off by 1 000 000), saving nothing', () => {
		const before = getProposal(db, wardId, draftId)!.draftJson;
		let err: unknown;
		try {
			saveDossier(
				db,
				actor,
				wardId,
				draftId,
				form({ ...complete, splitAmount_2: '18.865.000.000' })
			);
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(DossierError);
		const problems = (err as DossierError).problems;
		expect(problems.map((p) => p.code)).toEqual(['split-sum']);
		expect(problems[0].messageVi).toContain('52.865.000.000');
		expect(problems[0].messageVi).toContain('52.866.000.000');
		expect(getProposal(db, wardId, draftId)!.draftJson).toBe(before);
	});

	it('refuses the second-ranked site without a justification, accepts it with one', () => {
		// P5 is second in the sample scoring; its land + clearance is 3 000 000 000:
		// 46 060 000 000 + 3 000 000 000 = 49 060 000 000; + 10 % 4 906 000 000 = 53 966 000 000
		const second = {
			...complete,
			recommendedSiteCode: 'P5',
			landAndClearanceVnd: '3.000.000.000',
			splitAmount_2: '19.966.000.000'
		};
		expect(() => saveDossier(db, actor, wardId, draftId, form(second))).toThrow(DossierError);
		try {
			saveDossier(db, actor, wardId, draftId, form(second));
		} catch (e) {
			const p = (e as DossierError).problems;
			expect(p.map((x) => x.code)).toEqual(['justification-missing']);
			expect(p[0].messageVi).toContain('Khu đất công gần ga Rạch Chiếc');
		}
		const d = saveDossier(
			db,
			actor,
			wardId,
			draftId,
			form({ ...second, siteJustification: 'Đất sạch của phường, triển khai ngay được.' })
		);
		expect(d.site).toMatchObject({ code: 'P5', rank: 2, isTopRanked: false });
		expect(d.estimate?.totalVnd).toBe(53_966_000_000);
	});

	it('refuses submitting a second-ranked site whose justification was removed', async () => {
		const p = getProposal(db, wardId, draftId)!;
		const state = { ...p.state, draft: { ...p.state.draft, recommendedSiteCode: 'P5' } };
		db.update(proposals)
			.set({ draftJson: JSON.stringify(state) })
			.where(eq(proposals.id, draftId))
			.run();
		await expect(submitProposal(db, actor, wardId, draftId, async () => [])).rejects.toThrowError(
			new ProposalError('no-justification')
		);
	});

	it('refuses saving a proposal that is not editable', () => {
		expect(() => saveDossier(db, actor, wardId, sampleId, form(complete))).toThrow(
			new DossierError('not-editable')
		);
	});
});

describe('dossier form rules', () => {
	it('end year before start year is refused with its message key', () => {
		const r = dossierFormSchema.safeParse({ startYear: '2029', endYear: '2027', fateCount: '0' });
		expect(r.success).toBe(false);
		expect(r.error!.issues.find((i) => i.path[0] === 'endYear')?.message).toBe(
			'dossier.err.scheduleOrder'
		);
	});

	it('a year outside the schedule, twice, or without its amount is refused', () => {
		const r = dossierFormSchema.safeParse({
			startYear: '2027',
			endYear: '2029',
			fateCount: '0',
			splitYear_0: '2030',
			splitAmount_0: '1',
			splitYear_1: '2028',
			splitAmount_1: '1',
			splitYear_2: '2028',
			splitAmount_2: '1',
			splitYear_3: '2027'
		});
		expect(r.success).toBe(false);
		const by = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i]));
		expect((by.splitYear_0 as unknown as { params: { key: string } }).params.key).toBe(
			'dossier.err.splitOutside'
		);
		expect(by.splitYear_2.message).toBe('dossier.err.splitYearTwice');
		expect(by.splitAmount_3.message).toBe('dossier.err.splitAmountMissing');
	});

	it('reads percent, thousands dots and fates', () => {
		const d = form({
			contingencyPercent: '7,5',
			landAndClearanceVnd: '305.000.000.000',
			fateCount: '2',
			fateCode_0: 'TS-01',
			fate_0: 'keep',
			fateNote_0: ' giữ ',
			fateCode_1: 'NP-01',
			fate_1: ''
		});
		expect(d.dossier.contingencyShare).toBe(0.075);
		expect(d.dossier.landAndClearanceVnd).toBe(305_000_000_000);
		expect(d.dossier.facilityFates).toEqual([{ facilityCode: 'TS-01', fate: 'keep', note: 'giữ' }]);
	});
});
