package org.gridgov.party;

/** What a service item is: a need 需求 of the community's list, or a resident's micro-wish 微心愿. */
public enum ServiceItemKind {
    NEED, WISH
}
