import { describe, expect, it } from 'vitest';
import { entitledVsOccupiedConfig, occupiedByBuildingConfig } from './needs';

describe('entitledVsOccupiedConfig', () => {
	const labels = { entitled: 'Định mức', occupied: 'Đang sử dụng' };

	it('draws one pair of bars per unit, rounded to 0.1 m², shortfalls in red', () => {
		const config = entitledVsOccupiedConfig(
			[
				{ unit: 'VP-HDND-UBND', entitledM2: 264, occupiedM2: 110 },
				{ unit: 'HDND', entitledM2: 72.04, occupiedM2: 80.26 }
			],
			labels
		);
		expect(config.type).toBe('bar');
		expect(config.data.labels).toEqual(['VP-HDND-UBND', 'HDND']);
		expect(config.data.datasets.map((d) => d.label)).toEqual(['Định mức', 'Đang sử dụng']);
		expect(config.data.datasets[0].data).toEqual([264, 72]);
		expect(config.data.datasets[1].data).toEqual([110, 80.3]);
		expect(config.data.datasets[1].backgroundColor).toEqual(['#dc2626', '#2563eb']);
		expect(config.options?.animation).toBe(false);
	});

	it('gives empty series for no unit', () => {
		const config = entitledVsOccupiedConfig([], labels);
		expect(config.data.labels).toEqual([]);
		expect(config.data.datasets[0].data).toEqual([]);
	});
});

describe('occupiedByBuildingConfig', () => {
	it('stacks assigned and unassigned working area, coloured by danger level', () => {
		const config = occupiedByBuildingConfig(
			[
				{ building: 'TS-01 / A', dangerLevel: 'B', occupiedM2: 312, unassignedM2: 52 },
				{ building: 'NP-01 / A', dangerLevel: 'D', occupiedM2: 0, unassignedM2: 88 },
				{ building: 'X / A', dangerLevel: null, occupiedM2: 10.04, unassignedM2: 0 }
			],
			{ occupied: 'Đã giao', unassigned: 'Chưa giao' }
		);
		expect(config.data.labels).toEqual(['TS-01 / A', 'NP-01 / A', 'X / A']);
		expect(config.data.datasets[0].data).toEqual([312, 0, 10]);
		expect(config.data.datasets[1].data).toEqual([52, 88, 0]);
		expect(config.data.datasets[0].backgroundColor).toEqual(['#eab308', '#dc2626', '#9ca3af']);
		const scales = config.options?.scales as Record<string, { stacked?: boolean }>;
		expect(scales.x.stacked && scales.y.stacked).toBe(true);
	});
});
