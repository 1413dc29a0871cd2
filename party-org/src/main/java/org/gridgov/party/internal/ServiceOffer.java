package org.gridgov.party.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.DataScope;
import org.gridgov.party.OfferKind;
import org.gridgov.party.RegistrationKind;
import org.hibernate.annotations.Filter;

/** A resource 资源 a registered unit or member offers to the community, or a project 项目 of the community. */
@Entity
@Table(schema = "party", name = "service_offer")
@Filter(name = DataScope.FILTER, condition = "unit_path like :" + DataScope.FILTER_PARAM)
class ServiceOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private OfferKind kind;
    private long unitId;
    private String unitPath;
    private long communityId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private RegistrationKind providerKind;
    private Long providerRegistrationId;
    private String providerName;
    private String postedBy;
    private Instant postedAt;
    @Version
    @Column(nullable = false)
    private long version;

    protected ServiceOffer() {
    }

    ServiceOffer(OfferKind kind, RegistrationPlace place, String title, String description,
                 RegistrationKind providerKind, Long providerRegistrationId, String providerName, String postedBy,
                 Instant postedAt) {
        this.kind = kind;
        this.unitId = place.unitId();
        this.unitPath = place.unitPath();
        this.communityId = place.communityId();
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.providerKind = providerKind;
        this.providerRegistrationId = providerRegistrationId;
        this.providerName = providerName;
        this.postedBy = postedBy;
        this.postedAt = postedAt;
    }

    Long id() { return id; }
    OfferKind kind() { return kind; }
    long unitId() { return unitId; }
    long communityId() { return communityId; }
    String title() { return title; }
    String description() { return description; }
    RegistrationKind providerKind() { return providerKind; }
    Long providerRegistrationId() { return providerRegistrationId; }
    String providerName() { return providerName; }
    String postedBy() { return postedBy; }
    Instant postedAt() { return postedAt; }
}
