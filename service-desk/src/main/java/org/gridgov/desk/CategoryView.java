package org.gridgov.desk;

/**
 * 事件分类 — a category of the catalog as users see it. A major category (code {@code NN00}) has no parent and no
 * rules; a minor one ({@code NNMM}) carries the handling level, the conditions, the time limits per stage and the
 * department its cases go to by default when they are dispatched to departments ({@code defaultDepartmentId}).
 */
public record CategoryView(String code, String majorCode, String name, String nameEn, HandlingLevel handlingLevel,
                           String filingCondition, String closingCondition, TimeLimit sign, TimeLimit handle,
                           TimeLimit verify, long version, Long defaultDepartmentId) {

    /** A category without a default department (分拨 not set). */
    public CategoryView(String code, String majorCode, String name, String nameEn, HandlingLevel handlingLevel,
                        String filingCondition, String closingCondition, TimeLimit sign, TimeLimit handle,
                        TimeLimit verify, long version) {
        this(code, majorCode, name, nameEn, handlingLevel, filingCondition, closingCondition, sign, handle, verify,
                version, null);
    }

    public boolean major() {
        return majorCode == null;
    }

    public TimeLimit limit(DeadlineStage stage) {
        return switch (stage) {
            case SIGN -> sign;
            case HANDLE -> handle;
            case VERIFY -> verify;
        };
    }
}
