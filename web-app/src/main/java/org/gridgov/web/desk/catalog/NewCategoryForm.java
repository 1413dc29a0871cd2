package org.gridgov.web.desk.catalog;

import org.gridgov.desk.CategoryEdit;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.LimitUnit;
import org.gridgov.desk.NewCategory;

/**
 * The page's form for a new category: the code and names, then the same rule fields as an edit (flat, so that every
 * error lands on its field and the edit's template serves both); a major category's rules are not read.
 */
record NewCategoryForm(String code, String name, String nameEn, HandlingLevel handlingLevel, String filingCondition,
                       String closingCondition, Integer signYellow, Integer signRed, LimitUnit signUnit,
                       Integer handleYellow, Integer handleRed, LimitUnit handleUnit,
                       Integer verifyYellow, Integer verifyRed, LimitUnit verifyUnit, Long version) {

    /** An empty form with the usual limits filled in (sign 2/4 working hours, handle 3/5 working days, verify 1/2). */
    static NewCategoryForm blank() {
        return new NewCategoryForm("", "", "", HandlingLevel.GRID, "", "", 2, 4, LimitUnit.WORKING_HOURS, 3, 5,
                LimitUnit.WORKING_DAYS, 1, 2, LimitUnit.WORKING_DAYS, null);
    }

    NewCategory toCommand() {
        return new NewCategory(code, name, nameEn, new CategoryEdit(handlingLevel, filingCondition, closingCondition,
                signYellow, signRed, signUnit, handleYellow, handleRed, handleUnit, verifyYellow, verifyRed,
                verifyUnit, null));
    }
}
