import { describe, expect, it } from 'vitest';
import {
	FACILITY_KINDS,
	LEGAL_STATUSES,
	ROOM_TYPES,
	SITE_LEGAL_STATUSES,
	UNIT_KINDS
} from './constants';

describe('enumerations', () => {
	it('lists each value once, in order', () => {
		expect(ROOM_TYPES.join(' ')).toBe(
			'office meeting reception one-stop hall archive it store toilet corridor other'
		);
		expect(LEGAL_STATUSES.join()).toBe('certificate,allocated,leased,pending,disputed,unknown');
		expect(UNIT_KINDS).toHaveLength(7);
		expect(FACILITY_KINDS[2]).toBe('committee-office');
		expect(SITE_LEGAL_STATUSES.at(-1)).toBe('unavailable');
	});
});
