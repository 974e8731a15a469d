import { describe, expect, it } from 'vitest';
import { formatNumber, translate, type MessageKey } from '../i18n';
import { applyConsequences } from './consequences';
import { violationMessage, type ViolationLookup } from './violation-text';

const units = [
	{ id: 1, name: 'Thường trực', areaGivenM2: 120, normAreaM2: 150 }, // 80 %
	{ id: 2, name: 'Một cửa', areaGivenM2: 150, normAreaM2: 303 }, // 49.5 %
	{ id: 3, name: 'Văn phòng', areaGivenM2: 90, normAreaM2: 150 }, // 60 %
	{ id: 4, name: 'Không định mức', areaGivenM2: 0, normAreaM2: 0 }
];

describe('applyConsequences', () => {
	it('lists the units under the share asked about, worst first', () => {
		const c = applyConsequences({ moved: 7, sharedRooms: 3, unseated: 0, units }, 0.7);
		expect(c).toMatchObject({ movedPersons: 7, sharedRooms: 3, unseated: 0, share: 0.7 });
		expect(c.unitsBelow.map((u) => u.unitId)).toEqual([2, 3]);
		expect(c.unitsBelow[0].givenShare).toBeCloseTo(150 / 303, 12);
		expect(
			applyConsequences({ moved: 0, sharedRooms: 0, unseated: 0, units }, 0.5).unitsBelow
		).toEqual([{ unitId: 2, name: 'Một cửa', givenShare: 150 / 303 }]);
		// Exactly at the share is not below it.
		expect(
			applyConsequences({ moved: 0, sharedRooms: 0, unseated: 0, units }, 0.6).unitsBelow.map(
				(u) => u.unitId
			)
		).toEqual([2]);
	});
});

describe('violationMessage', () => {
	const look: ViolationLookup = {
		roomLabel: (k) => (k === 'r1' ? 'TS-01/A 1.01 — Bộ phận một cửa' : k),
		unitName: (k) => (k === 'u1' ? 'Thường trực' : 'Một cửa'),
		room: (k) =>
			k === 'r1'
				? { level: 2, type: 'office', reason: null, lockedUnitKey: 'u1' }
				: { level: 1, type: 'hall', reason: 'danger', lockedUnitKey: null },
		minAreaPerPersonM2: 6,
		maxUnitsPerRoom: 2,
		num: (x) => formatNumber(x, 'vi', 2)
	};
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate('vi', key, params);

	it('names the rule, the unit, the room and the figures', () => {
		expect(
			violationMessage(t, { rule: 'ground-floor', unitId: 'u2', roomId: 'r1', message: '' }, look)
		).toBe(
			'Quy tắc tầng 1: Một cửa chỉ được bố trí ở tầng 1, nhưng phòng TS-01/A 1.01 — Bộ phận một cửa ở tầng 2.'
		);
		expect(
			violationMessage(
				t,
				{ rule: 'room-area', roomId: 'r1', value: 30.04, limit: 30, message: '' },
				look
			)
		).toBe(
			'Quy tắc diện tích phòng: phòng TS-01/A 1.01 — Bộ phận một cửa được chia 30,04 m² cho các đơn vị, vượt diện tích 30 m².'
		);
		expect(
			violationMessage(t, { rule: 'lock', unitId: 'u2', roomId: 'r1', message: '' }, look)
		).toContain('dành riêng cho Thường trực');
		expect(
			violationMessage(t, { rule: 'usable', unitId: 'u2', roomId: 'r9', message: '' }, look)
		).toContain('cấp nguy hiểm C/D');
		expect(translate('en', 'plans.rule.min-area')).toBe('Rule: least area per person');
	});
});
