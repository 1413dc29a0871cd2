package org.gridgov.web.grid.restructuring;

import java.util.List;
import java.util.Map;

import org.gridgov.grid.MergeCommand;
import org.gridgov.grid.MoveCommand;
import org.gridgov.grid.SplitCommand;
import org.gridgov.web.grid.restructuring.RestructuringJson.RestructuringPlan;
import org.gridgov.web.grid.restructuring.RestructuringJson.RestructuringResult;
import org.mapstruct.Mapper;

/**
 * Restructurings' mapping: plans and results to the API's records, and the split, merge and move pages' form to
 * the domain's commands (the API takes the commands as they are).
 */
@Mapper
interface RestructuringMapper {

    RestructuringPlan toJson(org.gridgov.grid.RestructuringPlan plan);

    RestructuringResult toJson(org.gridgov.grid.RestructuringResult result);

    /** Each part of the form takes the child units and households whose chosen part is its index. */
    default SplitCommand toSplit(RestructuringForm form, long unitId) {
        List<RestructuringForm.Part> formParts = form.getParts();
        List<SplitCommand.Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < formParts.size(); i++) {
            RestructuringForm.Part part = formParts.get(i);
            parts.add(new SplitCommand.Part(part.getCodeSuffix(), part.getName(), idsOfPart(form.getChildPart(), i),
                    idsOfPart(form.getHouseholdPart(), i)));
        }
        return new SplitCommand(unitId, form.getEffectiveDate(), parts, form.getReason());
    }

    default MergeCommand toMerge(RestructuringForm form) {
        RestructuringForm.Part part = firstPart(form);
        return new MergeCommand(form.getUnitIds(), form.getEffectiveDate(), part.getCodeSuffix(), part.getName(),
                form.getReason());
    }

    /** A blank code suffix keeps the unit's own code. */
    default MoveCommand toMove(RestructuringForm form, long unitId) {
        RestructuringForm.Part part = firstPart(form);
        return new MoveCommand(unitId, form.getNewParentId(), form.getEffectiveDate(),
                part.getCodeSuffix().isBlank() ? null : part.getCodeSuffix(), part.getName(), form.getReason());
    }

    private static RestructuringForm.Part firstPart(RestructuringForm form) {
        return form.getParts().isEmpty() ? new RestructuringForm.Part() : form.getParts().get(0);
    }

    private static List<Long> idsOfPart(Map<Long, Integer> partOf, int index) {
        return partOf.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).toList();
    }
}
