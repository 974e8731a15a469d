/**
 * Long pure computations on the server's thread, in slices: a generator does a bounded piece of
 * work between two `yield`s; {@link runSliced} runs pieces for at most `sliceMs`, then lets the
 * event loop serve other requests (setImmediate) before going on. Whatever the size of a ward,
 * no request holds the thread for much longer than one slice.
 */

export interface SlicedOptions {
	/** Longest run of work between two turns of the event loop (ms). */
	sliceMs?: number;
	/** Called after every slice with the generator's last yielded value. */
	onProgress?: (progress: number) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Drives `steps` to its end in slices of about `sliceMs` and returns its result; an error
 * thrown by the generator rejects the promise.
 *
 * Example: `await runSliced(smaaSteps(u, types, opts), { onProgress: (done) => … })` gives the
 * same result as `smaa(u, types, opts)` without blocking the server.
 */
export async function runSliced<T>(
	steps: Generator<number, T, void>,
	{ sliceMs = 10, onProgress }: SlicedOptions = {}
): Promise<T> {
	for (;;) {
		const until = performance.now() + sliceMs;
		let r = steps.next();
		while (!r.done && performance.now() < until) r = steps.next();
		if (r.done) return r.value;
		onProgress?.(r.value);
		await nextTurn();
	}
}
