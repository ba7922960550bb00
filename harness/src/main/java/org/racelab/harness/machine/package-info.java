/** The machine's fingerprint: what changes what concurrency looks like on it (OSHI, and Linux's own files). */
package org.racelab.harness.machine;
