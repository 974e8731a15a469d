import type { FieldSpec } from '$lib/components/form/fields';
import type { I18n } from '$lib/i18n/format';

/**
 * The field beside which a refused rate write is shown when its error names none (a full
 * table, an edit of an old version); duplicates and overlaps name theirs (RateError).
 */
export const RATE_FIELDS: Partial<Record<string, string>> = {
	full: 'storeysFrom',
	'not-current': 'storeysFrom'
};

/** The fields of an investment-rate band (the create and edit forms share them). */
export const rateFields = (t: I18n['t']): FieldSpec[] => [
	{ name: 'storeysFrom', label: t('rate.storeysFrom'), inputmode: 'numeric', required: true },
	{ name: 'storeysTo', label: t('rate.storeysTo'), inputmode: 'numeric' },
	{ name: 'vndPerM2', label: t('rate.vndPerM2'), inputmode: 'numeric', required: true },
	{ name: 'year', label: t('rate.year'), inputmode: 'numeric', required: true },
	{ name: 'source', label: t('rate.source'), type: 'textarea', rows: 2, required: true },
	{ name: 'verify', label: t('legalRef.verify'), type: 'checkbox', hint: t('rate.verifyHint') },
	{ name: 'note', label: t('rate.note'), type: 'textarea', rows: 3 }
];
