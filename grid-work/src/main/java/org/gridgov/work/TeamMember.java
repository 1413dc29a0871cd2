package org.gridgov.work;

/** One person on a visit; a team of several is still one visit. */
public record TeamMember(TeamRole role, String name) {
}
