/**
 * vitest setup (vitest.config.ts setupFiles): with SLIDERULE_FC_SEED set, every fast-check
 * property draws from that seed, so a run is reproducible. CI sets it (.ci/run): a gate must
 * not pass or fail by the luck of the draw. Local runs leave it unset and draw a new seed each
 * time, which is how properties keep finding new cases; a failure prints its seed and path,
 * and SLIDERULE_FC_SEED=<seed> replays the run.
 */
import fc from "fast-check";

const seed = process.env.SLIDERULE_FC_SEED;
if (seed !== undefined && seed !== "") {
  const value = Number(seed);
  if (!Number.isInteger(value)) throw new Error(`SLIDERULE_FC_SEED must be an integer, got ${seed}`);
  fc.configureGlobal({ seed: value });
}
