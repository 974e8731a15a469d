import { describe, expect, it } from 'vitest';
import { createI18n } from '$lib/i18n';
import { factText } from './facts';

const vi = createI18n('vi');
const en = createI18n('en');

describe('factText', () => {
	it('formats numbers vi-VN, quantities with the decimals policy', () => {
		expect(factText({ label: 'Diện tích', value: 1836, quantity: 'area', unit: 'm²' }, vi)).toBe(
			'1.836,0 m²'
		);
		expect(factText({ label: 'Diện tích', value: 758.04, quantity: 'area' }, vi)).toBe('758,0');
		expect(factText({ label: 'Số người', value: 12345 }, vi)).toBe('12.345');
		expect(factText({ label: 'Tỷ lệ', value: 0.125, digits: 3 }, vi)).toBe('0,125');
		expect(factText({ label: 'Area', value: 1836, quantity: 'area' }, en)).toBe('1,836.0');
	});
	it('keeps text and shows a dash for a missing value', () => {
		expect(factText({ label: 'Mã', value: 'CS-01' }, vi)).toBe('CS-01');
		expect(factText({ label: 'Địa chỉ', value: null }, vi)).toBe('—');
		expect(factText({ label: 'Địa chỉ', value: '' }, vi)).toBe('—');
		expect(factText({ label: 'Số phòng', value: 0 }, vi)).toBe('0');
	});
});
