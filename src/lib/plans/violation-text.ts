/**
 * A broken rule of a plan (from `checkAllocation` of `$lib/allocation`) said in the user's
 * language, naming the rule, the unit, the room and the figures. Pure: used by the server
 * (`$lib/server/plans`) and by the plan page's live check, so both say the same words.
 */
import type { Violation } from '../allocation/types';
import type { MessageKey } from '../i18n';

/** What the message needs to know about the plan's rooms and units. */
export interface ViolationLookup {
	/** "TS-01/A 1.04 — Phòng làm việc 1.04" for a room key. */
	roomLabel(roomKey: string): string;
	unitName(unitKey: string): string;
	room(roomKey: string):
		| {
				level: number;
				type: string;
				reason: 'danger' | 'room-type' | null;
				lockedUnitKey: string | null;
		  }
		| undefined;
	minAreaPerPersonM2: number;
	maxUnitsPerRoom: number;
	/** A figure in the user's locale with up to two decimals (so a small excess shows). */
	num(x: number): string;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Example: a `room-area` violation of room r3 (value 30.01, limit 30) reads, in Vietnamese,
 * "Quy tắc diện tích phòng: phòng … được chia 30 m² cho các đơn vị, vượt diện tích 30 m²."
 * (figures by `look.num`, to two decimals, so a small excess shows).
 */
export function violationMessage(t: Translate, v: Violation, look: ViolationLookup): string {
	const room = v.roomId ? look.room(v.roomId) : undefined;
	const params: Record<string, string | number> = {
		room: v.roomId ? look.roomLabel(v.roomId) : '',
		unit: v.unitId ? look.unitName(v.unitId) : '',
		value: v.value === undefined ? '' : look.num(v.value),
		limit: v.limit === undefined ? '' : look.num(v.limit),
		level: room?.level ?? '',
		type: room ? t(`roomType.${room.type}` as MessageKey) : '',
		lockedTo: room?.lockedUnitKey ? look.unitName(room.lockedUnitKey) : '',
		minArea: look.minAreaPerPersonM2,
		maxUnits: look.maxUnitsPerRoom
	};
	const key: MessageKey =
		v.rule === 'usable' && room?.reason === 'danger'
			? 'plans.v.usableDanger'
			: (`plans.v.${v.rule}` as MessageKey);
	return `${t(`plans.rule.${v.rule}` as MessageKey)}: ${t(key, params)}`;
}
