package org.gridgov.web.work.warnings;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.HouseholdTag;
import org.gridgov.grid.SpecialGroup;
import org.springframework.format.annotation.DateTimeFormat;

/** The issue form of a warning as the page binds it: kept as typed when shown again (preview or errors). */
public class WarningForm {

    private String idempotencyKey;
    private String title;
    private String content;
    private List<Long> unitIds = new ArrayList<>();
    private List<HouseholdTag> colours = new ArrayList<>();
    private List<SpecialGroup> groups = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME, pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime expiresAt;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public List<Long> getUnitIds() { return unitIds; }
    public void setUnitIds(List<Long> unitIds) { this.unitIds = unitIds == null ? new ArrayList<>() : unitIds; }
    public List<HouseholdTag> getColours() { return colours; }
    public void setColours(List<HouseholdTag> colours) { this.colours = colours == null ? new ArrayList<>() : colours; }
    public List<SpecialGroup> getGroups() { return groups; }
    public void setGroups(List<SpecialGroup> groups) { this.groups = groups == null ? new ArrayList<>() : groups; }
    public LocalDateTime getExpiresAt() { return expiresAt; }
    public void setExpiresAt(LocalDateTime expiresAt) { this.expiresAt = expiresAt; }
}
