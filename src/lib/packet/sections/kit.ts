/** What every section builder of the packet shares: words, traced numbers, tables, labels. */
import { translate, type MessageKey } from '../../i18n';
import type {
	Bilingual,
	Cell,
	NumberSource,
	PacketTable,
	SourceKind,
	TracedNumber
} from '../types';

export const W = (vi: string, en: string): Bilingual => ({ vi, en });

export const num = (
	value: number | null,
	unit: string,
	kind: SourceKind,
	field: string,
	words: Bilingual,
	extra: Omit<NumberSource, 'kind' | 'field' | 'words'> = {}
): TracedNumber => ({ value, unit, source: { kind, field, ...extra, words } });

export const r1 = (x: number) => Math.round(x * 10) / 10;
export const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** Label of a message key in both languages (the app's catalogue), or the fallback. */
export function label(key: string, fallback: string): Bilingual {
	const k = key as MessageKey;
	const vi = translate('vi', k);
	const en = translate('en', k);
	return { vi: vi === key ? fallback : vi, en: en === key ? fallback : en };
}

/** A field of expertise (KNOWN_FIELDS) in both languages. */
export function fieldLabel(field: string | null): Bilingual {
	return label(`needs.field.${field ?? 'none'}`, field ?? '—');
}

/** The scoring methods as the documents name them. */
export const METHOD_LABELS: Record<string, Bilingual> = {
	'weighted-sum': W('Tổng có trọng số', 'Weighted sum'),
	topsis: W('TOPSIS', 'TOPSIS'),
	promethee2: W('PROMETHEE II', 'PROMETHEE II')
};
export const methodLabel = (m: string) => METHOD_LABELS[m] ?? W(m, m);

export function table(
	key: string,
	titleVi: string,
	titleEn: string,
	head: [string, string][],
	rows: Cell[][]
): PacketTable {
	return {
		key,
		titleVi,
		titleEn,
		headVi: head.map((h) => h[0]),
		headEn: head.map((h) => h[1]),
		rows
	};
}

const DECIMALS = new Map<number, Intl.NumberFormat>();
/**
 * A decimal with a comma and always `digits` decimals ("0,812", "0,620"), as Vietnamese
 * documents write it; `digits` follows the one policy (DECIMALS in $lib/i18n).
 */
export function formatDecimal(x: number, digits: number): string {
	let f = DECIMALS.get(digits);
	if (!f) {
		f = new Intl.NumberFormat('vi-VN', {
			minimumFractionDigits: digits,
			maximumFractionDigits: digits
		});
		DECIMALS.set(digits, f);
	}
	return f.format(x);
}
