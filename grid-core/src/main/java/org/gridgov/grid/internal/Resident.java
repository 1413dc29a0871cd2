package org.gridgov.grid.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gridgov.grid.DocumentType;
import org.gridgov.grid.Gender;
import org.gridgov.grid.Relation;
import org.gridgov.grid.ResidentView;
import org.gridgov.grid.SpecialGroup;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Filter;

/** 人 — a resident; ID number and phone are held encrypted, hashed for look-up and masked for display. */
@Entity
@Table(schema = "grid", name = "resident")
@Filter(name = ScopeFilter.NAME, condition = "household_id in (select h.id from grid.household h "
        + "where h.unit_path like :" + ScopeFilter.PARAM + ")")
class Resident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long householdId;

    private String name;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    private DocumentType documentType = DocumentType.ID_CARD;

    private byte[] idNumberCipher;

    private byte[] idNumberHash;

    private String idNumberMasked;

    private byte[] phoneCipher;

    private byte[] phoneHash;

    private String phoneMasked;

    @Enumerated(EnumType.STRING)
    private Relation relation;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(schema = "grid", name = "resident_special_group", joinColumns = @JoinColumn(name = "resident_id"))
    @Column(name = "special_group")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<SpecialGroup> specialGroups = new HashSet<>();

    @Version
    @Column(nullable = false)
    private long version;

    private Instant updatedAt;

    protected Resident() {
    }

    Resident(Long householdId) {
        this.householdId = householdId;
    }

    void describe(String name, Gender gender, LocalDate birthDate, Relation relation, Set<SpecialGroup> groups,
                  Instant at) {
        this.name = name;
        this.gender = gender;
        this.birthDate = birthDate;
        this.relation = relation;
        this.specialGroups.clear();
        if (groups != null) {
            this.specialGroups.addAll(groups);
        }
        this.updatedAt = at;
    }

    byte[] idNumberCipher() {
        return idNumberCipher;
    }

    byte[] phoneCipher() {
        return phoneCipher;
    }

    /**
     * The resident's document: its kind and number (encrypted, hashed, masked; all null for
     * {@link DocumentType#NONE}).
     */
    void identify(DocumentType type, byte[] cipher, byte[] hash, String masked) {
        this.documentType = type;
        this.idNumberCipher = cipher;
        this.idNumberHash = hash;
        this.idNumberMasked = masked;
    }

    void reachAt(byte[] cipher, byte[] hash, String masked) {
        this.phoneCipher = cipher;
        this.phoneHash = hash;
        this.phoneMasked = masked;
    }

    void moveTo(Long householdId) {
        this.householdId = householdId;
    }

    boolean hasIdNumber() {
        return idNumberCipher != null;
    }

    DocumentType documentType() {
        return documentType;
    }

    /** Whether the stored number is of GB 11643's 18-character form, which carries the birth date and gender. */
    boolean carriesBirthDate() {
        return documentType != DocumentType.NONE && documentType != DocumentType.PASSPORT
                && idNumberMasked != null && idNumberMasked.length() == 18;
    }

    /** As shown on {@code today} (the platform's date): the age in whole years, not the birth date. */
    ResidentView view(LocalDate today) {
        Set<SpecialGroup> groups = specialGroups.isEmpty() ? Set.of() : EnumSet.copyOf(specialGroups);
        int age = birthDate.isAfter(today) ? 0 : Period.between(birthDate, today).getYears();
        return new ResidentView(id, householdId, name, gender, age, idNumberMasked, phoneMasked, relation,
                groups, version, documentType);
    }

    LocalDate birthDate() {
        return birthDate;
    }

    Relation relation() {
        return relation;
    }

    Long id() {
        return id;
    }

    Long householdId() {
        return householdId;
    }

    long version() {
        return version;
    }
}
