package org.gridgov.web.grid.residents;

import java.util.Set;

import org.gridgov.grid.ResidentForm;
import org.gridgov.grid.SpecialGroup;
import org.gridgov.web.support.PageResult;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Residents' mapping: their views to the API's records, the page forms to the domain's command. */
@Mapper
public interface ResidentMapper {

    ResidentView toJson(org.gridgov.grid.ResidentView resident);

    default PageResult<ResidentView> toJson(org.gridgov.grid.PageResult<org.gridgov.grid.ResidentView> page) {
        return PageResult.of(page, this::toJson);
    }

    ResidentContact toJson(org.gridgov.grid.ResidentContact contact);

    /** The form of a page for the household of the page's path, whatever the form's hidden field says. */
    @Mapping(target = "householdId", source = "householdId")
    ResidentForm toCommand(ResidentForm form, long householdId);

    /**
     * The edit form: the ID number, phone and birth date start blank (blank keeps the stored ones; none is ever
     * shown: the birth date and the masks together would give the ID number away).
     */
    @Mapping(target = "idNumber", constant = "")
    @Mapping(target = "phone", constant = "")
    @Mapping(target = "birthDate", ignore = true)
    ResidentForm toForm(org.gridgov.grid.ResidentView resident);

    /** Special groups as they are: a set of enum constants needs no copy, and a copy could change their order. */
    default Set<SpecialGroup> specialGroups(Set<SpecialGroup> groups) {
        return groups;
    }
}
