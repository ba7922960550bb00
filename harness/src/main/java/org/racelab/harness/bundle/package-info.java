/**
 * Stage 3, the bundle ({@code bundle.json}, schema {@code racelab.bundle/1}): the only thing that
 * passes from runners to reports, and between machines. It holds measurements only: no chart,
 * no formatted text.
 *
 * <p>Its records are its own: nothing here imports another racelab package, so the schema does
 * not move when the catalog, a runner or a profile does. {@link org.racelab.harness.bundle.BundleWriter}
 * writes a bundle atomically; {@link org.racelab.harness.bundle.BundleReader} reads one as
 * untrusted input, with bounds, and normalises it once (missing lists are empty, nulls in lists are
 * dropped and said, unknown verdicts are {@link org.racelab.harness.bundle.Verdict#UNKNOWN}), so
 * no reader checks again.
 */
package org.racelab.harness.bundle;
