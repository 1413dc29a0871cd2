package org.gridgov.desk;

/**
 * One row of a breakdown: {@code key} is the unit id, the category code, the channel name or the month (yyyy-MM),
 * {@code label} its display name (unit "code name", category name in the caller's language is the page's job: the
 * category code is given), and the figures.
 */
public record FigureRow(String key, String label, CaseFigures figures) {
}
