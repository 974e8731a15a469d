import { describe, expect, it } from 'vitest';
import {
	scenarioAreaConfig,
	scenarioPeopleConfig,
	unitAreaConfig,
	unitColour,
	UNIT_COLOURS,
	type ScenarioCompareRow
} from './plans';

const rows: ScenarioCompareRow[] = [
	{
		name: 'PA 1',
		unplaced: 54,
		moved: 56,
		buildingsPerUnit: 1.142857,
		areaPerPersonM2: 21.84,
		normM2PerPerson: 16.142857
	},
	{
		name: 'PA 2',
		unplaced: 60,
		moved: 12,
		buildingsPerUnit: 1,
		areaPerPersonM2: null,
		normM2PerPerson: 16.142857
	}
];

describe('scenario comparison charts', () => {
	it('puts unplaced and moved people on the left axis and buildings per unit on the right', () => {
		const c = scenarioPeopleConfig(rows, {
			unplaced: 'Chưa bố trí',
			moved: 'Chuyển chỗ',
			buildings: 'Nhà / đơn vị',
			people: 'Người'
		});
		expect(c.data.labels).toEqual(['PA 1', 'PA 2']);
		expect(c.data.datasets.map((d) => [d.label, d.data, d.yAxisID])).toEqual([
			['Chưa bố trí', [54, 60], 'y'],
			['Chuyển chỗ', [56, 12], 'y'],
			['Nhà / đơn vị', [1.14, 1], 'y1']
		]);
		expect(c.data.datasets[2].type).toBe('line');
		expect(c.options?.animation).toBe(false);
		const scales = c.options?.scales as Record<string, { position?: string }>;
		expect(scales.y1.position).toBe('right');
	});

	it('compares area per person with the norm, 0 when nobody is placed', () => {
		const c = scenarioAreaConfig(rows, { area: 'm²/người', norm: 'Định mức' });
		expect(c.data.datasets[0].data).toEqual([21.8, 0]);
		expect(c.data.datasets[1]).toMatchObject({
			label: 'Định mức',
			data: [16.1, 16.1],
			type: 'line'
		});
	});

	it('gives each unit a colour from the palette, cycling', () => {
		expect(unitColour(0)).toBe(UNIT_COLOURS[0]);
		expect(unitColour(UNIT_COLOURS.length + 2)).toBe(UNIT_COLOURS[2]);
		expect(new Set(UNIT_COLOURS).size).toBe(UNIT_COLOURS.length);
	});

	it('draws area given per unit against its norm, the furthest below in orange', () => {
		const c = unitAreaConfig(
			[
				{ label: 'TT-LD', areaGivenM2: 110.04, normAreaM2: 150, furthest: false },
				{ label: 'TTPVHCC', areaGivenM2: 150, normAreaM2: 303, furthest: true }
			],
			{ given: 'Được bố trí', norm: 'Định mức', m2: 'm²' }
		);
		expect(c.data.labels).toEqual(['TT-LD', 'TTPVHCC']);
		expect(c.data.datasets[0]).toMatchObject({
			label: 'Được bố trí',
			data: [110, 150],
			backgroundColor: ['#2563eb', '#ea580c']
		});
		expect(c.data.datasets[1]).toMatchObject({ label: 'Định mức', data: [150, 303], type: 'line' });
	});
});
