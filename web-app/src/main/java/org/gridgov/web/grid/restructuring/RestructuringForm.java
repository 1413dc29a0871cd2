package org.gridgov.web.grid.restructuring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form behind the split, merge and move pages: new units' codes and names, which part each child unit and
 * household goes to (split), which units to merge, the new parent (move), the effective date and the reason.
 */
public class RestructuringForm {

    public static class Part {
        private String codeSuffix = "";
        private String name = "";

        public String getCodeSuffix() {
            return codeSuffix;
        }

        public void setCodeSuffix(String codeSuffix) {
            this.codeSuffix = codeSuffix;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private List<Part> parts = new ArrayList<>();
    private Map<Long, Integer> childPart = new HashMap<>();
    private Map<Long, Integer> householdPart = new HashMap<>();
    private List<Long> unitIds = new ArrayList<>();
    private Long newParentId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate effectiveDate;
    private String reason = "";

    /** An empty form of {@code count} parts, effective {@code today} (the platform's, given by the controller). */
    static RestructuringForm withParts(int count, LocalDate today) {
        RestructuringForm form = new RestructuringForm();
        form.effectiveDate = today;
        for (int i = 0; i < count; i++) {
            form.parts.add(new Part());
        }
        return form;
    }

    public List<Part> getParts() {
        return parts;
    }

    public void setParts(List<Part> parts) {
        this.parts = parts;
    }

    public Map<Long, Integer> getChildPart() {
        return childPart;
    }

    public void setChildPart(Map<Long, Integer> childPart) {
        this.childPart = childPart;
    }

    public Map<Long, Integer> getHouseholdPart() {
        return householdPart;
    }

    public void setHouseholdPart(Map<Long, Integer> householdPart) {
        this.householdPart = householdPart;
    }

    public List<Long> getUnitIds() {
        return unitIds;
    }

    public void setUnitIds(List<Long> unitIds) {
        this.unitIds = unitIds;
    }

    public Long getNewParentId() {
        return newParentId;
    }

    public void setNewParentId(Long newParentId) {
        this.newParentId = newParentId;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
