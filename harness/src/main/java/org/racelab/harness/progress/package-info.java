/** How runners say how far they have got, without knowing who listens or how it is shown. */
package org.racelab.harness.progress;
