package org.gridgov.desk;

import org.gridgov.grid.DomainException;

/**
 * 时限 — how long a stage may take: it turns yellow (due soon) after {@code yellow} and red (overdue) after
 * {@code red}, both counted in {@code unit} from the start of the stage. Yellow always comes strictly before red: the
 * time between them is the warning the handler gets, and a limit without one would jump from green to overdue. A
 * limit of one unit takes the finer unit beside it (1 urgent hour is yellow 30 / red 60 urgent minutes).
 */
public record TimeLimit(int yellow, int red, LimitUnit unit) {

    public TimeLimit {
        if (unit == null || yellow < 1 || red <= yellow || red > unit.max()) {
            throw new IllegalArgumentException("not a time limit: " + yellow + "/" + red + " " + unit);
        }
    }

    /**
     * A limit typed by a user for {@code stage}: a broken rule is a domain error on the field at fault
     * ({@code signYellow}, {@code handleRed}, {@code verifyUnit} …); a yellow not before red is refused on the yellow
     * field, with a hint to the finer unit when red is a single unit.
     */
    public static TimeLimit of(DeadlineStage stage, Integer yellow, Integer red, LimitUnit unit) {
        String yellowField = stage.field() + "Yellow";
        String redField = stage.field() + "Red";
        if (unit == null) {
            throw DomainException.onField(stage.field() + "Unit", "category.limit.unitRequired");
        }
        check(yellowField, yellow, unit);
        check(redField, red, unit);
        if (yellow >= red) {
            throw DomainException.onField(yellowField,
                    red == 1 ? "category.limit.oneUnit" : "category.limit.yellowNotBeforeRed", yellow, red);
        }
        return new TimeLimit(yellow, red, unit);
    }

    private static void check(String field, Integer amount, LimitUnit unit) {
        if (amount == null) {
            throw DomainException.onField(field, "category.limit.required");
        }
        if (amount < 1) {
            throw DomainException.onField(field, "category.limit.positive");
        }
        if (amount > unit.max()) {
            throw DomainException.onField(field, "category.limit.max", unit.max());
        }
    }
}
