/**
 * The case catalog as the harness sees it: the tests of a JCStress tests jar, read from JCStress's
 * own {@code META-INF/TestList}, with the racelab lesson of each case read from its annotations,
 * and the one grader of outcomes ({@link org.racelab.harness.catalog.OutcomeGrader}) that every
 * runner uses, so that FORBIDDEN means the same thing under JCStress and on virtual threads.
 */
package org.racelab.harness.catalog;
