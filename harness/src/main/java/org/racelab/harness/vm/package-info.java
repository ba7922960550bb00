/** Child JVMs: how a runner starts, watches, logs and stops the JVMs that do its work. */
package org.racelab.harness.vm;
