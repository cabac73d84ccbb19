package org.jointappeal.appeal.appeal;

/** Fired synchronously, inside the launch's transaction, for whoever derives figures from it. */
public record AppealLaunched(Appeal appeal) {}
