/**
 * Accent folding for search: "Phường Bến Nghé" and "phuong ben nghe" match. Client-safe (no
 * server imports), so a page can fold what the user types the same way the server folds rows.
 */

/**
 * Lower case without diacritics: the combining marks NFD splits off are dropped and đ/Đ (a
 * letter of its own, not a d with a mark) become d. `foldVi('Đông Hòa')` is `'dong hoa'`.
 */
export function foldVi(s: string): string {
	return stripMarksVi(s).toLowerCase();
}

/** The text without diacritics, case kept: `stripMarksVi('Đề xuất')` is `'De xuat'`. */
export function stripMarksVi(s: string): string {
	return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Whether `text` contains `query` once both are folded (an empty query matches everything). */
export function foldIncludes(text: string, query: string): boolean {
	const needle = foldVi(query.trim());
	return needle === '' || foldVi(text).includes(needle);
}
