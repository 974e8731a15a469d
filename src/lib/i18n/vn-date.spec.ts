import { describe, expect, it } from 'vitest';
import { todayInVietnam } from './vn-date';

describe('todayInVietnam', () => {
	it('turns the day at 17:00 UTC (midnight in Hà Nội), not at 00:00 UTC', () => {
		expect(todayInVietnam(new Date('2026-12-05T16:59:59.999Z'))).toBe('2026-12-05');
		expect(todayInVietnam(new Date('2026-12-05T17:00:00Z'))).toBe('2026-12-06');
		// 06:30 in Hà Nội on 1 January is still 31 December in UTC.
		expect(todayInVietnam(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
	});
});
