import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness and database check for monitoring and the test harness. */
export const GET: RequestHandler = ({ locals }) => {
	const row = locals.db.$client.prepare('select count(*) as n from wards').get() as { n: number };
	return json({ ok: true, wards: row.n });
};
