package org.gridgov.web.work.visits;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.grid.HouseholdTag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The visit form as the page binds it (kept when shown again with errors). {@code team} holds the ticked staff as
 * "ROLE|name"; {@code others} names anyone else who came, comma-separated; the visit time is entered in China time.
 */
public class VisitForm {

    private String idempotencyKey;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime visitedAt;
    private List<String> team = new ArrayList<>();
    private String others;
    private String findings;
    private HouseholdTag newTag;
    private String tagReason;
    private boolean raiseCase;
    private String caseCategory;
    private String caseDescription;
    private boolean caseUrgent;
    private MultipartFile photo;

    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public LocalDateTime getVisitedAt() { return visitedAt; }
    public void setVisitedAt(LocalDateTime visitedAt) { this.visitedAt = visitedAt; }
    public List<String> getTeam() { return team; }
    public void setTeam(List<String> team) { this.team = team == null ? new ArrayList<>() : team; }
    public String getOthers() { return others; }
    public void setOthers(String others) { this.others = others; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
    public HouseholdTag getNewTag() { return newTag; }
    public void setNewTag(HouseholdTag newTag) { this.newTag = newTag; }
    public String getTagReason() { return tagReason; }
    public void setTagReason(String tagReason) { this.tagReason = tagReason; }
    public boolean isRaiseCase() { return raiseCase; }
    public void setRaiseCase(boolean raiseCase) { this.raiseCase = raiseCase; }
    public String getCaseCategory() { return caseCategory; }
    public void setCaseCategory(String caseCategory) { this.caseCategory = caseCategory; }
    public String getCaseDescription() { return caseDescription; }
    public void setCaseDescription(String caseDescription) { this.caseDescription = caseDescription; }
    public boolean isCaseUrgent() { return caseUrgent; }
    public void setCaseUrgent(boolean caseUrgent) { this.caseUrgent = caseUrgent; }
    public MultipartFile getPhoto() { return photo; }
    public void setPhoto(MultipartFile photo) { this.photo = photo; }
}
