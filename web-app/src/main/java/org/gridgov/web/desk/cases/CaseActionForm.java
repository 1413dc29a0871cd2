package org.gridgov.web.desk.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CancelReason;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** One action form of the case page: the action, the version seen, and only the inputs that action needs. */
public class CaseActionForm {

    private CaseAction action;
    private Long version;
    private String comment;
    /** Level and unit in one value, e.g. {@code GRID:42}. */
    private String target;
    private String reason;
    private CancelReason cancelReason;
    private String duplicateOf;
    private Integer extensionDays;
    private SupervisionLevel supervision;
    private Satisfaction satisfaction;
    private MultipartFile photo;
    /** 协办 — the assisting departments of a dispatch or escalation to a department. */
    private List<Long> assistingDepartmentIds = new ArrayList<>();
    /** 挂账 — the day a shelved case comes back. */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reviewDate;

    public CaseAction getAction() { return action; }
    public void setAction(CaseAction action) { this.action = action; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public CancelReason getCancelReason() { return cancelReason; }
    public void setCancelReason(CancelReason cancelReason) { this.cancelReason = cancelReason; }
    public String getDuplicateOf() { return duplicateOf; }
    public void setDuplicateOf(String duplicateOf) { this.duplicateOf = duplicateOf; }
    public Integer getExtensionDays() { return extensionDays; }
    public void setExtensionDays(Integer extensionDays) { this.extensionDays = extensionDays; }
    public SupervisionLevel getSupervision() { return supervision; }
    public void setSupervision(SupervisionLevel supervision) { this.supervision = supervision; }
    public Satisfaction getSatisfaction() { return satisfaction; }
    public void setSatisfaction(Satisfaction satisfaction) { this.satisfaction = satisfaction; }
    public MultipartFile getPhoto() { return photo; }
    public void setPhoto(MultipartFile photo) { this.photo = photo; }
    public List<Long> getAssistingDepartmentIds() { return assistingDepartmentIds; }
    public void setAssistingDepartmentIds(List<Long> ids) {
        this.assistingDepartmentIds = ids == null ? new ArrayList<>() : ids;
    }
    /** Whether the form named this department (its id as the chooser writes it) as an assisting one. */
    public boolean assists(String departmentId) {
        return assistingDepartmentIds.stream().anyMatch(id -> id != null && id.toString().equals(departmentId));
    }
    public LocalDate getReviewDate() { return reviewDate; }
    public void setReviewDate(LocalDate reviewDate) { this.reviewDate = reviewDate; }
}
