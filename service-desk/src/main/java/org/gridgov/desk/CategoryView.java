package org.gridgov.desk;

/**
 * 事件分类 — a category of the catalog as users see it. A major category (code {@code NN00}) has no parent and no
 * rules; a minor one ({@code NNMM}) carries the handling level, the conditions and the time limits per stage.
 */
public record CategoryView(String code, String majorCode, String name, String nameEn, HandlingLevel handlingLevel,
                           String filingCondition, String closingCondition, TimeLimit sign, TimeLimit handle,
                           TimeLimit verify, long version) {

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
