/** Norms test helpers: a vacancy position row (groupVacancies) with the fields tests vary. */
import type { VacancyPosition } from '$lib/norms/staffing';

/** A specialist post of the office ('U1', Văn phòng) in `field`, no rank. */
export const vacancyRow = (
	field: string | null,
	leadership: boolean,
	approved: number,
	filled: number
): VacancyPosition => ({
	unitCode: 'U1',
	unitName: 'Văn phòng',
	title: 'Chuyên viên',
	titleKey: 'specialist',
	rank: null,
	field,
	approved,
	filled,
	leadership
});
