import { describe, expect, it } from 'vitest';
import { groupForChart, OTHERS_LABEL } from './inventory-stats';

describe('groupForChart', () => {
	it('keeps one bar per building up to 20 buildings', () => {
		const rows = [
			{ building: 'F1 / A', type: 'office' as const, areaM2: 10 },
			{ building: 'F1 / B', type: 'office' as const, areaM2: 5 }
		];
		expect(groupForChart(rows)).toEqual(rows);
	});

	it('groups by facility beyond 20 buildings and keeps the 19 largest plus the rest', () => {
		// 30 facilities × 2 buildings: facility i has 2 × (i + 1) m² of offices and 1 m² of toilets.
		const rows = Array.from({ length: 30 }, (_, i) => [
			{ building: `F${i} / A`, type: 'office' as const, areaM2: i + 1 },
			{ building: `F${i} / B`, type: 'office' as const, areaM2: i + 1 },
			{ building: `F${i} / B`, type: 'toilet' as const, areaM2: 1 }
		]).flat();
		const out = groupForChart(rows);
		const labels = new Set(out.map((r) => r.building));
		expect(labels.size).toBe(20);
		expect(labels.has('F29')).toBe(true);
		expect(labels.has('F10')).toBe(false);
		// The rest are F0..F10: offices 2 × (1 + … + 11) = 132, toilets 11.
		const others = out.filter((r) => r.building === OTHERS_LABEL);
		expect(others.find((r) => r.type === 'office')!.areaM2).toBe(132);
		expect(others.find((r) => r.type === 'toilet')!.areaM2).toBe(11);
		// Nothing is lost.
		const total = (xs: { areaM2: number }[]) => xs.reduce((s, r) => s + r.areaM2, 0);
		expect(total(out)).toBe(total(rows));
	});
});
