package org.gridgov.party;

/** The other two of the three lists: a resource 资源 a registered unit or member offers, or a project 项目. */
public enum OfferKind {
    RESOURCE, PROJECT
}
