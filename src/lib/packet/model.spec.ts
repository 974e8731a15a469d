import { describe, expect, it } from 'vitest';
import {
	SECTION_KEYS,
	buildSnapshot,
	changedNumbers,
	defaultDraft,
	diffSnapshots,
	flattenNumbers,
	generatedParagraphs,
	settingsEstimate,
	numberLabel,
	section
} from './index';
import { sampleInput } from '../../../tests/helpers/packet';

const draft = () => defaultDraft('Phường Thử', '2026-11-29');

describe('settingsEstimate', () => {
	it('adds construction, land and contingency as written out by hand', () => {
		// gross = 1,000 × 1.35 = 1,350 m²; construction = 1,350 × 11,000,000 = 14,850,000,000
		// land = 5,000,000,000 + 1,000,000,000 = 6,000,000,000
		// contingency = 0.1 × (14,850,000,000 + 6,000,000,000) = 2,085,000,000
		// total = 14,850,000,000 + 6,000,000,000 + 2,085,000,000 = 22,935,000,000
		const e = settingsEstimate({
			usableM2: 1000,
			grossToUsableRatio: 1.35,
			unitCostVndPerM2: 11_000_000,
			landCostVnd: 5_000_000_000,
			clearanceCostVnd: 1_000_000_000,
			contingencyRatio: 0.1
		});
		expect(e).toEqual({
			grossFloorAreaM2: 1350,
			constructionVnd: 14_850_000_000,
			landVnd: 6_000_000_000,
			contingencyVnd: 2_085_000_000,
			totalVnd: 22_935_000_000
		});
	});
});

describe('buildSnapshot', () => {
	const snap = buildSnapshot(sampleInput(), draft());

	it('has every section, in document order', () => {
		expect(snap.sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
	});

	it('traces every number to a source with a field and a unit', () => {
		const all = flattenNumbers(snap);
		expect(all.size).toBeGreaterThan(40);
		for (const [key, n] of all) {
			expect([
				'needs',
				'norm-set',
				'inventory',
				'scoring-run',
				'scenario',
				'setting',
				'site',
				'positions'
			]).toContain(n.source.kind);
			expect(n.source.field.length, key).toBeGreaterThan(0);
			expect(typeof n.unit).toBe('string');
			expect(numberLabel(key, 'vi'), key).not.toBe(key);
		}
	});

	it('computes the estimate of the recommended (first-ranked) site from its costs', () => {
		// usable 1,250 m² × 1.35 = 1,687.5 m²; × 11,000,000 = 18,562,500,000 đồng
		// land 5e9 + clearance 1e9 (site P2, rank 1); contingency 0.1 × 24,562,500,000 = 2,456,250,000
		const est = section(snap, 'estimate').numbers;
		expect(est.grossFloorAreaM2.value).toBe(1687.5);
		expect(est.constructionVnd.value).toBe(18_562_500_000);
		// Land and clearance together, from the site's record, told in words in the appendix.
		expect(est.landCostVnd.value).toBe(6_000_000_000);
		expect(est.landCostVnd.source.words?.vi).toContain('Khu đất 2');
		expect(est.contingencyVnd.value).toBe(2_456_250_000);
		expect(est.totalVnd.value).toBe(18_562_500_000 + 6_000_000_000 + 2_456_250_000);
		expect(est.unitCostVndPerM2.source).toMatchObject({
			kind: 'setting',
			version: 2026,
			note: 'Bộ Xây dựng'
		});
		expect(section(snap, 'scale').numbers.grossFloorAreaM2.value).toBe(1687.5);
		expect(snap.map.sites.find((s) => s.recommended)?.code).toBe('P2');
	});

	it('uses the site the draft recommends over the scoring', () => {
		const d = { ...draft(), recommendedSiteCode: 'P1' };
		const s = buildSnapshot(sampleInput(), d);
		// P1 has no land cost: total = 18,562,500,000 × 1.1
		expect(section(s, 'estimate').numbers.totalVnd.value).toBe(20_418_750_000);
		expect(section(s, 'recommended').numbers.rank.value).toBe(2);
	});

	it('states the ratio to norm and the 70 % rule', () => {
		const n = section(snap, 'necessity').numbers;
		expect(n.ratioToNorm.value).toBe(0.6);
		expect(n.threshold.value).toBe(0.7);
		expect(n.shortfallM2.value).toBe(240);
		expect(n.buildingsCorD.value).toBe(1);
		// No made-up condition index: TCVN 9381 grades by danger level only.
		expect(n).not.toHaveProperty('meanConditionIndex');
		expect(generatedParagraphs(snap, 'necessity', 'vi')[0]).toContain('60%');
		expect(generatedParagraphs(snap, 'necessity', 'vi')[0]).toContain('dưới ngưỡng');
	});

	it('lists the staffing support by field', () => {
		const s = section(snap, 'staffing');
		expect(s.numbers.vacant.value).toBe(3);
		// The field's name, never its key.
		expect(s.tables[0].rows[0]).toEqual(['Đất đai', 4, 1, 3, 1]);
	});

	it('takes narratives from the draft', () => {
		const d = draft();
		d.narratives.necessity = 'Trụ sở xuống cấp.';
		expect(section(buildSnapshot(sampleInput(), d), 'necessity').narrative).toBe(
			'Trụ sở xuống cấp.'
		);
	});
});

describe('diffSnapshots', () => {
	it('lists changed numbers section by section', () => {
		const a = buildSnapshot(sampleInput(), draft());
		const input = sampleInput();
		input.needs.units[0].occupiedAreaM2 = 250;
		input.needs.occupiedWorkAreaM2 = 410;
		input.needs.ratioToNorm = 410 / 600;
		const d = draft();
		d.narratives.schedule = 'Mới';
		d.submission.signerName = 'Nguyễn Văn A';
		const b = buildSnapshot(input, d);
		const diff = diffSnapshots(a, b);
		const nec = diff.sections.find((s) => s.key === 'necessity');
		expect(nec?.numbers.map((c) => c.key).sort()).toEqual([
			'occupiedWorkAreaM2',
			'ratioToNorm',
			'shortfallM2'
		]);
		expect(nec?.numbers.find((c) => c.key === 'shortfallM2')?.after?.value).toBe(190);
		expect(nec?.tables).toEqual(['units']);
		expect(diff.sections.find((s) => s.key === 'schedule')?.narrativeChanged).toBe(true);
		expect(diff.submission).toEqual(['signerName']);
		expect(diff.sections.find((s) => s.key === 'estimate')).toBeUndefined();
		expect(changedNumbers(a, b).map((c) => c.key)).toContain('necessity.ratioToNorm');
	});

	it('is empty for the same snapshot', () => {
		const a = buildSnapshot(sampleInput(), draft());
		expect(diffSnapshots(a, a)).toMatchObject({ sections: [], submission: [], changedNumbers: 0 });
	});
});
