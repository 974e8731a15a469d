/** The columns of a room list (facility page: all rooms with their level; building page: by level). */
import type { Column } from '$lib/components/table';
import type { I18n } from '$lib/i18n';
import type { RoomType } from '$lib/constants';

interface RoomRow {
	code: string;
	name: string;
	level: number;
	type: RoomType;
	areaM2: number;
	unitName: string | null;
	occupants: number;
}

/** Code (drawn by the page's cell snippet), name, level (optional), type, area, unit, occupants. */
export function roomColumns<R extends RoomRow>(i18n: I18n, withLevel: boolean): Column<R>[] {
	const { t } = i18n;
	return [
		{ key: 'code', label: t('room.code') },
		{ key: 'name', label: t('room.name'), value: (r) => r.name },
		...(withLevel
			? [{ key: 'level', label: t('room.level'), numeric: true, value: (r: R) => r.level }]
			: []),
		{ key: 'type', label: t('room.type'), value: (r) => t(`roomType.${r.type}`) },
		{ key: 'area', label: t('room.area'), numeric: true, value: (r) => i18n.q('area', r.areaM2) },
		{ key: 'unit', label: t('room.unit'), value: (r) => r.unitName },
		{ key: 'occupants', label: t('room.occupants'), numeric: true, value: (r) => r.occupants }
	];
}
