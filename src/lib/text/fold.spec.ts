import { describe, expect, it } from 'vitest';
import { foldIncludes, foldVi, stripMarksVi } from './fold';

describe('foldVi', () => {
	it('drops the tone and vowel marks and lowers the case', () => {
		expect(foldVi('Phường Bến Nghé')).toBe('phuong ben nghe');
		expect(foldVi('Ủy ban nhân dân')).toBe('uy ban nhan dan');
		expect(foldVi('NGƯỠNG')).toBe('nguong');
	});

	it('turns đ and Đ into d (they have no combining mark to drop)', () => {
		expect(foldVi('Đông Hòa')).toBe('dong hoa');
		expect(foldVi('đường Điện Biên Phủ')).toBe('duong dien bien phu');
	});

	it('gives the same text for composed and decomposed input', () => {
		const composed = 'Tân Định';
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		expect(foldVi(decomposed)).toBe(foldVi(composed));
		expect(foldVi(composed)).toBe('tan dinh');
	});

	it('leaves plain ASCII, digits and punctuation as they are (lowered)', () => {
		expect(foldVi('BT-01 / Khu A')).toBe('bt-01 / khu a');
	});
});

describe('foldIncludes', () => {
	it('matches without accents in either direction', () => {
		expect(foldIncludes('Trụ sở UBND phường Đa Kao', 'da kao')).toBe(true);
		expect(foldIncludes('Trụ sở UBND phường Đa Kao', 'ĐA KAO')).toBe(true);
		expect(foldIncludes('Trụ sở UBND phường Đa Kao', 'tan dinh')).toBe(false);
	});

	it('matches everything with an empty or blank query', () => {
		expect(foldIncludes('x', '')).toBe(true);
		expect(foldIncludes('x', '   ')).toBe(true);
	});
});

describe('stripMarksVi', () => {
	it('drops the marks and keeps the case (Đ becomes D, đ becomes d)', () => {
		expect(stripMarksVi('Đề xuất đường Hàm Nghi')).toBe('De xuat duong Ham Nghi');
	});
});
