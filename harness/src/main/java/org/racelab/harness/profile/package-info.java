/** The profiles (smoke, quick, full, tough): every runner's budgets in one place. */
package org.racelab.harness.profile;
