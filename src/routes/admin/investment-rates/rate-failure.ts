import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { failField } from '$lib/server/core/forms';
import type { RateError } from '$lib/server/admin/investment-rates';

/** The message of a refused rate write, on the field it concerns. */
export function rateFailure(
	e: RateError,
	values: Record<string, string>,
	locale: Locale,
	form: string
) {
	const field = e.code === 'duplicate-key' ? 'key' : 'storeysFrom';
	return failField(
		values,
		field,
		translate(locale, `rate.err.${e.code}` as MessageKey, { other: e.other ?? '' }),
		locale,
		form,
		409
	);
}
