package org.gridgov.desk;

import org.gridgov.grid.DomainException;

/**
 * An administrator's change to a minor category: handling level, conditions and the three time limits, flat so that a
 * form or a JSON body binds it directly and every error lands on its field. {@code version} is the one the user saw.
 */
public record CategoryEdit(HandlingLevel handlingLevel, String filingCondition, String closingCondition,
                           Integer signYellow, Integer signRed, LimitUnit signUnit,
                           Integer handleYellow, Integer handleRed, LimitUnit handleUnit,
                           Integer verifyYellow, Integer verifyRed, LimitUnit verifyUnit, Long version) {

    public static final int MAX_CONDITION = 500;

    /** The form filled with the category as it is. */
    public static CategoryEdit of(CategoryView c) {
        return new CategoryEdit(c.handlingLevel(), c.filingCondition(), c.closingCondition(),
                c.sign().yellow(), c.sign().red(), c.sign().unit(),
                c.handle().yellow(), c.handle().red(), c.handle().unit(),
                c.verify().yellow(), c.verify().red(), c.verify().unit(), c.version());
    }

    /** The limit typed for {@code stage}, checked. */
    public TimeLimit limit(DeadlineStage stage) {
        return switch (stage) {
            case SIGN -> TimeLimit.of(stage, signYellow, signRed, signUnit);
            case HANDLE -> TimeLimit.of(stage, handleYellow, handleRed, handleUnit);
            case VERIFY -> TimeLimit.of(stage, verifyYellow, verifyRed, verifyUnit);
        };
    }

    /** The handling level, required. */
    public HandlingLevel level() {
        if (handlingLevel == null) {
            throw DomainException.onField("handlingLevel", "category.level.required");
        }
        return handlingLevel;
    }

    public String filing() {
        return condition("filingCondition", filingCondition);
    }

    public String closing() {
        return condition("closingCondition", closingCondition);
    }

    private static String condition(String field, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.onField(field, "category.condition.required");
        }
        if (text.strip().length() > MAX_CONDITION) {
            throw DomainException.onField(field, "category.condition.tooLong", MAX_CONDITION);
        }
        return text.strip();
    }
}
