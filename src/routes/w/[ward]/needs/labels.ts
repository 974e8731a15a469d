/** Display helpers of the needs pages: field names, specialised room types, trace steps. */
import type { Column } from '$lib/components/table';
import type { I18n, MessageKey } from '$lib/i18n';
import { ratioFormulaVi, roundM2 } from '$lib/norms';
import { KNOWN_FIELDS, SPECIALISED_ROOM_KEYS } from '$lib/schemas/needs';

type T = I18n['t'];

/** A field of expertise as the user reads it (known keys translated, others as typed). */
export function fieldLabel(t: T, field: string | null): string {
	if (field === null || field.trim() === '') return t('needs.field.none');
	return (KNOWN_FIELDS as readonly string[]).includes(field)
		? t(`needs.field.${field}` as MessageKey)
		: field;
}

/** A group of the vacancies: a field, the leadership posts or the posts without a field. */
export function groupLabel(t: T, key: string): string {
	if (key === 'leadership') return t('needs.field.leadership');
	if (key === 'unspecified') return t('needs.field.none');
	return fieldLabel(t, key);
}

/** The approved, filled and missing columns of the staffing tables (missing marked as a gap). */
export function countColumns<R extends { approved: number; filled: number; missing: number }>(
	t: T
): Column<R>[] {
	return [
		{ key: 'approved', label: t('needs.approved'), numeric: true, value: (r) => r.approved },
		{ key: 'filled', label: t('needs.filled'), numeric: true, value: (r) => r.filled },
		{
			key: 'missing',
			label: t('needs.vac.missing'),
			numeric: true,
			class: 'gap',
			value: (r) => r.missing
		}
	];
}

export function roomTypeLabel(t: T, key: string): string {
	return SPECIALISED_ROOM_KEYS.includes(key) ? t(`needs.roomType.${key}` as MessageKey) : key;
}

/**
 * A trace step of computeSpaceNeeds (written in English by src/lib/norms) in the user's
 * language; the unit code is replaced by the unit's name.
 */
export function traceStepLabel(t: T, step: string, unitNames: Record<string, string>): string {
	const unit = /^Working area of unit '(.+)'$/.exec(step);
	if (unit) return t('needs.trace.unit', { unit: unitNames[unit[1]] ?? unit[1] });
	if (step.startsWith('Working area')) return t('needs.trace.work');
	if (step.startsWith('Common-use')) return t('needs.trace.common');
	if (step.startsWith('Specialised')) {
		const keys = /\((.+)\)/.exec(step)?.[1];
		return keys && !step.includes('none entered')
			? `${t('needs.trace.specialised')} (${keys
					.split(', ')
					.map((k) => roomTypeLabel(t, k))
					.join('; ')})`
			: t('needs.trace.specialised');
	}
	if (step.startsWith('Total usable')) return t('needs.trace.total');
	if (step.startsWith('Occupied')) return t('needs.trace.occupied');
	return step;
}

/** Areas with the policy's decimal (rounded to the norms' precision first) and the ratio formula. */
export function areaFormats(i18n: I18n) {
	const m2 = (x: number) => i18n.q('area', roundM2(x));
	/** "in use ÷ norm = ratio", with vi-VN numbers in Vietnamese. */
	const formula = (inUse: number, norm: number) =>
		i18n.locale === 'vi'
			? ratioFormulaVi(inUse, norm)
			: norm > 0
				? `${m2(inUse)} m² ÷ ${m2(norm)} m² = ${i18n.pct(inUse / norm)}`
				: `${m2(inUse)} m²`;
	return { m2, formula };
}
