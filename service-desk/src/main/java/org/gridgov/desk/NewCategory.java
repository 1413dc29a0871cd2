package org.gridgov.desk;

/**
 * A new category of the catalog. The code is four digits: {@code NN00} for a major category (no rules), {@code NNMM}
 * for a minor one under the major {@code NN00}, which must exist, with its rules (level, conditions, the three time
 * limits) as {@link CategoryEdit} checks them ({@code version} is not read). Names are required: Chinese up to
 * {@link #MAX_NAME} characters, English up to {@link #MAX_NAME_EN}.
 */
public record NewCategory(String code, String name, String nameEn, CategoryEdit rules) {

    public static final int MAX_NAME = 50;
    public static final int MAX_NAME_EN = 100;

    /** Whether the code names a major category (NN00). */
    public boolean major() {
        return code != null && code.strip().endsWith("00");
    }
}
