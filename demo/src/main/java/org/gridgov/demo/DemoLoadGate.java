package org.gridgov.demo;

/**
 * A hook called by the demo loader as it enters each phase of {@link DemoLoadProgress#PHASES}: a test declares a bean
 * of this type to hold the load at a phase (and so see the application while it loads) or to make it fail there.
 * Applications declare none.
 */
@FunctionalInterface
public interface DemoLoadGate {

    /** Called before {@code phase} starts, on the loading thread; may block, or throw to fail the load. */
    void enter(String phase) throws InterruptedException;
}
