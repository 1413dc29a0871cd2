package org.gridgov.web.party.organizations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gridgov.party.OrganizationView;

/** An organization with its sub-organizations, for drawing the tree; roots are those whose parent is not listed. */
record OrgNode(OrganizationView organization, List<OrgNode> children) {

    static List<OrgNode> tree(List<OrganizationView> organizations) {
        Map<Long, OrgNode> nodes = new HashMap<>();
        organizations.forEach(o -> nodes.put(o.id(), new OrgNode(o, new ArrayList<>())));
        List<OrgNode> roots = new ArrayList<>();
        for (OrganizationView o : organizations) {
            OrgNode parent = o.parentId() == null ? null : nodes.get(o.parentId());
            (parent == null ? roots : parent.children()).add(nodes.get(o.id()));
        }
        return roots;
    }
}
