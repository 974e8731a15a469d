import { describe, expect, it } from 'vitest';
import { apiError, noEndpoint } from './api';

describe('API errors', () => {
	it('answers an unknown endpoint with 404 in the caller’s language', async () => {
		const vi = noEndpoint('vi');
		expect(vi.status).toBe(404);
		expect(vi.headers.get('content-type')).toContain('application/json');
		expect(await vi.json()).toEqual({
			error: { code: 'not_found', message: 'Không có địa chỉ API này.' }
		});
		expect(await noEndpoint('en').json()).toEqual({
			error: { code: 'not_found', message: 'No such API endpoint.' }
		});
	});

	it('keeps the one error shape for any status', async () => {
		const r = apiError(400, 'bad_request', 'x');
		expect(r.status).toBe(400);
		expect(await r.json()).toEqual({ error: { code: 'bad_request', message: 'x' } });
	});
});
