import { error } from '@sveltejs/kit';
import type { Locale } from '../../i18n';
import { QueueFullError, queueFullMessage } from '../jobs';

/**
 * Awaits work queued for a worker thread; a full queue becomes the 503 page "Máy chủ đang bận …"
 * (with Retry-After, see response-headers) instead of an error.
 */
export async function orBusy<T>(work: Promise<T>, locale: Locale): Promise<T> {
	try {
		return await work;
	} catch (e) {
		if (e instanceof QueueFullError) {
			error(503, { message: queueFullMessage(e, locale), code: 'busy' });
		}
		throw e;
	}
}
