// "The latest answer wins": the one rule for answers that arrive after a newer question.
// Every view (and the element's query event) runs its engine calls through latest(), so an
// answer overtaken by a later call is dropped in one place.

/**
 * A runner for async work of which only the latest call's answer counts.
 *
 *   const run = latest();
 *   run(() => ctx.client.terms(opts), (rows) => draw(rows), (error) => say(error));
 *
 * `run(work, apply, fail)` calls `work()`; when it settles and no later `run` (or `cancel`)
 * has happened, `apply(value)` or `fail(error)` is called and the returned Promise resolves
 * with its result; otherwise the answer is dropped and the Promise resolves with undefined.
 * A rejection whose `superseded` is true (the engine's own answer to a call that a newer one
 * overtook, "superseded by a newer query") is always dropped. Without `fail`, a rejection
 * of the latest call rejects the returned Promise. `run.cancel()` drops whatever is in flight.
 */
export function latest() {
  let seq = 0;
  const run = async (work, apply, fail) => {
    const id = ++seq;
    let value;
    try {
      value = await work();
    } catch (error) {
      if (id !== seq || error?.superseded === true) return undefined;
      if (fail) return fail(error);
      throw error;
    }
    return id === seq ? apply(value) : undefined;
  };
  run.cancel = () => {
    seq += 1;
  };
  return run;
}
