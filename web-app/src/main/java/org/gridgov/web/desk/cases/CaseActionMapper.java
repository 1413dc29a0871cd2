package org.gridgov.web.desk.cases;

import java.util.List;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CaseActionFields;
import org.gridgov.desk.CaseActor;
import org.gridgov.desk.CaseCode;
import org.gridgov.desk.CaseCommand;
import org.gridgov.desk.CaseStep;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.grid.DomainException;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * The one way from the actions API's request and the case page's action form to a {@link CaseCommand}, so the two
 * cannot drift. MapStruct maps both flat inputs onto the domain's flat {@link CaseActionFields}; the action's own type
 * then takes the fields it has ({@link CaseStep#read}). Mapping straight onto the sealed action types would need a
 * branch per action here, which is what the action types exist to avoid.
 */
@Mapper
interface CaseActionMapper {

    @Mapping(target = "assisting", source = "target.assistingDepartmentIds")
    CaseActionFields fields(CaseApi.ActionRequest request);

    @Mapping(target = "assisting", source = "assistingDepartmentIds")
    CaseActionFields fields(CaseActionForm form);

    default CaseCommand command(CaseApi.ActionRequest request, CaseActor actor) {
        return new CaseCommand(CaseStep.read(request.action(), fields(request)), actor, request.version(),
                request.comment(), request.attachments());
    }

    /** The form's command; {@code attachments} are the ids of the photo it carried, stored already. */
    default CaseCommand command(CaseActionForm form, CaseActor actor, List<Long> attachments) {
        return new CaseCommand(CaseStep.read(form.getAction(), fields(form)), actor, form.getVersion(),
                form.getComment(), attachments);
    }

    /** A department target names {@code departmentId} (or, the older way, {@code unitId}); the others {@code unitId}. */
    default Assignee target(CaseApi.Target target) {
        if (target == null) {
            return null;
        }
        boolean department = target.level() == HandlingLevel.DEPARTMENT;
        Long unit = department && target.departmentId() != null ? target.departmentId() : target.unitId();
        if (unit == null) {
            throw department ? DomainException.onField("departmentId", "case.department.required")
                    : DomainException.onField("unitId", "case.target.required");
        }
        return new Assignee(target.level(), unit);
    }

    /** The form's unit chooser sends level and unit in one value, e.g. {@code GRID:42}. */
    default Assignee target(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(":", 2);
        try {
            return new Assignee(HandlingLevel.valueOf(parts[0]), Long.parseLong(parts[1]));
        }
        catch (RuntimeException ex) {
            throw DomainException.onField("target", "case.target.required");
        }
    }

    default CaseCode caseCode(String value) {
        return value == null || value.isBlank() ? null : CaseCode.parse(value);
    }
}
