import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS_MB } from './constants';
import { MAX_FILE_MB } from './server/io';
import { MAX_PHOTO_MB } from './server/inventory/photos';
import { MAX_BOUNDARY_BYTES } from './server/admin/wards';

describe('upload limits shown on the pages', () => {
	it('equal the limits the server enforces', () => {
		expect(UPLOAD_LIMITS_MB.table).toBe(MAX_FILE_MB);
		expect(UPLOAD_LIMITS_MB.photo).toBe(MAX_PHOTO_MB);
		expect(UPLOAD_LIMITS_MB.boundary * 1024 * 1024).toBe(MAX_BOUNDARY_BYTES);
	});
});
