import { describe, expect, it } from 'vitest';
import { auditValue, entityLabel, fieldLabel } from './audit-labels';

describe('the audit log in words', () => {
	it.each([
		['judgment', 'Đánh giá so sánh cặp', 'Pairwise judgements'],
		['scoring-run', 'Lần chấm điểm', 'Scoring run'],
		['org-unit', 'Đơn vị', 'Unit'],
		['something-new', 'Something new', 'Something new']
	])('names the record kind %s', (entity, vi, en) => {
		expect(entityLabel(entity, 'vi')).toBe(vi);
		expect(entityLabel(entity, 'en')).toBe(en);
	});

	it.each([
		['buildingId', 'Nhà'],
		['areaM2', 'Diện tích (m²)'],
		['after.areaM2', 'Diện tích (m²)'],
		['weights.land-area', 'Trọng số: land-area'],
		['totalAreaM2', 'Tổng diện tích (m²)'],
		['landCostVnd', 'Chi phí đất (đồng)']
	])('names the field %s in Vietnamese', (field, vi) => {
		expect(fieldLabel(field, 'vi')).toBe(vi);
	});

	it('writes values as the reader expects', () => {
		expect(auditValue('areaM2', '29.5', 'vi')).toBe('29,5');
		expect(auditValue('areaM2', '1234.5', 'vi')).toBe('1.234,5');
		expect(auditValue('areaM2', '29.5', 'en')).toBe('29.5');
		expect(auditValue('usable', 'true', 'vi')).toBe('có');
		expect(auditValue('usable', 'false', 'en')).toBe('no');
		expect(auditValue('note', null, 'vi')).toBe('—');
		expect(auditValue('name', 'Phòng họp 2.1', 'vi')).toBe('Phòng họp 2.1');
		// 5 Dec 2026 14:30 in Viet Nam (07:30 UTC).
		expect(auditValue('appliedAt', String(Date.UTC(2026, 11, 5, 7, 30)), 'vi')).toBe(
			'14:30 05/12/2026'
		);
	});
});

describe('one decimals policy', () => {
	it('writes each quantity with its fixed decimals', async () => {
		const { formatQuantity } = await import('./index');
		expect(formatQuantity('score', 0.62, 'vi')).toBe('0,620');
		expect(formatQuantity('score', 0.7994, 'vi')).toBe('0,799');
		expect(formatQuantity('cr', 0.0885, 'vi')).toBe('0,089');
		expect(formatQuantity('ratio', 1.35, 'vi')).toBe('1,35');
		expect(formatQuantity('area', 1234.56, 'vi')).toBe('1.234,6');
		expect(formatQuantity('count', 119, 'en')).toBe('119');
		expect(formatQuantity('weight', null, 'vi')).toBe('—');
	});
});
