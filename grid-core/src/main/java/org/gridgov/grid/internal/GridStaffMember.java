package org.gridgov.grid.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.gridgov.grid.StaffPost;
import org.gridgov.grid.StaffView;
import org.hibernate.annotations.Filter;

/** One person in a post on a grid (or a community, for the police officer). */
@Entity
@Table(schema = "grid", name = "grid_staff")
@Filter(name = ScopeFilter.NAME, condition = "unit_id in (select u.id from grid.unit u "
        + "where u.path like :" + ScopeFilter.PARAM + ")")
class GridStaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long unitId;

    @Enumerated(EnumType.STRING)
    private StaffPost post;

    private String name;

    private byte[] phoneCipher;

    private byte[] phoneHash;

    private String phoneMasked;

    private String username;

    private LocalDate validFrom;

    private LocalDate validTo;

    protected GridStaffMember() {
    }

    StaffView view() {
        return new StaffView(id, unitId, post, name, phoneMasked, username);
    }
}
