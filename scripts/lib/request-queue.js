/**
 * Hands the server's requests to the app one per turn of the event loop, in arrival order, with
 * a bounded queue.
 *
 * Node runs every request that is ready in the same turn of its loop before it looks at timers
 * again, so with twenty users at once the turn lasts twenty requests long (300 ms and more on
 * this 2-core machine) and everything else waits: timers, worker answers, the next bytes of an
 * upload. Taking one request per turn (setImmediate) keeps each turn one request long, so the
 * loop stays responsive however many users are waiting, and the waiting is fair (first come,
 * first served). When `limit` requests already wait, a new one is answered at once with 503 and
 * Retry-After instead of growing the queue without bound.
 */

/**
 * @typedef {import('node:http').IncomingMessage} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @param {(req: Req, res: Res) => void} handle
 * @param {{ limit?: number, retryAfterS?: number }} [options]
 */
export function requestQueue(handle, { limit = 400, retryAfterS = 5 } = {}) {
	/** @type {[Req, Res][]} */
	const waiting = [];
	let scheduled = false;
	const next = () => {
		scheduled = false;
		const item = waiting.shift();
		if (waiting.length) schedule();
		if (!item) return;
		const [req, res] = item;
		// The client gave up while it waited: nothing to answer.
		if (req.destroyed || res.writableEnded) return;
		handle(req, res);
	};
	const schedule = () => {
		if (scheduled) return;
		scheduled = true;
		setImmediate(next);
	};
	/** @param {Req} req @param {Res} res */
	const enqueue = (req, res) => {
		if (waiting.length >= limit) {
			res.writeHead(503, {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'no-store',
				'retry-after': String(retryAfterS)
			});
			res.end(
				'Máy chủ đang bận, xin thử lại sau vài giây.\nThe server is busy, please try again shortly.\n'
			);
			return;
		}
		waiting.push([req, res]);
		schedule();
	};
	enqueue.waiting = () => waiting.length;
	return enqueue;
}
