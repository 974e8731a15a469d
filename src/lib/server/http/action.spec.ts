import { isHttpError, isRedirect, redirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDb } from '../db/test-db';
import { ConflictError } from '../core/concurrency';
import { DomainError } from '../core/errors';
import { runAction } from './action';

const db = createTestDb();

function post(fields: Record<string, string>, locale: 'vi' | 'en' = 'vi') {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	return {
		request: new Request('http://x/', { method: 'POST', body }),
		locals: { db, locale } as App.Locals
	};
}

const schema = z.object({ code: z.string().trim().min(1).max(10), rooms: z.coerce.number() });

/** A service error the way the feature folders declare theirs. */
class ThingError extends DomainError<'not-found' | 'duplicate-code' | 'too-big' | 'odd'> {}

async function thrown(p: Promise<unknown>): Promise<unknown> {
	try {
		await p;
	} catch (e) {
		return e;
	}
	throw new Error('nothing thrown');
}

describe('runAction', () => {
	it('runs the body with the parsed data, the typed text and the form version', async () => {
		const seen: unknown[] = [];
		const out = await runAction(
			post({ code: ' BT-01 ', rooms: '12', version: '7' }),
			schema,
			(input) => {
				seen.push(input.data, input.values.code, input.version);
				return { saved: input.data.rooms * 2 };
			}
		);
		expect(out).toEqual({ saved: 24 });
		expect(seen).toEqual([{ code: 'BT-01', rooms: 12 }, ' BT-01 ', 7]);
	});

	it('answers invalid input with 400, a message per field and the values typed, without running', async () => {
		let ran = false;
		const out = await runAction(
			post({ code: '', rooms: '3' }),
			schema,
			() => {
				ran = true;
			},
			{ form: 'facility' }
		);
		expect(ran).toBe(false);
		expect(out).toMatchObject({
			status: 400,
			data: {
				values: { code: '', rooms: '3' },
				errors: { code: 'Trường này là bắt buộc.' },
				message: 'Vui lòng sửa các lỗi được đánh dấu bên dưới.',
				form: 'facility'
			}
		});
	});

	it("turns a domain error with code 'not-found' into a 404 in the user's language", async () => {
		const e = await thrown(
			runAction(post({ code: 'A', rooms: '1' }, 'en'), schema, () => {
				throw new ThingError('not-found');
			})
		);
		expect(isHttpError(e, 404)).toBe(true);
		expect((e as { body: App.Error }).body).toEqual({
			message: 'Page or record not found.',
			code: 'not_found'
		});
	});

	it('puts a duplicate code beside the code field without being told', async () => {
		const out = await runAction(post({ code: 'A', rooms: '1' }), schema, () => {
			throw new ThingError('duplicate-code');
		});
		expect(out).toMatchObject({
			status: 400,
			data: { errors: { code: 'Mã này đã được dùng.' }, values: { code: 'A', rooms: '1' } }
		});
	});

	it("uses the error's own field, message key and values", async () => {
		const out = await runAction(post({ code: 'A', rooms: '1' }), schema, () => {
			throw new ThingError('too-big', 'rooms', 'err.max', { max: 40 });
		});
		expect(out).toMatchObject({
			status: 400,
			data: { errors: { rooms: 'Phải nhỏ hơn hoặc bằng 40.' } }
		});
	});

	it("maps a code through the action's messages and fields; without a field it is the form's message", async () => {
		const withField = await runAction(
			post({ code: 'A', rooms: '1' }),
			schema,
			() => {
				throw new ThingError('odd');
			},
			{ messages: { odd: 'err.number' }, fields: { odd: 'rooms' } }
		);
		expect(withField).toMatchObject({
			status: 400,
			data: { errors: { rooms: 'Phải là một số (dùng dấu phẩy cho phần thập phân, ví dụ 12,5).' } }
		});
		const noField = await runAction(
			post({ code: 'A', rooms: '1' }),
			schema,
			() => {
				throw new ThingError('odd');
			},
			{ messages: { odd: 'err.number' } }
		);
		expect(noField).toMatchObject({
			status: 400,
			data: {
				errors: {},
				message: 'Phải là một số (dùng dấu phẩy cho phần thập phân, ví dụ 12,5).'
			}
		});
	});

	it('lets through an unmapped code, other errors, redirects and HTTP errors', async () => {
		const unmapped = new ThingError('odd');
		expect(
			await thrown(
				runAction(post({ code: 'A', rooms: '1' }), schema, () => {
					throw unmapped;
				})
			)
		).toBe(unmapped);
		const bug = new TypeError('x');
		expect(
			await thrown(
				runAction(post({ code: 'A', rooms: '1' }), schema, () => {
					throw bug;
				})
			)
		).toBe(bug);
		const r = await thrown(
			runAction(post({ code: 'A', rooms: '1' }), schema, () => redirect(303, '/w/bt/facilities/3'))
		);
		expect(isRedirect(r) && r.location).toBe('/w/bt/facilities/3');
	});

	it('answers a stale save with 409, the values typed and the stored version', async () => {
		const out = await runAction(
			post({ code: 'NEW', rooms: '5', version: '2' }),
			schema,
			() => {
				throw new ConflictError('facility', 9, 2, { id: 9, code: 'OLD', rooms: 5, version: 3 });
			},
			{ form: 'facility' }
		);
		expect(out).toMatchObject({
			status: 409,
			data: {
				values: { code: 'NEW', rooms: '5', version: '3' },
				form: 'facility',
				conflict: {
					version: 3,
					deleted: false,
					fields: [{ name: 'code', mine: 'NEW', theirs: 'OLD' }]
				}
			}
		});
	});

	it('without a schema gives the text fields as data', async () => {
		const out = await runAction(post({ id: '4' }), null, ({ data }) => data.id);
		expect(out).toBe('4');
	});
});
